"""A fast yes/no form of ``domain.members.validate`` for imports of thousands of rows.

``quick_valid(m, today)`` is True exactly when ``validate(m, today)`` finds no problem (a
property test holds the two together); rows it refuses go through ``validate`` for the
messages. Dates are compared as the domain does: a partial date spans its whole month or
year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..domain.members import ADULT_AGE, GENDERS, MAX_NAME_LENGTH, Member, is_plausible_name

_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_FILE_NUMBER = re.compile(r"^\d+[A-ZĐ]{1,3}$")


def _span(value: str | None) -> tuple[dt.date, dt.date] | bool | None:
    """(earliest, latest) day of an ISO date, None when empty, False when not a date."""
    if not value:
        return None
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and value.isascii():
        # The usual full date, without the regular expression: ASCII 'YYYY-MM-DD' is all
        # that fromisoformat takes with these dashes, and it refuses what _ISO refuses.
        try:
            found = dt.date.fromisoformat(value)
        except ValueError:
            return False
        return found, found
    if not _ISO.match(value):
        return False
    try:
        if len(value) == 10:
            day = dt.date(int(value[:4]), int(value[5:7]), int(value[8:10]))
            return day, day
        year = int(value[:4])
        if len(value) == 7:
            month = int(value[5:7])
            if not 1 <= month <= 12:
                return False
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return False


# Spans of the dates met so far: dates repeat across a list, and a parse costs more than a
# lookup (a plain dict, the cheapest lookup there is; bounded, not evicted).
_SPANS: dict[str, tuple[dt.date, dt.date] | bool | None] = {}
_SPANS_KEPT = 1 << 16


def _new_span(value: str) -> tuple[dt.date, dt.date] | bool | None:
    found = _span(value)
    if len(_SPANS) < _SPANS_KEPT:
        _SPANS[value] = found
    return found


def _name_ok(name: str) -> bool:
    if not name or len(name) > MAX_NAME_LENGTH:
        return False
    letters = name.replace(" ", "").replace("'", "").replace("-", "").replace("’", "")
    if letters.isalpha() and name[0].isalpha():
        return True
    return is_plausible_name(name)


def quick_valid(member: Member, today: dt.date) -> bool:
    name = member.full_name
    if not name or len(name) > MAX_NAME_LENGTH:
        return False
    # The usual name, letters and single spaces, decided with one replace (see _name_ok).
    if not (name[0].isalpha() and name.replace(" ", "").isalpha()) and not _name_ok(name):
        return False
    if member.birth_name and not is_plausible_name(member.birth_name):
        return False
    if member.gender is not None and member.gender not in GENDERS:
        return False
    spans = _SPANS
    birth = member.birth_date
    if birth:
        birth = spans.get(birth) or _new_span(birth)
        if birth is False or birth[0] > today:
            return False
    joined_text = member.join_date
    joined = None
    if joined_text:
        joined = spans.get(joined_text) or _new_span(joined_text)
        if joined is False or joined[0] > today:
            return False
        if birth:
            # Whole years from birth to joining (the anniversary itself counts).
            born, end = birth[0], joined[1]
            years = end.year - born.year - ((end.month, end.day) < (born.month, born.day))
            if years < ADULT_AGE:
                return False
    official = member.official_date
    if official:
        official = spans.get(official) or _new_span(official)
        if official is False or official[0] > today or joined is None:
            return False
        if official[1] <= joined[0]:
            return False
    return not (member.file_number and not _FILE_NUMBER.match(member.file_number.upper()))
