"""Deadlines counted in working days: Saturdays, Sundays and public holidays are skipped."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection


def is_working_day(day: dt.date, holidays: Collection[dt.date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def add_working_days(start: dt.date, count: int, holidays: Collection[dt.date]) -> dt.date:
    """The day on which ``count`` working days after ``start`` have passed (``start`` itself
    not counted): 60 working days from a Monday decision end 12 weeks later on a Friday when
    no holiday falls in between."""
    day = start
    left = count
    while left > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day, holidays):
            left -= 1
    return day


def working_days_between(start: dt.date, end: dt.date, holidays: Collection[dt.date]) -> int:
    """Working days after ``start`` up to and including ``end`` (negative when end < start)."""
    if end < start:
        return -working_days_between(end, start, holidays)
    return sum(
        1
        for offset in range(1, (end - start).days + 1)
        if is_working_day(start + dt.timedelta(days=offset), holidays)
    )
