"""Styled workbooks shared by every Excel export.

User text is never written as a formula: a value starting with =, +, -, @, tab or CR is
stored as text (control characters are removed first). Totals are computed in Python and
written as values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from copy import copy
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ...domain.text import clean_text
from ...i18n import document_date
from ..files import atomic_write
from ..letterhead import Letterhead
from .row_heights import fit_row_heights, text_width

FONT_NAME = "Times New Roman"
DATE_FORMAT = "dd/mm/yyyy"
# Every share in every workbook: a fraction shown as a percentage with one decimal, as the
# printed reports write it (72,7%).
PERCENT_FORMAT = "0.0%"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="EEEEEE")
FORMULA_STARTS = ("=", "+", "-", "@")
NATION = "ĐẢNG CỘNG SẢN VIỆT NAM"
DEFAULT_WIDTH = 8.43  # Excel's width of a column nobody sized
MAX_CELL_TEXT = 32767


def sheet_text(value: str) -> str:
    """Text a worksheet accepts: NFC, no control characters (openpyxl refuses them and
    Excel reports the file as damaged), line breaks kept, at most 32,767 characters."""
    return clean_text(value, multiline=True)[:MAX_CELL_TEXT]


def _set_text(cell: Cell, value: str) -> None:
    cell.value = value
    cell.data_type = "s"  # never a formula, whatever the text starts with
    if value.startswith(FORMULA_STARTS):
        # Shown as typed, and still text when someone edits the cell in Excel.
        cell.quotePrefix = True


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
        _set_text(cell, sheet_text(value))
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
    ws: Worksheet, head: Letterhead, title: str, subtitle: str | Sequence[str], columns: int
) -> int:
    """The HD 36 header on a sheet, then the title and the lines under it (bold, ordinary
    case: the subject, the period); returns the first free row."""
    # A first split; finish_sheet moves it once the column widths are known.
    columns = max(columns, 3)
    split = columns // 2
    for row in (1, 2, 3):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=split)
    for row in (1, 2):
        ws.merge_cells(start_row=row, start_column=split + 1, end_row=row, end_column=columns)
    put(ws, 1, 1, head.party_committee.upper(), align="center")
    put(ws, 2, 1, head.cell.upper(), bold=True, align="center")
    put(ws, 3, 1, "*", align="center")
    row = 4
    if head.number:
        ws.merge_cells(start_row=4, start_column=1, end_row=4, end_column=split)
        put(ws, 4, 1, head.number, align="center")
        row = 5
    put(ws, 1, split + 1, NATION, bold=True, size=13, align="center")
    put(ws, 2, split + 1, document_date(head.date, head.place), italic=True, align="center")
    ws.cell(row=1, column=split + 1).font = Font(
        name=FONT_NAME, size=13, bold=True, underline="single"
    )
    lines = [subtitle] if isinstance(subtitle, str) else list(subtitle)
    for text, size in ((title, 14), *((line, 12) for line in lines)):
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
    """Bordered data rows; returns the row after the last one.

    The first cell of each look (column and kind of value) is written by ``put``; the others
    get a copy of its style. Building Font, Alignment and Border objects for every cell is
    what made long lists slow."""
    looks: dict[tuple[int, str], object] = {}
    row = first_row
    for values in rows:
        for column, value in enumerate(values, start=1):
            if isinstance(value, str):
                value = sheet_text(value)
                # The quote prefix of text that looks like a formula is part of the style.
                kind = "formula" if value.startswith(FORMULA_STARTS) else "text"
            elif isinstance(value, dt.datetime):
                kind = "datetime"
            elif isinstance(value, dt.date):
                kind = "date"
            else:
                kind = "other"
            look = looks.get((column, kind))
            if look is None:
                cell = put(
                    ws,
                    row,
                    column,
                    value,
                    border=True,
                    wrap=kind in ("text", "formula"),
                    align="center" if column in centered else None,
                )
                looks[column, kind] = copy(cell._style)
                continue
            cell = ws.cell(row=row, column=column)
            cell.value = value
            if kind in ("text", "formula"):
                cell.data_type = "s"  # never a formula
            cell._style = copy(look)
        row += 1
    return row


def finish_sheet(
    ws: Worksheet,
    header: int,
    widths: Sequence[float],
    *,
    landscape: bool = True,
    letterhead_widths: Sequence[float] | None = None,
) -> None:
    """Widths, frozen header, A4 print setup fitted to the page width, header repeated.
    ``letterhead_widths``: the columns the header blocks are fitted over, when they are not
    the table's (a sheet printed on several pages across)."""
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    _fit_letterhead(ws, list(widths if letterhead_widths is None else letterhead_widths))
    _fit_header_height(ws, header, list(widths))
    fit_row_heights(ws, header + 1)
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


def _text_width(value: str, size: float, bold: bool = False) -> float:
    """The text's width in Excel column units, plus a little room."""
    return text_width(value, size, bold) + 2


def _fit_header_height(ws: Worksheet, header: int, widths: list[float]) -> None:
    """Room for the wrapped header labels: a spreadsheet program does not always grow
    the row by itself, and a cut label ("Vắng có lý") is what gets printed."""
    lines = 1
    for column, width in enumerate(widths, start=1):
        label = ws.cell(header, column).value
        if isinstance(label, str) and label:
            words, count, used = label.split(), 1, 0.0
            for word in words:
                size = _text_width(word, 12, bold=True) - 2
                if used and used + 1 + size > width - 1:
                    count, used = count + 1, size
                else:
                    used += (1 if used else 0) + size
            lines = max(lines, count)
    needed = lines * 15.75 + 4
    current = ws.row_dimensions[header].height
    if lines > 1 and (current is None or current < needed):
        ws.row_dimensions[header].height = needed


def _fit_letterhead(ws: Worksheet, widths: list[float]) -> None:
    """Move the split between the two header blocks so that each one's lines fit once the
    column widths are known; a narrow table lends the right block columns beyond it."""
    from openpyxl.cell.cell import MergedCell

    right = next((c for c in range(2, ws.max_column + 1) if ws.cell(1, c).value == NATION), 0)
    if not right or not widths:
        return
    left_texts = [str(ws.cell(r, 1).value or "") for r in (1, 2)]
    date_line = str(ws.cell(2, right).value or "")
    need_left = max(_text_width(left_texts[0], 12), _text_width(left_texts[1], 12, bold=True))
    need_right = max(_text_width(NATION, 13, bold=True), _text_width(date_line, 12))
    table = len(widths)

    def width(first: int, last: int) -> float:
        return sum(widths[c - 1] if c <= table else DEFAULT_WIDTH for c in range(first, last + 1))

    span = next((m for m in ws.merged_cells.ranges if (m.min_row, m.min_col) == (1, right)), None)
    first_end = span.max_col if span else right
    fits = [
        k for k in range(1, table) if width(1, k) >= need_left and width(k + 1, table) >= need_right
    ]
    if right - 1 in fits:
        return  # the first split already suits both blocks
    if fits:
        split = min(fits, key=lambda k: abs(width(1, k) - 0.45 * width(1, table)))
        end = table
    else:
        split = right - 1
        if width(1, split) < need_left:
            split = next((k for k in range(1, table + 1) if width(1, k) >= need_left), table)
        end = max(table, first_end, split + 1)
        if width(split + 1, end) < need_right:
            room = width(split + 1, end)
            end += 1
            ws.column_dimensions[get_column_letter(end)].width = max(
                need_right - room, DEFAULT_WIDTH
            )
    left_rows = (1, 2, 3, 4) if _is_number(ws.cell(4, 1).value) else (1, 2, 3)
    saved = {
        (r, c): (ws.cell(r, c).value, copy(ws.cell(r, c).font), copy(ws.cell(r, c).alignment))
        for r, c in (*((r, 1) for r in left_rows), (1, right), (2, right))
    }
    for merged in [m for m in ws.merged_cells.ranges if m.min_row <= left_rows[-1]]:
        ws.unmerge_cells(str(merged))
    for r in (1, 2):
        if not isinstance(ws.cell(r, right), MergedCell):
            ws.cell(r, right).value = None
    places = {(r, 1): (r, 1) for r in left_rows}
    places |= {(1, right): (1, split + 1), (2, right): (2, split + 1)}
    for old, (r, c) in places.items():
        value, font, alignment = saved[old]
        cell = ws.cell(r, c)
        cell.font, cell.alignment = font, alignment
        if isinstance(value, str):
            _set_text(cell, value)  # moved text stays text
        else:
            cell.value = value
    for r in left_rows:
        if split > 1:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=split)
    for r in (1, 2):
        if end > split + 1:
            ws.merge_cells(start_row=r, start_column=split + 1, end_row=r, end_column=end)


def _is_number(value: object) -> bool:
    return isinstance(value, str) and value.startswith("Số ")


def new_workbook() -> tuple[Workbook, Worksheet]:
    wb = Workbook()
    return wb, wb.active


def save_workbook(wb: Workbook, path: str | Path) -> Path:
    return atomic_write(path, lambda tmp: wb.save(tmp))
