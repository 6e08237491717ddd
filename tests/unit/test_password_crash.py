"""A password change cut short (SIGKILL) never locks the secretary out."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3")

from chibo_desktop.services.safety import file_key as security
from chibo_desktop.services.safety import password
from chibo_desktop.services.safety.session import open_session
from chibo_desktop.storage import cipher, keyfile

A = "Mật khẩu thứ nhất"
B = "Mật khẩu thứ hai"

posix = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

HOLD_WRITE = """
import sys, time
from pathlib import Path
from chibo_desktop.storage import cipher, keyfile
path, key = Path(sys.argv[1]), bytes.fromhex(sys.stdin.readline().strip())
conn = cipher.connect(path, key)
conn.execute("PRAGMA journal_mode = DELETE")
conn.execute("PRAGMA cache_size = 1")
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE members SET full_name = full_name || ' (sửa dở)'")
print("writing", flush=True)
time.sleep(60)
"""

CHANGE_LOOP = """
import sys
from pathlib import Path
from chibo_desktop.services.safety import password
from chibo_desktop.services.safety.file_key import PasswordRequiredError
from chibo_desktop.services.safety.session import open_session
path, root = Path(sys.argv[1]), Path(sys.argv[2])
a, b = sys.stdin.readline().rstrip("\\n"), sys.stdin.readline().rstrip("\\n")
try:
    db = open_session(path, password=a, backups=False, backup_root=root)
    current, other = a, b
except PasswordRequiredError:
    db = open_session(path, password=b, backups=False, backup_root=root)
    current, other = b, a
print("ready", flush=True)
while True:
    db = password.change_password(db, other, old_password=current).value.db
    current, other = other, current
    print("changed", flush=True)
"""


def encrypt(path: Path, root: Path) -> str:
    db = open_session(path, backup_root=root)
    db.execute("CREATE TABLE filler (data BLOB)")  # a file big enough to be cut mid-write
    db.conn.executemany("INSERT INTO filler VALUES (?)", [(b"\x5a" * 4000,) for _ in range(3000)])
    db.conn.commit()
    change = password.enable_password(db, A).value
    change.db.close()
    return change.recovery_key


def child(code: str, args: list[str], stdin: str) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    proc.stdin.write(stdin)
    proc.stdin.flush()
    return proc


@posix
def test_hot_journal_of_an_encrypted_file_does_not_refuse_the_right_password(demo_path, tmp_path):
    recovery = encrypt(demo_path, tmp_path / "backups")
    key = security.key_for(demo_path, password=A)
    proc = child(HOLD_WRITE, [str(demo_path)], key.hex() + "\n")
    assert proc.stdout.readline().strip() == "writing", proc.stderr.read()
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert Path(f"{demo_path}-journal").exists()
    assert security.key_for(demo_path, password=A) == key
    assert security.key_for(demo_path, recovery_key=recovery) == key
    db = open_session(demo_path, password=A, backups=False)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert not db.execute(
        "SELECT count(*) FROM members WHERE full_name LIKE '%sửa dở%'"
    ).fetchone()[0]
    db.close()


@posix
@pytest.mark.slow
def test_password_change_killed_anywhere_opens_with_old_or_new(demo_path, tmp_path):
    root = tmp_path / "backups"
    encrypt(demo_path, root)
    for trial in range(16):
        proc = child(CHANGE_LOOP, [str(demo_path), str(root)], f"{A}\n{B}\n")
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        time.sleep(0.9 + 0.11 * trial)
        proc.send_signal(signal.SIGKILL)
        _out, err = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL, err[-2000:]
        pending = keyfile.pending_path(demo_path).exists()
        keys = {}
        for pw in (A, B):
            with contextlib.suppress(security.PasswordRequiredError):
                keys[pw] = security.key_for(demo_path, password=pw)
        assert keys, f"trial {trial}: neither the old nor the new password opens the file"
        assert len(set(keys.values())) == 1
        if pending:  # cut inside the change: both secrets open the file
            assert len(keys) == 2, f"trial {trial}: only {list(keys)} opens the file"
        conn = cipher.connect(demo_path, next(iter(keys.values())))
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM filler").fetchone()[0] == 3000
        conn.close()
        open_session(demo_path, password=next(iter(keys)), backups=False).close()
        assert not keyfile.pending_path(demo_path).exists()
        assert not list(demo_path.parent.glob(f".{demo_path.name}*.tmp"))
