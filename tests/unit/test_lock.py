"""One writer per file: the lock beside the database, honoured by `chibo` and the window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chibo_desktop.services.safety.session import FileLockedError, open_session
from chibo_desktop.storage.lock import FileLock, lock_path, this_host

HOLD = """
import sys, time
from chibo_desktop.services.safety.session import open_session
db = open_session(sys.argv[1], backups=False)
print("open", flush=True)
sys.stdin.readline()
db.close()
"""


@pytest.fixture
def holder(db_path):
    """Another program (a subprocess) holding the file open."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "open"
    yield proc
    if proc.poll() is None:
        proc.stdin.write("\n")
        proc.stdin.flush()
        proc.wait(timeout=30)


def write_lock(db_path: Path, **data) -> None:
    base = {"user": "thuky", "host": this_host(), "pid": 1, "since": "2026-03-15T08:30:00"}
    lock_path(db_path).write_text(json.dumps({**base, **data}), encoding="utf-8")


def test_lock_file_says_who_holds_it(holder, db_path):
    data = json.loads(lock_path(db_path).read_text(encoding="utf-8"))
    assert data["pid"] == holder.pid and data["host"] == this_host()
    assert set(data) == {"user", "host", "pid", "since"}


def test_second_writer_is_told_who_and_may_open_read_only(holder, db_path):
    with pytest.raises(FileLockedError) as caught:
        open_session(db_path)
    message = caught.value.message
    assert this_host() in message and "đang được mở bởi" in message and "chỉ đọc" in message
    assert caught.value.holder.pid == holder.pid
    db = open_session(db_path, readonly=True)
    assert db.execute("SELECT count(*) FROM cell").fetchone()[0] == 1
    db.close()
    assert lock_path(db_path).exists()  # the reader did not take or drop the lock


def test_cli_honours_the_lock(holder, db_path):
    out = subprocess.run(
        [sys.executable, "-m", "chibo_desktop", "--db", str(db_path), "backup"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 1
    assert "đang được mở bởi" in out.stderr and "Traceback" not in out.stderr


def test_lock_released_on_close_and_after_the_holder_exits(holder, db_path):
    holder.stdin.write("\n")
    holder.stdin.flush()
    holder.wait(timeout=30)
    assert not lock_path(db_path).exists()
    db = open_session(db_path)
    assert lock_path(db_path).exists()
    db.close()
    assert not lock_path(db_path).exists()


def test_stale_lock_from_a_crash_is_recovered(db_path):
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert proc.stdout.readline().strip() == b"open"
    proc.kill()  # power cut: the lock file stays behind
    proc.wait()
    assert lock_path(db_path).exists()
    db = open_session(db_path)
    data = json.loads(lock_path(db_path).read_text(encoding="utf-8"))
    assert data["pid"] == os.getpid()
    db.close()


def test_lock_of_another_computer_is_respected(db_path):
    write_lock(db_path, host="MAY-KE-TOAN", pid=os.getpid() + 100000)
    with pytest.raises(FileLockedError, match="MAY-KE-TOAN"):
        open_session(db_path)
    assert "MAY-KE-TOAN" in lock_path(db_path).read_text(encoding="utf-8")


def test_garbled_lock_file_is_treated_as_stale(db_path):
    lock_path(db_path).write_bytes(b"\x00\x01 not json")
    old = time.time() - 60
    os.utime(lock_path(db_path), (old, old))
    db = open_session(db_path)
    db.close()
    assert not lock_path(db_path).exists()


def test_same_program_may_reopen_its_own_file(db_path):
    first = open_session(db_path, backups=False)
    second = open_session(db_path, backups=False)
    first.close()
    assert lock_path(db_path).exists()
    second.close()
    assert not lock_path(db_path).exists()


def test_lock_is_exclusive_between_two_handles_in_different_processes(db_path):
    lock = FileLock(db_path, "a")
    lock.acquire()
    code = (
        "import sys\n"
        "from chibo_desktop.storage.lock import FileLock, LockedByOther\n"
        "try:\n    FileLock(sys.argv[1], 'b').acquire()\nexcept LockedByOther:\n"
        "    sys.exit(3)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(db_path)], timeout=60)
    lock.release()
    assert out.returncode == 3


def test_this_host_is_the_name_older_lock_files_carry():
    # Locks written before are compared by host name to find stale ones.
    import socket

    assert this_host() == socket.gethostname()


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_another_spelling_of_the_path_meets_the_same_lock(holder, db_path, tmp_path, monkeypatch):
    link_dir = tmp_path / "shortcut"
    link_dir.mkdir()
    link = link_dir / "chibo-link.sqlite"
    link.symlink_to(db_path)
    with pytest.raises(FileLockedError):
        open_session(link)
    roundabout = db_path.parent / "." / ".." / db_path.parent.name / db_path.name
    with pytest.raises(FileLockedError):
        open_session(roundabout)
    monkeypatch.chdir(db_path.parent)
    with pytest.raises(FileLockedError):
        open_session(Path(db_path.name))
