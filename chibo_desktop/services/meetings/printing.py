"""Printing the minutes (PDF, blank form) and the year's attendance workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlite_utils import Database

from ...domain import meetings as dm
from ...interop.letterhead import Letterhead
from ...rules.meetings import meeting_rules
from ...storage import meetings as store
from ..cell.document_numbers import issue_number
from ..cell.identity import get_cell
from ..cell.letterheads import upward_letterhead
from ..contract.context import today
from .minutes import new_meeting, register_attendance
from .reading import get_meeting


def _letterhead(db: Database, date: dt.date | None, number: str = "") -> tuple[Letterhead, str]:
    cell = get_cell(db)
    return Letterhead(cell.party_committee, cell.name, cell.place, date, number), cell.name


def minutes_input(db: Database, meeting_id: int, *, blank: bool = False):
    from ...interop.pdf.minutes_input import MinutesInput

    meeting = get_meeting(db, meeting_id)
    if blank and not meeting.final:
        # The blank form lists whoever is in the register on that date now.
        meeting.attendance = register_attendance(db, meeting.date)
    counts = dm.compute_counts(meeting.attendance, meeting_rules())
    head, cell_name = _letterhead(db, meeting.date, meeting.number)
    return MinutesInput(meeting, counts, head, cell_name)


def blank_form_input(db: Database, kinds: tuple[str, ...] = ("thuong_ky",)):
    """A blank form for no particular meeting: today's register and the agenda of the
    kind, with date, number, place, chair and secretary left to write by hand."""
    from ...interop.pdf.minutes_input import MinutesInput

    meeting = new_meeting(db, today(), kinds)
    meeting.number = meeting.place = ""
    meeting.chair_id = meeting.secretary_id = None
    meeting.chair_name = meeting.secretary_name = ""
    meeting.chair_position = meeting.secretary_position = ""
    labels = [k.label for k in (meeting_rules().kind(key) for key in kinds) if k]
    meeting.title = f"Sinh hoạt chi bộ {' và '.join(labels)} tháng …… năm ……"
    counts = dm.compute_counts(meeting.attendance, meeting_rules())
    head, cell_name = _letterhead(db, None)
    return MinutesInput(meeting, counts, head, cell_name, undated=True)


def export_blank_form_pdf(db: Database, path: str | Path, kinds: tuple[str, ...] = ("thuong_ky",)):
    """Write a blank minutes form that belongs to no meeting yet."""
    from ...interop.pdf.minutes import build_minutes

    return build_minutes(path, blank_form_input(db, kinds), blank=True)


def export_minutes_pdf(db: Database, meeting_id: int, path: str | Path, *, blank: bool = False):
    """Write the printed minutes (or the blank form to fill by hand) to ``path``."""
    from ...interop.pdf.minutes import build_minutes

    return build_minutes(path, minutes_input(db, meeting_id, blank=blank), blank=blank)


def export_minutes(db: Database, meeting_id: int, path: str | Path, *, blank: bool = False):
    """The minutes (or the blank form) as .pdf or .docx, by the file's extension."""
    if Path(path).suffix.lower() == ".docx":
        from ...interop.docx.minutes import write_minutes_docx

        return write_minutes_docx(path, minutes_input(db, meeting_id, blank=blank), blank=blank)
    return export_minutes_pdf(db, meeting_id, path, blank=blank)


def export_blank_form(db: Database, path: str | Path, kinds: tuple[str, ...] = ("thuong_ky",)):
    if Path(path).suffix.lower() == ".docx":
        from ...interop.docx.minutes import write_minutes_docx

        return write_minutes_docx(path, blank_form_input(db, kinds), blank=True)
    return export_blank_form_pdf(db, path, kinds)


def export_attendance_xlsx(db: Database, year: int, path: str | Path) -> Path:
    """Members × the year's meetings with x / P / K, per-member and per-meeting rates."""
    from ...interop.xlsx.attendance import MeetingColumn, write_attendance

    rows = sorted(
        store.rows(db, f"{year:04d}-01-01", f"{year:04d}-12-31"), key=lambda r: (r["date"], r["id"])
    )
    columns = [
        MeetingColumn(
            dt.date.fromisoformat(r["date"]),
            r["title"],
            store.attendance(db, r["id"]),
            draft=r["status"] != "final",
        )
        for r in rows
    ]
    today = dt.date.today()
    number = issue_number(db, "attendance", dt.date(year, 1, 1), dt.date(year, 12, 31), today)
    head = upward_letterhead(db, today, number, addressed=False)
    return write_attendance(path, head, year, columns, get_cell(db).secretary_name)
