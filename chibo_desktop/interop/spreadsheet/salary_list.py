"""Reading the salary (or pension) list a unit sends: name and card of each member, and
the amount the dues are computed from. The same stages as a member list: the book is
opened (open_book), the header found (detect_layout), the rows read (RowReader: footers,
repeated headers and stray notes left out); the amount column is found here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ...domain.dues_checks import DuesError, parse_amount
from ...errors import ChiboError
from ...i18n import _
from . import Column, Layout, RowReader, detect_layout, header_key, open_book
from .fields import IGNORE, ROW_NUMBER, match_header

# Headers of the amount column, compared folded: "Mức lương đóng BHXH", "Lương hưu", ...
AMOUNT_WORDS = ("luong", "tro cap", "can cu", "so tien", "muc dong", "thu nhap")
AMOUNT_FIELD = "dues_amount"
KEPT_FIELDS = ("full_name", "card_number", "birth_date", ROW_NUMBER)
SCAN_ROWS = 30


@dataclass
class BasisRow:
    number: int  # the row in the spreadsheet (1-based)
    full_name: str
    card_number: str
    birth_date: str | None
    amount: int | None
    raw: list
    problems: list[tuple[int, str, str, str]] = field(default_factory=list)


@dataclass
class BasisSheet:
    sheet: str
    headers: list[str]
    amount_header: str
    rows: list[BasisRow]


def _amount_column(layout: Layout) -> Column | None:
    for column in layout.columns:
        if column.field in ("", IGNORE) and any(
            w in header_key(column.header) for w in AMOUNT_WORDS
        ):
            return column
    return None


def _own_layout(rows: list[list]) -> Layout | None:
    """A header naming only the member and the amount (too few known fields for
    detect_layout): the first row holding a name header and an amount header."""
    for r, row in enumerate(rows[:SCAN_ROWS]):
        columns = []
        for index, cell in enumerate(row):
            text = cell if isinstance(cell, str) else ""
            columns.append(Column(index, text.strip(), match_header(text) or "" if text else ""))
        layout = Layout([r], columns)
        if any(c.field == "full_name" for c in columns) and _amount_column(layout):
            return layout
    return None


def read_basis_sheet(path: str | Path, today: dt.date) -> BasisSheet:
    book = open_book(path)
    for name in book.sheet_names:
        sheet = book.sheet(name)
        layout = detect_layout(sheet.rows, sheet.merged)
        if layout is None or _amount_column(layout) is None:
            layout = _own_layout(sheet.rows)
        if layout is None:
            continue
        amount = _amount_column(layout)
        mapping = {c.index: c.field for c in layout.columns if c.field in KEPT_FIELDS}
        mapping[amount.index] = AMOUNT_FIELD
        reader = RowReader(layout, mapping, today)
        rows = [_row(record, amount) for record in reader.records(sheet.rows)]
        headers = [c.header for c in layout.columns]
        return BasisSheet(name, headers, amount.header, rows)
    raise ChiboError(
        _(
            "Không tìm thấy bảng lương trong tệp {name}: cần một cột họ tên và một cột số tiền "
            "(ví dụ “Mức lương”, “Lương hưu”, “Trợ cấp”)."
        ).format(name=Path(path).name)
    )


def _row(record, amount: Column) -> BasisRow:
    values = record.values
    problems = [
        (p.column, p.field, p.value, p.reason)
        for p in record.problems
        if p.field in ("full_name", "card_number", "birth_date")
    ]
    cell = record.raw[amount.index] if amount.index < len(record.raw) else None
    value = None
    if cell is None or cell == "":
        problems.append((amount.index, amount.header, "", _("Không có số tiền.")))
    else:
        try:
            value = parse_amount(cell)
        except DuesError as exc:
            problems.append((amount.index, amount.header, str(cell), str(exc)))
    birth = values.get("birth_date")
    return BasisRow(
        record.number,
        values.get("full_name") or "",
        values.get("card_number") or "",
        birth if isinstance(birth, str) else None,
        value,
        record.raw,
        problems,
    )
