"""Schema upgrades. Each migration is registered once and never edited after release.

``PRAGMA user_version`` holds the number of migrations applied, so an older program can
refuse a file written by a newer one before touching it.
"""

from __future__ import annotations

from importlib import resources

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("chibo")


def _run_sql_folder(db: Database, folder: str) -> None:
    sql_dir = resources.files("chibo_desktop.storage") / "sql" / folder
    for script in sorted(sql_dir.iterdir(), key=lambda p: p.name):
        if script.name.endswith(".sql"):
            db.executescript(script.read_text(encoding="utf-8"))


@migrations(name="001_initial")
def _initial(db: Database) -> None:
    _run_sql_folder(db, "v1")


@migrations(name="002_document_numbers")
def _document_numbers(db: Database) -> None:
    _run_sql_folder(db, "v2")


SCHEMA_VERSION = len(migrations._migrations)
# The oldest schema this program can upgrade (0: an empty, new file).
SCHEMA_FLOOR = 0
