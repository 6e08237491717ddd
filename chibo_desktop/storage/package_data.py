"""The data part of a cell's package: a copy of the register at the same schema, holding
only what the level above needs, and reopened in memory on the receiving side."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path

from sqlite_utils import Database

from ..errors import ChiboError, NewerSchemaError
from ..i18n import _
from . import cipher
from .database import memory_database, schema_version, upgrade
from .migrations import SCHEMA_VERSION

# Tables that travel; every other table of the register (change log, settings, imports,
# members' self-reviews, ...) travels empty, and search indexes are rebuilt from the blanked
# search columns.
TABLES = (
    "cell",
    "members",
    "member_status",
    "meetings",
    "attendance",
    "meeting_agenda",
    "meeting_discussions",
    "meeting_resolutions",
    "meeting_guests",
    "meeting_documents",
    "campaign_templates",
    "campaigns",
    "campaign_members",
    "campaign_marks",
    "campaign_steps",
    "assessments",
    "cell_assessments",
)
# Tables of the party dues, whatever their number, travel when the register has them.
DUES_PREFIX = "dues"
# The cell's own yardsticks (meeting quality; dues rounding, share kept, the amounts the cell
# sets): the reports computed above must use the same ones.
SHARED_SETTINGS = ("meeting_quality", "dues.options")
SEARCH_INDEXES = {"members_fts": "members", "meetings_fts": "meetings"}

# privacy option -> table -> columns blanked unless the cell includes the option
PRIVATE_COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "phone": {"members": ("phone",)},
    "address": {"members": ("address",)},
    "citizen_id": {"members": ("citizen_id",)},
    "notes": {
        "members": ("notes",),
        "member_status": ("note",),
        "attendance": ("reason",),
        "assessments": ("notes",),
        "cell_assessments": ("notes",),
        "campaign_marks": ("note",),
        "campaign_steps": ("note",),
        "campaign_members": ("left_reason",),
    },
    "minutes": {
        "meetings": ("opening",),
        "meeting_agenda": ("content", "conclusion"),
        "meeting_discussions": ("text",),
    },
}
ALWAYS_BLANK = {"members": ("search_text",), "meetings": ("search_text",)}
ALWAYS_NULL = {"campaign_steps": ("file_data",)}


def _columns(db: Database, table: str) -> list[str]:
    return [row[1] for row in db.execute(f'PRAGMA table_info("{table}")').fetchall()]


def _blanked(include: Iterable[str]) -> dict[str, set[str]]:
    chosen = set(include)
    out: dict[str, set[str]] = {t: set(c) for t, c in ALWAYS_BLANK.items()}
    for option, tables in PRIVATE_COLUMNS.items():
        if option in chosen:
            continue
        for table, columns in tables.items():
            out.setdefault(table, set()).update(columns)
    return out


def _travelling(db: Database) -> list[str]:
    names = set(db.table_names())
    return [t for t in TABLES if t in names] + sorted(t for t in names if t.startswith(DUES_PREFIX))


def build_data_part(source: Database, include: Iterable[str] = ()) -> tuple[bytes, dict]:
    """The package's data part as the bytes of a SQLite file, and its row counts."""
    if isinstance(source.conn, sqlite3.Connection):
        # A plain register: a page copy, then scrubbed (far quicker than row by row).
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        source.conn.backup(conn)
        target = Database(conn, execute_plugins=False)
    else:
        # An encrypted register: its rows are read through its own driver.
        target = memory_database()
        _copy_rows(source, target)
    conn = target.conn
    conn.execute("PRAGMA foreign_keys = OFF")
    with conn:
        _scrub(target, include)
    counts = {
        t: target.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _travelling(target)
    }
    conn.execute("VACUUM")  # nothing deleted may linger in free pages
    data = conn.serialize()
    conn.close()
    return data, counts


def _copy_rows(source: Database, target: Database) -> None:
    existing = set(source.table_names())
    with target.conn:
        for table in _travelling(target):
            if table not in existing:
                continue
            wanted = set(_columns(target, table))
            columns = [c for c in _columns(source, table) if c in wanted]
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" for _c in columns)
            target.execute(f'DELETE FROM "{table}"')
            rows = source.execute(f'SELECT {names} FROM "{table}"')
            target.conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
        for key in SHARED_SETTINGS:
            row = source.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
            if row:
                target.execute(
                    "INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", [key, row[0]]
                )


def _scrub(db: Database, include: Iterable[str]) -> None:
    """Leave in the copy only what travels: other tables emptied (their guards against
    deletion dropped, in the copy only), private columns blanked, search indexes rebuilt."""
    keep = set(_travelling(db)) | {"_sqlite_migrations", "settings"}
    internal = tuple(f"{index}_" for index in SEARCH_INDEXES) + tuple(SEARCH_INDEXES)
    for table in db.table_names():
        if table in keep or table.startswith(internal) or table.startswith("sqlite_"):
            continue
        for (trigger,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", [table]
        ).fetchall():
            db.execute(f'DROP TRIGGER "{trigger}"')
        db.execute(f'DELETE FROM "{table}"')
    marks = ", ".join("?" for _k in SHARED_SETTINGS)
    db.execute(f"DELETE FROM settings WHERE key NOT IN ({marks})", list(SHARED_SETTINGS))
    # The search indexes' own triggers are set aside while columns are blanked, and the
    # indexes rebuilt after: an index kept in step row by row may not match the copy.
    index_triggers = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
        f"({', '.join('?' for _t in SEARCH_INDEXES)}) AND name LIKE '%fts%'",
        list(SEARCH_INDEXES.values()),
    ).fetchall()
    for name, _sql in index_triggers:
        db.execute(f'DROP TRIGGER "{name}"')
    blank = _blanked(include)
    for table in _travelling(db):
        present = set(_columns(db, table))
        sets = [f'"{c}" = NULL' for c in ALWAYS_NULL.get(table, ()) if c in present]
        sets += [
            f'"{c}" = CASE WHEN "{c}" IS NULL THEN NULL ELSE \'\' END'
            for c in sorted(blank.get(table, ()))
            if c in present
        ]
        if sets:
            db.execute(f'UPDATE "{table}" SET {", ".join(sets)}')
    names = set(db.table_names())
    for index in SEARCH_INDEXES:
        if index in names:
            db.execute(f'INSERT INTO "{index}"("{index}") VALUES (\'rebuild\')')
    for _name, sql in index_triggers:
        db.execute(sql)


def open_data_part(data: bytes) -> Database:
    """A package's data part, in memory, brought up to this program's schema."""
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        conn.deserialize(data)
        version = schema_version(conn)
        conn.execute("SELECT count(*) FROM cell").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise ChiboError(_("Phần dữ liệu của gói bị hỏng: {error}").format(error=exc)) from exc
    if version > SCHEMA_VERSION:
        conn.close()
        raise NewerSchemaError(
            _(
                "Gói được lập bởi phiên bản mới hơn của chương trình (cấu trúc dữ liệu {found}, "
                "chương trình này hiểu tới {known}). Hãy cài phiên bản mới nhất."
            ).format(found=version, known=SCHEMA_VERSION)
        )
    db = Database(conn, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    if version < SCHEMA_VERSION:
        upgrade(db)
    return db


def data_part_identity(db: Database) -> dict:
    row = db.execute("SELECT uuid, name, party_committee, place FROM cell WHERE id = 1").fetchone()
    if row is None:
        return {"uuid": "", "name": "", "party_committee": "", "place": ""}
    return dict(zip(("uuid", "name", "party_committee", "place"), row, strict=True))


def data_part_version(data: bytes) -> int:
    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(data)
        return schema_version(conn)
    except sqlite3.DatabaseError:
        return -1
    finally:
        conn.close()


def encrypt_part(data: bytes, key: bytes) -> bytes:
    """The data part encrypted with SQLCipher under a 32-byte raw key."""
    if not cipher.available():
        raise ChiboError(_("Máy này chưa có thành phần mã hóa (sqlcipher3); không đặt mật khẩu."))
    with tempfile.TemporaryDirectory(prefix="chibo-pkg-") as folder:
        plain, secret = Path(folder) / "plain.sqlite", Path(folder) / "secret.sqlite"
        plain.write_bytes(data)
        version = data_part_version(data)
        conn = cipher.connect(secret, key)
        try:
            conn.execute("ATTACH DATABASE ? AS plain KEY ''", [str(plain)])
            conn.execute("SELECT sqlcipher_export('main', 'plain')").fetchall()
            conn.execute("DETACH DATABASE plain")
            conn.execute(f"PRAGMA user_version = {int(version)}")
            conn.commit()
        finally:
            conn.close()
        return secret.read_bytes()


def decrypt_part(data: bytes, key: bytes) -> bytes:
    """The plain data part; raises ChiboError when the key (password) does not fit."""
    if not cipher.available():
        raise ChiboError(_("Máy này chưa có thành phần mã hóa (sqlcipher3); không mở được gói."))
    with tempfile.TemporaryDirectory(prefix="chibo-pkg-") as folder:
        plain, secret = Path(folder) / "plain.sqlite", Path(folder) / "secret.sqlite"
        secret.write_bytes(data)
        try:
            conn = cipher.connect(secret, key)
        except cipher.DB_ERRORS as exc:
            raise ChiboError(_("Mật khẩu của gói không đúng.")) from exc
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute("ATTACH DATABASE ? AS plain KEY ''", [str(plain)])
            conn.execute("SELECT sqlcipher_export('plain')").fetchall()
            conn.execute(f"PRAGMA plain.user_version = {int(version)}")
            conn.commit()
            conn.execute("DETACH DATABASE plain")
        finally:
            conn.close()
        return plain.read_bytes()
