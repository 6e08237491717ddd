"""Automatic backups: made with the backup API, checked, rotated; on open, close, import."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from chibo_desktop.domain.members import Member
from chibo_desktop.errors import DatabaseError
from chibo_desktop.services.members.register import save_member
from chibo_desktop.services.safety import backup
from chibo_desktop.services.safety.session import open_session
from chibo_desktop.storage import backup as store

T0 = dt.datetime(2026, 3, 15, 9, 0)


def count_members(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM members").fetchone()[0]
    finally:
        conn.close()


def add_member(db, name: str) -> int:
    return save_member(db, Member(full_name=name, gender="Nữ"), today=dt.date(2026, 3, 15)).value


def test_backup_is_a_checked_standalone_copy(demo_path):
    db = open_session(demo_path, backups=False)
    target = backup.make_backup(db, "manual")
    db.close()
    assert target.parent == backup.backup_folder(demo_path)
    assert store.check(target) == []
    conn = sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert count_members(target) == count_members(demo_path) > 0
    assert not list(target.parent.glob("*.tmp"))


def test_listing_shows_date_reason_and_counts_of_existing_tables(demo_path):
    db = open_session(demo_path, backups=False)
    backup.make_backup(db, "manual", now=T0)
    db.execute("DROP TABLE IF EXISTS attendance")
    db.execute("DROP TABLE IF EXISTS meetings")  # an older file: no meetings table yet
    backup.make_backup(db, "manual", now=T0 + dt.timedelta(days=1))
    db.close()
    newest, oldest = backup.list_backups(demo_path)
    assert newest.when == T0 + dt.timedelta(days=1) and oldest.when == T0
    assert newest.reason == "manual"
    assert newest.members == count_members(demo_path) and newest.meetings is None
    assert oldest.members == newest.members


def test_rotation_keeps_7_days_4_weeks_12_months():
    copies = []
    start = dt.datetime(2025, 1, 1, 8)
    for day in range(500):  # two copies a day for 500 days
        for hour in (8, 17):
            when = start + dt.timedelta(days=day, hours=hour - 8)
            copies.append((when, "daily", Path(f"{when:%Y%m%d-%H}.sqlite")))
    copies.append((start, "upgrade", Path("upgrade.sqlite")))
    kept = backup.kept(copies)
    regular = sorted((w for w, r, p in copies if p in kept and r != "upgrade"), reverse=True)
    newest = regular[0]
    assert newest == max(w for w, _r, _p in copies)
    days = {w.date() for w in regular}
    assert {newest.date() - dt.timedelta(days=i) for i in range(7)} <= days
    # at most one copy per day, and nothing older than 12 months of monthly copies
    assert len(regular) == len(days) <= 7 + 4 + 12
    months = {(w.year, w.month) for w in regular}
    assert len(months) == 12
    assert len({w.isocalendar()[:2] for w in regular}) >= 4
    assert Path("upgrade.sqlite") in kept  # copies before upgrades are kept apart


def test_rotate_deletes_only_what_is_not_kept(db_path):
    db = open_session(db_path, backups=False)
    made = [backup.make_backup(db, "daily", now=T0 + dt.timedelta(days=i)) for i in range(10)]
    db.close()
    left = sorted(p.name for p in backup.backup_folder(db_path).glob("*.sqlite"))
    assert made[-1].name in left and made[-7].name in left
    assert made[0].name not in left or len(left) <= 10
    assert len(left) < 10


def test_a_copy_failing_its_check_deletes_nothing(db_path, monkeypatch):
    db = open_session(db_path, backups=False)
    for i in range(9):
        backup.make_backup(db, "daily", now=T0 + dt.timedelta(days=i))
    before = sorted(p.name for p in backup.backup_folder(db_path).glob("*.sqlite"))
    real_copy = store.copy_database

    def damaging_copy(conn, target, **kwargs):  # the disk (USB stick) garbles the copy
        real_copy(conn, target, **kwargs)
        with open(target, "r+b") as fh:
            size = fh.seek(0, 2)
            fh.seek(size // 3)
            fh.write(b"\xff" * (size // 3))

    monkeypatch.setattr(store, "copy_database", damaging_copy)
    with pytest.raises(DatabaseError, match="không đạt kiểm tra"):
        backup.make_backup(db, "daily", now=T0 + dt.timedelta(days=30))
    db.close()
    after = sorted(p.name for p in backup.backup_folder(db_path).glob("*.sqlite"))
    assert after == before


def test_daily_backup_on_open_once_a_day(db_path):
    folder = backup.backup_folder(db_path)
    db = open_session(db_path)
    db.close()
    first = list(folder.glob("*-daily.sqlite"))
    assert len(first) == 1
    db = open_session(db_path)
    assert backup.backup_if_due(db) is None
    assert backup.backup_if_due(db, now=dt.datetime.now() + dt.timedelta(days=1)) is not None
    db.close()
    assert len(list(folder.glob("*-daily.sqlite"))) == 2


def test_close_backs_up_only_after_a_write(db_path):
    folder = backup.backup_folder(db_path)
    db = open_session(db_path)
    db.close()
    assert not list(folder.glob("*-close.sqlite"))
    db = open_session(db_path)
    add_member(db, "Trần Thị Bình")
    db.close()
    closes = list(folder.glob("*-close.sqlite"))
    assert len(closes) == 1 and count_members(closes[0]) == 1
    db = open_session(db_path, readonly=True)
    db.close()
    assert len(list(folder.glob("*-close.sqlite"))) == 1


def test_backup_after_import_is_named_and_checked(db_path):
    db = open_session(db_path, backups=False)
    add_member(db, "Lê Văn Cường")
    path = backup.backup_after_import(db)
    db.close()
    assert path.name.endswith("-import.sqlite") and store.check(path) == []
    assert count_members(path) == 1


def test_backup_before_upgrade(db_path, monkeypatch):
    from chibo_desktop.storage import database, migrations

    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO members(full_name) VALUES ('Phạm Thị Dung')")
    conn.commit()
    conn.close()

    @migrations.migrations(name="999_test_upgrade")
    def _upgrade(db):
        db.execute("CREATE TABLE upgraded_marker (x)")

    try:
        monkeypatch.setattr(database, "SCHEMA_VERSION", database.SCHEMA_VERSION + 1)
        db = open_session(db_path)
        assert "upgraded_marker" in db.table_names()
        db.close()
    finally:
        migrations.migrations._migrations.pop()
    copies = list(backup.backup_folder(db_path).glob("*-upgrade.sqlite"))
    assert len(copies) == 1
    conn = sqlite3.connect(copies[0])
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "upgraded_marker" not in names
    assert conn.execute("SELECT full_name FROM members").fetchall() == [("Phạm Thị Dung",)]
    conn.close()


def test_back_up_to_a_chosen_folder(db_path, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    db = open_session(db_path, backups=False)
    target = backup.backup_to(db, usb)
    with pytest.raises(DatabaseError, match="không tồn tại"):
        backup.backup_to(db, tmp_path / "missing")
    db.close()
    assert target.parent == usb and store.check(target) == []


@pytest.mark.parametrize(
    "stamp",
    [
        "20260315-090000-000000",
        "20261231-235959-999999",
        "20240229-120000-000001",
        "20230229-120000-000000",  # no 29 February that year
        "20261301-000000-000000",
        "20260100-000000-000000",
        "20260101-240000-000000",
        "20260101-006000-000000",
        "20260101-000060-000000",
    ],
)
def test_copy_names_read_as_strptime_reads_them(stamp):
    path = Path(f"{stamp}-daily.sqlite")
    try:
        expected = (dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f"), "daily")
    except ValueError:
        expected = None
    assert backup._parse(path) == expected
