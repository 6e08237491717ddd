"""Restore, and what opening does with damaged, empty, foreign, read-only and shared files."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from chibo_desktop.errors import DatabaseError
from chibo_desktop.services.safety import backup
from chibo_desktop.services.safety import restore as restoring
from chibo_desktop.services.safety.session import DamagedFileError, ReadOnlyFileError, open_session
from chibo_desktop.storage import backup as store


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(db) -> list[str]:
    return [r[0] for r in db.execute("SELECT full_name FROM members ORDER BY id")]


def damage(path: Path) -> None:
    """Garble a third of the file, as a failing disk or a half-written copy would."""
    with open(path, "r+b") as fh:
        size = fh.seek(0, 2)
        fh.seek(size // 3)
        fh.write(b"\x00\xff" * (size // 6))


def settle(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


def test_restore_backs_up_first_then_replaces_content(demo_path):
    db = open_session(demo_path, backups=False)
    original = names(db)
    good = backup.make_backup(db, "manual")
    db.execute("UPDATE members SET full_name = 'Tên bị sửa nhầm'")
    before = restoring.restore(db, good).value
    assert names(db) == original
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    assert before.name.endswith("-restore.sqlite")
    conn = sqlite3.connect(before)
    assert {r[0] for r in conn.execute("SELECT full_name FROM members")} == {"Tên bị sửa nhầm"}
    conn.close()


def test_damaged_backup_is_refused_and_current_file_untouched(demo_path, tmp_path):
    db = open_session(demo_path, backups=False)
    bad = backup.backup_to(db, tmp_path)
    damage(bad)
    before = names(db)
    with pytest.raises(DatabaseError, match=r"hỏng|Không đọc được"):
        restoring.restore(db, bad)
    assert names(db) == before
    assert not list(backup.backup_folder(demo_path).glob("*-restore.sqlite"))
    db.close()


def test_damaged_file_is_never_written_and_newest_good_backup_offered(demo_path):
    db = open_session(demo_path)  # makes the daily copy
    db.close()
    settle(demo_path)
    damage(demo_path)
    fingerprint = sha(demo_path)
    with pytest.raises(DamagedFileError) as caught:
        open_session(demo_path)
    assert "bị hỏng" in caught.value.message and "không ghi gì" in caught.value.message
    assert caught.value.backup is not None and caught.value.backup.name.endswith("-daily.sqlite")
    assert sha(demo_path) == fingerprint
    assert not Path(f"{demo_path}-wal").exists()
    assert not Path(f"{demo_path}.lock").exists()
    kept = restoring.restore_offline(demo_path, caught.value.backup)
    assert sha(kept) == fingerprint  # the damaged file is kept, never deleted
    db = open_session(demo_path)
    assert len(names(db)) > 0
    db.close()


def test_empty_file_has_its_own_message(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    with pytest.raises(DatabaseError, match="trống"):
        open_session(path)
    assert path.read_bytes() == b""


def test_not_a_database_has_its_own_message(tmp_path):
    path = tmp_path / "danh_sach.sqlite"
    shutil.copy(Path(__file__), path)
    with pytest.raises(DatabaseError, match="không phải là tệp dữ liệu"):
        open_session(path)


def test_read_only_file_has_its_own_message_and_opens_read_only(db_path):
    subprocess.run(["chattr", "+i", str(db_path)], check=False)
    try:
        if os.access(db_path, os.W_OK):
            pytest.skip("this file system cannot make a file read-only for root")
        with pytest.raises(ReadOnlyFileError, match="chỉ cho phép đọc"):
            open_session(db_path)
        db = open_session(db_path, readonly=True)
        assert db.execute("SELECT count(*) FROM cell").fetchone()[0] == 1
        db.close()
    finally:
        subprocess.run(["chattr", "-i", str(db_path)], check=False)


def test_network_share_gets_rollback_journal_and_a_notice(db_path, monkeypatch):
    from chibo_desktop.services.safety import session
    from chibo_desktop.storage import database

    monkeypatch.setattr(database, "is_network_path", lambda p: True)
    monkeypatch.setattr(session, "is_network_path", lambda p: True)
    db = open_session(db_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert any("ổ mạng" in n for n in db.session.notices)
    db.close()


def test_cli_backup_restore_check(demo_path, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()

    def chibo(*args):
        return subprocess.run(
            [sys.executable, "-m", "chibo_desktop", "--db", str(demo_path), *args],
            capture_output=True,
            text=True,
            env={**os.environ, "CHIBO_LANG": "vi"},
        )

    out = chibo("backup", "--to", str(usb))
    assert out.returncode == 0, out.stderr
    copy = next(usb.glob("*.sqlite"))
    assert store.check(copy) == []
    assert chibo("check").returncode == 0
    conn = sqlite3.connect(demo_path)
    conn.execute("DELETE FROM member_status")
    conn.execute("DELETE FROM members")
    conn.commit()
    conn.close()
    out = chibo("restore", str(copy))
    assert out.returncode == 0, out.stderr
    assert "Đã phục hồi" in out.stdout
    conn = sqlite3.connect(demo_path)
    assert conn.execute("SELECT count(*) FROM members").fetchone()[0] > 0
    conn.close()
    listing = chibo("backups")
    assert "restore.sqlite" in listing.stdout
    settle(demo_path)
    damage(demo_path)
    out = chibo("check")
    assert out.returncode == 1 and "bị hỏng" in out.stderr
    out = chibo("restore", str(copy))
    assert out.returncode == 0, out.stderr
    assert chibo("check").returncode == 0
