"""What goes upward names documents, not files, and never dates figures after the day the
report is made."""

import shutil

import openpyxl
import pytest

from chibo_desktop.cli import main
from chibo_desktop.domain.campaign import document_title
from tests.unit.test_meetings_print import plain

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Kế hoạch số 12-KH-CB.txt", "Kế hoạch số 12-KH-CB"),
        ("Biên bản.DOCX", "Biên bản"),
        ("Quyết định 1.2", "Quyết định 1.2"),
        (".txt", ".txt"),
    ],
)
def test_document_title(name, title):
    assert document_title(name) == title


def test_campaign_report_names_the_evidence_without_extension(demo_path, demo_db, tmp_path):
    files = [r[0] for r in demo_db.execute("SELECT file_name FROM campaign_steps") if r[0]]
    assert any(f.endswith(".txt") for f in files)  # the demo attaches a text file
    pdf, xlsx = tmp_path / "c.pdf", tmp_path / "c.xlsx"
    for out in (pdf, xlsx):
        assert main(["--db", str(demo_path), "report", "campaign", "--from", "01/01/2025",
                     "--to", "15/03/2026", str(out)]) == 0  # fmt: skip
    text = plain(pdf)
    cells = " ".join(
        str(c.value) for ws in openpyxl.load_workbook(xlsx) for r in ws.iter_rows() for c in r
    )
    for name in files:
        assert name not in text and name not in cells
        assert document_title(name).split()[-1] in text


def test_period_after_the_report_date_is_warned_and_figures_dated_today(
    demo_path, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("CHIBO_TODAY", "2026-03-15")
    out = tmp_path / "s.pdf"
    main(["--db", str(demo_path), "report", "situation", "--from", "01/01/2026",
          "--to", "31/03/2026", str(out)])  # fmt: skip
    err = capsys.readouterr().err
    assert "Kỳ báo cáo kết thúc ngày 31/03/2026, sau ngày lập báo cáo 15/03/2026" in err
    text = plain(out)
    assert "Số liệu tính đến ngày 15/03/2026." in text
    assert "31/03/2026" not in text
