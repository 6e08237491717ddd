"""What a file opened for work carries beside its connection: the lock, the backups to make,
the notices of opening. Copies made for a moment (a package's data part, a scratch file)
have none, and the services that back up or warn ask here rather than guess."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from ...errors import DatabaseError
from ...i18n import _
from ...storage.lock import FileLock


@dataclass
class Session:
    path: Path
    readonly: bool
    key: bytes | None = None
    lock: FileLock | None = None
    baseline: int = 0
    backups: bool = True
    backup_root: Path | None = None
    notices: list[str] = field(default_factory=list)
    closed: bool = False
    opened_with_recovery: bool = False
    backup_failed: bool = False  # an automatic backup failed while this file was open

    @property
    def encrypted(self) -> bool:
        return self.key is not None


def session_of(db: Database) -> Session | None:
    """The working session ``db`` was opened with, or None for a copy opened for a moment."""
    return getattr(db, "session", None)


def working_session(db: Database) -> Session:
    """The session of a file opened for work; backing up anything else is refused."""
    session = session_of(db)
    if session is None:
        raise DatabaseError(_("Tệp chưa được mở qua phiên làm việc; không sao lưu được."))
    return session


def backs_up(db: Database) -> bool:
    """Whether writes to ``db`` are backed up (a file opened for work with backups on)."""
    session = session_of(db)
    return session is not None and session.backups


def read_only(db: Database) -> bool:
    session = session_of(db)
    return session is not None and session.readonly


def opening_notices(db: Database) -> list[str]:
    """What opening the file wants the user to know (recovered, upgraded, read-only…)."""
    session = session_of(db)
    return [str(notice) for notice in session.notices] if session is not None else []
