"""Facts derived from a record: age, party age, probation end, next Party badge."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import dates


@dataclass(frozen=True)
class BadgeRules:
    milestones: tuple[int, ...] = (30, 40, 45, 50, 55, 60, 65, 70, 75)
    award_days: tuple[tuple[int, int], ...] = ((2, 3), (5, 19), (9, 2), (11, 7))
    probation_months: int = 12
    probation_warn_days: int = 30
    # (first milestone, last milestone, months): a seriously ill member may be awarded the
    # badges of those milestones up to that many months early.
    early_if_seriously_ill: tuple[tuple[int, int, int], ...] = ()

    def early_months(self, years: int) -> int:
        """How many months early a seriously ill member may get the badge of ``years``."""
        return next((m for a, b, m in self.early_if_seriously_ill if a <= years <= b), 0)


@dataclass(frozen=True)
class Badge:
    years: int
    reached_on: dt.date
    award_date: dt.date


@dataclass(frozen=True)
class Probation:
    ends_on: dt.date
    days_left: int
    due_soon: bool
    overdue: bool


def age(birth_date: str | None, today: dt.date) -> int | None:
    return dates.years_between(birth_date, today)


def party_age(join_date: str | None, today: dt.date) -> int | None:
    """Completed years of membership since the date of joining (the anniversary counts)."""
    years = dates.years_between(join_date, today)
    return None if years is None or years < 0 else years


def next_award_date(on_or_after: dt.date, rules: BadgeRules) -> dt.date:
    for year in (on_or_after.year, on_or_after.year + 1):
        for month, day in sorted(rules.award_days):
            candidate = dt.date(year, month, day)
            if candidate >= on_or_after:
                return candidate
    raise AssertionError("award_days is empty")


def next_badge(
    join_date: str | None, today: dt.date, rules: BadgeRules, seriously_ill: bool = False
) -> Badge | None:
    """The next badge milestone not yet awarded as of today, and the award day it falls on.

    A milestone reached since the last award day is still 'next' until its award day passes.
    For a seriously ill member the milestone may be considered early (``early_months``):
    the award day is then the first one on or after the earliest date allowed, or today.
    """
    joined = dates.to_date(join_date)
    if joined is None:
        return None
    for years in rules.milestones:
        # Award days are at most a few months apart: a milestone reached before last year
        # was awarded already (this keeps lists of thousands fast).
        if joined.year + years < today.year - 1:
            continue
        reached = dates.add_years(joined, years)
        earliest = reached
        if seriously_ill and rules.early_months(years):
            allowed = dates.add_months(reached, -rules.early_months(years))
            earliest = min(reached, max(allowed, today))
        award = next_award_date(earliest, rules)
        if award >= today:
            return Badge(years, reached, award)
    return None


def probation(
    join_date: str | None, membership: str | None, today: dt.date, rules: BadgeRules
) -> Probation | None:
    """For a probationary member: when the 12 months end, and whether the vote is due."""
    joined = dates.to_date(join_date)
    if membership != "du_bi" or joined is None:
        return None
    ends = dates.add_months(joined, rules.probation_months)
    left = (ends - today).days
    return Probation(ends, left, 0 <= left <= rules.probation_warn_days, left < 0)
