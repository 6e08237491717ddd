"""Plain tuples for deriving every member's state at once (home page, register lists)."""

from __future__ import annotations

from sqlite_utils import Database


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
