"""Open the cell's SQLite file: checks, pragmas, upgrades."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from ..errors import DatabaseError, NewerSchemaError
from ..i18n import _
from . import cipher
from .migrations import SCHEMA_FLOOR, SCHEMA_VERSION, migrations

SQLITE_HEADER = b"SQLite format 3\x00"
# PRAGMA application_id of every file this program makes: "CBD1". Files made before the
# mark was set are recognised by the migrations they record.
APPLICATION_ID = 0x43424431


class ForeignFileError(DatabaseError):
    """A SQLite file that belongs to another program: refused, left untouched."""


def file_kind(conn) -> str:
    """ "ours", "empty" (a SQLite file with nothing in it) or "foreign"."""
    app = conn.execute("PRAGMA application_id").fetchone()[0]
    if app == APPLICATION_ID:
        return "ours"
    if app != 0:
        return "foreign"
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    if not names and schema_version(conn) == 0:
        return "empty"
    if "_sqlite_migrations" in names and schema_version(conn) >= 1:
        row = conn.execute(
            "SELECT count(*) FROM _sqlite_migrations WHERE migration_set = 'chibo'"
        ).fetchone()
        if row[0]:
            return "ours"
    return "foreign"


def foreign_message(path: Path) -> str:
    return _(
        "Tệp {path} là tệp SQLite của một chương trình khác, không phải tệp dữ liệu của "
        "Chi bộ Desktop. Chương trình không ghi gì vào tệp này. Hãy chọn đúng tệp của chi "
        "bộ, hoặc tạo tệp mới."
    ).format(path=Path(path).name)


def _refuse_foreign(path: Path, create: bool, key: bytes | None) -> None:
    """Look at an existing file on a read-only connection before anything writes to it."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    try:
        probe = connect(path, readonly=True, key=key)
    except cipher.DB_ERRORS:
        return  # unreadable: the writable open below words it
    try:
        kind = file_kind(probe)
    except cipher.DB_ERRORS:
        if Path(f"{path}-journal").exists():
            return  # a crash left a journal only a writable connection rolls back
        raise
    finally:
        probe.close()
    if kind == "foreign":
        raise ForeignFileError(foreign_message(path))
    if kind == "empty" and not create:
        raise DatabaseError(
            _(
                "Tệp {path} chưa có dữ liệu chi bộ nào. Hãy tạo tệp mới (Tệp > Mới, hoặc "
                "lệnh chibo init) thay vì mở tệp này."
            ).format(path=path.name)
        )


def is_network_path(path: Path) -> bool:
    """WAL needs shared memory, which network file systems do not provide."""
    text = str(path.resolve())
    if sys.platform == "win32":
        if text.startswith("\\\\"):
            return True
        import ctypes

        drive = os.path.splitdrive(text)[0] + "\\"
        return ctypes.windll.kernel32.GetDriveTypeW(drive) == 4  # DRIVE_REMOTE
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    best, fstype = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) > 2 and text.startswith(parts[1]) and len(parts[1]) > len(best):
            best, fstype = parts[1], parts[2]
    return fstype in {"nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "fuse.sshfs"}


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def checkpoint(db: Database) -> None:
    """Write the journal back into the file, so the file alone holds everything."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _check_file(path: Path, create: bool, encrypted: bool = False) -> None:
    if not path.exists():
        if not create:
            raise DatabaseError(_("Không tìm thấy tệp dữ liệu {path}.").format(path=path))
        if not path.parent.is_dir():
            raise DatabaseError(_("Thư mục {path} không tồn tại.").format(path=path.parent))
        return
    if path.is_dir():
        raise DatabaseError(_("{path} là một thư mục, không phải tệp dữ liệu.").format(path=path))
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    _check_kind(path, header)
    if header and header != SQLITE_HEADER and not encrypted:
        raise DatabaseError(
            _(
                "Tệp {path} không phải là tệp dữ liệu của Chi bộ Desktop (có thể là tệp khác "
                "bị đổi tên). Hãy chọn đúng tệp .sqlite."
            ).format(path=path.name)
        )


def make_sides_writable(path: Path) -> None:
    """A read-only session on a read-only file leaves ``-shm`` (and ``-wal``) with the
    file's read-only mode; once the file is writable again, SQLite would refuse every
    write ("attempt to write a readonly database"). Give them the file's own mode back."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return
    for suffix in ("-shm", "-wal"):
        side = Path(f"{path}{suffix}")
        try:
            current = stat.S_IMODE(side.stat().st_mode)
            if not current & stat.S_IWUSR:
                os.chmod(side, current | (mode & 0o666) | stat.S_IWUSR)
        except OSError:
            continue  # absent, or another user's: SQLite says what it cannot do


def _create_owner_only(path: Path) -> None:
    """A new file readable by its owner only (0600, as the backups), where the platform
    has modes; SQLite gives its -wal and -shm the same mode."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise DatabaseError(
            _("Không tạo được tệp {path}: {error}").format(path=path, error=exc.strerror)
        ) from exc
    os.close(fd)


# --- the kind of file: a cell's register, a committee's file or a package ----------------
PACKAGE_HEADER = b"PK\x03\x04"
COMMITTEE_APPLICATION_ID = 0x43424455  # "CBDU", set by storage/committee.py


def _check_kind(path: Path, header: bytes) -> None:
    if header.startswith(PACKAGE_HEADER) and path.suffix.lower() == ".chibo":
        raise DatabaseError(
            _(
                "Tệp {path} là gói báo cáo gửi cấp trên, không phải sổ của chi bộ. Xem gói bằng "
                "“chibo package inspect”; đảng ủy nhận gói bằng “consolidate add”."
            ).format(path=path.name)
        )
    if header == SQLITE_HEADER:
        with path.open("rb") as fh:
            head = fh.read(72)
        if len(head) == 72 and int.from_bytes(head[68:72], "big") == COMMITTEE_APPLICATION_ID:
            raise DatabaseError(
                _(
                    "Tệp {path} là tệp tổng hợp của đảng ủy, không phải sổ của một chi bộ. Dùng "
                    "các lệnh “consolidate” với tệp này (cửa sổ chương trình mở trang của đảng ủy)."
                ).format(path=path.name)
            )


def connect(path: Path, *, readonly: bool = False, key: bytes | None = None) -> sqlite3.Connection:
    if key is not None:
        return cipher.connect(path, key, readonly=readonly)
    if readonly:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def open_database(
    path: str | Path,
    *,
    create: bool = False,
    readonly: bool = False,
    before_upgrade: Callable[[Path, int], None] | None = None,
    key: bytes | None = None,
) -> Database:
    """Open (or with ``create``, make) the cell's file and bring its schema up to date.

    A file made by a newer program version is refused before anything is written to it.
    ``before_upgrade(path, old_version)`` runs before a pending upgrade (backups use it).
    ``key`` opens a SQLCipher-encrypted file (see storage/cipher.py).
    """
    path = Path(path)
    _check_file(path, create, encrypted=key is not None)
    try:
        _refuse_foreign(path, create, key)
    except cipher.DB_ERRORS as exc:
        raise DatabaseError(
            _("Không mở được tệp {path}: {error}").format(path=path.name, error=exc)
        ) from exc
    if create and not path.exists():
        _create_owner_only(path)
    if not readonly:
        make_sides_writable(path)
    try:
        conn = connect(path, readonly=readonly, key=key)
        version = schema_version(conn)
    except cipher.DB_ERRORS as exc:
        raise DatabaseError(
            _("Không mở được tệp {path}: {error}").format(path=path.name, error=exc)
        ) from exc
    if version > SCHEMA_VERSION:
        conn.close()
        raise NewerSchemaError(
            _(
                "Tệp {path} được tạo bởi phiên bản mới hơn của chương trình (cấu trúc dữ liệu "
                "{found}, chương trình này hiểu tới {known}). Hãy cài phiên bản mới nhất; tệp "
                "không bị thay đổi."
            ).format(path=path.name, found=version, known=SCHEMA_VERSION)
        )
    if version < SCHEMA_FLOOR:
        conn.close()
        raise DatabaseError(_("Tệp {path} quá cũ để nâng cấp.").format(path=path.name))
    db = Database(conn, execute_plugins=False)
    try:
        if not readonly:
            journal = "DELETE" if is_network_path(path) else "WAL"
            db.execute(f"PRAGMA journal_mode = {journal}")
            db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA foreign_keys = ON")
        if version < SCHEMA_VERSION:
            if readonly:
                raise DatabaseError(
                    _("Tệp {path} cần được nâng cấp nhưng đang mở ở chế độ chỉ đọc.").format(
                        path=path.name
                    )
                )
            if before_upgrade is not None and version > 0:
                before_upgrade(path, version)
            upgrade(db)
        if not readonly and db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    except cipher.DB_ERRORS as exc:
        db.close()
        raise DatabaseError(
            _("Không dùng được tệp {path}: {error}").format(path=path.name, error=exc)
        ) from exc
    except BaseException:
        db.close()
        raise
    return db


def upgrade(db: Database) -> None:
    """Apply every pending migration in one transaction: all of them or none."""
    with db.atomic():
        migrations.apply(db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def memory_database() -> Database:
    """A fresh in-memory database at the current schema (tests, benchmarks)."""
    db = Database(memory=True, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    upgrade(db)
    return db
