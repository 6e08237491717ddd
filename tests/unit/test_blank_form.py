"""The blank minutes form: the filled form's sections, room per agenda item, the ticks
before "Ghi chú", no dotted line alone at the top of a page, nothing from another meeting."""

import datetime as dt
import re
import shutil
import subprocess

import pytest

from chibo_desktop.cli import main
from chibo_desktop.services.meetings import minutes as svc
from tests.unit.test_meetings_print import pdf_text, plain

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def first_text_top(path) -> list[float]:
    """Per page, the top of the first word below the page number (points from the top)."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    tops = []
    for page in html.split("<page ")[1:]:
        words = re.findall(r'yMin="([\d.]+)"[^>]*>([^<]+)</word>', page)
        body = [float(y) for y, w in words if not (w.isdigit() and float(y) < 50)]
        tops.append(min(body))
    return tops


def test_blank_form_of_no_meeting(demo_path, demo_db, tmp_path):
    out = tmp_path / "mau.pdf"
    assert main(["--db", str(demo_path), "meetings", "blank", str(out)]) == 0
    text = plain(out)
    assert "Hà Nội, ngày …… tháng …… năm ……" in text
    assert "Sinh hoạt chi bộ thường kỳ tháng …… năm ……" in text
    assert not re.search(r"Số \d+-BB", text)  # no other meeting's number
    assert not re.search(r"ngày \d\d tháng", text)  # nor its date
    assert "Chủ trì: đồng chí ……" in text
    agenda = svc.new_meeting(demo_db, dt.date(2026, 3, 15)).agenda
    assert text.count("Ý kiến thảo luận:") == len(agenda) == text.count("Kết luận:")
    assert "III. BIỂU QUYẾT" in text and "Biểu quyết:" not in text
    header = next(line for line in pdf_text(out).splitlines() if line.startswith("STT"))
    assert header.index("Có mặt") < header.index("Ghi chú")
    assert all(top < 80 for top in first_text_top(out)[1:])  # 20 mm margin = 57 pt


def test_blank_form_of_a_chosen_meeting_keeps_its_date_and_number(demo_path, demo_db, tmp_path):
    row = svc.list_meetings(demo_db)[0]
    m = svc.get_meeting(demo_db, row["id"])
    out = tmp_path / "mau.pdf"
    main(["--db", str(demo_path), "meetings", "print", str(row["id"]), str(out), "--blank"])
    text = plain(out)
    assert m.number in text
    assert f"ngày {m.date.day:02d} tháng {m.date.month} năm {m.date.year}" in text
    assert "III. BIỂU QUYẾT" in text
    assert all(top < 80 for top in first_text_top(out)[1:])
