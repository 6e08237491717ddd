"""One writer per file: a lock file beside the database, honoured by the window and `chibo`.

The lock is ``<real file>.lock`` (beside the file the path resolves to), created with
O_EXCL and holding JSON {user, host, pid, since}.
A lock left by a crashed program on this computer (its process is gone) is taken over.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Holder:
    user: str
    host: str
    pid: int
    since: str

    @property
    def since_time(self) -> dt.datetime | None:
        try:
            return dt.datetime.fromisoformat(self.since)
        except ValueError:
            return None


class LockedByOther(Exception):
    def __init__(self, holder: Holder):
        super().__init__(f"locked by {holder.user}@{holder.host} pid {holder.pid}")
        self.holder = holder


def lock_path(db_path: Path) -> Path:
    """The lock of the file itself, whatever path reaches it: symbolic links, ``..``,
    a relative path, or (on Windows) a mapped drive letter and its UNC path all resolve
    to the same real file, and so to the same lock."""
    return Path(f"{Path(db_path).resolve()}.lock")


def this_host() -> str:
    if hasattr(os, "uname"):
        return os.uname().nodename  # what gethostname() reads, without loading socket
    import socket

    return socket.gethostname()


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_holder(path: Path) -> Holder | None:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return Holder(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_stale(holder: Holder | None) -> bool:
    """A lock we can safely take over: unreadable, or its process on this host is gone."""
    if holder is None:
        return True
    return holder.host == this_host() and not pid_alive(holder.pid)


# Locks this process holds, with a count: the window may reopen the file it has open.
_HELD: dict[str, int] = {}


class FileLock:
    def __init__(self, db_path: Path, user: str):
        self.path = lock_path(Path(db_path))
        self.user = user
        self.held = False

    def acquire(self, *, take_over: bool = False) -> None:
        """Take the lock or raise LockedByOther; a stale lock is recovered. With
        ``take_over`` (the user's deliberate choice) another holder's lock is replaced."""
        if take_over:
            holder = read_holder(self.path)
            if holder is not None and not self._ours(holder):
                log.warning("lock of %s taken over from %s", self.path, holder)
            if not self._ours(holder):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(self.path)
        for _attempt in range(3):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = read_holder(self.path)
                if holder is None and self._young():
                    # Another program is writing its lock right now.
                    raise LockedByOther(Holder("?", "?", 0, "")) from None
                if self._ours(holder):
                    _HELD[str(self.path)] += 1
                    self.held = True
                    return
                if not is_stale(holder):
                    raise LockedByOther(holder) from None
                with contextlib.suppress(FileNotFoundError):
                    os.remove(self.path)
                continue
            data = {
                "user": self.user,
                "host": this_host(),
                "pid": os.getpid(),
                "since": dt.datetime.now().isoformat(timespec="seconds"),
            }
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(data, fh, ensure_ascii=False)
                    fh.flush()
                    os.fsync(fh.fileno())
            except OSError:  # a full disk: leave no empty lock behind
                with contextlib.suppress(OSError):
                    os.remove(self.path)
                raise
            _HELD[str(self.path)] = 1
            self.held = True
            return
        raise LockedByOther(read_holder(self.path) or Holder("?", "?", 0, ""))

    def _ours(self, holder: Holder | None) -> bool:
        return (
            holder is not None
            and holder.pid == os.getpid()
            and holder.host == this_host()
            and _HELD.get(str(self.path), 0) > 0
        )

    def _young(self) -> bool:
        try:
            age = dt.datetime.now().timestamp() - self.path.stat().st_mtime
        except OSError:
            return False
        return age < 2

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        count = _HELD.get(str(self.path), 0) - 1
        if count > 0:
            _HELD[str(self.path)] = count
            return
        _HELD.pop(str(self.path), None)
        holder = read_holder(self.path)
        if holder is not None and holder.pid == os.getpid() and holder.host == this_host():
            with contextlib.suppress(OSError):
                os.remove(self.path)
