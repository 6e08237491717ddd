"""`chibo dues rates|month|sheet|year|pay` on the demo cell and on a small cell; the
printed sheet and the year summary read back from the PDF and the workbook."""

from __future__ import annotations

import json
import subprocess

import openpyxl
import pytest

from chibo_desktop.cli import main

from .test_dues_service import add
from .test_report_register import pdf_text, squeeze


def run(path, *args) -> int:
    return main(["--db", str(path), "dues", *map(str, args)])


def test_rates_on_each_side_of_the_boundary(demo_path, capsys):
    assert run(demo_path, "rates", "--on", "2026-03-01", "--json") == 0
    now = json.loads(capsys.readouterr().out)
    assert now["regime"] == "qd01" and now["exempt_party_years"] == 50
    groups = {g["key"]: g for g in now["groups"]}
    assert groups["salary"]["rate_percent"] == 1 and groups["pension"]["rate_percent"] == 0.5
    assert groups["student"]["fixed"] == 5000
    assert groups["other"]["cell_set"] and groups["other"]["verified"] is False
    assert run(demo_path, "rates", "--on", "2026-01-31", "--json") == 0
    before = json.loads(capsys.readouterr().out)
    assert before["regime"] == "qd342" and before["exempt_party_years"] is None


def test_month_json_on_the_demo(demo_path, capsys):
    assert run(demo_path, "month", "2026-03", "--json") == 0
    month = json.loads(capsys.readouterr().out)
    states = {m["state"] for m in month["members"]}
    assert {"paid", "unpaid", "exempt"} <= states
    assert month["total_paid"] == sum(m["paid"] for m in month["members"])
    assert month["kept"] + month["to_pass_up"] == month["total_paid"]
    assert all(m["group"] for m in month["members"])


@pytest.fixture
def small(db_path):
    from chibo_desktop.storage.database import open_database

    db = open_database(db_path)
    ids = [
        add(db, "Nguyễn Văn Lương", "2000-05-10", "salary", 9_360_000),
        add(db, "Trần Thị Hưu", "1990-03-03", "pension", 6_000_000),
        add(db, "Lê Văn Sinh", "2024-09-02", "student"),
        add(db, "Phạm Văn Lão", "1975-06-10", "pension", 6_000_000),
    ]
    db.close()
    return db_path, ids


def test_pay_all_then_an_exception(small, capsys):
    path, ids = small
    assert run(path, "pay", "2026-03", "--all", "--method", "online") == 0
    assert "3 đảng viên" in capsys.readouterr().out
    assert run(path, "pay", "2026-03", "--member", ids[1], "--amount", "15.000 đ") == 0
    capsys.readouterr()
    run(path, "month", "2026-03", "--json")
    members = {m["member_id"]: m for m in json.loads(capsys.readouterr().out)["members"]}
    assert members[ids[0]]["paid"] == 93_600 and members[ids[0]]["method"] == "online"
    assert (members[ids[1]]["paid"], members[ids[1]]["state"]) == (15_000, "partial")
    assert members[ids[3]]["state"] == "exempt"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--amount", "-5000"], "âm"),
        (["--amount", "200.000.000"], "quá lớn"),
        (["--amount", "9,36 triệu"], "không đọc được"),
    ],
)
def test_bad_payments_are_refused_with_a_reason(small, capsys, args, message):
    path, ids = small
    assert run(path, "pay", "2026-03", "--member", ids[0], *args) == 1
    assert message in capsys.readouterr().err


def test_a_payment_before_joining_is_refused(small, capsys):
    path, ids = small
    assert run(path, "pay", "2024-05", "--member", ids[2], "--amount", "5000") == 1
    assert "chưa sinh hoạt" in capsys.readouterr().err


def test_bad_month(small, capsys):
    path, _ids = small
    assert run(path, "month", "2026-13") == 1
    assert "không hợp lệ" in capsys.readouterr().err


def test_printed_sheet_holds_the_ledger(small, tmp_path, capsys):
    path, _ids = small
    run(path, "pay", "2026-03", "--all", "--date", "2026-03-05")
    pdf, xlsx = tmp_path / "so_thu.pdf", tmp_path / "so_thu.xlsx"
    assert run(path, "sheet", "2026-03", pdf, "--number", "Số 03-BC/CB") == 0
    assert run(path, "sheet", "2026-03", xlsx) == 0
    text = squeeze(pdf_text(pdf))
    for expected in (
        "SỔ THU ĐẢNG PHÍ",
        "Tháng 03 năm 2026",
        "CHI BỘ KHU PHỐ 3",
        "Số 03-BC/CB",
        "3 Nguyễn Văn Lương BHXH 9.360.000 93.600 93.600 Tiền mặt 05/03/2026",
        "Miễn: đủ 50 năm",
        "Cộng 128.600 128.600",
        "Quy định 01-QĐ/TW",
    ):
        assert expected in text, expected
    # The page is drawn: rendered to an image without error.
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", pdf, png], check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 5_000
    ws = openpyxl.load_workbook(xlsx).active
    rows = {r[1]: r for r in ws.iter_rows(values_only=True) if r and isinstance(r[0], int)}
    assert rows["Nguyễn Văn Lương"][3:6] == (9_360_000, 93_600, 93_600)
    cell = next(c for row in ws.iter_rows() for c in row if c.value == 9_360_000)
    assert cell.number_format == "#,##0"


def test_year_summary_both_formats(small, tmp_path, capsys):
    path, _ids = small
    run(path, "pay", "2026-02", "--all")
    pdf, xlsx = tmp_path / "nam.pdf", tmp_path / "nam.xlsx"
    assert run(path, "year", "2026", pdf) == 0 and run(path, "year", "2026", xlsx) == 0
    text = squeeze(pdf_text(pdf))
    assert "TỔNG HỢP THU, NỘP ĐẢNG PHÍ" in text and "Năm 2026" in text
    # January: nothing paid; February paid; March not yet (today is 15/03/2026); members
    # in name order (Hưu, Lão, Lương, Sinh).
    assert "3 Nguyễn Văn Lương – 93.600 – 93.600" in text
    wb = openpyxl.load_workbook(xlsx)
    assert len(wb.sheetnames) == 3
    first = {r[1]: r for r in wb.worksheets[0].iter_rows(values_only=True) if r and r[1]}
    assert first["Nguyễn Văn Lương"][2:5] == ("–", 93_600, "–")
    assert first["Phạm Văn Lão"][3] == "Miễn"
    second = {r[1]: r for r in wb.worksheets[1].iter_rows(values_only=True) if r and r[1]}
    assert second["Nguyễn Văn Lương"][8:10] == (93_600, 2)


def test_wrong_output_suffix(small, tmp_path, capsys):
    path, _ids = small
    assert run(path, "sheet", "2026-03", tmp_path / "x.docx") == 1


def test_the_situation_report_has_a_dues_section(small, tmp_path, capsys):
    path, _ids = small
    run(path, "pay", "2026-02", "--all")
    out = tmp_path / "tinh_hinh.pdf"
    args = ["--db", str(path), "report", "situation", "--from", "2026-01-01", "--to", "2026-03-15"]
    assert main([*args, str(out)]) == 0
    text = squeeze(pdf_text(out))
    assert "THU, NỘP ĐẢNG PHÍ" in text  # a numbered section, in capitals
    assert "02/2026 128.600 128.600 0" in text
    assert "03/2026 128.600 0 3" in text


def test_cell_settings_reliefs_and_passing_up(small, capsys):
    path, ids = small
    assert run(path, "settings", "--kept-percent", "30", "--rounding", "thousand", "--json") == 0
    assert json.loads(capsys.readouterr().out)["kept_percent"] == 30
    assert run(path, "settings", "--amount", "qd342:other=50000") == 1
    assert "2000 đến 30000" in capsys.readouterr().err
    args = ["relief", ids[0], "--kind", "reduce", "--from", "2026-03", "--to", "2026-05"]
    assert run(path, *args, "--percent", "40") == 1
    assert "30, 50, 70" in capsys.readouterr().err
    assert run(path, *args, "--percent", "50", "--decision", "Số 15-QĐ/ĐU") == 0
    assert run(path, "passed-up", "2026-03", "--amount", "40.000", "--date", "2026-03-20") == 0
    assert run(path, "passed-up", "2026-03", "--amount", "1", "--meeting", "999") == 1
    capsys.readouterr()
    run(path, "month", "2026-03", "--json")
    month = json.loads(capsys.readouterr().out)
    members = {m["member_id"]: m for m in month["members"]}
    assert members[ids[0]]["due"] == 47_000  # 93,600 halved, to the nearest thousand
    assert "Số 15-QĐ/ĐU" in members[ids[0]]["reason"]
    assert (month["passed_up"], month["passed_up_on"]) == (40_000, "2026-03-20")


def test_settings_from_a_month(small, capsys):
    path, _ids = small
    assert run(path, "settings", "--kept-percent", "30") == 0
    assert run(path, "settings", "--from", "2026-04", "--kept-percent", "20") == 0
    capsys.readouterr()
    assert run(path, "settings", "--from", "2026-03", "--json") == 0
    assert json.loads(capsys.readouterr().out)["kept_percent"] == 30
    assert run(path, "settings", "--from", "2026-05", "--json") == 0
    assert json.loads(capsys.readouterr().out)["kept_percent"] == 20
