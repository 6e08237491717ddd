"""A package's headline figures (members, meetings, campaign), computed by the cell's own
report services on the package's data for its period: written into the manifest at export,
computed again and compared when the package is received, read by the committee's list."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from ...errors import ChiboError
from ..campaigns.campaign import campaign_state
from ..reports.delegates import pick_campaign
from ..reports.meetings import meetings_summary
from ..reports.situation import situation


def package_summary(db: Database, start: dt.date, end: dt.date) -> dict:
    # As of the period's end, so that it comes out the same wherever it is computed again.
    after = end + dt.timedelta(days=1)
    meetings = meetings_summary(db, start, end, after)
    summary = {
        "members": situation(db, end, end).total,
        "meetings": len(meetings.meetings),
        "regular_months_missing": list(meetings.regular_months_missing),
        "campaign": None,
    }
    try:
        row = pick_campaign(db, start, end, end)
    except ChiboError:
        return summary
    state = campaign_state(db, row["id"], end)
    summary["campaign"] = {
        "title": state.title,
        "progress": round(state.progress, 4),
        "overdue": len(state.overdue),
    }
    return summary
