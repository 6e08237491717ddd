"""Secrets reach the command line only through the environment, a prompt or stdin."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest

from chibo_desktop.cli import build_parser

SECRET_WORDS = ("password", "recovery")


def actions(parser: argparse.ArgumentParser):
    for action in parser._actions:
        yield action
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from actions(sub)


def test_no_option_takes_a_secret_as_its_value():
    offenders = [
        "/".join(a.option_strings)
        for a in actions(build_parser())
        if a.option_strings and any(word in a.dest for word in SECRET_WORDS) and a.nargs != 0
    ]
    assert offenders == []


def chibo(*args: str, env: dict | None = None, stdin: str = "") -> subprocess.CompletedProcess:
    full = dict(os.environ, PYTHONIOENCODING="utf-8")
    for name in ("CHIBO_PASSWORD", "CHIBO_NEW_PASSWORD", "CHIBO_BACKUP_PASSWORD"):
        full.pop(name, None)
    full.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "chibo_desktop", *args],
        capture_output=True,
        text=True,
        env=full,
        input=stdin,
        timeout=180,
    )


@pytest.mark.skipif(not pytest.importorskip("sqlcipher3"), reason="needs sqlcipher3")
def test_backup_made_under_an_old_password_restores_with_it_from_the_environment(
    demo_path, tmp_path
):
    from chibo_desktop.services import backup, password
    from chibo_desktop.services.session import open_session

    db = open_session(demo_path)
    db = password.enable_password(db, "mật khẩu cũ 1").value.db
    old = backup.backup_to(db, tmp_path)
    db = password.change_password(db, "mật khẩu mới 2", old_password="mật khẩu cũ 1").value.db
    db.close()
    env = {"CHIBO_PASSWORD": "mật khẩu mới 2"}
    refused = chibo("--db", str(demo_path), "restore", str(old), env=env)
    assert refused.returncode == 1 and "CHIBO_BACKUP_PASSWORD" in refused.stderr
    env["CHIBO_BACKUP_PASSWORD"] = "mật khẩu cũ 1"
    done = chibo("--db", str(demo_path), "restore", str(old), env=env)
    assert done.returncode == 0, done.stderr
    env.pop("CHIBO_BACKUP_PASSWORD")
    piped = chibo(
        "--db",
        str(demo_path),
        "restore",
        str(old),
        "--backup-password",
        env=env,
        stdin="mật khẩu cũ 1\n",
    )
    assert piped.returncode == 0, piped.stderr
