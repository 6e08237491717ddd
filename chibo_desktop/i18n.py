"""Translations and locale formatting.

Vietnamese is the source language: strings in the code are Vietnamese and wrapped in
``_()``; the English catalog translates them. Printed party documents always use the
Vietnamese forms (``document_date``), whatever the interface language.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import io

from .paths import catalog_dir

DOMAIN = "chibo"
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
DEFAULT_LANGUAGE = "vi"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT_LANGUAGE


def _load_catalog(language: str) -> gettext.NullTranslations:
    folder = catalog_dir() / language / "LC_MESSAGES"
    mo_file = folder / f"{DOMAIN}.mo"
    po_file = folder / f"{DOMAIN}.po"
    # A compiled catalog older than its .po (a source checkout after an edit) is stale.
    if mo_file.is_file() and (
        not po_file.is_file() or mo_file.stat().st_mtime >= po_file.stat().st_mtime
    ):
        with mo_file.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    if po_file.is_file():
        # Running from a source checkout where catalogs were not compiled: compile in memory.
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po_file.open("rb") as fh:
            catalog = read_po(fh, locale=language)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return gettext.GNUTranslations(buffer)
    return gettext.NullTranslations()


def set_language(language: str) -> None:
    global _translation, _language
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    _language = language
    _translation = gettext.NullTranslations() if language == "vi" else _load_catalog(language)


def current_language() -> str:
    return _language


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message


# Locales babel formats with: day-first dates in both languages.
_BABEL_LOCALES = {"vi": "vi_VN", "en": "en_GB"}


def _locale(document: bool = False) -> str:
    """Printed party documents are Vietnamese whatever the interface language."""
    return _BABEL_LOCALES["vi" if document else _language]


# Babel parses locales and patterns on every call (~60 us a date); tables format thousands
# of cells, so keep the parsed forms, and the texts of dates, which repeat a lot.
@functools.lru_cache(maxsize=8)
def _babel_locale(name: str):
    from babel import Locale

    return Locale.parse(name)


@functools.lru_cache(maxsize=32)
def _date_pattern(pattern: str):
    from babel.dates import parse_pattern

    return parse_pattern(pattern)


@functools.lru_cache(maxsize=32)
def _number_pattern(pattern: str):
    from babel.numbers import parse_pattern

    return parse_pattern(pattern)


@functools.lru_cache(maxsize=8192)
def _date_text(value: dt.date, pattern: str, locale: str) -> str:
    return _date_pattern(pattern).apply(value, _babel_locale(locale))


def format_date(value: dt.date | None) -> str:
    """Dates as people read them, day first: 05/03/2026 in both languages."""
    if value is None:
        return ""
    # The same digits in every interface language, so babel's locale data (≈ 13 ms to
    # load) is not needed for it: the home page shows dates before anything else needs it.
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def format_long_date(value: dt.date | None) -> str:
    """'ngày 05 tháng 3 năm 2026' (vi), '5 March 2026' (en)."""
    if value is None:
        return ""
    if _language == "vi":
        return _vietnamese_long_date(value)
    return _date_text(value, "d MMMM y", _locale())


def _vietnamese_long_date(value: dt.date) -> str:
    # HD 36-HD/VPTW: days below 10 and the months 1 and 2 take a leading zero.
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def format_iso_date(value: str | None) -> str:
    """A stored date which may be partial ('2010', '2010-05', '2010-05-03') for display."""
    if not value:
        return ""
    parts = value.split("-")
    return "/".join(reversed(parts))


def format_stamp(stamp: str | None) -> str:
    """A stored moment '2026-12-05T19:23:10' as '19:23 05/12/2026'."""
    if not stamp:
        return ""
    day, _sep, time = stamp.partition("T")
    return f"{time[:5]} {format_iso_date(day)}".strip()


def document_date(value: dt.date, place: str = "") -> str:
    """The date line of a party document: 'Hà Nội, ngày 05 tháng 3 năm 2026' (always Vietnamese)."""
    text = _vietnamese_long_date(value)
    return f"{place}, {text}" if place else text


def format_number(value: float | int, decimals: int = 0, *, document: bool = False) -> str:
    """1.234.567 (vi), 1,234,567 (en); ``document=True`` for printed forms (always vi)."""
    import decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    # Halves round up, as on a calculator: 2 of 32 is 6,3% (babel's default is to even).
    with decimal.localcontext(rounding=decimal.ROUND_HALF_UP):
        return _number_pattern(pattern).apply(value, _babel_locale(_locale(document)))


def format_money(value: int, *, document: bool = False) -> str:
    """'1.234.567 đ' (vi), '1,234,567 VND' (en)."""
    suffix = " đ" if document or _language == "vi" else " VND"
    return format_number(value, document=document) + suffix


def format_percent(value: float, *, document: bool = False) -> str:
    """A share as a percentage with one decimal: 0.125 -> '12,5%' (vi), '12.5%' (en)."""
    return format_number(value * 100, 1, document=document) + "%"
