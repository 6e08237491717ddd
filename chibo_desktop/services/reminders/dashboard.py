"""The home page's pictures: figures taken from the services that feed the reports.

Attendance comes from the meetings report's lines (`reports.meetings.meeting_lines`,
report 4), the members by
status and party age from `report_situation.situation` (report 2), the campaign's steps
by the rule of `campaigns.campaign_state` (report 5), the deadlines from the reminders the home page
already has. Nothing here counts anything a second way.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sqlite_utils import Database

from ...i18n import _
from ..contract.context import today as _today

ATTENDANCE_MEETINGS = 12
# Twelve regular meetings are a year; two years back finds them where some months missed.
ATTENDANCE_LOOKBACK_DAYS = 730
DEADLINES = 3


@dataclass(frozen=True)
class AttendancePoint:
    meeting_id: int
    date: dt.date
    expected: int
    present: int
    draft: bool

    @property
    def rate(self) -> float | None:
        return self.present / self.expected if self.expected else None


@dataclass(frozen=True)
class Segment:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class StepPoint:
    title: str
    status: str  # done | todo | doing | overdue (Step.shown_status)
    due: dt.date | None


@dataclass
class DashboardData:
    today: dt.date
    threshold: float
    attendance: list[AttendancePoint] = field(default_factory=list)
    members: int = 0
    status: list[Segment] = field(default_factory=list)
    party_age: list[Segment] = field(default_factory=list)
    exempt: int = 0
    temp_out: int = 0
    campaign_id: int | None = None
    campaign_title: str = ""
    steps: list[StepPoint] = field(default_factory=list)


def dashboard(db: Database, today: dt.date | None = None) -> DashboardData:
    from ..reports.meetings import thresholds

    today = today or _today()
    data = DashboardData(today, thresholds(db).min_attendance)
    data.attendance = attendance(db, today)
    _members(db, today, data)
    _campaign(db, today, data)
    return data


def attendance(db: Database, today: dt.date) -> list[AttendancePoint]:
    """The last twelve regular meetings up to today, oldest first, with the meetings
    report's own lines (`reports.meetings.meeting_lines`), read from the first of them on;
    the report's sentences are left out (their percentages would load babel's locale data
    while the window starts)."""
    from ...domain.meetings import is_regular_kinds
    from ...storage import report_queries
    from ..reports.meetings import meeting_lines

    start = today - dt.timedelta(days=ATTENDANCE_LOOKBACK_DAYS)
    rows = [
        r for r in report_queries.meetings_between(db, start, today) if is_regular_kinds(r["kinds"])
    ]
    if not rows:
        return []
    first = dt.date.fromisoformat(rows[-ATTENDANCE_MEETINGS:][0]["date"])
    lines, _per_member = meeting_lines(db, first, today, {})
    return [
        AttendancePoint(m.id, m.date, m.figures.expected, m.figures.present, m.draft)
        for m in lines
        if m.regular
    ][-ATTENDANCE_MEETINGS:]


def _members(db: Database, today: dt.date, data: DashboardData) -> None:
    from ..reports.situation import situation

    s = situation(db, today, today)
    data.members = s.total
    data.status = [
        Segment("chinh_thuc", _("Chính thức"), s.chinh_thuc),
        Segment("du_bi", _("Dự bị"), s.du_bi),
    ]
    data.exempt, data.temp_out = s.exempt, s.temp_out
    group = next((g for g in s.groups if g.title == "Theo tuổi Đảng"), None)
    rows = group.rows if group else []
    data.party_age = [
        Segment(f"band{i}", short_band(label), n) for i, (label, n) in enumerate(rows)
    ]


def short_band(label: str) -> str:
    """The situation report's party-age band in figures ("Từ 10 đến dưới 20 năm" →
    "10–19"), which reads the same in both languages on a narrow bar."""
    numbers = [int(n) for n in re.findall(r"\d+", label)]
    if not numbers:
        return _("Chưa rõ")
    if label.startswith("Dưới"):
        return f"<{numbers[0]}"
    if len(numbers) == 1:
        return f"{numbers[0]}+"
    return f"{numbers[0]}–{numbers[1] - 1}"


def _campaign(db: Database, today: dt.date, data: DashboardData) -> None:
    """The campaign under way: the latest one started by today (the newest if none has).
    Its steps' states by `domain.deadlines.step_status`, the rule `campaign_state` applies
    for the campaign's page and report (read here without the campaign's record types,
    which the window does not need to start)."""
    from ...domain.deadlines import step_status
    from ...storage import campaigns as campaign_store

    rows = campaign_store.campaigns(db)
    if not rows:
        return
    started = [r for r in rows if r["start"] and r["start"] <= today.isoformat()]
    row = max(started or rows, key=lambda r: (r["start"] or "", r["id"]))
    data.campaign_id, data.campaign_title = row["id"], row["title"]
    for step in campaign_store.steps(db, row["id"]):
        due = dt.date.fromisoformat(step["due"]) if step["due"] else None
        done = dt.date.fromisoformat(step["done_date"]) if step["done_date"] else None
        data.steps.append(
            StepPoint(step["title"], step_status(step["status"], due, done, today), due)
        )


def next_deadlines(reminders: list, today: dt.date, count: int = DEADLINES) -> list:
    """The reminders with a date from today on, nearest first (the home page's list)."""
    dated = [r for r in reminders if r.date is not None and r.date >= today]
    return sorted(dated, key=lambda r: r.date)[:count]
