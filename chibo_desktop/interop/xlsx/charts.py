"""Native Excel charts over the cells of a report's table (openpyxl.chart), so the
committee can restyle them in Excel: grey bars with their values shown, hatched bars
where the table marks a row (minutes still in draft), nothing told by colour alone."""

from __future__ import annotations

from ...domain.chart import TableChart, chart_data
from ...domain.report import Section

GREY, BLACK = "7F7F7F", "000000"
ROW_CM = 0.53  # a default sheet row (15 points), for placing charts one under the other


def bar_chart(
    ws,
    title: str,
    *,
    label_column: int,
    value_column: int,
    first_row: int,
    last_row: int,
    percent: bool = False,
    horizontal: bool = False,
    marked: list[int] | None = None,
    series_title: str = "",
):
    """A bar chart of ``value_column`` named by ``label_column`` over rows
    ``first_row``..``last_row`` (1-based sheet coordinates); ``marked``: the positions
    (0-based) of the bars to hatch."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.data_source import AxDataSource, StrRef
    from openpyxl.chart.label import DataLabelList
    from openpyxl.chart.marker import DataPoint
    from openpyxl.chart.series import SeriesLabel
    from openpyxl.drawing.fill import ColorChoice, PatternFillProperties

    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.title = title
    chart.legend = None
    bars = last_row - first_row + 1
    # room for every label: a bar across is about 0.6 cm high with its gap
    chart.width, chart.height = 16, max(7.5, 2.5 + 0.6 * bars) if horizontal else 7.5
    values = Reference(ws, min_col=value_column, min_row=first_row, max_row=last_row)
    chart.add_data(values, titles_from_data=False)
    labels = Reference(ws, min_col=label_column, min_row=first_row, max_row=last_row)
    series = chart.series[0]
    series.cat = AxDataSource(strRef=StrRef(f=str(labels)))  # labels are text, not numbers
    if series_title:
        series.tx = SeriesLabel(v=series_title)
    series.graphicalProperties.solidFill = GREY
    series.graphicalProperties.line.solidFill = BLACK
    for index in marked or []:
        point = DataPoint(idx=index)
        point.graphicalProperties.pattFill = PatternFillProperties(
            prst="wdDnDiag", fgClr=ColorChoice(srgbClr=BLACK), bgClr=ColorChoice(srgbClr=GREY)
        )
        point.graphicalProperties.line.solidFill = BLACK
        series.dPt.append(point)
    chart.dataLabels = DataLabelList()
    chart.dataLabels.showVal = True
    for shown in ("showCatName", "showSerName", "showLegendKey", "showPercent"):
        setattr(chart.dataLabels, shown, False)  # else LibreOffice prints them all
    if percent:
        chart.dataLabels.numFmt = "0.0%"
        chart.y_axis.number_format = "0%"
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 1
    else:
        chart.y_axis.scaling.min = 0
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.majorGridlines = None
    if horizontal:
        chart.x_axis.scaling.orientation = "maxMin"  # the table's order, top to bottom
    chart.gapWidth = 60
    return chart


def add_section_charts(ws, section: Section, header: int, column: int) -> None:
    """The section's charts beside its table (whose header row is ``header``), one under
    the other from column ``column``. Each points at the table's own cells."""
    from openpyxl.utils import get_column_letter

    if section.table is None:
        return
    top = header
    for spec in section.charts:
        data = chart_data(section.table, spec)
        if not data.rows:
            continue
        first, last = header + 1 + data.rows[0], header + 1 + data.rows[-1]
        chart = bar_chart(
            ws,
            _title(spec),
            label_column=spec.label_column + 1,
            value_column=spec.value_columns[0] + 1,
            first_row=first,
            last_row=last,
            percent=spec.percent,
            horizontal=spec.horizontal,
            marked=[i for i, m in enumerate(data.marked) if m],
            series_title=data.series[0][0],
        )
        ws.add_chart(chart, f"{get_column_letter(column)}{top}")
        top += int(chart.height / ROW_CM) + 2


def _title(spec: TableChart) -> str:
    """The threshold is named in the title: Excel has no line of a fixed value without a
    column of it, and the sheet keeps only the report's figures. (What the hatching means
    is said in the sheet's text above the table.)"""
    if spec.threshold_label:
        return f"{spec.title} ({spec.threshold_label[:1].lower()}{spec.threshold_label[1:]})"
    return spec.title
