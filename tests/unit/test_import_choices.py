"""Theory level and position in the cell, as office lists spell them, on import."""

import datetime as dt

import pytest

from chibo_desktop.services.importing import run_import
from chibo_desktop.services.importing.choices import ChoiceFields
from chibo_desktop.services.members import register as member_svc

from .import_files import write_xlsx

TODAY = dt.date(2026, 3, 15)
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Lý luận chính trị", "Chức vụ"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hương", "Khánh", "Lan", "Long"]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Cao cấp", "Cao cấp"),
        ("Trung cấp", "Trung cấp"),
        ("Sơ cấp", "Sơ cấp"),
        ("Cử nhân", "Cử nhân"),
        ("Cử nhân chính trị", "Cử nhân"),
        ("Cao cấp lý luận chính trị", "Cao cấp"),
        ("trung cấp LLCT", "Trung cấp"),
        ("TC LLCT - HC", "Trung cấp"),
        ("Cao cấp (LLCT)", "Cao cấp"),
        ("SC", "Sơ cấp"),
        ("Chưa qua đào tạo", ""),
        ("Không", ""),
    ],
)
def test_theory_levels_as_lists_write_them(typed, stored):
    assert ChoiceFields().canonical("theory_level", typed) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Bí thư", "Bí thư"),
        ("Phó Bí thư", "Phó Bí thư"),
        ("Chi ủy viên", "Chi ủy viên"),
        ("Chi uỷ viên", "Chi ủy viên"),  # the older placement of the tone mark
        ("Đảng viên", "Đảng viên"),
        ("Bí thư chi bộ", "Bí thư"),
        ("phó bí thư chi bộ", "Phó Bí thư"),
        ("Ủy viên chi ủy", "Chi ủy viên"),
        ("Đảng viên dự bị", "Đảng viên"),
    ],
)
def test_positions_as_lists_write_them(typed, stored):
    assert ChoiceFields().canonical("position", typed) == stored


@pytest.mark.parametrize("typed", ["Tiến sĩ", "Trung học", "Cao cấp, cử nhân"])
def test_text_that_is_no_theory_level_is_not_guessed(typed):
    assert ChoiceFields().canonical("theory_level", typed) is None


def _list(rows):
    return [["DANH SÁCH ĐẢNG VIÊN"], [], HEADER, *rows]


def _row(n, theory, position):
    return [n, f"Nguyễn Văn {GIVEN[n - 1]}", "01/01/1960", "01/01/1985", theory, position]


def test_realistic_rows_are_imported_in_the_lists_spelling(db, tmp_path):
    rows = [
        _row(1, "Cao cấp", "Bí thư"),
        _row(2, "Trung cấp", "Phó Bí thư"),
        _row(3, "Sơ cấp", "Chi ủy viên"),
        _row(4, "Cử nhân chính trị", "Đảng viên"),
        _row(5, "Cao cấp lý luận chính trị", "Bí thư chi bộ"),
        _row(6, "trung cấp LLCT", "Chi uỷ viên"),
        _row(7, "Chưa qua đào tạo", "Tổ trưởng tổ dân phố"),
        _row(8, "", "Trưởng ban công tác Mặt trận"),
    ]
    path = write_xlsx(tmp_path / "ds.xlsx", {"DS": _list(rows)})
    report = run_import(db, path, today=TODAY)
    assert report.rejected == [] and report.added == 8
    got = {r["full_name"]: r for r in member_svc.list_members(db, include_left=True)}
    levels = [got[f"Nguyễn Văn {g}"] for g in GIVEN[:6]]
    assert [(r["theory_level"], r["position"]) for r in levels] == [
        ("Cao cấp", "Bí thư"),
        ("Trung cấp", "Phó Bí thư"),
        ("Sơ cấp", "Chi ủy viên"),
        ("Cử nhân", "Đảng viên"),
        ("Cao cấp", "Bí thư"),
        ("Trung cấp", "Chi ủy viên"),
    ]
    # Free-text positions are kept, in the notes, under the file's own column name.
    hai = got["Nguyễn Văn Hải"]
    assert (hai["theory_level"], hai["position"]) == ("", "")
    assert hai["notes"] == "Chức vụ: Tổ trưởng tổ dân phố"
    assert got["Nguyễn Văn Hương"]["notes"] == "Chức vụ: Trưởng ban công tác Mặt trận"

    # What the import stored, the member form accepts as it is.
    for row in got.values():
        detail = member_svc.get_member(db, row["id"])
        detail.member.phone = "0912345678"
        member_svc.save_member(db, detail.member, today=TODAY)

    again = run_import(db, path, today=TODAY)
    assert (again.added, again.updated, again.unchanged, again.rejected) == (0, 0, 8, [])


def test_reimport_of_an_untouched_register_changes_nothing(db, tmp_path):
    rows = [_row(1, "Cử nhân chính trị", "Bí thư chi bộ"), _row(2, "CC", "Tổ trưởng")]
    path = write_xlsx(tmp_path / "ds.xlsx", {"DS": _list(rows)})
    assert run_import(db, path, today=TODAY).added == 2
    again = run_import(db, path, today=TODAY)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)


def test_a_theory_level_outside_the_list_is_reported_on_its_row(db, tmp_path):
    rows = [_row(1, "Cao cấp", "Bí thư"), _row(2, "Tiến sĩ", "Đảng viên")]
    path = write_xlsx(tmp_path / "ds.xlsx", {"DS": _list(rows)})
    report = run_import(db, path, today=TODAY)
    assert report.added == 1
    [problem] = report.rejected
    assert (problem.row, problem.column, problem.value) == (5, "Lý luận chính trị", "Tiến sĩ")
    assert problem.reason == (
        "Lý luận chính trị “Tiến sĩ” không có trong danh mục (Sơ cấp, Trung cấp, Cao cấp, Cử nhân)."
    )
