"""Imports of member lists: what each one wrote, so that the last can be undone."""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database


def start(db: Database, file_name: str, user: str, stamp: str) -> int:
    return db.execute(
        "INSERT INTO imports(file_name, at, user) VALUES (?, ?, ?)", [file_name, stamp, user]
    ).lastrowid


def finish(db: Database, import_id: int, added: int, updated: int) -> None:
    db.execute(
        "UPDATE imports SET added = ?, updated = ? WHERE id = ?", [added, updated, import_id]
    )


def last(db: Database) -> dict | None:
    """The newest import that wrote something and has not been undone."""
    rows = list(
        db.query(
            "SELECT * FROM imports WHERE undone_at IS NULL AND (added > 0 OR updated > 0) "
            "ORDER BY id DESC LIMIT 1"
        )
    )
    return rows[0] if rows else None


def mark_undone(db: Database, import_id: int, stamp: str) -> None:
    db.execute("UPDATE imports SET undone_at = ? WHERE id = ?", [stamp, import_id])


def log(db: Database, rows: Iterable[tuple], user: str, source: str, stamp: str, import_id) -> None:
    """(entity, record id, field, old, new) of each change the import made."""
    db.conn.executemany(
        "INSERT INTO change_log(at, user, entity, record_id, field, old, new, source, import_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (stamp, user, entity, record_id, field, _text(old), _text(new), source, import_id)
            for entity, record_id, field, old, new in rows
        ),
    )


def logged(db: Database, import_id: int) -> list[tuple]:
    """(entity, record id, field, old, new) of what the import changed, in order."""
    return db.execute(
        "SELECT entity, record_id, field, old, new FROM change_log WHERE import_id = ? ORDER BY id",
        [import_id],
    ).fetchall()


def changes_since(db: Database, import_id: int) -> list[tuple]:
    """(at, entity, record id, field, source) of the change-log lines written after the
    import's own."""
    return db.execute(
        "SELECT at, entity, record_id, field, source FROM change_log WHERE id > "
        "(SELECT coalesce(max(id), 0) FROM change_log WHERE import_id = ?) ORDER BY id",
        [import_id],
    ).fetchall()


def statuses_of(db: Database, import_id: int) -> list[tuple[int, int]]:
    """(status change id, member id) of the status changes the import added."""
    return db.execute(
        "SELECT id, member_id FROM member_status WHERE import_id = ?", [import_id]
    ).fetchall()


def member_references(db: Database, member_ids: list[int]) -> int:
    """How many rows outside the register and its status history name one of these
    members (attendance, meetings, campaigns, assessments…), found by foreign key."""
    if not member_ids:
        return 0
    marks = ", ".join("?" * len(member_ids))
    found = 0
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        if table in ("members", "member_status"):
            continue
        for key in db.execute(f"PRAGMA foreign_key_list({table})").fetchall():
            if key[2] == "members":
                column = key[3]
                found += db.execute(
                    f"SELECT count(*) FROM {table} WHERE {column} IN ({marks})", member_ids
                ).fetchone()[0]
    return found


def _text(value: object) -> str | None:
    return None if value is None else str(value)
