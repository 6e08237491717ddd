"""Bulk reads and writes for importing a member list (thousands of rows in one go)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlite_utils import Database

from ..domain.members import Member, field_names

COLUMNS = field_names()
_INSERT_COLUMNS = ["id", *COLUMNS, "search_text", "status", "in_cell"]


def _member(row: Sequence) -> Member:
    values = dict(zip(["id", *COLUMNS], row, strict=True))
    values["armed_forces"] = bool(values["armed_forces"])
    return Member(**values)


def all_members(db: Database) -> list[Member]:
    cursor = db.execute(f"SELECT id, {', '.join(COLUMNS)} FROM members")
    return [_member(row) for row in cursor.fetchall()]


def next_id(db: Database) -> int:
    return db.execute("SELECT coalesce(max(id), 0) + 1 FROM members").fetchone()[0]


def _values(member: Member) -> list:
    values = [getattr(member, name) for name in COLUMNS]
    values[COLUMNS.index("armed_forces")] = int(bool(member.armed_forces))
    return values


def insert_members(db: Database, rows: Iterable[tuple[Member, str, str, bool]]) -> None:
    """(member with its id set, search text, status code, in cell) for each new member."""
    sql = (
        f"INSERT INTO members ({', '.join(_INSERT_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(_INSERT_COLUMNS))})"
    )
    db.conn.executemany(
        sql,
        (
            [member.id, *_values(member), search, status, int(in_cell)]
            for member, search, status, in_cell in rows
        ),
    )


def update_members(db: Database, rows: Iterable[tuple[Member, str]]) -> None:
    assignments = ", ".join(f"{name} = ?" for name in [*COLUMNS, "search_text"])
    db.conn.executemany(
        f"UPDATE members SET {assignments}, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') WHERE id = ?",
        ([*_values(member), search, member.id] for member, search in rows),
    )


def add_statuses(db: Database, rows: Iterable[tuple[int, str, str, str]]) -> None:
    """(member id, kind, ISO date, note) for each change."""
    db.conn.executemany(
        "INSERT INTO member_status(member_id, kind, date, note) VALUES (?, ?, ?, ?)", rows
    )


def set_states(db: Database, rows: Iterable[tuple[str, bool, int]]) -> None:
    db.conn.executemany(
        "UPDATE members SET status = ?, in_cell = ? WHERE id = ?",
        ((status, int(in_cell), member_id) for status, in_cell, member_id in rows),
    )


def log_changes(
    db: Database, user: str, source: str, rows: Iterable[tuple[str, int, str, object, object]]
) -> None:
    """(entity, record id, field, old, new) for each change, all from one import."""
    db.conn.executemany(
        "INSERT INTO change_log(user, entity, record_id, field, old, new, source) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            (user, entity, record_id, field, _text(old), _text(new), source)
            for entity, record_id, field, old, new in rows
        ),
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)
