"""Damage quick_check misses is found on open, and a failing backup reaches the user."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from chibo_desktop.services.safety import backup
from chibo_desktop.services.safety.session import DamagedFileError, open_session


def flip_index_byte(path: Path) -> None:
    """One flipped bit inside an index entry: quick_check passes, integrity_check does not."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    root = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'members_name_birth'"
    ).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * size + size - 40)
        byte = fh.read(1)[0]
        fh.seek(-1, 1)
        fh.write(bytes([byte ^ 0x20]))
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()


def test_index_damage_is_found_on_open_and_the_good_backup_offered(demo_path, tmp_path):
    root = tmp_path / "backups"
    open_session(demo_path, backup_root=root).close()  # the day's good copy
    flip_index_byte(demo_path)
    with pytest.raises(DamagedFileError) as caught:
        open_session(demo_path, backup_root=root)
    assert caught.value.backup is not None
    assert "members_name_birth" in caught.value.message


def test_a_failed_backup_is_remembered_and_said_until_a_good_one_exists(demo_path, tmp_path):
    broken = tmp_path / "not-a-folder"
    broken.write_text("a file where the backup folder should be")
    db = open_session(demo_path, backup_root=broken)
    assert any("sao lưu" in n for n in db.session.notices)
    db.execute("UPDATE cell SET place = 'Huế'")
    db.close()  # the close copy fails too
    problem = backup.backup_problem(demo_path)
    assert problem and "Không tạo được bản sao lưu" in problem
    db = open_session(demo_path, backup_root=tmp_path / "good")
    assert backup.backup_problem(demo_path) is None  # the day's copy worked
    db.close()


def chibo(*args: str, root: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", XDG_DATA_HOME=str(root))
    return subprocess.run(
        [sys.executable, "-m", "chibo_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_cli_warns_and_fails_when_the_backup_after_a_write_fails(demo_path, tmp_path):
    from chibo_desktop import APP_ID

    data = tmp_path / "data"
    (data / APP_ID).mkdir(parents=True)
    (data / APP_ID / "backups").write_text("a file where the backup folder should be")
    result = chibo("--db", str(demo_path), "backup", root=data)
    assert result.returncode != 0
    assert "Lỗi không mong đợi" not in result.stderr
    assert "sao lưu" in result.stderr
