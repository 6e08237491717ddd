"""What every page of a party document carries in its top margin: the page number from the
second page on, and the draft mark of a text not yet final (HD 36-HD/VPTW)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from .fonts import register_fonts


def page_number_from_two(canvas, doc) -> None:
    """HD 36: page numbers in Arabic figures, 13 pt upright, centred in the top margin over
    the text column; none on the first page."""
    page = canvas.getPageNumber()
    if page < 2:
        return
    canvas.saveState()
    canvas.setFont(register_fonts(), 13)
    width, height = doc.pagesize
    canvas.drawCentredString(
        doc.leftMargin + (width - doc.leftMargin - doc.rightMargin) / 2, height - 13 * mm, str(page)
    )
    canvas.restoreState()


def draft_mark(canvas, doc) -> None:
    """HD 36 part 11b: a draft says so, boxed bold capitals at the top right of every page,
    so that no page of it can pass for the final text."""
    canvas.saveState()
    label, size = "DỰ THẢO", 13
    font = register_fonts() + "-Bold"
    width, height = doc.pagesize
    box_width = stringWidth(label, font, size) + 10
    right = width - doc.rightMargin
    bottom = height - 15 * mm
    canvas.setLineWidth(0.8)
    canvas.rect(right - box_width, bottom - 4, box_width, size + 6)
    canvas.setFont(font, size)
    canvas.drawCentredString(right - box_width / 2, bottom, label)
    canvas.restoreState()
