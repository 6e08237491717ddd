"""`consolidate list` and the committee's overview page: one line per cell."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from ...errors import ChiboError
from ..common import today as _today
from ..report_meetings import meetings_summary
from ..reports import default_period
from .cells import each_cell


@dataclass(frozen=True)
class CellLine:
    uuid: str
    name: str
    former_names: tuple[str, ...]
    package_created: dt.datetime
    period_start: dt.date
    period_end: dt.date
    members: int
    meetings_this_quarter: int
    regular_months_missing: tuple[str, ...]
    campaign: str
    campaign_progress: float | None
    campaign_overdue: int
    late: bool

    def as_dict(self) -> dict:
        return {
            "uuid": self.uuid,
            "name": self.name,
            "former_names": list(self.former_names),
            "package_created": self.package_created.isoformat(),
            "period": {"from": self.period_start.isoformat(), "to": self.period_end.isoformat()},
            "members": self.members,
            "meetings_this_quarter": self.meetings_this_quarter,
            "regular_months_missing": list(self.regular_months_missing),
            "campaign": self.campaign,
            "campaign_progress": self.campaign_progress,
            "campaign_overdue_steps": self.campaign_overdue,
            "late": self.late,
        }


def expected_period_end(today: dt.date) -> dt.date:
    """A package is up to date when it covers the last quarter that has ended."""
    return default_period(today)[0] - dt.timedelta(days=1)


def cell_lines(db: Database, today: dt.date | None = None) -> list[CellLine]:
    from ..campaigns import campaign_state
    from ..report_delegates import pick_campaign
    from ..report_situation import situation

    on = today or _today()
    quarter_start, _end = default_period(on)
    due = expected_period_end(on)
    lines = []
    for cell, data in each_cell(db):
        members = situation(data, cell.end, cell.end).total
        summary = meetings_summary(data, quarter_start, min(on, max(cell.end, quarter_start)), on)
        title, progress, overdue = "", None, 0
        try:
            row = pick_campaign(data, quarter_start, on, on)
            state = campaign_state(data, row["id"], on)
            title, progress, overdue = state.title, state.progress, len(state.overdue)
        except ChiboError:
            pass
        lines.append(
            CellLine(
                cell.uuid,
                cell.name,
                cell.former_names,
                cell.created_at,
                cell.start,
                cell.end,
                members,
                len(summary.meetings),
                tuple(summary.regular_months_missing),
                title,
                progress,
                overdue,
                cell.end < due,
            )
        )
    return lines
