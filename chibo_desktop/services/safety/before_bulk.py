"""Changes that touch many records at once are preceded by a "before …" backup, like an
import: the copy lets the secretary take the whole change back from the restore dialog."""

from __future__ import annotations

from sqlite_utils import Database

from ...i18n import _
from ..contract.results import Result
from ..importing import UndoneImport, last_import, undo_last_import
from .backup import make_backup
from .working_file import backs_up


def undo_last_import_with_backup(db: Database) -> Result[UndoneImport]:
    """``undo_last_import`` after a copy of the register as it is (when the file is open
    for work and there is an import to undo)."""
    done = last_import(db)
    if backs_up(db) and done is not None:
        detail = _("hoàn tác lần nhập {name}").format(name=done["file_name"])
        make_backup(db, "prebulk", detail=detail)
    return undo_last_import(db)
