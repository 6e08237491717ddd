"""Vietnamese text: normalisation, diacritic folding for search, and alphabetical order."""

from __future__ import annotations

import functools
import heapq
import re
import unicodedata

from ..i18n import ngettext

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
_SPACES = re.compile(r"\s+")


def clean_text(value: object, *, multiline: bool = False) -> str:
    """NFC, control characters removed, stripped; single-line text gets inner spaces collapsed."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = _CONTROL.sub("", text.replace("\t", "    "))
        return "\n".join(line.rstrip() for line in text.split("\n")).strip()
    text = _CONTROL.sub("", text.replace("\t", " ").replace("\n", " "))
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """Lower case without diacritics, đ → d: what search compares ('Đặng' → 'dang')."""
    if text.isascii():
        return " ".join(text.lower().split())
    if max(text) < _FOLD_TABLE_END:  # every letter a Vietnamese list can hold
        return " ".join(text.translate(_fold_table()).split())
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


_FOLD_TABLE_END = "\u2000"


@functools.cache
def _fold_table() -> dict[int, str]:
    """``fold`` of each character below _FOLD_TABLE_END. Folding decomposes, drops marks
    and folds case one character at a time, so folding each character gives the same text
    (built once, on first use: a few milliseconds)."""
    table = {}
    for code in range(0x80, ord(_FOLD_TABLE_END)):
        char = chr(code)
        if unicodedata.combining(char):
            table[code] = ""
            continue
        decomposed = unicodedata.normalize("NFD", char.replace("đ", "d").replace("Đ", "D"))
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        if folded != char:
            table[code] = folded
    for code in range(0x41, 0x5B):  # ASCII capitals
        table[code] = chr(code + 32)
    return table


def hidden_characters(text: str) -> bool:
    """Control, zero-width or direction characters: invisible, and no part of a name."""
    return _CONTROL.search(text) is not None


# Vietnamese alphabet order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
# with the letters outside it (f j w z) placed where Latin puts them.
_ALPHABET = [
    "a",
    "ă",
    "â",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "ê",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "ô",
    "ơ",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "ư",
    "v",
    "w",
    "x",
    "y",
    "z",
]
_LETTER_RANK = {letter: i for i, letter in enumerate(_ALPHABET)}
# Tone marks sort after the letters, as a tie-break: none, huyền, sắc, hỏi, ngã, nặng.
_TONE_RANK = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_SHAPE_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter


def _word_key(word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    letters: list[int] = []
    tones: list[int] = []
    for char in word.casefold():
        parts = unicodedata.normalize("NFD", char)
        base = parts[0]
        tone = 0
        shaped = base
        for mark in parts[1:]:
            if mark in _SHAPE_MARKS:
                shaped = unicodedata.normalize("NFC", shaped + mark)
            else:
                tone = _TONE_RANK.get(mark, 0)
        rank = _LETTER_RANK.get(shaped)
        letters.append(rank if rank is not None else 100 + ord(shaped))
        tones.append(tone)
    return tuple(letters), tuple(tones)


def vietnamese_sort_key(text: str) -> tuple:
    """Key for ordering words in the Vietnamese alphabet, tone marks breaking ties."""
    words = clean_text(text).split(" ")
    keys = [_word_key(w) for w in words if w]
    return tuple(k[0] for k in keys), tuple(k[1] for k in keys)


def name_sort_key(full_name: str) -> tuple:
    """Registers are ordered by given name, then middle names, then family name."""
    words = clean_text(full_name).split(" ")
    if len(words) > 1:
        words = [words[-1], *words[1:-1], words[0]]
    keys = [_word_key(w) for w in words if w]
    return tuple(k[0] for k in keys), tuple(k[1] for k in keys)


def _build_collation() -> dict[int, str]:
    """Per character: its letter in alphabet order then its tone, as two characters."""
    table: dict[int, str] = {1: "\x01\x01"}  # the word separator sorts first
    bases = "abcdefghijklmnopqrstuvwxyzăâđêôơư"
    candidates = set(bases + bases.upper())
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY":
        for mark in _TONE_RANK:
            candidates.add(unicodedata.normalize("NFC", base + mark))
    for char in candidates:
        if len(char) == 1:
            (rank,), (tone,) = _word_key(char)
            table[ord(char)] = chr(0x100 + rank) + chr(0x30 + tone)
    return table


_COLLATION = _build_collation()
_KNOWN = frozenset(chr(c) for c in _COLLATION)


def name_sort_string(full_name: str) -> tuple[str, str]:
    """The order of ``name_sort_key`` as two strings (letters, then tones): several times
    quicker, for sorting lists of thousands. ``full_name`` must already be clean (NFC)."""
    words = full_name.split(" ")
    if len(words) > 1:
        words = [words[-1], *words[1:-1], words[0]]
    joined = "\x01".join(words)
    if not _KNOWN.issuperset(joined):
        letters, tones = name_sort_key(full_name)
        return (
            "\x01".join("".join(chr(0x100 + r) for r in word) for word in letters),
            "\x01".join("".join(chr(0x30 + t) for t in word) for word in tones),
        )
    pairs = joined.translate(_COLLATION)
    return pairs[::2], pairs[1::2]


def _given_name(full_name: str) -> str:
    """The last word of the cleaned name, cleaned; most names are clean already and skip
    ``clean_text`` (printable, no double or outer spaces: cleaning only makes them NFC,
    which never moves a space)."""
    if full_name.isprintable() and "  " not in full_name and full_name.strip(" ") == full_name:
        return unicodedata.normalize("NFC", full_name.rpartition(" ")[2])
    return clean_text(full_name).rpartition(" ")[2]


def first_in_name_order(names: list[str], count: int) -> list[int]:
    """Indices of the first ``count`` names in register order (``name_sort_key`` of each
    name, ties in list order): what sorting all of them would give, with the full key
    computed only for the names whose given name comes first. A name whose given name
    sorts after another's sorts after it whatever its other words (the given name leads
    the key, and its end sorts before any letter)."""
    groups: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        groups.setdefault(_given_name(name), []).append(index)
    letters = {given: name_sort_string(given)[0] for given in groups}
    picked: list[int] = []
    last = None
    for given in sorted(groups, key=letters.__getitem__):
        if len(picked) >= count and letters[given] != last:
            break
        picked += groups[given]
        last = letters[given]
    picked.sort()
    return heapq.nsmallest(count, picked, key=lambda i: name_sort_string(clean_text(names[i])))


def names_in_brief(names: list[str], shown: int) -> str:
    """The first ``shown`` names in register order, then "và N đồng chí khác"."""
    first = ", ".join(names[i] for i in first_in_name_order(names, shown))
    if len(names) <= shown:
        return first
    others = len(names) - shown
    return ngettext("{names} và {n} đồng chí khác", "{names} và {n} đồng chí khác", others).format(
        names=first, n=others
    )
