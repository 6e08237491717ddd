"""Reading member lists from the spreadsheets secretaries keep (.xlsx, .xls, .xlsb, .ods,
.csv): find the sheet and the header, understand each column, read each row."""

from __future__ import annotations

from .error_report import RejectedRow, write_error_report
from .fields import (
    TRANSFER_DATE,
    TRANSFER_FROM,
    choices,
    header_key,
    label,
    match_header,
    stored_field,
)
from .layout import Column, Layout, column_letter, detect_layout
from .reading import SPREADSHEET_SUFFIXES, Book, Sheet, open_book
from .rows import CellProblem, RowReader, RowRecord

__all__ = [
    "SPREADSHEET_SUFFIXES",
    "TRANSFER_DATE",
    "TRANSFER_FROM",
    "Book",
    "CellProblem",
    "Column",
    "Layout",
    "RejectedRow",
    "RowReader",
    "RowRecord",
    "Sheet",
    "choices",
    "choose_sheet",
    "column_letter",
    "detect_layout",
    "header_key",
    "label",
    "match_header",
    "open_book",
    "stored_field",
    "write_error_report",
]


def choose_sheet(book: Book) -> tuple[str, Layout | None]:
    """The sheet that looks most like a member list, and its layout."""
    best: tuple[int, str, Layout | None] = (-1, book.sheet_names[0], None)
    for name in book.sheet_names:
        sheet = book.sheet(name, nrows=60)
        layout = detect_layout(sheet.rows, sheet.merged)
        score = layout.score if layout else -1
        if score > best[0]:
            best = (score, name, layout)
    return best[1], best[2]
