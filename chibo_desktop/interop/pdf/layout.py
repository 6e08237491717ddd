"""The party document layout shared by every printed form (HD 36-HD/VPTW).

A4, margins 20/20/30/15 mm, Times New Roman 14 (Liberation Serif when Times is absent).
Only TTF fonts are used: the built-in PDF fonts turn Vietnamese into black squares.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ...domain.addressing import recipient_lines
from ...i18n import document_date
from ..letterhead import Letterhead
from .fonts import register_fonts

MARGINS = {"top": 20 * mm, "bottom": 20 * mm, "left": 30 * mm, "right": 15 * mm}
FRAME_PADDING = 6  # platypus Frame default, on each side


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    body_left: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    center: ParagraphStyle
    center_bold: ParagraphStyle
    center_italic: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_bold: ParagraphStyle


@cache
def styles(size: float = 14) -> Styles:
    font = register_fonts()
    leading = size * 1.3

    def style(name: str, **kw) -> ParagraphStyle:
        base = {"fontName": font, "bulletFontName": font, "fontSize": size, "leading": leading}
        return ParagraphStyle(name, **{**base, **kw})

    cell_size = min(size, 11)
    return Styles(
        body=style("body", alignment=TA_JUSTIFY, spaceAfter=3, firstLineIndent=0),
        body_left=style("body_left", alignment=TA_LEFT, spaceAfter=3),
        heading=style("heading", fontName=font + "-Bold", spaceBefore=6, spaceAfter=3),
        title=style(
            "title",
            fontName=font + "-Bold",
            fontSize=16,
            leading=20,
            alignment=TA_CENTER,
            spaceBefore=12,
        ),
        subtitle=style("subtitle", fontName=font + "-Bold", alignment=TA_CENTER),
        center=style("center", alignment=TA_CENTER),
        center_bold=style("center_bold", fontName=font + "-Bold", alignment=TA_CENTER),
        center_italic=style("center_italic", fontName=font + "-Italic", alignment=TA_CENTER),
        small=style("small", fontSize=11, leading=13),
        cell=style("cell", fontSize=cell_size, leading=cell_size * 1.2),
        cell_center=style(
            "cell_center", fontSize=cell_size, leading=cell_size * 1.2, alignment=TA_CENTER
        ),
        cell_bold=style(
            "cell_bold",
            fontName=font + "-Bold",
            fontSize=cell_size,
            leading=cell_size * 1.2,
            alignment=TA_CENTER,
        ),
    )


def own_font(*commands) -> TableStyle:
    """A table style that also sets the cells' font: a Table otherwise names Helvetica (a
    built-in font without Vietnamese) in the file even when every cell holds a Paragraph."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), register_fonts()), *commands])


@cache
def _covered() -> frozenset[str]:
    """The characters the document font can draw."""
    return frozenset(map(chr, pdfmetrics.getFont(register_fonts()).face.charToGlyph))


def _drawable(value: str, missing: set[str]) -> str:
    """Characters the font lacks print as nothing at all; their compatibility forms
    (fullwidth ＜ → <, ﬁ → fi, ² → 2) usually exist, so use those."""
    covered = _covered()
    for ch in missing:
        plain = unicodedata.normalize("NFKC", ch)
        if plain != ch and covered.issuperset(plain):
            value = value.replace(ch, plain)
    return value


def text(value: object) -> str:
    """User text made safe for a reportlab Paragraph (which reads a little XML)."""
    value = "" if value is None else str(value)
    missing = set(value).difference(_covered())
    missing.discard("\n")
    if missing:
        value = _drawable(value, missing)
    return escape(value).replace("\n", "<br/>")


_BOUND = re.compile(
    r"\b(ngày|tháng|năm|quý|khóa|số|Đảng ủy|Đảng bộ|Chi bộ|Kết luận|Quy định|Nghị quyết|"
    r"Chỉ thị|Hướng dẫn|Kế hoạch) (\S+)",
    re.IGNORECASE,
)


def keep_together(value: str) -> str:
    """Paragraph markup of a title line that breaks only where it must: a word like
    "năm", "tháng", "ngày", "số" stays with what follows it ("năm 2026", "ngày 05/12/2026"),
    and a closing quote or parenthesis group stays whole (“Tự soi, tự sửa”)."""
    marked = _BOUND.sub(lambda m: f"{m.group(1)}\u00a0{m.group(2)}", value)
    marked = re.sub(r"“[^”]{1,40}”", lambda m: m.group(0).replace(" ", "\u00a0"), marked)
    return text(marked).replace("\u00a0", "&nbsp;")


class DotLine(Flowable):
    """One dotted line to write on by hand."""

    def __init__(self, width: float, height: float = 9 * mm) -> None:
        super().__init__()
        self.width = width
        self.height = height

    def wrap(self, avail_width, avail_height):
        self.width = min(self.width, avail_width)
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setDash(1, 2.5)
        c.setLineWidth(0.6)
        c.line(0, 2, self.width, 2)
        c.restoreState()


def header_block(head: Letterhead, width: float) -> Table:
    """Left: ĐẢNG BỘ …, CHI BỘ … (bold), *; right: ĐẢNG CỘNG SẢN VIỆT NAM underlined and
    the italic place-and-date line."""
    s = styles()
    font = register_fonts()
    left_style = ParagraphStyle("hl", parent=s.center, fontSize=14, leading=17)
    left = [
        Paragraph(text(head.party_committee.upper()), left_style),
        Paragraph(f"<b>{text(head.cell.upper())}</b>", left_style),
        Paragraph("*", left_style),
    ]
    if head.number:
        left.append(
            Paragraph(text(head.number), ParagraphStyle("hn", parent=left_style, spaceBefore=2))
        )
    right_title = ParagraphStyle(
        "hr", parent=s.center, fontName=font + "-Bold", fontSize=15, leading=18
    )
    if head.date is None:  # a form dated by hand
        dots = "……"
        date_line = f"{head.place or dots * 2}, ngày {dots} tháng {dots} năm {dots}"
    else:
        date_line = document_date(head.date, head.place)
    right = [
        Paragraph("<u>ĐẢNG CỘNG SẢN VIỆT NAM</u>", right_title),
        Spacer(1, 4),
        Paragraph(
            f"<i>{text(date_line)}</i>",
            ParagraphStyle("hd", parent=s.center_italic, fontSize=14, leading=17),
        ),
    ]
    # About 45/55; the left block takes what room the right one can spare to keep the
    # party committee's name on one line, but neither gets more than 55%.
    right_need = 6 + max(
        stringWidth("ĐẢNG CỘNG SẢN VIỆT NAM", font + "-Bold", 15),
        stringWidth(date_line, font + "-Italic", 14),
    )
    left_need = 6 + max(
        stringWidth(head.party_committee.upper(), font, 14),
        stringWidth(head.cell.upper(), font + "-Bold", 14),
    )
    left_width = min(max(width * 0.45, left_need), width - right_need)
    left_width = min(max(left_width, width * 0.45), width * 0.55)
    table = Table([[left, right]], colWidths=[left_width, width - left_width])
    table.setStyle(
        own_font(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        )
    )
    return table


def recipients_block(lines: Sequence[str]) -> list:
    """HD 36 "Nơi nhận": bottom left, level with the signature; each line "- …,"."""
    if not lines:
        return []
    s = styles()
    title = ParagraphStyle("nn", parent=s.body_left, fontSize=14, leading=17, spaceAfter=0)
    line = ParagraphStyle("nn_line", parent=s.body_left, fontSize=12, leading=14, spaceAfter=0)
    return [Paragraph("<u>Nơi nhận:</u>", title)] + [
        Paragraph(text(entry), line) for entry in recipient_lines(list(lines))
    ]


def signature_block(
    left: tuple[str, str] | None,
    right: tuple[str, str],
    width: float,
    *,
    right_caption: str = "",
    recipients: Sequence[str] = (),
) -> Table:
    """Signature columns: (title, typed name). ``right_caption`` goes above the right title
    (e.g. 'T/M CHI BỘ'). Personal signatures (minutes, self-review) carry "(Ký, ghi rõ họ
    tên)"; one on behalf of the cell (a caption) does not, as in the party's own papers.
    With no left signature, ``recipients`` fill the left column ("Nơi nhận")."""
    s = styles()

    def column(title: str, name: str, caption: str = "") -> list:
        parts = []
        if caption:
            parts.append(Paragraph(f"<b>{text(caption)}</b>", s.center))
        parts.append(Paragraph(f"<b>{text(title)}</b>", s.center))
        if not right_caption:
            parts.append(Paragraph("<i>(Ký, ghi rõ họ tên)</i>", s.center_italic))
        parts += [Spacer(1, 22 * mm), Paragraph(f"<b>{text(name)}</b>", s.center)]
        return parts

    cells = [column(*left) if left else recipients_block(recipients), column(*right, right_caption)]
    table = Table([cells], colWidths=[width / 2, width / 2])
    table.setStyle(
        own_font(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        )
    )
    table.keepWithNext = False
    return table


def frame_width(landscape_page: bool = False) -> float:
    """The width flowables may use: the page inside the margins, less the frame's own
    padding on each side."""
    page_width = (landscape(A4) if landscape_page else A4)[0]
    return page_width - MARGINS["left"] - MARGINS["right"] - 2 * FRAME_PADDING


def data_table(rows: list[list], col_widths: list[float], *, header_rows: int = 1) -> Table:
    """A bordered table whose header repeats on every page; rows never split."""
    table = Table(rows, colWidths=col_widths, repeatRows=header_rows, splitByRow=1)
    table.setStyle(
        own_font(
            ("GRID", (0, 0), (-1, -1), 0.5, "#000000"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), "#eeeeee"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        )
    )
    return table


def heading(markup: str, style: ParagraphStyle) -> list:
    """A heading that never ends a page: a new page starts when the heading and two lines
    of what follows would not fit (cheaper than keepWithNext, which lays the following
    flowables out twice)."""
    return [CondPageBreak(style.leading * 4.5), Paragraph(markup, style)]
