"""Consolidated report 3: the year's assessment tally of all the cells, with the caps
applied where the rules count them, at the grassroots organisation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from ...domain.assessment import Tally, quota_warning
from ...domain.consolidation import combine_tallies
from ...domain.report import Column, ReportDoc, Section, Table
from ..assessments.year_end import YearSheet, year_sheet
from ..cell.identity import CellInfo
from ..reports.documents import assessment_doc
from .cells import ReceivedCell, each_cell
from .report_common import committee_signer


@dataclass(frozen=True)
class CellTally:
    cell: ReceivedCell
    sheet: YearSheet


def consolidated_assessment(
    db: Database, year: int, on: dt.date
) -> tuple[list[CellTally], Tally | None]:
    cells = [CellTally(c, year_sheet(data, year, on, document=True)) for c, data in each_cell(db)]
    if not cells:
        return cells, None
    scale = cells[0].sheet.scale
    return cells, combine_tallies(scale, (c.sheet.tally for c in cells))


def assessment_report(db: Database, start: dt.date, end: dt.date, on: dt.date) -> ReportDoc:
    year = end.year
    cells, total = consolidated_assessment(db, year, on)
    sections: list[Section] = []
    if total is not None:
        warnings = [w for w in [quota_warning(total, document=True)] if w]
        sheet = YearSheet(year, total.scale, [], None, total, warnings)
        first = assessment_doc(sheet, CellInfo(), on).sections[0]
        first.title = "Tổng hợp kết quả xếp loại toàn đảng bộ"
        sections.append(first)
        levels = total.scale.levels
        table = Table(
            [Column("STT", 6, "int"), Column("Chi bộ", 28), Column("Phải đánh giá", 9, "int")]
            + [Column(lv.short or lv.label, 9, "int") for lv in levels]
            + [Column("Chưa xếp loại", 9, "int"), Column("Chi bộ được xếp loại", 18)]
        )
        other_scale = []
        for i, c in enumerate(cells, start=1):
            t = c.sheet.tally
            if c.sheet.scale.key != total.scale.key:
                other_scale.append(c.cell.label)
            final = c.sheet.cell.final_level if c.sheet.cell else None
            table.rows.append(
                [i, c.cell.label, t.total()]
                + [t.count(lv.key) for lv in levels]
                + [t.missing(), c.sheet.scale.label(final) or "chưa có"]
            )
        table.total = [None, "Toàn đảng bộ", total.total()]
        table.total += [total.count(lv.key) for lv in levels] + [total.missing(), None]
        notes = []
        if other_scale:
            notes.append("Chi bộ xếp loại theo thang khác: " + ", ".join(other_scale) + ".")
        sections.append(Section("Phần của từng chi bộ", [], table, notes))
    else:
        sections.append(Section("Tổng hợp", ["Chưa nhận được gói báo cáo của chi bộ nào."]))
    return ReportDoc(
        "assessment",
        f"Báo cáo tổng hợp kết quả đánh giá, xếp loại đảng viên năm {year}",
        "",
        on,
        sections,
        committee_signer(db),
        landscape=True,
    )
