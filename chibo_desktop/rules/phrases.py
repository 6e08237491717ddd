"""Ready-made sentences for the minutes (resources/rules/phrases.toml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..domain.text import fold
from .loader import RuleFileError, check_table, line_of_entry, load_toml_text, rules_path

FIELDS = ("content", "conclusion")


@dataclass(frozen=True)
class Phrase:
    field: str
    text: str
    parts: tuple[str, ...] = ()  # folded words of the agenda titles it suits; () = any

    def suits(self, part_title: str) -> bool:
        title = fold(part_title)
        return not self.parts or any(part in title for part in self.parts)


def load_phrases(path: Path | None = None) -> tuple[Phrase, ...]:
    path = path or rules_path("phrases.toml")
    data, text = load_toml_text(path)
    check_table(
        data,
        {"title": str, "source": str, "verified": bool, "phrases": list},
        required=("phrases",),
        path=path,
        text=text,
    )
    found = []
    for entry in data["phrases"]:
        check_table(
            entry, {"field": str, "text": str, "parts": list}, required=("field", "text"),
            path=path, text=text,
        )  # fmt: skip
        if entry["field"] not in FIELDS:
            raise RuleFileError(
                path, f"field = {entry['field']!r}", line_of_entry(text, "field", entry["field"])
            )
        parts = tuple(fold(str(p)) for p in entry.get("parts", []) if str(p).strip())
        found.append(Phrase(entry["field"], entry["text"].strip(), parts))
    return tuple(found)


@cache
def built_in_phrases() -> tuple[Phrase, ...]:
    return load_phrases()
