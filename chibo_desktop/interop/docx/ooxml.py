"""The pieces of WordprocessingML that python-docx has no API for: fonts named for every
script, table rows that repeat or never split, borderless tables, cell padding, widths."""

from __future__ import annotations

import re
from collections.abc import Sequence

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT = "Times New Roman"
BODY_SIZE = 14
CELL_SIZE = 11
# Characters XML 1.0 cannot hold (a pasted control code would make Word refuse the file).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(value: object) -> str:
    return _NOT_XML.sub("", "" if value is None else str(value))


def set_fonts(r_pr, size: float | None = None) -> None:
    """Name the font for every script, East Asian included: otherwise Word on a Vietnamese
    Windows picks its own font for some characters."""
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)  # a theme font would win over the name
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            el = r_pr.find(qn(tag))
            if el is None:
                el = OxmlElement(tag)
                r_pr.append(el)
            el.set(qn("w:val"), str(int(size * 2)))


def run(p, value: str, *, bold=False, italic=False, underline=False, size=BODY_SIZE):
    r = p.add_run(clean(value))  # python-docx turns \n into a line break, \t into a tab
    r.bold, r.italic, r.underline = bold, italic, underline
    r.font.size = Pt(size)
    r.font.name = FONT
    set_fonts(r._element.get_or_add_rPr())
    return r


def fill_cell(cell, value: str, align, *, bold=False, size=CELL_SIZE, shade: str = "") -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER  # as the PDF's cells
    p = cell.paragraphs[0]
    p.paragraph_format.alignment = align
    p.paragraph_format.space_after = Pt(0)
    if value:
        run(p, value, bold=bold, size=size)
    if shade:
        tc_pr = cell._tc.get_or_add_tcPr()
        fill = OxmlElement("w:shd")
        fill.set(qn("w:val"), "clear")
        fill.set(qn("w:color"), "auto")
        fill.set(qn("w:fill"), shade)
        tc_pr.append(fill)


def set_widths(table, widths_mm: Sequence[float]) -> None:
    """Column widths in the grid (what LibreOffice reads) and in every cell (Word)."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for col, w in zip(table._tbl.tblGrid.gridCol_lst, widths_mm, strict=False):
        col.w = Mm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(w)


def repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))
    no_split(row)


def no_split(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def borderless(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)
    cell_margins(table, 0)


def cell_margins(table, points: float) -> None:
    """Cell padding as in the PDF, so a column holds the same text and a row is as tall."""
    margins = OxmlElement("w:tblCellMar")
    for edge in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(int(points * 20)))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    table._tbl.tblPr.append(margins)
