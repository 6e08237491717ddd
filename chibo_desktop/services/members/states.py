"""Every member's state on a date, derived from plain rows: what `derive_state` gives,
for thousands of members in a few milliseconds (home page reminders, lists on a date)."""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from operator import itemgetter
from typing import NamedTuple

from sqlite_utils import Database

from ...domain.dates import to_date
from ...domain.status import START, MemberState, StatusRule, apply_fields, settled_membership
from ...rules.statuses import status_rules
from ...storage import members as store

# Later than any ISO date: no limit.
_NO_LIMIT = "\uffff"


class BriefMember(NamedTuple):
    """The fields of a member that reminders and counts need."""

    id: int
    full_name: str
    join_date: str | None
    official_date: str | None


def brief_members(db: Database) -> list[BriefMember]:
    return [BriefMember(*row) for row in store.brief_members(db)]


def change_lists(db: Database) -> dict[int, list[tuple[str, str]]]:
    """Member id → [(kind, ISO date)] in the order `derive_state` applies them."""
    return {
        member_id: [(kind, date) for _id, kind, date in rows]
        for member_id, rows in groupby(store.status_rows(db), key=itemgetter(0))
    }


class StateDeriver:
    """`domain.status.derive_state` over (kind, ISO date) pairs, with the rules looked up
    once and equal states shared. Gives the same states, field for field."""

    def __init__(self, rules: dict[str, StatusRule] | None = None) -> None:
        self._rules = rules if rules is not None else status_rules()
        self._states: dict[tuple, MemberState] = {}
        self._dates: dict[str, dt.date] = {}
        self._official: dict[str, dt.date | None] = {}

    def state(
        self,
        changes: list[tuple[str, str]],
        as_of: dt.date | None,
        official_date: str | None,
    ) -> MemberState:
        limit = _NO_LIMIT if as_of is None else as_of.isoformat()
        fields = START
        rules = self._rules
        for kind, date in changes:
            if date > limit:
                break
            rule = rules.get(kind)
            if rule is not None:
                fields = apply_fields(fields, rule, date)  # ``since`` stays ISO until the end
        if fields[0] and fields[1] is None:
            official = self._official_date(official_date)
            fields = settled_membership(
                fields, official is not None and (as_of is None or official <= as_of)
            )
        found = self._states.get(fields)
        if found is None:
            found = self._states[fields] = MemberState(*fields[:6], self._date(fields[6]))
        return found

    def _date(self, iso: str | None) -> dt.date | None:
        if iso is None:
            return None
        found = self._dates.get(iso)
        if found is None:
            found = self._dates[iso] = dt.date.fromisoformat(iso)
        return found

    def _official_date(self, value: str | None) -> dt.date | None:
        if value not in self._official:
            self._official[value] = to_date(value)
        return self._official[value]
