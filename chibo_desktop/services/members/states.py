"""Every member's state on a date, derived from plain rows: what `derive_state` gives,
for thousands of members in a few milliseconds (home page reminders, lists on a date)."""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from operator import itemgetter
from typing import NamedTuple

from sqlite_utils import Database

from ...domain.dates import to_date
from ...domain.status import MemberState, StatusRule
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
        rules = rules if rules is not None else status_rules()
        self._rules = {
            key: (r.in_cell, r.membership, r.attachment, r.condition, r.left, r.key)
            for key, r in rules.items()
        }
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
        in_cell = False
        membership = left = left_by = since = None
        attachment, condition = "official", "normal"
        rules = self._rules
        for kind, date in changes:
            if date > limit:
                break
            rule = rules.get(kind)
            if rule is None:
                continue
            rule_in_cell, rule_membership, rule_attachment, rule_condition, rule_left, key = rule
            if (rule_in_cell, rule_membership, rule_attachment, rule_condition) != (None,) * 4:
                since = date  # a change that only starts a deadline or marks a fact keeps it
            if rule_in_cell is not None:
                in_cell = rule_in_cell
                if rule_in_cell is True:
                    left = left_by = None
                elif rule_in_cell is False:
                    left, left_by = rule_left, key
            if rule_membership is not None:
                membership = rule_membership
            if rule_attachment is not None:
                attachment = rule_attachment
            if rule_condition is not None:
                condition = rule_condition
        if in_cell and membership is None:
            official = self._official_date(official_date)
            made_official = official is not None and (as_of is None or official <= as_of)
            membership = "chinh_thuc" if made_official else "du_bi"
        key = (in_cell, membership, attachment, condition, left, left_by, since)
        found = self._states.get(key)
        if found is None:
            found = self._states[key] = MemberState(
                in_cell, membership, attachment, condition, left, left_by, self._date(since)
            )
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
