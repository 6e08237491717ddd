"""The parts of the blank minutes form that differ from the filled one: a register to tick
and room to write, laid out with the filled form's sections."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from ...domain.meetings import not_summoned_label
from .common import DotLine, data_table, styles, text
from .minutes import DOTS, MinutesInput, heading

CONTENT_LINES = 5
DISCUSSION_LINES = 6
CONCLUSION_LINES = 2


def blank_attendance(data: MinutesInput, width: float) -> list:
    """STT, name, the three tick columns, then "Ghi chú"; those not summoned below it."""
    s = styles()
    listed = [a for a in data.meeting.attendance if a.state not in ("exempt", "away")]
    apart = [a for a in data.meeting.attendance if a.state in ("exempt", "away")]
    ticks = 20 * mm
    widths = [10 * mm, width - 10 * mm - 3 * ticks - 34 * mm, ticks, ticks, ticks, 34 * mm]
    labels = ("STT", "Họ và tên", "Có mặt", "Vắng có lý do", "Vắng không lý do", "Ghi chú")
    rows = [[Paragraph(label, s.cell_bold) for label in labels]]
    for number, a in enumerate(listed, start=1):
        note = "dự bị" if a.membership != "chinh_thuc" else ""
        if a.attachment == "temporary":
            note = "sinh hoạt tạm thời"
        rows.append(
            [
                Paragraph(str(number), s.cell_center),
                Paragraph(text(a.name), s.cell),
                "",
                "",
                "",
                Paragraph(note, s.cell),
            ]
        )
    out: list = [Spacer(1, 4), data_table(rows, widths)]
    if apart:
        names = "; ".join(f"{a.name} ({not_summoned_label(a)})" for a in apart)
        out.append(Spacer(1, 4))
        out.append(Paragraph("- Không tính vào số phải dự: " + text(names) + ".", s.body))
    return out


def _lines(width: float, count: int) -> list:
    return [DotLine(width) for _n in range(count)]


def _block(title: list, width: float, count: int) -> list:
    """A heading and its lines to write on, kept on one page: no dotted line is left alone
    at the top of the next."""
    return [KeepTogether([*title, *_lines(width, count)])]


def blank_content(data: MinutesInput, width: float, item_style, label_style) -> list:
    """Per agenda item: room for its content, the discussion and the conclusion; then
    "III. BIỂU QUYẾT" as in the filled minutes."""
    s = styles()
    out: list = []
    for number, item in enumerate(data.meeting.agenda or [], start=1):
        title = heading(f"{number}. {text(item.title)}", item_style)
        out += title[:1]  # the page-break guard stays outside the kept block
        out += _block(title[1:], width, CONTENT_LINES)
        out += _block([Paragraph("Ý kiến thảo luận:", label_style)], width, DISCUSSION_LINES)
        out += _block([Paragraph("Kết luận:", label_style)], width, CONCLUSION_LINES)
    vote = Paragraph(
        f"Tán thành: {DOTS} đồng chí; không tán thành: {DOTS}; không biểu quyết: {DOTS}; "
        f"vắng: {DOTS}.",
        s.body,
    )
    title = heading("III. BIỂU QUYẾT", item_style)
    out += title[:1]
    out += _block([*title[1:], *_lines(width, 2), vote], width, 1)
    return out
