"""Opening a file on the worker thread (creating it, or filling the demo, when asked)."""

from __future__ import annotations

from pathlib import Path

from ..services.cell import CellInfo, is_initialised, save_cell
from ..services.session import open_session


def open_file_job(path: Path, create: bool, cell: CellInfo | None, demo: bool, **options):
    """``options`` go to open_session: password=, recovery_key=, readonly=."""
    db = open_session(path, create=create or demo, **options)
    try:
        if cell is not None and not is_initialised(db):
            save_cell(db, cell)
        if demo and not is_initialised(db):
            from ..services.demo import fill_demo  # brings in every feature's demo steps

            fill_demo(db)
    except BaseException:
        db.close()
        raise
    return db
