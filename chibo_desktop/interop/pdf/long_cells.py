"""Table cells too long for a page: cut with "…" and a reference, the full text printed
in an appendix after the document.

A table row never splits across pages (rows are kept whole so that a name is never parted
from its line), so a note of a few thousand characters would make a row taller than the
page and stop the whole document. Cutting keeps every row within reach of a page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, Spacer

from .layout import styles, text

MAX_LINES = 12  # lines of a cell before it is cut; a dozen still reads as a note
MAX_CHARS_PER_WORD_CELL = 200  # text without spaces to break at
MEASURE_LIMIT = 2000  # characters measured at most: more never fits in MAX_LINES


@dataclass
class Overflow:
    """Full texts of the cells that were cut, numbered in the order they were met."""

    entries: list[tuple[str, str]] = field(default_factory=list)  # (where, full text)

    def add(self, where: str, full: str) -> int:
        self.entries.append((where, full))
        return len(self.entries)


def reference(number: int) -> str:
    return f"… (xem phụ lục, mục {number})"


def cut_lines(lines: list[str], number: int, wrap) -> list[str]:
    """The first lines of a wrapped cell, then the reference on as few lines as the column
    allows, never parting "mục" from its number."""
    note = f"(xem phụ lục, mục {number})"
    choices = ([f"… {note}"], ["…", note], ["…", "(xem phụ lục,", f"mục {number})"])
    tail = next((c for c in choices if all(wrap(line) == [line] for line in c)), choices[-1])
    return [*lines[: MAX_LINES - len(tail)], *tail]


def cut_text(value: str, number: int) -> str:
    """For text that does not break into lines (a very long word): the first characters."""
    return value[:MAX_CHARS_PER_WORD_CELL].rstrip() + " " + reference(number)


def fitted_lines(value: str, wrap, overflow: Overflow, where: str) -> tuple[list[str] | None, str]:
    """``wrap(text)`` gives the lines of a text or None when a word is too wide; returns
    the lines to print (None: print ``text`` as a wrapping paragraph) and that text."""
    lines = wrap(value[:MEASURE_LIMIT])
    if lines is None:
        if len(value) > MAX_CHARS_PER_WORD_CELL:
            return None, cut_text(value, overflow.add(where, value))
        return None, value
    if len(lines) > MAX_LINES or len(value) > MEASURE_LIMIT:
        lines = cut_lines(lines, overflow.add(where, value), wrap)
    return lines, value


def appendix(overflow: Overflow, width: float) -> list:
    """The full texts after the document, under "PHỤ LỤC"; nothing when nothing was cut."""
    if not overflow.entries:
        return []

    s = styles()
    entry_style = ParagraphStyle("appendix", parent=s.body, fontSize=12, leading=15)
    out: list = [
        PageBreak(),
        Paragraph("PHỤ LỤC", s.title),
        Paragraph("Nội dung đầy đủ của các ô được rút gọn trong bảng", s.subtitle),
        Spacer(1, 6),
    ]
    for number, (where, full) in enumerate(overflow.entries, start=1):
        out.append(Paragraph(f"<b>{number}. {text(where)}:</b> {text(full)}", entry_style))
    return out
