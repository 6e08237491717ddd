"""Rejected rows saved as a workbook the secretary can correct and import again."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...i18n import _

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass
class RejectedRow:
    number: int  # row number in the original sheet
    raw: list  # the row's cells as read
    problems: list[tuple[int, str, str, str]]  # (column index or -1, column, value, reason)


def _storable(value):
    """Cells cannot hold control characters; show where one was instead of failing."""
    if isinstance(value, str):
        return _CONTROL.sub("\ufffd", value)
    return value


def write_error_report(
    path: str | Path, source_name: str, headers: Sequence[str], rows: Sequence[RejectedRow]
) -> Path:
    """Sheet 1: the rejected rows under the file's own headers, problem cells in red and
    the reasons in a last column. Sheet 2: one line per problem."""
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    from ..xlsx.sheets import finish_sheet, header_row, new_workbook, put, save_workbook

    red = PatternFill("solid", fgColor="F4CCCC")
    wb, ws = new_workbook()
    ws.title = _("Dòng cần sửa")
    width = max([len(headers), *(len(r.raw) for r in rows)]) if rows else len(headers)
    labels = [headers[i] if i < len(headers) else "" for i in range(width)]
    put(
        ws,
        1,
        1,
        _("Các dòng không nhập được từ {name}. Sửa các ô tô đỏ rồi nhập lại tệp này.").format(
            name=source_name
        ),
        bold=True,
    )
    header_row(ws, 2, [*labels, _("Lý do không nhập được"), _("Dòng trong tệp gốc")])
    for offset, row in enumerate(rows, start=3):
        for column in range(width):
            value = row.raw[column] if column < len(row.raw) else None
            if value is not None and value != "":
                put(ws, offset, column + 1, _storable(value), border=True)
        for column, _label, _value, reason in row.problems:
            if column >= 0:
                cell = ws.cell(row=offset, column=column + 1)
                cell.fill = red
                cell.comment = Comment(reason, "Chi bộ Desktop")
        reasons = "; ".join(dict.fromkeys(p[3] for p in row.problems))
        put(ws, offset, width + 1, reasons, wrap=True, border=True)
        put(ws, offset, width + 2, row.number, border=True, align="center")
    finish_sheet(ws, 2, [8, 28, *[16] * max(width - 2, 0), 60, 18])

    detail = wb.create_sheet(_("Chi tiết lỗi"))
    header_row(detail, 1, [_("Dòng"), _("Cột"), _("Giá trị"), _("Lý do")])
    line = 2
    for row in rows:
        for _column, label, value, reason in row.problems:
            for col, text in enumerate((row.number, label, value, reason), start=1):
                put(detail, line, col, _storable(text), border=True, wrap=col == 4)
            line += 1
    finish_sheet(detail, 1, [8, 24, 28, 70])
    return save_workbook(wb, path)
