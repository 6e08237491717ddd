"""Opening the cell's file for a working session."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from ..storage.database import open_database


def open_session(path: Path, *, create: bool = False, readonly: bool = False) -> Database:
    return open_database(path, create=create, readonly=readonly)
