"""The member list as screens and exports show it: stored columns plus derived facts."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from ...domain import dates, facts
from ...domain.members import Member
from ...rules.badges import badge_rules
from ...storage import members as store
from ..contract.context import today as _today
from .register import status_code_labels

# States in which a member is still in the cell but not attending normally; their
# membership (dự bị / chính thức) is not part of the cached status code.
_CONDITIONS = ("exempt", "temp_exempt", "temp_out", "suspended", "detained")


class ListedMember:
    """One row of the member list (a plain slotted object: lists hold 20,000 of them)."""

    __slots__ = (
        "_age",
        "_facts",
        "_later",
        "_party_age",
        "birth_date",
        "card_number",
        "full_name",
        "gender",
        "id",
        "in_cell",
        "join_date",
        "member",
        "official_date",
        "position",
        "position_rank",
        "search_text",
        "sort_name",
        "status",
        "status_label",
    )

    def __init__(self, values: tuple, member: Member | None = None) -> None:
        (
            self.id,
            self.full_name,
            self.gender,
            self.birth_date,
            self.join_date,
            self.official_date,
            self.card_number,
            self.position,
            self.search_text,
            self.status,
            in_cell,
        ) = values
        self.in_cell = bool(in_cell)
        self.status_label = self.status
        self._age: int | bool | None = False  # False: not worked out yet
        self._party_age: int | bool | None = False
        self._later: tuple | None = None
        self._facts: _Facts | None = None
        self.member = member  # the full record, when asked for (exports)
        # Filled by the list that sorts these rows (name order, position order).
        self.sort_name: tuple[str, str] = ("", "")
        self.position_rank = 0

    # Ages, the probation end and the next badge are worked out when first read: a screen
    # shows a few dozen rows of 20,000.
    @property
    def age(self) -> int | None:
        if self._age is False:
            self._age = self._facts.years(self.birth_date) if self._facts else None
        return self._age

    @property
    def party_age(self) -> int | None:
        if self._party_age is False:
            years = self._facts.years(self.join_date) if self._facts else None
            self._party_age = years if years is None or years >= 0 else None
        return self._party_age

    def _later_facts(self) -> tuple:
        if self._later is None:
            if self.in_cell and self.join_date and self._facts is not None:
                self._later = self._facts.later(self.join_date, self.probationary)
            else:
                self._later = (None, None)
        return self._later

    @property
    def probation(self) -> facts.Probation | None:
        return self._later_facts()[0]

    @property
    def badge(self) -> facts.Badge | None:
        return self._later_facts()[1]

    @property
    def probationary(self) -> bool:
        if not self.in_cell:
            return False
        return self.status == "du_bi" or (self.status in _CONDITIONS and not self.official_date)

    def __repr__(self) -> str:
        return f"ListedMember({self.id}, {self.full_name!r}, {self.status})"


class _Facts:
    """Derived facts with caches keyed by the stored date text (many members share dates)."""

    def __init__(self, today: dt.date) -> None:
        self.today = today
        self.rules = badge_rules()
        self._years: dict[str | None, int | None] = {}
        self._later: dict[tuple, tuple] = {}
        self._labels = status_code_labels()

    def years(self, value: str | None) -> int | None:
        try:
            return self._years[value]
        except KeyError:
            pass
        today = self.today
        try:
            if value and len(value) == 10 and value[4] == "-" == value[7]:
                year, month, day = int(value[:4]), int(value[5:7]), int(value[8:])
                dt.date(year, month, day)  # a real date, or ValueError
                years = today.year - year - ((today.month, today.day) < (month, day))
            else:
                years = dates.years_between(value, today)
        except ValueError:
            years = None
        self._years[value] = years
        return years

    def later(self, joined: str, probationary: bool) -> tuple:
        key = (joined, probationary)
        try:
            return self._later[key]
        except KeyError:
            pass
        try:
            value = (
                facts.probation(joined, "du_bi" if probationary else None, self.today, self.rules),
                None if probationary else facts.next_badge(joined, self.today, self.rules),
            )
        except ValueError:
            value = (None, None)
        self._later[key] = value
        return value

    def fill(self, item: ListedMember) -> ListedMember:
        item.status_label = self._labels.get(item.status, item.status)
        item._facts = self
        return item


def member_list(
    db: Database,
    *,
    include_left: bool = True,
    today: dt.date | None = None,
    all_columns: bool = False,
) -> list[ListedMember]:
    """Every member (or only those in the cell) with age, party age, the end of probation
    and the next Party badge. ``all_columns`` adds the full record (for exports)."""
    derived = _Facts(today or _today())
    if all_columns:
        items = []
        for row in store.list_rows(db, in_cell_only=not include_left):
            member = Member(
                **{k: row[k] for k in Member.__dataclass_fields__ if k in row},
            )
            member.armed_forces = bool(member.armed_forces)
            values = tuple(row[k] for k in store.BRIEF_COLUMNS)
            items.append(ListedMember(values, member))
    else:
        items = [ListedMember(values) for values in store.brief_rows(db)]
        if not include_left:
            items = [item for item in items if item.in_cell]
    return [derived.fill(item) for item in items]
