"""What a previous session leaves beside the file never blocks the next writable open."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from chibo_desktop.services.safety.session import open_session

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


def test_crash_leftovers_are_removed_on_the_next_open(demo_path, tmp_path):
    from chibo_desktop.services.safety import backup

    root = tmp_path / "b"
    folder = backup.backup_folder(demo_path, root)
    plain = demo_path.read_bytes()  # what a copy cut short before a password holds
    leftovers = [
        folder / ".20260315-101500-000001-manual-k2j4x9.tmp",
        folder / ".20260315-101500-000001-manual-k2j4x9.tmp-journal",
        folder / ".20260315-101500-000001-manual.sqlite.keys-a8d.tmp",
        folder / ".20260301-080000-000000-daily.sqlite.enc.tmp",
        demo_path.with_name(f".{demo_path.name}.rewrite.tmp"),
        demo_path.with_name(f".{demo_path.name}.restore.tmp"),
        demo_path.with_name(f".{demo_path.name}.restore-source.tmp"),
    ]
    for path in leftovers:
        path.write_bytes(plain)
    unrelated = [demo_path.with_name(".other.sqlite.rewrite.tmp"), folder / "notes.txt"]
    for path in unrelated:
        path.write_text("not ours to remove")
    db = open_session(demo_path, readonly=True, backups=False, backup_root=root)
    db.close()
    assert all(p.exists() for p in leftovers)  # a read-only session removes nothing
    db = open_session(demo_path, backups=False, backup_root=root)
    db.close()
    assert [p.name for p in leftovers if p.exists()] == []
    assert all(p.exists() for p in unrelated)


BACKUP_LOOP = """
import sys
from pathlib import Path
from chibo_desktop.services.safety.backup import make_backup
from chibo_desktop.services.safety.session import open_session
db = open_session(Path(sys.argv[1]), backups=False, backup_root=Path(sys.argv[2]))
print("ready", flush=True)
while True:
    make_backup(db, "manual")
"""


@pytest.mark.slow
@posix
def test_backups_killed_midway_leave_nothing_after_the_next_open(demo_path, tmp_path):
    import signal
    import subprocess
    import time

    from chibo_desktop.services.safety import backup

    root = tmp_path / "b"
    folder = backup.backup_folder(demo_path, root)
    seen = 0
    for trial in range(12):
        proc = subprocess.Popen(
            [sys.executable, "-c", BACKUP_LOOP, str(demo_path), str(root)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        time.sleep(0.05 + 0.037 * trial)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        seen += bool(list(folder.glob(".*.tmp*")))
        open_session(demo_path, backups=False, backup_root=root).close()
        assert not list(folder.glob(".*.tmp*"))
    assert seen, "no kill landed inside a copy"
