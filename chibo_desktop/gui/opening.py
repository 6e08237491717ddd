"""Opening a file on the worker thread (creating it, or filling the demo, when asked).

The services are imported inside the job, so at start-up the worker thread loads them
(and sqlite-utils) while the GUI thread builds and shows the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..services.cell.identity import CellInfo


def open_file_job(path: Path, create: bool, cell: CellInfo | None, demo: bool, **options):
    """``options`` go to open_session: password=, recovery_key=, readonly=,
    take_over_lock=."""
    from ..services.cell.identity import is_initialised, save_cell
    from ..services.safety.session import open_session

    if not create and not demo:
        from ..services.consolidation.kind import is_committee_file

        if is_committee_file(path):
            from ..services.consolidation.desk import open_desk

            return open_desk(path)  # a committee's file: the window shows its pages
    db = open_session(path, create=create or demo, **options)
    try:
        if cell is not None and not is_initialised(db):
            save_cell(db, cell)
        if demo and not is_initialised(db):
            from ..services.demo.build import fill_demo  # brings in every feature's demo steps

            fill_demo(db)
    except BaseException:
        db.close()
        raise
    return db
