"""Opening the cell's file for a working session, with every safeguard.

Before anything is written: the file is checked (empty, not a database, read-only,
encrypted, damaged — each with its own message), the lock beside it is taken (one writer),
and ``PRAGMA integrity_check`` (``quick_check`` for a file over 50 MB) runs on a
read-only connection. Then the schema is upgraded
(a backup is made first), and the once-a-day backup is taken. Closing a session that wrote
makes a backup and releases the lock.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from sqlite_utils import Database

from ...errors import DatabaseError
from ...i18n import _
from ...storage import backup as backup_store
from ...storage import cipher
from ...storage.cell import has_cell
from ...storage.database import connect, is_network_path, open_database
from ...storage.lock import FileLock, LockedByOther
from ..contract.context import current_user
from . import backup
from . import file_key as security
from .working_file import Session

log = logging.getLogger(__name__)


class FileLockedError(DatabaseError):
    def __init__(self, message: str, holder):
        super().__init__(message)
        self.holder = holder


class DamagedFileError(DatabaseError):
    """The file fails its check; it is never written to. ``backup`` is the newest good copy."""

    def __init__(self, message: str, path: Path, backup: Path | None, key: bytes | None = None):
        super().__init__(message)
        self.path = path
        self.backup = backup
        self.key = key


class ReadOnlyFileError(DatabaseError):
    pass


class SessionDatabase(Database):
    """A Database whose close() also backs up what was written and releases the lock."""

    session: Session

    def wrote(self) -> bool:
        return backup_store.wrote_since(self.conn, self.session.baseline)

    def close(self) -> None:
        session = self.session
        if session.closed:
            return
        session.closed = True
        try:
            if session.backups and not session.readonly and self.wrote():
                try:
                    backup.make_backup(self, "close")
                except Exception:
                    session.backup_failed = True
                    log.exception("backup on close failed")
        finally:
            try:
                super().close()
            finally:
                if session.lock is not None:
                    session.lock.release()


def open_session(
    path: Path,
    *,
    create: bool = False,
    readonly: bool = False,
    password: str | None = None,
    recovery_key: str | None = None,
    backups: bool = True,
    backup_root: Path | None = None,
    take_over_lock: bool = False,
) -> SessionDatabase:
    """Open ``path`` for work. ``CHIBO_PASSWORD`` supplies the password to scripts.

    ``take_over_lock`` replaces another program's lock: only when the user has said no one
    else is editing the file (that computer is off, that program hung).
    """
    path = Path(path)
    if password is None and recovery_key is None:
        password = os.environ.get("CHIBO_PASSWORD") or None
    key = _precheck(path, create, readonly, password, recovery_key)
    session = Session(path, readonly, key, backups=backups, backup_root=backup_root)
    session.opened_with_recovery = bool(recovery_key) and key is not None
    if not readonly:
        session.lock = _lock(path, take_over_lock)
        _finish_password_change(path, key, session)
        if path.exists():
            backup.remove_leftovers(path, backup_root)
    try:
        if path.exists() and path.stat().st_size:
            _check(path, key, backup_root)
        db = _open(path, session, create)
    except BaseException:
        if session.lock is not None:
            session.lock.release()
        raise
    if not readonly and is_network_path(path):
        session.notices.append(
            _(
                "Tệp nằm trên ổ mạng: chương trình dùng chế độ ghi nhật ký thường (không WAL). "
                "Chỉ một người mở tệp tại một thời điểm."
            )
        )
    if backups and not readonly and has_cell(db):
        try:
            backup.backup_if_due(db)
        except Exception as exc:
            session.backup_failed = True
            log.exception("daily backup failed")
            session.notices.append(
                _("Không tạo được bản sao lưu hằng ngày: {error}").format(
                    error=getattr(exc, "message", exc)
                )
            )
    if not readonly:
        problem = backup.backup_problem(path)
        if problem:
            session.notices.append(problem)
    db.session.baseline = db.conn.total_changes
    return db


def _precheck(path, create, readonly, password, recovery_key) -> bytes | None:
    if path.is_dir():
        raise DatabaseError(_("{path} là một thư mục, không phải tệp dữ liệu.").format(path=path))
    if not path.exists():
        if not create:
            raise DatabaseError(_("Không tìm thấy tệp dữ liệu {path}.").format(path=path))
        if not path.parent.is_dir():
            raise DatabaseError(_("Thư mục {path} không tồn tại.").format(path=path.parent))
        return None
    if path.stat().st_size == 0 and not create:
        raise DatabaseError(
            _(
                "Tệp {path} trống (0 byte), không chứa dữ liệu nào. Có thể tệp bị chép dở hoặc "
                "lưu lỗi; hãy phục hồi từ bản sao lưu (Cài đặt > Sao lưu) hoặc chọn tệp khác."
            ).format(path=path.name)
        )
    if not readonly and (not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)):
        raise ReadOnlyFileError(
            _(
                "Tệp {path} hoặc thư mục chứa nó chỉ cho phép đọc (đĩa CD, thư mục được bảo vệ "
                "hay tệp có thuộc tính “Chỉ đọc”). Hãy chép tệp vào thư mục Tài liệu rồi mở "
                "lại, hoặc mở ở chế độ chỉ đọc (dòng lệnh: --read-only)."
            ).format(path=path.name)
        )
    plain = backup_store.looks_like_sqlite(path)
    if plain or not security.is_encrypted(path):
        if recovery_key and not plain:
            return security.key_for(path, recovery_key=recovery_key)
        return None
    return security.key_for(path, password=password, recovery_key=recovery_key)


def _finish_password_change(path: Path, key: bytes | None, session: Session) -> None:
    if not path.exists() or not path.stat().st_size:
        return
    finished = security.finish_interrupted_change(path, key)
    if finished is True:
        session.notices.append(
            _(
                "Lần đổi mật khẩu trước bị ngắt giữa chừng nhưng tệp đã kịp mã hóa lại: "
                "từ nay dùng mật khẩu mới (và khóa khôi phục mới)."
            )
        )
    elif finished is False and key is not None:
        session.notices.append(
            _(
                "Lần đổi mật khẩu trước bị ngắt giữa chừng, trước khi tệp được mã hóa lại: "
                "tệp vẫn dùng mật khẩu cũ. Hãy đổi mật khẩu lại nếu cần."
            )
        )


def _lock(path: Path, take_over: bool = False) -> FileLock:
    lock = FileLock(path, current_user())
    try:
        lock.acquire(take_over=take_over)
    except LockedByOther as exc:
        raise FileLockedError(_locked_message(path, lock.path, exc.holder), exc.holder) from exc
    return lock


def _locked_message(path: Path, lock_file: Path, holder) -> str:
    take_over = _(
        "Nếu chắc chắn không ai đang sửa tệp (máy kia đã tắt, chương trình bị treo), có thể "
        "chiếm khóa: nút “Vẫn mở và chiếm khóa”, dòng lệnh --take-over-lock."
    )
    if not holder.user or holder.user == "?" or not holder.pid:
        return _(
            "Tệp {path} đang được một chương trình khác mở (tệp khóa {lock} chưa đọc được). "
            "Hãy đợi một lát rồi thử lại, hoặc mở ở chế độ chỉ đọc. {take_over}"
        ).format(path=path.name, lock=lock_file.name, take_over=take_over)
    since = holder.since_time
    return _(
        "Tệp {path} đang được mở bởi {user} trên máy {host} (từ {since}). Chỉ một "
        "người được sửa tệp tại một thời điểm: hãy đóng chương trình ở máy đó, hoặc "
        "mở tệp ở chế độ chỉ đọc. {take_over}"
    ).format(
        path=path.name,
        user=holder.user,
        host=holder.host or "?",
        since=since.strftime("%H:%M %d/%m/%Y") if since else "?",
        take_over=take_over,
    )


# A cell's file is a few MB: the full integrity_check (which also compares every index
# with its table) takes well under a second up to this size; above it, quick_check.
FULL_CHECK_BYTES = 50 * 1024 * 1024


def _disk_nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < 1024 * 1024
    except OSError:
        return False


def _means_damage(exc: Exception) -> bool:
    """Errors that say the content is bad, not that the file could not be reached."""
    text = str(exc).lower()
    return any(word in text for word in ("malformed", "not a database", "corrupt"))


def _check(path: Path, key: bytes | None, backup_root: Path | None) -> None:
    quick = path.stat().st_size > FULL_CHECK_BYTES
    try:
        problems = backup_store.check(path, key=key, quick=quick)
    except cipher.DB_ERRORS as exc:
        if not backup_store.looks_like_sqlite(path) and key is None:
            return  # not a database at all: open_database says so in its own words
        if not _means_damage(exc):
            if _disk_nearly_full(path):
                raise DatabaseError(
                    _(
                        "Ổ đĩa chứa tệp {path} đã đầy nên không mở được tệp (tệp không bị "
                        "hỏng). Hãy xóa bớt tệp không cần trên ổ đó rồi mở lại."
                    ).format(path=path.name)
                ) from exc
            raise DatabaseError(
                _(
                    "Không đọc được tệp {path} ({error}). Tệp có thể vẫn nguyên vẹn: thư mục "
                    "chứa nó chỉ cho phép đọc, ổ mạng mất kết nối, hoặc một chương trình khác "
                    "đang giữ tệp. Hãy chép tệp vào thư mục Tài liệu rồi mở lại."
                ).format(path=path.name, error=exc)
            ) from exc
        problems = [str(exc)]
    if problems:
        good = backup.newest_good_backup(path, key=key, root=backup_root)
        offer = (
            _("Bản sao lưu tốt gần nhất: {name}. Hãy phục hồi từ bản đó.").format(name=good.name)
            if good
            else _("Không có bản sao lưu tốt; hãy tìm bản sao trên USB hoặc máy khác.")
        )
        raise DamagedFileError(
            _(
                "Tệp {path} bị hỏng ({problem}). Chương trình không ghi gì vào tệp này để "
                "không làm hỏng thêm. {offer}"
            ).format(path=path.name, problem=problems[0], offer=offer),
            path,
            good,
            key,
        )


def _open(path: Path, session: Session, create: bool) -> SessionDatabase:
    def before_upgrade(p: Path, _version: int) -> None:
        if not session.backups:
            return
        # A separate read-only connection to the file as it is before the upgrade.
        conn = connect(p, readonly=True, key=session.key)
        try:
            temp = SessionDatabase(conn, execute_plugins=False)
            temp.session = session
            backup.make_backup(temp, "upgrade")
        finally:
            conn.close()

    db = open_database(
        path,
        create=create,
        readonly=session.readonly,
        before_upgrade=before_upgrade,
        key=session.key,
    )
    result = SessionDatabase(db.conn, execute_plugins=False)
    result.session = session
    return result
