"""A summary of the open file: names, schema version, counts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from ...storage import cell as cell_store
from ...storage import members as member_store
from ...storage.database import schema_version
from .identity import CellInfo, get_cell

COUNTED = ("members", "member_status", "meetings", "attendance", "campaigns")


@dataclass(frozen=True)
class FileInfo:
    cell: CellInfo
    schema_version: int
    counts: dict[str, int]
    active_members: int
    temporary_members: int = 0  # of the active ones: attending here, counted elsewhere


def file_info(db: Database) -> FileInfo:
    active, temporary = member_store.in_cell_counts(db)
    counts = cell_store.counts(db, COUNTED)
    return FileInfo(get_cell(db), schema_version(db.conn), counts, active, temporary)
