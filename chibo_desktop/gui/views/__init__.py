"""The pages of the main window (home, members, meetings, campaign, dues, reports, settings,
and the committee's), each loaded when first shown."""
