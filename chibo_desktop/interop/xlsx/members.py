"""Excel "Danh sách đảng viên" in the Mẫu 7-HSĐV column order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ...i18n import format_date
from ..letterhead import Letterhead
from ..member_register import COLUMNS, RegisterEntry, values
from .closing import closing_rows
from .pages import REPEATED, move_right, pages_across
from .sheets import (
    data_rows,
    finish_sheet,
    header_row,
    letterhead_rows,
    new_workbook,
    put,
    save_workbook,
)

TITLE = "DANH SÁCH ĐẢNG VIÊN"
# On paper the 25 columns go on four pages across (see excel_pages), each repeating STT
# and the name: personal details; education, work and party dates; numbers and transfers;
# leaving and notes. The sheet on screen keeps them all.
PAGE_BREAKS_AFTER = (10, 17, 23)  # last column of each page across but the last
CENTERED = (1, 4, 5, 15, 16, 20, 23)  # STT, sex, dates, the armed-forces mark (1-based)


def write_members_xlsx(
    path: str | Path,
    head: Letterhead,
    entries: Sequence[RegisterEntry],
    *,
    title: str = TITLE,
    progress: Callable[[int], None] | None = None,
    signer: tuple[str, str] | None = None,
) -> Path:
    """The register; ``signer`` (title, name) signs it on behalf of the cell."""
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
    put(ws, end + 1, REPEATED + 1, f"Tổng cộng: {len(entries)} đảng viên.", bold=True)
    if signer is not None:
        closing_rows(
            ws,
            end + 3,
            PAGE_BREAKS_AFTER[0],
            ("T/M CHI BỘ", *signer),
            head.recipients,
            first_column=REPEATED + 1,
        )
    widths = [w for _h, w, _f in COLUMNS]
    finish_sheet(ws, first, widths, letterhead_widths=widths[REPEATED : PAGE_BREAKS_AFTER[0]])
    move_right(ws, first - 1)
    ws.freeze_panes = ws.cell(row=first + 1, column=3)  # keep STT and the name in view
    pages_across(ws, PAGE_BREAKS_AFTER)
    return save_workbook(wb, path)
