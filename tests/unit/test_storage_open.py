import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from chibo_desktop.errors import DatabaseError, NewerSchemaError
from chibo_desktop.storage.database import SCHEMA_VERSION, open_database

FIXTURES = Path(__file__).parent.parent / "fixtures" / "schemas"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_gets_current_schema_and_pragmas(tmp_path):
    db = open_database(tmp_path / "a.sqlite", create=True)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert {"cell", "members", "member_status", "change_log"} <= set(db.table_names())
    db.close()


def test_missing_file_is_not_created_unless_asked(tmp_path):
    with pytest.raises(DatabaseError, match="Không tìm thấy"):
        open_database(tmp_path / "none.sqlite")
    assert not (tmp_path / "none.sqlite").exists()


def test_newer_schema_is_refused_and_left_untouched(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 9999")
    conn.commit()
    conn.close()
    before = sha(db_path)
    with pytest.raises(NewerSchemaError, match="phiên bản mới hơn"):
        open_database(db_path)
    assert sha(db_path) == before


def test_file_that_is_not_a_database_gets_a_message(tmp_path):
    path = tmp_path / "list.sqlite"
    path.write_bytes(b"PK\x03\x04 this is a zip, not sqlite" * 20)
    with pytest.raises(DatabaseError, match="không phải là tệp dữ liệu"):
        open_database(path)


def test_change_log_is_append_only(db):
    db.execute("INSERT INTO change_log(entity, field) VALUES ('x', 'y')")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE change_log SET field = 'z'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM change_log")


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema_*.sqlite")), ids=lambda p: p.stem)
def test_every_past_schema_opens_and_upgrades(fixture, tmp_path):
    copy = tmp_path / fixture.name
    shutil.copy(fixture, copy)
    old_version = int(fixture.stem.split("_")[1])
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == old_version
    members_before = conn.execute("SELECT count(*) FROM members").fetchone()[0]
    conn.close()
    db = open_database(copy)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT count(*) FROM members").fetchone()[0] == members_before > 0
    db.close()


def test_a_fixture_exists_for_the_current_schema():
    """When a migration is added, freeze a file of the new schema (see make_fixture.py)."""
    assert (FIXTURES / f"schema_{SCHEMA_VERSION}.sqlite").is_file()
