"""What a previous session leaves beside the file never blocks the next writable open."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from chibo_desktop.services.session import open_session

posix = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@posix
def test_shared_memory_left_read_only_by_a_read_only_session_is_made_writable(demo_path, tmp_path):
    os.chmod(demo_path, 0o444)
    db = open_session(demo_path, readonly=True, backups=False, backup_root=tmp_path / "b")
    assert db.execute("SELECT count(*) FROM members").fetchone()[0]
    db.close()
    shm = demo_path.with_name(demo_path.name + "-shm")
    assert shm.exists() and not shm.stat().st_mode & stat.S_IWUSR  # as SQLite leaves it
    os.chmod(demo_path, 0o600)  # the secretary makes the file writable again
    db = open_session(demo_path, backups=False, backup_root=tmp_path / "b")
    # Checked while open: as root SQLite writes a 0444 file anyway, as a user it cannot.
    for side in ("-shm", "-wal"):
        path = demo_path.with_name(demo_path.name + side)
        if path.exists():
            assert path.stat().st_mode & stat.S_IWUSR, side
    db.execute("UPDATE cell SET place = 'Huế'")
    assert db.execute("SELECT place FROM cell").fetchone()[0] == "Huế"
    db.close()
