"""The table's rows → member values, with every unreadable cell noted; the end of the
table (totals, signatures, notes) recognised and left out."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...domain.members import DATE_FIELDS, MULTILINE_FIELDS
from ...domain.text import clean_text, fold
from ...i18n import _
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
    ValueProblem,
    as_text,
    is_blank,
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


@dataclass
class CellProblem:
    field: str
    column: int  # 0-based column index, -1 when the problem is not one cell's
    value: str
    reason: str


@dataclass
class RowRecord:
    number: int  # as in the spreadsheet (1-based)
    values: dict[str, object]
    problems: list[CellProblem] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)  # field → column it came from
    raw: list = field(default_factory=list)


def _shapes(rows: list[list], start: int, mapping: dict[int, str]) -> dict[int, tuple]:
    shapes = {}
    for index, name in mapping.items():
        if name not in NUMBER_FIELDS:
            continue
        counter: Counter = Counter()
        has_float_fraction = False
        for row in rows[start:]:
            if index >= len(row):
                continue
            value = row[index]
            if isinstance(value, str) and value.strip():
                shape = text_shape(value.strip())
                if shape:
                    counter[shape] += 1
            elif isinstance(value, float) and not value.is_integer():
                has_float_fraction = True
        if counter:
            shapes[index] = counter.most_common(1)[0][0]
        elif has_float_fraction and name in _DEFAULT_SHAPE:
            shapes[index] = _DEFAULT_SHAPE[name]
    return shapes


def _is_footer(texts: list[tuple[int, str]], name_column: int | None) -> bool:
    first = header_key(texts[0][1])
    footer = bool(_FOOTER.match(first) or _DATE_LINE.search(first) or texts[0][1][:1] in "*(")
    if not footer:
        return False
    name_cell = next((t for i, t in texts if i == name_column), "")
    if not name_cell:
        return True
    # 'Tổng cộng' typed in the name column: a footer unless the row carries member data.
    return texts[0][0] == name_column and len(texts) <= 2


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

    def records(self, rows: list[list]) -> Iterator[RowRecord]:
        start = self.layout.first_data_row
        shapes = _shapes(rows, start, self.mapping)
        plan = sorted(self.mapping.items())
        for r in range(start, len(rows)):
            row = rows[r]
            texts = [(i, as_text(v).strip()) for i, v in enumerate(row) if not is_blank(v)]
            texts = [(i, t) for i, t in texts if t]
            if not texts:
                continue
            if _is_footer(texts, self.name_column):
                self.ended_at = r + 1
                return
            if self._not_a_member(texts):
                self.skipped += 1
                continue
            yield self._record(r + 1, row, plan, shapes)

    def _not_a_member(self, texts: list[tuple[int, str]]) -> bool:
        keys = [header_key(t) for _i, t in texts]
        if sum(1 for k in keys if k in self.header_keys) >= 2:
            return True  # the header repeated on each printed page
        meaningful = [(i, t) for i, t in texts if self.mapping.get(i) != ROW_NUMBER]
        if len(meaningful) != 1:
            return not meaningful
        index, text = meaningful[0]
        if index != self.name_column:
            # A lone value without a name: a member row missing its name if it holds data.
            name = self.mapping.get(index)
            return name in (None, TO_NOTES, "notes") or not any(c.isdigit() for c in text)
        return bool(_HEADING.search(fold(text)))

    def _record(self, number: int, row: list, plan, shapes) -> RowRecord:
        record = RowRecord(number, {}, raw=row)
        values = record.values
        notes: list[str] = []
        sexes: list[tuple[str, int]] = []
        width = len(row)
        for index, name in plan:
            value = row[index] if index < width else None
            if name == "full_name":
                problem = name_problem(value)
                if problem:
                    record.problems.append(CellProblem(name, index, as_text(value), problem))
                values[name] = clean_text(as_text(value))
                record.columns[name] = index
                continue
            if is_blank(value):
                continue
            try:
                if name in DATE_FIELDS:
                    values[name] = parse_date(value, self.today)
                elif name in (BIRTH_MALE, BIRTH_FEMALE):
                    values["birth_date"] = parse_date(value, self.today)
                    record.columns["birth_date"] = index
                    sexes.append(("Nam" if name == BIRTH_MALE else "Nữ", index))
                    continue
                elif name in (MARK_MALE, MARK_FEMALE):
                    if is_mark(value):
                        sexes.append(("Nam" if name == MARK_MALE else "Nữ", index))
                    continue
                elif name == "gender":
                    values[name] = parse_gender(value)
                elif name == "armed_forces":
                    values[name] = parse_flag(value)
                elif name in NUMBER_FIELDS:
                    values[name] = number_text(value, name, shapes.get(index))
                elif name == TO_NOTES:
                    notes.append(f"{self.header(index)}: {clean_text(as_text(value))}")
                    continue
                elif name == ROW_NUMBER:
                    continue
                else:
                    values[name] = clean_text(as_text(value), multiline=name in MULTILINE_FIELDS)
            except ValueProblem as exc:
                record.problems.append(CellProblem(name, index, as_text(value), str(exc)))
            record.columns.setdefault(name, index)
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
