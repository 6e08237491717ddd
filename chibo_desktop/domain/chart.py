"""A chart as a view of a report table: which rows and columns of the table it draws.

The chart holds no figures of its own. The PDF and the workbook read its bars from the
table the service built (`chart_data`), so a chart can never disagree with the table
printed beside it; in the workbook it points at the very cells of that table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .report import Heading, Table


@dataclass(frozen=True)
class TableChart:
    title: str
    label_column: int  # the column whose cells name the bars
    value_columns: tuple[int, ...]  # one series per column (side by side)
    group: str = ""  # only the rows under this Heading ("" = every row of the table)
    percent: bool = False  # the values are shares (0..1), drawn as percentages
    threshold: float | None = None  # a line across the bars (e.g. the attendance target)
    threshold_label: str = ""
    marked_column: int | None = None  # a truthy cell here hatches the bar (e.g. drafts)
    marked_label: str = ""  # what the hatching means, for the legend
    horizontal: bool = False  # bars across (long labels), else upright


@dataclass
class ChartData:
    """The chart's bars as read from its table, and where they sit in it."""

    title: str
    categories: list[str]
    series: list[tuple[str, list[float | None]]]  # (column label, one value per category)
    rows: list[int] = field(default_factory=list)  # index in Table.rows of each category
    marked: list[bool] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.categories or all(not v for _label, values in self.series for v in values)


def chart_rows(table: Table, chart: TableChart) -> list[int]:
    """Indexes in ``table.rows`` of the rows the chart draws (data rows, no headings)."""
    picked: list[int] = []
    inside = not chart.group
    for index, row in enumerate(table.rows):
        if isinstance(row, Heading):
            if chart.group:
                inside = row.text == chart.group
            continue
        if inside:
            picked.append(index)
    return picked


def chart_data(table: Table, chart: TableChart) -> ChartData:
    rows = chart_rows(table, chart)
    categories = [str(table.rows[i][chart.label_column]) for i in rows]
    series = []
    for column in chart.value_columns:
        values = []
        for i in rows:
            value = table.rows[i][column]
            values.append(float(value) if isinstance(value, int | float) else None)
        series.append((table.columns[column].label, values))
    marked = [
        bool(table.rows[i][chart.marked_column]) if chart.marked_column is not None else False
        for i in rows
    ]
    return ChartData(chart.title, categories, series, rows, marked)
