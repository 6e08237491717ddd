"""PDF "Danh sách đảng viên": A4 landscape, HD 36 header, header row on every page."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ...i18n import format_date, format_iso_date
from ..letterhead import Letterhead
from ..member_register import RegisterEntry

TITLE = "DANH SÁCH ĐẢNG VIÊN"
CELL_SIZE = 10


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


def write_member_list_pdf(
    path: str | Path,
    head: Letterhead,
    entries: Sequence[RegisterEntry],
    *,
    signer: tuple[str, str] | None = None,
    title: str = TITLE,
) -> Path:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph, Spacer

    from .closing import ClosingTable
    from .common import (
        build_document,
        frame_width,
        header_block,
        register_fonts,
        signature_block,
        styles,
        text,
    )

    font = register_fonts()
    s = styles()
    width = frame_width(landscape_page=True)
    cell = ParagraphStyle("ml_cell", parent=s.cell, fontSize=CELL_SIZE, leading=CELL_SIZE * 1.2)
    center = ParagraphStyle("ml_center", parent=cell, alignment=1)
    head_style = ParagraphStyle("ml_head", parent=s.cell_bold, fontSize=CELL_SIZE)

    # The name column is as wide as the longest name, so that no name breaks.
    padding = 8
    longest = max(
        (stringWidth(e.member.full_name, font, CELL_SIZE) for e in entries), default=30 * mm
    )
    name_width = min(max(longest + padding, 30 * mm), 58 * mm)
    fitted = {
        i: stringWidth(w[4:], font, CELL_SIZE) + padding
        for i, (_h, w, _f) in enumerate(COLUMNS)
        if isinstance(w, str)
    }
    shares = sum(w for _h, w, _f in COLUMNS if isinstance(w, int))
    room = width - name_width - sum(fitted.values())
    widths = [
        name_width if w is None else fitted[i] if isinstance(w, str) else room * w / shares
        for i, (_h, w, _f) in enumerate(COLUMNS)
    ]

    rows: list[list] = [[Paragraph(text(h), head_style) for h, _w, _f in COLUMNS]]
    for number, entry in enumerate(entries, start=1):
        row: list = []
        for (_h, w, fn), col_width in zip(COLUMNS, widths, strict=True):
            if fn is None:
                row.append(Paragraph(str(number), center))
            elif w is None:
                name = entry.member.full_name
                size = CELL_SIZE
                while stringWidth(name, font, size) + padding > col_width and size > 6:
                    size -= 0.5  # an extremely long name shrinks instead of breaking
                style = ParagraphStyle("ml_name", parent=cell, fontSize=size, leading=size * 1.2)
                row.append(Paragraph(text(name).replace(" ", "&nbsp;"), style))
            else:
                value = fn(entry)
                style = center if isinstance(w, str) else cell
                row.append(Paragraph(text(value), style))
        rows.append(row)

    def make_story(keep_rows: int) -> list:
        ending = [
            Spacer(1, 3 * mm),
            Paragraph(text(f"Tổng cộng: {len(entries)} đảng viên."), s.body_left),
        ]
        if signer is not None:
            ending += [
                Spacer(1, 2 * mm),
                signature_block(None, signer, width, right_caption="T/M CHI BỘ"),
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
            *ClosingTable(rows, widths, ending).flowables(keep_rows),
        ]

    return build_document(path, make_story, title=title, landscape_page=True)
