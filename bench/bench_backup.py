"""Backups of a 10-year cell file.

Target: the program's copy (online backup API into a temporary file, synced, switched to a
rollback journal and renamed) takes at most 1.2× the time of sqlite3's backup API alone
writing the same file. The full automatic backup (copy, integrity_check of the copy,
rotation) is held to the same 1.2× against the same two steps done with sqlite3 alone:
the API's copy, then ``PRAGMA integrity_check`` of it on a read-only connection.
"""

from __future__ import annotations

import sqlite3

from .common import interleaved_medians, result, scratch_dir
from .data import database


def run(quick: bool) -> list[dict]:
    from chibo_desktop.services.safety import backup
    from chibo_desktop.services.safety.session import open_session
    from chibo_desktop.storage import backup as store

    members, years, runs = (150, 4, 7) if quick else (400, 10, 9)
    rows = []
    with scratch_dir() as tmp:
        path = database(tmp / "cell.sqlite", members=members, years=years)
        db = open_session(path, backups=False, backup_root=tmp / "backups")
        size_mb = path.stat().st_size / 1e6
        out = tmp / "out"
        out.mkdir()

        target = out / "reference.sqlite"

        def reference() -> None:
            target.unlink(missing_ok=True)
            dest = sqlite3.connect(target)
            db.conn.backup(dest)
            dest.close()

        def reference_checked() -> None:
            reference()
            # Read-only: opened for writing, the copy (still marked WAL) costs ≈ 40 % more.
            check = sqlite3.connect(f"{target.as_uri()}?mode=ro", uri=True)
            check.execute("PRAGMA integrity_check").fetchall()
            check.close()

        def copy() -> None:
            store.copy_database(db.conn, out / "copy.sqlite")

        def full() -> None:
            backup.make_backup(db, "manual")

        ref_s, checked_s, copy_s, full_s = interleaved_medians(
            [reference, reference_checked, copy, full], runs=runs
        )
        db.close()
    label = f"{members} đảng viên, {years} năm, {size_mb:.1f} MB"
    rows.append(
        result(
            f"backup copy ({label})",
            copy_s,
            reference="sqlite3 Connection.backup alone",
            reference_s=ref_s,
            target="<= 1.2x",
            max_ratio=1.2,
        )
    )
    rows.append(
        result(
            f"automatic backup: copy + integrity_check + rotation ({label})",
            full_s,
            reference="sqlite3 backup API + integrity_check of the copy",
            reference_s=checked_s,
            target="<= 1.2x",
            max_ratio=1.2,
        )
    )
    return rows


if __name__ == "__main__":
    for row in run(quick=False):
        print(row)
