"""Restore never loses the copy it restores, whatever the rotation does meanwhile."""

from __future__ import annotations

import datetime as dt
import sqlite3

from chibo_desktop.services import backup
from chibo_desktop.services import restore as restoring
from chibo_desktop.services.session import open_session


def names(db) -> list[str]:
    return [r[0] for r in db.execute("SELECT full_name FROM members ORDER BY id")]


def test_restoring_the_oldest_safety_copy_keeps_it_and_restores_it(demo_path, tmp_path):
    root = tmp_path / "backups"
    db = open_session(demo_path, backups=False, backup_root=root)
    original = names(db)
    start = dt.datetime(2026, 3, 15, 8, 0)
    first = backup.make_backup(db, "manual", now=start)
    db.execute("UPDATE members SET full_name = 'Tên bị sửa nhầm'")
    for i in range(1, backup.KEEP_SAFETY):
        backup.make_backup(db, "manual", now=start + dt.timedelta(minutes=i))
    assert first.exists()
    restoring.restore(db, first)
    assert names(db) == original
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    assert first.exists(), "the copy just restored must survive the rotation"
    conn = sqlite3.connect(first)
    assert [r[0] for r in conn.execute("SELECT full_name FROM members ORDER BY id")] == original
    conn.close()


def test_rotation_keeps_copies_in_use(tmp_path):
    folder = tmp_path
    start = dt.datetime(2026, 3, 1, 8, 0)
    paths = []
    for i in range(backup.KEEP_SAFETY + 3):
        p = folder / f"{start + dt.timedelta(minutes=i):%Y%m%d-%H%M%S-%f}-manual.sqlite"
        p.write_bytes(b"x")
        paths.append(p)
    removed = backup.rotate(folder, in_use={paths[0]})
    assert paths[0].exists()
    assert paths[1] in removed
