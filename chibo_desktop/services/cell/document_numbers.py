"""Số và ký hiệu of the documents the cell sends upward (HD 36): "Số 07-BC/CB", counted
per year and kind of document, suggested before printing, editable, and remembered so that
printing the same report again keeps its number."""

from __future__ import annotations

import datetime as dt
import re

from sqlite_utils import Database

from ...domain.text import clean_text
from ...storage import document_numbers as store

# The abbreviation of each kind of document (HD 36, appendix of abbreviations).
KIND_OF_REPORT = {
    "members": "DS",  # danh sách
    "situation": "BC",  # báo cáo
    "assessment": "BC",
    "meetings": "BC",
    "campaign": "BC",
    "attendance": "BTH",  # bảng tổng hợp
    "resolution": "NQ",  # nghị quyết
    "notice": "TB",  # thông báo
}
ISSUER = "CB"  # chi bộ


def subject_of(report: str, start: dt.date, end: dt.date) -> str:
    """What makes two printings the same document: the report and its period."""
    return f"{report} {start.isoformat()} {end.isoformat()}"


def format_number(seq: int, kind: str) -> str:
    return f"Số {seq:02d}-{kind}/{ISSUER}"


def suggested_number(db: Database, report: str, start: dt.date, end: dt.date, on: dt.date) -> str:
    """The number this document already has, or the next one of its kind this year."""
    kind = KIND_OF_REPORT.get(report, "BC")
    known = store.number_for(db, on.year, kind, subject_of(report, start, end))
    if known:
        return known
    return format_number(store.highest_seq(db, on.year, kind) + 1, kind)


def normalised(number: str) -> str:
    """What the user typed, printed with "Số " in front: "07-BC/CB" -> "Số 07-BC/CB"."""
    number = clean_text(number)
    if number and not number.lower().startswith("số"):
        number = "Số " + number
    return number


def issue_number(
    db: Database, report: str, start: dt.date, end: dt.date, on: dt.date, number: str = ""
) -> str:
    """Give the document its number (the one typed, or the suggestion) and remember it."""
    number = normalised(number) or suggested_number(db, report, start, end, on)
    kind = KIND_OF_REPORT.get(report, "BC")
    running = re.search(r"\d+", number)
    with db.atomic():
        store.remember(
            db,
            on.year,
            kind,
            subject_of(report, start, end),
            int(running.group()) if running else None,
            number,
            on.isoformat(),
        )
    return number
