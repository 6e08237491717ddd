"""Importing the dues basis from a unit's salary list: matched by card or name, amounts in
the ways people type them, footers left out, row errors with reasons, twice = once."""

from __future__ import annotations

import json

import openpyxl
import pytest

from chibo_desktop.cli import main
from chibo_desktop.domain.dues import Month
from chibo_desktop.services.dues.basis_import import commit_basis_import, plan_basis_import
from chibo_desktop.services.dues.ledger import month_ledger
from chibo_desktop.storage.database import open_database

from .import_files import write_xlsx
from .test_dues_service import TODAY, add

MAR = Month(2026, 3)


@pytest.fixture
def cell(db):
    ids = {
        "luong": add(db, "Nguyễn Văn Lương", "2000-05-10", "other"),
        "hoa": add(db, "Trần Thị Hoa", "2001-03-03", "other"),
    }
    db.execute("UPDATE members SET card_number = '12.345678' WHERE id = ?", [ids["hoa"]])
    return db, ids


def salary_list(path, rows, header=("STT", "Họ và tên", "Số thẻ đảng viên", "Mức lương")):
    return write_xlsx(
        path,
        {
            "Bảng lương": [
                ["ỦY BAN NHÂN DÂN PHƯỜNG HÀNG BẠC"],
                ["BẢNG LƯƠNG THÁNG 02/2026"],
                [],
                list(header),
                *rows,
                [None, "Tổng cộng", None, 18_000_000],
                [None, "Người lập biểu"],
            ]
        },
    )


def test_rows_matched_by_card_or_name_and_written_from_the_month(cell, tmp_path):
    db, ids = cell
    path = salary_list(
        tmp_path / "luong.xlsx",
        [
            [1, "Nguyễn  Văn Lương", None, "9.360.000"],
            [2, "TRẦN THỊ HOA (ĐV)", "12.345678", 8_640_000],
        ],
    )
    plan = plan_basis_import(db, path, MAR, "salary", TODAY)
    assert [(b.member_id, b.basis) for b in plan.planned] == [
        (ids["luong"], 9_360_000),
        (ids["hoa"], 8_640_000),
    ]
    assert plan.rejected == []
    commit_basis_import(db, plan)
    ledger = month_ledger(db, MAR)
    assert {x.member_id: x.due.amount for x in ledger.lines} == {
        ids["luong"]: 93_600,
        ids["hoa"]: 86_400,
    }
    # February keeps the basis it had.
    assert {x.due.group for x in month_ledger(db, Month(2026, 2)).lines} == {"other"}
    again = plan_basis_import(db, path, MAR, "salary", TODAY)
    assert (len(again.planned), again.unchanged) == (0, 2)


def test_row_errors_say_why(cell, tmp_path):
    db, _ids = cell
    path = salary_list(
        tmp_path / "loi.xlsx",
        [
            [1, "Nguyễn Văn Lương", None, "9,36 triệu"],
            [2, "Lê Văn Không", None, 5_000_000],
            [3, "Trần Thị Hoa", "99.999999", 5_000_000],
            [4, "Trần Thị Hoa", None, -5_000_000],
            [5, "Trần Thị Hoa", None, None],
        ],
    )
    plan = plan_basis_import(db, path, MAR, "salary", TODAY)
    reasons = {r.number: " ".join(p[3] for p in r.problems) for r in plan.rejected}
    assert "không đọc được" in reasons[5]
    assert "Không có đảng viên nào tên “Lê Văn Không”" in reasons[6]
    assert "số thẻ 99.999999" in reasons[7]
    assert "âm" in reasons[8]
    assert "Không có số tiền" in reasons[9]
    assert plan.planned == []


def test_a_list_with_only_name_and_amount(cell, tmp_path):
    db, ids = cell
    path = salary_list(
        tmp_path / "huu.xlsx",
        [["Nguyễn Văn Lương", "6.000.000 đ"]],
        header=("Họ và tên", "Lương hưu"),
    )
    plan = plan_basis_import(db, path, MAR, "pension", TODAY)
    assert [(b.member_id, b.group, b.basis) for b in plan.planned] == [
        (ids["luong"], "pension", 6_000_000)
    ]


def test_cli_import_with_dry_run_and_error_workbook(db_path, tmp_path, capsys):
    db = open_database(db_path)
    add(db, "Nguyễn Văn Lương", "2000-05-10", "other")
    db.close()
    path = salary_list(
        tmp_path / "luong.xlsx",
        [[1, "Nguyễn Văn Lương", None, 9_360_000], [2, "Ai Đó", None, 1_000]],
    )
    errors = tmp_path / "loi.xlsx"
    base = ["--db", str(db_path), "dues", "import", str(path), "--from", "2026-03"]
    assert main([*base, "--dry-run", "--json"]) == 0
    dry = json.loads(capsys.readouterr().out)
    assert (dry["updated"], [r["row"] for r in dry["rejected"]]) == (1, [6])
    assert main([*base, "--errors", str(errors)]) == 0
    assert "Dòng 6:" in capsys.readouterr().out
    assert errors.exists() and openpyxl.load_workbook(errors).active.max_row >= 2
    assert main([*base, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["unchanged"] == 1
