"""The message catalogs: they compile, they are complete, placeholders survive translation,
and the template matches the code."""

from __future__ import annotations

import io
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).parents[2]
I18N = ROOT / "i18n"
LANGUAGES = ("vi", "en")


def load(language: str) -> Catalog:
    with (I18N / language / "LC_MESSAGES" / "chibo.po").open("rb") as fh:
        return read_po(fh, locale=language)


def fields(text: str) -> set[str]:
    """The {named} fields of a str.format text ('{{' escapes are not fields)."""
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def translations(catalog: Catalog):
    for message in catalog:
        if message.id:
            yield message


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_compiles_without_errors(language):
    catalog = load(language)
    problems = [(m.id, errors) for m, errors in catalog.check() if errors]
    assert problems == []
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    assert buffer.getvalue()


def test_pybabel_compile_succeeds(tmp_path):
    for language in LANGUAGES:
        target = tmp_path / f"{language}.mo"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "babel.messages.frontend",
                "compile",
                "-i",
                str(I18N / language / "LC_MESSAGES" / "chibo.po"),
                "-o",
                str(target),
                "-l",
                language,
            ],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        assert target.stat().st_size > 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_is_complete(language):
    catalog = load(language)
    missing = []
    for message in translations(catalog):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(s.strip() for s in strings):
            missing.append(message.id)
    assert missing == [], f"{len(missing)} messages untranslated or fuzzy in {language}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_match_their_source(language):
    wrong = []
    for message in translations(load(language)):
        if isinstance(message.id, tuple):
            singular, plural = message.id
            allowed = fields(singular) | fields(plural)
            forms = list(message.string)
            # The last form covers counts other than one: it must keep every field.
            if forms and forms[-1] and fields(forms[-1]) != fields(plural):
                wrong.append((plural, forms[-1]))
            wrong += [(plural, form) for form in forms if form and not fields(form) <= allowed]
        elif message.string and fields(message.string) != fields(message.id):
            wrong.append((message.id, message.string))
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_percent_placeholders_match(language):
    """Messages babel flags python-format (%s, %(name)s) keep the same placeholders."""
    from babel.messages.checkers import python_format

    catalog = load(language)
    for message in translations(catalog):
        if message.python_format and message.string:
            python_format(catalog, message)  # raises TranslationError on a mismatch


def extract_now(tmp_path) -> set[str]:
    """What scripts/update_catalogs.sh would extract from the code and rule data today."""
    pot = tmp_path / "now.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "-q",
            "extract",
            "-F",
            "i18n/babel.cfg",
            "--no-default-keywords",
            "-k",
            "_",
            "-k",
            "N_",
            "-k",
            "ngettext:1,2",
            "-o",
            str(pot),
            "chibo_desktop",
            "resources/rules",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with pot.open("rb") as fh:
        return {m.id[0] if isinstance(m.id, tuple) else m.id for m in read_po(fh) if m.id}


def test_catalogs_hold_every_message_of_the_code(tmp_path):
    """Run scripts/update_catalogs.sh after changing texts, then translate the new ones."""
    found = extract_now(tmp_path)
    assert "Cài đặt" in found
    assert "Chuyển sinh hoạt đi" in found  # a status change label from resources/rules
    for language in LANGUAGES:
        known = {m.id[0] if isinstance(m.id, tuple) else m.id for m in translations(load(language))}
        assert sorted(found - known) == [], language


def test_english_catalog_translates_when_loaded():
    from chibo_desktop import i18n

    i18n.set_language("en")
    assert i18n._("Cài đặt") == "Settings"
    assert i18n._("một chuỗi không có trong danh mục") == "một chuỗi không có trong danh mục"
