"""Bar charts on paper (reportlab.graphics), readable when printed in black and white:
grey bars with their number printed on them, hatching (not colour) for a marked bar, a
dashed line with its label for a threshold. Text in the document's serif, so Vietnamese
prints with its marks."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from ...domain.campaign import figures
from ...domain.chart import ChartData, TableChart, chart_data
from ...domain.report import Section
from ...i18n import format_percent
from .fonts import register_fonts

BAR = "#7f7f7f"  # mid grey: prints the same on any printer
BAR_EDGE = "#000000"
SIZE = 10  # points: labels and numbers
TITLE_SIZE = 11
BAR_HEIGHT = 14  # horizontal bars: thickness
GAP = 6
HORIZONTAL_MAX = 460  # points: a bar across a landscape page is hard to follow


def _value_text(value: float | None, percent: bool) -> str:
    if value is None:
        return "–"
    if percent:
        return format_percent(value, document=True)
    return f"{value:g}"


def _hatch(d: Drawing, x: float, y: float, w: float, h: float) -> None:
    """Diagonal lines inside a rectangle (the bar stays readable without colour)."""
    step = 4.0
    k = -h
    while k < w:
        x0, y0 = x + max(k, 0), y + max(-k, 0)
        run = min(w - max(k, 0), h - max(-k, 0))
        if run > 0:
            d.add(Line(x0, y0, x0 + run, y0 + run, strokeColor=BAR_EDGE, strokeWidth=0.6))
        k += step


def _fitted(text: str, font: str, room: float) -> str:
    """The label cut with "…" where it would run into the bars."""
    if stringWidth(text, font, SIZE) <= room:
        return text
    while text and stringWidth(text + "…", font, SIZE) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def _title(d: Drawing, text: str, width: float, top: float, font: str) -> None:
    d.add(String(0, top - TITLE_SIZE, text, fontName=font + "-Bold", fontSize=TITLE_SIZE))


def label_width(categories: list[str]) -> float:
    font = register_fonts()
    return max([stringWidth(c, font, SIZE) for c in categories] + [40]) + 8


def horizontal_chart(
    data: ChartData, chart: TableChart, width: float, label_w: float | None = None
) -> Drawing:
    """One bar per row, label on the left, the number at the bar's end."""
    font = register_fonts()
    values = data.series[0][1]
    width = min(width, HORIZONTAL_MAX)
    label_w = min(label_w or label_width(data.categories), width * 0.45)
    number_w = 48
    top_room = TITLE_SIZE + 8
    height = top_room + len(values) * (BAR_HEIGHT + GAP) + 4
    d = Drawing(width, height, initialFontName=font, initialFontSize=SIZE)
    _title(d, data.title, width, height, font)
    room = width - label_w - number_w
    biggest = max([v for v in values if v] + [1.0 if chart.percent else 1])
    scale = room / (1.0 if chart.percent else biggest)
    y = height - top_room - BAR_HEIGHT
    for label, value, marked in zip(data.categories, values, data.marked, strict=True):
        d.add(String(0, y + 3, _fitted(label, font, label_w - 6), fontName=font, fontSize=SIZE))
        w = (value or 0) * scale
        if w > 0:
            d.add(Rect(label_w, y, w, BAR_HEIGHT, fillColor=BAR, strokeColor=BAR_EDGE))
            if marked:
                _hatch(d, label_w, y, w, BAR_HEIGHT)
        text = _value_text(value, chart.percent)
        d.add(String(label_w + w + 4, y + 3, text, fontName=font + "-Bold", fontSize=SIZE))
        y -= BAR_HEIGHT + GAP
    d.add(Line(label_w, 2, label_w, height - top_room + 2, strokeColor=BAR_EDGE))
    return d


def vertical_chart(data: ChartData, chart: TableChart, width: float, height: float) -> Drawing:
    """Upright bars with the value above each, the category under it, an optional dashed
    threshold line and a legend for hatched bars."""
    font = register_fonts()
    values = data.series[0][1]
    d = Drawing(width, height, initialFontName=font, initialFontSize=SIZE)
    _title(d, data.title, width, height, font)
    has_marked = bool(chart.marked_label) and any(data.marked)
    legend_h = SIZE + 8 if has_marked or chart.threshold is not None else 0
    bottom = SIZE + 8 + legend_h  # room for the category labels (and the legend)
    top = height - TITLE_SIZE - 8 - SIZE - 4  # room for the numbers above the bars
    left = 30
    plot_w = width - left - 4
    biggest = 1.0 if chart.percent else max([v for v in values if v] + [1.0])
    scale = (top - bottom) / biggest
    n = max(len(values), 1)
    slot = plot_w / n
    bar_w = min(slot * 0.7, 40)
    # the axis: 0, 50 %, 100 % (or 0 and the largest value)
    numbers: list[tuple[float, float, str, int]] = []
    ticks = (0.0, 0.5, 1.0) if chart.percent else (0.0, biggest)
    for tick in ticks:
        y = bottom + tick * scale
        d.add(Line(left, y, left + plot_w, y, strokeColor="#cccccc", strokeWidth=0.4))
        label = _value_text(tick, chart.percent)
        d.add(String(left - 3, y - 3, label, fontName=font, fontSize=SIZE - 2, textAnchor="end"))
    for i, (label, value, marked) in enumerate(
        zip(data.categories, values, data.marked, strict=True)
    ):
        x = left + i * slot + (slot - bar_w) / 2
        h = (value or 0) * scale
        if h > 0:
            d.add(Rect(x, bottom, bar_w, h, fillColor=BAR, strokeColor=BAR_EDGE))
            if marked:
                _hatch(d, x, bottom, bar_w, h)
        elif marked:  # nothing done yet, but marked: a hatched stub shows it
            d.add(Rect(x, bottom, bar_w, 8, fillColor="#ffffff", strokeColor=BAR_EDGE))
            _hatch(d, x, bottom, bar_w, 8)
            h = 8
        size = SIZE if slot > 34 else SIZE - 2
        numbers.append((x + bar_w / 2, bottom + h + 3, _value_text(value, chart.percent), size))
        d.add(
            String(
                x + bar_w / 2,
                bottom - SIZE - 2,
                label,
                fontName=font,
                fontSize=size,
                textAnchor="middle",
            )
        )
    d.add(Line(left, bottom, left + plot_w, bottom, strokeColor=BAR_EDGE))
    if chart.threshold is not None:
        y = bottom + chart.threshold * scale
        d.add(Line(left, y, left + plot_w, y, strokeColor=BAR_EDGE, strokeDashArray=[4, 3]))
    # the numbers over the bars, on a white ground so the threshold line never crosses them
    for x, y, text, size in numbers:
        w = stringWidth(text, font + "-Bold", size)
        d.add(Rect(x - w / 2 - 1, y - 2, w + 2, size + 1, fillColor="#ffffff", strokeColor=None))
        d.add(String(x, y, text, fontName=font + "-Bold", fontSize=size, textAnchor="middle"))
    if legend_h:
        x = left
        if chart.threshold is not None and chart.threshold_label:
            d.add(Line(x, 7, x + 18, 7, strokeColor=BAR_EDGE, strokeDashArray=[4, 3]))
            d.add(String(x + 24, 3, chart.threshold_label, fontName=font, fontSize=SIZE - 1))
            x += 24 + stringWidth(chart.threshold_label, font, SIZE - 1) + 18
        if has_marked:
            d.add(Rect(x, 2, 14, SIZE, fillColor=BAR, strokeColor=BAR_EDGE))
            _hatch(d, x, 2, 14, SIZE)
            d.add(String(x + 20, 3, chart.marked_label, fontName=font, fontSize=SIZE - 1))
    return d


def chart_drawing(
    data: ChartData, chart: TableChart, width: float, label_w: float | None = None
) -> Drawing:
    if chart.horizontal:
        return horizontal_chart(data, chart, width, label_w)
    return vertical_chart(data, chart, width, 190)


def section_charts(section: Section, width: float) -> list:
    """The drawings of a section's charts, each kept whole on a page, with a little room."""
    from reportlab.platypus import KeepTogether, Spacer

    if section.table is None or not section.charts:
        return []
    out: list = []
    drawn = [(chart, chart_data(section.table, chart)) for chart in section.charts]
    drawn = [(chart, data) for chart, data in drawn if not data.empty]
    # the bars of charts one under the other start at the same place
    labels = [c for chart, data in drawn if chart.horizontal for c in data.categories]
    label_w = label_width(labels) if labels else None
    for chart, data in drawn:
        out.append(KeepTogether([Spacer(1, 8), chart_drawing(data, chart, width, label_w)]))
    return out


def campaign_charts(state, width: float) -> tuple[list, list]:
    """(progress of each step, share of members per item): the steps under the steps'
    table, numbered as its rows; the items from the same `figures` as the figures' table."""
    from reportlab.platypus import KeepTogether, Spacer

    steps = ChartData(
        "Tiến độ từng bước (số thứ tự như bảng trên)",
        [str(n) for n in range(1, len(state.steps) + 1)],
        [("Tiến độ", [s.progress for s in state.steps])],
        marked=[s.shown_status == "overdue" for s in state.steps],
    )
    step_spec = TableChart(
        steps.title, 0, (1,), percent=True, marked_column=2, marked_label="Quá hạn"
    )
    items = figures(state)[1:]
    shares = ChartData(
        "Tỷ lệ đảng viên đã thực hiện từng nội dung",
        [f.label for f in items],
        [("Tỷ lệ", [f.share for f in items])],
        marked=[False] * len(items),
    )
    share_spec = TableChart(shares.title, 0, (1,), percent=True, horizontal=True)
    first = (
        [KeepTogether([Spacer(1, 6), vertical_chart(steps, step_spec, width, 170)])]
        if state.steps
        else []
    )
    second = (
        [KeepTogether([Spacer(1, 6), horizontal_chart(shares, share_spec, width)])]
        if items and state.active_members
        else []
    )
    return first, second
