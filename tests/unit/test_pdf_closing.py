"""The signatures at the end of a document never stand alone on a page."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from chibo_desktop.interop.pdf.closing import ClosingTable
from chibo_desktop.interop.pdf.document import build_document
from chibo_desktop.interop.pdf.layout import frame_width, signature_block, styles

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def _pages(path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [p for p in out.split("\f") if p.strip()]


def _document(tmp_path, count: int, keep: bool = True):
    from reportlab.platypus import KeepTogether, Paragraph

    s = styles()
    width = frame_width()
    rows = [[Paragraph("<b>STT</b>", s.cell_bold), Paragraph("<b>Họ và tên</b>", s.cell_bold)]]
    rows += [
        [Paragraph(str(n), s.cell_center), Paragraph(f"Đảng viên số {n}", s.cell)]
        for n in range(1, count + 1)
    ]

    def make_story(keep_rows: int) -> list:
        ending = [
            Paragraph(f"Tổng cộng: {count} đảng viên.", s.body_left),
            signature_block(None, ("BÍ THƯ", "Nguyễn Văn An"), width, right_caption="T/M CHI BỘ"),
        ]
        table = ClosingTable(rows, [20, width - 20], ending)
        if not keep:
            return [table.table(), KeepTogether(ending)]
        return table.flowables(keep_rows)

    path = tmp_path / f"ds{count}.pdf"
    return build_document(path, make_story, title="Danh sách")


def _rows_on(page: str) -> list[str]:
    return [line for line in page.splitlines() if "Đảng viên số" in line]


def test_signature_page_always_carries_table_rows(tmp_path):
    """Whatever the number of rows, the page with the signature also holds the table's
    last rows under its header; no row is lost or printed twice."""
    alone_without_the_rule = 0
    for count in range(28, 40):
        pages = _pages(_document(tmp_path, count))
        last = pages[-1]
        assert "T/M CHI BỘ" in last and "Tổng cộng" in last
        assert _rows_on(last), f"{count} rows: signature alone on page {len(pages)}"
        assert "Họ và tên" in last
        numbers = [line.split()[0] for p in pages for line in _rows_on(p)]
        assert numbers == [str(n) for n in range(1, count + 1)]
        plain = _pages(_document(tmp_path, count, keep=False))
        alone_without_the_rule += not _rows_on(plain[-1])
    # The range above really contains lengths where the closing would have stood alone.
    assert alone_without_the_rule > 0


def test_short_table_and_closing_stay_on_one_page(tmp_path):
    pages = _pages(_document(tmp_path, 3))
    assert len(pages) == 1
    assert pages[0].count("Họ và tên") == 1
