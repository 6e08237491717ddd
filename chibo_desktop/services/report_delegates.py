"""Reports 1 (member list) and 5 (campaign): files come from their own features' exports;
the preview here is a short table of the same data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlite_utils import Database

from ..domain.dates import to_date
from ..domain.report import Column, ReportDoc, Section, Table
from ..domain.text import name_sort_key
from ..errors import ChiboError
from ..i18n import _, format_date
from .cell import get_cell
from .common import Progress
from .members import members_at


def _members_doc(db: Database, on_date: dt.date, today: dt.date) -> ReportDoc:
    from .report_docs import signer

    table = Table(
        [
            Column(_("STT"), 6, "int"),
            Column(_("Họ và tên"), 28),
            Column(_("Giới tính"), 9, "text", "center"),
            Column(_("Ngày sinh"), 12, "date"),
            Column(_("Ngày vào Đảng"), 12, "date"),
            Column(_("Ngày chính thức"), 12, "date"),
            Column(_("Chức vụ"), 14),
            Column(_("Tình trạng"), 20),
        ]
    )
    rows = sorted(members_at(db, on_date), key=lambda ms: name_sort_key(ms[0].full_name))
    for i, (m, state) in enumerate(rows, start=1):
        table.rows.append(
            [
                i,
                m.full_name,
                m.gender or "",
                to_date(m.birth_date) or m.birth_date or "",
                to_date(m.join_date) or m.join_date or "",
                to_date(m.official_date) or m.official_date or "",
                m.position,
                state.label,
            ]
        )
    return ReportDoc(
        "members",
        _("Danh sách đảng viên"),
        _("Tính đến ngày {d}").format(d=format_date(on_date)),
        today,
        [Section(_("Danh sách đảng viên"), [], table)],
        signer(get_cell(db)),
        landscape=True,
    )


def preview(db: Database, name: str, start: dt.date, end: dt.date, today: dt.date):
    if name == "members":
        return _members_doc(db, end, today)
    if name == "campaign":
        return _campaign_doc(db, start, end, today)
    return None


def pick_campaign(db: Database, start: dt.date, end: dt.date, today: dt.date) -> dict:
    """The latest campaign that overlaps the period."""
    from .campaigns import list_campaigns

    overlapping = [
        row
        for row in list_campaigns(db, today)
        if (not row["start"] or row["start"] <= end.isoformat())
        and (not row["finish"] or row["finish"] >= start.isoformat())
    ]
    if not overlapping:
        raise ChiboError(
            _("Không có đợt sinh hoạt chính trị nào trong kỳ {a} – {b}.").format(
                a=format_date(start), b=format_date(end)
            )
        )
    return max(overlapping, key=lambda r: (r["start"] or "", r["id"]))


def _campaign_doc(db, start, end, today) -> ReportDoc:
    from ..domain.campaign import STEP_STATUSES
    from .campaigns import campaign_state
    from .report_docs import signer

    row = pick_campaign(db, start, end, today)
    state = campaign_state(db, row["id"], today)
    table = Table(
        [
            Column(_("STT"), 6, "int"),
            Column(_("Bước"), 44),
            Column(_("Hạn"), 12, "date"),
            Column(_("Tình trạng"), 12, "text", "center"),
            Column(_("Ngày xong"), 12, "date"),
            Column(_("Người phụ trách"), 20),
        ]
    )
    for i, step in enumerate(state.steps, start=1):
        table.rows.append(
            [
                i,
                step.title,
                step.due,
                _(STEP_STATUSES.get(step.shown_status, step.shown_status)),
                step.done,
                step.responsible_name,
            ]
        )
    return ReportDoc(
        "campaign",
        _("Báo cáo kết quả đợt sinh hoạt chính trị"),
        row["title"],
        today,
        [Section(_("Các bước của chi bộ"), [], table)],
        signer(get_cell(db)),
    )


def build(db: Database, name: str, start: dt.date, end: dt.date, path: Path, today: dt.date):
    from .reports import letterhead

    if name == "members":
        doc = _members_doc(db, end, today)
        head = letterhead(db, today)
        yield Progress(1, 3, _("Đang ghi tệp…"))
        if path.suffix.lower() == ".xlsx":
            from ..interop.reports_xlsx import write_report_xlsx

            return write_report_xlsx(path, head, doc)
        from ..interop.pdf.report_doc import write_report_pdf

        return write_report_pdf(path, head, doc)
    from .campaign_reports import write_report

    row = pick_campaign(db, start, end, today)
    yield Progress(1, 3, _("Đang ghi tệp…"))
    return write_report(db, row["id"], path, today)
