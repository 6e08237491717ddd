"""Excel "Danh sách đảng viên" in the Mẫu 7-HSĐV column order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ..i18n import format_date
from .letterhead import Letterhead
from .member_register import COLUMNS, RegisterEntry, values

TITLE = "DANH SÁCH ĐẢNG VIÊN"
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
        len(COLUMNS),
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
    finish_sheet(ws, first, [w for _h, w, _f in COLUMNS])
    ws.freeze_panes = ws.cell(row=first + 1, column=3)  # keep STT and the name in view
    return save_workbook(wb, path)
