"""The cells a committee has received packages from, each opened with the cell's own
services (the same computations as the cell's own reports)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlite_utils import Database

from ...storage import committee as store
from ...storage.package_data import open_data_part


@dataclass(frozen=True)
class ReceivedCell:
    uuid: str
    name: str
    package_id: int
    created_at: dt.datetime
    start: dt.date
    end: dt.date
    program_version: str
    file_name: str
    received: int
    former_names: tuple[str, ...]
    summary: dict  # the period's headline figures, checked against the data when received
    label: str = ""  # the name on paper; two cells sharing a name are told apart by identity


def received_cells(db: Database) -> list[ReceivedCell]:
    cells = [
        ReceivedCell(
            r["uuid"],
            r["name"],
            r["package_id"],
            dt.datetime.fromisoformat(r["created_at"]),
            dt.date.fromisoformat(r["period_from"]),
            dt.date.fromisoformat(r["period_to"]),
            r["program_version"],
            r["file_name"],
            r["received"],
            tuple(n for n in (r["former_names"] or "").split(",") if n),
            json.loads(r["manifest"]).get("summary") or {},
        )
        for r in store.current_packages(db)
    ]
    names = [c.name for c in cells]
    return [
        dataclasses.replace(
            c, label=f"{c.name} (mã {c.uuid[:8]})" if names.count(c.name) > 1 else c.name
        )
        for c in cells
    ]


@contextmanager
def cell_database(db: Database, cell: ReceivedCell) -> Iterator[Database]:
    """The cell's data as of its current package, in memory, closed afterwards."""
    data = open_data_part(store.package_data(db, cell.package_id))
    try:
        yield data
    finally:
        data.close()


def each_cell(db: Database) -> Iterator[tuple[ReceivedCell, Database]]:
    """One cell at a time, so that memory holds one cell's data, not all of them."""
    for cell in received_cells(db):
        with cell_database(db, cell) as data:
            yield cell, data
