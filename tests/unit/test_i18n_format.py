"""Dates, numbers and money in the interface language; documents always in Vietnamese."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from chibo_desktop import i18n

MARCH_5 = dt.date(2026, 3, 5)


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("vi")


def test_vietnamese_dates():
    assert i18n.format_date(MARCH_5) == "05/03/2026"
    assert i18n.format_date(dt.date(2026, 12, 31)) == "31/12/2026"
    assert i18n.format_date(None) == ""
    assert i18n.format_long_date(MARCH_5) == "ngày 05 tháng 3 năm 2026"
    assert i18n.format_long_date(dt.date(2025, 11, 20)) == "ngày 20 tháng 11 năm 2025"


def test_english_dates(english):
    assert i18n.format_date(MARCH_5) == "05/03/2026"
    assert i18n.format_long_date(MARCH_5) == "5 March 2026"
    assert i18n.format_long_date(dt.date(2025, 11, 20)) == "20 November 2025"


def test_document_date_is_vietnamese_in_any_language(english):
    assert i18n.document_date(MARCH_5, "Hà Nội") == "Hà Nội, ngày 05 tháng 3 năm 2026"
    assert i18n.document_date(MARCH_5) == "ngày 05 tháng 3 năm 2026"
    assert i18n.document_date(dt.date(2026, 2, 9)) == "ngày 09 tháng 02 năm 2026"
    assert i18n.document_date(dt.date(2026, 1, 31)) == "ngày 31 tháng 01 năm 2026"
    assert i18n.document_date(dt.date(2026, 12, 1)) == "ngày 01 tháng 12 năm 2026"


def test_vietnamese_numbers_and_money():
    assert i18n.format_number(1234567) == "1.234.567"
    assert i18n.format_number(-1234) == "-1.234"
    assert i18n.format_number(2.5, 2) == "2,50"
    assert i18n.format_money(1234567) == "1.234.567 đ"
    assert i18n.format_money(0) == "0 đ"
    assert i18n.format_percent(0.125) == "12,5%"
    assert i18n.format_percent(1) == "100,0%"
    # Halves round up as on a calculator, not to even: 2 of 32, 1 of 16, 2.5.
    assert i18n.format_percent(2 / 32) == "6,3%"
    assert i18n.format_percent(1 / 16, document=True) == "6,3%"
    assert i18n.format_number(2.5) == "3"


def test_english_numbers_and_money(english):
    assert i18n.format_number(1234567) == "1,234,567"
    assert i18n.format_number(2.5, 2) == "2.50"
    assert i18n.format_money(1234567) == "1,234,567 VND"
    assert i18n.format_percent(0.125) == "12.5%"


def test_document_numbers_stay_vietnamese(english):
    assert i18n.format_number(1234567, document=True) == "1.234.567"
    assert i18n.format_money(1234567, document=True) == "1.234.567 đ"
    assert i18n.format_percent(0.125, document=True) == "12,5%"


def test_partial_iso_dates():
    assert i18n.format_iso_date("1960-05") == "05/1960"
    assert i18n.format_iso_date("1960-05-03") == "03/05/1960"
    assert i18n.format_iso_date("1960") == "1960"
    assert i18n.format_iso_date(None) == ""


def test_unknown_language_falls_back_to_vietnamese():
    i18n.set_language("fr")
    assert i18n.current_language() == "vi"
    assert i18n.format_money(1500) == "1.500 đ"


def test_stale_compiled_catalog_is_not_used(tmp_path, monkeypatch):
    """A .mo older than its .po is ignored, so an edited catalog is what the program shows."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import write_po

    folder = tmp_path / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    old = Catalog(locale="en")
    old.add("Cài đặt", "Old settings")
    with (folder / "chibo.mo").open("wb") as fh:
        write_mo(fh, old)
    new = Catalog(locale="en")
    new.add("Cài đặt", "Settings")
    with (folder / "chibo.po").open("wb") as fh:
        write_po(fh, new)
    os.utime(folder / "chibo.mo", (1, 1))
    monkeypatch.setattr(i18n, "catalog_dir", lambda: tmp_path)
    i18n.set_language("en")
    assert i18n._("Cài đặt") == "Settings"
    os.utime(folder / "chibo.mo", None)
    os.utime(folder / "chibo.po", (1, 1))
    i18n.set_language("en")
    assert i18n._("Cài đặt") == "Old settings"
    i18n.set_language("vi")


def test_counts_take_the_english_singular(english):
    assert i18n.ngettext("{n} đảng viên", "{n} đảng viên", 1).format(n=1) == "1 member"
    assert i18n.ngettext("{n} đảng viên", "{n} đảng viên", 2).format(n=2) == "2 members"
    assert i18n.ngettext("{date} (còn {n} ngày)", "{date} (còn {n} ngày)", 1) == (
        "{date} ({n} day left)"
    )


def test_vietnamese_counts_have_one_form():
    for n in (0, 1, 2, 21):
        assert i18n.ngettext("{n} đảng viên", "{n} đảng viên", n) == "{n} đảng viên"
