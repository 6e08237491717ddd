"""Consolidated reports 4 and 5: the cells' meetings, and their political campaigns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from ...domain.report import Column, ReportDoc, Section, Table
from ...errors import ChiboError
from ..campaigns.campaign import campaign_state
from ..reports.delegates import pick_campaign
from ..reports.meetings import MeetingsSummary, meetings_summary
from ..reports.situation import period_text
from .cells import ReceivedCell, each_cell
from .report_common import committee_signer, coverage_notes


@dataclass(frozen=True)
class CellMeetings:
    cell: ReceivedCell
    summary: MeetingsSummary

    @property
    def excused(self) -> int:
        return sum(m.figures.excused for m in self.summary.meetings)

    @property
    def absent(self) -> int:
        return sum(m.figures.absent for m in self.summary.meetings)


def consolidated_meetings(
    db: Database, start: dt.date, end: dt.date, on: dt.date
) -> list[CellMeetings]:
    return [CellMeetings(c, meetings_summary(data, start, end, on)) for c, data in each_cell(db)]


def meetings_report(db: Database, start: dt.date, end: dt.date, on: dt.date) -> ReportDoc:
    cells = consolidated_meetings(db, start, end, on)
    table = Table(
        [
            Column("STT", 6, "int"),
            Column("Chi bộ", 30),
            Column("Số buổi", 8, "int"),
            Column("Phải dự", 9, "int"),
            Column("Có mặt", 9, "int"),
            Column("Vắng có lý do", 10, "int"),
            Column("Vắng không lý do", 10, "int"),
            Column("Tỷ lệ có mặt", 10, "percent"),
            Column("Tháng thiếu sinh hoạt thường kỳ", 20),
        ]
    )
    for i, c in enumerate(cells, start=1):
        s = c.summary
        table.rows.append(
            [
                i,
                c.cell.label,
                len(s.meetings),
                s.expected,
                s.present,
                c.excused,
                c.absent,
                s.rate if s.expected else None,
                ", ".join(s.regular_months_missing),
            ]
        )
    expected = sum(c.summary.expected for c in cells)
    present = sum(c.summary.present for c in cells)
    table.total = [
        None,
        "Toàn đảng bộ",
        sum(len(c.summary.meetings) for c in cells),
        expected,
        present,
        sum(c.excused for c in cells),
        sum(c.absent for c in cells),
        present / expected if expected else None,
        None,
    ]
    behind = [c.cell.label for c in cells if c.summary.regular_months_missing]
    notes = (
        ["Chi bộ chưa sinh hoạt thường kỳ đủ các tháng: " + ", ".join(behind) + "."]
        if behind
        else []
    )
    notes += coverage_notes([c.cell for c in cells], start, end)
    warnings = [f"{c.cell.label}: {w}" for c in cells for w in c.summary.warnings]
    return ReportDoc(
        "meetings",
        "Báo cáo tổng hợp sinh hoạt các chi bộ",
        period_text(start, end),
        on,
        [
            Section("Sinh hoạt của từng chi bộ", [], table, notes),
            Section("Những điểm cần lưu ý", warnings or ["Không có điểm nào cần lưu ý."], None),
        ],
        committee_signer(db),
        landscape=True,
    )


@dataclass(frozen=True)
class CellCampaign:
    cell: ReceivedCell
    title: str
    steps_done: int
    steps: int
    overdue: int
    members: int
    items_done: int
    items: int
    progress: float


def consolidated_campaigns(
    db: Database, start: dt.date, end: dt.date, on: dt.date
) -> tuple[list[CellCampaign], list[ReceivedCell]]:
    found, without = [], []
    for cell, data in each_cell(db):
        try:
            row = pick_campaign(data, start, end, on)
        except ChiboError:
            without.append(cell)
            continue
        state = campaign_state(data, row["id"], on)
        members = len(state.active_members)
        found.append(
            CellCampaign(
                cell,
                state.title,
                sum(1 for s in state.steps if s.done is not None),
                len(state.steps),
                len(state.overdue),
                members,
                sum(state.done_count(i.key) for i in state.template.items),
                len(state.template.items) * members,
                state.progress,
            )
        )
    return found, without


def campaign_report(db: Database, start: dt.date, end: dt.date, on: dt.date) -> ReportDoc:
    found, without = consolidated_campaigns(db, start, end, on)
    table = Table(
        [
            Column("STT", 6, "int"),
            Column("Chi bộ", 26),
            Column("Đợt sinh hoạt", 30),
            Column("Bước đã xong", 9, "int"),
            Column("Số bước", 8, "int"),
            Column("Bước quá hạn", 9, "int"),
            Column("Đảng viên tham gia", 10, "int"),
            Column("Việc cá nhân đã xong", 10, "int"),
            Column("Việc cá nhân phải làm", 10, "int"),
            Column("Tiến độ", 9, "percent"),
        ]
    )
    for i, c in enumerate(found, start=1):
        table.rows.append(
            [
                i,
                c.cell.label,
                c.title,
                c.steps_done,
                c.steps,
                c.overdue,
                c.members,
                c.items_done,
                c.items,
                c.progress,
            ]
        )
    table.total = [None, "Toàn đảng bộ", f"{len(found)} chi bộ"]
    table.total += [sum(getattr(c, k) for c in found) for k in ("steps_done", "steps", "overdue")]
    table.total += [sum(getattr(c, k) for c in found) for k in ("members", "items_done", "items")]
    table.total.append(None)
    notes = []
    behind = [c.cell.label for c in found if c.overdue]
    if behind:
        notes.append("Chi bộ có bước quá hạn: " + ", ".join(behind) + ".")
    if without:
        notes.append(
            "Chi bộ chưa có đợt sinh hoạt chính trị trong kỳ: "
            + ", ".join(c.label for c in without)
            + "."
        )
    return ReportDoc(
        "campaign",
        "Báo cáo tổng hợp đợt sinh hoạt chính trị",
        period_text(start, end),
        on,
        [Section("Tiến độ của từng chi bộ", [], table, notes)],
        committee_signer(db),
        landscape=True,
    )
