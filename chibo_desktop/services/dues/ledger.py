"""Party dues: the rates in force, each member's monthly dues, the month's ledger and the
year's summary. Writes are in `dues_entry`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlite_utils import Database

from ...domain.dates import latest
from ...domain.dues import CellDuesOptions, Due, DuesRules, Month, Regime, compute_due
from ...domain.dues_checks import MonthRecord, Payment, month_state
from ...domain.text import name_sort_key
from ...rules.dues import dues_rules
from ...storage import dues as store
from ...storage import meetings as meeting_store
from ..cell.identity import get_setting
from ..members.states import BriefMember, StateDeriver, brief_members, change_lists

OPTIONS_KEY = "dues.options"


# The settings change from a month on, like a member's basis: a change of rounding or of an
# amount never rewrites the months before it. Stored as dated changes, each holding only what
# it changed; the settings of a month are the changes up to it applied in order.
START = Month(1900, 1)


def option_changes(db: Database) -> list[dict]:
    raw = get_setting(db, OPTIONS_KEY, None) or {}
    return sorted(raw.get("changes", []), key=lambda c: c["from"])


def options_from_changes(changes: list[dict], month: Month | None) -> CellDuesOptions:
    rules = dues_rules()
    merged: dict = {"group_amounts": {}}
    for change in changes:
        if month is not None and change["from"] > str(month):
            break
        for key, value in change.items():
            if key == "group_amounts":
                merged["group_amounts"].update(value)
            elif key != "from":
                merged[key] = value
    rounding = merged.get("rounding", rules.rounding)
    return CellDuesOptions(
        rounding=rounding if rounding in rules.rounding_choices else rules.rounding,
        kept_percent=merged.get("kept_percent"),
        group_amounts={k: int(v) for k, v in merged["group_amounts"].items()},
    )


def cell_options(db: Database, month: Month | None = None) -> CellDuesOptions:
    """The cell's own dues settings in force in ``month`` (the latest when None): rounding,
    share kept, amounts of the groups the regulation found does not fix."""
    return options_from_changes(option_changes(db), month)


def regime_on(day: dt.date) -> Regime:
    return dues_rules().regime_on(day)


@dataclass(frozen=True)
class LedgerLine:
    member_id: int
    name: str
    due: Due
    payment: Payment | None
    state: str
    arrears: int = 0  # dues of earlier months of the year not paid
    advance: int = 0  # paid already for later months

    @property
    def paid(self) -> int:
        return self.payment.amount if self.payment else 0


@dataclass(frozen=True)
class MonthLedger:
    month: Month
    regime: Regime
    options: CellDuesOptions
    lines: list[LedgerLine]
    record: MonthRecord
    meeting_date: str | None = None  # ISO date of the meeting that collected the dues

    @property
    def total_due(self) -> int:
        return sum(line.due.amount or 0 for line in self.lines)

    @property
    def total_paid(self) -> int:
        return sum(line.paid for line in self.lines)

    @property
    def kept(self) -> int | None:
        """The share the cell keeps, by its setting (None while the cell has not set it)."""
        if self.options.kept_percent is None:
            return None
        return (self.total_paid * self.options.kept_percent + 50) // 100

    @property
    def to_pass_up(self) -> int:
        return self.total_paid - (self.kept or 0)

    def count(self, *states: str) -> int:
        return sum(1 for line in self.lines if line.state in states)


class DuesBook:
    """Members, their histories, bases, reliefs and payments read once for some months."""

    def __init__(self, db: Database, first: Month, last: Month) -> None:
        self.rules: DuesRules = dues_rules()
        self._option_changes = option_changes(db)
        self._options: dict[Month, CellDuesOptions] = {}
        self.members = sorted(brief_members(db), key=lambda m: name_sort_key(m.full_name))
        self.histories = change_lists(db)
        self.bases = store.all_bases(db)
        self.reliefs = store.all_reliefs(db)
        self.payments = store.payments_between(db, Month(first.year, 1), Month(9999, 12))
        self.records = store.month_records(db, first, last)
        self.paid_by_member: dict[int, list[Payment]] = {}
        for payment in self.payments.values():
            self.paid_by_member.setdefault(payment.member_id, []).append(payment)
        self._state = StateDeriver().state
        # A ledger asks again about earlier months (arrears): each answer is kept.
        self._spans: dict[int, list[tuple[dt.date, dt.date | None]]] = {}
        self._dues: dict[tuple[int, Month], Due] = {}

    def state_on(self, member: BriefMember, day: dt.date):
        return self._state(self.histories.get(member.id, ()), day, member.official_date)

    def options(self, month: Month) -> CellDuesOptions:
        found = self._options.get(month)
        if found is None:
            found = self._options[month] = options_from_changes(self._option_changes, month)
        return found

    def spans(self, member: BriefMember) -> list[tuple[dt.date, dt.date | None]]:
        """The member's stays in the cell, (first day, day of leaving or None): the state
        only changes on the days of the status changes, so it is derived on those days."""
        found = self._spans.get(member.id)
        if found is None:
            changes = self.histories.get(member.id, ())
            found, start = [], None
            for _kind, date in changes:
                day = dt.date.fromisoformat(date)
                inside = self._state(changes, day, member.official_date).in_cell
                if inside and start is None:
                    start = day
                elif not inside and start is not None:
                    found.append((start, day))
                    start = None
            if start is not None:
                found.append((start, None))
            self._spans[member.id] = found
        return found

    def belongs(self, member: BriefMember, month: Month) -> bool:
        """In the cell on some day of the month."""
        first, last = month.first, month.last
        return any(
            start <= last and (end is None or end >= first) for start, end in self.spans(member)
        )

    def due(self, member: BriefMember, month: Month) -> Due:
        key = (member.id, month)
        found = self._dues.get(key)
        if found is None:
            found = self._dues[key] = compute_due(
                self.rules,
                month,
                self.bases.get(member.id, ()),
                self.reliefs.get(member.id, ()),
                latest(member.join_date),
                self.options(month),
            )
        return found

    def paid(self, member: BriefMember, month: Month) -> int:
        payment = self.payments.get((member.id, month))
        return payment.amount if payment else 0

    def month_line(self, member: BriefMember, month: Month) -> LedgerLine:
        due = self.due(member, month)
        payment = self.payments.get((member.id, month))
        arrears = 0
        for earlier in (Month(month.year, m) for m in range(1, month.month)):
            if not self.belongs(member, earlier):
                continue
            old = self.due(member, earlier)
            paid = self.payments.get((member.id, earlier))
            if month_state(old, paid.amount if paid else 0) in ("unpaid", "partial"):
                arrears += (old.amount or 0) - (paid.amount if paid else 0)
        advance = sum(p.amount for p in self.paid_by_member.get(member.id, ()) if p.month > month)
        state = month_state(due, payment.amount if payment else 0)
        return LedgerLine(member.id, member.full_name, due, payment, state, arrears, advance)


def month_ledger(db: Database, month: Month) -> MonthLedger:
    """Every member of the cell in that month: due, paid, how, when, arrears."""
    book = DuesBook(db, month, month)
    lines = [book.month_line(m, month) for m in book.members if book.belongs(m, month)]
    record = book.records.get(month) or MonthRecord(month)
    meeting_date = None
    if record.meeting_id is not None:
        meeting_date = next(
            (date for mid, date, _t in month_meetings(db, month) if mid == record.meeting_id),
            None,
        )
    regime = book.rules.regime_for(month)
    return MonthLedger(month, regime, book.options(month), lines, record, meeting_date)


@dataclass(frozen=True)
class YearRow:
    member_id: int
    name: str
    months: dict[Month, tuple[Due, int, str]]  # due, paid, state — months in the cell

    @property
    def total_due(self) -> int:
        return sum(d.amount or 0 for d, _p, _s in self.months.values())

    @property
    def total_paid(self) -> int:
        return sum(p for _d, p, _s in self.months.values())

    def unpaid(self, until: Month | None = None) -> list[Month]:
        return [
            m
            for m, (_d, _p, s) in self.months.items()
            if s == "unpaid" and (not until or m <= until)
        ]


@dataclass(frozen=True)
class YearSummary:
    year: int
    rows: list[YearRow]
    records: dict[Month, MonthRecord]
    options: CellDuesOptions
    months: list[Month] = field(default_factory=list)
    until: Month | None = None  # the months after it are not owed yet

    def month_total(self, month: Month) -> tuple[int, int]:
        due = sum(r.months[month][0].amount or 0 for r in self.rows if month in r.months)
        paid = sum(r.months[month][1] for r in self.rows if month in r.months)
        return due, paid


def year_summary(db: Database, year: int, until: Month | None = None) -> YearSummary:
    """Each member's months of the year up to ``until`` (the months after it are left
    out: nothing is owed for them yet)."""
    months = [Month(year, m) for m in range(1, 13)]
    book = DuesBook(db, months[0], months[-1])
    rows = []
    for member in book.members:
        cells = {}
        for month in months:
            if (until is None or month <= until) and book.belongs(member, month):
                due = book.due(member, month)
                payment = book.payments.get((member.id, month))
                paid = payment.amount if payment else 0
                cells[month] = (due, paid, month_state(due, paid))
        if cells:
            rows.append(YearRow(member.id, member.full_name, cells))
    last = min(months[-1], until) if until else months[-1]
    return YearSummary(year, rows, book.records, book.options(last), months, until)


def group_choices(month: Month) -> list[tuple[str, str]]:
    """(key, label) of the dues groups of the regime in force on that month."""
    return [(g.key, g.label) for g in dues_rules().regime_for(month).groups]


@dataclass(frozen=True)
class CellSetGroup:
    key: str  # "regime:group", as in CellDuesOptions.group_amounts
    regime: str
    label: str
    minimum: int | None
    maximum: int | None


def cell_set_groups() -> list[CellSetGroup]:
    """The groups whose amount the cell sets, newest regime first."""
    result = []
    for regime in reversed(dues_rules().regimes):
        for g in regime.groups:
            if g.cell_set and not g.same_as:
                result.append(
                    CellSetGroup(
                        f"{regime.key}:{g.key}", regime.title, g.label, g.minimum, g.maximum
                    )
                )
    return result


def month_meetings(db: Database, month: Month) -> list[tuple[int, str, str]]:
    """(id, ISO date, title) of the meetings held in the month: where dues were collected."""
    rows = meeting_store.rows(db, month.first.isoformat(), month.last.isoformat())
    return [(r["id"], r["date"], r["title"]) for r in reversed(rows)]
