"""Wide sheets printed on several pages across, at a readable size, with the first columns
(STT and the name) repeated on each page."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

PRINT_SCALE = 80  # % : 12 pt text prints at 9.6 pt
# Width a page across holds at PRINT_SCALE, in column units: A4 landscape inside the
# party margins (714 pt) at 7 pt per unit (a unit and the cell padding as LibreOffice
# prints them, a little more than Excel).
PAGE_UNITS = 714 / (PRINT_SCALE / 100) / 7.0
REPEATED = 2  # STT and the name
REPEATED_COLUMNS = "A:B"


def breaks_for(widths: Sequence[float], groups: Sequence[int] = ()) -> list[int]:
    """Last column of each page across but the last, filling pages greedily; ``groups``
    are columns that must stay with the column before them (a status and its date)."""
    room = PAGE_UNITS - sum(widths[:REPEATED])
    breaks, used = [], 0.0
    column = REPEATED + 1
    while column <= len(widths):
        span = 2 if column + 1 in groups else 1
        need = sum(widths[column - 1 : column - 1 + span])
        if used and used + need > room:
            breaks.append(column - 1)
            used = 0.0
        used += need
        column += span
    return breaks


def move_right(ws: Worksheet, last_row: int, by: int = REPEATED) -> None:
    """The header blocks and title beside the repeated columns, not in them: a merged
    block that started there would print cut off on every page across."""
    merged = [m for m in ws.merged_cells.ranges if m.max_row <= last_row]
    for block in merged:
        ws.unmerge_cells(str(block))
    ws.move_range(f"A1:{ws.cell(last_row, ws.max_column).coordinate}", cols=by)
    for block in merged:
        ws.merge_cells(
            start_row=block.min_row,
            start_column=block.min_col + by,
            end_row=block.max_row,
            end_column=block.max_col + by,
        )


def pages_across(ws: Worksheet, breaks: Sequence[int]) -> None:
    """Print at PRINT_SCALE with a page break after each column of ``breaks``."""
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.scale = PRINT_SCALE
    ws.page_setup.pageOrder = "overThenDown"  # the same rows' pages across come together
    ws.print_title_cols = REPEATED_COLUMNS
    for column in breaks:
        ws.col_breaks.append(Break(id=column))
