"""Small catalog chores that pybabel does not do.

python scripts/catalog_tools.py fill-source i18n/vi/LC_MESSAGES/chibo.po
    Vietnamese is the source language: each message is its own translation.
python scripts/catalog_tools.py report i18n/en/LC_MESSAGES/chibo.po
    List untranslated and fuzzy messages; exit 1 if there are any.
python scripts/catalog_tools.py apply i18n/en/LC_MESSAGES/chibo.po translations.json
    Fill translations from a JSON object {msgid: msgstr or [singular, plural]}.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

WIDTH = 100


def load(path: Path) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh)


def save(catalog: Catalog, path: Path) -> None:
    with path.open("wb") as fh:
        write_po(fh, catalog, width=WIDTH, ignore_obsolete=True, include_previous=True)


def messages(catalog: Catalog) -> list[Message]:
    return [m for m in catalog if m.id]


def fill_source(path: Path) -> int:
    catalog = load(path)
    for message in messages(catalog):
        if isinstance(message.id, tuple):
            # Vietnamese has one plural form: the plural source text covers every count.
            message.string = (message.id[1],) * catalog.num_plurals
        else:
            message.string = message.id
        message.flags.discard("fuzzy")
        message.previous_id = ()
    save(catalog, path)
    return 0


def missing(catalog: Catalog) -> list[Message]:
    found = []
    for message in messages(catalog):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            found.append(message)
    return found


def report(path: Path) -> int:
    catalog = load(path)
    todo = missing(catalog)
    total = len(messages(catalog))
    for message in todo:
        state = "fuzzy" if message.fuzzy else "untranslated"
        where = ", ".join(f"{f}:{n}" for f, n in message.locations[:2])
        print(f"{state}: {message.id!r}  ({where})")
    print(f"{path}: {total - len(todo)}/{total} translated")
    return 1 if todo else 0


def apply(path: Path, source: Path) -> int:
    catalog = load(path)
    table = json.loads(source.read_text(encoding="utf-8"))
    used = 0
    for message in messages(catalog):
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        if key not in table:
            continue
        value = table[key]
        if isinstance(message.id, tuple):
            value = tuple(value) if isinstance(value, list) else (value, value)
        message.string = value
        message.flags.discard("fuzzy")
        message.previous_id = ()
        used += 1
    save(catalog, path)
    print(f"{path}: {used} translations applied from {source}")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    command, path = argv[0], Path(argv[1])
    if command == "fill-source":
        return fill_source(path)
    if command == "report":
        return report(path)
    if command == "apply" and len(argv) == 3:
        return apply(path, Path(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
