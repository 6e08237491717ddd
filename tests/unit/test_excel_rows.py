"""Wrapped cells in the workbooks get rows tall enough for their text."""

import math

import openpyxl
import pytest

from chibo_desktop.cli import main
from chibo_desktop.interop.xlsx.row_heights import line_count


def rows_too_short(path) -> list[tuple[str, int, str]]:
    """Cells whose text surely needs more lines than its row holds (a lower bound on the
    lines, independent of the program's own measure)."""
    found = []
    for ws in openpyxl.load_workbook(path):
        merged = {
            (m.min_row, m.min_col): m.max_col
            for m in ws.merged_cells.ranges
            if m.min_row == m.max_row
        }
        for row in ws.iter_rows():
            for cell in row:
                if not (isinstance(cell.value, str) and cell.alignment.wrap_text):
                    continue
                end = merged.get((cell.row, cell.column), cell.column)
                width = sum(
                    ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width or 8.43
                    for c in range(cell.column, end + 1)
                )
                size = cell.font.sz or 11
                least = math.ceil(len(cell.value) * 0.4 * size / (width * 5.25))
                height = ws.row_dimensions[cell.row].height or 15
                if least > 1 and height < least * size * 1.1:
                    found.append((ws.title, cell.row, cell.value))
    return found


@pytest.mark.parametrize("name", ["situation", "meetings", "campaign", "assessment"])
def test_report_workbooks(demo_path, tmp_path, name):
    out = tmp_path / f"{name}.xlsx"
    assert main(["--db", str(demo_path), "report", name, "--from", "01/01/2025",
                 "--to", "15/03/2026", str(out)]) == 0  # fmt: skip
    assert rows_too_short(out) == []


def test_line_count():
    assert line_count("Nguyễn Văn An", 28, 12) == 1
    assert line_count("Kết nạp đảng viên mới " * 4, 20, 12) >= 3
    assert line_count("a\nb\nc", 20, 12) == 3
    assert line_count("x" * 200, 10, 12) >= 5  # no spaces: breaks inside the word


def test_a_very_long_note_gets_the_tallest_row_excel_accepts(tmp_path):
    from openpyxl import Workbook

    from chibo_desktop.interop.xlsx.row_heights import MAX_ROW_HEIGHT, fit_row_heights
    from chibo_desktop.interop.xlsx.sheets import put

    wb = Workbook()
    ws = wb.active
    ws.column_dimensions["A"].width = 20
    put(ws, 1, 1, "Ghi chú rất dài về công tác của đảng viên. " * 150, wrap=True)
    put(ws, 2, 1, "Ngắn", wrap=True)
    fit_row_heights(ws, 1)
    assert ws.row_dimensions[1].height == MAX_ROW_HEIGHT
    assert ws.row_dimensions[2].height is None
