"""Dates as the register keeps them: ISO text that may be partial ('1960', '1960-05')."""

from __future__ import annotations

import datetime as dt
import re

_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_iso(value: str | None) -> tuple[int, int | None, int | None] | None:
    """'1960-05' → (1960, 5, None). Raises ValueError for text that is not such a date."""
    if not value:
        return None
    match = _ISO_PARTIAL.match(value)
    if not match:
        raise ValueError(value)
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise ValueError(value)
    if day is not None:
        dt.date(year, month, day)  # raises ValueError for 31/02
    return year, month, day


def span(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a possibly partial date can mean ('1960-02' → 1 and 29 Feb
    1960); None when empty. Raises ValueError for text that is not such a date."""
    if not value:
        return None
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and value.isascii():
        day = dt.date.fromisoformat(value)  # the usual full date, checked in C
        return day, day
    year, month, day = parse_iso(value)  # type: ignore[misc]
    if day is not None:
        found = dt.date(year, month, day)  # type: ignore[arg-type]
        return found, found
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    first = dt.date(year, month, 1)
    return first, add_months(first, 1) - dt.timedelta(days=1)


def is_full(value: str | None) -> bool:
    parsed = parse_iso(value)
    return parsed is not None and parsed[2] is not None


def to_date(value: str | None) -> dt.date | None:
    """A full date; partial or empty values give None."""
    if value and len(value) == 10 and value[4] == "-" and value[7] == "-":
        # The usual full date, checked in C; anything it refuses goes the long way.
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    parsed = parse_iso(value)
    if parsed is None or parsed[2] is None:
        return None
    return dt.date(*parsed)  # type: ignore[arg-type]


def earliest(value: str | None) -> dt.date | None:
    """The first day a partial date could mean ('1960' → 1 Jan 1960)."""
    days = span(value)
    return days[0] if days else None


def latest(value: str | None) -> dt.date | None:
    """The last day a partial date could mean ('1960-02' → 29 Feb 1960)."""
    days = span(value)
    return days[1] if days else None


def add_months(value: dt.date, months: int) -> dt.date:
    """Same day n months later; the 31st becomes the month's last day."""
    month_index = value.month - 1 + months
    year, month = value.year + month_index // 12, month_index % 12 + 1
    for day in (value.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def add_years(value: dt.date, years: int) -> dt.date:
    return add_months(value, 12 * years)


def whole_years(start: dt.date, end: dt.date) -> int:
    """Completed years from start to end; the anniversary day itself counts."""
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return years


def years_between(start: str | None, end: dt.date) -> int | None:
    """Completed years since a possibly partial date; partial dates count by what is known."""
    parsed = parse_iso(start)
    if parsed is None:
        return None
    year, month, day = parsed
    if day is not None:
        return whole_years(dt.date(year, month, day), end)  # type: ignore[arg-type]
    if month is not None:
        return end.year - year - (1 if end.month < month else 0)
    return end.year - year
