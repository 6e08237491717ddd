"""What every consolidated report shares: the committee's letterhead and signer, and the
note about cells whose package does not cover the period."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from ...domain.report import Signer
from ...i18n import format_date
from ...interop.letterhead import Letterhead
from .cells import ReceivedCell
from .desk import get_committee


def committee_letterhead(db: Database, on: dt.date) -> Letterhead:
    c = get_committee(db)
    return Letterhead(c.superior, c.name, c.place, on)


def committee_signer(db: Database) -> Signer:
    return Signer("T/M ĐẢNG ỦY", "BÍ THƯ", get_committee(db).secretary_name)


def coverage_notes(cells: list[ReceivedCell], start: dt.date, end: dt.date) -> list[str]:
    notes = []
    for cell in cells:
        if cell.end < end or cell.start > start:
            notes.append(
                f"Gói của {cell.label} có số liệu kỳ {format_date(cell.start)} – "
                f"{format_date(cell.end)}, không trọn kỳ báo cáo."
            )
    if not cells:
        notes.append("Chưa nhận được gói báo cáo của chi bộ nào.")
    return notes
