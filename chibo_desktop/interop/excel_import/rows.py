"""The table's rows → member values, with every unreadable cell noted; the end of the
table (totals, signatures, notes) recognised and left out."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import partial
from operator import itemgetter
from typing import Any

from ...domain.members import DATE_FIELDS, MULTILINE_FIELDS
from ...domain.text import fold
from ...i18n import _
from .column_chunk import ColumnChunk
from .columns import (
    BIRTH,
    MARK,
    NAME,
    NOTE,
    STORE,
    CellProblem,
    RowRecord,
    convert_plan,
    read_columns,
)
from .fields import (
    BIRTH_FEMALE,
    BIRTH_MALE,
    IGNORE,
    MARK_FEMALE,
    MARK_MALE,
    ROW_NUMBER,
    TO_NOTES,
    header_key,
)
from .layout import Layout
from .values import (
    as_text,
    clean_cell,
    is_mark,
    number_text,
    parse_date,
    parse_flag,
    parse_gender,
    text_shape,
)

NUMBER_FIELDS = ("card_number", "phone", "citizen_id", "badge_number")
_DEFAULT_SHAPE = {"card_number": (2, 6)}  # cards read 'NN.NNNNNN'
_FOOTER = re.compile(
    r"^(tong cong|tong so|cong( \d|$)|t ?m\b|tm\b|bi thu|pho bi thu|nguoi lap|ghi chu|luu y|"
    r"xac nhan|ky ten|ky ghi ro|chi uy|thu truong|nguoi ky|danh sach (nay|tren|co)|noi nhan|"
    r"dang uy|ban to chuc|chu tich|truong ban)"
)
CHUNK = 2000
_DATE_LINE = re.compile(r"\bngay\b.*\bthang\b.*\bnam\b")
_HEADING = re.compile(
    r"^([ivxlc]+|[a-z]|\d+)\s*[.)/-]|dang vien (chinh thuc|du bi|sinh hoat|mien|tam)|"
    r"^(chi bo|to|khu|thon|ap|ban)\b"
)


def _blank_text(value) -> bool:
    return isinstance(value, str) and not value.strip()


def _blank(value) -> bool:
    return value == "" or value is None or (isinstance(value, str) and not value.strip())


def _shapes(rows: list[list], start: int, mapping: dict[int, str]) -> dict[int, tuple]:
    """For numbering columns holding numbers Excel made of them: the usual shape of the
    values still typed as text (a sample is enough)."""
    shapes = {}
    body = rows[start:]
    width = min(map(len, body), default=0)
    for index, name in mapping.items():
        if name not in NUMBER_FIELDS:
            continue
        if index < width:
            cells = list(map(itemgetter(index), body))
        else:
            cells = [row[index] for row in body if index < len(row)]
        kinds = set(map(type, cells))
        if not any(issubclass(k, (int, float)) and not issubclass(k, bool) for k in kinds):
            continue
        numbers = [v for v in cells if isinstance(v, (int, float)) and not isinstance(v, bool)]
        counter: Counter = Counter()
        for value in cells:
            if isinstance(value, str) and value.strip():
                shape = text_shape(value.strip())
                if shape:
                    counter[shape] += 1
                    if counter.total() >= 500:
                        break
        if counter:
            shapes[index] = counter.most_common(1)[0][0]
        elif name in _DEFAULT_SHAPE and any(
            isinstance(v, float) and not v.is_integer() for v in numbers
        ):
            shapes[index] = _DEFAULT_SHAPE[name]
    return shapes


class _NumberText:
    """``number_text`` of a numbering column, with the column's shape (see _shapes) worked
    out when a cell first needs it: a column typed all as plain text never does."""

    func = staticmethod(number_text)  # what it parses with, as for a functools.partial

    def __init__(self, rows: list[list], start: int, index: int, name: str) -> None:
        self.rows, self.start, self.index, self.name = rows, start, index, name
        self.shape: tuple | None = None
        self.known = False

    def __call__(self, value: object) -> str:
        if not self.known:
            self.shape = _shapes(self.rows, self.start, {self.index: self.name}).get(self.index)
            self.known = True
        return number_text(value, field=self.name, shape=self.shape)


def _is_footer(row: list, filled: list[int], name_column: int | None) -> bool:
    """A total, signature, date or note line: the table has ended."""
    # 'Tổng cộng' typed in the name column: a footer unless the row carries member data.
    if name_column in filled and not (filled[0] == name_column and len(filled) <= 2):
        return False
    text = row[filled[0]].strip()
    first = header_key(text)
    return bool(_FOOTER.match(first) or _DATE_LINE.search(first) or text[:1] in "*(")


def _numbered_member(row: list, name_column, name_header, counted: list[int]) -> bool:
    """The usual member row, decided without looking at every cell: a first cell that is
    not text (the row's number), a name that is not the header, and a second value."""
    head = row[0]
    if head == "" or head is None or isinstance(head, str):
        return False
    width = len(row)
    name = row[name_column] if name_column is not None and name_column < width else ""
    if isinstance(name, str) and name == name_header:
        return False
    found = 0
    for index in counted:
        value = row[index] if index < width else None
        if value != "" and value is not None:
            found += 1
            if found == 2:
                return True
    return False


def _filled(row: list) -> list[int]:
    """The columns of the row that hold something other than spaces."""
    filled = [i for i, v in enumerate(row) if v != "" and v is not None]
    if filled and isinstance(row[filled[0]], str) and not row[filled[0]].strip():
        filled = [i for i in filled if not _blank_text(row[i])]
    return filled


def _numbered_members(block: list[list], name_column, name_header, counted: list[int]):
    """``_numbered_member`` of every row of the block, decided a column at a time: numbers
    in the first column, no name that is the header, two columns filled on every row. The
    block's columns (``zip(*block)``, for reading them) when so, else None."""
    width = min(map(len, block), default=0)
    if not width or name_column is None or name_column >= width:
        return None
    columns = list(zip(*block, strict=False))
    if {str, type(None)} & set(map(type, columns[0])):
        return None
    if isinstance(name_header, str) and name_header in columns[name_column]:
        return None
    full = 0
    for index in counted:
        if index < width and "" not in columns[index] and None not in columns[index]:
            full += 1
            if full == 2:
                return columns
    return None


class RowReader:
    """Turns the sheet's rows under the header into RowRecords."""

    def __init__(self, layout: Layout, mapping: dict[int, str], today: dt.date) -> None:
        self.layout = layout
        self.mapping = {i: f for i, f in mapping.items() if f and f != IGNORE}
        self.today = today
        self.headers = {c.index: c.header for c in layout.columns}
        self.name_column = next((i for i, f in self.mapping.items() if f == "full_name"), None)
        self.header_keys = {header_key(c.header) for c in layout.columns if c.header}
        self.skipped = 0
        self.ended_at: int | None = None
        fields = set(self.mapping.values())
        self.female_marks_only = MARK_FEMALE in fields and not (
            {MARK_MALE, "gender", BIRTH_MALE} & fields
        )

    def header(self, column: int) -> str:
        from .layout import column_letter

        return self.headers.get(column) or _("Cột {letter}").format(letter=column_letter(column))

    def column_chunks(self, rows: list[list]) -> Iterator[ColumnChunk]:
        """The member rows ``CHUNK`` at a time (the last chunk shorter), as columns."""
        plan = [self._plan(i, f, rows) for i, f in sorted(self.mapping.items())]
        plan = [p for p in plan if p is not None]
        read = partial(self._records, plan=plan)
        numbers: list[int] = []
        cells: list[list] = []
        for found_numbers, found_rows, columns in self._member_rows(rows):
            if columns is not None and not cells and len(found_rows) == CHUNK:
                yield self._chunk(list(found_numbers), found_rows, plan, read, columns)
                continue
            numbers += found_numbers
            cells += found_rows
            while len(cells) >= CHUNK:
                yield self._chunk(numbers[:CHUNK], cells[:CHUNK], plan, read)
                del numbers[:CHUNK], cells[:CHUNK]
        if cells:
            yield self._chunk(numbers, cells, plan, read)

    def _chunk(self, numbers: list[int], cells: list[list], plan, read, columns=None):
        converted = convert_plan(cells, plan, columns)
        return ColumnChunk(numbers, cells, plan, converted, read, self.female_marks_only)

    def _member_rows(self, rows: list[list]) -> Iterator[tuple[Sequence[int], list[list], Any]]:
        """(row numbers, cells, the cells' columns or None) of the rows that hold a member,
        up to the end of the table, a block of rows at a time."""
        start = self.layout.first_data_row
        counted = {i for i, f in self.mapping.items() if f != ROW_NUMBER}
        name_column = self.name_column
        name_header = self.headers.get(name_column) if name_column is not None else None
        counted_columns = sorted(counted)
        for first_row in range(start, len(rows), CHUNK):
            block = rows[first_row : first_row + CHUNK]
            columns = _numbered_members(block, name_column, name_header, counted_columns)
            if columns is not None:
                yield range(first_row + 1, first_row + len(block) + 1), block, columns
                continue
            numbers, members = [], []
            for r in range(first_row, first_row + len(block)):
                row = rows[r]
                if (row and _numbered_member(row, name_column, name_header, counted_columns)) or (
                    not self._is_end(row, r)
                    and self._holds_member(row, counted, name_column, name_header)
                ):
                    numbers.append(r + 1)
                    members.append(row)
                elif self.ended_at is not None:
                    break
            yield numbers, members, None
            if self.ended_at is not None:
                return

    def _is_end(self, row: list, r: int) -> bool:
        """A total, signature, date or note line: the table has ended."""
        filled = [i for i, v in enumerate(row) if v != "" and v is not None]
        if not filled or not isinstance(row[filled[0]], str):
            return False
        if not row[filled[0]].strip():
            filled = [i for i in filled if not _blank_text(row[i])]
            if not filled:
                return False
        if _is_footer(row, filled, self.name_column):
            self.ended_at = r + 1
            return True
        return False

    def _holds_member(self, row: list, counted: set[int], name_column, name_header) -> bool:
        """Anything but an empty row, the header repeated or a stray note (counted)."""
        filled = _filled(row)
        if not filled:
            return False
        name_cell = row[name_column] if name_column is not None and name_column < len(row) else ""
        meaningful = len([i for i in filled if i in counted])
        if meaningful <= 1 or (isinstance(name_cell, str) and name_cell == name_header):
            texts = [(i, as_text(row[i]).strip()) for i in filled]
            if self._not_a_member([(i, t) for i, t in texts if t]):
                self.skipped += 1
                return False
        return True

    def _not_a_member(self, texts: list[tuple[int, str]]) -> bool:
        keys = [header_key(t) for _i, t in texts]
        if sum(1 for k in keys if k in self.header_keys) >= 2:
            return True  # the header repeated on each printed page
        meaningful = [(i, t) for i, t in texts if self.mapping.get(i) != ROW_NUMBER]
        if len(meaningful) != 1:
            return not meaningful
        index, text = meaningful[0]
        if index != self.name_column:
            # A lone value without a name: a member row missing its name when it is numbered
            # or holds data, otherwise a stray note.
            name = self.mapping.get(index)
            numbered = any(self.mapping.get(i) == ROW_NUMBER and t.isdigit() for i, t in texts)
            if name in (None, TO_NOTES, "notes"):
                return True
            return not (numbered or any(c.isdigit() for c in text))
        return bool(_HEADING.search(fold(text)))

    def _plan(self, index: int, name: str, rows: list[list]):
        """(column, field, kind, parse, memo): how one column is read, chosen once."""
        dates = partial(parse_date, today=self.today)
        if name == ROW_NUMBER:
            return None
        if name == "full_name":
            return (index, name, NAME, None, None)
        if name in DATE_FIELDS:
            return (index, name, STORE, dates, {})
        if name in (BIRTH_MALE, BIRTH_FEMALE):
            return (index, name, BIRTH, dates, {})
        if name in (MARK_MALE, MARK_FEMALE):
            return (index, name, MARK, is_mark, {})
        if name == "gender":
            return (index, name, STORE, parse_gender, {})
        if name == "armed_forces":
            return (index, name, STORE, parse_flag, {})
        if name in NUMBER_FIELDS:
            start = self.layout.first_data_row
            return (index, name, STORE, _NumberText(rows, start, index, name), None)
        if name == TO_NOTES:
            return (index, name, NOTE, clean_cell, None)
        if name in MULTILINE_FIELDS:
            return (index, name, STORE, partial(clean_cell, multiline=True), {})
        return (index, name, STORE, clean_cell, {})

    def _records(self, chunk: list[tuple[int, list]], converted, plan) -> list[RowRecord]:
        records = read_columns(chunk, plan, self.header, converted)
        for record in records:
            if record.sexes or self.female_marks_only:
                self._sex(record, record.sexes)
            if record.notes:
                values = record.values
                values["notes"] = "\n".join([values.get("notes") or "", *record.notes]).strip()
        return records

    def _sex(self, record: RowRecord, sexes: list[tuple[str, int]]) -> None:
        found = {sex for sex, _i in sexes}
        if len(found) > 1:
            record.problems.append(
                CellProblem(
                    "gender",
                    sexes[0][1],
                    ", ".join(self.header(i) for _s, i in sexes),
                    _("Có dấu ở cả cột Nam và cột Nữ; không biết là nam hay nữ."),
                )
            )
            return
        sex = found.pop() if found else ("Nam" if self.female_marks_only else None)
        if sex is None:
            return
        given = record.values.get("gender")
        if given and given != sex:
            record.problems.append(
                CellProblem(
                    "gender",
                    record.columns.get("gender", -1),
                    given,
                    _("Giới tính ghi “{given}” nhưng dữ liệu nằm ở cột {sex}.").format(
                        given=given, sex=sex
                    ),
                )
            )
            return
        record.values["gender"] = sex
        if sexes:
            record.columns.setdefault("gender", sexes[0][1])
