"""Once a password is set, no copy of the members in plain text is left behind."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3")

from chibo_desktop.services.safety import backup, password
from chibo_desktop.services.safety.session import open_session

PW = "Mật khẩu chi bộ 2026"


def plain_files(folder: Path, text: str) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if text.encode("utf-8") in data or data[:16] == b"SQLite format 3\x00":
                found.append(path.name)
    return sorted(found)


def test_setting_a_password_leaves_no_plain_copy_and_says_which_it_could_not_encrypt(
    demo_path, tmp_path
):
    root = tmp_path / "backups"
    db = open_session(demo_path, backup_root=root)  # a plain daily copy
    name = db.execute("SELECT full_name FROM members ORDER BY id").fetchone()[0]
    backup.make_backup(db, "manual")
    folder = backup.backup_location(db)
    broken = folder / "20260301-080000-000000-daily.sqlite"
    data = bytearray(demo_path.read_bytes())
    data[len(data) // 2 :] = b"\x00" * (len(data) - len(data) // 2)  # unreadable half
    broken.write_bytes(bytes(data))
    (folder / ".20260314-101500-000001-manual-k2j4x9.tmp").write_bytes(demo_path.read_bytes())
    db.execute("UPDATE cell SET place = 'Huế'")  # something in the -wal
    change = password.enable_password(db, PW).value
    assert change.plain_left == [broken]
    left = plain_files(tmp_path, name)
    assert left == [broken.name], left
    db = change.db
    assert password.remove_plain_backups(db, change.plain_left).value == 1
    db.close()
    assert plain_files(tmp_path, name) == []
