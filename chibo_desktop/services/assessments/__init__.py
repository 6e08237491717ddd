"""The year-end assessment of members and of the cell."""
