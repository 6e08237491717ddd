"""The committee's file: its own schema (marked by PRAGMA application_id, so that neither
kind of file is taken for the other), the cells it knows and the packages received."""

from __future__ import annotations

import json
import sqlite3
from importlib import resources
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from ..errors import DatabaseError, NewerSchemaError
from ..i18n import _
from .database import COMMITTEE_APPLICATION_ID, SQLITE_HEADER, connect, is_network_path

migrations = Migrations("chibo-committee")


@migrations(name="001_committee")
def _committee(db: Database) -> None:
    folder = resources.files("chibo_desktop.storage") / "sql" / "committee_v1"
    for script in sorted(folder.iterdir(), key=lambda p: p.name):
        if script.name.endswith(".sql"):
            statement = ""
            for line in script.read_text(encoding="utf-8").splitlines(keepends=True):
                if not statement and line.lstrip().startswith("--"):
                    continue
                statement += line
                if sqlite3.complete_statement(statement):
                    db.execute(statement)
                    statement = ""


COMMITTEE_SCHEMA_VERSION = len(migrations._migrations)


def application_id(conn) -> int:
    return conn.execute("PRAGMA application_id").fetchone()[0]


def is_committee_file(path: Path) -> bool:
    """Read-only peek at a plain file's header and application_id (bytes 68–71)."""
    try:
        with Path(path).open("rb") as fh:
            head = fh.read(72)
    except OSError:
        return False
    return (
        head.startswith(SQLITE_HEADER)
        and len(head) == 72
        and int.from_bytes(head[68:72], "big") == COMMITTEE_APPLICATION_ID
    )


def open_committee(path: str | Path, *, create: bool = False) -> Database:
    path = Path(path)
    if not path.exists():
        if not create:
            raise DatabaseError(_("Không tìm thấy tệp dữ liệu {path}.").format(path=path))
        if not path.parent.is_dir():
            raise DatabaseError(_("Thư mục {path} không tồn tại.").format(path=path.parent))
    elif path.stat().st_size and not is_committee_file(path):
        raise DatabaseError(
            _(
                "Tệp {path} không phải là tệp tổng hợp của đảng ủy (có thể là sổ của một chi bộ "
                "hoặc tệp khác). Hãy tạo tệp mới bằng lệnh init --committee."
            ).format(path=path.name)
        )
    conn = connect(path)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > COMMITTEE_SCHEMA_VERSION:
        conn.close()
        raise NewerSchemaError(
            _(
                "Tệp {path} được tạo bởi phiên bản mới hơn của chương trình; hãy cài phiên "
                "bản mới nhất. Tệp không bị thay đổi."
            ).format(path=path.name)
        )
    db = Database(conn, execute_plugins=False)
    try:
        journal = "DELETE" if is_network_path(path) else "WAL"
        db.execute(f"PRAGMA journal_mode = {journal}")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA foreign_keys = ON")
        if version < COMMITTEE_SCHEMA_VERSION:
            with db.atomic():
                migrations.apply(db)
                db.execute(f"PRAGMA application_id = {COMMITTEE_APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {COMMITTEE_SCHEMA_VERSION}")
            # The file's kind is read from its header: put it there now, not at close.
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except BaseException:
        db.close()
        raise
    return db


# --- the committee's names ------------------------------------------------------------

COMMITTEE_FIELDS = ("uuid", "name", "superior", "place", "secretary_name")


def get_committee(db: Database) -> dict | None:
    rows = list(db.query(f"SELECT {', '.join(COMMITTEE_FIELDS)} FROM committee"))
    return rows[0] if rows else None


def save_committee(db: Database, values: dict) -> None:
    db["committee"].upsert({"id": 1, **{k: values.get(k, "") for k in COMMITTEE_FIELDS}}, pk="id")


# --- cells and packages ---------------------------------------------------------------


def current_package(db: Database, cell_uuid: str) -> dict | None:
    rows = list(
        db.query(
            "SELECT id, cell_name, created_at, period_from, period_to, file_sha256 "
            "FROM packages WHERE cell_uuid = ? AND replaced_by IS NULL",
            [cell_uuid],
        )
    )
    return rows[0] if rows else None


def package_with_hash(db: Database, file_sha256: str) -> dict | None:
    rows = list(
        db.query(
            "SELECT id, cell_name, created_at FROM packages WHERE file_sha256 = ?", [file_sha256]
        )
    )
    return rows[0] if rows else None


def add_package(db: Database, row: dict, manifest: dict, data: bytes) -> int:
    """Store a package as its cell's current one (the caller holds the transaction)."""
    cell = manifest["cell"]
    db.execute(
        "INSERT INTO cells(uuid, name, party_committee, place) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(uuid) DO UPDATE SET name = excluded.name, "
        "party_committee = excluded.party_committee, place = excluded.place",
        [cell["uuid"], cell["name"], cell.get("party_committee", ""), cell.get("place", "")],
    )
    old = current_package(db, cell["uuid"])
    if old is not None:
        # One current package per cell (a unique index): retire the old one first, pointing
        # at itself until the new one has its id.
        db.execute("UPDATE packages SET replaced_by = id WHERE id = ?", [old["id"]])
    cur = db.execute(
        "INSERT INTO packages(cell_uuid, cell_name, created_at, period_from, period_to, "
        "program_version, schema_version, file_name, file_sha256, manifest) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            cell["uuid"],
            cell["name"],
            row["created_at"],
            row["period_from"],
            row["period_to"],
            row["program_version"],
            row["schema_version"],
            row["file_name"],
            row["file_sha256"],
            json.dumps(manifest, ensure_ascii=False),
        ],
    )
    new_id = cur.lastrowid
    if old is not None:
        db.execute("UPDATE packages SET replaced_by = ? WHERE id = ?", [new_id, old["id"]])
        db.execute("DELETE FROM package_data WHERE package_id = ?", [old["id"]])
    db.execute("INSERT INTO package_data(package_id, data) VALUES (?, ?)", [new_id, data])
    return new_id


def current_packages(db: Database) -> list[dict]:
    """Each cell with its current package (no data), by cell name."""
    return list(
        db.query(
            "SELECT c.uuid, c.name, p.id AS package_id, p.created_at, p.period_from, "
            "p.period_to, p.program_version, p.file_name, p.manifest, "
            "(SELECT count(*) FROM packages q WHERE q.cell_uuid = c.uuid) AS received, "
            "(SELECT group_concat(DISTINCT q.cell_name) FROM packages q "
            " WHERE q.cell_uuid = c.uuid AND q.cell_name <> c.name) AS former_names "
            "FROM cells c JOIN packages p ON p.cell_uuid = c.uuid AND p.replaced_by IS NULL "
            "ORDER BY c.name, c.uuid"
        )
    )


def package_data(db: Database, package_id: int) -> bytes:
    row = db.execute("SELECT data FROM package_data WHERE package_id = ?", [package_id]).fetchone()
    if row is None:
        raise DatabaseError(_("Thiếu phần dữ liệu của gói số {id}.").format(id=package_id))
    return row[0]
