"""HD 36 titles: the kind of document on its own line in capitals, the subject below in
ordinary case; title lines break only between words that may part."""

import shutil

import pytest

from chibo_desktop.cli import main
from chibo_desktop.interop.pdf.layout import keep_together
from tests.unit.test_meetings_print import pdf_text

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

SUBJECTS = {
    "situation": "Tình hình đảng viên",
    "assessment": "Kết quả đánh giá, xếp loại đảng viên năm 2025",
    "meetings": "Tổng hợp sinh hoạt chi bộ",
}


@pytest.mark.parametrize("name", sorted(SUBJECTS))
def test_kind_then_subject(demo_path, tmp_path, name):
    out = tmp_path / f"{name}.pdf"
    assert main(["--db", str(demo_path), "report", name, "--from", "01/01/2025",
                 "--to", "31/12/2025", str(out)]) == 0  # fmt: skip
    lines = [line.strip() for line in pdf_text(out).splitlines() if line.strip()]
    at = lines.index("BÁO CÁO")
    assert lines[at + 1] == SUBJECTS[name]
    assert SUBJECTS[name].upper() not in pdf_text(out)


def test_words_that_belong_together():
    marked = keep_together("Kết quả đợt “Tự soi, tự sửa” theo Kết luận 21-KL/TW năm 2026")
    assert "năm&nbsp;2026" in marked
    assert "Kết luận&nbsp;21-KL/TW" in marked
    assert "“Tự&nbsp;soi,&nbsp;tự&nbsp;sửa”" in marked
    assert "Kết quả đợt" in marked  # ordinary words may still part


def test_sections_are_numbered_in_capitals(demo_path, tmp_path):
    out = tmp_path / "s.pdf"
    main(["--db", str(demo_path), "report", "situation", "--from", "01/01/2026",
          "--to", "15/03/2026", str(out)])  # fmt: skip
    lines = [line.strip() for line in pdf_text(out).splitlines()]
    for heading in ("I. SỐ LƯỢNG ĐẢNG VIÊN", "II. BIẾN ĐỘNG TRONG KỲ", "III. DANH SÁCH BIẾN ĐỘNG"):
        assert heading in lines
