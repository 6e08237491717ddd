"""Files kept with a campaign step: read one from disk into the database, write it back out."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from ...errors import ChiboError
from ...i18n import _
from ...interop.files import atomic_write
from ..contract.results import Result
from .campaign import attach_file, step_file

MAX_BYTES = 50 * 1024 * 1024


def attach_file_from(db: Database, step_id: int, path: str | Path) -> Result[str]:
    """Store a copy of the file inside the database; returns the name kept."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ChiboError(_("Tệp lớn hơn 50 MB; hãy chọn tệp nhỏ hơn (ví dụ bản quét PDF)."))
        data = path.read_bytes()
    except OSError as exc:
        raise ChiboError(
            _("Không đọc được tệp {path}: {error}").format(path=path, error=exc.strerror or exc)
        ) from exc
    result = attach_file(db, step_id, path.name, data)
    return Result(path.name, result.changes)


def save_step_file(db: Database, step_id: int, path: str | Path) -> Path:
    """Write the step's stored file to ``path`` (replacing it whole)."""
    _name, data = step_file(db, step_id)
    return atomic_write(path, lambda tmp: tmp.write_bytes(data))
