"""Restoring a backup: into the open file (after backing it up), or in place of a file
that cannot be opened any more (which is kept aside, never deleted)."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from pathlib import Path

from sqlite_utils import Database

from ...errors import DatabaseError
from ...i18n import _
from ...storage import backup as store
from ...storage import cipher, keyfile
from ...storage.database import schema_version, upgrade
from ...storage.migrations import SCHEMA_VERSION
from ..contract.results import Result
from .backup import ALL_CHANGED, make_backup
from .file_key import unwrap
from .working_file import working_session


def _backup_key(
    path: Path, key: bytes | None, password: str | None, *, readable: Path | None = None
) -> bytes | None:
    """The key that reads an encrypted copy (``readable``, by default ``path`` itself):
    the open file's, or the one in ``path``'s own key file."""
    readable = readable or path
    if key is not None and cipher.key_fits(readable, key):
        return key
    record = keyfile.read(keyfile.keyfile_path(path))
    if password is not None and record is not None:
        own = unwrap(record, password)
        if own is not None and cipher.key_fits(readable, own):
            return own
    raise DatabaseError(
        _(
            "Bản sao lưu {path} được mã hóa bằng một mật khẩu khác (trước khi đổi mật khẩu). "
            "Hãy nhập mật khẩu đã dùng khi tạo bản sao đó (dòng lệnh: biến môi trường "
            "CHIBO_BACKUP_PASSWORD, hoặc --backup-password để được hỏi)."
        ).format(path=path.name)
    )


@contextlib.contextmanager
def checked_source(
    path: Path, key: bytes | None, password: str | None = None, *, beside: Path | None = None
):
    """Yield a private copy of the backup, readable with ``key`` (the open file's key),
    and the name of the cell it holds.

    The backup is first copied aside, next to ``beside`` (the file being restored),
    then the copy is checked: whatever happens to the backup meanwhile (a
    rotation, a USB stick pulled out), the restore reads only that checked copy. A copy
    under another key is re-encrypted with ``key``.
    """
    path = Path(path)
    if not path.is_file():
        raise DatabaseError(_("Không tìm thấy bản sao lưu {path}.").format(path=path))
    beside = Path(beside) if beside is not None else path
    aside = beside.with_name(f".{beside.name}.restore-source.tmp")
    converted = beside.with_name(f".{beside.name}.restore-convert.tmp")
    try:
        shutil.copyfile(path, aside)
        own = _source_key(path, aside, key, password)
        cell = _verify(path.name, aside, own)
        if own == key:
            yield aside, cell
        else:
            converted.unlink(missing_ok=True)
            cipher.export(aside, converted, source_key=own, target_key=key)
            yield converted, cell
    finally:
        for tmp in (aside, converted):
            tmp.unlink(missing_ok=True)
            cipher.remove_leftovers(tmp)


def _source_key(path: Path, aside: Path, key: bytes | None, password: str | None):
    if store.looks_like_sqlite(aside):
        return None
    if not cipher.available():
        raise DatabaseError(_("Bản sao lưu {path} được mã hóa.").format(path=path.name))
    return _backup_key(path, key, password, readable=aside)


class DecryptNeededError(DatabaseError):
    """An encrypted backup would become a plain file: restore only once the user agrees."""


def _refuse_what_is_no_backup(path: Path, key: bytes | None) -> None:
    """An empty file, a workbook or any other file is said to be what it is (not "a
    backup under another password")."""
    if not path.is_file():
        raise DatabaseError(_("Không tìm thấy bản sao lưu {path}.").format(path=path))
    with open(path, "rb") as fh:
        head = fh.read(16)
    if not head:
        raise DatabaseError(
            _("Tệp {path} trống (0 byte), không phải bản sao lưu; không phục hồi gì.").format(
                path=path.name
            )
        )
    if store.looks_like_sqlite(path) or keyfile.keyfile_path(path).exists():
        return
    if key is not None and cipher.key_fits(path, key):
        return
    if head.startswith(b"PK"):
        raise DatabaseError(
            _(
                "Tệp {path} là tệp nén hoặc tệp Excel/Word, không phải bản sao lưu của Chi bộ "
                "Desktop. Không phục hồi gì. (Danh sách Excel thì dùng “Nhập danh sách”.)"
            ).format(path=path.name)
        )
    raise DatabaseError(
        _(
            "Tệp {path} không phải bản sao lưu của Chi bộ Desktop; nếu là bản sao lưu có mật "
            "khẩu thì thiếu tệp khóa {keys} đi kèm. Không phục hồi gì."
        ).format(path=path.name, keys=keyfile.keyfile_path(path).name)
    )


def _refuse_silent_decrypt(path: Path, key: bytes | None, decrypt: bool) -> None:
    _refuse_what_is_no_backup(path, key)
    if key is not None or decrypt or store.looks_like_sqlite(path):
        return
    raise DecryptNeededError(
        _(
            "Bản sao lưu {path} được mã hóa, còn tệp đang mở không có mật khẩu: phục hồi sẽ "
            "ghi dữ liệu ra dạng không mã hóa, ai mở máy cũng đọc được. Hãy đặt mật khẩu cho "
            "tệp trước, hoặc xác nhận (dòng lệnh: thêm --decrypt)."
        ).format(path=path.name)
    )


class OtherCellError(DatabaseError):
    """The backup holds another cell's records: restore only once the user confirms."""

    def __init__(self, message: str, current: str, other: str):
        super().__init__(message)
        self.current = current
        self.other = other


def _verify(name: str, copy: Path, key: bytes | None) -> str | None:
    """Check a copy set aside for a restore; returns the name of the cell it holds."""
    try:
        kind, cell = store.identity(copy, key=key)
    except cipher.DB_ERRORS as exc:
        raise DatabaseError(
            _("Không đọc được bản sao lưu {path} ({error}).").format(path=name, error=exc)
        ) from exc
    if kind != "ours":
        raise DatabaseError(
            _(
                "Tệp {path} không phải bản sao lưu của Chi bộ Desktop (có thể là tệp SQLite "
                "của chương trình khác). Không phục hồi gì; dữ liệu hiện tại giữ nguyên."
            ).format(path=name)
        )
    try:
        problems = store.check(copy, key=key)
        schema, _counts = store.summary(copy, key=key)
    except cipher.DB_ERRORS as exc:
        raise DatabaseError(
            _("Không đọc được bản sao lưu {path} ({error}).").format(path=name, error=exc)
        ) from exc
    if problems:
        raise DatabaseError(
            _("Bản sao lưu {path} bị hỏng ({problem}); không phục hồi từ bản này.").format(
                path=name, problem=problems[0]
            )
        )
    if schema > SCHEMA_VERSION:
        raise DatabaseError(
            _("Bản sao lưu {path} do phiên bản mới hơn của chương trình tạo ra.").format(path=name)
        )
    return cell


def _same_cell(db: Database, name: str, source_cell: str | None, other_cell: bool) -> None:
    current = store.current_cell_name(db.conn)
    if other_cell or not current or not source_cell or current == source_cell:
        return
    raise OtherCellError(
        _(
            "Bản sao lưu {path} là của “{other}”, không phải của chi bộ đang mở “{current}”. "
            "Phục hồi sẽ thay toàn bộ dữ liệu của “{current}” bằng dữ liệu của “{other}”. "
            "Chỉ làm vậy nếu chắc chắn (dòng lệnh: thêm --other-cell)."
        ).format(path=name, other=source_cell, current=current),
        current,
        source_cell,
    )


def restore(
    db: Database,
    backup_path: Path,
    *,
    password: str | None = None,
    other_cell: bool = False,
    decrypt: bool = False,
) -> Result[Path]:
    """Put a backup's content into the open file, after backing up what is there now.

    The backup is copied aside and checked first; the safety copy of the current content
    is made next (its rotation never removes the backup being restored); only then is the
    checked copy written into the file, in one transaction.
    ``password`` is needed only for a copy made under an earlier password. A copy of
    another cell is refused (``OtherCellError``) unless ``other_cell``; an encrypted copy
    into a file without a password (``DecryptNeededError``) unless ``decrypt``.
    """
    session = working_session(db)
    if session.readonly:
        raise DatabaseError(_("Tệp đang mở ở chế độ chỉ đọc; không phục hồi được."))
    backup_path = Path(backup_path)
    _refuse_silent_decrypt(backup_path, session.key, decrypt)
    with checked_source(backup_path, session.key, password, beside=session.path) as (
        source,
        source_cell,
    ):
        _same_cell(db, backup_path.name, source_cell, other_cell)
        before = make_backup(db, "restore", in_use={backup_path})
        store.copy_into(source, db.conn, key=session.key)
    if schema_version(db.conn) < SCHEMA_VERSION:
        upgrade(db)
    problems = store.check_connection(db.conn)
    if problems:  # cannot happen after a checked source; put the old content back
        store.copy_into(before, db.conn, key=session.key)
        raise DatabaseError(_("Phục hồi không thành công; dữ liệu cũ đã được giữ nguyên."))
    return Result(before, ALL_CHANGED)


def restore_offline(
    db_path: Path,
    backup_path: Path,
    *,
    key: bytes | None = None,
    password: str | None = None,
    decrypt: bool = False,
) -> Path:
    """Replace a file that cannot be opened (damaged) with a checked backup.

    The damaged file is kept beside it as ``<name>.damaged-<time>`` and nothing is deleted.
    Returns the path of the kept damaged file.
    """
    db_path = Path(db_path)
    _refuse_silent_decrypt(Path(backup_path), key, decrypt)
    with checked_source(backup_path, key, password, beside=db_path) as (source, _cell):
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
