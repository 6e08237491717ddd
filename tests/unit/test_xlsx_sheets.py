"""xlsx.sheets.put with hostile text: saved as text, never a formula, never a broken file."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest

from chibo_desktop.interop.xlsx.sheets import new_workbook, put, save_workbook

HOSTILE = [
    ("=1+1", "=1+1"),
    ('=HYPERLINK("http://example.com","bấm")', '=HYPERLINK("http://example.com","bấm")'),
    ("+84 912 345 678", "+84 912 345 678"),
    ("-2+3", "-2+3"),
    ("@SUM(A1:A2)", "@SUM(A1:A2)"),
    ("\t=1+1", "=1+1"),
    ("\r=1+1", "=1+1"),
    ("=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0"),
    ("Nguyễn\x00 Văn\x07 An\x1b", "Nguyễn Văn An"),
    ("Trần\x0bThị\x0cLan", "TrầnThịLan"),
    ("Dòng một\ndòng hai", "Dòng một\ndòng hai"),
    ("Đặng\u200b Thị\ufeff Hằng", "Đặng Thị Hằng"),
    ("Nguye\u0302\u0303n", "Nguyễn"),  # typed decomposed (NFD) by the Windows keyboard
]


def _saved(tmp_path, values):
    wb, ws = new_workbook()
    for row, value in enumerate(values, start=1):
        put(ws, row, 1, value)
    path = save_workbook(wb, tmp_path / "hostile.xlsx")
    return path


def test_hostile_text_lands_as_cleaned_text(tmp_path):
    from openpyxl import load_workbook

    path = _saved(tmp_path, [raw for raw, _expected in HOSTILE])
    ws = load_workbook(path).active
    for row, (raw, expected) in enumerate(HOSTILE, start=1):
        cell = ws.cell(row=row, column=1)
        assert cell.value == expected, repr(raw)
        assert cell.data_type == "s", repr(raw)
    # No formula anywhere in the sheet's XML, and the dangerous ones keep the text prefix
    # so that editing the cell in Excel leaves it text.
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        styles = z.read("xl/styles.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    assert 'quotePrefix="1"' in styles
    for row, (_raw, expected) in enumerate(HOSTILE, start=1):
        quoted = ws.cell(row=row, column=1).quotePrefix
        assert bool(quoted) == expected.startswith(("=", "+", "-", "@")), expected


def test_hostile_text_reads_back_through_calamine(tmp_path):
    from python_calamine import CalamineWorkbook

    path = _saved(tmp_path, [raw for raw, _expected in HOSTILE])
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert [r[0] for r in rows] == [expected for _raw, expected in HOSTILE]


def test_overlong_text_is_cut_to_what_excel_holds(tmp_path):
    from openpyxl import load_workbook

    path = _saved(tmp_path, ["ă" * 40000])
    assert len(load_workbook(path).active["A1"].value) == 32767


@pytest.mark.parametrize(
    ("value", "kind"),
    [(12, "n"), (12.5, "n"), (dt.date(2026, 3, 5), "d"), (None, "n")],
)
def test_numbers_and_dates_keep_their_type(tmp_path, value, kind):
    from openpyxl import load_workbook

    path = _saved(tmp_path, [value])
    cell = load_workbook(path).active["A1"]
    assert cell.data_type == kind
    if isinstance(value, dt.date):
        assert cell.value.date() == value and cell.number_format == "dd/mm/yyyy"
    else:
        assert cell.value == value


def test_campaign_workbook_with_hostile_member_text(demo_db, tmp_path):
    """A whole export: a step note typed as a formula stays text in the saved workbook."""
    from openpyxl import load_workbook

    from chibo_desktop.services.campaigns import campaign as campaigns
    from chibo_desktop.services.campaigns import reports as campaign_reports

    state = campaigns.campaign_state(demo_db, 1)
    step = state.steps[0]
    campaigns.update_step(demo_db, step.id, note='=HYPERLINK("http://x","a")\x01')
    out = campaign_reports.write_report(demo_db, 1, tmp_path / "dot.xlsx")
    wb = load_workbook(out)
    ws = wb["Các bước"]
    notes = [c.value for c in ws["H"] if isinstance(c.value, str)]
    assert '=HYPERLINK("http://x","a")' in notes
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_letterhead_rows_follow_hd36(tmp_path):
    from openpyxl import load_workbook

    from chibo_desktop.interop.letterhead import Letterhead
    from chibo_desktop.interop.xlsx.sheets import letterhead_rows

    wb, ws = new_workbook()
    head = Letterhead("Đảng bộ phường Hàng Bạc", "Chi bộ Khu phố 3", "Hà Nội", dt.date(2026, 3, 5))
    first = letterhead_rows(ws, head, "DANH SÁCH", "(Tính đến ngày 05/03/2026)", 6)
    ws = load_workbook(save_workbook(wb, tmp_path / "head.xlsx")).active
    assert [ws.cell(r, 1).value for r in (1, 2, 3)] == [
        "ĐẢNG BỘ PHƯỜNG HÀNG BẠC",
        "CHI BỘ KHU PHỐ 3",
        "*",
    ]
    assert ws.cell(2, 1).font.b and not ws.cell(1, 1).font.b
    assert ws.cell(1, 4).value == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert ws.cell(1, 4).font.b and ws.cell(1, 4).font.u == "single"
    assert ws.cell(2, 4).value == "Hà Nội, ngày 05 tháng 3 năm 2026" and ws.cell(2, 4).font.i
    assert ws.cell(4, 1).value == "DANH SÁCH" and first == 7


def test_finished_sheet_prints_like_a_party_document(tmp_path):
    from openpyxl import load_workbook

    from chibo_desktop.interop.xlsx.sheets import finish_sheet

    wb, ws = new_workbook()
    put(ws, 5, 1, "STT")
    finish_sheet(ws, 5, [6, 30])
    ws = load_workbook(save_workbook(wb, tmp_path / "in.xlsx")).active
    assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows == "$5:$5" and ws.freeze_panes == "A6"
    margins = ws.page_margins
    assert (margins.top, margins.bottom, margins.left, margins.right) == (0.79, 0.79, 1.18, 0.59)
    assert ws.HeaderFooter.differentFirst and "&P" in ws.oddHeader.center.text
    assert not ws.firstHeader.center.text


@pytest.mark.parametrize(
    "widths",
    [[40, 10, 10], [6, 26, 12], [30], [5, 30, 13, 13, 13, 13, 13, 28], [60, 60]],
)
def test_letterhead_blocks_fit_whatever_the_table_width(tmp_path, widths):
    """Each block of the header gets columns wide enough for its lines (a narrow report
    table used to cut 'ĐẢNG CỘNG SẢN VIỆT NAM' off)."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    from chibo_desktop.interop.letterhead import Letterhead
    from chibo_desktop.interop.xlsx.sheets import finish_sheet, header_row, letterhead_rows

    wb, ws = new_workbook()
    head = Letterhead(
        "Đảng bộ phường Hàng Bạc", "Chi bộ Khu phố 3", "Hà Nội", dt.date(2026, 11, 22)
    )
    row = letterhead_rows(ws, head, "BÁO CÁO", "", len(widths))
    header_row(ws, row, [f"Cột {n}" for n in range(len(widths))])
    finish_sheet(ws, row, widths)
    ws = load_workbook(save_workbook(wb, tmp_path / "w.xlsx")).active

    def width_of(row: int, column: int) -> float:
        span = next((m for m in ws.merged_cells.ranges if (row, column) in list(m.cells)), None)
        columns = range(span.min_col, span.max_col + 1) if span else [column]
        return sum(ws.column_dimensions[get_column_letter(c)].width or 8.43 for c in columns)

    nation = next(c for c in range(2, ws.max_column + 1) if ws.cell(1, c).value)
    assert ws.cell(1, nation).value == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert ws.cell(2, nation).value == "Hà Nội, ngày 22 tháng 11 năm 2026"
    assert ws.cell(1, nation).font.b and ws.cell(2, nation).font.i
    assert width_of(1, nation) >= 33
    assert ws.cell(1, 1).value == "ĐẢNG BỘ PHƯỜNG HÀNG BẠC" and ws.cell(3, 1).value == "*"
    assert width_of(1, 1) >= 26
    # Nothing else was left behind in the header rows.
    values = [ws.cell(r, c).value for r in (1, 2, 3) for c in range(1, ws.max_column + 1)]
    assert len([v for v in values if v]) == 5


def test_header_row_tall_enough_for_wrapped_labels(tmp_path):
    from openpyxl import load_workbook

    from chibo_desktop.interop.xlsx.sheets import finish_sheet, header_row

    wb, ws = new_workbook()
    header_row(ws, 3, ["STT", "Vắng không lý do", "Họ và tên"])
    finish_sheet(ws, 3, [6, 9, 30])
    ws = load_workbook(save_workbook(wb, tmp_path / "h.xlsx")).active
    assert ws.row_dimensions[3].height >= 2 * 15.75  # "Vắng không / lý do" on two lines

    wb, ws = new_workbook()
    header_row(ws, 3, ["STT", "Họ và tên"])
    finish_sheet(ws, 3, [6, 30])
    ws = load_workbook(save_workbook(wb, tmp_path / "h1.xlsx")).active
    assert ws.row_dimensions[3].height is None  # one line: left to the program


def test_moved_letterhead_text_stays_text(tmp_path):
    """The header blocks are moved once widths are known; hostile names move as text."""
    from openpyxl import load_workbook

    from chibo_desktop.interop.letterhead import Letterhead
    from chibo_desktop.interop.xlsx.sheets import finish_sheet, letterhead_rows

    wb, ws = new_workbook()
    head = Letterhead('=HYPERLINK("http://x","a")', "+CHI BỘ", "@Hà Nội", dt.date(2026, 3, 5))
    row = letterhead_rows(ws, head, "BÁO CÁO", "", 3)
    finish_sheet(ws, row, [40, 10, 10])  # narrow: the right block moves
    path = save_workbook(wb, tmp_path / "moved.xlsx")
    ws = load_workbook(path).active
    cells = [c for r in ws.iter_rows(max_row=3) for c in r if c.value]
    assert {c.value for c in cells} >= {'=HYPERLINK("HTTP://X","A")', "+CHI BỘ", "*"}
    assert all(c.data_type == "s" for c in cells)
    with zipfile.ZipFile(path) as z:
        assert "<f>" not in z.read("xl/worksheets/sheet1.xml").decode()
