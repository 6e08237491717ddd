"""New members found column by column: the rows of an import that need no message and match
no one in the register are checked and made ready to store as whole columns, without a
record, an outcome and a Member each. Every other row (a cell not understood, a rule not
met, a duplicate, a match in the register, text kept in the notes) is read as a record and
goes through ``import_check`` one by one, as before; together the two give what checking
every row one by one gives (a property test holds them equal).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter, methodcaller

from ..interop.excel_import import ColumnChunk, RowRecord
from .import_check import Register
from .import_choices import ChoiceFields
from .import_fold import name_key
from .import_quick import quick_refused

_KEYS = ("card_number", "full_name", "birth_date")  # what duplicates are found by


@dataclass
class NewMembers:
    """Rows to add: ``values[field][i]`` is what the i-th new member stores in ``field``,
    None for the Member's default."""

    numbers: list[int] = field(default_factory=list)
    values: dict[str, list] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.numbers)


def split(
    chunks: list[ColumnChunk], register: Register, choices: ChoiceFields, today: dt.date
) -> tuple[NewMembers, list[RowRecord]]:
    """The new members that pass every check, and the records of all other rows."""
    if set(_KEYS) & set(choices.lists):  # a closed list would change the keys first
        return NewMembers(), [r for chunk in chunks for r in chunk.records()]
    columns = [_checked(chunk, register, choices, today) for chunk in chunks]
    slow = [refused for _values, refused in columns]
    records = [chunk.records(sorted(s)) if s else [] for chunk, s in zip(chunks, slow, strict=True)]
    if all(len(rows) == len(chunk) for chunk, rows in zip(chunks, slow, strict=True)):
        return NewMembers(), [r for part in records for r in part]  # no row left to add here
    twice = _duplicated(chunks, [v for v, _r in columns], slow, records)
    for position, (chunk, found) in enumerate(zip(chunks, twice, strict=True)):
        if found:
            slow[position] |= found
            records[position] = sorted(
                [*records[position], *chunk.records(sorted(found))], key=_number
            )
    new = NewMembers()
    for chunk, (values, _refused), rows in zip(chunks, columns, slow, strict=True):
        kept = [i for i in range(len(chunk)) if i not in rows] if rows else None
        new.numbers += chunk.numbers if kept is None else [chunk.numbers[i] for i in kept]
        for name, column in values.items():
            part = column if kept is None else [column[i] for i in kept]
            new.values.setdefault(name, []).extend(part)
    return new, [r for part in records for r in part]


def _number(record: RowRecord) -> int:
    return record.number


def _checked(
    chunk: ColumnChunk, register: Register, choices: ChoiceFields, today: dt.date
) -> tuple[dict[str, list], set[int]]:
    """The chunk's values with closed lists in their own spelling, and the rows to check
    one by one: those the chunk already tells (see ColumnChunk.slow), text outside a closed
    list, a rule the quick check does not pass, a match in the register."""
    values = dict(chunk.values)
    refused: set[int] = set()
    for name in choices.lists:
        column = values.get(name)
        if column is None:
            continue
        found = {v: choices.canonical(name, v) for v in dict.fromkeys(column) if v}
        if None in found.values():  # refused, or kept in the notes
            refused.update(i for i, v in enumerate(column) if v and found[v] is None)
        values[name] = [(found[v] or None) if v else v for v in column]
    refused |= chunk.slow
    kept = [i for i in range(len(chunk)) if i not in refused] if refused else None
    if register.rows:  # a card or a name and birth date already stored: matched one by one
        cards, names, births = (values.get(k) or [None] * len(chunk) for k in _KEYS)
        refused.update(compress(range(len(chunk)), map(register.by_card.__contains__, cards)))
        for i in range(len(chunk)) if kept is None else kept:
            if i not in refused and register.by_key.get(name_key(names[i], births[i])):
                refused.add(i)
        kept = [i for i in range(len(chunk)) if i not in refused]
    if kept is None:
        refused.update(quick_refused(values, len(chunk), today))
    elif kept:  # the rows still to check, alone
        some = {name: [column[i] for i in kept] for name, column in values.items()}
        refused.update(kept[k] for k in quick_refused(some, len(kept), today))
    return values, refused


def _duplicated(
    chunks: list[ColumnChunk],
    columns: list[dict[str, list]],
    slow: list[set[int]],
    records: list[list[RowRecord]],
) -> list[set[int]]:
    """For each chunk, the rows not yet read as records that share a card (or, without a
    card, a name and birth date) with another row of the file: all rows of such a group
    are checked one by one, so that each is told of the others."""
    keys: dict[str, list] = {k: [] for k in _KEYS}  # each row's, in file order
    for chunk, values, rows, read in zip(chunks, columns, slow, records, strict=True):
        for name, found in keys.items():
            if len(rows) == len(chunk):  # every row read as a record
                found += map(methodcaller("get", name), map(attrgetter("values"), read))
                continue
            column = values.get(name)
            part = [None] * len(chunk) if column is None else list(column)
            for i, record in zip(sorted(rows), read, strict=True):
                part[i] = record.values.get(name)
            found += part
    cards = keys["card_number"]
    twice: list[set[int]] = [set() for _chunk in chunks]
    if all(cards) and len(set(cards)) == len(cards):
        return twice  # every row has its own card
    groups: list[dict] = [defaultdict(list), defaultdict(list)]
    for row, card in enumerate(cards):
        if card:
            groups[0][card].append(row)
    if not all(cards):  # only rows without a card are matched by name and birth date
        names, births = keys["full_name"], keys["birth_date"]
        for row, (name, birth) in enumerate(zip(names, births, strict=True)):
            if name:
                groups[1][name_key(name, birth)].append(row)
    where = [(at, i) for at, chunk in enumerate(chunks) for i in range(len(chunk))]
    for group in (*groups[0].values(), *groups[1].values()):
        if len(group) > 1:
            for row in group:
                at, i = where[row]
                if i not in slow[at]:
                    twice[at].add(i)
    return twice
