"""The campaign report as a Word document, with pdf/campaign_report.py's content."""

from __future__ import annotations

from pathlib import Path

from ...domain.campaign import CampaignState
from ..letterhead import Letterhead
from ..pdf.campaign_report import (
    FIGURE_HEADER,
    STEP_HEADER,
    figure_rows,
    intro,
    participation,
    step_rows,
    subject_lines,
)
from .layout import CENTER, Page, new_page
from .minutes import write_lines


def _open_section(page: Page, value: str) -> None:
    """The secretary's text, or lines to write it on by hand."""
    lines = [p for p in value.split("\n") if p.strip()]
    for line in lines:
        page.para(line)
    if not lines:
        write_lines(page, 4)


def write_campaign_report_docx(
    path: str | Path, state: CampaignState, head: Letterhead, secretary: str
) -> Path:
    page = new_page(head)
    page.title("BÁO CÁO", *subject_lines(state))
    if head.addressee:
        page.para(f"Kính gửi: {head.addressee}", align=CENTER)
    page.para(intro(state, head), before=6)
    page.heading("I. CÁC BƯỚC ĐÃ THỰC HIỆN")
    centred = ["center", "left", "center", "center", "left"]
    page.table(STEP_HEADER, step_rows(state), [9, 68, 22, 24, page.frame_mm - 123], aligns=centred)
    page.heading("II. KẾT QUẢ THAM GIA CỦA ĐẢNG VIÊN")
    page.para(participation(state))
    page.table(
        FIGURE_HEADER,
        figure_rows(state),
        [9, page.frame_mm - 69, 32, 28],
        aligns=["center", "left", "center", "center"],
    )
    page.heading("III. ĐÁNH GIÁ CHUNG")
    _open_section(page, state.assessment)
    page.heading("IV. ĐỀ XUẤT, KIẾN NGHỊ")
    _open_section(page, state.proposals)
    page.signature(("BÍ THƯ", secretary), caption="T/M CHI BỘ", recipients=head.recipients)
    return page.save(path)
