"""Excel "Danh sách đảng viên" in the Mẫu 7-HSĐV column order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ..i18n import format_date
from .letterhead import Letterhead
from .member_register import COLUMNS, RegisterEntry, values

TITLE = "DANH SÁCH ĐẢNG VIÊN"
# On paper the 25 columns go on four pages across, each repeating STT and the name and
# printed at PRINT_SCALE % (12 pt text prints at 9.6 pt): personal details; education,
# work and party dates; numbers and transfers; leaving and notes. The sheet on screen
# keeps them all.
PRINT_SCALE = 80
PAGE_BREAKS_AFTER = (10, 17, 23)  # last column of each page across but the last
REPEATED_COLUMNS = "A:B"
REPEATED = 2
CENTERED = (1, 4, 5, 15, 16, 20, 23)  # STT, sex, dates, the armed-forces mark (1-based)


def write_members_xlsx(
    path: str | Path,
    head: Letterhead,
    entries: Sequence[RegisterEntry],
    *,
    title: str = TITLE,
    progress: Callable[[int], None] | None = None,
) -> Path:
    from .excel_common import (
        data_rows,
        finish_sheet,
        header_row,
        letterhead_rows,
        new_workbook,
        put,
        save_workbook,
    )

    wb, ws = new_workbook()
    ws.title = "Danh sách đảng viên"
    first = letterhead_rows(
        ws,
        head,
        title,
        f"(Tính đến ngày {format_date(head.date)})",
        PAGE_BREAKS_AFTER[0] - REPEATED,  # over the first page across, beside STT and name
    )
    header_row(ws, first, [h for h, _w, _f in COLUMNS])
    ws.row_dimensions[first].height = 48

    def rows():
        for number, entry in enumerate(entries, start=1):
            if progress is not None and number % 500 == 0:
                progress(number)
            yield values(entry, number)

    end = data_rows(ws, first + 1, rows(), centered=CENTERED)
    put(ws, end + 1, 2, f"Tổng cộng: {len(entries)} đảng viên.", bold=True)
    widths = [w for _h, w, _f in COLUMNS]
    finish_sheet(ws, first, widths, letterhead_widths=widths[REPEATED : PAGE_BREAKS_AFTER[0]])
    _move_right(ws, first - 1, REPEATED)
    ws.freeze_panes = ws.cell(row=first + 1, column=3)  # keep STT and the name in view
    _pages_across(ws)
    return save_workbook(wb, path)


def _move_right(ws, last_row: int, by: int) -> None:
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


def _pages_across(ws) -> None:
    from openpyxl.worksheet.pagebreak import Break

    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.scale = PRINT_SCALE
    ws.page_setup.pageOrder = "overThenDown"  # a member's pages across come together
    ws.print_title_cols = REPEATED_COLUMNS
    for column in PAGE_BREAKS_AFTER:
        ws.col_breaks.append(Break(id=column))
