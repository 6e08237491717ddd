"""What an import writes into each member's history, and undoing the last import."""

from __future__ import annotations

import datetime as dt

import pytest

from chibo_desktop.cli import main
from chibo_desktop.domain.status import StatusChange
from chibo_desktop.errors import ChiboError
from chibo_desktop.services.importing import run_import, undo_last_import
from chibo_desktop.services.members import register as member_svc
from chibo_desktop.services.reports.situation import situation
from chibo_desktop.storage import members as member_store

from .import_files import HEADER, simple_list, write_xlsx

TODAY = dt.date(2026, 12, 5)
SAMPLE = "../shared/samples/danh_sach_dang_vien_thon5.xlsx"
ROWS = [
    [1, "Nguyễn Văn An", "Nam", "01/01/1960", "10/01/1985", "10/01/1986", "01.000001", ""],
    [2, "Trần Thị Bình", "Nữ", "02/02/1990", "14/08/2025", "", "", ""],
    [3, "Lê Văn Cường", "Nam", "03/03/1970", "", "", "", ""],
]


def _history(db, name: str) -> list[tuple[str, dt.date, str]]:
    member = next(m for m in member_store.all_members(db) if m.full_name == name)
    return [(c.kind, c.date, c.note) for c in member_store.status_history(db, member.id)]


def _dump(db) -> list:
    """Everything a member list is made of, to compare before and after."""
    return [
        db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
        for table in ("members", "member_status")
    ] + [db.execute("SELECT rowid, search_text FROM members_fts ORDER BY 1").fetchall()]


def test_the_dates_in_the_file_are_the_history(db, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", {"DS": simple_list(ROWS)})
    report = run_import(db, path, today=TODAY)
    assert (report.added, report.without_history) == (3, 1)
    assert _history(db, "Nguyễn Văn An") == [
        ("admitted", dt.date(1985, 1, 10), ""),
        ("official", dt.date(1986, 1, 10), ""),
    ]
    assert _history(db, "Trần Thị Bình") == [("admitted", dt.date(2025, 8, 14), "")]
    assert _history(db, "Lê Văn Cường") == []  # no joining date: nothing to date a change by
    marked = db.execute("SELECT count(*) FROM member_status WHERE import_id IS NOT NULL")
    assert marked.fetchone()[0] == 3


def test_members_who_came_from_elsewhere_are_transfers_in(db, tmp_path):
    header = [*HEADER[:6], "Ngày chuyển đến", "Nơi chuyển đến"]
    rows = [[*ROWS[0][:6], "01/03/2001", "Chi bộ Thôn 2"], [*ROWS[1][:6], "", ""]]
    path = write_xlsx(tmp_path / "ds.xlsx", {"DS": [header, *rows]})
    run_import(db, path, today=TODAY)
    assert _history(db, "Nguyễn Văn An") == [
        ("transfer_in", dt.date(2001, 3, 1), "Chuyển từ Chi bộ Thôn 2")
    ]
    assert _history(db, "Trần Thị Bình") == [("admitted", dt.date(2025, 8, 14), "")]


def test_a_list_marked_as_arrivals_records_transfers_in(db, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", {"DS": simple_list(ROWS[:2])})
    run_import(db, path, arrived=True, today=TODAY)
    assert _history(db, "Nguyễn Văn An") == [("transfer_in", dt.date(1986, 1, 10), "")]
    got = {m["full_name"]: m["status"] for m in member_svc.list_members(db)}
    assert got == {"Nguyễn Văn An": "chinh_thuc", "Trần Thị Bình": "du_bi"}


def test_a_reimport_adds_an_event_only_for_a_date_that_changed(db, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", {"DS": simple_list(ROWS)})
    run_import(db, path, today=TODAY)
    run_import(db, path, today=TODAY)
    assert len(_history(db, "Trần Thị Bình")) == 1
    changed = [list(r) for r in ROWS]
    changed[1][4] = "15/08/2025"  # the joining date corrected
    changed[1][5] = "15/08/2026"  # and now official
    write_xlsx(path, {"DS": simple_list(changed)})
    report = run_import(db, path, today=TODAY)
    assert report.updated == 1
    assert _history(db, "Trần Thị Bình") == [
        ("admitted", dt.date(2025, 8, 15), ""),
        ("official", dt.date(2026, 8, 15), ""),
    ]


def test_the_situation_report_counts_admissions_from_the_sample(db):
    run_import(db, SAMPLE, today=TODAY)
    report = situation(db, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert report.change("transfer_in") == 0
    assert report.change("admitted") == 1  # Lương Minh An, 14/08/2025
    assert report.balanced
    later = situation(db, dt.date(2026, 1, 1), dt.date(2026, 12, 5))
    assert later.change("official") == 1  # the same member, a year later
    assert all(not change.note for line in report.changes for _m, change in line.events)


def test_undo_takes_the_register_back_exactly(db, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", {"DS": simple_list(ROWS)})
    run_import(db, path, today=TODAY)
    before = _dump(db)
    changed = [list(r) for r in ROWS]
    changed[0][7] = "Tổ 5"
    changed[1][4] = "15/08/2025"  # moves the admission the first import recorded
    changed[1][5] = "15/08/2026"  # adds a recognition
    changed.append([4, "Phạm Thị Dung", "Nữ", "04/04/1980", "04/04/2010", "", "", ""])
    write_xlsx(path, {"DS": simple_list(changed)})
    report = run_import(db, path, today=TODAY)
    assert (report.added, report.updated) == (1, 2)
    undone = undo_last_import(db).value
    assert (undone.removed, undone.restored) == (1, 2)
    assert _dump(db) == before
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with pytest.raises(ChiboError, match="thay đổi khác"):  # the one before: not the last
        undo_last_import(db)


def test_undo_refuses_when_something_changed_since(db, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", {"DS": simple_list(ROWS)})
    run_import(db, path, today=TODAY)
    an = next(m for m in member_store.all_members(db) if m.full_name == "Nguyễn Văn An")
    member_svc.add_status_change(db, an.id, StatusChange("transfer_out", TODAY), today=TODAY)
    before = _dump(db)
    with pytest.raises(ChiboError, match="thay đổi khác") as refused:
        undo_last_import(db)
    assert "ds.xlsx" in str(refused.value)
    assert _dump(db) == before


def test_nothing_to_undo_says_so(db):
    with pytest.raises(ChiboError, match="Chưa có lần nhập"):
        undo_last_import(db)


@pytest.mark.parametrize("hidden", ["\x00", "\u200b", "\u202e", "\u200f", "\ufeff"])
def test_hidden_characters_in_a_name_are_refused_not_removed(db, tmp_path, hidden):
    # A workbook holds a NUL as the escape _x0000_, which the reader turns back into one.
    written = "_x0000_" if hidden == "\x00" else hidden
    rows = [[1, f"Đinh{written}Văn Hùng", "Nam", "01/01/1960", "01/01/1985", "", "", ""]]
    path = write_xlsx(tmp_path / "ds.xlsx", {"DS": simple_list(rows)})
    report = run_import(db, path, today=TODAY)
    assert report.added == 0
    assert "ký tự ẩn" in report.rejected[0].reason
    assert member_store.all_members(db) == []


def test_the_command_line_undoes_the_last_import(db_path, tmp_path, capsys):
    path = write_xlsx(tmp_path / "ds.xlsx", {"DS": simple_list(ROWS)})
    chibo = ["--db", str(db_path), "members", "import"]
    assert main([*chibo, str(path)]) == 0
    capsys.readouterr()
    assert main([*chibo, "--undo-last"]) == 0
    assert "Đã hoàn tác" in capsys.readouterr().out
    assert main([*chibo, "--undo-last"]) != 0
    assert "Chưa có lần nhập" in capsys.readouterr().err
