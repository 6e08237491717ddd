"""The header and addressing of a document the cell sends upward."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from ...domain.addressing import superior_committee
from ...interop.letterhead import Letterhead
from .identity import get_cell, recipients


def upward_letterhead(
    db: Database, on: dt.date, number: str = "", *, addressed: bool = True
) -> Letterhead:
    """Letterhead with Số, "Nơi nhận" and, for a report (``addressed``), "Kính gửi"."""
    cell = get_cell(db)
    return Letterhead(
        cell.party_committee or "",
        cell.name or "",
        cell.place or "",
        on,
        number,
        tuple(recipients(db)),
        superior_committee(cell.party_committee or "") if addressed else "",
    )
