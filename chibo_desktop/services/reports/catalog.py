"""The Reports page and `chibo report`: pick a report and a period, get Excel or PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from ...domain.report import ReportDoc
from ...errors import ChiboError
from ...i18n import N_, _, format_date
from ..assessments.year_end import year_sheet
from ..cell.document_numbers import issue_number
from ..cell.identity import get_cell
from ..cell.letterheads import upward_letterhead
from ..contract.context import today as _today
from ..contract.results import Progress
from ..dues.documents import dues_section
from . import delegates as report_delegates
from .charts import add_assessment_charts, add_meetings_charts, add_situation_charts
from .documents import assessment_doc, meetings_doc, situation_doc
from .meetings import meetings_summary, thresholds
from .situation import situation


@dataclass(frozen=True)
class ReportKind:
    key: str
    label: str
    period: str  # range | year | date


REPORTS = [
    ReportKind("members", N_("1. Danh sách đảng viên"), "date"),
    ReportKind("situation", N_("2. Tình hình đảng viên (số lượng, biến động)"), "range"),
    ReportKind("assessment", N_("3. Kết quả đánh giá, xếp loại đảng viên"), "year"),
    ReportKind("meetings", N_("4. Tổng hợp sinh hoạt chi bộ"), "range"),
    ReportKind("campaign", N_("5. Báo cáo đợt sinh hoạt chính trị"), "range"),
]
FORMATS = (".xlsx", ".pdf", ".docx")


def report_kinds() -> list[ReportKind]:
    return list(REPORTS)


def _kind(name: str) -> ReportKind:
    for kind in REPORTS:
        if kind.key == name:
            return kind
    raise ChiboError(
        _("Không có báo cáo “{name}”. Chọn một trong: {names}.").format(
            name=name, names=", ".join(k.key for k in REPORTS)
        )
    )


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The quarter so far: what the level above reconciles."""
    first_month = 3 * ((today.month - 1) // 3) + 1
    return dt.date(today.year, first_month, 1), today


def _check_period(start: dt.date, end: dt.date) -> None:
    if start > end:
        raise ChiboError(_("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."))


def period_warning(end: dt.date, on: dt.date) -> str:
    """What to tell the user when the period ends after the date the report is made: the
    figures can only be as of that date."""
    if end <= on:
        return ""
    return _(
        "Kỳ báo cáo kết thúc ngày {end}, sau ngày lập báo cáo {on}: số liệu được tính đến "
        "ngày {on}."
    ).format(end=format_date(end), on=format_date(on))


def figures_end(start: dt.date, end: dt.date, on: dt.date) -> dt.date:
    """The last day the figures can cover: the period's end, or the date of the report."""
    if start > on:
        raise ChiboError(
            _("Kỳ báo cáo bắt đầu ngày {start}, sau ngày lập báo cáo {on}.").format(
                start=format_date(start), on=format_date(on)
            )
        )
    return min(end, on)


def report_doc(
    db: Database, name: str, start: dt.date, end: dt.date, today: dt.date | None = None
) -> ReportDoc:
    """Reports 2–4 as data (also what the preview shows)."""
    _check_period(start, end)
    on = today or _today()
    if name in ("situation", "meetings"):
        end = figures_end(start, end, on)
    cell = get_cell(db)
    if name == "situation":
        doc = add_situation_charts(situation_doc(situation(db, start, end), cell, on))

        doc.sections.append(dues_section(db, start, end))
        return doc
    if name == "assessment":
        sheet = year_sheet(db, end.year, on, document=True)
        return add_assessment_charts(assessment_doc(sheet, cell, on))
    if name == "meetings":
        summary = meetings_summary(db, start, end, on)
        least = thresholds(db).min_attendance
        return add_meetings_charts(meetings_doc(summary, cell, on), summary, least)
    delegated = _delegated_preview(db, name, start, end, on)
    if delegated is not None:
        return delegated
    _kind(name)
    raise ChiboError(_("Báo cáo này chưa có trong phiên bản này."))


def letterhead(db: Database, on: dt.date, number: str = ""):
    return upward_letterhead(db, on, number)


def build_report(
    db: Database,
    name: str,
    start: dt.date,
    end: dt.date,
    path: str | Path,
    today: dt.date | None = None,
    number: str = "",
) -> Generator[Progress, None, Path]:
    """Write the report to ``path``; its extension (.xlsx, .pdf, .docx) picks the format.
    ``number`` is the Số printed under the cell's name (empty: the next of its kind)."""
    kind = _kind(name)
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ChiboError(_("Tệp báo cáo phải có đuôi .xlsx, .pdf hoặc .docx."))
    on = today or _today()
    yield Progress(0, 3, _("Đang tổng hợp số liệu…"))
    if kind.key in ("members", "campaign"):
        # numbered where they are written: the list by its date, the report by its campaign
        result = yield from _delegated_build(db, kind.key, start, end, path, on, number)
        return result
    number = issue_number(db, kind.key, start, end, on, number)
    doc = report_doc(db, kind.key, start, end, on)
    yield Progress(1, 3, _("Đang ghi tệp…"))
    head = letterhead(db, on, number)
    if suffix == ".xlsx":
        from ...interop.xlsx.reports import write_report_xlsx

        written = write_report_xlsx(path, head, doc)
    elif suffix == ".docx":
        from ...interop.docx.report_doc import write_report_docx

        written = write_report_docx(path, head, doc)
    else:
        from ...interop.pdf.report_doc import write_report_pdf

        written = write_report_pdf(path, head, doc)
    yield Progress(3, 3, _("Xong."))
    return written


def default_file_name(name: str, start: dt.date, end: dt.date, suffix: str) -> str:
    stems = {
        "members": "danh_sach_dang_vien",
        "situation": "tinh_hinh_dang_vien",
        "assessment": "xep_loai_dang_vien",
        "meetings": "tong_hop_sinh_hoat",
        "campaign": "bao_cao_dot_sinh_hoat",
    }
    if name == "assessment":
        return f"{stems[name]}_{end.year}{suffix}"
    if name == "members":
        return f"{stems[name]}_{end:%Y%m%d}{suffix}"
    return f"{stems.get(name, name)}_{start:%Y%m%d}_{end:%Y%m%d}{suffix}"


# --- reports 1 and 5 come from the member register and the campaign features -------------


def _delegated_preview(db, name, start, end, on) -> ReportDoc | None:
    return report_delegates.preview(db, name, start, end, on)


def _delegated_build(db, name, start, end, path, on, number):
    result = yield from report_delegates.build(db, name, start, end, path, on, number)
    return result
