"""The append-only change log."""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database


def record(
    db: Database,
    user: str,
    entity: str,
    record_id: int | None,
    changes: Iterable[tuple[str, object, object]],
    source: str = "",
) -> None:
    db.conn.executemany(
        "INSERT INTO change_log(user, entity, record_id, field, old, new, source) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (user, entity, record_id, field, _text(old), _text(new), source)
            for field, old, new in changes
        ],
    )


def entries(db: Database, entity: str | None = None, record_id: int | None = None) -> list[dict]:
    sql = "SELECT * FROM change_log"
    where, params = [], []
    if entity:
        where.append("entity = ?")
        params.append(entity)
    if record_id is not None:
        where.append("record_id = ?")
        params.append(record_id)
    if where:
        sql += " WHERE " + " AND ".join(where)
    return list(db.query(sql + " ORDER BY id", params))


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def member_names(db: Database) -> dict[int, str]:
    return {row[0]: row[1] for row in db.execute("SELECT id, full_name FROM members")}
