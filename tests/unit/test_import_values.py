"""Cell values as typed in office lists."""

import datetime as dt

import pytest

from chibo_desktop.interop.spreadsheet.fields import header_key, match_header
from chibo_desktop.interop.spreadsheet.values import (
    ValueProblem,
    as_text,
    name_problem,
    number_text,
    parse_date,
    parse_gender,
)

TODAY = dt.date(2026, 3, 15)


@pytest.mark.parametrize(
    ("cell", "iso"),
    [
        (dt.datetime(1960, 5, 3, 0, 0), "1960-05-03"),
        (dt.date(1960, 5, 3), "1960-05-03"),
        (22039.0, "1960-05-03"),  # Excel serial day number
        (1960.0, "1960"),  # a year typed as a number
        ("03/05/1960", "1960-05-03"),  # day first: 3 May
        ("3/5/1960", "1960-05-03"),
        ("03-05-1960", "1960-05-03"),
        ("03.05.1960", "1960-05-03"),
        (" 03 / 05 / 1960 ", "1960-05-03"),
        ("1960-05-03", "1960-05-03"),
        ("1960-05-03 00:00:00", "1960-05-03"),
        ("05/1960", "1960-05"),
        ("5/1960", "1960-05"),
        ("1960", "1960"),
        ("03/05/60", "1960-05-03"),
        ("ngày 3 tháng 5 năm 1960", "1960-05-03"),
        ("tháng 5 năm 1960", "1960-05"),
        ("", None),
        (None, None),
    ],
)
def test_dates_every_form_day_first(cell, iso):
    assert parse_date(cell, TODAY) == iso


@pytest.mark.parametrize(
    "cell", ["31/02/1990", "00/05/1990", "12/13/1990", "13/1990", "abc", "1.5"]
)
def test_impossible_or_unreadable_dates_say_why(cell):
    with pytest.raises(ValueProblem) as info:
        parse_date(cell, TODAY)
    assert cell.strip() in str(info.value)


@pytest.mark.parametrize(
    ("cell", "sex"),
    [
        ("Nam", "Nam"),
        ("nam", "Nam"),
        ("NAM", "Nam"),
        ("Nữ", "Nữ"),
        ("nu\u0303", "Nữ"),
        ("Nu\u031b\u0303", "Nữ"),
        ("nữ", "Nữ"),
        ("", None),
    ],
)
def test_sex_words(cell, sex):
    assert parse_gender(cell) == sex


def test_sex_not_understood():
    with pytest.raises(ValueProblem, match="Không hiểu giới tính “Khác”"):
        parse_gender("Khác")


def test_numbers_excel_made_of_text_come_back():
    assert as_text(83674421.0) == "83674421"
    assert number_text(912345678.0, "phone", None) == "0912345678"
    assert number_text(12345678901.0, "citizen_id", None) == "012345678901"
    assert number_text(1.23456, "card_number", (2, 6)) == "01.234560"
    assert number_text(83.674421, "card_number", (2, 6)) == "83.674421"
    assert number_text(" 83.674421 ", "card_number", None) == "83.674421"


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("", "bỏ trống"),
        (None, "bỏ trống"),
        ('=HYPERLINK("x")', "công thức"),
        ("+84 Nguyễn", "công thức"),
        ("@Nguyễn", "công thức"),
        ("Nguyễn\x07Văn", "ký tự điều khiển"),
        (12.0, "không phải là họ và tên"),
    ],
)
def test_names_that_are_not_names(cell, reason):
    assert reason in name_problem(cell)


def test_plain_names_pass():
    assert name_problem("Nguyễn Văn An") is None
    assert name_problem("  Nguye\u0302\u0303n  Văn An ") is None


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Họ và tên", "full_name"),
        ("HỌ TÊN", "full_name"),
        ("Ho va ten", "full_name"),
        ("Họ và tên (chữ in hoa)", "full_name"),
        ("Số thẻ ĐV", "card_number"),
        ("Số thẻ đảng viên", "card_number"),
        ("Ngày vào Đảng", "join_date"),
        ("Ngày kết nạp", "join_date"),
        ("Ngày, tháng, năm vào Đảng", "join_date"),
        ("Ngày chính thức", "official_date"),
        ("Ngày công nhận chính thức", "official_date"),
        ("Ngày tháng năm sinh", "birth_date"),
        ("Nam/Nữ", "gender"),
        ("SĐT", "phone"),
        ("Số CCCD", "citizen_id"),
        ("Quê quán", "hometown"),
        ("Xếp loại", None),
    ],
)
def test_header_synonyms_without_diacritics_case_or_punctuation(header, field):
    assert match_header(header) == field


def test_header_key():
    assert header_key("Số thẻ Đ.V.") == "so the d v"
