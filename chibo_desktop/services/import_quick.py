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
from functools import lru_cache

from ..domain.members import ADULT_AGE, GENDERS, MAX_NAME_LENGTH, Member, is_plausible_name

_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_FILE_NUMBER = re.compile(r"^\d+[A-ZĐ]{1,3}$")


@lru_cache(maxsize=1 << 16)  # dates repeat across a list; a parse costs more than a lookup
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


def _name_ok(name: str) -> bool:
    if not name or len(name) > MAX_NAME_LENGTH:
        return False
    letters = name.replace(" ", "").replace("'", "").replace("-", "").replace("’", "")
    if letters.isalpha() and name[0].isalpha():
        return True
    return is_plausible_name(name)


def _whole_years(start: dt.date, end: dt.date) -> int:
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return years


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
    joined_text = member.join_date
    birth = _span(member.birth_date) if member.birth_date else None
    joined = _span(joined_text) if joined_text else None
    official = _span(member.official_date) if member.official_date else None
    if birth is False or joined is False or official is False:
        return False
    if birth:
        if birth[0] > today:
            return False
        if joined and _whole_years(birth[0], joined[1]) < ADULT_AGE:
            return False
    if joined and joined[0] > today:
        return False
    if official:
        if official[0] > today or not joined_text:
            return False
        if joined and official[1] <= joined[0]:
            return False
    return not (member.file_number and not _FILE_NUMBER.match(member.file_number.upper()))
