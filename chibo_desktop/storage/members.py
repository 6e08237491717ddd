"""Members and their status history."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from operator import attrgetter

from sqlite_utils import Database

from ..domain.members import Member, field_names
from ..domain.status import StatusChange

_COLUMNS = field_names()
COLUMNS = tuple(_COLUMNS)
_FIELDS = attrgetter(*_COLUMNS)
_ARMED = _COLUMNS.index("armed_forces")
_SELECT = "SELECT id, " + ", ".join(_COLUMNS) + " FROM members"


def _to_member(row: dict) -> Member:
    row = dict(row)
    row["armed_forces"] = bool(row["armed_forces"])
    return Member(**row)


def stored_values(member: Member) -> tuple:
    """The member's fields in COLUMNS order, as the table stores them."""
    values = list(_FIELDS(member))
    values[_ARMED] = int(bool(values[_ARMED]))
    return tuple(values)


def _values(member: Member) -> dict:
    return dict(zip(_COLUMNS, stored_values(member), strict=True))


def insert(db: Database, member: Member, search_text: str) -> int:
    values = {**_values(member), "search_text": search_text}
    member_id = db.execute(
        f"INSERT INTO members ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
        list(values.values()),
    ).lastrowid
    _index_search(db, member_id, member_id)
    return member_id


def _index_search(db: Database, first_id: int, last_id: int) -> None:
    """Put the members with ids first_id…last_id, just inserted, in the search index (one
    statement for a batch; updates and deletes are indexed by triggers)."""
    db.execute(
        "INSERT INTO members_fts(rowid, search_text) "
        "SELECT id, search_text FROM members WHERE id BETWEEN ? AND ?",
        [first_id, last_id],
    )


def insert_many(
    db: Database, records: list[tuple[Member, str, str, bool, list[StatusChange]]]
) -> list[int]:
    """Many new members at once: (member, search_text, status, in_cell, history)."""
    ids = []
    columns = [*_COLUMNS, "search_text", "status", "in_cell"]
    member_sql = (
        f"INSERT INTO members ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    )
    status_sql = (
        "INSERT INTO member_status(member_id, kind, date, decision, note) VALUES (?, ?, ?, ?, ?)"
    )
    conn = db.conn
    for member, search_text, status, in_cell, history in records:
        values = [*_values(member).values(), search_text, status, int(in_cell)]
        member_id = conn.execute(member_sql, values).lastrowid
        ids.append(member_id)
        conn.executemany(
            status_sql,
            [(member_id, c.kind, c.date.isoformat(), c.decision, c.note) for c in history],
        )
    if ids:
        _index_search(db, min(ids), max(ids))
    return ids


def next_id(db: Database) -> int:
    return db.execute("SELECT coalesce(max(id), 0) + 1 FROM members").fetchone()[0]


def all_rows(db: Database, columns: Sequence[str] = COLUMNS) -> list[tuple]:
    """(id, *columns) of every member as plain tuples (cheap for 20,000)."""
    names = [c for c in columns if c in _COLUMNS]
    return db.execute(f"SELECT id, {', '.join(names)} FROM members").fetchall()


def member_count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM members").fetchone()[0]


def current_jobs(db: Database) -> dict[int, str | None]:
    """Each member's present occupation, by member id."""
    return dict(db.execute("SELECT id, job_now FROM members").fetchall())


def in_cell_counts(db: Database) -> tuple[int, int]:
    """(members in the cell's list, of whom attending here temporarily)."""
    return db.execute(
        "SELECT count(*), coalesce(sum(status = 'temporary'), 0) FROM members WHERE in_cell = 1"
    ).fetchone()


def count_and_last_change(db: Database) -> tuple:
    """What changes whenever a member, a status or the change log is written."""
    return db.execute(
        "SELECT (SELECT count(*) FROM members), (SELECT coalesce(max(id), 0) FROM members), "
        "(SELECT coalesce(max(id), 0) FROM member_status), "
        "(SELECT coalesce(max(id), 0) FROM change_log)"
    ).fetchone()


def insert_rows(db: Database, columns: Sequence[str], rows: list[Sequence]) -> None:
    """New members as (id, *columns) rows, ids above every stored one; fields not in
    ``columns`` take the defaults."""
    if not rows:
        return
    names = ["id", *columns]
    db.conn.executemany(
        f"INSERT INTO members ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", rows
    )
    _index_search(db, rows[0][0], rows[-1][0])


def update_many(db: Database, rows: Iterable[tuple[Member, str]]) -> None:
    """(member, search text) of each member whose record changes."""
    assignments = ", ".join(f"{name} = ?" for name in [*_COLUMNS, "search_text"])
    db.conn.executemany(
        f"UPDATE members SET {assignments}, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') WHERE id = ?",
        ([*_values(member).values(), search, member.id] for member, search in rows),
    )


def set_states(db: Database, rows: Iterable[tuple[str, bool, int]]) -> None:
    """(status code, in cell, member id) of each member whose derived state is known."""
    db.conn.executemany(
        "UPDATE members SET status = ?, in_cell = ? WHERE id = ?",
        ((status, int(in_cell), member_id) for status, in_cell, member_id in rows),
    )


def add_statuses(db: Database, rows: Iterable[tuple], import_id: int | None = None) -> None:
    """(member id, kind, ISO date, decision, note) of each new status change."""
    db.conn.executemany(
        "INSERT INTO member_status(member_id, kind, date, decision, note, import_id) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        ((*row, import_id) for row in rows),
    )


def update(db: Database, member: Member, search_text: str) -> None:
    update_many(db, [(member, search_text)])


def get(db: Database, member_id: int) -> Member | None:
    rows = list(db.query(_SELECT + " WHERE id = ?", [member_id]))
    return _to_member(rows[0]) if rows else None


def all_members(db: Database, *, in_cell_only: bool = False) -> list[Member]:
    sql = _SELECT + (" WHERE in_cell = 1" if in_cell_only else "")
    return [_to_member(r) for r in db.query(sql + " ORDER BY id")]


def list_rows(db: Database, *, in_cell_only: bool = False) -> list[dict]:
    """Plain rows with the cached state, for lists of thousands."""
    sql = (
        f"SELECT id, {', '.join(_COLUMNS)}, search_text, status, in_cell FROM members"
        + (" WHERE in_cell = 1" if in_cell_only else "")
        + " ORDER BY id"
    )
    return list(db.query(sql))


BRIEF_COLUMNS = (
    "id",
    "full_name",
    "gender",
    "birth_date",
    "join_date",
    "official_date",
    "card_number",
    "position",
    "search_text",
    "status",
    "in_cell",
)


def brief_rows(db: Database) -> list[tuple]:
    """Tuples of BRIEF_COLUMNS for every member: what lists show, quick for 20,000."""
    return db.conn.execute(f"SELECT {', '.join(BRIEF_COLUMNS)} FROM members ORDER BY id").fetchall()


def delete(db: Database, member_id: int) -> None:
    db.execute("DELETE FROM members WHERE id = ?", [member_id])


def card_owner(db: Database, card_number: str) -> int | None:
    row = db.execute("SELECT id FROM members WHERE card_number = ?", [card_number]).fetchone()
    return row[0] if row else None


def search_ids(db: Database, fts_query: str) -> list[int]:
    return [
        r[0]
        for r in db.execute(
            "SELECT rowid FROM members_fts WHERE members_fts MATCH ? ORDER BY rank", [fts_query]
        )
    ]


def set_state(db: Database, member_id: int, status: str, in_cell: bool) -> None:
    db.execute(
        "UPDATE members SET status = ?, in_cell = ? WHERE id = ?", [status, int(in_cell), member_id]
    )


def _to_change(row) -> StatusChange:
    return StatusChange(
        kind=row["kind"],
        date=dt.date.fromisoformat(row["date"]),
        decision=row["decision"],
        note=row["note"],
        id=row["id"],
    )


def status_history(db: Database, member_id: int) -> list[StatusChange]:
    return [
        _to_change(r)
        for r in db.query(
            "SELECT id, kind, date, decision, note FROM member_status WHERE member_id = ? "
            "ORDER BY date, id",
            [member_id],
        )
    ]


def all_status_histories(db: Database) -> dict[int, list[StatusChange]]:
    result: dict[int, list[StatusChange]] = defaultdict(list)
    for row in db.query(
        "SELECT id, member_id, kind, date, decision, note FROM member_status ORDER BY date, id"
    ):
        result[row["member_id"]].append(_to_change(row))
    return result


def add_status(db: Database, member_id: int, change: StatusChange) -> int:
    cursor = db.execute(
        "INSERT INTO member_status(member_id, kind, date, decision, note) VALUES (?, ?, ?, ?, ?)",
        [member_id, change.kind, change.date.isoformat(), change.decision, change.note],
    )
    return cursor.lastrowid


def imported_status_ids(db: Database, member_id: int) -> list[tuple[int, int]]:
    """(status change id, import id) of the member's changes an import recorded."""
    return db.execute(
        "SELECT id, import_id FROM member_status WHERE member_id = ? AND import_id IS NOT NULL",
        [member_id],
    ).fetchall()


def status_id(db: Database, member_id: int, kind: str, date: str) -> int | None:
    row = db.execute(
        "SELECT id FROM member_status WHERE member_id = ? AND kind = ? AND date = ? LIMIT 1",
        [member_id, kind, date],
    ).fetchone()
    return row[0] if row else None


def move_status(db: Database, change_id: int, date: str) -> None:
    db.execute("UPDATE member_status SET date = ? WHERE id = ?", [date, change_id])


def status_owner(db: Database, change_id: int) -> int | None:
    row = db.execute("SELECT member_id FROM member_status WHERE id = ?", [change_id]).fetchone()
    return row[0] if row else None


def delete_status(db: Database, change_id: int) -> None:
    db.execute("DELETE FROM member_status WHERE id = ?", [change_id])


def as_dict(member: Member) -> dict:
    return dataclasses.asdict(member)


# Plain tuples for deriving every member's state at once (home page, register lists).


def brief_members(db: Database) -> list[tuple[int, str, str | None, str | None]]:
    """(id, full_name, join_date, official_date) of every member, in id order."""
    return db.conn.execute(
        "SELECT id, full_name, join_date, official_date FROM members ORDER BY id"
    ).fetchall()


def status_rows(db: Database) -> list[tuple[int, str, str]]:
    """(member_id, kind, ISO date) of every status change, per member in date order
    (changes on the same day in the order they were recorded)."""
    return db.conn.execute(
        "SELECT member_id, kind, date FROM member_status ORDER BY member_id, date, id"
    ).fetchall()
