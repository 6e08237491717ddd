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
from datetime import date
from itertools import count as count_from
from itertools import repeat
from operator import itemgetter, sub

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
    if not _name(member.full_name):
        return False
    if member.birth_name and not is_plausible_name(member.birth_name):
        return False
    if member.gender is not None and member.gender not in GENDERS:
        return False
    spans = _SPANS
    birth, joined_text, official = member.birth_date, member.join_date, member.official_date
    if birth:
        birth = spans.get(birth) or _new_span(birth)
        if birth is False or birth[0] > today:
            return False
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
    if official:
        official = spans.get(official) or _new_span(official)
        if official is False or official[0] > today or joined is None:
            return False
        if official[1] <= joined[0]:
            return False
    return not (member.file_number and not _file_number_ok(member.file_number))


def quick_refused(values: dict[str, list], count: int, today: dt.date) -> list[int]:
    """The rows ``quick_valid`` refuses among ``count`` rows given as columns:
    ``values[field][i]`` is row i's value, None (or no column) for the Member's default.
    Each rule is decided for the whole column where it can be, row by row otherwise."""
    names = values.get("full_name") or [None] * count
    refused = set() if _usual_names(names) else {i for i, n in enumerate(names) if not _name(n)}
    for name, ok in (("birth_name", is_plausible_name), ("file_number", _file_number_ok)):
        column = values.get(name)
        if column is not None and column.count(None) != count:
            refused.update(i for i, v in enumerate(column) if v and not ok(v))
    genders = values.get("gender")
    if genders is not None and not set(genders) <= _GENDER_OR_NONE:
        refused.update(i for i, g in enumerate(genders) if g is not None and g not in GENDERS)
    nothing = [None] * count
    births, joins, officials = (
        _days(values[name]) if values.get(name) is not None else nothing
        for name in ("birth_date", "join_date", "official_date")
    )
    last = today.year * 10_000 + today.month * 100 + today.day
    adult = ADULT_AGE * 10_000
    if _usual_dates(births, joins, officials, last, adult):
        return sorted(refused)
    # Each clause is only reached when the dates before it are empty or real days.
    refused.update(
        i
        for i, born, joined, official in zip(count_from(), births, joins, officials)
        if (born is not None and (born is False or born[0] > last))
        or (
            joined is not None
            and (
                joined is False
                or joined[0] > last
                or (born is not None and joined[1] - born[0] < adult)  # whole years, see _day
            )
        )
        or (
            official is not None
            and (
                official is False
                or official[0] > last
                or joined is None
                or official[1] <= joined[0]
            )
        )
    )
    return sorted(refused)


_GENDER_OR_NONE = {*GENDERS, None}


def _usual_dates(births: list, joins: list, officials: list, last: int, adult: int) -> bool:
    """Every row passes the date rules, decided a column at a time when each date column
    is all real dates or all empty (the usual); False otherwise (then row by row)."""
    kinds = [set(map(type, days)) for days in (births, joins, officials)]
    if any(k != {tuple} and k != {type(None)} for k in kinds):
        return False
    born, joined, official = (k == {tuple} for k in kinds)
    earliest, latest = itemgetter(0), itemgetter(1)
    for present, days in ((born, births), (joined, joins), (official, officials)):
        if present and max(map(earliest, days)) > last:  # in the future
            return False
    if born and joined and min(map(sub, map(latest, joins), map(earliest, births))) < adult:
        return False
    if official and not joined:
        return False
    return not (official and min(map(sub, map(latest, officials), map(earliest, joins))) <= 0)


def _usual_names(names: list) -> bool:
    """Every name is letters and single spaces, starts with a letter and is not too long:
    the usual, decided on the names joined together."""
    if not names or set(map(type, names)) != {str}:
        return False
    joined = "\n".join(names)
    return (
        min(map(len, names)) > 0
        and max(map(len, names)) <= MAX_NAME_LENGTH
        and joined.count("\n") == len(names) - 1
        and joined[0] != " "
        and "\n " not in joined
        and joined.replace(" ", "").replace("\n", "").isalpha()
    )


def _name(name) -> bool:
    """The usual name (letters and single spaces) decided with one replace; see _name_ok."""
    if not name or len(name) > MAX_NAME_LENGTH:
        return False
    return (name[0].isalpha() and name.replace(" ", "").isalpha()) or _name_ok(name)


def _file_number_ok(text: str) -> bool:
    return bool(_FILE_NUMBER.match(text.upper()))


# Days as YYYYMMDD numbers: (later - earlier) // 10,000 is the whole years between them (the
# anniversary itself counts), as the domain counts them.
_DAYS: dict = {}
_MISSING = object()


def _day(value: date) -> int:
    return value.year * 10_000 + value.month * 100 + value.day


def _days(column: list) -> list:
    """(earliest, latest) day of each ISO date as numbers, None when empty, False when not
    a date."""
    found = list(map(_DAYS.get, column, repeat(_MISSING)))
    if _MISSING in found:
        for i, value in enumerate(found):
            if value is _MISSING:
                span = _span(column[i])
                found[i] = (_day(span[0]), _day(span[1])) if span else span
                if len(_DAYS) < _SPANS_KEPT:
                    _DAYS[column[i]] = found[i]
    return found
