"""Row heights that fit wrapped text: a spreadsheet program does not grow a row whose text
wraps when the file says nothing, so long names and notes overprint the rows below."""

from __future__ import annotations

import math

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

LINE_FACTOR = 1.3  # line height / font size, as Excel lays out Times New Roman
MAX_ROW_HEIGHT = 409  # points: the tallest row Excel accepts
# Widest a character of Times New Roman gets, in Excel column units per point of font size
# (a capital W); text shorter than the column by this measure needs no counting.
WIDEST_PER_POINT = 0.95 / 5.25


def text_width(value: str, size: float, bold: bool = False) -> float:
    """Width of Times New Roman text in Excel column units (a '0' of Calibri 11)."""
    em = 0.0
    for ch in value:
        if ch == " ":
            em += 0.25
        elif ch.isupper():
            em += 0.75 if bold else 0.7
        else:
            em += 0.5 if bold else 0.46
    return em * size / 5.25


def line_count(value: str, width: float, size: float, bold: bool = False) -> int:
    """Lines the text takes when wrapped at spaces in a column ``width`` units wide."""
    room = max(width - 1, 1.0)
    lines = 0
    for part in value.split("\n"):
        if len(part) * size * WIDEST_PER_POINT <= room:
            lines += 1
            continue
        count, used = 1, 0.0
        space = text_width(" ", size, bold)
        for word in part.split():
            size_of_word = text_width(word, size, bold)
            if used and used + space + size_of_word > room:
                count, used = count + 1, size_of_word
            else:
                used += (space if used else 0.0) + size_of_word
            while used > room:  # a word longer than the column breaks inside
                count, used = count + 1, used - room
        lines += count
    return lines


def fit_row_heights(ws: Worksheet, first_row: int, last_row: int | None = None) -> None:
    """Give each row from ``first_row`` on the height its wrapped cells need (merged cells
    measured across their span); rows whose text fits on a line keep the default."""
    last_row = last_row or ws.max_row
    widths = {}

    def width_of(column: int) -> float:
        if column not in widths:
            widths[column] = ws.column_dimensions[get_column_letter(column)].width or 8.43
        return widths[column]

    spans = {}
    for merged in ws.merged_cells.ranges:
        if merged.min_row == merged.max_row and first_row <= merged.min_row <= last_row:
            spans[merged.min_row, merged.min_col] = merged.max_col
    for row in ws.iter_rows(min_row=first_row, max_row=last_row):
        needed = 1
        size = 12.0
        for cell in row:
            value = cell.value
            if not isinstance(value, str) or not value or cell.alignment is None:
                continue
            if not cell.alignment.wrap_text:
                continue
            end = spans.get((cell.row, cell.column), cell.column)
            width = sum(width_of(c) for c in range(cell.column, end + 1))
            font_size = float(cell.font.sz or 12) if cell.font else 12.0
            lines = line_count(value, width, font_size, bool(cell.font and cell.font.b))
            if lines > needed:
                needed, size = lines, font_size
        if needed > 1:
            height = min(math.ceil(needed * size * LINE_FACTOR + 4), MAX_ROW_HEIGHT)
            current = ws.row_dimensions[row[0].row].height
            if current is None or current < height:
                ws.row_dimensions[row[0].row].height = height
