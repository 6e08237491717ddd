"""Packages: what travels, what is refused, and that a refusal leaves everything as it was."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import zipfile

import pytest

from chibo_desktop.errors import ChiboError, DatabaseError
from chibo_desktop.services.cell.identity import CellInfo, save_cell
from chibo_desktop.services.consolidation.desk import add_packages, open_desk
from chibo_desktop.services.consolidation.overview import cell_lines
from chibo_desktop.services.consolidation.reports import consolidated_doc
from chibo_desktop.services.contract.results import run_to_end
from chibo_desktop.services.packages.inspect import inspect_package
from chibo_desktop.services.packages.opening import open_package
from chibo_desktop.services.safety.session import open_session
from chibo_desktop.storage import cipher
from chibo_desktop.storage.database import open_database
from chibo_desktop.storage.package_data import open_data_part

from .package_cells import TODAY, export, make_cell, make_committee

T1 = dt.datetime(2026, 3, 10, 9, 0, 0)
T2 = dt.datetime(2026, 3, 14, 16, 30, 0)


@pytest.fixture(scope="module")
def cell(tmp_path_factory):
    return make_cell(tmp_path_factory.mktemp("cell"), "Chi bộ Khu phố 3", 7)


@pytest.fixture
def committee(tmp_path):
    return make_committee(tmp_path / "danguy.sqlite")


def add(committee, *files, password=None):
    db = open_desk(committee)
    try:
        return run_to_end(add_packages(db, files, password))
    finally:
        db.close()


def received(committee):
    db = open_desk(committee)
    try:
        rows = list(db.query("SELECT cell_name, created_at, replaced_by FROM packages ORDER BY id"))
        return rows, [(x.name, x.package_created) for x in cell_lines(db, TODAY)]
    finally:
        db.close()


def rewrite(source, target, change):
    """Copy a package, passing each member's bytes through ``change(name, data)``."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, change(item.filename, zin.read(item.filename)))
    return target


def test_default_privacy_leaves_personal_fields_at_home(cell, tmp_path):
    src = open_database(cell, readonly=True)
    phones = src.execute("SELECT count(*) FROM members WHERE phone <> ''").fetchone()[0]
    src.close()
    assert phones > 0
    opened = open_package(export(cell, tmp_path / "a.chibo"))
    assert opened.manifest.included == ()
    assert set(opened.manifest.excluded) >= {"phone", "address", "notes"}
    data = open_data_part(opened.data)
    row = data.execute(
        "SELECT max(phone), max(address), max(notes), max(citizen_id) FROM members"
    ).fetchone()
    assert row == ("", "", "", "")
    assert "change_log" not in [t for t in data.table_names() if data[t].count]
    assert opened.manifest.reports, "the period's rendered reports travel too"


def test_chosen_fields_travel_and_the_manifest_says_so(cell, tmp_path):
    opened = open_package(export(cell, tmp_path / "a.chibo", include=["phone"]))
    assert opened.manifest.included == ("phone",)
    data = open_data_part(opened.data)
    assert data.execute("SELECT count(*) FROM members WHERE phone <> ''").fetchone()[0] > 0
    assert data.execute("SELECT max(address) FROM members").fetchone()[0] == ""


def test_inspect_tells_what_and_whether_intact(cell, tmp_path):
    summary = inspect_package(export(cell, tmp_path / "a.chibo"))
    assert summary["intact"] and summary["identity_checked"]
    assert summary["cell"]["name"] == "Chi bộ Khu phố 3"
    assert summary["members_in_cell"] > 0
    json.dumps(summary, ensure_ascii=False)


def test_an_edited_part_is_refused_naming_it_and_nothing_changes(cell, committee, tmp_path):
    good = export(cell, tmp_path / "a.chibo")

    def flip(name, data):
        if name == "data.sqlite":
            return data[:5000] + bytes([data[5000] ^ 1]) + data[5001:]
        return data

    bad = rewrite(good, tmp_path / "edited.chibo", flip)
    before = hashlib.sha256(bad.read_bytes()).hexdigest()
    [outcome] = add(committee, bad)
    assert outcome.status == "refused"
    assert "data.sqlite" in outcome.message and "SHA-256" in outcome.message
    assert hashlib.sha256(bad.read_bytes()).hexdigest() == before
    assert received(committee) == ([], [])
    assert not inspect_package(bad)["intact"]


def test_a_truncated_package_is_refused(cell, committee, tmp_path):
    good = export(cell, tmp_path / "a.chibo")
    cut = tmp_path / "cut.chibo"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    [outcome] = add(committee, cut)
    assert outcome.status == "refused" and "cut.chibo" in outcome.message
    assert received(committee) == ([], [])


def test_an_edited_manifest_does_not_match_the_data(cell, committee, tmp_path):
    good = export(cell, tmp_path / "a.chibo")

    def rename(name, data):
        if name == "manifest.json":
            m = json.loads(data)
            m["cell"]["name"] = "Chi bộ Khác"
            return json.dumps(m).encode()
        return data

    [outcome] = add(committee, rewrite(good, tmp_path / "m.chibo", rename))
    assert outcome.status == "refused" and "mã định danh" in outcome.message


def test_edited_headline_figures_do_not_match_the_data(cell, committee, tmp_path):
    good = export(cell, tmp_path / "a.chibo")

    def inflate(name, data):
        if name == "manifest.json":
            m = json.loads(data)
            m["summary"]["members"] += 10
            return json.dumps(m).encode()
        return data

    [outcome] = add(committee, rewrite(good, tmp_path / "s.chibo", inflate))
    assert outcome.status == "refused" and "số liệu tóm tắt" in outcome.message


def test_a_package_from_a_newer_program_is_refused_with_its_version(cell, committee, tmp_path):
    good = export(cell, tmp_path / "a.chibo")

    def newer(name, data):
        if name == "manifest.json":
            m = json.loads(data)
            m["schema_version"], m["program_version"] = 9999, "9.4.0"
            return json.dumps(m).encode()
        return data

    [outcome] = add(committee, rewrite(good, tmp_path / "new.chibo", newer))
    assert outcome.status == "refused" and "9.4.0" in outcome.message
    assert received(committee) == ([], [])


def test_duplicate_and_older_packages_are_refused_naming_both_dates(cell, committee, tmp_path):
    first = export(cell, tmp_path / "first.chibo", now=T1)
    second = export(cell, tmp_path / "second.chibo", now=T2)
    assert [o.status for o in add(committee, second)] == ["added"]
    [again] = add(committee, second)
    assert again.status == "refused" and again.message.count("14/03/2026 16:30:00") == 2
    [older] = add(committee, first)
    assert older.status == "refused"
    assert "10/03/2026 09:00:00" in older.message and "14/03/2026 16:30:00" in older.message
    rows, lines = received(committee)
    assert len(rows) == 1 and lines[0][1] == T2


def test_the_newest_package_of_a_cell_wins_and_is_reported(cell, committee, tmp_path):
    first = export(cell, tmp_path / "first.chibo", now=T1)
    second = export(cell, tmp_path / "second.chibo", now=T2)
    add(committee, first)
    [outcome] = add(committee, second)
    assert outcome.status == "replaced" and "10/03/2026 09:00:00" in outcome.message
    rows, lines = received(committee)
    assert [r["replaced_by"] is None for r in rows] == [False, True]
    assert lines == [("Chi bộ Khu phố 3", T2)]


def test_two_packages_of_one_cell_in_one_batch_keep_the_newest(cell, committee, tmp_path):
    first = export(cell, tmp_path / "first.chibo", now=T1)
    second = export(cell, tmp_path / "second.chibo", now=T2)
    outcomes = {o.file.name: o.status for o in add(committee, first, second)}
    assert outcomes == {"first.chibo": "refused", "second.chibo": "added"}


def test_a_renamed_cell_stays_one_cell_and_two_cells_sharing_a_name_stay_two(
    cell, committee, tmp_path
):
    add(committee, export(cell, tmp_path / "a.chibo", now=T1))
    renamed = tmp_path / "renamed.sqlite"
    shutil.copy(cell, renamed)
    db = open_database(renamed)
    save_cell(db, CellInfo("Chi bộ Khu phố 3A", "Đảng bộ phường Hàng Bạc", "Hà Nội"))
    db.close()
    [outcome] = add(committee, export(renamed, tmp_path / "b.chibo", now=T2))
    assert outcome.status == "replaced" and "Chi bộ Khu phố 3" in outcome.message
    namesake = make_cell(tmp_path, "Chi bộ Khu phố 3A", 8)
    [other] = add(committee, export(namesake, tmp_path / "c.chibo", now=T2))
    assert other.status == "added"
    _rows, lines = received(committee)
    assert [name for name, _t in lines] == ["Chi bộ Khu phố 3A", "Chi bộ Khu phố 3A"]
    db = open_desk(committee)
    former = [x.former_names for x in cell_lines(db, TODAY)]
    doc = consolidated_doc(db, "meetings", dt.date(2026, 1, 1), TODAY, TODAY)
    db.close()
    assert sorted(former) == [(), ("Chi bộ Khu phố 3",)]
    on_paper = [row[1] for row in doc.sections[0].table.rows]
    assert len(set(on_paper)) == 2 and all(n.startswith("Chi bộ Khu phố 3A (mã ") for n in on_paper)


@pytest.mark.skipif(not cipher.available(), reason="sqlcipher3 is not installed")
def test_a_password_protects_the_data_part(cell, committee, tmp_path):
    locked = export(cell, tmp_path / "a.chibo", password="mật khẩu đúng")
    with zipfile.ZipFile(locked) as z:
        assert not z.read("data.sqlite").startswith(b"SQLite format 3")
    [none] = add(committee, locked)
    assert none.status == "refused" and "mật khẩu" in none.message and none.needs_password
    [wrong] = add(committee, locked, password="sai")
    assert wrong.status == "refused" and "không đúng" in wrong.message and wrong.needs_password
    assert received(committee) == ([], [])
    [right] = add(committee, locked, password="mật khẩu đúng")
    assert right.status == "added"
    summary = inspect_package(locked)
    assert summary["encrypted"] and summary["intact"] and not summary["identity_checked"]


def test_a_package_or_a_committee_file_is_not_opened_as_a_register(cell, committee, tmp_path):
    package = export(cell, tmp_path / "a.chibo")
    with pytest.raises(DatabaseError, match="gói báo cáo"):
        open_session(package)
    with pytest.raises(DatabaseError, match="tổng hợp của đảng ủy"):
        open_session(committee)
    with pytest.raises(ChiboError, match="không phải là tệp tổng hợp"):
        open_desk(cell)


@pytest.mark.skipif(not cipher.available(), reason="sqlcipher3 is not installed")
def test_an_encrypted_register_gives_the_same_data_part(cell, tmp_path):
    from sqlite_utils import Database

    from chibo_desktop.storage.package_data import build_data_part, encrypt_part

    plain = open_database(cell, readonly=True)
    expected, counts = build_data_part(plain)
    plain.close()
    key = bytes(range(32))
    locked = tmp_path / "locked.sqlite"
    locked.write_bytes(encrypt_part(cell.read_bytes(), key))
    source = Database(cipher.connect(locked, key, readonly=True), execute_plugins=False)
    data, same_counts = build_data_part(source)
    source.close()
    assert same_counts == counts
    a, b = open_data_part(expected), open_data_part(data)
    for table in ("members", "attendance", "assessments", "settings"):
        query = f"SELECT * FROM {table} ORDER BY 1, 2"
        assert list(a.query(query)) == list(b.query(query)), table
