"""Nothing quietly turns encrypted data into a plain file; new files are owner-only."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys

import pytest

from chibo_desktop.services.safety import backup
from chibo_desktop.services.safety import restore as restoring
from chibo_desktop.services.safety.session import open_session
from chibo_desktop.storage import backup as store


def chibo(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    full = dict(os.environ, PYTHONIOENCODING="utf-8")
    full.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "chibo_desktop", *args],
        capture_output=True,
        text=True,
        env=full,
        timeout=180,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_init_makes_an_owner_only_file(tmp_path):
    path = tmp_path / "moi.sqlite"
    assert chibo("--db", str(path), "init", "--cell", "Chi bộ Mới").returncode == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_an_encrypted_backup_is_not_silently_restored_as_a_plain_file(demo_path, tmp_path):
    pytest.importorskip("sqlcipher3")
    from chibo_desktop.services.safety import password

    secret = tmp_path / "secret" / "demo.sqlite"
    secret.parent.mkdir()
    shutil.copy(demo_path, secret)
    db = open_session(secret, backup_root=tmp_path / "b2")
    db = password.enable_password(db, "mật khẩu bí mật").value.db
    usb = tmp_path / "usb"
    usb.mkdir()
    copy = backup.backup_to(db, usb)
    db.close()

    db = open_session(demo_path, backups=False, backup_root=tmp_path / "b")
    with pytest.raises(restoring.DecryptNeededError, match="không có mật khẩu"):
        restoring.restore(db, copy, password="mật khẩu bí mật")
    db.close()
    env = {"CHIBO_BACKUP_PASSWORD": "mật khẩu bí mật"}
    refused = chibo("--db", str(demo_path), "restore", str(copy), env=env)
    assert refused.returncode == 1 and "--decrypt" in refused.stderr
    done = chibo("--db", str(demo_path), "restore", str(copy), "--decrypt", env=env)
    assert done.returncode == 0, done.stderr
    assert store.looks_like_sqlite(demo_path)
