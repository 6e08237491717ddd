"""Read-only queries for reports and reminders (meetings, attendance, who was assessed)."""

from __future__ import annotations

import datetime as dt
import sqlite3

from sqlite_utils import Database


def _has(db: Database, table: str) -> bool:
    return (
        db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
        ).fetchone()
        is not None
    )


def meetings_between(db: Database, start: dt.date, end: dt.date) -> list[dict]:
    if not _has(db, "meetings"):
        return []
    return list(
        db.query(
            "SELECT id, date, kinds, number, title, topic, status FROM meetings "
            "WHERE date BETWEEN ? AND ? ORDER BY date, id",
            [start.isoformat(), end.isoformat()],
        )
    )


def attendance_between(db: Database, start: dt.date, end: dt.date) -> list[sqlite3.Row]:
    """Attendance rows of the meetings in the period, in meeting date order (rows read by
    column name: a year of a large cell is tens of thousands of them)."""
    if not _has(db, "attendance"):
        return []
    cursor = db.conn.execute(
        "SELECT a.meeting_id, a.member_id, a.state, a.reason, a.name, a.membership "
        "FROM attendance a JOIN meetings m ON m.id = a.meeting_id "
        "WHERE m.date BETWEEN ? AND ? ORDER BY m.date, m.id",
        [start.isoformat(), end.isoformat()],
    )
    cursor.row_factory = sqlite3.Row
    return cursor.fetchall()


def recent_attendance(db: Database, up_to: dt.date, per_member: int) -> dict[int, list[dict]]:
    """Each member's latest attendance rows (newest first), at most ``per_member`` each."""
    if not _has(db, "attendance"):
        return {}
    result: dict[int, list[dict]] = {}
    for row in db.query(
        "SELECT a.member_id, a.state, m.date, m.id AS meeting_id FROM attendance a "
        "JOIN meetings m ON m.id = a.meeting_id WHERE m.date <= ? "
        "ORDER BY a.member_id, m.date DESC, m.id DESC",
        [up_to.isoformat()],
    ):
        rows = result.setdefault(row["member_id"], [])
        if len(rows) < per_member:
            rows.append(row)
    return result


def latest_attendance(db: Database, up_to: dt.date, meetings: int) -> dict[int, list[dict]]:
    """Attendance of the cell's latest ``meetings`` meetings up to a date, per member,
    newest first (reminders look only at the last few meetings)."""
    if not _has(db, "attendance"):
        return {}
    result: dict[int, list[dict]] = {}
    for row in db.query(
        "SELECT a.member_id, a.state, m.date, m.id AS meeting_id FROM attendance a "
        "JOIN (SELECT id, date FROM meetings WHERE date <= ? ORDER BY date DESC, id DESC "
        "LIMIT ?) m ON m.id = a.meeting_id ORDER BY m.date DESC, m.id DESC",
        [up_to.isoformat(), meetings],
    ):
        result.setdefault(row["member_id"], []).append(row)
    return result


def assessed_ids(db: Database, year: int) -> set[int]:
    """Members with an assessment of ``year``."""
    return {r[0] for r in db.execute("SELECT member_id FROM assessments WHERE year = ?", [year])}
