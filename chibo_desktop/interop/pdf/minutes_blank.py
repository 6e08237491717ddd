"""The parts of the blank minutes form that differ from the filled one: a register to tick
and room to write, laid out with the filled form's sections."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from ...domain.meetings import not_summoned_label
from .layout import DotLine, data_table, heading, styles, text
from .minutes_input import DOTS, MinutesInput

CONTENT_LINES = 5
DISCUSSION_LINES = 6
CONCLUSION_LINES = 2


REGISTER_LABELS = ("STT", "Họ và tên", "Có mặt", "Vắng có lý do", "Vắng không lý do", "Ghi chú")
VOTE_LINE = (
    f"Tán thành: {DOTS} đồng chí; không tán thành: {DOTS}; không biểu quyết: {DOTS}; vắng: {DOTS}."
)


def blank_register(data: MinutesInput) -> tuple[list[tuple[str, str, str]], str]:
    """(STT, name, note) of those summoned, and the line naming those who are not."""
    listed = [a for a in data.meeting.attendance if a.state not in ("exempt", "away")]
    apart = [a for a in data.meeting.attendance if a.state in ("exempt", "away")]
    rows = []
    for number, a in enumerate(listed, start=1):
        note = "dự bị" if a.membership != "chinh_thuc" else ""
        if a.attachment == "temporary":
            note = "sinh hoạt tạm thời"
        rows.append((str(number), a.name, note))
    names = "; ".join(f"{a.name} ({not_summoned_label(a)})" for a in apart)
    return rows, f"- Không tính vào số phải dự: {names}." if apart else ""


def blank_attendance(data: MinutesInput, width: float) -> list:
    """STT, name, the three tick columns, then "Ghi chú"; those not summoned below it."""
    s = styles()
    ticks = 20 * mm
    widths = [10 * mm, width - 10 * mm - 3 * ticks - 34 * mm, ticks, ticks, ticks, 34 * mm]
    rows = [[Paragraph(label, s.cell_bold) for label in REGISTER_LABELS]]
    listed, apart = blank_register(data)
    for number, name, note in listed:
        rows.append(
            [
                Paragraph(number, s.cell_center),
                Paragraph(text(name), s.cell),
                "",
                "",
                "",
                Paragraph(note, s.cell),
            ]
        )
    out: list = [Spacer(1, 4), data_table(rows, widths)]
    if apart:
        out.append(Spacer(1, 4))
        out.append(Paragraph(text(apart), s.body))
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
    vote = Paragraph(VOTE_LINE, s.body)
    title = heading("III. BIỂU QUYẾT", item_style)
    out += title[:1]
    out += _block([*title[1:], *_lines(width, 2), vote], width, 1)
    return out
