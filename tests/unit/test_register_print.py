"""The 25-column register prints readably: pages across at ≥ 9 pt with STT and name
repeated, the header blocks beside them; the sheet itself keeps every column."""

import itertools

import openpyxl

from chibo_desktop.cli import main
from chibo_desktop.interop.member_register import COLUMNS

PRINTABLE_PT = (297 - 30 - 15) / 25.4 * 72  # A4 landscape inside the party margins
POINTS_PER_UNIT = 7.0  # a column width unit as LibreOffice prints it


def test_register_prints_on_pages_across(demo_path, tmp_path):
    out = tmp_path / "ds.xlsx"
    assert main(["--db", str(demo_path), "members", "export", str(out)]) == 0
    ws = openpyxl.load_workbook(out).active
    assert ws.max_column == len(COLUMNS) == 25
    setup = ws.page_setup
    assert not ws.sheet_properties.pageSetUpPr.fitToPage
    assert 12 * setup.scale / 100 >= 9  # 12 pt cells print at 9 pt or more
    assert ws.print_title_cols.replace("$", "") == "A:B"
    breaks = sorted(b.id for b in ws.col_breaks.brk)
    edges = [0, *breaks, ws.max_column]
    widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in
              range(1, ws.max_column + 1)]  # fmt: skip
    repeated = sum(widths[:2])
    for first, last in itertools.pairwise(edges):
        page = sum(widths[max(first, 2) : last]) + repeated
        assert page * POINTS_PER_UNIT * setup.scale / 100 <= PRINTABLE_PT, (first, last)
    # nothing of the header blocks or the title in the repeated columns
    header = next(r for r in range(1, 12) if ws.cell(r, 1).value == "STT")
    assert all(ws.cell(r, c).value in (None, "") for r in range(1, header) for c in (1, 2))
    titles = [ws.cell(r, c).value for r in range(1, header) for c in range(3, 12)]
    assert "DANH SÁCH ĐẢNG VIÊN" in titles and "ĐẢNG CỘNG SẢN VIỆT NAM" in titles


def test_campaign_matrix_prints_on_pages_across(demo_path, tmp_path):
    out = tmp_path / "dot.xlsx"
    assert main(["--db", str(demo_path), "report", "campaign", "--from", "01/01/2025",
                 "--to", "15/03/2026", str(out)]) == 0  # fmt: skip
    ws = openpyxl.load_workbook(out)["Đảng viên"]
    assert 12 * ws.page_setup.scale / 100 >= 9
    assert ws.print_title_cols.replace("$", "") == "A:B"
    breaks = sorted(b.id for b in ws.col_breaks.brk)
    widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in
              range(1, ws.max_column + 1)]  # fmt: skip
    header = next(r for r in range(1, 12) if ws.cell(r, 1).value == "TT")
    for first, last in itertools.pairwise([0, *breaks, ws.max_column]):
        page = sum(widths[max(first, 2) : last]) + sum(widths[:2])
        assert page * POINTS_PER_UNIT * ws.page_setup.scale / 100 <= PRINTABLE_PT
        if last < ws.max_column:  # an item's status and its date stay on one page
            assert ws.cell(header, last).value == "Ngày xong", last
