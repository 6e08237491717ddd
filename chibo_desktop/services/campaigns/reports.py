"""Self-reviews and the campaign's printed reports (PDF, Excel)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlite_utils import Database

from ...domain.campaign import SelfReview
from ...domain.text import clean_text
from ...errors import ChiboError
from ...i18n import _
from ...interop.letterhead import Letterhead
from ...storage import campaigns as store
from ..cell.document_numbers import issue_number
from ..cell.identity import get_cell
from ..cell.letterheads import upward_letterhead
from ..contract.context import today as _today
from ..contract.results import Result
from ..members.register import get_member
from .campaign import CHANGED, campaign_state, campaign_template


def _member_in(db: Database, campaign_id: int, member_id: int) -> None:
    if member_id not in {r["member_id"] for r in store.campaign_members(db, campaign_id)}:
        raise ChiboError(_("Đảng viên này không có trong đợt sinh hoạt."))


def get_self_review(db: Database, campaign_id: int, member_id: int) -> SelfReview:
    _member_in(db, campaign_id, member_id)
    name = get_member(db, member_id).member.full_name
    row = store.self_review(db, campaign_id, member_id)
    if row is None:
        return SelfReview(member_id, name)
    submitted = dt.date.fromisoformat(row["submitted"]) if row["submitted"] else None
    return SelfReview(member_id, name, row["sections"], row["marks"], submitted)


def save_self_review(db: Database, campaign_id: int, review: SelfReview) -> Result[None]:
    """Store the self-review; once submitted, the member's "self-review" item is marked."""
    _member_in(db, campaign_id, review.member_id)
    template = campaign_template(db, campaign_id)
    refs = {ref for ref, _group, _text in template.review_refs()}
    unknown = set(review.marks) - refs
    if unknown:
        raise ChiboError(
            _("Mục không có trong mẫu: {refs}").format(refs=", ".join(sorted(unknown)))
        )
    sections = {clean_text(k): clean_text(v, multiline=True) for k, v in review.sections.items()}
    marks = {ref: (bool(p), clean_text(note)) for ref, (p, note) in review.marks.items()}
    with db.atomic():
        store.save_self_review(db, campaign_id, review.member_id, sections, review.submitted, marks)
        for item in template.items:
            if item.kind != "self_review":
                continue
            if review.submitted:
                store.set_mark(db, campaign_id, review.member_id, item.key, review.submitted, "")
            else:
                store.clear_mark(db, campaign_id, review.member_id, item.key)
    return Result(None, CHANGED)


def _letterhead(db: Database, day: dt.date, number: str = "") -> tuple[Letterhead, str]:
    return upward_letterhead(db, day, number), get_cell(db).secretary_name


def write_report(
    db: Database,
    campaign_id: int,
    path: str | Path,
    today: dt.date | None = None,
    number: str = "",
) -> Path:
    """The report of results, as PDF, Excel or Word according to the file's suffix; ``number``
    is its Số (empty: the next report number of the year)."""
    today = today or _today()
    state = campaign_state(db, campaign_id, today)
    start = state.start or today
    number = issue_number(db, "campaign", start, state.end or start, today, number)
    head, secretary = _letterhead(db, today, number)
    suffix = Path(path).suffix.lower()
    if suffix == ".pdf":
        from ...interop.pdf.campaign_report import write_campaign_report

        return write_campaign_report(path, state, head, secretary)
    if suffix == ".xlsx":
        from ...interop.xlsx.campaign import write_campaign_workbook

        return write_campaign_workbook(path, state, head, secretary)
    if suffix == ".docx":
        from ...interop.docx.campaign_report import write_campaign_report_docx

        return write_campaign_report_docx(path, state, head, secretary)
    raise ChiboError(_("Báo cáo chỉ ghi được ra tệp .pdf, .xlsx hoặc .docx."))


def write_self_review(
    db: Database,
    campaign_id: int,
    member_id: int,
    path: str | Path,
    today: dt.date | None = None,
) -> Path:
    """One member's self-review as a PDF or .docx to print and sign (never in a list)."""
    today = today or _today()
    review = get_self_review(db, campaign_id, member_id)
    state = campaign_state(db, campaign_id, today)
    detail = get_member(db, member_id)
    head, _secretary = _letterhead(db, review.submitted or today)
    if Path(path).suffix.lower() == ".docx":
        from ...interop.docx.self_review import write_self_review_docx as write
    else:
        from ...interop.pdf.self_review import write_self_review_pdf as write

    return write(path, review, state.template, state.title, head, detail.member.position)
