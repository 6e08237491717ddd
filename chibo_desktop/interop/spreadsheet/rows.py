"""The table's rows → member records, with every cell that cannot be understood noted; the
end of the table (totals, signatures, notes) recognised and left out.

Each column is read with the parser its field needs, and each distinct value of a column is
parsed once (dates, sexes and places repeat down a list)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial

from ...domain.members import DATE_FIELDS, MULTILINE_FIELDS
from ...domain.text import fold
from ...i18n import _
from .fields import (
    BIRTH_FEMALE,
    BIRTH_MALE,
    IGNORE,
    MARK_FEMALE,
    MARK_MALE,
    ROW_NUMBER,
    TO_NOTES,
    TRANSFER_DATE,
    header_key,
)
from .layout import Layout, column_letter
from .values import (
    ValueProblem,
    as_text,
    clean_cell,
    is_mark,
    name_problem,
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
_DATE_LINE = re.compile(r"\bngay\b.*\bthang\b.*\bnam\b")
_HEADING = re.compile(
    r"^([ivxlc]+|[a-z]|\d+)\s*[.)/-]|dang vien (chinh thuc|du bi|sinh hoat|mien|tam)|"
    r"^(chi bo|to|khu|thon|ap|ban)\b"
)


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


_UNSEEN = object()
# Columns whose values seldom repeat: remembering each parsed value would cost more than it
# saves (dates, sexes, places of birth, levels and posts repeat and are remembered).
_DISTINCT = {*NUMBER_FIELDS, "address", "notes", "birth_name", TO_NOTES}


class _Unreadable:
    """A cell that could not be understood, and why (in Vietnamese)."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


@dataclass(slots=True)
class _Column:
    """How one column is read: its field, its parser and what it has parsed so far."""

    index: int
    field: str
    parse: Callable[[object], object]
    parsed: dict = field(default_factory=dict)  # (type, cell) → value, where values repeat
    remembers: bool = True

    def value(self, cell: object):
        """The parsed value of a non-empty cell; None when it holds nothing; _Unreadable."""
        if not self.remembers:
            return self._parse(cell)
        key = (cell.__class__, cell)  # 1.0 and True are equal, but read "1" and "x"
        found = self.parsed[key] = self._parse(cell)
        return found

    def _parse(self, cell: object):
        try:
            found = self.parse(cell)
        except ValueProblem as exc:
            return _Unreadable(str(exc))
        return None if found == "" else found


class RowReader:
    """Turns the sheet's rows under the header into RowRecords."""

    def __init__(self, layout: Layout, mapping: dict[int, str], today: dt.date) -> None:
        self.layout = layout
        self.mapping = {i: f for i, f in mapping.items() if f and f != IGNORE}
        self.today = today
        self.headers = {c.index: c.header for c in layout.columns}
        self.name_column = next((i for i, f in self.mapping.items() if f == "full_name"), None)
        self.header_keys = {header_key(c.header) for c in layout.columns if c.header}
        self.counted = {i for i, f in self.mapping.items() if f != ROW_NUMBER}
        self.skipped = 0
        fields = set(self.mapping.values())
        self.female_marks_only = MARK_FEMALE in fields and not (
            {MARK_MALE, "gender", BIRTH_MALE} & fields
        )

    def header(self, column: int) -> str:
        return self.headers.get(column) or _("Cột {letter}").format(letter=column_letter(column))

    def records(self, rows: list[list]) -> Iterator[RowRecord]:
        """The record of each member row, in order, up to the end of the table."""
        start = self.layout.first_data_row
        columns = [
            _Column(index, name, self._parser(name, rows, index), remembers=name not in _DISTINCT)
            for index, name in sorted(self.mapping.items())
            if name not in (ROW_NUMBER, "full_name")
        ]
        for r in range(start, len(rows)):
            row = rows[r]
            filled = _filled(row)
            if not filled:
                continue
            if self._is_footer(row, filled):
                return
            if self._holds_member(row, filled):
                yield self._record(r + 1, row, columns)

    # --- one row ---------------------------------------------------------------------------
    def _record(self, number: int, row: list, columns: list[_Column]) -> RowRecord:
        record = RowRecord(number, {}, [], {}, row)
        values, where = record.values, record.columns
        if self.name_column is not None:
            cell = _cell(row, self.name_column)
            problem = name_problem(cell)
            if problem:
                record.problems.append(
                    CellProblem("full_name", self.name_column, as_text(cell), problem)
                )
            values["full_name"] = clean_cell(cell) if cell is not None else ""
            where["full_name"] = self.name_column
        sexes: list[tuple[str, int]] = []
        notes: list[str] = []
        width = len(row)
        for column in columns:
            cell = row[column.index] if column.index < width else None
            if cell is None or cell == "":
                continue
            found = (
                column.parsed.get((cell.__class__, cell), _UNSEEN) if column.remembers else _UNSEEN
            )
            if found is _UNSEEN:
                found = column.value(cell)
            if found is None or found is False:
                continue
            name, index = column.field, column.index
            if found.__class__ is _Unreadable:
                record.problems.append(CellProblem(name, index, as_text(cell), found.reason))
                where.setdefault(name, index)
            elif name in (BIRTH_MALE, BIRTH_FEMALE):
                values["birth_date"], where["birth_date"] = found, index
                sexes.append(("Nam" if name == BIRTH_MALE else "Nữ", index))
            elif name in (MARK_MALE, MARK_FEMALE):
                sexes.append(("Nam" if name == MARK_MALE else "Nữ", index))
            elif name == TO_NOTES:
                notes.append(f"{self.header(index)}: {found}")
            else:
                values[name], where[name] = found, index
        if sexes or self.female_marks_only:
            self._sex(record, sexes)
        if notes:
            values["notes"] = "\n".join([values.get("notes") or "", *notes]).strip()
        return record

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
                    str(given),
                    _("Giới tính ghi “{given}” nhưng dữ liệu nằm ở cột {sex}.").format(
                        given=given, sex=sex
                    ),
                )
            )
            return
        record.values["gender"] = sex
        if sexes:
            record.columns.setdefault("gender", sexes[0][1])

    def _parser(self, name: str, rows: list[list], index: int) -> Callable[[object], object]:
        if name in (*DATE_FIELDS, BIRTH_MALE, BIRTH_FEMALE, TRANSFER_DATE):
            return partial(parse_date, today=self.today)
        if name in (MARK_MALE, MARK_FEMALE):
            return is_mark
        if name == "gender":
            return parse_gender
        if name == "armed_forces":
            return parse_flag
        if name in NUMBER_FIELDS:
            shape = _number_shape(rows[self.layout.first_data_row :], index, name)
            return partial(number_text, field=name, shape=shape)
        return partial(clean_cell, multiline=name in MULTILINE_FIELDS)

    # --- where the table ends, and rows that hold no member --------------------------------
    def _is_footer(self, row: list, filled: list[int]) -> bool:
        """A total, signature, date or note line: the table has ended."""
        first = row[filled[0]]
        if not isinstance(first, str):
            return False
        # 'Tổng cộng' typed in the name column: a footer unless the row carries member data.
        if self.name_column in filled and not (filled[0] == self.name_column and len(filled) <= 2):
            return False
        text = first.strip()
        key = header_key(text)
        return bool(_FOOTER.match(key) or _DATE_LINE.search(key) or text[:1] in "*(")

    def _holds_member(self, row: list, filled: list[int]) -> bool:
        """Anything but the header repeated or a stray note (counted as skipped)."""
        name_cell = _cell(row, self.name_column) if self.name_column is not None else ""
        name_header = self.headers.get(self.name_column) if self.name_column is not None else None
        meaningful = sum(1 for i in filled if i in self.counted)
        if meaningful > 1 and not (isinstance(name_cell, str) and name_cell == name_header):
            return True
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


def _cell(row: list, index: int):
    return row[index] if index < len(row) else None


def _filled(row: list) -> list[int]:
    """The columns of the row that hold something, spaces aside."""
    filled = [i for i, v in enumerate(row) if v is not None and v != ""]
    if filled and isinstance(row[filled[0]], str) and not row[filled[0]].strip():
        filled = [i for i in filled if not (isinstance(row[i], str) and not row[i].strip())]
    return filled


def _number_shape(body: list[list], index: int, name: str) -> tuple[int, int] | None:
    """For a numbering column holding numbers Excel made of them: the usual (digits before,
    after the dot) of the values still typed as text, so the numbers can be padded back."""
    cells = [row[index] for row in body if index < len(row)]
    numbers = [v for v in cells if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if not numbers:
        return None
    shapes = Counter(
        shape for v in cells if isinstance(v, str) and (shape := text_shape(v.strip()))
    )
    if shapes:
        return shapes.most_common(1)[0][0]
    if name in _DEFAULT_SHAPE and any(isinstance(v, float) and not v.is_integer() for v in numbers):
        return _DEFAULT_SHAPE[name]
    return None
