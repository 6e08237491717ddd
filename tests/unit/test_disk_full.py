"""A full disk is said in plain words, and what was saved before stays whole."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from chibo_desktop.errors import plain_io_error
from chibo_desktop.services.safety.session import open_session
from chibo_desktop.storage.lock import lock_path


def test_sqlite_full_and_no_space_left_get_plain_words(demo_path, tmp_path):
    db = open_session(demo_path, backups=False, backup_root=tmp_path / "b")
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")  # this connection's disk is now full
    with pytest.raises(sqlite3.OperationalError) as caught, db.atomic():
        db.conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?)",
            [(f"k{i}", "x" * 3000) for i in range(200)],
        )
    db.close()
    assert "Ổ đĩa đã đầy" in plain_io_error(caught.value)
    if Path("/dev/full").exists():
        with pytest.raises(OSError) as caught, open("/dev/full", "wb") as fh:
            fh.write(b"x" * 65536)
            fh.flush()
        assert "Ổ đĩa đã đầy" in plain_io_error(caught.value)
    assert plain_io_error(ValueError("something else")) is None


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB file system (tmpfs), where the platform lets the tests make one."""
    mount = tmp_path / "small"
    mount.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("making a small file system needs root on Linux")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip("mount is not allowed here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def fill(folder: Path, leave: int) -> None:
    (folder / "filler").unlink(missing_ok=True)
    free = shutil.disk_usage(folder).free
    (folder / "filler").write_bytes(b"\0" * max(0, free - leave))


def test_commands_on_a_full_disk(small_disk, demo_path, tmp_path):
    import csv

    path = small_disk / "demo.sqlite"
    shutil.copy(demo_path, path)
    listing = tmp_path / "danh_sach.csv"
    with open(listing, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Ghi chú"])
        letters = "abcdeghiklmnopqrstuvxy"
        for i in range(3000):
            name = f"Người Thứ {letters[i // 484]}{letters[(i // 22) % 22]}{letters[i % 22]}"
            out.writerow([i + 1, name, "03/02/1970", "19/05/2000", "ghi chú " * 30])
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), PYTHONIOENCODING="utf-8")

    def chibo(*args):
        return subprocess.run(
            [sys.executable, "-m", "chibo_desktop", "--db", str(path), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )

    assert chibo("info").returncode == 0
    conn = sqlite3.connect(path)
    before = conn.execute("SELECT count(*) FROM members").fetchone()[0]
    conn.close()
    steps = (
        (150_000, ("members", "import", str(listing))),
        (4_000, ("report", "members", str(small_disk / "ds.pdf"))),
        (4_000, ("members", "export", str(small_disk / "ds.xlsx"))),
    )
    for leave, args in steps:
        fill(small_disk, leave)
        result = chibo(*args)
        text = result.stderr + result.stdout
        assert result.returncode != 0, text
        assert "Ổ đĩa" in text and "đã đầy" in text and "Lỗi không mong đợi" not in text, text
    (small_disk / "filler").unlink()  # room again: what was saved is all there
    assert not lock_path(path).exists()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM members").fetchone()[0] == before
    conn.close()
