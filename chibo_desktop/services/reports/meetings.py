"""Report 4: the cell's meetings in a period, attendance per meeting and per member."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from ...domain.attendance import MeetingFigures, MemberFigures, figures
from ...domain.meetings import is_regular_kinds, kind_keys
from ...domain.text import name_sort_key
from ...i18n import format_date, format_percent
from ...rules.meetings import meeting_rules
from ...storage import report_queries
from ..contract.context import today as _today
from ..meetings.quality import cell_meeting_rules


@dataclass(frozen=True)
class Thresholds:
    min_attendance: float = 0.85
    max_missed_in_a_row: int = 3
    kind_labels: dict | None = None


def thresholds(db: Database | None = None) -> Thresholds:
    """The cell's own yardsticks (Settings) when a data file is given, else the program's
    defaults (resources/rules/meetings.toml [quality]); they are not a regulation."""
    rules = cell_meeting_rules(db) if db is not None else meeting_rules()
    return Thresholds(
        rules.min_attendance,
        rules.max_excused_in_a_row,
        {k.key: k.label for k in rules.kinds},
    )


@dataclass
class MeetingLine:
    id: int
    date: dt.date
    kinds: str
    title: str
    figures: MeetingFigures
    draft: bool = False  # minutes not finalised: figures may still change
    regular: bool = False  # a regular (monthly) meeting, alone or with a theme


@dataclass
class MeetingsSummary:
    start: dt.date
    end: dt.date
    meetings: list[MeetingLine]
    members: list[MemberFigures]
    warnings: list[str]
    regular_months_missing: list[str]

    @property
    def expected(self) -> int:
        return sum(m.figures.expected for m in self.meetings)

    @property
    def present(self) -> int:
        return sum(m.figures.present for m in self.meetings)

    @property
    def rate(self) -> float:
        return self.present / self.expected if self.expected else 0.0


def _kinds_text(kinds: str, labels: dict) -> str:
    parts = [labels.get(k, k) for k in kind_keys(kinds)]
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def _months(start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    months, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def _last_day(year: int, month: int) -> dt.date:
    first_of_next = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return first_of_next - dt.timedelta(days=1)


def months_due(start: dt.date, end: dt.date, today: dt.date) -> list[tuple[int, int]]:
    """Months of the period that must have had their regular meeting: those over by the
    report's end date and before today (this month still has days to hold it)."""
    return [
        (y, m) for y, m in _months(start, end) if _last_day(y, m) <= end and _last_day(y, m) < today
    ]


def meeting_lines(
    db: Database, start: dt.date, end: dt.date, labels: dict
) -> tuple[list[MeetingLine], dict[int, MemberFigures]]:
    """The meetings of the period with their attendance figures, and each member's."""
    rows = report_queries.meetings_between(db, start, end)
    per_meeting, per_member = figures(
        report_queries.attendance_between(db, start, end), [r["id"] for r in rows]
    )
    lines = [
        MeetingLine(
            r["id"],
            dt.date.fromisoformat(r["date"]),
            _kinds_text(r["kinds"], labels),
            r["title"] or r["topic"],
            per_meeting[r["id"]],
            draft=r["status"] != "final",
            regular=is_regular_kinds(r["kinds"]),
        )
        for r in rows
    ]
    return lines, per_member


def meetings_summary(
    db: Database, start: dt.date, end: dt.date, today: dt.date | None = None
) -> MeetingsSummary:
    limits = thresholds(db)
    meetings, per_member = meeting_lines(db, start, end, limits.kind_labels or {})
    members = sorted(per_member.values(), key=lambda f: name_sort_key(f.name))
    warnings: list[str] = []
    for m in meetings:
        f = m.figures
        day = format_date(m.date)
        # The cell's yardstick asks for attendance above the minimum: exactly it is flagged.
        if f.expected and f.rate <= limits.min_attendance:
            rate = format_percent(f.rate, document=True)
            least = format_percent(limits.min_attendance, document=True)
            warnings.append(
                f"Buổi sinh hoạt ngày {day}: tỷ lệ có mặt {rate}, "
                f"chưa vượt mức chi bộ đặt ({least})."
            )
        if f.absent:
            warnings.append(f"Buổi sinh hoạt ngày {day}: {f.absent} đảng viên vắng không có lý do.")
    for f in members:
        if f.longest_streak >= limits.max_missed_in_a_row:
            warnings.append(f"{f.name} vắng {f.longest_streak} buổi liên tiếp.")
    held = {(m.date.year, m.date.month) for m in meetings if m.regular}
    due = months_due(start, end, today or _today())
    missing = [f"{mm:02d}/{yy}" for yy, mm in due if (yy, mm) not in held]
    if missing:
        warnings.append(f"Tháng chưa có sinh hoạt thường kỳ: {', '.join(missing)}.")
    drafts = [format_date(m.date) for m in meetings if m.draft]
    if drafts:
        warnings.append(
            f"Biên bản còn là dự thảo, chưa hoàn tất (số liệu có thể còn thay đổi): "
            f"ngày {', '.join(drafts)}."
        )
    return MeetingsSummary(start, end, meetings, members, warnings, missing)
