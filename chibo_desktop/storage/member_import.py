"""Bulk reads and writes for importing a member list (thousands of rows in one go)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from sqlite_utils import Database

from ..domain.members import Member, field_names

COLUMNS = field_names()
_FTS_TRIGGER = "members_fts_insert"
_BULK_CACHE = -32768  # KiB: 32 MB


def _member(row: Sequence) -> Member:
    values = dict(zip(["id", *COLUMNS], row, strict=True))
    values["armed_forces"] = bool(values["armed_forces"])
    return Member(**values)


def all_members(db: Database) -> list[Member]:
    return [_member(row) for row in all_rows(db)]


def all_rows(db: Database, columns: Sequence[str] = COLUMNS) -> list[tuple]:
    """(id, *columns) of every member, as plain tuples (cheap for 20,000)."""
    names = [c for c in columns if c in COLUMNS]
    return db.execute(f"SELECT id, {', '.join(names)} FROM members").fetchall()


def to_member(row: Sequence) -> Member:
    return _member(row)


def next_id(db: Database) -> int:
    return db.execute("SELECT coalesce(max(id), 0) + 1 FROM members").fetchone()[0]


def _values(member: Member) -> list:
    values = [getattr(member, name) for name in COLUMNS]
    values[COLUMNS.index("armed_forces")] = int(bool(member.armed_forces))
    return values


@contextmanager
def bulk_insert(db: Database, first_id: int) -> Iterator[None]:
    """Insert many members (ids from ``first_id`` on) with one search-index pass instead of
    one per row, and into an empty register without index upkeep row by row.

    Only inside a transaction: the per-row search-index trigger is dropped (and the members
    indexes too when the register is empty), the rows inserted, then indexed together and
    the trigger put back. A failure or a crash rolls all of it back together, trigger and
    indexes included (SQLite schema changes are transactional). The page cache is enlarged
    meanwhile, so that the new rows and indexes stay in memory until the commit.
    """
    if not db.conn.in_transaction:
        raise RuntimeError("bulk_insert needs a transaction")
    trigger = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [_FTS_TRIGGER]
    ).fetchone()
    indexes = []
    if first_id == 1:  # nothing stored: building the indexes once is cheaper
        indexes = db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'members' "
            "AND sql IS NOT NULL"
        ).fetchall()
    cache = int(db.execute("PRAGMA cache_size").fetchone()[0])
    db.execute(f"PRAGMA cache_size = {_BULK_CACHE}")
    try:
        if trigger is not None:
            db.execute(f"DROP TRIGGER {_FTS_TRIGGER}")
        for name, _sql in indexes:
            db.execute(f"DROP INDEX {name}")
        yield
        for _name, sql in indexes:
            db.execute(sql)
        if trigger is not None:
            if first_id == 1:  # every member is new: one pass over the table, one segment
                db.execute("INSERT INTO members_fts(members_fts) VALUES ('rebuild')")
            else:
                db.execute(
                    "INSERT INTO members_fts(rowid, search_text) "
                    "SELECT id, search_text FROM members WHERE id >= ?",
                    [first_id],
                )
            db.execute(trigger[0])
    finally:
        db.execute(f"PRAGMA cache_size = {cache}")


def insert_members(
    db: Database,
    columns: Sequence[str],
    rows: Iterable[tuple],
    states: tuple[tuple[str, int], tuple[str, int]],
    stamp: str,
) -> None:
    """New members as (id, *columns, search text) tuples. Fields not in ``columns`` take the
    table's defaults, the same as a Member's (empty text, no date): binding only the columns
    a file brings saves SQLite a third of its work per row.

    ``states`` are (status code, in cell) [0] without an official date, [1] with one, and
    ``stamp`` the creation time: the same for every row, so written into the statement
    once instead of bound (and copied by SQLite) for each member."""
    names = ["id", *columns, "search_text", "status", "in_cell", "created_at", "updated_at"]
    bound = [f"?{n}" for n in range(1, len(columns) + 3)]
    (status, in_cell), (official_status, official_in_cell) = states
    if "official_date" in columns:
        official = f"?{columns.index('official_date') + 2}"
        without = f"{official} IS NULL OR {official} = ''"
        state = [
            f"CASE WHEN {without} THEN {_literal(status)} ELSE {_literal(official_status)} END",
            f"CASE WHEN {without} THEN {int(in_cell)} ELSE {int(official_in_cell)} END",
        ]
    else:
        state = [_literal(status), str(int(in_cell))]
    values = [*bound, *state, _literal(stamp), _literal(stamp)]
    db.conn.executemany(
        f"INSERT INTO members ({', '.join(names)}) VALUES ({', '.join(values)})", rows
    )


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def add_first_statuses(
    db: Database,
    first_id: int,
    kinds: tuple[str, str],
    notes: tuple[str, str],
    today: str,
    stamp: str,
) -> None:
    """The first status change of each member inserted from ``first_id`` on:
    ``kinds``/``notes`` [0] for members without an official date, [1] for those with one;
    dated on the joining date (a partial one on its first day), or ``today`` without it."""
    db.execute(
        "INSERT INTO member_status(member_id, kind, date, note, created_at) "
        "SELECT id, CASE WHEN coalesce(official_date, '') = '' THEN ? ELSE ? END, "
        "CASE WHEN coalesce(join_date, '') = '' THEN ? "
        "WHEN length(join_date) = 4 THEN join_date || '-01-01' "
        "WHEN length(join_date) = 7 THEN join_date || '-01' ELSE join_date END, "
        "CASE WHEN coalesce(official_date, '') = '' THEN ? ELSE ? END, ? "
        "FROM members WHERE id >= ? ORDER BY id",
        [*kinds, today, *notes, stamp, first_id],
    )


def update_members(db: Database, rows: Iterable[tuple[Member, str]]) -> None:
    assignments = ", ".join(f"{name} = ?" for name in [*COLUMNS, "search_text"])
    db.conn.executemany(
        f"UPDATE members SET {assignments}, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') WHERE id = ?",
        ([*_values(member), search, member.id] for member, search in rows),
    )


def set_states(db: Database, rows: Iterable[tuple[str, bool, int]]) -> None:
    db.conn.executemany(
        "UPDATE members SET status = ?, in_cell = ? WHERE id = ?",
        ((status, int(in_cell), member_id) for status, in_cell, member_id in rows),
    )


def log_changes(
    db: Database,
    user: str,
    source: str,
    rows: Iterable[tuple[str, int, str, object, object]],
    stamp: str,
) -> None:
    """(entity, record id, field, old, new) for each change, all from one import."""
    db.conn.executemany(
        "INSERT INTO change_log(at, user, entity, record_id, field, old, new, source) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (stamp, user, entity, record_id, field, _text(old), _text(new), source)
            for entity, record_id, field, old, new in rows
        ),
    )


def last_status_id(db: Database) -> int:
    return db.execute("SELECT coalesce(max(id), 0) FROM member_status").fetchone()[0]


def log_new_members(
    db: Database, user: str, source: str, first_id: int, after_status: int, stamp: str
) -> None:
    """Log the members inserted from ``first_id`` on and the status changes after
    ``after_status``, as the rows were stored: each member's creation, then its first change."""
    db.execute(
        "INSERT INTO change_log(at, user, entity, record_id, field, old, new, source) "
        "SELECT ?, ?, 'member', id, 'created', NULL, full_name, ? FROM members "
        "WHERE id >= ? ORDER BY id",
        [stamp, user, source, first_id],
    )
    db.execute(
        "INSERT INTO change_log(at, user, entity, record_id, field, old, new, source) "
        "SELECT ?, ?, 'member_status', member_id, kind, NULL, date, ? FROM member_status "
        "WHERE id > ? ORDER BY id",
        [stamp, user, source, after_status],
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)
