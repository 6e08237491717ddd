"""The cell's identity: made at init, given to older files on upgrade, never changed."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from chibo_desktop.services.cell.identity import CellInfo, save_cell
from chibo_desktop.storage.database import open_database
from chibo_desktop.storage.identity import cell_uuid

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
SCHEMAS = Path(__file__).parent.parent / "fixtures" / "schemas"


def test_init_makes_an_identity_that_renaming_keeps(db):
    first = cell_uuid(db)
    assert UUID.match(first)
    save_cell(db, CellInfo("Chi bộ Khu phố 4", "Đảng bộ phường Hàng Bạc", "Hà Nội"))
    assert cell_uuid(db) == first


def test_two_files_have_different_identities(tmp_path):
    ids = set()
    for name in ("a", "b"):
        db = open_database(tmp_path / f"{name}.sqlite", create=True)
        save_cell(db, CellInfo("Chi bộ Khu phố 3"))
        ids.add(cell_uuid(db))
        db.close()
    assert len(ids) == 2


def test_an_older_file_gets_an_identity_on_upgrade(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(SCHEMAS / "schema_6.sqlite", path)
    db = open_database(path)
    assert UUID.match(cell_uuid(db))
    db.close()


def test_the_identity_cannot_be_changed(db):
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE cell SET uuid = 'other'")
