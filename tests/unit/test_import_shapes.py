"""Lists shaped the way secretaries keep them (DOMAIN.md), each imported twice: the first
import reads every member right, the second changes nothing; the preview promises exactly
what the commit then does."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from chibo_desktop.services.contract.results import run_to_end
from chibo_desktop.services.importing import commit_import, plan_import, run_import
from chibo_desktop.storage import members as member_store

from .import_files import FOOTER, TITLE, simple_list, write_xlsx

TODAY = dt.date(2026, 3, 15)
PEOPLE = [
    ("Nguyễn Văn An", "Nam", dt.date(1960, 3, 5), dt.date(1985, 1, 10), dt.date(1986, 1, 10)),
    ("Trần Thị Bình", "Nữ", dt.date(1990, 2, 2), dt.date(2025, 6, 1), None),
    ("Lê Văn Cường", "Nam", dt.date(1970, 12, 3), dt.date(1995, 3, 3), dt.date(1996, 3, 3)),
    ("Đặng Thị Ánh Tuyết", "Nữ", dt.date(1982, 7, 19), dt.date(2010, 5, 19), dt.date(2011, 5, 19)),
]
POSITIONS = ["Bí thư chi bộ", "Tổ trưởng tổ dân phố", "", "Trưởng ban công tác mặt trận"]


def _dmy(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def split_sex_two_row_header():
    """Birth dates under "Nam" / "Nữ" beneath a merged "Ngày sinh"; no sex column."""
    top = ["STT", "Họ và tên", "Ngày sinh", "", "Ngày vào Đảng", "Ngày chính thức", "Số thẻ"]
    under = ["", "", "Nam", "Nữ", "", "", ""]
    rows = [
        [n, name, *_split(sex, _dmy(born)), _dmy(joined), _dmy(official), f"01.00000{n}"]
        for n, (name, sex, born, joined, official) in enumerate(PEOPLE, start=1)
    ]
    merges = ["C7:D7", "A7:A8", "B7:B8", "E7:E8", "F7:F8", "G7:G8"]
    return [*TITLE, top, under, *rows, *FOOTER], merges


def _split(sex: str, born: str) -> list[str]:
    return [born, ""] if sex == "Nam" else ["", born]


def decomposed_names():
    """Names typed on a Windows Vietnamese keyboard arrive decomposed (NFD)."""
    return simple_list(_plain([unicodedata.normalize("NFD", p[0]) for p in PEOPLE], _dmy)), []


def four_date_styles():
    """dd/mm/yyyy, d-m-yyyy, dd.mm.yyyy and real date cells, one style per row."""
    styles = [
        _dmy,
        lambda d: f"{d.day}-{d.month}-{d.year}" if d else "",
        lambda d: d.strftime("%d.%m.%Y") if d else "",
        lambda d: d,
    ]
    rows = _plain([p[0] for p in PEOPLE], None)
    for row, style, person in zip(rows, styles, PEOPLE, strict=True):
        row[3:6] = [style(person[2]), style(person[3]), style(person[4])]
    return simple_list(rows), []


def free_text_positions():
    """A "Chức vụ" column holding job titles and other posts, not only cell positions."""
    header = ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng", "Chức vụ"]
    rows = [
        [n, name, sex, _dmy(born), _dmy(joined), position]
        for n, ((name, sex, born, joined, _o), position) in enumerate(
            zip(PEOPLE, POSITIONS, strict=True), start=1
        )
    ]
    return [*TITLE, header, *rows, *FOOTER], []


def _plain(names: list[str], style) -> list[list]:
    rows = []
    for n, (name, (_n, sex, born, joined, official)) in enumerate(
        zip(names, PEOPLE, strict=True), start=1
    ):
        dates = [style(d) for d in (born, joined, official)] if style else ["", "", ""]
        rows.append([n, name, sex, *dates, f"01.00000{n}", ""])
    return rows


def totals_and_signatures():
    return simple_list(_plain([p[0] for p in PEOPLE], _dmy)), []


SHAPES = [
    split_sex_two_row_header,
    decomposed_names,
    four_date_styles,
    free_text_positions,
    totals_and_signatures,
]


@pytest.mark.parametrize("shape", SHAPES, ids=lambda f: f.__name__)
def test_each_shape_imports_right_then_changes_nothing(db, tmp_path, shape):
    rows, merges = shape()
    path = write_xlsx(tmp_path / "ds.xlsx", {"DS": rows}, {"DS": merges})
    first = run_import(db, path, today=TODAY)
    assert (first.added, first.rejected) == (len(PEOPLE), [])
    stored = {m.full_name: m for m in member_store.all_members(db)}
    for name, sex, born, joined, official in PEOPLE:
        member = stored[name]  # NFC, whatever the file held
        assert (member.gender, member.birth_date, member.join_date) == (
            sex,
            born.isoformat(),
            joined.isoformat(),
        )
        if shape is not free_text_positions:
            assert member.official_date == (official.isoformat() if official else None)
    second = run_import(db, path, today=TODAY)
    assert (second.added, second.updated, second.unchanged) == (0, 0, len(PEOPLE))


def test_free_text_positions_keep_the_posts_in_the_notes(db, tmp_path):
    rows, _merges = free_text_positions()
    run_import(db, write_xlsx(tmp_path / "ds.xlsx", {"DS": rows}), today=TODAY)
    stored = {m.full_name: m for m in member_store.all_members(db)}
    assert stored["Nguyễn Văn An"].position == "Bí thư"
    assert stored["Trần Thị Bình"].position == ""
    assert "Tổ trưởng tổ dân phố" in stored["Trần Thị Bình"].notes


@pytest.mark.parametrize("shape", SHAPES, ids=lambda f: f.__name__)
def test_the_preview_is_what_the_commit_writes(db, tmp_path, shape):
    rows, merges = shape()
    path = write_xlsx(tmp_path / "ds.xlsx", {"DS": rows}, {"DS": merges})
    plan = run_to_end(plan_import(db, path, preview=True, today=TODAY)).value
    promised = plan.report.as_json()
    shown = [(r.number, r.action) for r in plan.report.rows]
    report = run_to_end(commit_import(db, plan)).value
    assert {**report.as_json(), "written": False} == promised
    assert not report.replanned
    assert [(r.number, r.action) for r in plan.report.rows] == shown
    assert len(member_store.all_members(db)) == promised["added"]


def test_a_file_changed_after_the_preview_is_planned_again(db, tmp_path):
    rows, _merges = totals_and_signatures()
    path = write_xlsx(tmp_path / "ds.xlsx", {"DS": rows})
    plan = run_to_end(plan_import(db, path, preview=True, today=TODAY)).value
    assert plan.report.added == len(PEOPLE)
    shorter = simple_list(_plain([p[0] for p in PEOPLE], _dmy)[:2])
    write_xlsx(path, {"DS": shorter})
    report = run_to_end(commit_import(db, plan)).value
    assert report.replanned and report.added == 2
    assert len(member_store.all_members(db)) == 2


def test_a_register_changed_after_the_preview_is_planned_again(db, tmp_path):
    rows, _merges = totals_and_signatures()
    path = write_xlsx(tmp_path / "ds.xlsx", {"DS": rows})
    plan = run_to_end(plan_import(db, path, today=TODAY)).value
    run_import(db, path, today=TODAY)  # the same list imported meanwhile
    report = run_to_end(commit_import(db, plan)).value
    assert report.replanned and (report.added, report.unchanged) == (0, len(PEOPLE))
    assert len(member_store.all_members(db)) == len(PEOPLE)
