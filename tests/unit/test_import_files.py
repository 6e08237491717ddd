"""Lists laid out the ways offices type them, read end to end into a real register."""

import datetime as dt

import pytest

from chibo_desktop.errors import ChiboError
from chibo_desktop.services.importing import inspect_file, run_import
from chibo_desktop.services.members import register as member_svc

from .import_files import HEADER, convert, cp1258, simple_list, write_xlsx

TODAY = dt.date(2026, 3, 15)


def stored(db) -> dict[str, dict]:
    return {r["full_name"]: r for r in member_svc.list_members(db, include_left=True)}


def test_titles_header_and_footer_every_date_form(db, tmp_path):
    rows = [
        [
            1,
            "Nguyễn Văn An",
            "Nam",
            dt.datetime(1960, 5, 3),
            "03/02/1985",
            "03/02/1986",
            "01.234567",
            "",
        ],
        [2, "Trần Thị Bình", "Nữ", "3/2/1970", "03-02-1995", "03.02.1996", "01.234568", ""],
        [3, "Lê Văn Cường", "nam", 25628.0, "1990-01-02", "1991-01-02", "", "Dự bị lâu"],
        [],  # a blank row inside the table
        [4, "Phạm Thị Dung", "NỮ", "05/1965", "1990", "1991", "", ""],
        [5, "Hoàng Văn Em", "Nam", 1970, "2010-05", "2011-05", "", ""],
    ]
    path = write_xlsx(tmp_path / "ds.xlsx", {"Sheet1": simple_list(rows)})
    report = run_import(db, path, today=TODAY)
    assert report.rejected == []
    assert (report.added, report.updated, report.unchanged) == (5, 0, 0)
    got = stored(db)
    assert set(got) == {
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Lê Văn Cường",
        "Phạm Thị Dung",
        "Hoàng Văn Em",
    }
    an = got["Nguyễn Văn An"]
    assert (an["birth_date"], an["join_date"], an["official_date"]) == (
        "1960-05-03",
        "1985-02-03",
        "1986-02-03",
    )  # day first: 03/02 is 3 February
    assert an["card_number"] == "01.234567"
    assert got["Trần Thị Bình"]["birth_date"] == "1970-02-03"
    assert got["Trần Thị Bình"]["official_date"] == "1996-02-03"
    assert got["Lê Văn Cường"]["birth_date"] == "1970-03-01"  # Excel serial 25628
    assert got["Lê Văn Cường"]["gender"] == "Nam"
    assert got["Lê Văn Cường"]["notes"] == "Dự bị lâu"
    dung = got["Phạm Thị Dung"]
    assert (dung["gender"], dung["birth_date"], dung["join_date"]) == ("Nữ", "1965-05", "1990")
    assert got["Hoàng Văn Em"]["birth_date"] == "1970"
    assert got["Hoàng Văn Em"]["join_date"] == "2010-05"


def test_two_row_merged_header_with_nam_nu_birth_columns(db, tmp_path):
    top = ["STT", "Họ và tên", "Ngày tháng năm sinh", "", "Ngày tháng năm", "", "Số thẻ ĐV"]
    sub = ["", "", "Nam", "Nữ", "Vào Đảng", "Chính thức", ""]
    numbering = ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"]
    rows = [
        ["ĐẢNG BỘ XÃ NGHĨA THẮNG"],
        ["DANH SÁCH ĐẢNG VIÊN"],
        [],
        top,
        sub,
        numbering,
        [1, "Nguyễn Văn An", "12/03/1960", "", "05/06/1985", "05/06/1986", "11.111111"],
        [2, "Trần Thị Bình", "", "07/08/1972", "01/02/1999", "01/02/2000", "22.222222"],
        [3, "Lê Thị Cúc", "", "1975", "2001", "2002", ""],
    ]
    merges = ["A4:A5", "B4:B5", "C4:D4", "E4:F4", "G4:G5"]
    path = write_xlsx(tmp_path / "ds.xlsx", {"DS": rows}, {"DS": merges})
    plan = inspect_file(db, path)
    assert plan.header_rows == [4, 5, 6]
    fields = {c.header: c.field for c in plan.columns}
    assert fields["Ngày tháng năm sinh / Nam"] == "birth_date_male"
    assert fields["Ngày tháng năm sinh / Nữ"] == "birth_date_female"
    assert fields["Ngày tháng năm / Vào Đảng"] == "join_date"
    assert fields["Ngày tháng năm / Chính thức"] == "official_date"
    report = run_import(db, path, today=TODAY)
    assert report.rejected == [] and report.added == 3
    got = stored(db)
    assert (got["Nguyễn Văn An"]["gender"], got["Nguyễn Văn An"]["birth_date"]) == (
        "Nam",
        "1960-03-12",
    )
    assert (got["Trần Thị Bình"]["gender"], got["Trần Thị Bình"]["birth_date"]) == (
        "Nữ",
        "1972-08-07",
    )
    assert got["Trần Thị Bình"]["join_date"] == "1999-02-01"
    assert got["Lê Thị Cúc"]["gender"] == "Nữ"


def test_sex_from_x_marks_and_from_a_lone_nu_column(db, tmp_path):
    marks = [
        ["Họ và tên", "Giới tính", "", "Ngày sinh"],
        ["", "Nam", "Nữ", ""],
        ["Nguyễn Văn An", "x", "", "1960"],
        ["Trần Thị Bình", "", "X", "1961"],
    ]
    path = write_xlsx(tmp_path / "a.xlsx", {"S": marks}, {"S": ["B1:C1"]})
    assert run_import(db, path, today=TODAY).rejected == []
    lone = [
        ["Họ và tên", "Nữ", "Năm sinh"],
        ["Lê Văn Cường", "", "1962"],
        ["Phạm Thị Dung", "x", "1963"],
    ]
    path = write_xlsx(tmp_path / "b.xlsx", {"S": lone})
    assert run_import(db, path, today=TODAY).rejected == []
    got = stored(db)
    assert [
        got[n]["gender"]
        for n in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung")
    ] == ["Nam", "Nữ", "Nam", "Nữ"]


def test_decomposed_names_and_stray_spaces_become_nfc(db, tmp_path):
    nfd = "  Nguye\u0302\u0303n   Thi\u0323  Ha\u0300 "
    path = write_xlsx(
        tmp_path / "a.xlsx",
        {"S": simple_list([[1, nfd, "Nu\u031b\u0303", "01/01/1970", "", "", "", ""]])},
    )
    report = run_import(db, path, today=TODAY)
    assert report.rejected == []
    assert list(stored(db)) == ["Nguyễn Thị Hà"]
    assert stored(db)["Nguyễn Thị Hà"]["gender"] == "Nữ"
    assert member_svc.search(db, "nguyen thi ha")


def test_headings_repeated_headers_and_notes_are_not_members_nor_errors(db, tmp_path):
    rows = [
        *simple_list([], footer=False),
        ["I. ĐẢNG VIÊN CHÍNH THỨC"],
        [1, "Nguyễn Văn An", "Nam", "01/01/1960", "01/01/1985", "01/01/1986", "", ""],
        HEADER,  # the header printed again on page 2
        ["", "Đảng viên dự bị"],
        [2, "Trần Thị Bình", "Nữ", "01/01/1990", "01/06/2025", "", "", ""],
        [],
        ["", "Tổng cộng", "", "", "", "", "", ""],
        ["Ghi chú: danh sách gồm 2 đồng chí"],
        ["", "", "", "", "Hà Nội, ngày 01 tháng 3 năm 2026"],
        ["", "", "", "", "NGƯỜI LẬP BIỂU"],
        [9, "Lê Văn Sau Bảng", "Nam", "01/01/1960", "", "", "", ""],
    ]
    path = write_xlsx(tmp_path / "a.xlsx", {"S": rows})
    report = run_import(db, path, today=TODAY)
    assert report.rejected == []
    assert report.added == 2
    assert report.skipped == 3
    assert set(stored(db)) == {"Nguyễn Văn An", "Trần Thị Bình"}


def test_the_sheet_that_holds_the_list_is_chosen(db, tmp_path):
    sheets = {
        "Hướng dẫn": [["Danh sách này dùng cho báo cáo quý"], ["Người lập: ..."]],
        "Tổng hợp": [["Chỉ tiêu", "Số lượng"], ["Đảng viên", 3], ["Nữ", 1]],
        "DS đảng viên": simple_list([[1, "Nguyễn Văn An", "Nam", "1960", "", "", "", ""]]),
        "Đã chuyển đi": simple_list(
            [
                [1, "Trần Văn Đi", "Nam", "1950", "", "", "", ""],
                [2, "Lê Văn Xa", "Nam", "1951", "", "", "", ""],
            ],
            title=False,
        ),
    }
    path = write_xlsx(tmp_path / "a.xlsx", sheets)
    plan = inspect_file(db, path)
    assert plan.sheet_names == list(sheets)
    assert plan.sheet in ("DS đảng viên", "Đã chuyển đi")
    report = run_import(db, path, sheet="DS đảng viên", today=TODAY)
    assert report.added == 1 and list(stored(db)) == ["Nguyễn Văn An"]
    with pytest.raises(ChiboError, match="không có trang “Không có”"):
        run_import(db, path, sheet="Không có", today=TODAY)
    with pytest.raises(ChiboError, match="Không tìm thấy bảng danh sách"):
        run_import(db, path, sheet="Tổng hợp", today=TODAY)


def test_numbers_excel_made_of_cards_and_phones_are_text_again(db, tmp_path):
    header = ["Họ và tên", "Ngày sinh", "Số thẻ đảng viên", "Điện thoại"]
    rows = [
        header,
        ["Nguyễn Văn An", "1960", 1.234567, 912345678],
        ["Trần Văn Bình", "1961", "83.674420", "0987654321"],
        ["Lê Văn Cường", "1962", 83.67443, 987654321.0],
    ]
    path = write_xlsx(tmp_path / "a.xlsx", {"S": rows})
    assert run_import(db, path, today=TODAY).rejected == []
    got = stored(db)
    assert (got["Nguyễn Văn An"]["card_number"], got["Nguyễn Văn An"]["phone"]) == (
        "01.234567",
        "0912345678",
    )
    assert got["Lê Văn Cường"]["card_number"] == "83.674430"
    assert got["Lê Văn Cường"]["phone"] == "0987654321"


LIST_TEXT = (
    "DANH SÁCH ĐẢNG VIÊN CHI BỘ KHU PHỐ 3\n"
    "\n"
    "STT{d}Họ và tên{d}Giới tính{d}Ngày sinh{d}Ngày vào Đảng{d}Số thẻ ĐV\n"
    "1{d}Nguyễn Văn Đặng{d}Nam{d}03/02/1960{d}05/06/1985{d}01.234567\n"
    "2{d}Trương Thị Ngọc Ánh{d}Nữ{d}1965{d}1990{d}\n"
)


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ","), ("utf-8-sig", ";"), ("cp1258", ";"), ("utf-16", "\t")],
)
def test_csv_in_each_encoding(db, tmp_path, encoding, delimiter):
    text = LIST_TEXT.format(d=delimiter)
    data = cp1258(text) if encoding == "cp1258" else text.encode(encoding)
    path = tmp_path / "ds.csv"
    path.write_bytes(data)
    report = run_import(db, path, today=TODAY)
    assert report.rejected == []
    got = stored(db)
    assert set(got) == {"Nguyễn Văn Đặng", "Trương Thị Ngọc Ánh"}
    assert got["Nguyễn Văn Đặng"]["birth_date"] == "1960-02-03"
    assert got["Nguyễn Văn Đặng"]["card_number"] == "01.234567"


def test_csv_in_western_windows_encoding(db, tmp_path):
    text = "Ho va ten;Ngay sinh;Gioi tinh\nLê Hà;01/02/1970;Nữ\nVõ Tú;1971;Nam\n"
    path = tmp_path / "ds.csv"
    path.write_bytes(text.replace("Nữ", "Nu").encode("cp1252"))
    assert run_import(db, path, today=TODAY).rejected == []
    assert set(stored(db)) == {"Lê Hà", "Võ Tú"}


@pytest.mark.parametrize(("ext", "filter_name"), [("xls", "MS Excel 97"), ("ods", "calc8")])
def test_old_excel_and_libreoffice_files(db, tmp_path, ext, filter_name):
    top = ["STT", "Họ và tên", "Ngày sinh", "", "Ngày vào Đảng"]
    sub = ["", "", "Nam", "Nữ", ""]
    rows = [
        ["CHI BỘ THÔN 5"],
        [],
        top,
        sub,
        [1, "Nguyễn Văn An", dt.date(1960, 5, 3), "", "05/06/1985"],
        [2, "Trần Thị Bình", "", "07/08/1972", dt.date(1999, 2, 1)],
        [],
        ["", "", "T/M CHI BỘ"],
    ]
    source = write_xlsx(tmp_path / "ds.xlsx", {"Danh sách": rows}, {"Danh sách": ["C3:D3"]})
    path = convert(source, ext, filter_name)
    report = run_import(db, path, today=TODAY)
    assert report.rejected == [] and report.added == 2
    got = stored(db)
    assert (got["Nguyễn Văn An"]["gender"], got["Nguyễn Văn An"]["birth_date"]) == (
        "Nam",
        "1960-05-03",
    )
    assert (got["Trần Thị Bình"]["gender"], got["Trần Thị Bình"]["join_date"]) == (
        "Nữ",
        "1999-02-01",
    )


def test_files_that_are_not_lists_get_clear_messages(db, tmp_path):
    picture = tmp_path / "anh.xlsx"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    with pytest.raises(ChiboError, match="không phải là bảng tính"):
        run_import(db, picture, today=TODAY)
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"rac" * 50)
    with pytest.raises(ChiboError, match="không phải là bảng tính"):
        run_import(db, broken, today=TODAY)
    empty = tmp_path / "trong.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(ChiboError, match="trống"):
        run_import(db, empty, today=TODAY)
    blank_csv = tmp_path / "trong.csv"
    blank_csv.write_text(";;\n;;\n", encoding="utf-8")
    with pytest.raises(ChiboError, match="trống"):
        run_import(db, blank_csv, today=TODAY)
    no_table = write_xlsx(tmp_path / "khac.xlsx", {"S": [["Thu", "Chi"], [1, 2]]})
    with pytest.raises(ChiboError, match="cột “Họ và tên”"):
        run_import(db, no_table, today=TODAY)
    with pytest.raises(ChiboError, match="Không tìm thấy tệp"):
        run_import(db, tmp_path / "khong_co.xlsx", today=TODAY)
    assert stored(db) == {}


def test_password_protected_workbook_is_named_as_such(db, tmp_path):
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml")
    plain = write_xlsx(tmp_path / "plain.xlsx", {"S": simple_list([[1, "Nguyễn Văn An"]])})
    locked = tmp_path / "co_mat_khau.xlsx"
    with plain.open("rb") as source, locked.open("wb") as out:
        ooxml.OOXMLFile(source).encrypt("matkhau", out)
    with pytest.raises(ChiboError, match="có đặt mật khẩu"):
        run_import(db, locked, today=TODAY)
