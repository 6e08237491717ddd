"""A small register built by hand through the services, with the figures of report 2
(tình hình đảng viên) worked out on paper and written here as literals.

Other report tests import ``build_register`` and ``REGISTER_*`` from this module.
"""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from chibo_desktop.domain.members import Member
from chibo_desktop.domain.status import StatusChange
from chibo_desktop.services.contract.results import run_to_end
from chibo_desktop.services.members.register import add_status_change, save_member
from chibo_desktop.services.reports.catalog import build_report, report_doc
from chibo_desktop.services.reports.situation import situation

TODAY = dt.date(2026, 3, 15)
START, END = dt.date(2026, 1, 1), dt.date(2026, 3, 15)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# name: (sex, ethnicity, born, joined, official, theory, position, [(change, date, decision)])
PEOPLE = {
    "Nguyễn Văn An": (
        "Nam", "Kinh", "1960-05-10", "1985-03-01", "1986-03-01", "Cao cấp", "Bí thư",
        [("transfer_in", "2015-01-10", "")],
    ),
    "Trần Thị Bình": (
        "Nữ", "Kinh", "1990-07-20", "2025-06-01", None, "Sơ cấp", "Chi ủy viên",
        [("admitted", "2025-06-01", "15-QĐ/ĐU")],
    ),
    "Lê Văn Cường": (
        "Nam", "Tày", "1975-01-15", "2000-02-03", "2001-02-03", "Trung cấp", "",
        [("transfer_in", "2010-05-05", ""), ("temp_out", "2025-10-01", "")],
    ),
    "Phạm Thị Dung": (
        "Nữ", "Kinh", "2000-12-01", "2025-02-10", "2026-02-10", "", "",
        [("admitted", "2025-02-10", ""), ("official", "2026-02-10", "31-QĐ/ĐU")],
    ),
    "Hoàng Văn Em": (
        "Nam", "Kinh", "1940-03-01", "1970-01-01", "1971-01-01", "Trung cấp", "",
        [("transfer_in", "2005-01-01", ""), ("died", "2026-02-20", "")],
    ),
    "Đặng Văn Phúc": (
        "Nam", "Kinh", "1980-06-06", "2010-06-06", "2011-06-06", "Sơ cấp", "",
        [("transfer_in", "2026-01-20", "")],
    ),
    "Vũ Thị Giang": (
        "Nữ", "Mường", "1955-09-09", "1980-09-09", "1981-09-09", "Cử nhân", "",
        [("transfer_in", "2000-01-01", ""), ("exempt", "2024-01-01", "")],
    ),
    "Bùi Văn Hùng": (
        "Nam", "Kinh", "1985-04-04", "2012-04-04", "2013-04-04", "Sơ cấp", "",
        [("transfer_in", "2012-04-04", ""), ("transfer_out", "2026-03-01", "")],
    ),
    "Đỗ Văn Khánh": (
        "Nam", "Kinh", "1970-10-10", "1995-10-10", "1996-10-10", "Trung cấp", "",
        [("transfer_in", "1995-10-10", ""), ("struck_off", "2026-01-05", "02-QĐ/ĐU")],
    ),
    "Ngô Thị Lan": (
        "Nữ", "Kinh", "1988-08-08", "2010-01-01", "2011-01-01", "Sơ cấp", "",
        [("temp_in", "2025-09-01", "")],
    ),
    "Lý Văn Minh": (
        "Nam", "Kinh", "1965-02-02", "1990-02-02", "1991-02-02", "Trung cấp", "",
        [("transfer_in", "2020-01-01", ""), ("transfer_out", "2025-11-01", "")],
    ),
    "Dương Thị Ngọc": (
        "Nữ", "Kinh", "1998-03-20", "2026-03-05", None, "Sơ cấp", "",
        [("admitted", "2026-03-05", "40-QĐ/ĐU")],
    ),
}  # fmt: skip


def build_register(db) -> dict[str, int]:
    """The members above, each saved with its first change and then the others."""
    ids = {}
    for name, (sex, ethnic, born, joined, official, theory, position, history) in PEOPLE.items():
        member = Member(
            full_name=name,
            gender=sex,
            ethnicity=ethnic,
            birth_date=born,
            join_date=joined,
            official_date=official,
            theory_level=theory,
            position=position,
        )
        first, *rest = history
        change = StatusChange(first[0], d(first[1]), first[2])
        member_id = save_member(db, member, first_status=change, today=TODAY).value
        for kind, date, decision in rest:
            add_status_change(db, member_id, StatusChange(kind, d(date), decision), today=TODAY)
        ids[name] = member_id
    return ids


@pytest.fixture
def register(db):
    return build_register(db)


def test_counts_at_the_end_of_the_period(db, register):
    s = situation(db, START, END)
    assert (s.opening, s.total, s.chinh_thuc, s.du_bi) == (8, 7, 5, 2)
    assert (s.exempt, s.temp_out, s.suspended, s.temporary_here) == (1, 1, 0, 1)
    groups = {g.title: g.rows for g in s.groups}
    assert groups == {
        "Theo giới tính": [("Nam", 3), ("Nữ", 4)],
        "Theo dân tộc": [("Kinh", 5), ("Mường", 1), ("Tày", 1)],
        "Theo độ tuổi": [
            ("Từ 18 đến 30 tuổi", 2),
            ("Từ 31 đến 40 tuổi", 1),
            ("Từ 41 đến 50 tuổi", 1),
            ("Từ 51 đến 60 tuổi", 1),
            ("Từ 61 đến 70 tuổi", 2),
            ("Từ 71 tuổi trở lên", 0),
        ],
        "Theo trình độ lý luận chính trị": [
            ("Cử nhân", 1),
            ("Cao cấp", 1),
            ("Trung cấp", 1),
            ("Sơ cấp", 3),
            ("Chưa có", 1),
        ],
        "Theo tuổi Đảng": [
            ("Dưới 10 năm", 3),
            ("Từ 10 đến dưới 30 năm", 2),
            ("Từ 30 đến dưới 40 năm", 0),
            ("Từ 40 đến dưới 50 năm", 2),
            ("Từ 50 năm trở lên", 0),
        ],
    }


def test_changes_in_the_period(db, register):
    s = situation(db, START, END)
    names = {c.key: [m.full_name for m, _c in c.events] for c in s.changes}
    assert names == {
        "admitted": ["Dương Thị Ngọc"],
        "official": ["Phạm Thị Dung"],
        "transfer_in": ["Đặng Văn Phúc"],
        "restored": [],
        "transfer_out": ["Bùi Văn Hùng"],
        "died": ["Hoàng Văn Em"],
        "removed": ["Đỗ Văn Khánh"],
    }
    assert s.balanced  # 8 + 2 in - 3 out = 7


def test_the_day_before_a_change_still_counts_the_member(db, register):
    # Hùng leaves on 01/03: a period ending 28/02 still has him, and no transfer out.
    s = situation(db, START, d("2026-02-28"))
    assert (s.total, s.change("transfer_out"), s.change("died"), s.change("admitted")) == (
        7,
        0,
        1,
        0,
    )
    s = situation(db, START, d("2026-03-01"))
    assert (s.total, s.change("transfer_out")) == (6, 1)
    assert s.balanced


REMOVED = "Ra khỏi Đảng (xin ra, xóa tên, khai trừ)"


def test_situation_preview_document(db, register):
    doc = report_doc(db, "situation", START, END, TODAY)
    assert doc.title == "Báo cáo tình hình đảng viên"
    assert doc.subtitle == "Từ ngày 01/01/2026 đến ngày 15/03/2026"
    counts = doc.sections[0].table.rows
    assert counts[0] == ["Tổng số đảng viên", 7, 1.0]
    assert counts[1] == ["Đảng viên chính thức", 5, pytest.approx(5 / 7)]
    assert counts[2] == ["Đảng viên dự bị", 2, pytest.approx(2 / 7)]
    moves = doc.sections[1].table
    assert moves.rows[0] == ["Số đảng viên đầu kỳ (ngày 31/12/2025)", 8]
    assert moves.total == ["Số đảng viên cuối kỳ (ngày 15/03/2026)", 7]
    events = doc.sections[2].table.rows
    assert [tuple(r) for r in events] == [
        (1, "Dương Thị Ngọc", "Kết nạp đảng viên mới", d("2026-03-05"), "40-QĐ/ĐU", ""),
        (2, "Phạm Thị Dung", "Công nhận đảng viên chính thức", d("2026-02-10"), "31-QĐ/ĐU", ""),
        (3, "Đặng Văn Phúc", "Chuyển sinh hoạt đến", d("2026-01-20"), "", ""),
        (4, "Bùi Văn Hùng", "Chuyển sinh hoạt đi", d("2026-03-01"), "", ""),
        (5, "Hoàng Văn Em", "Từ trần", d("2026-02-20"), "", ""),
        (6, "Đỗ Văn Khánh", REMOVED, d("2026-01-05"), "02-QĐ/ĐU", ""),
    ]


# --- helpers for the files (used by the other report tests too) ---------------------------


def write(db, name: str, path, start=START, end=END):
    return run_to_end(build_report(db, name, start, end, path, TODAY))


def check_sheet_setup(ws) -> int:
    """A4, header frozen and repeated on every page; returns the header row."""
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.freeze_panes is not None
    header = int(ws.freeze_panes[1:]) - 1
    assert ws.print_title_rows == f"${header}:${header}"
    return header


def table_cells(ws, header: int, columns: int) -> list[list]:
    """The cells of the table under ``header`` up to the first empty row."""
    rows = []
    for row in ws.iter_rows(min_row=header + 1, max_col=columns):
        if all(c.value is None for c in row):
            break
        rows.append(list(row))
    return rows


def values(cells: list[list]) -> list[list]:
    return [[c.value for c in row] for row in cells]


def no_formulas(ws) -> None:
    for row in ws.iter_rows():
        for c in row:
            assert c.data_type != "f", c.coordinate


def pdf_text(path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def squeeze(text: str) -> str:
    """PDF text with runs of spaces collapsed, for matching table lines."""
    return "\n".join(" ".join(line.split()) for line in text.splitlines())


def test_situation_workbook_cell_by_cell(db, register, tmp_path):
    import datetime as _dt

    import openpyxl

    path = write(db, "situation", tmp_path / "tinh_hinh.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [
        "Số lượng đảng viên",
        "Biến động trong kỳ",
        "Danh sách biến động",
        "Thu, nộp đảng phí",
    ]
    ws = wb["Số lượng đảng viên"]
    assert ws["A1"].value == "ĐẢNG BỘ PHƯỜNG HÀNG BẠC"
    assert ws["A2"].value == "CHI BỘ KHU PHỐ 3"
    assert ws["C1"].value == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert ws["C2"].value == "Hà Nội, ngày 15 tháng 3 năm 2026"
    assert ws["A4"].value == "Số 01-BC/CB"
    assert ws["A5"].value == "BÁO CÁO"
    assert ws["A6"].value == "Tình hình đảng viên"
    assert ws["A7"].value == "Từ ngày 01/01/2026 đến ngày 15/03/2026"
    header = check_sheet_setup(ws)
    assert ws.page_setup.orientation == "portrait"
    assert [ws.cell(header, c).value for c in (1, 2, 3)] == ["Chỉ tiêu", "Số lượng", "Tỷ lệ"]
    cells = table_cells(ws, header, 3)
    got = values(cells)
    assert got[:7] == [
        ["Tổng số đảng viên", 7, 1],
        ["Đảng viên chính thức", 5, pytest.approx(5 / 7)],
        ["Đảng viên dự bị", 2, pytest.approx(2 / 7)],
        ["Trong đó: miễn công tác và sinh hoạt đảng", 1, pytest.approx(1 / 7)],
        ["Trong đó: sinh hoạt tạm thời nơi khác", 1, pytest.approx(1 / 7)],
        ["Trong đó: đình chỉ sinh hoạt", 0, 0],
        ["Sinh hoạt tạm thời tại chi bộ (không tính vào tổng số)", 1, None],
    ]
    assert got[7:10] == [["Theo giới tính", None, None], ["Nam", 3, pytest.approx(3 / 7)],
                         ["Nữ", 4, pytest.approx(4 / 7)]]  # fmt: skip
    assert [r[:2] for r in got[-6:]] == [
        ["Theo tuổi Đảng", None],
        ["Dưới 10 năm", 3],
        ["Từ 10 đến dưới 30 năm", 2],
        ["Từ 30 đến dưới 40 năm", 0],
        ["Từ 40 đến dưới 50 năm", 2],
        ["Từ 50 năm trở lên", 0],
    ]
    assert len(got) == 7 + 3 + 4 + 7 + 6 + 6
    assert cells[1][2].number_format == "0.0%"
    assert cells[0][1].data_type == "n"
    sign = header + len(got) + 3
    signature = [ws.cell(r, 3).value for r in range(sign, sign + 6)]
    assert signature == ["T/M CHI BỘ", "BÍ THƯ", None, None, None, "Nguyễn Văn An"]

    ws = wb["Biến động trong kỳ"]
    header = check_sheet_setup(ws)
    got = values(table_cells(ws, header, 2))
    assert got == [
        ["Số đảng viên đầu kỳ (ngày 31/12/2025)", 8],
        ["Tăng trong kỳ", None],
        ["Kết nạp đảng viên mới", 1],
        ["Chuyển sinh hoạt đến", 1],
        ["Phục hồi đảng tịch", 0],
        ["Giảm trong kỳ", None],
        ["Chuyển sinh hoạt đi", 1],
        ["Từ trần", 1],
        ["Ra khỏi Đảng (xin ra, xóa tên, khai trừ)", 1],
        ["Khác", None],
        ["Công nhận đảng viên chính thức", 1],
        ["Số đảng viên cuối kỳ (ngày 15/03/2026)", 7],
    ]
    assert ws.cell(header + 12, 2).font.bold  # the closing total, a value not a formula

    ws = wb["Danh sách biến động"]
    header = check_sheet_setup(ws)
    cells = table_cells(ws, header, 6)
    assert [c.value for c in ws[header]][:6] == [
        "STT", "Họ và tên", "Biến động", "Ngày", "Số quyết định", "Ghi chú"
    ]  # fmt: skip
    assert [[r[1].value, r[3].value] for r in cells] == [
        ["Dương Thị Ngọc", _dt.datetime(2026, 3, 5)],
        ["Phạm Thị Dung", _dt.datetime(2026, 2, 10)],
        ["Đặng Văn Phúc", _dt.datetime(2026, 1, 20)],
        ["Bùi Văn Hùng", _dt.datetime(2026, 3, 1)],
        ["Hoàng Văn Em", _dt.datetime(2026, 2, 20)],
        ["Đỗ Văn Khánh", _dt.datetime(2026, 1, 5)],
    ]
    assert all(r[3].is_date and r[3].number_format == "dd/mm/yyyy" for r in cells)
    assert cells[5][4].value == "02-QĐ/ĐU"
    for sheet in wb:
        no_formulas(sheet)


def test_situation_group_rows_span_the_table_only(db, register, tmp_path):
    """The group rows ("Theo giới tính" and the others) are merged over the three table columns,
    not one column wider (the header block above is at least four columns wide)."""
    import openpyxl

    path = write(db, "situation", tmp_path / "tinh_hinh.xlsx")
    ws = openpyxl.load_workbook(path)["Số lượng đảng viên"]
    header = check_sheet_setup(ws)
    groups = [
        r for r in range(header + 1, ws.max_row + 1)
        if str(ws.cell(r, 1).value or "").startswith("Theo ")
    ]  # fmt: skip
    assert len(groups) == 5
    spans = {m.min_row: (m.min_col, m.max_col) for m in ws.merged_cells.ranges}
    for r in groups:
        assert spans[r] == (1, 3), ws.cell(r, 1).value
        assert ws.cell(r, 1).font.bold
        assert all(ws.cell(r, c).border.top.style == "thin" for c in (1, 2, 3))
        assert ws.cell(r, 3).border.right.style == "thin"
        assert ws.cell(r, 4).border.top.style is None  # nothing drawn beyond the table


def test_situation_pdf_text(db, register, tmp_path):
    path = write(db, "situation", tmp_path / "tinh_hinh.pdf")
    text = squeeze(pdf_text(path))
    for line in (
        "ĐẢNG BỘ PHƯỜNG HÀNG BẠC ĐẢNG CỘNG SẢN VIỆT NAM",
        "BÁO CÁO\nTình hình đảng viên",
        "Từ ngày 01/01/2026 đến ngày 15/03/2026",
        "Tổng số đảng viên 7 100,0%",
        "Đảng viên chính thức 5 71,4%",
        "Đảng viên dự bị 2 28,6%",
        "Nam 3 42,9%",
        "Nữ 4 57,1%",
        "Kinh 5 71,4%",
        "Từ 61 đến 70 tuổi 2 28,6%",
        "Sơ cấp 3 42,9%",
        "Dưới 10 năm 3 42,9%",
        "Số đảng viên đầu kỳ (ngày 31/12/2025) 8",
        "Từ trần 1",
        "Số đảng viên cuối kỳ (ngày 15/03/2026) 7",
        "4 Bùi Văn Hùng Chuyển sinh hoạt đi 01/03/2026",
        "T/M CHI BỘ",
        "Nguyễn Văn An",
    ):
        assert line in text, line
    assert "Hà Nội, ngày 15 tháng 3 năm 2026" in text


def test_printed_text_stays_vietnamese_in_english(db, register):
    from chibo_desktop import i18n

    i18n.set_language("en")
    doc = report_doc(db, "situation", START, END, TODAY)
    assert doc.title == "Báo cáo tình hình đảng viên"
    assert [s.title for s in doc.sections] == [
        "Số lượng đảng viên",
        "Biến động trong kỳ",
        "Danh sách biến động",
        "Thu, nộp đảng phí",
    ]
    assert doc.sections[0].table.columns[0].label == "Chỉ tiêu"
    assert doc.signer.caption == "T/M CHI BỘ"
    assert "Theo độ tuổi" in [getattr(r, "text", None) for r in doc.sections[0].table.rows]
    assert doc.text_preview().count("71,4%") == 2  # Vietnamese decimal comma


def test_printed_titles_stay_vietnamese_in_english(db, register, tmp_path):
    """A meeting of no known kind and the campaign's first figure are printed titles: the
    English interface does not change them, on screen data or on paper."""
    import openpyxl

    from chibo_desktop import i18n
    from chibo_desktop.domain.campaign import figures
    from chibo_desktop.domain.meetings import Meeting, summary_line
    from chibo_desktop.rules.meetings import meeting_rules
    from chibo_desktop.services.campaigns.campaign import campaign_state, create_campaign

    campaign_id = create_campaign(db, "tu_soi_tu_sua", dt.date(2026, 1, 10), today=TODAY).value
    i18n.set_language("en")
    try:
        assert i18n._("Báo cáo") == "Reports"  # the interface really is English
        meeting = Meeting(dt.date(2026, 3, 5), kinds=("khong_co",))
        assert summary_line(meeting_rules(), meeting) == "Sinh hoạt chi bộ ngày 05/03/2026"
        first = figures(campaign_state(db, campaign_id, TODAY))[0]
        assert first.label == "Đảng viên tham gia đợt sinh hoạt"
        assert i18n._(first.label) == "Members taking part in the campaign"  # for a screen
        path = write(db, "campaign", tmp_path / "dot.xlsx")
    finally:
        i18n.set_language("vi")
    ws = openpyxl.load_workbook(path)["Số liệu"]
    header = check_sheet_setup(ws)
    assert ws.cell(header + 1, 2).value == "Đảng viên tham gia đợt sinh hoạt"
