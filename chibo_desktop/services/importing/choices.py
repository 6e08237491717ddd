"""Closed lists of the record (theory level, position in the cell) as member lists spell them.

A list typed in an office says "Cao cấp lý luận chính trị", "Cử nhân chính trị", "TC LLCT",
"Bí thư chi bộ" or "Chi uỷ viên"; the register keeps the list's own spelling ("Cao cấp",
"Cử nhân", "Trung cấp", "Bí thư", "Chi ủy viên"), as the member form does. A value that
means "none" ("Chưa", "Không") leaves the field empty. Any other theory level is refused
with a reason. Positions are different: the "Chức vụ" column of a list often holds a job
title or other posts ("Tổ trưởng tổ dân phố"), so such text is kept in the notes instead.
"""

from __future__ import annotations

import re

from ...domain.text import fold
from ...rules.choices import ChoiceList, member_choices

# Text written after a level that only repeats what the column is about.
_SUFFIXES = {
    "theory_level": (
        "ly luan chinh tri hanh chinh",
        "ly luan chinh tri",
        "chinh tri hanh chinh",
        "chinh tri hoc",
        "llct hanh chinh",
        "chinh tri",
        "ly luan",
        "llct hc",
        "llct",
    ),
    "position": ("cua chi bo", "chi bo"),
}
# Short forms, as folded keys of the list's values.
_ALIASES = {
    "theory_level": {"sc": "so cap", "tc": "trung cap", "cc": "cao cap", "cn": "cu nhan"},
    "position": {
        "bt": "bi thu",
        "pbt": "pho bi thu",
        "cuv": "chi uy vien",
        "uy vien": "chi uy vien",
        "chi uy": "chi uy vien",
        "uy vien chi uy": "chi uy vien",
        "dang vien chinh thuc": "dang vien",
        "dang vien du bi": "dang vien",
    },
}
_NONE = {"khong", "khong co", "chua", "chua co", "chua qua dao tao", "chua dao tao", "0"}
KEPT_IN_NOTES = ("position",)
_PUNCT = re.compile(r"[^\w\s]|_")


def choice_key(text: str) -> str:
    """'Cao cấp (LLCT)' → 'cao cap llct': no diacritics, case or punctuation."""
    return " ".join(_PUNCT.sub(" ", fold(text)).split())


class ChoiceFields:
    """The closed lists, and the list value each spelling found in a file stands for."""

    def __init__(self, choices: dict[str, ChoiceList] | None = None) -> None:
        choices = member_choices() if choices is None else choices
        self.lists = {name: c for name, c in choices.items() if c.exhaustive}
        self._known = {name: {choice_key(v): v for v in c.values} for name, c in self.lists.items()}
        self._memo: dict[tuple[str, str], str | None] = {}

    def canonical(self, name: str, value: str) -> str | None:
        """The list's value for ``value``; "" when it means none; None when not in the list."""
        memo_key = (name, value)
        if memo_key not in self._memo:
            self._memo[memo_key] = self._find(name, value)
        return self._memo[memo_key]

    def _find(self, name: str, value: str) -> str | None:
        known = self._known[name]
        aliases = _ALIASES.get(name, {})
        key = choice_key(value)
        if not key or key in _NONE:
            return ""
        for suffix in ("", *_SUFFIXES.get(name, ())):
            if suffix and not key.endswith(" " + suffix):
                continue
            base = key[: len(key) - len(suffix)].strip() if suffix else key
            base = aliases.get(base, base)
            if base in known:
                return known[base]
        return None
