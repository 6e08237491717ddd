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
    for name in (
        "CHIBO_PASSWORD",
        "CHIBO_NEW_PASSWORD",
        "CHIBO_BACKUP_PASSWORD",
        "CHIBO_RECOVERY_KEY",
    ):
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
    from chibo_desktop.services.safety import backup, password
    from chibo_desktop.services.safety.session import open_session

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


def recovery_from(output: str) -> str:
    import re

    found = re.findall(r"[A-Z2-7]{4}(?:-[A-Z2-7]{1,4}){12}", output)
    assert found, output
    return found[-1]


def test_password_set_change_remove_and_recovery_key_from_the_command_line(demo_path):
    pytest.importorskip("sqlcipher3")
    from chibo_desktop.storage import backup as store

    db = str(demo_path)
    done = chibo("--db", db, "password", "set", env={"CHIBO_NEW_PASSWORD": "mật khẩu một"})
    assert done.returncode == 0, done.stderr
    first_key = recovery_from(done.stdout)
    assert not store.looks_like_sqlite(demo_path)

    locked = chibo("--db", db, "info")
    assert locked.returncode == 1 and "CHIBO_PASSWORD" in locked.stderr
    assert "Lỗi không mong đợi" not in locked.stderr
    assert chibo("--db", db, "info", env={"CHIBO_PASSWORD": "mật khẩu một"}).returncode == 0

    changed = chibo(
        "--db",
        db,
        "password",
        "change",
        env={"CHIBO_PASSWORD": "mật khẩu một", "CHIBO_NEW_PASSWORD": "mật khẩu hai"},
    )
    assert changed.returncode == 0, changed.stderr
    second_key = recovery_from(changed.stdout)
    assert second_key != first_key

    by_key = chibo("--db", db, "--recovery-key", "info", stdin=second_key + "\n")
    assert by_key.returncode == 0, by_key.stderr
    reset = chibo(
        "--db",
        db,
        "--recovery-key",
        "password",
        "change",
        env={"CHIBO_RECOVERY_KEY": second_key, "CHIBO_NEW_PASSWORD": "mật khẩu ba"},
    )
    assert reset.returncode == 0, reset.stderr

    removed = chibo("--db", db, "password", "remove", env={"CHIBO_PASSWORD": "mật khẩu ba"})
    assert removed.returncode == 0, removed.stderr
    assert store.looks_like_sqlite(demo_path)
