"""Schema upgrades. Each migration is registered once and never edited after release.

``PRAGMA user_version`` holds the number of migrations applied, so an older program can
refuse a file written by a newer one before touching it.
"""

from __future__ import annotations

import sqlite3
from importlib import resources

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("chibo")


def _run_sql_folder(db: Database, folder: str) -> None:
    sql_dir = resources.files("chibo_desktop.storage") / "sql" / folder
    for script in sorted(sql_dir.iterdir(), key=lambda p: p.name):
        if script.name.endswith(".sql"):
            db.executescript(script.read_text(encoding="utf-8"))


def _run_sql_statements(db: Database, folder: str) -> None:
    """Like ``_run_sql_folder`` but one statement at a time, inside the upgrade's open
    transaction (``executescript`` would commit it first): a failure rolls back whole."""
    sql_dir = resources.files("chibo_desktop.storage") / "sql" / folder
    for script in sorted(sql_dir.iterdir(), key=lambda p: p.name):
        if not script.name.endswith(".sql"):
            continue
        statement = ""
        for line in script.read_text(encoding="utf-8").splitlines(keepends=True):
            if not statement and line.lstrip().startswith("--"):
                continue
            statement += line
            if sqlite3.complete_statement(statement):
                db.execute(statement)
                statement = ""


@migrations(name="001_initial")
def _initial(db: Database) -> None:
    _run_sql_folder(db, "v1")


@migrations(name="002_campaign_step_evidence")
def _campaign_step_evidence(db: Database) -> None:
    _run_sql_statements(db, "v2")


@migrations(name="003_assessment_conditions")
def _assessment_conditions(db: Database) -> None:
    _run_sql_statements(db, "v3")


@migrations(name="004_attendance_excused_accepted")
def _attendance_excused_accepted(db: Database) -> None:
    _run_sql_statements(db, "v4")


@migrations(name="005_meeting_documents_posted")
def _meeting_documents_posted(db: Database) -> None:
    _run_sql_statements(db, "v5")


@migrations(name="006_imports")
def _imports(db: Database) -> None:
    _run_sql_statements(db, "v6")


@migrations(name="007_document_numbers")
def _document_numbers(db: Database) -> None:
    _run_sql_statements(db, "v7")


@migrations(name="008_dues")
def _dues(db: Database) -> None:
    _run_sql_statements(db, "v8")


@migrations(name="009_resolution_texts")
def _resolution_texts(db: Database) -> None:
    _run_sql_statements(db, "v9")


@migrations(name="010_cell_identity")
def _cell_identity(db: Database) -> None:
    _run_sql_statements(db, "v10")


SCHEMA_VERSION = len(migrations._migrations)
# The oldest schema this program can upgrade (0: an empty, new file).
SCHEMA_FLOOR = 0
