"""Copies of the cell's file with SQLite's online backup API, and checks of such copies."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from . import cipher
from .database import SQLITE_HEADER, file_kind, schema_version

COUNTED = ("members", "meetings")


def _open(path: Path, key: bytes | None, *, readonly: bool = True):
    if key is not None:
        return cipher.connect(path, key, readonly=readonly)
    if readonly:
        return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    return sqlite3.connect(str(path))


def copy_database(
    conn,
    target: Path,
    *,
    key: bytes | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write a consistent copy of the open database ``conn`` to ``target``.

    The copy is made in a temporary file in the target folder, marked as using a rollback
    journal (so it opens anywhere, read-only too), synced and renamed over ``target``.
    SQLite's own journal is off while writing the temporary file: until the rename, a
    crash leaves only a temporary file behind, never a damaged ``target``.
    An encrypted source needs its ``key``; the copy is encrypted with the same key.
    """
    target = Path(target)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}-", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        dest = _open(tmp, key, readonly=False)
        try:
            dest.execute("PRAGMA journal_mode = OFF")
            dest.execute("PRAGMA synchronous = OFF")

            def step(_status, remaining, total):
                if progress is not None:
                    progress(total - remaining, total)

            conn.backup(dest, pages=0 if progress is None else 4096, progress=step)
            if key is not None:  # the header is encrypted: let SQLCipher rewrite it
                dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        with open(tmp, "r+b") as fh:
            if key is None:
                _mark_rollback_journal(fh)
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        cipher.remove_leftovers(tmp)
    return target


def _mark_rollback_journal(fh) -> None:
    """Header bytes 18-19 (file format write/read version): 2 means WAL, 1 rollback.

    The copy has no -wal file, so switching the flag is all ``journal_mode=DELETE``
    would do, without its extra transaction and syncs.
    """
    fh.seek(0)
    header = fh.read(20)
    if header[:16] == SQLITE_HEADER and header[18:20] == b"\x02\x02":
        fh.seek(18)
        fh.write(b"\x01\x01")


def copy_into(source: Path, conn, *, key: bytes | None = None) -> None:
    """Replace the whole content of the open database ``conn`` with the file ``source``.

    The backup API writes the destination inside one transaction: a crash leaves either
    the old content or the new, never a mix.
    """
    src = _open(source, key)
    try:
        src.backup(conn)
    finally:
        src.close()


def check(path: Path, *, key: bytes | None = None, quick: bool = False) -> list[str]:
    """Problems reported by ``PRAGMA integrity_check`` (empty list: the file is sound).

    Raises a driver error when the file cannot be read as a database at all.
    """
    conn = _open(path, key)
    try:
        pragma = "quick_check" if quick else "integrity_check"
        rows = [row[0] for row in conn.execute(f"PRAGMA {pragma}(20)")]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def check_connection(conn, *, quick: bool = False) -> list[str]:
    pragma = "quick_check" if quick else "integrity_check"
    rows = [row[0] for row in conn.execute(f"PRAGMA {pragma}(20)")]
    return [] if rows == ["ok"] else rows


def summary(path: Path, *, key: bytes | None = None) -> tuple[int, dict[str, int]]:
    """Schema version and row counts of the tables that exist in a copy."""
    conn = _open(path, key)
    try:
        existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        counts = {
            table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in COUNTED
            if table in existing
        }
        return schema_version(conn), counts
    finally:
        conn.close()


def identity(path: Path, *, key: bytes | None = None) -> tuple[str, str | None]:
    """Whose file a copy is: ``file_kind`` ("ours", "empty", "foreign") and, for ours,
    the name of the cell it holds (None when it has none)."""
    conn = _open(path, key)
    try:
        kind = file_kind(conn)
        name = None
        if kind == "ours":
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            row = conn.execute("SELECT name FROM cell").fetchone() if "cell" in tables else None
            name = row[0] if row else None
        return kind, name
    finally:
        conn.close()


def current_cell_name(conn) -> str | None:
    row = conn.execute("SELECT name FROM cell").fetchone()
    return row[0] if row else None


def looks_like_sqlite(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def wrote_since(conn, baseline: int) -> bool:
    return conn.total_changes > baseline
