"""The change log as a workbook (who, when, what record, old -> new)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ...i18n import _
from .sheets import data_rows, finish_sheet, header_row, new_workbook, put, save_workbook


def write_change_log(path: str | Path, title: str, rows: Sequence[Sequence[object]]) -> Path:
    wb, ws = new_workbook()
    ws.title = _("Nhật ký thay đổi")[:31]
    labels = [
        _("Thời điểm"),
        _("Người sửa"),
        _("Loại dữ liệu"),
        _("Bản ghi"),
        _("Mục"),
        _("Giá trị cũ"),
        _("Giá trị mới"),
        _("Nguồn"),
    ]
    put(ws, 1, 1, title, bold=True, size=14)
    header_row(ws, 3, labels)
    end = data_rows(ws, 4, rows)
    for row in range(4, end):
        ws.cell(row=row, column=1).number_format = "dd/mm/yyyy hh:mm"
    finish_sheet(ws, 3, [18, 14, 16, 26, 18, 30, 30, 20])
    return save_workbook(wb, path)
