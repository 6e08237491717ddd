"""Bản tự kiểm điểm "tự soi, tự sửa" of one member, printed to sign.

Sensitive: produced one member at a time from the member's own record, never in lists.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

from ...domain.campaign import SelfReview, Template
from ..letterhead import Letterhead
from .closing import ClosingTable
from .document import build_document
from .layout import (
    DotLine,
    data_table,
    frame_width,
    header_block,
    signature_block,
    styles,
    text,
)


def subtitle(campaign_title: str) -> str:
    """The line under the title, naming "Tự soi, tự sửa" once."""
    if "tự soi, tự sửa" in campaign_title.lower():
        return campaign_title
    return f"“Tự soi, tự sửa” — {campaign_title}" if campaign_title else "“Tự soi, tự sửa”"


CHECK_HEADER = ("TT", "Biểu hiện / điều cấm", "Không có", "Có biểu hiện", "Ghi chú")
PROHIBITIONS = "19 điều đảng viên không được làm (Quy định 37-QĐ/TW)"


def check_groups(review: SelfReview, template: Template) -> dict[str, list[list[str]]]:
    """The rows of each group (the 9 + 9 + 9 manifestations, the 19 prohibitions): TT,
    the entry, X under "Không có" or "Có biểu hiện", the note."""
    groups: dict[str, list[list[str]]] = {}
    for ref, group, entry in template.review_refs():
        rows = groups.setdefault(group or PROHIBITIONS, [])
        present, note = review.marks.get(ref, (False, ""))
        marked = ref in review.marks
        absent_mark = "X" if marked and not present else ""
        rows.append([str(len(rows) + 1), entry, absent_mark, "X" if present else "", note])
    return groups


def identity(review: SelfReview, head: Letterhead, position: str) -> list[str]:
    lines = [f"Họ và tên: {review.full_name}"]
    if position:
        lines.append(f"Chức vụ trong chi bộ: {position}")
    return [*lines, f"Sinh hoạt tại: {head.cell}"]


CHECK_TITLE = "Tự đối chiếu với 27 biểu hiện suy thoái và 19 điều đảng viên không được làm"


def _check_tables(
    review: SelfReview, template: Template, width: float, ending: list, keep_rows: int
) -> list:
    """One table per group; its header and the group's name repeat on every page the
    group runs onto."""
    s = styles()
    c, cc = s.cell, s.cell_center
    header = [Paragraph(f"<b>{text(label)}</b>", s.cell_bold) for label in CHECK_HEADER]
    groups: dict[str, list] = {}
    for heading, entries in check_groups(review, template).items():
        rows = [header, [Paragraph(f"<b>{text(heading)}</b>", c)]]
        rows += [
            [Paragraph(text(v), c if i in (1, 4) else cc) for i, v in enumerate(row)]
            for row in entries
        ]
        groups[heading] = rows
    widths = [9 * mm, width - 79 * mm, 17 * mm, 19 * mm, 34 * mm]
    group_row = [("SPAN", 1), ("BACKGROUND", 1, "#f4f4f4")]
    out: list = []
    tables = list(groups.values())
    for rows in tables[:-1]:
        table = data_table(rows, widths, header_rows=2)
        table.setStyle([("SPAN", (0, 1), (-1, 1)), ("BACKGROUND", (0, 1), (-1, 1), "#f4f4f4")])
        out += [CondPageBreak(45 * mm), table, Spacer(1, 3 * mm)]
    if tables:
        last = ClosingTable(tables[-1], widths, ending, header_rows=2, row_commands=group_row)
        out += [CondPageBreak(45 * mm), *last.flowables(keep_rows)]
    else:
        out.append(KeepTogether(ending))
    return out


def review_story(
    review: SelfReview,
    template: Template,
    campaign_title: str,
    head: Letterhead,
    position: str,
    keep_rows: int = 0,
) -> list:
    s = styles()
    width = frame_width()
    story: list = [header_block(head, width), Spacer(1, 6 * mm)]
    story.append(Paragraph("BẢN TỰ KIỂM ĐIỂM", s.title))
    story.append(Paragraph(text(subtitle(campaign_title)), s.subtitle))
    story.append(Paragraph("-----", s.center))
    story.append(Spacer(1, 4 * mm))
    story += [Paragraph(text(line), s.body_left) for line in identity(review, head, position)]
    for number, heading in enumerate(template.review_headings, start=1):
        story.append(CondPageBreak(s.heading.leading * 3))
        story.append(Paragraph(text(f"{number}. {heading}"), s.heading))
        body = review.sections.get(heading, "")
        if body.strip():
            story += [Paragraph(text(p), s.body) for p in body.split("\n") if p.strip()]
        else:
            story += [DotLine(frame_width()) for _n in range(3)]

    story.append(CondPageBreak(s.heading.leading * 5))
    story.append(
        Paragraph(
            text(CHECK_TITLE),
            s.heading,
        )
    )
    ending = [
        Spacer(1, 6 * mm),
        signature_block(None, ("NGƯỜI TỰ KIỂM ĐIỂM", review.full_name), width),
    ]
    story += _check_tables(review, template, width, ending, keep_rows)
    return story


def write_self_review_pdf(
    path: str | Path,
    review: SelfReview,
    template: Template,
    campaign_title: str,
    head: Letterhead,
    position: str = "",
) -> Path:
    return build_document(
        path,
        lambda keep_rows: review_story(review, template, campaign_title, head, position, keep_rows),
        title="Bản tự kiểm điểm",
    )
