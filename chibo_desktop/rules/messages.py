"""Babel extractor for the rule data: the labels in resources/rules/*.toml that the program
shows through ``_()`` (status changes, member choices...), so they reach the catalogs.

Used by i18n/babel.cfg; not imported by the program.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator

# key = "text" (also inside inline tables); multi-line strings are not used for labels.
_ENTRY = re.compile(r'(?<![\w.])(?P<key>[A-Za-z_]+)\s*=\s*(?P<value>"(?:[^"\\\n]|\\.)*")')
DEFAULT_KEYS = ("label", "left")


def extract_toml(fileobj, keywords, comment_tags, options) -> Iterator[tuple]:
    """Yield (line, funcname, message, comments) for each shown text in a rule file."""
    keys = set(options.get("keys", " ".join(DEFAULT_KEYS)).split())
    text = fileobj.read().decode("utf-8")
    tomllib.loads(text)  # a broken rule file fails the extraction loudly
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("#"):
            continue
        for match in _ENTRY.finditer(line):
            if match.group("key") in keys:
                value = tomllib.loads("v = " + match.group("value"))["v"]
                if value.strip():
                    yield number, None, value, [f"rule data: {match.group('key')}"]
