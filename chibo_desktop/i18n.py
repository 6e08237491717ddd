"""Translations and locale formatting.

Vietnamese is the source language: strings in the code are Vietnamese and wrapped in
``_()``; the English catalog translates them. Printed party documents always use the
Vietnamese forms (``document_date``), whatever the interface language.
"""

from __future__ import annotations

import datetime as dt
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
    if mo_file.is_file():
        with mo_file.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    po_file = folder / f"{DOMAIN}.po"
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


def format_date(value: dt.date | None) -> str:
    """Dates as people read them: 05/03/2026 (vi), 05/03/2026 (en-GB style, day first)."""
    if value is None:
        return ""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def format_iso_date(value: str | None) -> str:
    """A stored date which may be partial ('2010', '2010-05', '2010-05-03') for display."""
    if not value:
        return ""
    parts = value.split("-")
    return "/".join(reversed(parts))


def document_date(value: dt.date, place: str = "") -> str:
    """The date line of a party document: 'Hà Nội, ngày 05 tháng 3 năm 2026'."""
    text = f"ngày {value.day:02d} tháng {value.month} năm {value.year}"
    return f"{place}, {text}" if place else text


def format_number(value: float | int, decimals: int = 0) -> str:
    from babel.numbers import format_decimal

    locale = "vi_VN" if _language == "vi" else "en_GB"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=locale)


def format_money(value: int) -> str:
    suffix = " đ" if _language == "vi" else " VND"
    return format_number(value) + suffix


def format_percent(value: float) -> str:
    return format_number(value * 100, 1) + "%"
