"""Reports 1 (member list) and 5 (campaign): files come from their own features' exports;
the preview here is a short table of the same data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlite_utils import Database

from ...domain.campaign import STEP_STATUSES
from ...domain.dates import to_date
from ...domain.report import Column, ReportDoc, Section, Table
from ...domain.text import name_sort_key
from ...errors import ChiboError
from ...i18n import _, format_date, format_iso_date
from ...storage import campaigns as campaign_store
from ..campaigns.campaign import campaign_state
from ..campaigns.reports import write_report
from ..cell.identity import get_cell
from ..contract.results import Progress
from ..members.exports import export_members, register_entries
from ..members.register import members_at
from .documents import signer


def _member_ids(db: Database, on_date: dt.date, today: dt.date) -> list[int] | None:
    """Members of the cell on ``on_date`` in register order; None for today's list (the
    member export's own default)."""
    if on_date >= today:
        return None
    rows = sorted(members_at(db, on_date), key=lambda ms: name_sort_key(ms[0].full_name))
    return [m.id for m, _state in rows]


def _members_doc(db: Database, on_date: dt.date, today: dt.date) -> ReportDoc:
    """A short table of what the member export writes (same entries, same order)."""
    table = Table(
        [
            Column("STT", 6, "int"),
            Column("Họ và tên", 28),
            Column("Giới tính", 9, "text", "center"),
            Column("Ngày sinh", 12, "date"),
            Column("Ngày vào Đảng", 12, "date"),
            Column("Ngày chính thức", 12, "date"),
            Column("Chức vụ", 14),
            Column("Tình trạng", 20),
        ]
    )
    ids = _member_ids(db, on_date, today)
    entries = register_entries(db, member_ids=ids, include_left=ids is not None)
    for i, e in enumerate(entries, start=1):
        m = e.member
        table.rows.append(
            [
                i,
                m.full_name,
                m.gender or "",
                _date_or_text(m.birth_date),
                _date_or_text(m.join_date),
                _date_or_text(m.official_date),
                m.position,
                e.status_label,
            ]
        )
    return ReportDoc(
        "members",
        "Danh sách đảng viên",
        f"Tính đến ngày {format_date(min(on_date, today))}",
        today,
        [Section("Danh sách đảng viên", [], table)],
        signer(get_cell(db)),
        landscape=True,
    )


def _date_or_text(value: str | None):
    try:
        return to_date(value) or format_iso_date(value)
    except ValueError:
        return format_iso_date(value)


def preview(db: Database, name: str, start: dt.date, end: dt.date, today: dt.date):
    if name == "members":
        return _members_doc(db, end, today)
    if name == "campaign":
        return _campaign_doc(db, start, end, today)
    return None


def pick_campaign(db: Database, start: dt.date, end: dt.date, today: dt.date) -> dict:
    """The latest campaign that overlaps the period (picked by its dates alone: no
    campaign's progress is computed to choose)."""
    overlapping = [
        row
        for row in campaign_store.campaigns(db)
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
    row = pick_campaign(db, start, end, today)
    state = campaign_state(db, row["id"], today)
    table = Table(
        [
            Column("STT", 6, "int"),
            Column("Bước", 44),
            Column("Hạn", 12, "date"),
            Column("Tình trạng", 12, "text", "center"),
            Column("Ngày xong", 12, "date"),
            Column("Người phụ trách", 20),
        ]
    )
    for i, step in enumerate(state.steps, start=1):
        table.rows.append(
            [
                i,
                step.title,
                step.due,
                STEP_STATUSES.get(step.shown_status, step.shown_status),
                step.done,
                step.responsible_name,
            ]
        )
    return ReportDoc(
        "campaign",
        "Báo cáo kết quả đợt sinh hoạt chính trị",
        row["title"],
        today,
        [Section("Các bước của chi bộ", [], table)],
        signer(get_cell(db)),
    )


def build(
    db: Database, name: str, start: dt.date, end: dt.date, path: Path, today: dt.date, number: str
):
    """Files of reports 1 and 5 are the member export's and the campaign report's own."""
    yield Progress(1, 3, _("Đang ghi tệp…"))
    if name == "members":
        ids = _member_ids(db, end, today)
        result = yield from export_members(
            db,
            path,
            member_ids=ids,
            include_left=ids is not None,
            today=today if ids is None else end,
            number=number,
        )
        return result.path

    row = pick_campaign(db, start, end, today)
    return write_report(db, row["id"], path, today, number)
