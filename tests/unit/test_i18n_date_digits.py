"""format_date writes the digits itself; babel gives the same text in both languages."""

import datetime as dt

import pytest

from chibo_desktop import i18n


@pytest.mark.parametrize("language", ["vi", "en"])
def test_format_date_matches_babel(language):
    i18n.set_language(language)
    days = [dt.date(1, 1, 1), dt.date(999, 12, 31), dt.date(9999, 12, 31)]
    days += [dt.date(1930, 2, 3) + dt.timedelta(days=n) for n in range(0, 40_000, 97)]
    for day in days:
        assert i18n.format_date(day) == i18n._date_text(day, "dd/MM/yyyy", i18n._locale())
