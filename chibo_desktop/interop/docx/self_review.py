"""A member's self-review as a Word document, with pdf/self_review.py's content."""

from __future__ import annotations

from pathlib import Path

from ...domain.campaign import SelfReview, Template
from ..letterhead import Letterhead
from ..pdf.self_review import CHECK_HEADER, CHECK_TITLE, check_groups, identity, subtitle
from .layout import LEFT, new_page
from .minutes import write_lines


def write_self_review_docx(
    path: str | Path,
    review: SelfReview,
    template: Template,
    campaign_title: str,
    head: Letterhead,
    position: str = "",
) -> Path:
    page = new_page(head)
    page.title("BẢN TỰ KIỂM ĐIỂM", subtitle(campaign_title))
    for line in identity(review, head, position):
        page.para(line, align=LEFT)
    for number, heading in enumerate(template.review_headings, start=1):
        page.heading(f"{number}. {heading}")
        body = [p for p in review.sections.get(heading, "").split("\n") if p.strip()]
        for line in body:
            page.para(line)
        if not body:
            write_lines(page, 3)
    page.heading(CHECK_TITLE)
    for group, rows in check_groups(review, template).items():
        page.table(
            CHECK_HEADER,
            rows,
            [9, page.frame_mm - 79, 17, 19, 34],  # mm, as the PDF's
            aligns=["center", "left", "center", "center", "left"],
            group=group,
        )
        page.para("", after=3)
    page.signature(("NGƯỜI TỰ KIỂM ĐIỂM", review.full_name))
    return page.save(path)
