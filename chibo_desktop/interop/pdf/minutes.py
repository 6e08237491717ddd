"""Printed minutes of a cell meeting (biên bản sinh hoạt chi bộ) and the blank form."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    Spacer,
)

from ...domain.meeting_documents import spoken_time
from ...domain.meetings import Counts, Meeting, vote_passed
from ...i18n import format_percent
from .document import build_document
from .layout import (
    frame_width,
    header_block,
    heading,
    keep_together,
    register_fonts,
    signature_block,
    styles,
    text,
)
from .minutes_blank import blank_attendance, blank_content
from .minutes_input import DOTS, MinutesInput


def lower_first(value: str) -> str:
    """'Đi công tác' -> 'đi công tác' after a colon; 'UBND phường' stays as typed."""
    if len(value) > 1 and value[0].isupper() and value[1].islower():
        return value[0].lower() + value[1:]
    return value


def time_text(value: str) -> str:
    """'19:30' -> '19 giờ 30 phút'."""
    return spoken_time(value)


def long_date(meeting: Meeting, undated: bool = False) -> str:
    if undated:
        return f"ngày {DOTS} tháng {DOTS} năm {DOTS}"
    d = meeting.date
    return f"ngày {d.day:02d} tháng {d.month} năm {d.year}"


def people(n: int) -> str:
    return f"{n} đồng chí" if n else "0"


def split_text(counts_first: int, official: int, probationary: int, temporary: int) -> str:
    parts = [f"chính thức: {official}", f"dự bị: {probationary}"]
    if temporary:
        parts.append(f"sinh hoạt tạm thời: {temporary}")
    return f"{people(counts_first)} ({'; '.join(parts)})" if counts_first else "0"


def attendance_lines(data: MinutesInput, *, blank: bool = False) -> list[str]:
    """The lines of section I (THÀNH PHẦN), as printed."""
    m, c = data.meeting, data.counts
    lines = []
    if m.guests:
        guests = "; ".join(
            f"đồng chí {g.name}" + (f", {g.role}" if g.role else "") for g in m.guests
        )
        lines.append(f"Đại biểu cấp trên: {guests}.")
    lines.append(
        "Tổng số đảng viên: "
        + split_text(c.total, c.total_official, c.total_probationary, c.total_temporary)
        + "."
    )
    away = f"Miễn sinh hoạt: {people(c.exempt)}; đi sinh hoạt tạm thời nơi khác: {people(c.away)}"
    if c.suspended:
        away += f"; đình chỉ sinh hoạt: {people(c.suspended)}"
    lines.append(away + ".")
    if blank:
        lines += [
            f"Có mặt: {DOTS} đồng chí (chính thức: {DOTS}; dự bị: {DOTS}).",
            f"Vắng có lý do: {DOTS} đồng chí; vắng không lý do: {DOTS} đồng chí.",
            f"Chủ trì: đồng chí {m.chair_name or DOTS * 3}.",
            f"Thư ký: đồng chí {m.secretary_name or DOTS * 3}.",
        ]
        return lines
    present = "Có mặt: " + split_text(
        c.present, c.present_official, c.present_probationary, c.present_temporary
    )
    if c.exempt_present:
        present += f"; trong đó {people(c.exempt_present)} được miễn sinh hoạt vẫn dự họp"
    lines.append(present + ".")
    if c.excused:
        reasons = "; ".join(
            f"{name}: {lower_first(reason)}" if reason else name for name, reason in c.excused
        )
        lines.append(f"Vắng có lý do: {people(len(c.excused))} ({reasons}).")
    else:
        lines.append("Vắng có lý do: 0.")
    if c.absent:
        lines.append(f"Vắng không lý do: {people(len(c.absent))} ({', '.join(c.absent)}).")
    else:
        lines.append("Vắng không lý do: 0.")
    lines.append(
        f"Số đảng viên có quyền biểu quyết: {people(c.voting_base)}; nghị quyết được thông qua "
        f"khi có từ {c.threshold} đồng chí tán thành trở lên."
    )
    for label, name, position in (
        ("Chủ trì", m.chair_name, m.chair_position),
        ("Thư ký", m.secretary_name, m.secretary_position),
    ):
        lines.append(f"{label}: đồng chí {name}" + (f", {position}" if position else "") + ".")
    return lines


def vote_text(votes_for: int, against: int, abstain: int, counts: Counts) -> str:
    base = counts.voting_base
    share = f" ({format_percent(votes_for / base, document=True)})" if base else ""
    verdict = "Thông qua" if vote_passed(votes_for, counts) else "Không thông qua"
    absent = f"; vắng: {counts.voters_absent}" if counts.voters_absent else ""
    return (
        f"Tán thành: {votes_for}/{base} đồng chí{share}; không tán thành: {against}; "
        f"không biểu quyết: {abstain}{absent}. {verdict}."
    )


def opening_sentence(data: MinutesInput, blank: bool) -> str:
    m = data.meeting
    start = time_text("" if blank else m.start_time)
    place = m.place or DOTS * 4
    title = m.title[:1].lower() + m.title[1:] if m.title else "sinh hoạt chi bộ"
    return (
        f"Hôm nay, vào lúc {start}, {long_date(m, data.undated)}, tại {place}, "
        f"{data.cell_name} tổ chức {title}."
    )


def story(data: MinutesInput, *, blank: bool = False) -> list:
    s = styles()
    width = frame_width()
    m = data.meeting
    body, head = s.body, s.heading
    item_style = ParagraphStyle("item", parent=head, spaceBefore=4)
    label_style = ParagraphStyle("label", parent=s.body_left, fontName=register_fonts() + "-Italic")
    out: list = [
        header_block(data.head, width),
        Paragraph("BIÊN BẢN", s.title),
        Paragraph(keep_together(m.title), s.subtitle),
        Paragraph("-----", s.center),
        Spacer(1, 6),
        Paragraph(text(opening_sentence(data, blank)), body),
        *heading("I. THÀNH PHẦN", head),
    ]
    out += [Paragraph("- " + text(line), body) for line in attendance_lines(data, blank=blank)]
    if blank:
        out += blank_attendance(data, width)
        out += heading("II. NỘI DUNG", head)
        out += blank_content(data, width, item_style, label_style)
    else:
        out += heading("II. NỘI DUNG", head)
        out += _content(data, body, item_style, label_style)
    signatures = signature_block(("THƯ KÝ", m.secretary_name), ("CHỦ TRÌ", m.chair_name), width)
    # The closing lines and the signatures go over together with the last thing recorded
    # (a vote, a conclusion), so that no page holds only "the meeting closed" and names.
    ending = [*_closing(data, blank, body, width), Spacer(1, 8), signatures]
    pulled = 0
    while out and isinstance(out[-1], Paragraph):
        if pulled >= 2 and out[-1].style.name not in ("item", "heading", "label"):
            break  # two lines of text, and the heading they sit under
        ending.insert(0, out.pop())
        pulled += 1
    out.append(KeepTogether(ending))
    return out


def _content(data: MinutesInput, body, item_style, label_style) -> list:
    m, out = data.meeting, []
    if m.opening:
        out.append(Paragraph(text(m.opening), body))
    if m.topic:
        who = f"; đồng chí {m.presenter} trình bày" if m.presenter else ""
        out.append(Paragraph(text(f"Chuyên đề: {m.topic}{who}."), body))
    if m.documents:
        out += heading("Các văn bản được phổ biến:", label_style)
        out += [Paragraph("- " + text(d), body) for d in m.documents]
    by_item: dict[int | None, list] = {}
    for d in m.discussions:
        key = d.item if d.item is not None and 0 <= d.item < len(m.agenda) else None
        by_item.setdefault(key, []).append(d)

    def discussion(entries) -> list:
        parts = heading("Ý kiến thảo luận:", label_style)
        for d in entries:
            parts.append(Paragraph(f"- Đồng chí <b>{text(d.speaker)}</b>: {text(d.text)}", body))
        return parts

    for number, item in enumerate(m.agenda, start=1):
        out += heading(f"{number}. {text(item.title)}", item_style)
        if item.content:
            out.append(Paragraph(text(item.content), body))
        if number - 1 in by_item:
            out += discussion(by_item[number - 1])
        if item.conclusion:
            out.append(Paragraph(f"<i>Kết luận:</i> {text(item.conclusion)}", body))
    if None in by_item:
        out += heading(f"{len(m.agenda) + 1}. Thảo luận chung", item_style)
        out += discussion(by_item[None])
    if m.resolutions:
        out += heading("III. BIỂU QUYẾT", item_style)
        for number, r in enumerate(m.resolutions, start=1):
            out.append(Paragraph(f"{number}. {text(r.text)}", body))
            out.append(
                Paragraph(
                    text(vote_text(r.votes_for, r.votes_against, r.votes_abstain, data.counts)),
                    body,
                )
            )
    return out


def closing_lines(data: MinutesInput, blank: bool) -> list[str]:
    """The approval of the minutes and the hour the meeting ended."""
    m = data.meeting
    if blank:
        return [
            f"Biên bản đã được đọc lại trước chi bộ; tán thành: {DOTS} đồng chí; "
            f"không tán thành: {DOTS}; không biểu quyết: {DOTS}.",
            f"Buổi sinh hoạt kết thúc lúc {time_text('')} cùng ngày.",
        ]
    if m.approval_for is not None:
        present = data.counts.present
        share = f" ({format_percent(m.approval_for / present, document=True)})" if present else ""
        approved = (
            "Biên bản đã được đọc lại trước chi bộ và được thông qua với "
            f"{m.approval_for}/{present} đồng chí có mặt tán thành{share}"
            f"; không tán thành: {m.approval_against or 0}"
            f"; không biểu quyết: {m.approval_abstain or 0}."
        )
    else:
        approved = "Biên bản đã được đọc lại trước chi bộ."
    end = f"Buổi sinh hoạt kết thúc lúc {time_text(m.end_time or '')} cùng ngày."
    return [approved, end]


def _closing(data: MinutesInput, blank: bool, body, width) -> list:
    lines = [Paragraph(text(line), body) for line in closing_lines(data, blank)]
    return [Spacer(1, 6), *lines] if blank else lines


def build_minutes(path: str | Path, data: MinutesInput, *, blank: bool = False) -> Path:
    title = ("Mẫu biên bản - " if blank else "Biên bản - ") + data.meeting.title
    draft = not blank and not data.meeting.final
    return build_document(path, story(data, blank=blank), title=title, draft=draft)
