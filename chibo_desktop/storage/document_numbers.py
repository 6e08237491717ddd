"""Numbers given to the cell's outgoing documents (table document_numbers)."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database


def number_for(db: Database, year: int, kind: str, subject: str) -> str | None:
    row = db.execute(
        "SELECT number FROM document_numbers WHERE year = ? AND kind = ? AND subject = ?",
        [year, kind, subject],
    ).fetchone()
    return row[0] if row else None


def highest_seq(db: Database, year: int, kind: str) -> int:
    row = db.execute(
        "SELECT max(seq) FROM document_numbers WHERE year = ? AND kind = ?", [year, kind]
    ).fetchone()
    return row[0] or 0


def remember(
    db: Database, year: int, kind: str, subject: str, seq: int | None, number: str, issued_on: str
) -> bool:
    """Store the number; False when the file is open read-only (the number still prints)."""
    try:
        _store(db, [year, kind, subject, seq, number, issued_on])
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc):
            return False
        raise
    return True


def _store(db: Database, values: list) -> None:
    db.execute(
        "INSERT INTO document_numbers (year, kind, subject, seq, number, issued_on) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (year, kind, subject) DO UPDATE SET "
        "seq = excluded.seq, number = excluded.number, issued_on = excluded.issued_on",
        values,
    )
