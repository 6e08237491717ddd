"""Every kind of document of the demo cell written as .docx and as .pdf, for the Word
document tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from chibo_desktop.services.campaigns.campaign import campaign_state, list_campaigns
from chibo_desktop.services.campaigns.reports import write_report, write_self_review
from chibo_desktop.services.contract.results import run_to_end
from chibo_desktop.services.meetings.documents import export_notice, export_resolution
from chibo_desktop.services.meetings.minutes import list_meetings
from chibo_desktop.services.meetings.printing import export_minutes
from chibo_desktop.services.members.exports import export_members
from chibo_desktop.services.reports.catalog import build_report

KINDS = (
    "minutes",
    "blank",
    "members",
    "situation",
    "assessment",
    "meetings",
    "campaign",
    "self_review",
    "resolution",
    "notice",
)


def regular_meeting(db) -> int:
    """The last finalised regular meeting of the demo."""
    rows = [r for r in list_meetings(db) if r["status"] == "final" and "thuong_ky" in r["kinds"]]
    return rows[0]["id"]


def write(db, kind: str, path: Path, today: dt.date) -> Path:
    meeting_id = regular_meeting(db)
    if kind in ("minutes", "blank"):
        return export_minutes(db, meeting_id, path, blank=kind == "blank")
    if kind == "members":
        return run_to_end(export_members(db, path, today=today)).path
    if kind in ("situation", "meetings"):
        return run_to_end(build_report(db, kind, dt.date(2026, 1, 1), today, path, today=today))
    if kind == "assessment":
        year = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
        return run_to_end(build_report(db, kind, *year, path, today=today))
    campaign_id = list_campaigns(db, today)[0]["id"]
    if kind == "campaign":
        return write_report(db, campaign_id, path, today)
    if kind == "self_review":
        member = campaign_state(db, campaign_id, today).active_members[0]
        return write_self_review(db, campaign_id, member.member_id, path, today)
    if kind == "resolution":
        return export_resolution(db, meeting_id, path)
    return export_notice(db, meeting_id, path, today=today)
