"""Report 2: the members at a date and the changes in a period (tình hình đảng viên)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from sqlite_utils import Database

from ...domain import facts
from ...domain.members import Member
from ...domain.status import MemberState, StatusChange
from ...domain.text import fold, name_sort_key
from ...i18n import format_date
from ...rules.assessment import ReportGroups, report_groups
from ...storage import members as member_store
from ..members.register import state_of

# (key, label, status change kinds counted)
CHANGE_GROUPS = [
    ("admitted", "Kết nạp đảng viên mới", ("admitted",)),
    ("official", "Công nhận đảng viên chính thức", ("official",)),
    ("transfer_in", "Chuyển sinh hoạt đến", ("transfer_in",)),
    ("restored", "Phục hồi đảng tịch", ("restored",)),
    ("transfer_out", "Chuyển sinh hoạt đi", ("transfer_out",)),
    ("died", "Từ trần", ("died",)),
    (
        "removed",
        "Ra khỏi Đảng (xin ra, xóa tên, khai trừ)",
        ("resigned", "struck_off", "expelled"),
    ),
]
INCOMING = ("admitted", "transfer_in", "restored")
OUTGOING = ("transfer_out", "died", "removed")


@dataclass
class Group:
    title: str
    rows: list[tuple[str, int]]


@dataclass
class ChangeLine:
    key: str
    label: str
    events: list[tuple[Member, StatusChange]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.events)


@dataclass
class Situation:
    start: dt.date
    end: dt.date
    opening: int
    total: int
    chinh_thuc: int
    du_bi: int
    exempt: int
    temp_out: int
    suspended: int
    temporary_here: int
    groups: list[Group]
    changes: list[ChangeLine]

    def change(self, key: str) -> int:
        return next(c.count for c in self.changes if c.key == key)

    @property
    def balanced(self) -> bool:
        """Opening + incoming − outgoing = closing (the quarterly reconciliation)."""
        moved = sum(self.change(k) for k in INCOMING) - sum(self.change(k) for k in OUTGOING)
        return self.opening + moved == self.total


def counted(state: MemberState) -> bool:
    """In the cell's total: membership held here (members attending temporarily are apart)."""
    return state.in_cell and state.attachment == "official"


def situation(db: Database, start: dt.date, end: dt.date) -> Situation:
    members = member_store.all_members(db)
    histories = member_store.all_status_histories(db)
    return compute_situation(members, histories, start, end, report_groups())


def compute_situation(
    members: list[Member],
    histories: dict[int, list[StatusChange]],
    start: dt.date,
    end: dt.date,
    groups: ReportGroups,
) -> Situation:
    before = start - dt.timedelta(days=1)
    opening = 0
    now: list[tuple[Member, MemberState]] = []
    temporary_here = 0
    lines = [ChangeLine(key, label) for key, label, _kinds in CHANGE_GROUPS]
    by_kind = {
        kind: line
        for line, (_k, _l, kinds) in zip(lines, CHANGE_GROUPS, strict=True)
        for kind in kinds
    }
    for member in members:
        history = histories.get(member.id, [])
        if counted(state_of(member, history, before)):
            opening += 1
        state = state_of(member, history, end)
        if counted(state):
            now.append((member, state))
        elif state.in_cell:
            temporary_here += 1
        for change in history:
            if start <= change.date <= end and change.kind in by_kind:
                by_kind[change.kind].events.append((member, change))
    for line in lines:
        line.events.sort(key=lambda e: (e[1].date, name_sort_key(e[0].full_name)))
    conditions = Counter(s.condition for _m, s in now)
    return Situation(
        start=start,
        end=end,
        opening=opening,
        total=len(now),
        chinh_thuc=sum(1 for _m, s in now if s.membership == "chinh_thuc"),
        du_bi=sum(1 for _m, s in now if s.membership == "du_bi"),
        exempt=conditions["exempt"],
        temp_out=conditions["temp_out"],
        suspended=conditions["suspended"],
        temporary_here=temporary_here,
        groups=_groups([m for m, _s in now], end, groups),
        changes=lines,
    )


def _groups(members: list[Member], on: dt.date, rules: ReportGroups) -> list[Group]:
    unknown = "Chưa rõ"
    sex = Counter(m.gender or unknown for m in members)
    sex_rows = [("Nam", sex.pop("Nam", 0)), ("Nữ", sex.pop("Nữ", 0))]
    sex_rows += sorted(sex.items())

    ethnic = Counter(m.ethnicity.strip() or unknown for m in members)
    ethnic_rows = [("Kinh", ethnic.pop("Kinh", 0))]
    ethnic_rows += sorted(ethnic.items(), key=lambda kv: (kv[0] == unknown, -kv[1], fold(kv[0])))

    ages = [facts.age(m.birth_date, on) for m in members]
    age_rows = _bands(ages, rules.age_bands, _age_label, unknown)

    party_ages = [facts.party_age(m.join_date, on) for m in members]
    party_rows = _bands(party_ages, rules.party_age_bands, _party_age_label, unknown)

    known = {fold(level): level for level in rules.theory_levels}
    theory = Counter()
    for m in members:
        value = m.theory_level.strip()
        theory[known.get(fold(value), value) or "Chưa có"] += 1
    theory_rows = [(level, theory.pop(level, 0)) for level in rules.theory_levels]
    theory_rows += sorted(theory.items(), key=lambda kv: (kv[0] == "Chưa có", fold(kv[0])))

    return [
        Group("Theo giới tính", sex_rows),
        Group("Theo dân tộc", ethnic_rows),
        Group("Theo độ tuổi", age_rows),
        Group("Theo trình độ lý luận chính trị", theory_rows),
        Group("Theo tuổi Đảng", party_rows),
    ]


def _bands(values, bounds: tuple[int, ...], label, unknown: str) -> list[tuple[str, int]]:
    counts = [0] * len(bounds)
    below = missing = 0
    for value in values:
        if value is None:
            missing += 1
            continue
        index = sum(1 for b in bounds if value >= b) - 1
        if index < 0:
            below += 1
        else:
            counts[index] += 1
    rows = []
    if below:
        rows.append((label(None, bounds[0]), below))
    for i, lo in enumerate(bounds):
        hi = bounds[i + 1] if i + 1 < len(bounds) else None
        rows.append((label(lo, hi), counts[i]))
    if missing:
        rows.append((unknown, missing))
    return rows


def _age_label(lo: int | None, hi: int | None) -> str:
    if lo is None:
        return f"Dưới {hi} tuổi"
    if hi is None:
        return f"Từ {lo} tuổi trở lên"
    return f"Từ {lo} đến {hi - 1} tuổi"


def _party_age_label(lo: int | None, hi: int | None) -> str:
    if lo is None or lo == 0:
        return f"Dưới {hi} năm"
    if hi is None:
        return f"Từ {lo} năm trở lên"
    return f"Từ {lo} đến dưới {hi} năm"


def period_text(start: dt.date, end: dt.date) -> str:
    return f"Từ ngày {format_date(start)} đến ngày {format_date(end)}"
