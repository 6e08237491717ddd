"""The cell's own names (one row) and per-file settings."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

CELL_FIELDS = ("name", "party_committee", "place", "secretary_name")


def get_cell(db: Database) -> dict[str, str] | None:
    rows = list(db.query("SELECT name, party_committee, place, secretary_name FROM cell"))
    return rows[0] if rows else None


def save_cell(db: Database, values: dict[str, str]) -> None:
    db["cell"].upsert({"id": 1, **{k: values.get(k, "") for k in CELL_FIELDS}}, pk="id")


def get_setting(db: Database, key: str, default: Any = None) -> Any:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else default


def set_setting(db: Database, key: str, value: Any) -> None:
    db.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, json.dumps(value, ensure_ascii=False)],
    )


def delete_setting(db: Database, key: str) -> None:
    db.execute("DELETE FROM settings WHERE key = ?", [key])


def has_cell(db: Database) -> bool:
    """Whether the file has been given its cell (``chibo init`` or the first-run dialog)."""
    return "cell" in db.table_names() and db.execute("SELECT count(*) FROM cell").fetchone()[0] > 0


def counts(db: Database, tables: tuple[str, ...]) -> dict[str, int]:
    existing = set(db.table_names())
    return {
        t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables if t in existing
    }
