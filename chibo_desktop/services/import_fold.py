"""Folding text the way ``domain.text.fold`` does, for thousands of imported rows: the
search text of new members, the keys rows are matched on."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from operator import attrgetter

from ..domain.members import Member


class _FoldTable(dict):
    """Per-character form of ``fold``: no diacritics, đ → d, case folded. Folding is done
    one character at a time there too, so a translate table gives the same text, faster."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if unicodedata.combining(char):
            folded = ""
        else:
            decomposed = unicodedata.normalize("NFD", char.replace("đ", "d").replace("Đ", "D"))
            folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        self[code] = folded
        return folded


_FOLD = _FoldTable()


_WORDS: dict[str, str] = {}  # folded words: names of a list share few words
_WORDS_KEPT = 100_000


def _fold_word(word: str) -> str:
    if word.isascii():
        return word.lower()  # what the table gives for ASCII
    folded = " ".join(word.translate(_FOLD).split())
    if len(_WORDS) < _WORDS_KEPT:
        _WORDS[word] = folded
    return folded


def fast_fold(text: str) -> str:
    """The same result as ``domain.text.fold``, for thousands of rows. Folding works
    character by character, so folding each word gives the same words."""
    if text.isascii():  # numbers, names typed without marks: what the table gives
        return " ".join(text.lower().split())
    words = _WORDS
    folded = []
    for word in text.split():
        found = words.get(word)
        if found is None:
            found = word.lower() if word.isascii() else _fold_word(word)
        if found:
            folded.append(found)
    return " ".join(folded)


SEARCHED = ("full_name", "birth_name", "card_number", "phone", "citizen_id", "position")
_SEARCHED = attrgetter(*SEARCHED)


def search_text(member: Member) -> str:
    """As ``services.members.search_text``, with the fast fold."""
    return fast_fold(" ".join(filter(None, _SEARCHED(member))))


def search_texts_of(columns: Sequence[list], count: int) -> list[str]:
    """``search_text`` of each of ``count`` rows whose searched fields are given as columns
    (in the order of SEARCHED; None or "" for an empty field). Each column is folded on its
    own: folding works character by character and collapses spaces, so the folded fields
    joined by a space are the folded joined fields (an empty one left out)."""
    folded = [fold_all([v or "" for v in c]) for c in columns if c.count(None) != len(c)]
    folded = [c for c in folded if c.count("") != len(c)]
    if not folded:
        return [""] * count
    if not any("" in c for c in folded):  # every field filled: joined without a loop
        return list(map(" ".join, zip(*folded, strict=True)))
    return [" ".join(filter(None, fields)) for fields in zip(*folded, strict=True)]


def fold_all(texts: list[str]) -> list[str]:
    """``fast_fold`` of each text."""
    whole = "\n".join(texts)
    if whole.count("\n") != len(texts) - 1:
        return list(map(fast_fold, texts))
    if whole.isascii() and not whole.encode("ascii").translate(None, _KEPT_AS_IS):
        return list(texts)  # numbers and the like: nothing to fold
    decomposed = unicodedata.normalize("NFD", whole.replace("đ", "d").replace("Đ", "D"))
    others = _ASCII_OR_MARK.sub("", decomposed)
    if others and not all(map(unicodedata.combining, set(others))):
        return list(map(fast_fold, texts))
    # Only combining marks are left outside ASCII: dropping them is what fold does, and
    # each line's marks stay on that line (a line break is not combined with anything).
    folded = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    if (
        "  " in folded
        or " \n" in folded
        or "\n " in folded
        or folded[:1] == " "
        or folded[-1:] == " "
        or not folded.replace("\n", "").isprintable()  # tabs and other spaces
    ):
        return list(map(fast_fold, texts))
    return folded.split("\n") if texts else []


# ASCII that folding leaves as it is: printable, neither a space nor a capital letter (and
# the line breaks between texts).
_KEPT_AS_IS = bytes([10, *range(0x21, 0x41), *range(0x5B, 0x7F)])
_ASCII_OR_MARK = re.compile("[\x00-\x7f\u0300-\u036f]+")  # ASCII, Vietnamese marks


def name_key(name: str, birth: str | None) -> tuple[str, str]:
    return fast_fold(name), birth or ""
