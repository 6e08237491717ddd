"""The end of a sheet sent upward: "Nơi nhận" on the left, the signature on the right."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from ...domain.addressing import recipient_lines
from .sheets import FONT_NAME, put


def closing_rows(
    ws: Worksheet,
    row: int,
    ncols: int,
    signer: tuple[str, str, str],
    recipients: Sequence[str] = (),
    first_column: int = 1,
) -> int:
    """Write the signature block (caption, title, room to sign, name) over the right half
    of columns ``first_column``..``ncols`` and the recipients on the left from ``row``;
    returns the row after the block. Signing on behalf of the cell (T/M) carries no
    personal line."""
    caption, title, name = signer
    start = first_column + (ncols - first_column + 1) // 2
    lines = [
        (caption, True, False),
        (title, True, False),
        ("" if caption.startswith("T/M") else "(Ký, ghi rõ họ tên)", False, True),
        ("", False, False),
        ("", False, False),
        (name, True, False),
    ]
    for offset, (text, bold, italic) in enumerate(lines):
        if not text:
            continue
        if ncols > start:
            ws.merge_cells(
                start_row=row + offset, start_column=start, end_row=row + offset, end_column=ncols
            )
        put(ws, row + offset, start, text, bold=bold, italic=italic, align="center")
    if recipients:
        put(ws, row, first_column, "Nơi nhận:")
        ws.cell(row, first_column).font = Font(name=FONT_NAME, size=12, underline="single")
        for offset, line in enumerate(recipient_lines(list(recipients)), start=1):
            put(ws, row + offset, first_column, line, size=11)
    return row + max(len(lines), len(recipients) + 1)
