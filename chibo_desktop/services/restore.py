"""Restoring a backup: into the open file (after backing it up), or in place of a file
that cannot be opened any more (which is kept aside, never deleted)."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from pathlib import Path

from sqlite_utils import Database

from ..errors import DatabaseError
from ..i18n import _
from ..storage import backup as store
from ..storage import cipher, keyfile
from ..storage.database import upgrade
from ..storage.migrations import SCHEMA_VERSION
from .backup import ALL_CHANGED, _session, make_backup
from .common import Result


def _backup_key(path: Path, key: bytes | None, password: str | None) -> bytes | None:
    """The key that reads an encrypted copy: the open file's, or its own key file's."""
    if key is not None and cipher.key_fits(path, key):
        return key
    record = keyfile.read(keyfile.keyfile_path(path))
    if password is not None and record is not None:
        from .security import unwrap

        own = unwrap(record, password)
        if own is not None and cipher.key_fits(path, own):
            return own
    raise DatabaseError(
        _(
            "Bản sao lưu {path} được mã hóa bằng một mật khẩu khác (trước khi đổi mật khẩu). "
            "Hãy nhập mật khẩu đã dùng khi tạo bản sao đó."
        ).format(path=path.name)
    )


@contextlib.contextmanager
def checked_source(path: Path, key: bytes | None, password: str | None = None):
    """Yield a copy of the backup readable with ``key`` (the open file's key), once it
    passed integrity_check; a copy under another key is re-encrypted to a temporary file."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseError(_("Không tìm thấy bản sao lưu {path}.").format(path=path))
    if not store.looks_like_sqlite(path) and not cipher.available():
        raise DatabaseError(_("Bản sao lưu {path} được mã hóa.").format(path=path.name))
    own = None if store.looks_like_sqlite(path) else _backup_key(path, key, password)
    try:
        problems = store.check(path, key=own)
        schema, _counts = store.summary(path, key=own)
    except cipher.DB_ERRORS as exc:
        raise DatabaseError(
            _("Không đọc được bản sao lưu {path} ({error}).").format(path=path.name, error=exc)
        ) from exc
    if problems:
        raise DatabaseError(
            _("Bản sao lưu {path} bị hỏng ({problem}); không phục hồi từ bản này.").format(
                path=path.name, problem=problems[0]
            )
        )
    if schema > SCHEMA_VERSION:
        raise DatabaseError(
            _("Bản sao lưu {path} do phiên bản mới hơn của chương trình tạo ra.").format(
                path=path.name
            )
        )
    if own == key:
        yield path
        return
    tmp = path.with_name(f".{path.name}.convert.tmp")
    tmp.unlink(missing_ok=True)
    try:
        cipher.export(path, tmp, source_key=own, target_key=key)
        yield tmp
    finally:
        tmp.unlink(missing_ok=True)


def restore(db: Database, backup_path: Path, *, password: str | None = None) -> Result[Path]:
    """Put a backup's content into the open file, after backing up what is there now.

    ``password`` is needed only for a copy made under an earlier password.
    """
    session = _session(db)
    if session.readonly:
        raise DatabaseError(_("Tệp đang mở ở chế độ chỉ đọc; không phục hồi được."))
    with checked_source(backup_path, session.key, password) as source:
        before = make_backup(db, "restore")
        store.copy_into(source, db.conn, key=session.key)
    if db.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
        upgrade(db)
    problems = store.check_connection(db.conn)
    if problems:  # cannot happen after a checked source; put the old content back
        store.copy_into(before, db.conn, key=session.key)
        raise DatabaseError(_("Phục hồi không thành công; dữ liệu cũ đã được giữ nguyên."))
    return Result(before, ALL_CHANGED)


def restore_offline(
    db_path: Path, backup_path: Path, *, key: bytes | None = None, password: str | None = None
) -> Path:
    """Replace a file that cannot be opened (damaged) with a checked backup.

    The damaged file is kept beside it as ``<name>.damaged-<time>`` and nothing is deleted.
    Returns the path of the kept damaged file.
    """
    db_path = Path(db_path)
    with checked_source(backup_path, key, password) as source:
        return _replace_damaged(db_path, Path(backup_path), source, key)


def _replace_damaged(db_path: Path, backup_path: Path, source: Path, key: bytes | None) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept_path = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    tmp = db_path.with_name(f".{db_path.name}.restore.tmp")
    tmp.unlink(missing_ok=True)
    shutil.copyfile(source, tmp)
    if store.check(tmp, key=key if not store.looks_like_sqlite(tmp) else None):
        tmp.unlink(missing_ok=True)
        raise DatabaseError(_("Bản sao lưu không chép được nguyên vẹn; hãy thử lại."))
    if db_path.exists():
        db_path.replace(kept_path)
    for suffix in ("-wal", "-shm", "-journal"):
        side = Path(f"{db_path}{suffix}")
        if side.exists():
            side.replace(Path(f"{kept_path}{suffix}"))
    tmp.replace(db_path)
    if key is None:
        keyfile.remove(keyfile.keyfile_path(db_path))
    return kept_path
