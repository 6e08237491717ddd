"""Consolidated report 2: the members of all the cells, the period's changes, and the
reconciliation (opening + in − out = closing) per cell and in total."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from ...domain.consolidation import merge_counts, reconciles
from ...domain.report import Column, ReportDoc, Section, Table
from ..cell.identity import CellInfo
from ..reports.documents import situation_doc
from ..reports.situation import (
    INCOMING,
    OUTGOING,
    ChangeLine,
    Group,
    Situation,
    period_text,
    situation,
)
from .cells import ReceivedCell, each_cell
from .report_common import committee_signer, coverage_notes


@dataclass(frozen=True)
class CellSituation:
    cell: ReceivedCell
    figures: Situation

    @property
    def incoming(self) -> int:
        return sum(self.figures.change(k) for k in INCOMING)

    @property
    def outgoing(self) -> int:
        return sum(self.figures.change(k) for k in OUTGOING)

    @property
    def balanced(self) -> bool:
        f = self.figures
        return reconciles(f.opening, self.incoming, self.outgoing, f.total)


@dataclass(frozen=True)
class ConsolidatedSituation:
    cells: list[CellSituation]
    total: Situation

    @property
    def unbalanced(self) -> list[CellSituation]:
        return [c for c in self.cells if not c.balanced]


def consolidated_situation(db: Database, start: dt.date, end: dt.date) -> ConsolidatedSituation:
    cells = [CellSituation(cell, situation(data, start, end)) for cell, data in each_cell(db)]
    return ConsolidatedSituation(cells, combine(start, end, cells))


def combine(start: dt.date, end: dt.date, cells: list[CellSituation]) -> Situation:
    figures = [c.figures for c in cells]
    numeric = ("opening", "total", "chinh_thuc", "du_bi", "exempt", "temp_out", "suspended")
    sums = {name: sum(getattr(f, name) for f in figures) for name in numeric}
    groups: list[Group] = []
    titles = list(dict.fromkeys(g.title for f in figures for g in f.groups))
    for title in titles:
        rows = [g.rows for f in figures for g in f.groups if g.title == title]
        groups.append(Group(title, merge_counts(rows)))
    changes: list[ChangeLine] = []
    keys = [(c.key, c.label) for c in figures[0].changes] if figures else []
    for key, label in keys:
        line = ChangeLine(key, label)
        for c in cells:
            for member, change in next(x for x in c.figures.changes if x.key == key).events:
                named = dataclasses.replace(
                    member, full_name=f"{member.full_name} ({c.cell.label})"
                )
                line.events.append((named, change))
        line.events.sort(key=lambda e: e[1].date)
        changes.append(line)
    return Situation(
        start=start,
        end=end,
        temporary_here=sum(f.temporary_here for f in figures),
        groups=groups,
        changes=changes,
        **sums,
    )


def situation_report(db: Database, start: dt.date, end: dt.date, on: dt.date) -> ReportDoc:
    data = consolidated_situation(db, start, end)
    doc = situation_doc(data.total, CellInfo(), on) if data.cells else None
    sections = list(doc.sections) if doc else []
    table = Table(
        [
            Column("STT", 6, "int"),
            Column("Chi bộ", 30),
            Column("Đầu kỳ", 9, "int"),
            Column("Tăng", 8, "int"),
            Column("Giảm", 8, "int"),
            Column("Cuối kỳ", 9, "int"),
            Column("Chính thức", 10, "int"),
            Column("Dự bị", 8, "int"),
            Column("Khớp số", 8, "text", "center"),
        ]
    )
    for i, c in enumerate(data.cells, start=1):
        f = c.figures
        table.rows.append(
            [
                i,
                c.cell.label,
                f.opening,
                c.incoming,
                c.outgoing,
                f.total,
                f.chinh_thuc,
                f.du_bi,
                "Có" if c.balanced else "Không",
            ]
        )
    t = data.total
    incoming = sum(c.incoming for c in data.cells)
    outgoing = sum(c.outgoing for c in data.cells)
    total_ok = reconciles(t.opening, incoming, outgoing, t.total)
    table.total = [None, "Toàn đảng bộ", t.opening, incoming, outgoing, t.total, t.chinh_thuc]
    table.total += [t.du_bi, "Có" if total_ok else "Không"]
    notes = []
    if data.unbalanced:
        notes.append(
            "Chi bộ có số liệu không khớp (đầu kỳ + tăng − giảm ≠ cuối kỳ): "
            + ", ".join(c.cell.label for c in data.unbalanced)
            + "."
        )
    elif data.cells:
        notes.append("Số liệu của tất cả các chi bộ đều khớp (đầu kỳ + tăng − giảm = cuối kỳ).")
    notes += coverage_notes([c.cell for c in data.cells], start, end)
    sections.insert(0, Section("Số liệu từng chi bộ", [], table, notes))

    return ReportDoc(
        "situation",
        "Báo cáo tổng hợp tình hình đảng viên",
        period_text(start, end),
        on,
        sections,
        committee_signer(db),
        landscape=True,
    )
