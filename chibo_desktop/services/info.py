"""A summary of the open file: names, schema version, counts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from ..storage import cell as cell_store
from ..storage.database import schema_version
from .cell import CellInfo, get_cell

COUNTED = ("members", "member_status", "meetings", "attendance", "campaigns")


@dataclass(frozen=True)
class FileInfo:
    cell: CellInfo
    schema_version: int
    counts: dict[str, int]
    active_members: int


def file_info(db: Database) -> FileInfo:
    active = db.execute("SELECT count(*) FROM members WHERE in_cell = 1").fetchone()[0]
    return FileInfo(get_cell(db), schema_version(db.conn), cell_store.counts(db, COUNTED), active)
