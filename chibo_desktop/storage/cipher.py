"""SQLCipher connections (optional): the cell's file encrypted at rest.

The data key is 32 random bytes handed to SQLCipher as a raw key, so SQLCipher's own
key derivation is skipped; the password only unwraps that key (see services/safety/file_key.py).
When the ``sqlcipher3`` package is missing, encryption is simply not offered.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import sys
from pathlib import Path


@functools.cache
def _driver():
    """sqlcipher3's DB-API module, loaded the first time an encrypted file is met (a plain
    file opens without it), or None when the package is missing."""
    try:  # pragma: no cover - depends on the installed extra
        from sqlcipher3 import dbapi2
    except ImportError:  # pragma: no cover
        return None
    return dbapi2


def _quiet(conn) -> None:
    """SQLCipher writes "ERROR CORE … hmac check failed" to stderr each time a key is
    tried that does not fit: an expected event here (a wrong password), said in words."""
    with contextlib.suppress(Exception):
        conn.execute("PRAGMA cipher_log_level = NONE")


def _db_errors() -> tuple[type[Exception], ...]:
    driver = _driver()
    return (sqlite3.DatabaseError,) + ((driver.DatabaseError,) if driver is not None else ())


def __getattr__(name: str):
    if name == "DB_ERRORS":
        # Errors raised by either driver, for ``except cipher.DB_ERRORS``: looked up only
        # when an error is being handled, so the driver need not be loaded before.
        return _db_errors()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def available() -> bool:
    return _driver() is not None


def _key_pragma(key: bytes) -> str:
    if len(key) != 32:
        raise ValueError("the data key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect(path: Path, key: bytes, *, readonly: bool = False):
    """An open, keyed connection; raises a DB error when the key does not fit the file."""
    driver = _driver()
    if driver is None:
        raise RuntimeError("sqlcipher3 is not installed")
    if readonly:
        conn = driver.connect(
            f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
    else:
        conn = driver.connect(str(path), check_same_thread=False)
    _quiet(conn)
    try:
        conn.execute(_key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA busy_timeout = 5000")
    except BaseException:
        conn.close()
        raise
    return conn


def key_fits(path: Path, key: bytes) -> bool:
    """Does ``key`` open ``path``? Checked read-only, unless a journal left by a crash
    (a hot journal) is beside the file: then a writable connection, which rolls the
    journal back as SQLite does on every open, answers."""
    try:
        connect(path, key, readonly=True).close()
    except _db_errors():
        journal = Path(f"{path}-journal")
        if not (journal.exists() and journal.stat().st_size and os.access(path, os.W_OK)):
            return False
        try:
            connect(path, key).close()
        except _db_errors():
            return False
    return True


def is_cipher_connection(conn) -> bool:
    driver = sys.modules.get("sqlcipher3.dbapi2")  # none was made if it is not loaded
    return driver is not None and isinstance(conn, driver.Connection)


def export(source: Path, target: Path, *, source_key: bytes | None, target_key: bytes | None):
    """Copy a whole database into a new file, changing its encryption (sqlcipher_export).

    ``None`` for a key means plain SQLite. The target must not exist yet.
    """
    driver = _driver()
    if driver is None:
        raise RuntimeError("sqlcipher3 is not installed")
    conn = driver.connect(str(source), check_same_thread=False)
    _quiet(conn)
    try:
        if source_key is not None:
            conn.execute(_key_pragma(source_key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        key_sql = f"\"x'{target_key.hex()}'\"" if target_key is not None else "''"
        conn.execute(f"ATTACH DATABASE ? AS target KEY {key_sql}", [str(target)])
        conn.execute("SELECT sqlcipher_export('target')").fetchone()
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA target.user_version = {int(version)}")
        conn.commit()
        conn.execute("DETACH DATABASE target")
    finally:
        conn.close()


def remove_leftovers(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")
