"""Writing a story to an A4 PDF with the party margins (HD 36), atomically, with the page
numbers from page two, "DỰ THẢO" on drafts, and the closing kept with its last rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import SimpleDocTemplate

from ..files import atomic_write
from .closing import KEEP_ROWS, closing_alone, marks
from .fonts import register_fonts
from .layout import MARGINS
from .page_marks import draft_mark, page_number_from_two


def build_document(
    path: str | Path,
    story: list | Callable[[int], list],
    *,
    title: str,
    landscape_page: bool = False,
    on_page=page_number_from_two,
    draft: bool = False,
) -> Path:
    """Lay out ``story`` on A4 with the party margins and write it atomically; a
    ``draft`` carries "DỰ THẢO" on every page.

    ``story`` may be a function of the number of table rows to carry over with the closing
    (see closing.py): it is called with 0, and again if the closing came out alone."""
    pagesize = landscape(A4) if landscape_page else A4
    if draft:
        plain_page = on_page

        def on_page(canvas, doc) -> None:
            plain_page(canvas, doc)
            draft_mark(canvas, doc)

    def write(tmp: Path) -> None:
        if callable(story):
            first = story(0)
            placed = marks(first)  # the build empties the list
            lay_out(tmp, first)
            if closing_alone(placed):
                lay_out(tmp, story(KEEP_ROWS))
        else:
            lay_out(tmp, story)

    def lay_out(tmp: Path, flowables: list) -> None:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=pagesize,
            title=title,
            author="Chi bộ Desktop",
            leftMargin=MARGINS["left"],
            rightMargin=MARGINS["right"],
            topMargin=MARGINS["top"],
            bottomMargin=MARGINS["bottom"],
            # A canvas starts in Helvetica and names it on every page even when unused.
            initialFontName=register_fonts(),
            initialFontSize=14,
        )
        doc.build(flowables, onFirstPage=on_page, onLaterPages=on_page)

    return atomic_write(path, write)
