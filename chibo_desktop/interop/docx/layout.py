"""The HD 36 layout as a Word document the secretary can still edit.

Real Word structures only: paragraphs, tables whose header rows repeat, a PAGE field in
the header. Text is always added as literal runs, never read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT, WD_TABLE_DIRECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from ...domain.addressing import recipient_lines
from ...i18n import document_date
from ..files import atomic_write
from ..letterhead import Letterhead
from .ooxml import (
    BODY_SIZE,
    CELL_SIZE,
    FONT,
    borderless,
    cell_margins,
    fill_cell,
    no_split,
    repeat_header,
    run,
    set_fonts,
    set_widths,
)

MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
FRAME_PADDING_MM = 12 * 25.4 / 72  # the PDF frame's padding, 6 pt on each side
CENTER, LEFT, RIGHT, JUSTIFY = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.LEFT,
    WD_ALIGN_PARAGRAPH.RIGHT,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
)
ALIGN = {"left": LEFT, "center": CENTER, "right": RIGHT}
# Characters from which a row may run over a page: a row that may not split and is taller
# than a page would be cut off in Word.
_LONG_ROW = 1500
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@dataclass
class Page:
    """A Word document being written, and the width of its text column."""

    doc: object
    width_mm: float

    @property
    def frame_mm(self) -> float:
        """The width the PDF's tables may take (pdf/layout.py frame_width)."""
        return self.width_mm - FRAME_PADDING_MM

    @property
    def frame_pt(self) -> float:
        return self.frame_mm * 72 / 25.4

    # --- paragraphs ---------------------------------------------------------------------
    def para(
        self,
        value: str = "",
        *,
        align=JUSTIFY,
        bold: bool = False,
        italic: bool = False,
        underline: bool = False,
        size: float = BODY_SIZE,
        after: float = 3,
        before: float = 0,
        keep_next: bool = False,
        style: str | None = None,
    ):
        p = self.doc.add_paragraph(style=style)
        fmt = p.paragraph_format
        fmt.alignment = align
        fmt.space_after = Pt(after)
        fmt.space_before = Pt(before)
        fmt.keep_with_next = keep_next
        if value:
            run(p, value, bold=bold, italic=italic, underline=underline, size=size)
        return p

    def title(self, kind: str, *subjects: str) -> None:
        """HD 36: the kind in capitals, the subject under it, five dashes."""
        self.para(kind, align=CENTER, bold=True, size=16, before=12, after=0, keep_next=True)
        for line in subjects:
            if line:
                self.para(line, align=CENTER, bold=True, after=0, keep_next=True)
        self.para("-----", align=CENTER, after=6)

    def heading(self, value: str, *, before: float = 6) -> None:
        self.para(value, align=LEFT, bold=True, before=before, keep_next=True, style="Heading 2")

    def section(self, number: int, title: str) -> None:
        """Numbered in capitals, as in the PDF: "I. SỐ LƯỢNG ĐẢNG VIÊN"."""
        self.heading(f"{ROMAN[number]}. {title.upper()}", before=10)

    # --- tables -------------------------------------------------------------------------
    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str] | str],
        widths: Sequence[float],
        *,
        aligns: Sequence[str] = (),
        total: Sequence[str] | None = None,
        size: float = CELL_SIZE,
        group: str = "",
    ):
        """A bordered table; the header row repeats on every page and no row splits. A row
        given as a plain string spans the table (a group heading); ``group`` is one that
        repeats with the header."""
        shares = sum(widths) or 1
        widths_mm = [self.frame_mm * w / shares for w in widths]  # as the PDF's tables
        table = self.doc.add_table(rows=0, cols=len(header))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.table_direction = WD_TABLE_DIRECTION.LTR
        cell_margins(table, 3)
        cells = table.add_row().cells
        repeat_header(table.rows[0])
        for cell, label in zip(cells, header, strict=False):
            fill_cell(cell, label, CENTER, bold=True, size=size, shade="EEEEEE")
        for values in [group, *rows] if group else rows:
            row = table.add_row()
            if values is group:
                repeat_header(row)
            elif sum(map(len, values)) < _LONG_ROW:
                no_split(row)
            if isinstance(values, str):
                merged = row.cells[0].merge(row.cells[-1])
                fill_cell(merged, values, LEFT, bold=True, size=size, shade="F5F5F5")
                continue
            for i, (cell, value) in enumerate(zip(row.cells, values, strict=False)):
                align = ALIGN.get(aligns[i] if i < len(aligns) else "left", LEFT)
                fill_cell(cell, value, align, size=size)
        if total is not None:
            row = table.add_row()
            no_split(row)
            for i, (cell, value) in enumerate(zip(row.cells, total, strict=False)):
                align = ALIGN.get(aligns[i] if i < len(aligns) else "left", LEFT)
                fill_cell(cell, value, align, bold=True, size=size, shade="EEEEEE")
        set_widths(table, widths_mm)
        return table

    # --- the closing --------------------------------------------------------------------
    def signature(
        self,
        right: tuple[str, str],
        *,
        left: tuple[str, str] | None = None,
        caption: str = "",
        recipients: Sequence[str] = (),
    ) -> None:
        """Signature columns (title, typed name) in a borderless table; with no left
        signature the left column holds "Nơi nhận"."""
        self.para("", after=0)
        table = self.doc.add_table(rows=1, cols=2)
        borderless(table)
        left_cell, right_cell = table.rows[0].cells
        no_split(table.rows[0])
        if left:
            _signer(left_cell, *left, personal=not caption)
        else:
            _recipients(left_cell, recipients)
        _signer(right_cell, *right, caption=caption, personal=not caption)
        set_widths(table, [self.width_mm / 2] * 2)

    def save(self, path: str | Path) -> Path:
        return atomic_write(path, lambda tmp: self.doc.save(str(tmp)))


def _lines(cell, lines: Sequence[tuple[str, dict]], align=CENTER) -> None:
    """Fill a cell with one paragraph per (text, run options)."""
    first = True
    for value, options in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        p.paragraph_format.alignment = options.pop("align", align)
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.space_before = Pt(options.pop("before", 0))
        if value:
            run(p, value, **options)


def _signer(cell, title: str, name: str, *, caption: str = "", personal: bool = True) -> None:
    lines: list[tuple[str, dict]] = []
    if caption:
        lines.append((caption, {"bold": True}))
    lines.append((title, {"bold": True}))
    if personal:
        lines.append(("(Ký, ghi rõ họ tên)", {"italic": True}))
    lines.append(("", {}))
    lines.append((name, {"bold": True, "before": 62}))  # about 22 mm to sign in
    _lines(cell, lines)


def _recipients(cell, recipients: Sequence[str]) -> None:
    if not recipients:
        return
    lines: list[tuple[str, dict]] = [("Nơi nhận:", {"underline": True})]
    lines += [(entry, {"size": 12}) for entry in recipient_lines(list(recipients))]
    _lines(cell, lines, align=LEFT)


def new_page(head: Letterhead, *, landscape: bool = False, draft: bool = False) -> Page:
    """An empty A4 document with the party margins, the fonts named, page numbers from
    page 2 and the letterhead written."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = Mm(10)
    _fonts(doc)
    _page_numbers(section, draft)
    width = (297 if landscape else 210) - MARGINS_MM["left"] - MARGINS_MM["right"]
    page = Page(doc, width)
    letterhead(page, head)
    return page


def _fonts(doc) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        r_pr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if r_pr is not None:
            set_fonts(r_pr, BODY_SIZE)
    # every style of the template, so that a paragraph the secretary adds in Word in
    # any built-in style is also in Times New Roman, never in a theme font
    for fonts in list(doc.styles.element.iter(qn("w:rFonts"))):
        set_fonts(fonts.getparent())
    for name in ("Normal", "Heading 2", "Table Grid", "Header"):
        style = doc.styles[name]
        style.font.name = FONT
        set_fonts(style.element.get_or_add_rPr(), BODY_SIZE if name != "Header" else 13)
    # the PDF's leading is 1.3 times the type size; Word's single spacing of Times New
    # Roman is about 1.15 times
    doc.styles["Normal"].paragraph_format.line_spacing = 1.13
    heading = doc.styles["Heading 2"]
    heading.font.color.rgb = RGBColor(0, 0, 0)
    heading.font.bold = True
    heading.font.italic = False


def _page_numbers(section, draft: bool) -> None:
    """HD 36: Arabic page numbers centred in the top margin, none on the first page."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = CENTER
    r = run(p, "", size=13)
    for kind, content in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = content
        r._element.append(el)
    if draft:  # HD 36 part 11b: "DỰ THẢO" at the top right of every page
        for header in (section.header, section.first_page_header):
            mark = header.add_paragraph() if header is section.header else header.paragraphs[0]
            mark.alignment = RIGHT
            run(mark, "DỰ THẢO", bold=True, size=13)


def letterhead(page: Page, head: Letterhead) -> None:
    """Left: ĐẢNG BỘ …, CHI BỘ … (bold), *, Số; right: ĐẢNG CỘNG SẢN VIỆT NAM bold and
    underlined, the italic place-and-date line."""
    table = page.doc.add_table(rows=1, cols=2)
    borderless(table)
    left, right = table.rows[0].cells
    left_lines: list[tuple[str, dict]] = [
        (head.party_committee.upper(), {}),
        (head.cell.upper(), {"bold": True}),
        ("*", {}),
    ]
    if head.number:
        left_lines.append((head.number, {"before": 2}))
    _lines(left, left_lines)
    if head.date is None:
        dots = "……"
        date_line = f"{head.place or dots * 2}, ngày {dots} tháng {dots} năm {dots}"
    else:
        date_line = document_date(head.date, head.place)
    _lines(
        right,
        [
            ("ĐẢNG CỘNG SẢN VIỆT NAM", {"bold": True, "underline": True, "size": 15}),
            (date_line, {"italic": True, "before": 4}),
        ],
    )
    left_mm = page.width_mm * 0.45
    set_widths(table, [left_mm, page.width_mm - left_mm])
