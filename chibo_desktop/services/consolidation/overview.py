"""`consolidate list` and the committee's overview page: one line per cell, from the
headline figures its newest package carries (checked against its data when received)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from ..contract.context import today as _today
from ..reports.catalog import default_period
from .cells import received_cells


@dataclass(frozen=True)
class CellLine:
    uuid: str
    name: str
    former_names: tuple[str, ...]
    package_created: dt.datetime
    period_start: dt.date
    period_end: dt.date
    members: int
    meetings_in_period: int
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
            "meetings_in_period": self.meetings_in_period,
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
    due = expected_period_end(today or _today())
    lines = []
    for cell in received_cells(db):
        s = cell.summary
        campaign = s.get("campaign") or {}
        lines.append(
            CellLine(
                cell.uuid,
                cell.name,
                cell.former_names,
                cell.created_at,
                cell.start,
                cell.end,
                int(s.get("members", 0)),
                int(s.get("meetings", 0)),
                tuple(s.get("regular_months_missing", ())),
                str(campaign.get("title", "")),
                campaign.get("progress"),
                int(campaign.get("overdue", 0)),
                cell.end < due,
            )
        )
    return lines
