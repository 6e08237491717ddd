"""PDF "Danh sách đảng viên": A4 landscape, HD 36 header, header row on every page."""

from __future__ import annotations

from collections.abc import Sequence
from html import unescape
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer

from ...i18n import format_date, format_iso_date
from ..letterhead import Letterhead
from ..member_register import RegisterEntry
from .closing import ClosingTable
from .document import build_document
from .layout import frame_width, header_block, register_fonts, signature_block, styles, text
from .long_cells import Overflow, appendix, fitted_lines

TITLE = "DANH SÁCH ĐẢNG VIÊN"
CELL_SIZE = 10
TABLE_PADDING = 3  # left and right padding of the cells (data_table)


def _date(value: str | None) -> str:
    return format_iso_date(value)


def _qualification(entry: RegisterEntry) -> str:
    m = entry.member
    parts = [m.education, m.theory_level, m.qualification]
    return "; ".join(p for p in parts if p)


def _remark(entry: RegisterEntry) -> str:
    parts = [entry.transferred_out and f"Chuyển đi {entry.transferred_out}"]
    parts.append(entry.transferred_in and f"Chuyển đến {entry.transferred_in}")
    parts.append(entry.died and f"Từ trần {format_date(entry.died)}")
    parts.append(entry.left)
    parts.append(entry.remark)
    return "; ".join(p for p in parts if p)


def wrap_lines(value: str, font: str, size: float, room: float) -> list[str] | None:
    """The lines a left-aligned paragraph of ``value`` would break into within ``room``
    points, breaking only at spaces; None when a word alone is wider than the room."""
    one_line = "\n" not in value and "  " not in value and value == value.strip()
    if one_line and stringWidth(value, font, size) <= room:
        return [value]  # most cells: measured once, not word by word
    space = stringWidth(" ", font, size)
    lines: list[str] = []
    for part in value.split("\n"):
        words, used = [], 0.0
        for word in part.split():
            width = stringWidth(word, font, size)
            if width > room:
                return None
            if words and used + space + width > room:
                lines.append(" ".join(words))
                words, used = [], 0.0
            used += (space if words else 0.0) + width
            words.append(word)
        lines.append(" ".join(words))
    return lines


# (header, width: "fit:<sample>" = as wide as the sample text, a number = share of the
# room left, None = the name (as wide as the longest name), value)
COLUMNS = [
    ("STT", "fit:STT", None),
    ("Họ và tên", None, lambda e: e.member.full_name),
    ("Giới tính", "fit:Nam.", lambda e: e.member.gender or ""),
    ("Ngày sinh", "fit:00/00/0000", lambda e: _date(e.member.birth_date)),
    ("Dân tộc, tôn giáo", 9, lambda e: ", ".join(
        p for p in (e.member.ethnicity, e.member.religion) if p)),
    ("Quê quán", 10, lambda e: e.member.hometown),
    ("Trình độ (học vấn, lý luận, chuyên môn)", 12, _qualification),
    ("Nghề nghiệp hiện nay", 11, lambda e: e.member.job_now),
    ("Ngày vào Đảng", "fit:00/00/0000", lambda e: _date(e.member.join_date)),
    ("Ngày chính thức", "fit:00/00/0000", lambda e: _date(e.member.official_date)),
    ("Số thẻ đảng viên", "fit:00000000", lambda e: e.member.card_number),
    ("Ghi chú", 16, _remark),
]  # fmt: skip


def column_layout(
    entries: Sequence[RegisterEntry], width: float
) -> tuple[int, list[list[str]], list[float]]:
    """The name column's index, the cells' text and the column widths (points): the same
    for the PDF and the Word list, so that their lines break alike."""
    font = register_fonts()
    name_index = next(i for i, (_h, w, _f) in enumerate(COLUMNS) if w is None)
    table = [
        [str(number) if fn is None else fn(entry) or "" for _h, _w, fn in COLUMNS]
        for number, entry in enumerate(entries, start=1)
    ]

    def longest(index: int) -> float:
        return max((stringWidth(r[index], font, CELL_SIZE) for r in table), default=0.0)

    # The name column is as wide as the longest name, so that no name breaks; a "fit"
    # column as wide as its sample or its longest value (a card number with more digits).
    padding = 8
    name_width = min(max(longest(name_index) + padding, 30 * mm), 58 * mm)
    fitted = {
        i: min(max(stringWidth(w[4:], font, CELL_SIZE), longest(i)), 25 * mm) + padding
        for i, (_h, w, _f) in enumerate(COLUMNS)
        if isinstance(w, str)
    }
    shares = sum(w for _h, w, _f in COLUMNS if isinstance(w, int))
    room = width - name_width - sum(fitted.values())
    widths = [
        name_width if w is None else fitted[i] if isinstance(w, str) else room * w / shares
        for i, (_h, w, _f) in enumerate(COLUMNS)
    ]
    return name_index, table, widths


def write_member_list_pdf(
    path: str | Path,
    head: Letterhead,
    entries: Sequence[RegisterEntry],
    *,
    signer: tuple[str, str] | None = None,
    title: str = TITLE,
) -> Path:
    font = register_fonts()
    s = styles()
    width = frame_width(landscape_page=True)
    cell_style = ParagraphStyle(
        "ml_cell", parent=s.cell, fontSize=CELL_SIZE, leading=CELL_SIZE * 1.2
    )
    center = ParagraphStyle("ml_center", parent=cell_style, alignment=1)
    head_style = ParagraphStyle("ml_head", parent=s.cell_bold, fontSize=CELL_SIZE)

    name_index, table, widths = column_layout(entries, width)
    padding = 8

    # Cells are plain strings drawn in the table's own font, broken into lines here; only
    # a name too long for its column or a word too long for a line becomes a Paragraph
    # (a Paragraph per cell made long lists slow).
    text_room = [w - 2 * TABLE_PADDING for w in widths]  # as a Paragraph would break

    overflow = Overflow()

    def where(values: list[str], index: int) -> str:
        return f"STT {values[0]}, {values[name_index]} ({COLUMNS[index][0]})"

    def cell(value: str, index: int, values: list[str]):
        shown = unescape(text(value))  # with the font's stand-ins for characters it lacks
        if index == name_index:
            if stringWidth(shown, font, CELL_SIZE) <= text_room[index]:
                return shown
            size = CELL_SIZE
            while stringWidth(value, font, size) + padding > widths[index] and size > 6:
                size -= 0.5  # an extremely long name shrinks instead of breaking
            style = ParagraphStyle("ml_name", parent=cell_style, fontSize=size, leading=size * 1.2)
            return Paragraph(text(value).replace(" ", "&nbsp;"), style)
        lines, shown = fitted_lines(
            shown,
            lambda part: wrap_lines(part, font, CELL_SIZE, text_room[index]),
            overflow,
            where(values, index),
        )
        if lines is None:
            style = center if isinstance(COLUMNS[index][1], str) else cell_style
            return Paragraph(text(shown), style)
        return "\n".join(lines)

    rows: list[list] = [[Paragraph(text(h), head_style) for h, _w, _f in COLUMNS]]
    rows += [[cell(value, i, values) for i, value in enumerate(values)] for values in table]
    commands = [
        ("FONTSIZE", (0, 1), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 1), (-1, -1), CELL_SIZE * 1.2),
    ]
    commands += [
        ("ALIGN", (i, 1), (i, -1), "CENTER" if isinstance(w, str) else "LEFT")
        for i, (_h, w, _f) in enumerate(COLUMNS)
    ]

    def make_story(keep_rows: int) -> list:
        ending = [
            Spacer(1, 3 * mm),
            Paragraph(text(f"Tổng cộng: {len(entries)} đảng viên."), s.body_left),
        ]
        if signer is not None:
            ending += [
                Spacer(1, 2 * mm),
                signature_block(
                    None, signer, width, right_caption="T/M CHI BỘ", recipients=head.recipients
                ),
            ]
        return [
            header_block(head, width),
            Spacer(1, 6 * mm),
            Paragraph(f"<b>{text(title)}</b>", s.title),
            Paragraph(
                f"<i>(Tính đến ngày {format_date(head.date)})</i>",
                ParagraphStyle("ml_sub", parent=s.center_italic, fontSize=13),
            ),
            Spacer(1, 4 * mm),
            *ClosingTable(rows, widths, ending, commands=commands).flowables(keep_rows),
            *appendix(overflow, width),
        ]

    return build_document(path, make_story, title=title, landscape_page=True)
