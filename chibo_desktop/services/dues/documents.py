"""The dues collection sheet of a month and the year's summary, as ReportDocs written to
PDF (HD 36 letterhead) or Excel (amounts stay numbers)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from pathlib import Path

from sqlite_utils import Database

from ...domain.dues import Month
from ...domain.dues_checks import STATE_LABELS, month_state
from ...domain.report import Column, ReportDoc, Section, Table
from ...errors import ChiboError
from ...i18n import _, format_date, format_money
from ...interop.letterhead import Letterhead
from ...rules.dues import dues_rules
from ..cell.identity import get_cell
from ..contract.results import Progress
from ..reports.documents import signer
from .ledger import DuesBook, MonthLedger, YearSummary, month_ledger, year_summary

METHOD_TEXT = {"cash": "Tiền mặt", "online": "Cổng DVC"}
FORMATS = (".pdf", ".xlsx")


def _group_short(regime, key: str) -> str:
    group = regime.group(key) if key else None
    return (group.short or group.label) if group else key


def _kept_text(percent: int | None) -> str:
    if percent is None:
        return "Chi bộ chưa đặt tỷ lệ giữ lại (cài đặt của chi bộ theo hướng dẫn của cấp trên)."
    return f"Chi bộ giữ lại {percent}% theo cài đặt của chi bộ (hướng dẫn của cấp trên)."


def month_sheet_doc(ledger: MonthLedger, on: dt.date, cell) -> ReportDoc:
    """Sổ thu đảng phí of one month: one line per member, a signature column."""
    regime = ledger.regime
    table = Table(
        [
            Column("STT", 4, "int"),
            Column("Họ và tên", 22),
            Column("Nhóm", 9),
            Column("Căn cứ tính", 12, "money", "right"),
            Column("Mức đóng", 10, "money", "right"),
            Column("Đã nộp", 10, "money", "right"),
            Column("Hình thức", 11),
            Column("Ngày nộp", 12, "date"),
            Column("Ký nhận", 8),
            Column("Ghi chú", 25),
        ]
    )
    for number, line in enumerate(ledger.lines, start=1):
        payment = line.payment
        notes = [line.due.reason] if line.due.reason else []
        if line.state not in ("paid", "unpaid", "exempt"):
            notes.append(STATE_LABELS[line.state])
        if line.arrears:
            notes.append(f"Nợ tháng trước {format_money(line.arrears, document=True)}")
        if line.advance:
            notes.append(f"Đã nộp trước {format_money(line.advance, document=True)}")
        table.rows.append(
            [
                number,
                line.name,
                _group_short(regime, line.due.group),
                line.due.basis,
                line.due.amount,
                line.paid if payment else None,
                METHOD_TEXT.get(payment.method, "") if payment else "",
                dt.date.fromisoformat(payment.paid_on) if payment and payment.paid_on else None,
                "",
                "; ".join(notes),
            ]
        )
    table.total = ["", "Cộng", "", None, ledger.total_due, ledger.total_paid, "", None, "", ""]
    record = ledger.record
    money = lambda n: format_money(n, document=True)  # noqa: E731
    summary = [
        f"Số đảng viên phải nộp: {len(ledger.lines) - ledger.count('exempt', 'extra')}; "
        f"đã nộp đủ: {ledger.count('paid')}; nộp thiếu: {ledger.count('partial')}; "
        f"chưa nộp: {ledger.count('unpaid')}; miễn: {ledger.count('exempt', 'extra')}.",
        f"Tổng số phải thu: {money(ledger.total_due)}. Đã thu: {money(ledger.total_paid)}.",
        _kept_text(ledger.options.kept_percent),
    ]
    if ledger.kept is not None:
        summary.append(
            f"Số chi bộ giữ lại: {money(ledger.kept)}. Số phải nộp cấp trên: "
            f"{money(ledger.to_pass_up)}."
        )
    if record.passed_up is not None:
        when = record.passed_up_on and format_date(dt.date.fromisoformat(record.passed_up_on))
        summary.append(
            f"Đã nộp cấp ủy cấp trên: {money(record.passed_up)}"
            + (f", ngày {when}." if when else ".")
        )
    notes = [f"Mức đóng tính theo {regime.title}."]
    if ledger.meeting_date:
        held = format_date(dt.date.fromisoformat(ledger.meeting_date))
        summary.insert(0, f"Thu tại buổi sinh hoạt chi bộ ngày {held}.")
    return ReportDoc(
        key="dues_month",
        title="Sổ thu đảng phí",
        subtitle=f"Tháng {ledger.month.month:02d} năm {ledger.month.year}",
        date=on,
        sections=[Section("Danh sách thu đảng phí", summary, table, notes)],
        signer=signer(cell),
        landscape=True,
    )


def _half_year(summary: YearSummary, months: list[Month], last: bool) -> Table:
    columns = [Column("STT", 4, "int"), Column("Họ và tên", 22)]
    columns += [Column(f"Tháng {m.month}", 9, "money", "right") for m in months]
    if last:
        columns += [
            Column("Cộng cả năm", 11, "money", "right"),
            Column("Số tháng chưa nộp", 8, "int"),
        ]
    else:
        columns.append(Column("Cộng 6 tháng", 11, "money", "right"))
    table = Table(columns)
    for number, row in enumerate(summary.rows, start=1):
        cells: list = [number, row.name]
        for month in months:
            if month not in row.months:
                cells.append(None)
                continue
            _due, paid, state = row.months[month]
            cells.append("Miễn" if state == "exempt" else paid if paid else "–")
        if last:
            cells += [row.total_paid, len(row.unpaid())]
        else:
            cells.append(sum(row.months[m][1] for m in months if m in row.months))
        table.rows.append(cells)
    table.total = ["", "Cộng"] + [summary.month_total(m)[1] for m in months]
    if last:
        table.total += [sum(r.total_paid for r in summary.rows), None]
    else:
        table.total.append(sum(summary.month_total(m)[1] for m in months))
    return table


def year_doc(summary: YearSummary, on: dt.date, cell) -> ReportDoc:
    """The year's summary: what each member paid each month (two half years, so that the
    amounts fit the page), then the month totals and what was passed up."""
    months = summary.months
    totals = Table(
        [
            Column("Tháng", 8, align="center"),
            Column("Phải thu", 12, "money", "right"),
            Column("Đã thu", 12, "money", "right"),
            Column("Nộp cấp trên", 12, "money", "right"),
            Column("Ngày nộp cấp trên", 12, "date"),
        ]
    )
    sums = [0, 0, 0]
    for month in months:
        if summary.until is not None and month > summary.until:
            totals.rows.append([month.label(), None, None, None, None])
            continue
        due, paid = summary.month_total(month)
        record = summary.records.get(month)
        up = record.passed_up if record else None
        on_day = record.passed_up_on if record else None
        totals.rows.append(
            [month.label(), due, paid, up, dt.date.fromisoformat(on_day) if on_day else None]
        )
        sums = [sums[0] + due, sums[1] + paid, sums[2] + (up or 0)]
    totals.total = ["Cả năm", *sums, None]
    regimes = {dues_rules().regime_for(m).title for m in months}
    notes = [
        "“–”: chưa nộp; “Miễn”: được miễn đóng; ô trống: không sinh hoạt tại chi bộ trong "
        "tháng, hoặc tháng chưa đến.",
        "Mức đóng tính theo " + "; ".join(sorted(regimes)) + ".",
    ]
    return ReportDoc(
        key="dues_year",
        title="Tổng hợp thu, nộp đảng phí",
        subtitle=f"Năm {summary.year}",
        date=on,
        sections=[
            Section("Đảng viên, tháng 1–6", [], _half_year(summary, months[:6], False)),
            Section(
                "Đảng viên, tháng 7–12, cả năm", [], _half_year(summary, months[6:], True), notes
            ),
            Section("Tổng hợp theo tháng", [_kept_text(summary.options.kept_percent)], totals),
        ],
        signer=signer(cell),
        landscape=True,
    )


def _write(db: Database, doc: ReportDoc, path: Path, on: dt.date, number: str) -> Path:
    info = get_cell(db)
    head = Letterhead(info.party_committee, info.name, info.place, on, number)
    if path.suffix.lower() == ".xlsx":
        from ...interop.xlsx.reports import write_report_xlsx

        return write_report_xlsx(path, head, doc)
    from ...interop.pdf.report_doc import write_report_pdf

    return write_report_pdf(path, head, doc)


def _checked_path(path: str | Path) -> Path:
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise ChiboError(_("Tệp phải có đuôi .pdf hoặc .xlsx."))
    return path


def write_month_sheet(
    db: Database, month: Month, path: str | Path, on: dt.date, number: str = ""
) -> Generator[Progress, None, Path]:
    path = _checked_path(path)
    yield Progress(0, 2, _("Đang tổng hợp số liệu…"))
    doc = month_sheet_doc(month_ledger(db, month), on, get_cell(db))
    yield Progress(1, 2, _("Đang ghi tệp…"))
    return _write(db, doc, path, on, number)


def write_year_summary(
    db: Database, year: int, path: str | Path, on: dt.date, number: str = ""
) -> Generator[Progress, None, Path]:
    path = _checked_path(path)
    yield Progress(0, 2, _("Đang tổng hợp số liệu…"))
    doc = year_doc(year_summary(db, year, Month.of(on)), on, get_cell(db))
    yield Progress(1, 2, _("Đang ghi tệp…"))
    return _write(db, doc, path, on, number)


def dues_section(db: Database, start: dt.date, end: dt.date) -> Section:
    """The situation report's dues part: each month of the period collected and passed up."""
    table = Table(
        [
            Column("Tháng", 10, align="center"),
            Column("Phải thu", 13, "money", "right"),
            Column("Đã thu", 13, "money", "right"),
            Column("Số đảng viên chưa nộp", 12, "int"),
            Column("Nộp cấp trên", 13, "money", "right"),
        ]
    )
    month, last = Month.of(start), Month.of(end)
    book = DuesBook(db, month, last)
    sums = [0, 0, 0]
    while month <= last:
        due = paid = unpaid = 0
        for member in book.members:
            if not book.belongs(member, month):
                continue
            owed, got = book.due(member, month), book.paid(member, month)
            due, paid = due + (owed.amount or 0), paid + got
            unpaid += month_state(owed, got) in ("unpaid", "partial")
        record = book.records.get(month)
        up = record.passed_up if record else None
        table.rows.append([month.label(), due, paid, unpaid, up])
        sums = [sums[0] + due, sums[1] + paid, sums[2] + (up or 0)]
        month = month.next()
    table.total = ["Cộng", sums[0], sums[1], None, sums[2]]
    return Section("Thu, nộp đảng phí", [], table)
