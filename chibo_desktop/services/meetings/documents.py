"""The resolution a regular meeting adopts and the notice that announces a meeting:
their text, their numbers (Số …-NQ/CB, Số …-TB/CB) and their files."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from sqlite_utils import Database

from ...domain import meeting_documents as md
from ...domain.addressing import recipient_lines, superior_committee
from ...domain.meetings import Meeting, is_regular_kinds
from ...domain.text import clean_text
from ...errors import ChiboError
from ...i18n import _, document_date
from ...interop.files import atomic_write
from ...rules.meetings import meeting_rules
from ...storage import changelog
from ...storage import meetings as meetings_store
from ...storage import resolution_texts as store
from ..cell.document_numbers import issue_number, suggested_number
from ..cell.identity import get_cell
from ..cell.letterheads import upward_letterhead
from ..contract.context import current_user
from ..contract.context import today as _today
from ..reports.documents import signer
from .reading import get_meeting, meeting_counts

RESOLUTION_FORMATS = (".pdf", ".docx")
NOTICE_FORMATS = (".pdf", ".docx", ".txt")


def _regular(db: Database, meeting_id: int) -> Meeting:
    meeting = get_meeting(db, meeting_id)
    if not md.is_regular(meeting):
        raise ChiboError(_("Chỉ buổi sinh hoạt thường kỳ mới ra nghị quyết tháng."))
    return meeting


def resolution_text(db: Database, meeting_id: int) -> tuple[md.ResolutionText, bool]:
    """The resolution as edited, or drafted from the minutes; True when it was edited."""
    meeting = _regular(db, meeting_id)
    stored = store.load(db, meeting_id)
    if stored is not None:
        return stored, True
    return md.draft_resolution(meeting, get_cell(db).name), False


def resolution_view(db: Database, meeting_id: int):
    """What the editor's tab shows: the text, whether it was edited, the minutes' vote."""
    text, edited = resolution_text(db, meeting_id)
    return text, edited, resolution_vote(db, get_meeting(db, meeting_id))


def save_resolution(db: Database, meeting_id: int, text: md.ResolutionText) -> None:
    _regular(db, meeting_id)
    text = md.ResolutionText(
        grounds=[clean_text(g) for g in text.grounds if clean_text(g)],
        review=text.review.strip(),
        tasks=[
            md.Task(clean_text(t.text), clean_text(t.who), clean_text(t.due))
            for t in text.tasks
            if clean_text(t.text)
        ],
        implementation=text.implementation.strip(),
        number=clean_text(text.number),
    )
    with db.atomic():
        store.save(db, meeting_id, text)
        changelog.record(db, current_user(), "meeting", meeting_id, [("resolution", None, "")])


def tasks_to_review(db: Database, date: dt.date) -> str:
    """What the last regular meeting before ``date`` resolved to do, for the item of the
    next meeting that reviews it (empty: none in the two months before)."""
    start = (date - dt.timedelta(days=62)).isoformat()
    before = (date - dt.timedelta(days=1)).isoformat()
    earlier = [r for r in meetings_store.rows(db, start, before) if is_regular_kinds(r["kinds"])]
    if not earlier:
        return ""
    text, _edited = resolution_text(db, earlier[0]["id"])
    if not text.tasks:
        return ""
    done = "; ".join(f"{n}) {t.text}" for n, t in enumerate(text.tasks, start=1))
    day = dt.date.fromisoformat(earlier[0]["date"])
    return f"Kiểm điểm việc thực hiện các nhiệm vụ Nghị quyết ngày {day:%d/%m/%Y} đề ra: {done}."


def review_last_tasks(db: Database, meeting: Meeting) -> None:
    """Fill the review item of a new meeting with the tasks the last resolution set."""
    item = next((a for a in meeting.agenda if md.REVIEW_ITEM in a.title.lower()), None)
    if item is not None and not item.content:
        item.content = tasks_to_review(db, meeting.date)


def redraft_resolution(db: Database, meeting_id: int) -> None:
    """Drop the edits: the resolution is drafted from the minutes again."""
    with db.atomic():
        store.forget(db, meeting_id)


def resolution_vote(db: Database, meeting: Meeting) -> md.Vote | None:
    """The vote that adopted next month's tasks, as the minutes recorded it (the vote
    naming the tasks, else the meeting's first vote)."""
    from ...interop.pdf.minutes import vote_text

    if not meeting.resolutions:
        return None
    chosen = next(
        (r for r in meeting.resolutions if "nhiệm vụ" in r.text.lower()), meeting.resolutions[0]
    )
    counts = meeting_counts(db, meeting.id)  # the figures the minutes print
    return md.Vote(
        chosen.votes_for,
        chosen.votes_against,
        chosen.votes_abstain,
        vote_text(chosen.votes_for, chosen.votes_against, chosen.votes_abstain, counts),
    )


def _number(db: Database, kind: str, meeting: Meeting, on: dt.date, typed: str = "") -> str:
    # counted per year by the meeting it belongs to
    return issue_number(db, kind, meeting.date, meeting.date, on, typed)


def suggested_resolution_number(db: Database, meeting_id: int) -> str:
    meeting = get_meeting(db, meeting_id)
    return suggested_number(db, "resolution", meeting.date, meeting.date, meeting.date)


def resolution_doc(db: Database, meeting_id: int):
    meeting = _regular(db, meeting_id)
    text, _edited = resolution_text(db, meeting_id)
    cell = get_cell(db)
    doc = md.resolution_doc(meeting, text, resolution_vote(db, meeting), signer(cell), cell.name)
    return meeting, text, doc


def export_resolution(db: Database, meeting_id: int, path: str | Path) -> Path:
    """The resolution as .pdf or .docx, dated the day of the meeting that adopted it."""
    meeting, text, doc = resolution_doc(db, meeting_id)
    number = _number(db, "resolution", meeting, meeting.date, text.number)
    head = upward_letterhead(db, meeting.date, number, addressed=False)
    return _write(path, head, doc, RESOLUTION_FORMATS)


def notice_date(meeting: Meeting, today: dt.date) -> dt.date:
    """A notice goes out before the meeting: today, or for a meeting already held, the
    last day the guidance allows (its documents posted so many days before)."""
    if today < meeting.date:
        return today
    days = meeting_rules().documents_days_before or 1
    return meeting.date - dt.timedelta(days=days)


def notice_doc(db: Database, meeting_id: int):
    meeting = get_meeting(db, meeting_id)
    cell = get_cell(db)
    days = meeting_rules().documents_days_before
    return meeting, md.notice_doc(meeting, signer(cell), cell.name, days_before=days)


def notice_recipients(upward: tuple[str, ...], party_committee: str) -> list[str]:
    """HD 42: the members, then the committee above (as the cell's reports name it), then
    the cell's file."""
    above = [line for line in upward if "lưu" not in line.lower()]
    if not above and superior_committee(party_committee):
        above = [f"{superior_committee(party_committee)} (để báo cáo)"]
    return ["Các đồng chí đảng viên trong chi bộ", *above, "Lưu chi bộ"]


def export_notice(
    db: Database, meeting_id: int, path: str | Path, today: dt.date | None = None
) -> Path:
    """The notice as .pdf, .docx or plain text to paste into a message."""
    meeting, doc = notice_doc(db, meeting_id)
    on = notice_date(meeting, today or _today())
    number = _number(db, "notice", meeting, on)
    head = upward_letterhead(db, on, number, addressed=False)
    cell = get_cell(db)
    recipients = notice_recipients(head.recipients, cell.party_committee or "")
    head = dataclasses.replace(head, recipients=tuple(recipients))
    if Path(path).suffix.lower() == ".txt":
        header = [
            (cell.party_committee or "").upper(),
            (cell.name or "").upper(),
            number,
            document_date(on, cell.place or ""),
        ]
        body = md.plain_text(doc, header, recipient_lines(list(head.recipients)))
        return atomic_write(path, lambda tmp: tmp.write_text(body, encoding="utf-8"))
    return _write(path, head, doc, NOTICE_FORMATS)


def _write(path: str | Path, head, doc, formats: tuple[str, ...]) -> Path:
    suffix = Path(path).suffix.lower()
    if suffix == ".docx":
        from ...interop.docx.report_doc import write_report_docx

        return write_report_docx(path, head, doc)
    if suffix == ".pdf":
        from ...interop.pdf.report_doc import write_report_pdf

        return write_report_pdf(path, head, doc)
    raise ChiboError(_("Tệp kết quả phải có đuôi {ext}.").format(ext=" hoặc ".join(formats)))
