"""Setting, changing and removing the file's password (encryption at rest).

Turning the password on or off rewrites the whole file (sqlcipher_export into a temporary
file, checked, then renamed over the original), so these return a NEW open database: the
caller hands it to whoever used the old one, which is closed. Changing the password
does the same with a new key. Each returns the new recovery key, to show once.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import ChiboError
from ...i18n import _
from ...storage import backup as backup_store
from ...storage import cipher, keyfile
from ...storage.database import checkpoint
from ..cell.identity import get_setting, set_setting
from ..contract.results import Changes, Result
from . import backup
from . import file_key as security
from .session import SessionDatabase, open_session

IDLE_KEY = "security.idle_minutes"
DEFAULT_IDLE_MINUTES = 10


@dataclass(frozen=True)
class PasswordChange:
    db: SessionDatabase
    recovery_key: str
    # Plain copies in the backup folder that could not be encrypted (damaged ones): the
    # user is told and offered ``remove_plain_backups``.
    plain_left: list[Path] = field(default_factory=list)


def idle_minutes(db) -> int:
    value = get_setting(db, IDLE_KEY, DEFAULT_IDLE_MINUTES)
    return value if isinstance(value, int) and value >= 0 else DEFAULT_IDLE_MINUTES


def set_idle_minutes(db, minutes: int) -> Result[int]:
    if not 0 <= minutes <= 240:
        raise ChiboError(_("Số phút phải từ 0 (không khóa) đến 240."))
    set_setting(db, IDLE_KEY, int(minutes))
    return Result(minutes, Changes())


def _need_cipher() -> None:
    if not security.available():
        raise ChiboError(
            _(
                "Bản cài đặt này không có thành phần mã hóa (sqlcipher3), nên chưa đặt được "
                "mật khẩu cho tệp."
            )
        )


def _rewrite(db: SessionDatabase, target_key: bytes | None) -> SessionDatabase:
    """Export the open file with a new encryption, swap it in, and reopen it."""
    session = db.session
    path = session.path
    checkpoint(db)
    tmp = path.with_name(f".{path.name}.rewrite.tmp")
    tmp.unlink(missing_ok=True)
    cipher.remove_leftovers(tmp)
    try:
        cipher.export(path, tmp, source_key=session.key, target_key=target_key)
        if backup_store.check(tmp, key=target_key):
            raise ChiboError(_("Bản mã hóa không đạt kiểm tra; tệp gốc được giữ nguyên."))
        reopened_lock = session.lock
        session.lock = None  # keep the lock across the swap; handed to the new session
        session.backups = False
        db.close()
        os.replace(tmp, path)
        cipher.remove_leftovers(path)
    finally:
        tmp.unlink(missing_ok=True)
    return reopened_lock


def enable_password(db: SessionDatabase, password: str) -> Result[PasswordChange]:
    """Encrypt a plain file with a new password; its plain backups are encrypted too."""
    _need_cipher()
    if db.session.key is not None:
        raise ChiboError(_("Tệp đã có mật khẩu; hãy dùng “Đổi mật khẩu”."))
    new = security.new_key(password)
    path, root = db.session.path, db.session.backup_root
    backup.remove_leftovers(path, root)  # half-made copies from earlier crashes are plain
    backup.make_backup(db, "password")
    keyfile.write(keyfile.pending_path(path), security.pending_record(new, None))
    lock = _rewrite(db, new.key)
    keyfile.write(keyfile.keyfile_path(path), new.record)
    keyfile.remove(keyfile.pending_path(path))
    reopened = open_session(path, password=password, backups=False, backup_root=root)
    if lock is not None:
        lock.release()
    reopened.session.backups = True
    left = _encrypt_backups(path, new.key, new.record, root)
    return Result(PasswordChange(reopened, new.recovery_key, left), Changes())


def _plain_copies(path: Path, root: Path | None) -> list[Path]:
    folder = backup.backup_folder(path, root)
    return [c for c in sorted(folder.glob("*.sqlite")) if backup_store.looks_like_sqlite(c)]


def _encrypt_backups(path: Path, key: bytes, record: dict, root: Path | None) -> list[Path]:
    """Encrypt the plain copies in the backup folder; returns those that could not be."""
    left = []
    for copy in _plain_copies(path, root):
        tmp = copy.with_name(f".{copy.name}.enc.tmp")
        tmp.unlink(missing_ok=True)
        try:
            cipher.export(copy, tmp, source_key=None, target_key=key)
            sound = not backup_store.check(tmp, key=key)
        except (OSError, *cipher.DB_ERRORS):
            sound = False
        if not sound:
            tmp.unlink(missing_ok=True)
            cipher.remove_leftovers(tmp)
            left.append(copy)
            continue
        keyfile.write(keyfile.keyfile_path(copy), record)
        os.replace(tmp, copy)
        cipher.remove_leftovers(copy)
    return left


def plain_backups(db: SessionDatabase) -> list[Path]:
    """Copies in the backup folder of an encrypted file that are still in plain text."""
    session = db.session
    return [] if session.key is None else _plain_copies(session.path, session.backup_root)


def remove_plain_backups(db: SessionDatabase, paths: list[Path]) -> Result[int]:
    """Delete plain copies of an encrypted file (only plain ones in its backup folder)."""
    allowed = set(plain_backups(db))
    removed = 0
    for path in paths:
        if Path(path) in allowed:
            Path(path).unlink(missing_ok=True)
            backup.about_path(Path(path)).unlink(missing_ok=True)
            removed += 1
    return Result(removed, Changes())


def change_password(
    db: SessionDatabase, new_password: str, old_password: str | None = None
) -> Result[PasswordChange]:
    """New password, new data key: the file is exported under the new key into a
    temporary file, checked, and renamed over the original (never re-keyed in place, so a
    crash leaves either the old file or the new one). Returns a NEW open database.
    Until the change is finished, the old and the new secret both open the file.

    ``old_password`` is required unless the file was opened with the recovery key (then
    the session already proved it may read the file).
    """
    _need_cipher()
    session = db.session
    if session.key is None:
        raise ChiboError(_("Tệp chưa có mật khẩu."))
    path = session.path
    if old_password is not None and not security.verify_password(path, old_password):
        raise ChiboError(_("Mật khẩu hiện tại không đúng."))
    if old_password is None and not session.opened_with_recovery:
        raise ChiboError(_("Hãy nhập mật khẩu hiện tại."))
    new = security.new_key(new_password)
    root = session.backup_root
    backup.make_backup(db, "password")
    keyfile.write(keyfile.pending_path(path), security.pending_record(new, session.key))
    lock = _rewrite(db, new.key)
    keyfile.write(keyfile.keyfile_path(path), new.record)
    keyfile.remove(keyfile.pending_path(path))
    reopened = open_session(path, password=new_password, backups=False, backup_root=root)
    if lock is not None:
        lock.release()
    reopened.session.backups = True
    return Result(PasswordChange(reopened, new.recovery_key), Changes())


def remove_password(db: SessionDatabase, password: str) -> Result[PasswordChange]:
    """Decrypt the file (the secretary decided the PC is private enough)."""
    _need_cipher()
    session = db.session
    if session.key is None:
        raise ChiboError(_("Tệp chưa có mật khẩu."))
    if not security.verify_password(session.path, password):
        raise ChiboError(_("Mật khẩu hiện tại không đúng."))
    path, root = session.path, session.backup_root
    lock = _rewrite(db, None)
    keyfile.remove(keyfile.keyfile_path(path))
    reopened = open_session(path, backups=True, backup_root=root)
    if lock is not None:
        lock.release()
    return Result(PasswordChange(reopened, ""), Changes())


def forget_stale_keyfile(path: Path) -> None:
    """A key file beside a plain file is left from an interrupted change: drop it."""
    with contextlib.suppress(OSError):
        if backup_store.looks_like_sqlite(path):
            keyfile.remove(keyfile.keyfile_path(path))
            keyfile.remove(keyfile.pending_path(path))


@dataclass(frozen=True)
class SecurityState:
    available: bool
    encrypted: bool
    idle_minutes: int
    path: Path
    opened_with_recovery: bool


def security_state(db: SessionDatabase) -> SecurityState:
    session = db.session
    return SecurityState(
        security.available(),
        session.key is not None,
        idle_minutes(db),
        session.path,
        session.opened_with_recovery,
    )


def check_password(path: Path, password: str) -> bool:
    """For the lock screen (runs off the GUI thread: scrypt takes about half a second)."""
    return security.verify_password(Path(path), password)
