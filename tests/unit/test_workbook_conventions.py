"""Every workbook that goes upward follows one convention: shares as fractions shown as
percentages, dates as real dates."""

import datetime as dt

import openpyxl
import pytest

from chibo_desktop.cli import main

REPORTS = ("members", "situation", "assessment", "meetings", "campaign")


@pytest.fixture
def workbooks(demo_path, tmp_path) -> dict:
    books = {}
    for name in REPORTS:
        out = tmp_path / f"{name}.xlsx"
        assert main(["--db", str(demo_path), "report", name, "--from", "01/01/2025",
                     "--to", "15/03/2026", str(out)]) == 0  # fmt: skip
        books[name] = openpyxl.load_workbook(out)
    out = tmp_path / "du_hop.xlsx"
    assert main(["--db", str(demo_path), "meetings", "attendance", "2026", str(out)]) == 0
    books["attendance"] = openpyxl.load_workbook(out)
    return books


def test_percentages_are_fractions_in_one_format(workbooks):
    for name, wb in workbooks.items():
        for ws in wb:
            for row in ws.iter_rows():
                for cell in row:
                    label = str(cell.value or "")
                    assert "(%)" not in label, (name, ws.title, label)
                    if "%" in cell.number_format and isinstance(cell.value, int | float):
                        assert cell.number_format == "0.0%", (name, ws.title, cell.coordinate)
                        assert 0 <= cell.value <= 1, (name, ws.title, cell.coordinate)


def test_no_dates_written_as_text(workbooks):
    for name, wb in workbooks.items():
        for ws in wb:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.value.startswith(("✓ ", "✗ ")):
                        pytest.fail(f"{name} {ws.title} {cell.coordinate}: {cell.value}")
                    if isinstance(cell.value, dt.datetime):
                        assert cell.number_format == "dd/mm/yyyy", (name, cell.coordinate)


def test_every_sheet_sent_upward_is_a_document(workbooks):
    import re

    for name, wb in workbooks.items():
        for ws in wb:
            cells = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
            top = [str(c.value) for row in ws.iter_rows(max_row=6) for c in row if c.value]
            where = (name, ws.title)
            assert "ĐẢNG CỘNG SẢN VIỆT NAM" in top, where
            assert any(re.fullmatch(r"Số \d\d-(BC|DS|BTH)/CB", t) for t in top), where
            heads = {"ĐẢNG BỘ PHƯỜNG HÀNG BẠC", "CHI BỘ KHU PHỐ 3", "ĐẢNG CỘNG SẢN VIỆT NAM"}
            assert any(t.isupper() and len(t) >= 7 and t not in heads for t in top), where
            assert "Nơi nhận:" in cells and "BÍ THƯ" in cells, where
            assert int(ws.page_setup.paperSize) == 9, where
            if ws.freeze_panes:  # a sheet with a table repeats its header row on every page
                assert ws.print_title_rows, where
