"""Restore killed (SIGKILL) at many points: the file is whole, holds either the state it
had or the restored one, and the copy being restored is never lost."""

from __future__ import annotations

import datetime as dt
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chibo_desktop.services.safety import backup
from chibo_desktop.services.safety.session import open_session

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]

CHILD = """
import sys
from pathlib import Path
from chibo_desktop.services.safety.restore import restore
from chibo_desktop.services.safety.session import open_session
db_path, root, first, second = (Path(a) for a in sys.argv[1:5])
db = open_session(db_path, backups=False, backup_root=root)
print("ready", flush=True)
k = 0
while True:
    restore(db, first if k % 2 == 0 else second)
    print(k, flush=True)
    k += 1
"""


def places(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT place FROM cell").fetchone()[0]
    finally:
        conn.close()


def test_restore_killed_anywhere_keeps_a_whole_file_and_its_source(demo_path, tmp_path):
    root = tmp_path / "backups"
    db = open_session(demo_path, backups=False, backup_root=root)
    db.execute("UPDATE cell SET place = 'Bản A'")
    usb = tmp_path / "usb"
    usb.mkdir()
    first = backup.backup_to(db, usb, now=dt.datetime(2026, 3, 14, 9, 0))
    db.execute("UPDATE cell SET place = 'Bản B'")
    second = backup.backup_to(db, usb, now=dt.datetime(2026, 3, 14, 10, 0))
    db.close()
    for trial in range(24):
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(demo_path), str(root), str(first), str(second)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        time.sleep(0.02 + 0.04 * trial)
        proc.send_signal(signal.SIGKILL)
        _out, err = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL, err[-2000:]
        assert first.exists() and second.exists()
        db = open_session(demo_path, backups=False, backup_root=root)
        assert db.execute("SELECT place FROM cell").fetchone()[0] in {"Bản A", "Bản B"}
        db.close()
    assert places(first) == "Bản A" and places(second) == "Bản B"
