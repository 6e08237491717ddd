"""The charts of reports 2–4: views of the tables the report already holds.

Each function adds `TableChart`s to a ReportDoc built by `report_docs`; the writers draw
their bars from those tables (`domain.chart.chart_data`), never from a second count.
The meetings report also gets its attendance month by month, as a table of its own made
from the same per-meeting figures, so the chart has printed numbers to stand on.
"""

from __future__ import annotations

from ...domain.chart import TableChart
from ...domain.report import Column, ReportDoc, Section, Table
from ...i18n import format_percent
from .meetings import MeetingsSummary

MONTHLY_TITLE = "Tỷ lệ có mặt theo tháng"
DRAFT_MARK = "Dự thảo"


def _section(doc: ReportDoc, title: str) -> Section | None:
    return next((s for s in doc.sections if s.title == title), None)


def monthly_table(m: MeetingsSummary) -> Table:
    """One row per month with meetings: how many, members expected and present (summed
    over that month's meetings, as the per-meeting table's total sums them), the rate,
    and whether any of the month's minutes is still a draft."""
    table = Table(
        [
            Column("Tháng", 10, "text", "center"),
            Column("Số buổi", 9, "int"),
            Column("Phải dự", 9, "int"),
            Column("Có mặt", 9, "int"),
            Column("Tỷ lệ có mặt", 11, "percent"),
            Column("Biên bản", 12, "text", "center"),
        ]
    )
    months: dict[tuple[int, int], list] = {}
    for line in m.meetings:
        months.setdefault((line.date.year, line.date.month), []).append(line)
    for (year, month), lines in sorted(months.items()):
        expected = sum(x.figures.expected for x in lines)
        present = sum(x.figures.present for x in lines)
        draft = any(x.draft for x in lines)
        table.rows.append(
            [
                f"{month:02d}/{year}",
                len(lines),
                expected,
                present,
                present / expected if expected else None,
                DRAFT_MARK if draft else "",
            ]
        )
    return table


def add_meetings_charts(doc: ReportDoc, m: MeetingsSummary, threshold: float) -> ReportDoc:
    """The month-by-month table and its chart, after the list of meetings."""
    if not m.meetings:
        return doc

    least = format_percent(threshold, document=True)
    section = Section(
        MONTHLY_TITLE,
        [
            "Tỷ lệ có mặt của các buổi sinh hoạt trong từng tháng; đường ngang là mức chi bộ "
            f"đặt ({least}); cột gạch chéo là tháng còn biên bản dự thảo."
        ],
        monthly_table(m),
    )
    section.charts.append(
        TableChart(
            "Tỷ lệ có mặt theo tháng",
            label_column=0,
            value_columns=(4,),
            percent=True,
            threshold=threshold,
            threshold_label=f"Mức chi bộ đặt {least}",
            marked_column=5,
            marked_label="Còn biên bản dự thảo",
        )
    )
    doc.sections.insert(1, section)
    return doc


SITUATION_CHARTS = (
    ("Theo độ tuổi", "Đảng viên theo độ tuổi"),
    ("Theo tuổi Đảng", "Đảng viên theo tuổi Đảng"),
    ("Theo giới tính", "Đảng viên theo giới tính"),
)


def add_situation_charts(doc: ReportDoc) -> ReportDoc:
    section = _section(doc, "Số lượng đảng viên")
    if section is None or section.table is None:
        return doc
    groups = {row.text for row in section.table.rows if not isinstance(row, list)}
    for group, title in SITUATION_CHARTS:
        if group in groups:
            section.charts.append(
                TableChart(title, label_column=0, value_columns=(1,), group=group, horizontal=True)
            )
    return doc


def add_assessment_charts(doc: ReportDoc) -> ReportDoc:
    section = _section(doc, "Tổng hợp kết quả xếp loại")
    if section is not None and section.table is not None:
        section.charts.append(
            TableChart(
                "Số đảng viên theo mức xếp loại",
                label_column=0,
                value_columns=(5,),
                horizontal=True,
            )
        )
    return doc
