"""Many rows read one column at a time: each distinct value parsed once, problems kept as
values. The result is the same as reading cell by cell in column order, at a fraction of the
work per cell, so that reading 20,000 rows costs little more than looking the cells up."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter

from .fields import BIRTH_MALE, MARK_MALE
from .values import ValueProblem, as_text, clean_cell, name_problem, number_text

# How a column's values are used (the ``kind`` of a reading plan).
NAME, STORE, BIRTH, MARK, NOTE = range(5)
# Parsers (or functools.partial of them) that return plain text unchanged.
_KEEP_PLAIN_TEXT = (clean_cell, number_text)


@dataclass(slots=True)
class CellProblem:
    field: str
    column: int  # 0-based column index, -1 when the problem is not one cell's
    value: str
    reason: str


@dataclass(slots=True)
class RowRecord:
    number: int  # as in the spreadsheet (1-based)
    values: dict[str, object]
    problems: list[CellProblem] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)  # field → column it came from
    raw: list = field(default_factory=list)
    sexes: list[tuple[str, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Unreadable:
    """A cell that could not be understood, and why (in Vietnamese)."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


def convert(parse: Callable, value: object):
    """The parsed value; None for a blank cell or one that holds nothing; Unreadable."""
    if value == "" or value is None:
        return None
    try:
        parsed = parse(value)
    except ValueProblem as exc:
        return Unreadable(str(exc))
    return None if parsed == "" or parsed is None else parsed


def _is_plain_text(value) -> bool:
    """Text that ``clean_cell`` keeps as it is: printable, trimmed, single spaces, NFC."""
    return (
        value.__class__ is str
        and value != ""
        and value.isprintable()  # no control characters, no space but ' '
        and value[0] != " "
        and value[-1] != " "
        and "  " not in value
        and unicodedata.is_normalized("NFC", value)
    )


def convert_column(
    cells: list, parse: Callable, memo: dict | None, keeps_plain_text: bool = False
) -> list:
    """``convert`` of every cell. With a ``memo`` (columns whose values repeat, such as sex,
    ethnicity or dates) each distinct value is parsed once, in order of first appearance.
    ``keeps_plain_text``: ``parse`` returns plain text (see _is_plain_text) unchanged."""
    if keeps_plain_text and memo is None:
        return [v if _is_plain_text(v) else convert(parse, v) for v in cells]
    if memo is not None:
        try:
            missing = [v for v in dict.fromkeys(cells) if v not in memo]
        except TypeError:  # an unhashable cell value cannot be remembered
            pass
        else:
            for value in missing:
                memo[value] = convert(parse, value)
            return [memo[v] for v in cells]
    return [convert(parse, v) for v in cells]


def _is_plain_name(value) -> bool:
    """Text that ``name_problem`` accepts and ``clean_cell`` keeps as it is (the usual)."""
    return _is_plain_text(value) and value[0] not in "=+@-"


def _names(records: list[RowRecord], cells: list, name: str, index: int) -> None:
    for record, value in zip(records, cells, strict=True):
        if _is_plain_name(value):
            record.values[name] = value
        else:
            problem = name_problem(value)
            if problem:
                record.problems.append(CellProblem(name, index, as_text(value), problem))
            record.values[name] = clean_cell(value) if value is not None else ""
        record.columns[name] = index


def read_columns(chunk: list[tuple[int, list]], plan, header: Callable[[int], str]):
    """RowRecords of (row number, cells) pairs, following a plan of
    (column, field, kind, parse, memo) entries in column order."""
    records = [RowRecord(number, {}, [], {}, row) for number, row in chunk]
    rows = [row for _number, row in chunk]
    value_dicts = [r.values for r in records]
    column_dicts = [r.columns for r in records]
    width = min(map(len, rows), default=0)
    for index, name, kind, parse, memo in plan:
        if index < width:
            cells = list(map(itemgetter(index), rows))
        else:
            cells = [row[index] if index < len(row) else None for row in rows]
        if kind is NAME:
            _names(records, cells, name, index)
            continue
        keeps = getattr(parse, "func", parse) in _KEEP_PLAIN_TEXT
        results = convert_column(cells, parse, memo, keeps)
        if kind is STORE:
            unreadable = False
            for values, columns, result in zip(value_dicts, column_dicts, results, strict=True):
                if result is None:
                    continue
                if result.__class__ is Unreadable:
                    unreadable = True
                    continue
                values[name] = result
                columns[name] = index
            if not unreadable:
                continue
        for record, value, result in zip(records, cells, results, strict=True):
            if result is None:
                continue
            if result.__class__ is Unreadable:
                if memo is not None:  # the reason in this cell's own words
                    result = convert(parse, value)
                record.problems.append(CellProblem(name, index, as_text(value), result.reason))
                record.columns.setdefault(name, index)
            elif kind is BIRTH:
                record.values["birth_date"] = result
                record.columns["birth_date"] = index
                record.sexes.append(("Nam" if name == BIRTH_MALE else "Nữ", index))
            elif kind is MARK:
                if result:
                    record.sexes.append(("Nam" if name == MARK_MALE else "Nữ", index))
            elif kind is NOTE:
                record.notes.append(f"{header(index)}: {result}")
    return records
