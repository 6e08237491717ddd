"""Styled workbooks shared by every Excel export.

User text is never written as a formula: a value starting with =, +, -, @, tab or CR is
stored as text (control characters are removed first). Totals are computed in Python and
written as values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.text import clean_text
from ..i18n import document_date
from .files import atomic_write
from .letterhead import Letterhead

FONT_NAME = "Times New Roman"
DATE_FORMAT = "dd/mm/yyyy"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="EEEEEE")
FORMULA_STARTS = ("=", "+", "-", "@")
MAX_CELL_TEXT = 32767


def sheet_text(value: str) -> str:
    """Text a worksheet accepts: NFC, no control characters (openpyxl refuses them and
    Excel reports the file as damaged), line breaks kept, at most 32,767 characters."""
    return clean_text(value, multiline=True)[:MAX_CELL_TEXT]


def put(
    ws: Worksheet,
    row: int,
    column: int,
    value: object,
    *,
    bold: bool = False,
    italic: bool = False,
    size: int = 12,
    align: str | None = None,
    wrap: bool = False,
    border: bool = False,
    fill: PatternFill | None = None,
    number_format: str | None = None,
) -> Cell:
    """Write one cell; strings always land as text, dates as real dates."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = sheet_text(value)
        cell.data_type = "s"  # never a formula, whatever the text starts with
        if cell.value.startswith(FORMULA_STARTS):
            # Shown as typed, and still text when someone edits the cell in Excel.
            cell.quotePrefix = True
    elif isinstance(value, dt.datetime):
        cell.value = value
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    else:
        cell.value = value
    if number_format:
        cell.number_format = number_format
    cell.font = Font(name=FONT_NAME, size=size, bold=bold, italic=italic)
    if align or wrap:
        cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=wrap)
    if border:
        cell.border = BORDER
    if fill is not None:
        cell.fill = fill
    return cell


def letterhead_rows(
    ws: Worksheet, head: Letterhead, title: str, subtitle: str, columns: int
) -> int:
    """The HD 36 header on a sheet, then the title; returns the first free row."""
    split = max(2, columns // 2)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=split)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=split)
    ws.merge_cells(start_row=1, start_column=split + 1, end_row=1, end_column=columns)
    ws.merge_cells(start_row=2, start_column=split + 1, end_row=2, end_column=columns)
    put(ws, 1, 1, head.party_committee.upper(), align="center")
    put(ws, 2, 1, head.cell.upper(), bold=True, align="center")
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=split)
    put(ws, 3, 1, "*", align="center")
    put(ws, 1, split + 1, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, size=13, align="center")
    put(ws, 2, split + 1, document_date(head.date, head.place), italic=True, align="center")
    ws.cell(row=1, column=split + 1).font = Font(
        name=FONT_NAME, size=13, bold=True, underline="single"
    )
    row = 4
    for text, size in ((title, 14), (subtitle, 12)):
        if text:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
            put(ws, row, 1, text, bold=True, size=size, align="center")
            row += 1
    return row + 1


def header_row(ws: Worksheet, row: int, labels: Sequence[str]) -> None:
    for column, label in enumerate(labels, start=1):
        put(
            ws,
            row,
            column,
            label,
            bold=True,
            align="center",
            wrap=True,
            border=True,
            fill=HEADER_FILL,
        )


def data_rows(
    ws: Worksheet, first_row: int, rows: Iterable[Sequence[object]], centered: Sequence[int] = ()
) -> int:
    """Bordered data rows; returns the row after the last one."""
    row = first_row
    for values in rows:
        for column, value in enumerate(values, start=1):
            put(
                ws,
                row,
                column,
                value,
                border=True,
                wrap=isinstance(value, str),
                align="center" if column in centered else None,
            )
        row += 1
    return row


def finish_sheet(
    ws: Worksheet, header: int, widths: Sequence[float], *, landscape: bool = True
) -> None:
    """Widths, frozen header, A4 print setup fitted to the page width, header repeated."""
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.freeze_panes = ws.cell(row=header + 1, column=1)
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header}:{header}"
    # The party's margins (20/20/30/15 mm, in inches here) and, as on every printed party
    # document, the page number at the top centre from page 2 on.
    ws.page_margins.top = ws.page_margins.bottom = round(20 / 25.4, 2)
    ws.page_margins.left = round(30 / 25.4, 2)
    ws.page_margins.right = round(15 / 25.4, 2)
    ws.page_margins.header = round(8 / 25.4, 2)
    ws.HeaderFooter.differentFirst = True
    ws.oddHeader.center.text = "&P"
    ws.oddHeader.center.font = FONT_NAME
    ws.oddHeader.center.size = 13


def new_workbook() -> tuple[Workbook, Worksheet]:
    wb = Workbook()
    return wb, wb.active


def save_workbook(wb: Workbook, path: str | Path) -> Path:
    return atomic_write(path, lambda tmp: wb.save(tmp))
