"""SIGTERM (a shutdown, a logoff, `kill`) closes cleanly: the lock is released and the
close backup taken."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")

CLI_CHILD = """
import sys, time
from argparse import Namespace
from chibo_desktop.cli import install_terminate_handler
from chibo_desktop.cli.arguments import opened
install_terminate_handler()
with opened(Namespace(db=sys.argv[1])) as db:
    db.execute("UPDATE cell SET place = 'Đã sửa trước khi tắt máy'")
    db.conn.commit()
    print("ready", flush=True)
    time.sleep(60)
"""


def env_for(tmp_path: Path) -> dict:
    return dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), PYTHONIOENCODING="utf-8")


def test_sigterm_during_a_command_releases_the_lock_and_backs_up(db_path, tmp_path):
    from chibo_desktop.storage.lock import lock_path

    proc = subprocess.Popen(
        [sys.executable, "-c", CLI_CHILD, str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env_for(tmp_path),
    )
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    assert lock_path(db_path).exists()
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert not lock_path(db_path).exists()
    copies = list((tmp_path / "data").rglob("*-close.sqlite"))
    assert len(copies) == 1, err


@pytest.mark.slow
def test_sigterm_closes_the_window_cleanly(db_path, tmp_path):
    from chibo_desktop.storage.lock import lock_path

    env = dict(env_for(tmp_path), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, "-m", "chibo_desktop.gui.app", "--db", str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    deadline = time.monotonic() + 60
    while not lock_path(db_path).exists():
        assert proc.poll() is None, proc.stderr.read()
        assert time.monotonic() < deadline
        time.sleep(0.1)
    time.sleep(1.0)  # the window is up and idle
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert not lock_path(db_path).exists()
