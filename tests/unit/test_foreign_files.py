"""Files that are not ours are never changed; a backup of another cell is not restored
without saying so."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from chibo_desktop.errors import DatabaseError
from chibo_desktop.services.cell.identity import get_cell
from chibo_desktop.services.safety import backup
from chibo_desktop.services.safety import restore as restoring
from chibo_desktop.services.safety.session import open_session
from chibo_desktop.storage.database import APPLICATION_ID, ForeignFileError, open_database


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def foreign(path: Path, *, members: bool = False) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE urls (id INTEGER PRIMARY KEY, url TEXT, visit_count INTEGER)")
    conn.execute("INSERT INTO urls (url, visit_count) VALUES ('https://example.org', 3)")
    if members:
        conn.execute("CREATE TABLE members (id INTEGER PRIMARY KEY, full_name TEXT)")
        conn.execute("INSERT INTO members (full_name) VALUES ('Người ngoài')")
    conn.commit()
    conn.close()
    return path


def chibo(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "chibo_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize("members", [False, True])
def test_foreign_sqlite_file_is_refused_untouched(tmp_path, members):
    path = foreign(tmp_path / "other.sqlite", members=members)
    before = sha(path)
    with pytest.raises(ForeignFileError, match="không phải tệp dữ liệu của Chi bộ Desktop"):
        open_session(path)
    with pytest.raises(ForeignFileError):
        open_database(path, create=True)
    assert sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite"]


def test_cli_info_and_import_on_a_foreign_file_change_nothing(tmp_path):
    path = foreign(tmp_path / "other.sqlite", members=True)
    before = sha(path)
    result = chibo("--db", str(path), "info")
    assert result.returncode != 0
    assert "không phải tệp dữ liệu của Chi bộ Desktop" in result.stderr + result.stdout
    assert "Lỗi không mong đợi" not in result.stderr + result.stdout
    assert sha(path) == before
    result = chibo("--db", str(path), "init", "--cell", "Chi bộ X")
    assert result.returncode != 0 and sha(path) == before


def test_our_files_carry_the_application_id_and_older_ones_still_open(db_path, tmp_path):
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()
    fixture = Path(__file__).parent.parent / "fixtures" / "schemas" / "schema_1.sqlite"
    old = tmp_path / "old.sqlite"
    old.write_bytes(fixture.read_bytes())
    open_database(old).close()
    conn = sqlite3.connect(old)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


def test_an_empty_sqlite_file_can_be_initialised(tmp_path):
    path = tmp_path / "empty.sqlite"
    sqlite3.connect(path).close()
    open_database(path, create=True).close()


def test_restore_refuses_a_foreign_file_and_asks_before_another_cell(demo_path, tmp_path):
    db = open_session(demo_path, backups=False, backup_root=tmp_path / "b")
    names = db.execute("SELECT count(*) FROM members").fetchone()[0]
    history = foreign(tmp_path / "History.sqlite")
    with pytest.raises(DatabaseError, match="không phải bản sao lưu của Chi bộ Desktop"):
        restoring.restore(db, history)
    assert db.execute("SELECT count(*) FROM members").fetchone()[0] == names

    other = tmp_path / "other-cell.sqlite"
    other_db = open_session(other, create=True, backups=False)
    from chibo_desktop.services.cell.identity import CellInfo, save_cell

    save_cell(other_db, CellInfo("Chi bộ Thôn Đông", "Đảng bộ xã", "Nam Định", "Trần Văn B"))
    other_db.close()
    mine = get_cell(db).name
    with pytest.raises(restoring.OtherCellError) as caught:
        restoring.restore(db, other)
    assert mine in caught.value.message and "Chi bộ Thôn Đông" in caught.value.message
    assert get_cell(db).name == mine
    restoring.restore(db, other, other_cell=True)
    assert get_cell(db).name == "Chi bộ Thôn Đông"
    db.close()
    assert not list(backup.backup_folder(demo_path, tmp_path / "b").glob("*.tmp"))


def test_cli_restore_of_another_cell_needs_other_cell(demo_path, tmp_path):
    other = tmp_path / "other-cell.sqlite"
    assert chibo("--db", str(other), "init", "--cell", "Chi bộ Thôn Đông").returncode == 0
    result = chibo("--db", str(demo_path), "restore", str(other))
    assert result.returncode != 0 and "--other-cell" in result.stderr
    result = chibo("--db", str(demo_path), "restore", str(other), "--other-cell")
    assert result.returncode == 0, result.stderr
