"""Whether the last automatic backup of a file failed: a small marker file beside it
(``.<name>.backup-failed``), written when a backup fails and removed when one works, so
the warning survives until a good copy exists."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

from ...errors import DatabaseError, plain_io_error
from ...i18n import _

log = logging.getLogger(__name__)


def failure_marker(db_path: Path) -> Path:
    """Beside the file while its last backup failed (a backup that works removes it)."""
    db_path = Path(db_path)
    return db_path.with_name(f".{db_path.name}.backup-failed")


def failure_text(exc: BaseException) -> str:
    if isinstance(exc, DatabaseError):
        return exc.message
    plain = plain_io_error(exc)
    if plain is not None:
        return plain
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc} ({exc.filename})" if exc.filename else str(exc.strerror)
    return str(exc)


def note_failure(db_path: Path, when: dt.datetime, error: str) -> None:
    record = {"when": when.isoformat(timespec="minutes"), "error": error}
    try:
        failure_marker(db_path).write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    except OSError:
        log.warning("could not note the failed backup beside %s", db_path)
    log.error("backup of %s failed: %s", db_path, error)


def backup_problem(db_path: Path) -> str | None:
    """What to tell the user while the last backup of ``db_path`` failed (None: all good)."""
    marker = failure_marker(db_path)
    if not marker.exists():
        return None
    try:
        record = json.loads(marker.read_text(encoding="utf-8"))
        when = dt.datetime.fromisoformat(record["when"])
        error = str(record["error"])
    except (OSError, ValueError, KeyError, TypeError):
        when, error = None, "?"
    return _(
        "Không tạo được bản sao lưu tự động (lần gần nhất: {when}; {error}). Dữ liệu mới "
        "chưa có bản sao: hãy sao lưu bằng tay (Cài đặt > Sao lưu, hoặc lệnh chibo backup --to) "
        "và kiểm tra tệp (chibo check)."
    ).format(when=when.strftime("%H:%M %d/%m/%Y") if when else "?", error=error)
