"""The fast paths of the long lists write what the slow ones wrote: data rows that share
one prepared style per column look cell for cell like rows written by ``put``; member list
cells drawn as plain lines break where a reportlab Paragraph breaks."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from chibo_desktop.domain.members import Member
from chibo_desktop.interop.letterhead import Letterhead
from chibo_desktop.interop.member_register import RegisterEntry
from chibo_desktop.interop.xlsx.sheets import data_rows, new_workbook, put, save_workbook

ROWS = [
    [1, "Nguyễn Văn An", dt.date(1960, 5, 2), "=1+1", None, 3.5, "Dòng một\ndòng hai"],
    [2, "+84 912 345 678", dt.date(1971, 1, 9), "Kinh", 7, 0.25, ""],
    [3, "@SUM(A1:A2)", None, "-2+3", "Nghỉ hưu", 1, "Ghi\x07 chú"],
    [4, "Trần Thị Bình", dt.datetime(2026, 3, 15, 8, 30), "Tày", 2, None, "=HYPERLINK(1)"],
]


def _look(cell) -> tuple:
    return (
        cell.value,
        cell.data_type,
        cell.number_format,
        bool(cell.quotePrefix),
        cell.font.name,
        cell.font.size,
        bool(cell.font.b),
        cell.alignment.horizontal,
        cell.alignment.vertical,
        bool(cell.alignment.wrap_text),
        cell.border.left.style,
        cell.border.bottom.style,
    )


def test_data_rows_look_like_rows_written_cell_by_cell(tmp_path):
    from openpyxl import load_workbook

    wb, fast = new_workbook()
    end = data_rows(fast, 3, ROWS, centered=(1, 3))
    assert end == 3 + len(ROWS)
    slow = wb.create_sheet("slow")
    for r, values in enumerate(ROWS, start=3):
        for c, value in enumerate(values, start=1):
            put(slow, r, c, value, border=True, wrap=isinstance(value, str),
                align="center" if c in (1, 3) else None)  # fmt: skip
    path = save_workbook(wb, tmp_path / "rows.xlsx")
    back = load_workbook(path)
    a, b = back.worksheets
    for r in range(3, end):
        for c in range(1, len(ROWS[0]) + 1):
            assert _look(a.cell(r, c)) == _look(b.cell(r, c)), (r, c)
    # Formula-looking text is text with the quote prefix; plain text next to it is not.
    assert a["D3"].value == "=1+1" and a["D3"].data_type == "s" and a["D3"].quotePrefix
    assert not a["D4"].quotePrefix and a["B4"].quotePrefix and a["G6"].quotePrefix
    assert a["C3"].is_date and a["C3"].number_format == "dd/mm/yyyy"
    assert a["G5"].value == "Ghi chú"  # control characters removed
    assert a["A3"].alignment.horizontal == "center" and a["B3"].alignment.horizontal is None


@pytest.mark.parametrize("room", [40.0, 63.5, 90.0, 140.0])
def test_member_list_lines_break_like_a_paragraph(room):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from chibo_desktop.interop.pdf.layout import register_fonts, text
    from chibo_desktop.interop.pdf.member_list import CELL_SIZE, wrap_lines

    font = register_fonts()
    style = ParagraphStyle("t", fontName=font, fontSize=CELL_SIZE, leading=CELL_SIZE * 1.2)
    samples = [
        "12/12; Trung cấp; Cử nhân",
        "Chuyển đến 05/09/2018; Sinh hoạt tạm thời nơi khác",
        "Cán bộ hưu trí",
        "Kinh, Không",
        "Đại học; Sơ cấp; Thạc sĩ Quản trị kinh doanh",
        "Xã Nghĩa Hưng, huyện Nghĩa Hưng, tỉnh Nam Định",
        "a  b   c",
        "",
    ]
    for value in samples:
        lines = wrap_lines(value, font, CELL_SIZE, room)
        para = Paragraph(text(value), style)
        para.wrap(room, 1000)
        expected = [" ".join(line[1]) for line in para.blPara.lines]  # (space, words)
        if lines is None:  # a word wider than the room: left to the Paragraph
            assert any(len(w) > 3 for w in value.split()), value
            continue
        assert [line.strip() for line in lines] == [e.strip() for e in expected] or (
            not value and lines == [""]
        ), (value, room)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext")
def test_member_list_pdf_keeps_every_text_whole(tmp_path):
    from chibo_desktop.interop.pdf.member_list import write_member_list_pdf

    entries = []
    for n in range(40):
        member = Member(
            full_name=f"Nguyễn Văn Thành Công {n}",
            gender="Nam",
            birth_date="1960-05-02",
            join_date="1990-03-04",
            official_date="1991-03-04",
            ethnicity="Kinh",
            hometown="Huế",
            card_number=f"{550100000 + n}",
            education="12/12",
            theory_level="Cao cấp",
            job_now="=1+1",
        )
        entries.append(RegisterEntry(member=member, remark="<b>Vinh</b> &amp;"))
    head = Letterhead("Đảng bộ phường Hàng Bạc", "Chi bộ Khu phố 3", "Hà Nội", dt.date(2026, 3, 15))
    path = write_member_list_pdf(tmp_path / "list.pdf", head, entries, signer=("BÍ THƯ", "X"))
    raw = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(raw.split())
    for n in range(40):
        assert f"{550100000 + n}" in raw  # a nine-digit card number is never broken
        assert f"Nguyễn Văn Thành Công {n} " in flat
    assert raw.count("<b>Vinh</b>") == 40  # drawn as typed, not as markup
    assert raw.count("&amp;") == 40
    assert flat.count("=1+1") == 40
    assert "Tổng cộng: 40 đảng viên." in flat
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "Helvetica" not in fonts and "Times-Roman" not in fonts
