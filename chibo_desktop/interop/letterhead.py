"""What the HD 36 header block of every document needs to know."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Letterhead:
    party_committee: str
    cell: str
    place: str
    date: dt.date | None  # None: written by hand on a blank form
    number: str = ""  # e.g. "Số 05-BB/CB"
    # "Nơi nhận" lines, bottom left of a document sent upward (empty: none printed)
    recipients: tuple[str, ...] = ()
    addressee: str = ""  # "Kính gửi", under the title of a report to the committee above
