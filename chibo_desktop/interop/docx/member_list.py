"""Word "Danh sách đảng viên": the PDF's columns and values (pdf/member_list.py)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ...i18n import format_date
from ..letterhead import Letterhead
from ..member_register import RegisterEntry
from ..pdf.member_list import COLUMNS, TITLE, column_layout
from .layout import CENTER, LEFT, new_page


def write_member_list_docx(
    path: str | Path,
    head: Letterhead,
    entries: Sequence[RegisterEntry],
    *,
    signer: tuple[str, str] | None = None,
    title: str = TITLE,
) -> Path:
    page = new_page(head, landscape=True)
    page.para(title, align=CENTER, bold=True, size=16, before=12, after=0)
    page.para(f"(Tính đến ngày {format_date(head.date)})", align=CENTER, italic=True, size=13)
    _name, rows, widths = column_layout(entries, page.frame_pt)
    page.table(
        [h for h, _w, _f in COLUMNS],
        rows,
        widths,
        aligns=["center" if isinstance(w, str) else "left" for _h, w, _f in COLUMNS],
        size=10,
    )
    page.para(f"Tổng cộng: {len(entries)} đảng viên.", align=LEFT, before=8)
    if signer is not None:
        page.signature(signer, caption="T/M CHI BỘ", recipients=head.recipients)
    return page.save(path)
