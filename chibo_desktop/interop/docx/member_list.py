"""Word "Danh sách đảng viên": the PDF's columns and values (pdf/member_list.py)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ...i18n import format_date
from ..letterhead import Letterhead
from ..member_register import RegisterEntry
from ..pdf.member_list import COLUMNS, TITLE
from .common import CENTER, LEFT, new_page

# Shares of the text column: a "fit" column gets about its sample's width, the name
# column a long name's.
_FIT = {"STT": 3, "Nam.": 4, "00/00/0000": 7, "00000000": 7}


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
    widths = [
        14 if w is None else _FIT.get(w[4:], 6) if isinstance(w, str) else w
        for _h, w, _f in COLUMNS
    ]
    rows = [
        [str(number) if fn is None else fn(entry) or "" for _h, _w, fn in COLUMNS]
        for number, entry in enumerate(entries, start=1)
    ]
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
