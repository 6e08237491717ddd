"""`consolidate report NAME OUT.xlsx|pdf` and the committee's reports page: each report
is the cells' own figures (computed by the cell's services) added up, with the per-cell
breakdown, under the committee's letterhead."""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from ...domain.report import Column, ReportDoc, Section, Table
from ...errors import ChiboError
from ...i18n import N_, _
from ..contract.context import today as _today
from ..contract.results import Progress
from ..dues.documents import dues_section
from ..reports.catalog import FORMATS, default_period
from ..reports.situation import period_text
from .cells import each_cell
from .report_activity import campaign_report, meetings_report
from .report_assessment import assessment_report
from .report_common import committee_letterhead, committee_signer
from .report_situation import situation_report


@dataclass(frozen=True)
class ConsolidatedKind:
    key: str
    label: str


KINDS = [
    ConsolidatedKind("situation", N_("Tổng hợp tình hình đảng viên")),
    ConsolidatedKind("assessment", N_("Tổng hợp kết quả xếp loại đảng viên")),
    ConsolidatedKind("meetings", N_("Tổng hợp sinh hoạt các chi bộ")),
    ConsolidatedKind("campaign", N_("Tổng hợp đợt sinh hoạt chính trị")),
    ConsolidatedKind("dues", N_("Tổng hợp đảng phí")),
]
NAMES = tuple(k.key for k in KINDS)
DUES_TABLE_PREFIX = "dues"


def consolidated_kinds() -> list[ConsolidatedKind]:
    return list(KINDS)


def consolidated_doc(
    db: Database, name: str, start: dt.date, end: dt.date, today: dt.date | None = None
) -> ReportDoc:
    if name not in NAMES:
        raise ChiboError(
            _("Không có báo cáo tổng hợp “{name}”. Chọn một trong: {names}.").format(
                name=name, names=", ".join(NAMES)
            )
        )
    if start > end:
        raise ChiboError(_("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."))
    on = today or _today()
    if name == "situation":
        return situation_report(db, start, end, on)
    if name == "assessment":
        return assessment_report(db, start, end, on)
    if name == "meetings":
        return meetings_report(db, start, end, on)
    if name == "campaign":
        return campaign_report(db, start, end, on)
    return _dues_report(db, start, end, on)


def _dues_report(db: Database, start: dt.date, end: dt.date, on: dt.date) -> ReportDoc:
    """Each cell's dues of the period as its own situation report counts them, added up."""
    table = Table(
        [
            Column("Chi bộ", 30),
            Column("Phải thu", 14, "money", "right"),
            Column("Đã thu", 14, "money", "right"),
            Column("Nộp cấp trên", 14, "money", "right"),
        ]
    )
    sums = [0, 0, 0]
    for cell, data in each_cell(db):
        if not any(t.startswith(DUES_TABLE_PREFIX) for t in data.table_names()):
            continue
        total = dues_section(data, start, end).table.total
        figures = [total[1] or 0, total[2] or 0, total[4] or 0]
        table.rows.append([cell.label, *figures])
        sums = [a + b for a, b in zip(sums, figures, strict=True)]
    if not table.rows:
        text = "Không có số liệu: các gói báo cáo đã nhận chưa mang số liệu đảng phí."
        section = Section("Đảng phí", [text])
    else:
        table.total = ["Cộng", *sums]
        section = Section("Thu, nộp đảng phí của các chi bộ", [], table)
    return ReportDoc(
        "dues",
        "Báo cáo tổng hợp thu, nộp đảng phí",
        period_text(start, end),
        on,
        [section],
        committee_signer(db),
    )


def build_consolidated(
    db: Database,
    name: str,
    path: str | Path,
    start: dt.date | None = None,
    end: dt.date | None = None,
    today: dt.date | None = None,
) -> Generator[Progress, None, Path]:
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise ChiboError(_("Tệp báo cáo phải có đuôi .xlsx hoặc .pdf."))
    on = today or _today()
    first, last = default_period(on)
    start, end = start or first, end or last
    yield Progress(0, 2, _("Đang tổng hợp số liệu các chi bộ…"))
    doc = consolidated_doc(db, name, start, end, on)
    yield Progress(1, 2, _("Đang ghi tệp…"))
    head = committee_letterhead(db, on)
    if path.suffix.lower() == ".xlsx":
        from ...interop.xlsx.reports import write_report_xlsx

        written = write_report_xlsx(path, head, doc)
    else:
        from ...interop.pdf.report_doc import write_report_pdf

        written = write_report_pdf(path, head, doc)
    yield Progress(2, 2, _("Xong."))
    return written
