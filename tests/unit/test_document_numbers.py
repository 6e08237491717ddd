"""Số và ký hiệu on every report and list: counted per year and kind, editable, remembered."""

import datetime as dt
import shutil

import pytest

from chibo_desktop.cli import main
from chibo_desktop.services.cell.document_numbers import issue_number, suggested_number
from tests.unit.test_meetings_print import plain

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

ON = dt.date(2026, 3, 15)


def _report(demo_path, out, name, *extra):
    args = ["--db", str(demo_path), "report", name, "--to", "15/03/2026", *extra, str(out)]
    assert main(args) == 0
    return plain(out) if out.suffix == ".pdf" else ""


def test_every_report_and_list_carries_its_number(demo_path, tmp_path, monkeypatch):
    monkeypatch.setenv("CHIBO_TODAY", ON.isoformat())
    expected = {
        "members": "Số 01-DS/CB",
        "situation": "Số 01-BC/CB",
        "assessment": "Số 02-BC/CB",
        "meetings": "Số 03-BC/CB",
        "campaign": "Số 04-BC/CB",
    }
    for name, number in expected.items():
        text = _report(demo_path, tmp_path / f"{name}.pdf", name, "--from", "01/01/2025")
        assert number in text, name
    # printing the same report again keeps its number, in either format
    again = _report(demo_path, tmp_path / "again.pdf", "situation", "--from", "01/01/2025")
    assert "Số 01-BC/CB" in again
    _report(demo_path, tmp_path / "again.xlsx", "meetings", "--from", "01/01/2025")
    # another period is another report: the next number
    other = _report(demo_path, tmp_path / "other.pdf", "situation", "--from", "01/02/2026")
    assert "Số 05-BC/CB" in other


def test_typed_number_is_printed_and_counted_from(demo_db):
    start = dt.date(2026, 1, 1)
    typed = issue_number(demo_db, "situation", start, ON, ON, "07-BC/CB")
    assert typed == "Số 07-BC/CB"
    assert suggested_number(demo_db, "situation", start, ON, ON) == "Số 07-BC/CB"
    assert suggested_number(demo_db, "meetings", start, ON, ON) == "Số 08-BC/CB"
    assert suggested_number(demo_db, "members", ON, ON, ON) == "Số 01-DS/CB"
    next_year = dt.date(2027, 1, 5)
    assert suggested_number(demo_db, "meetings", start, next_year, next_year) == "Số 01-BC/CB"


def test_cli_number_option(demo_path, tmp_path, monkeypatch):
    monkeypatch.setenv("CHIBO_TODAY", ON.isoformat())
    text = _report(demo_path, tmp_path / "m.pdf", "meetings", "--number", "Số 12-BC/CB")
    assert "Số 12-BC/CB" in text
