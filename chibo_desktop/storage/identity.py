"""The cell's stable identity (a UUID made once, see sql/v9)."""

from __future__ import annotations

from sqlite_utils import Database


def cell_uuid(db: Database) -> str:
    row = db.execute("SELECT uuid FROM cell WHERE id = 1").fetchone()
    return row[0] if row else ""
