"""Restore never loses the copy it restores, whatever the rotation does meanwhile."""

from __future__ import annotations

import datetime as dt
import sqlite3

from chibo_desktop.services.safety import backup
from chibo_desktop.services.safety import restore as restoring
from chibo_desktop.services.safety.session import open_session


def names(db) -> list[str]:
    return [r[0] for r in db.execute("SELECT full_name FROM members ORDER BY id")]


def test_restoring_the_oldest_safety_copy_keeps_it_and_restores_it(demo_path, tmp_path):
    root = tmp_path / "backups"
    db = open_session(demo_path, backups=False, backup_root=root)
    original = names(db)
    start = dt.datetime(2026, 3, 15, 8, 0)
    first = backup.make_backup(db, "manual", now=start)
    db.execute("UPDATE members SET full_name = 'Tên bị sửa nhầm'")
    for i in range(1, backup.KEEP_SAFETY):
        backup.make_backup(db, "manual", now=start + dt.timedelta(minutes=i))
    assert first.exists()
    restoring.restore(db, first)
    assert names(db) == original
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    assert first.exists(), "the copy just restored must survive the rotation"
    conn = sqlite3.connect(first)
    assert [r[0] for r in conn.execute("SELECT full_name FROM members ORDER BY id")] == original
    conn.close()


def test_rotation_keeps_copies_in_use(tmp_path):
    folder = tmp_path
    start = dt.datetime(2026, 3, 1, 8, 0)
    paths = []
    for i in range(backup.KEEP_SAFETY + 3):
        p = folder / f"{start + dt.timedelta(minutes=i):%Y%m%d-%H%M%S-%f}-manual.sqlite"
        p.write_bytes(b"x")
        paths.append(p)
    removed = backup.rotate(folder, in_use={paths[0]})
    assert paths[0].exists()
    assert paths[1] in removed


LETTERS = "abcdeghiklmnopqrstuvxy"


def write_list(path, phone: str, rows: int = 40):
    import csv

    with open(path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Điện thoại"])
        for i in range(rows):
            out.writerow(
                [
                    i + 1,
                    f"Người Thứ {LETTERS[i // 20]}{LETTERS[i % 20]}",
                    "03/02/1970",
                    "19/05/2000",
                    f"{phone}{i:03d}",
                ]
            )
    return path


def phones(db) -> set[str]:
    return {r[0] for r in db.execute("SELECT phone FROM members WHERE full_name LIKE 'Người Thứ%'")}


def test_a_wrong_import_on_the_same_day_can_be_undone_from_the_copy_before_it(demo_path, tmp_path):
    from chibo_desktop.services.importing import run_import

    root = tmp_path / "backups"
    db = open_session(demo_path, backup_root=root)  # the day's copy
    run_import(db, write_list(tmp_path / "sang.csv", "0912000"))
    morning = phones(db)
    assert len(morning) == 40
    run_import(db, write_list(tmp_path / "danh_sach.csv", "0000000"))  # the wrong one
    assert phones(db) != morning
    listed = backup.session_backups(db)
    before = [b for b in listed if b.reason == "preimport"]
    assert len(before) == 2
    assert before[0].detail == "danh_sach.csv"
    title = backup.backup_title(before[0])
    assert title.startswith("trước khi nhập danh_sach.csv, ") and title.endswith(
        f"{before[0].when:%H:%M}"
    )
    restoring.restore(db, before[0].path)
    assert phones(db) == morning
    db.close()


def test_before_copies_are_kept_by_count_apart_from_the_dated_rotation(tmp_path):
    start = dt.datetime(2026, 3, 15, 8, 0)
    copies = []
    for i in range(15):
        when = start + dt.timedelta(minutes=i)
        copies.append((when, "preimport", tmp_path / f"pre{i}.sqlite"))
        copies.append((when, "manual", tmp_path / f"man{i}.sqlite"))
        copies.append((when, "daily", tmp_path / f"day{i}.sqlite"))
    kept = backup.kept(copies)
    assert {p.name for p in kept if p.name.startswith("pre")} == {
        f"pre{i}.sqlite" for i in range(5, 15)
    }
    assert {p.name for p in kept if p.name.startswith("man")} == {
        f"man{i}.sqlite" for i in range(5, 15)
    }
    assert {p.name for p in kept if p.name.startswith("day")} == {"day14.sqlite"}


def test_undoing_an_import_is_preceded_by_a_copy_that_takes_it_back(demo_path, tmp_path):
    from chibo_desktop.services.importing import run_import
    from chibo_desktop.services.safety.before_bulk import undo_last_import_with_backup

    root = tmp_path / "backups"
    db = open_session(demo_path, backup_root=root)
    run_import(db, write_list(tmp_path / "danh_sach.csv", "0912000"))
    imported = phones(db)
    undo_last_import_with_backup(db)
    assert phones(db) == set()
    before = [b for b in backup.session_backups(db) if b.reason == "prebulk"]
    assert len(before) == 1
    assert backup.backup_title(before[0]).startswith("trước khi hoàn tác lần nhập danh_sach.csv")
    restoring.restore(db, before[0].path)
    assert phones(db) == imported
    db.close()
