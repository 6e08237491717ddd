"""What is due when: the date rules the home page's reminders check, kept apart from the
record types of campaigns and assessments (a few dozen dataclasses, slow to create) so
that the first screen loads without them."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .status import MemberState


def step_status(status: str, due: dt.date | None, done: dt.date | None, today: dt.date) -> str:
    """The status shown: done when a done date exists, overdue past the deadline."""
    if status == "done" or done is not None:
        return "done"
    if due is not None and due < today:
        return "overdue"
    return status if status in ("todo", "doing") else "todo"


def assessment_reference_date(year: int, today: dt.date) -> dt.date:
    """Whose assessment is due: the members of 31/12 of the year (or of today, if earlier)."""
    return min(dt.date(year, 12, 31), max(today, dt.date(year, 1, 1)))


def to_be_assessed(state: MemberState) -> bool:
    """Members whose membership is held here, except those exempt from party work."""
    return state.in_cell and state.attachment == "official" and state.condition != "exempt"
