"""The minutes and the blank form as Word documents: pdf/minutes.py's sentences, laid out
with Word paragraphs and tables."""

from __future__ import annotations

from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ..pdf.minutes import (
    attendance_lines,
    closing_lines,
    opening_sentence,
    vote_text,
)
from ..pdf.minutes_blank import (
    CONCLUSION_LINES,
    CONTENT_LINES,
    DISCUSSION_LINES,
    REGISTER_LABELS,
    VOTE_LINE,
    blank_register,
)
from ..pdf.minutes_input import MinutesInput
from .layout import LEFT, Page, new_page
from .ooxml import run


def write_minutes_docx(path: str | Path, data: MinutesInput, *, blank: bool = False) -> Path:
    m = data.meeting
    page = new_page(data.head, draft=not blank and not m.final)
    page.title("BIÊN BẢN", m.title)
    page.para(opening_sentence(data, blank))
    page.heading("I. THÀNH PHẦN")
    for line in attendance_lines(data, blank=blank):
        page.para("- " + line)
    if blank:
        _blank_register(page, data)
        page.heading("II. NỘI DUNG")
        _blank_content(page, data)
    else:
        page.heading("II. NỘI DUNG")
        _content(page, data)
    for line in closing_lines(data, blank):
        page.para(line)
    page.signature(("CHỦ TRÌ", m.chair_name), left=("THƯ KÝ", m.secretary_name))
    return page.save(path)


def _label(page: Page, value: str) -> None:
    page.para(value, align=LEFT, italic=True, keep_next=True)


def _content(page: Page, data: MinutesInput) -> None:
    m = data.meeting
    if m.opening:
        page.para(m.opening)
    if m.topic:
        who = f"; đồng chí {m.presenter} trình bày" if m.presenter else ""
        page.para(f"Chuyên đề: {m.topic}{who}.")
    if m.documents:
        _label(page, "Các văn bản được phổ biến:")
        for d in m.documents:
            page.para("- " + d)
    by_item: dict[int | None, list] = {}
    for d in m.discussions:
        key = d.item if d.item is not None and 0 <= d.item < len(m.agenda) else None
        by_item.setdefault(key, []).append(d)

    def discussion(entries) -> None:
        _label(page, "Ý kiến thảo luận:")
        for d in entries:
            p = page.para("- Đồng chí ")
            run(p, d.speaker, bold=True)
            run(p, f": {d.text}")

    for number, item in enumerate(m.agenda, start=1):
        page.heading(f"{number}. {item.title}", before=4)
        if item.content:
            page.para(item.content)
        if number - 1 in by_item:
            discussion(by_item[number - 1])
        if item.conclusion:
            p = page.para("Kết luận:", italic=True)
            run(p, f" {item.conclusion}")
    if None in by_item:
        page.heading(f"{len(m.agenda) + 1}. Thảo luận chung", before=4)
        discussion(by_item[None])
    if m.resolutions:
        page.heading("III. BIỂU QUYẾT", before=4)
        for number, r in enumerate(m.resolutions, start=1):
            page.para(f"{number}. {r.text}")
            page.para(vote_text(r.votes_for, r.votes_against, r.votes_abstain, data.counts))


def _blank_register(page: Page, data: MinutesInput) -> None:
    listed, apart = blank_register(data)
    rows = [[number, name, "", "", "", note] for number, name, note in listed]
    page.table(
        REGISTER_LABELS,
        rows,
        [10, page.frame_mm - 104, 20, 20, 20, 34],  # mm, as the PDF's
        aligns=["center", "left", "center", "center", "center", "left"],
    )
    if apart:
        page.para(apart, before=4)


def write_lines(page: Page, count: int) -> None:
    """Lines to write on by hand: empty paragraphs with a dotted rule under them."""
    for _n in range(count):
        p = page.para("", after=0, keep_next=True)
        p.paragraph_format.line_spacing = 1.6
        borders = OxmlElement("w:pBdr")
        # paragraphs with the same borders share one box in Word: the "between" rule
        # draws the lines inside it
        for edge in ("w:bottom", "w:between"):
            rule = OxmlElement(edge)
            for key, value in (("w:val", "dotted"), ("w:sz", "4"), ("w:space", "1")):
                rule.set(qn(key), value)
            rule.set(qn("w:color"), "auto")
            borders.append(rule)
        p._p.get_or_add_pPr().append(borders)


def _blank_content(page: Page, data: MinutesInput) -> None:
    for number, item in enumerate(data.meeting.agenda or [], start=1):
        page.heading(f"{number}. {item.title}", before=4)
        write_lines(page, CONTENT_LINES)
        _label(page, "Ý kiến thảo luận:")
        write_lines(page, DISCUSSION_LINES)
        _label(page, "Kết luận:")
        write_lines(page, CONCLUSION_LINES)
    page.heading("III. BIỂU QUYẾT", before=4)
    write_lines(page, 2)
    page.para(VOTE_LINE)
