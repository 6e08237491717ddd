"""Bản tự kiểm điểm "tự soi, tự sửa" of one member, printed to sign.

Sensitive: produced one member at a time from the member's own record, never in lists.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from ...domain.campaign import SelfReview, Template
from ...i18n import _
from ..letterhead import Letterhead
from .common import (
    build_document,
    data_table,
    frame_width,
    header_block,
    signature_block,
    styles,
    text,
)

DOTS = "." * 120


def review_story(
    review: SelfReview, template: Template, campaign_title: str, head: Letterhead, position: str
) -> list:
    s = styles()
    width = frame_width()
    story: list = [header_block(head, width), Spacer(1, 6 * mm)]
    story.append(Paragraph("BẢN TỰ KIỂM ĐIỂM", s.title))
    story.append(
        Paragraph(text(_("“Tự soi, tự sửa” — {title}").format(title=campaign_title)), s.subtitle)
    )
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(text(_("Họ và tên: {name}").format(name=review.full_name)), s.body_left))
    if position:
        story.append(
            Paragraph(text(_("Chức vụ trong chi bộ: {p}").format(p=position)), s.body_left)
        )
    story.append(Paragraph(text(_("Sinh hoạt tại: {cell}").format(cell=head.cell)), s.body_left))
    for number, heading in enumerate(template.review_headings, start=1):
        story.append(Paragraph(text(f"{number}. {heading}"), s.heading))
        body = review.sections.get(heading, "")
        if body.strip():
            story += [Paragraph(text(p), s.body) for p in body.split("\n") if p.strip()]
        else:
            story += [Paragraph(DOTS, s.body_left) for _n in range(3)]

    story.append(
        Paragraph(
            text(_("Tự đối chiếu với 27 biểu hiện suy thoái và 19 điều đảng viên không được làm")),
            s.heading,
        )
    )
    c, cc = s.cell, s.cell_center
    rows = [
        [
            Paragraph("<b>TT</b>", s.cell_bold),
            Paragraph(f"<b>{text(_('Biểu hiện / điều cấm'))}</b>", s.cell_bold),
            Paragraph(f"<b>{text(_('Không có'))}</b>", s.cell_bold),
            Paragraph(f"<b>{text(_('Có biểu hiện'))}</b>", s.cell_bold),
            Paragraph(f"<b>{text(_('Ghi chú'))}</b>", s.cell_bold),
        ]
    ]
    group_rows = []
    last_group = None
    number = 0
    for ref, group, entry in template.review_refs():
        heading = group or _("19 điều đảng viên không được làm (Quy định 37-QĐ/TW)")
        if heading != last_group:
            last_group = heading
            number = 0
            group_rows.append(len(rows))
            rows.append([Paragraph(f"<b>{text(heading)}</b>", c), "", "", "", ""])
        number += 1
        present, note = review.marks.get(ref, (False, ""))
        marked = ref in review.marks
        rows.append(
            [
                Paragraph(str(number), cc),
                Paragraph(text(entry), c),
                Paragraph("X" if marked and not present else "", cc),
                Paragraph("X" if present else "", cc),
                Paragraph(text(note), c),
            ]
        )
    table = data_table(rows, [9 * mm, width - 79 * mm, 17 * mm, 19 * mm, 34 * mm])
    for index in group_rows:
        table.setStyle(
            [("SPAN", (0, index), (-1, index)), ("BACKGROUND", (0, index), (-1, index), "#f4f4f4")]
        )
    story.append(table)
    story.append(Spacer(1, 6 * mm))
    story.append(
        KeepTogether(signature_block(None, (_("NGƯỜI TỰ KIỂM ĐIỂM"), review.full_name), width))
    )
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
        review_story(review, template, campaign_title, head, position),
        title=_("Bản tự kiểm điểm"),
    )
