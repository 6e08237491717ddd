"""Writing an imported list: matching, updates, rejections, strict and dry runs."""

import datetime as dt
import json
from pathlib import Path

import pytest

from chibo_desktop.domain.members import Member
from chibo_desktop.domain.status import StatusChange
from chibo_desktop.services.importing import (
    import_members,
    inspect_file,
    run_import,
    save_error_report,
)
from chibo_desktop.services.members import register as member_svc
from chibo_desktop.storage import changelog

from .import_files import simple_list, write_xlsx

TODAY = dt.date(2026, 3, 15)
SAMPLES = Path("/work/shared/samples")
if not SAMPLES.is_dir():
    SAMPLES = Path(__file__).parents[3] / "shared" / "samples"


def rows_of(db):
    return {r["full_name"]: r for r in member_svc.list_members(db, include_left=True)}


def counts(db):
    return [
        db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("members", "member_status", "change_log")
    ]


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared samples not present")
def test_shared_sample_gives_exactly_the_expected_members(db):
    path = SAMPLES / "danh_sach_dang_vien_thon5.xlsx"
    expected = json.loads((SAMPLES / "danh_sach_dang_vien_thon5.expected.json").read_text())
    report = run_import(db, path, today=dt.date(2026, 11, 22))
    assert report.rejected == [] and report.added == len(expected)
    got = {(r["full_name"], r["birth_date"]): r for r in rows_of(db).values()}
    for e in expected:
        row = got[(e["full_name"], e["birth_date"])]
        assert (row["gender"], row["join_date"], row["official_date"], row["card_number"]) == (
            e["gender"],
            e["join_date"],
            e["official_date"],
            e["card"] or "",
        )
        assert row["in_cell"] == 1
    assert len(got) == len(expected)
    again = run_import(db, path, today=dt.date(2026, 11, 22))
    assert (again.added, again.updated, again.unchanged) == (0, 0, len(expected))
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def member_rows():
    return [
        [1, "Nguyễn Văn An", "Nam", "01/01/1960", "01/01/1985", "01/01/1986", "01.000001", ""],
        [2, "Trần Thị Bình", "Nữ", "02/02/1990", "01/06/2025", "", "", ""],
        [3, "Lê Văn Cường", "Nam", "03/03/1970", "03/03/1995", "03/03/1996", "", ""],
    ]


def test_new_members_get_a_first_status_and_join_the_cell(db, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", {"S": simple_list(member_rows())})
    run_import(db, path, today=TODAY)
    got = rows_of(db)
    assert got["Nguyễn Văn An"]["status"] == "chinh_thuc"
    assert got["Trần Thị Bình"]["status"] == "du_bi"  # no official date yet
    assert all(r["in_cell"] for r in got.values())
    history = member_svc.get_member(db, got["Trần Thị Bình"]["id"]).history
    assert [(c.kind, c.date) for c in history] == [("admitted", dt.date(2025, 6, 1))]
    history = member_svc.get_member(db, got["Nguyễn Văn An"]["id"]).history
    assert [(c.kind, c.date, c.note) for c in history] == [
        ("admitted", dt.date(1985, 1, 1), ""),
        ("official", dt.date(1986, 1, 1), ""),
    ]
    log = changelog.entries(db, "member", got["Nguyễn Văn An"]["id"])
    assert log[0]["field"] == "created" and log[0]["source"] == "nhập: ds.xlsx"


def test_reimport_changes_nothing_then_updates_only_changed_fields(db, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", {"S": simple_list(member_rows())})
    run_import(db, path, today=TODAY)
    outsider = member_svc.save_member(
        db,
        Member(full_name="Phạm Văn Ngoài", birth_date="1950"),
        first_status=StatusChange("transfer_in", dt.date(2000, 1, 1)),
        today=TODAY,
    ).value
    before_outsider = member_svc.get_member(db, outsider).member
    before = counts(db)
    report = run_import(db, path, today=TODAY)
    assert (report.added, report.updated, report.unchanged, report.written) == (0, 0, 3, False)
    assert counts(db) == before

    changed = member_rows()
    changed[0][5] = "02/01/1986"  # official date corrected
    changed[2][6] = "03.000003"  # card number now known: matched by name and birth date
    changed[1][7] = ""  # an empty cell never erases
    path2 = write_xlsx(tmp_path / "ds2.xlsx", {"S": simple_list(changed)})
    report = run_import(db, path2, today=TODAY)
    assert (report.added, report.updated, report.unchanged) == (0, 2, 1)
    got = rows_of(db)
    assert got["Nguyễn Văn An"]["official_date"] == "1986-01-02"
    assert got["Lê Văn Cường"]["card_number"] == "03.000003"
    log = changelog.entries(db, "member", got["Nguyễn Văn An"]["id"])
    assert ("official_date", "1986-01-01", "1986-01-02", "nhập: ds2.xlsx") in [
        (e["field"], e["old"], e["new"], e["source"]) for e in log
    ]
    assert member_svc.get_member(db, outsider).member == before_outsider
    assert len(got) == 4


HOSTILE = [
    ([10, "", "Nam", "01/01/1960", "", "", "", ""], "Họ và tên", "bỏ trống"),
    ([11, "=cmd|' /C calc'!A0", "Nam", "", "", "", "", ""], "Họ và tên", "công thức"),
    ([12, "+Nguyễn", "Nam", "", "", "", "", ""], "Họ và tên", "công thức"),
    ([13, "@SUM(A1)", "Nam", "", "", "", "", ""], "Họ và tên", "công thức"),
    ([14, "Nguyễn_x0001_Văn", "Nam", "", "", "", "", ""], "Họ và tên", "ký tự điều khiển"),
    ([15, "Nguyễn " + "Văn " * 30 + "Dài", "Nam", "", "", "", "", ""], "Họ và tên", "dài quá"),
    ([16, "Trần Văn Số 1", "Nam", "", "", "", "", ""], "Họ và tên", "chỉ được gồm chữ cái"),
    (
        [17, "Lê Văn Ngày", "Nam", "31/02/1960", "", "", "", ""],
        "Ngày sinh",
        "không phải là ngày có thật",
    ),
    (
        [18, "Lê Văn Mai", "Nam", "01/01/1960", "01/01/2027", "", "", ""],
        "Ngày vào Đảng",
        "tương lai",
    ),
    (
        [19, "Lê Văn Trẻ", "Nam", "01/01/2000", "01/01/2016", "", "", ""],
        "Ngày vào Đảng",
        "chưa đủ 18 tuổi",
    ),
    (
        [20, "Lê Văn Ngược", "Nam", "01/01/1960", "01/01/1990", "01/01/1989", "", ""],
        "Ngày chính thức",
        "phải sau ngày vào Đảng",
    ),
    (
        [21, "Lê Văn Giới", "Khác", "01/01/1960", "", "", "", ""],
        "Giới tính",
        "Không hiểu giới tính",
    ),
    ([22, "Lê Văn Đọc", "Nam", "mùng một", "", "", "", ""], "Ngày sinh", "Không đọc được ngày"),
]


def test_every_hostile_row_is_rejected_with_its_own_reason(db, tmp_path):
    good = member_rows()
    rows = [*good, *(h[0] for h in HOSTILE)]
    path = write_xlsx(tmp_path / "ds.xlsx", {"S": simple_list(rows, footer=False)})
    report = run_import(db, path, today=TODAY)
    assert report.added == 3
    by_row = {r.row: r for r in report.rejected}
    first = 8 + len(good)  # six title rows, the header, the good rows
    for offset, (_cells, column, reason) in enumerate(HOSTILE):
        rejection = by_row[first + offset]
        assert rejection.column == column, rejection
        assert reason in rejection.reason, rejection
    assert len({r.reason for r in report.rejected}) == len(HOSTILE)
    assert set(rows_of(db)) == {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"}
    assert json.dumps(report.as_json(), ensure_ascii=False)


def test_card_twice_in_the_file_or_owned_by_another_member(db, tmp_path):
    member_svc.save_member(
        db,
        Member(full_name="Phạm Văn Chủ", birth_date="1950", card_number="09.999999"),
        first_status=StatusChange("transfer_in", dt.date(2000, 1, 1)),
        today=TODAY,
    )
    rows = [
        [1, "Nguyễn Văn An", "Nam", "01/01/1960", "", "", "01.000001", ""],
        [2, "Nguyễn Văn Hai", "Nam", "01/01/1961", "", "", "01.000001", ""],
        [3, "Trần Văn Khác", "Nam", "01/01/1962", "", "", "09.999999", ""],
        [4, "Lê Văn Tốt", "Nam", "01/01/1963", "", "", "02.000002", ""],
    ]
    path = write_xlsx(tmp_path / "ds.xlsx", {"S": simple_list(rows)})
    report = run_import(db, path, today=TODAY)
    reasons = {r.row: r.reason for r in report.rejected}
    assert "xuất hiện nhiều lần trong tệp (cả ở dòng 9)" in reasons[8]
    assert "(cả ở dòng 8)" in reasons[9]
    assert reasons[10] == "Số thẻ 09.999999 đã được dùng cho đảng viên Phạm Văn Chủ."
    assert report.added == 1
    assert set(rows_of(db)) == {"Phạm Văn Chủ", "Lê Văn Tốt"}


def test_strict_and_dry_run_write_nothing(db, tmp_path):
    rows = [*member_rows(), [9, "", "Nam", "1960", "", "", "", ""]]
    path = write_xlsx(tmp_path / "ds.xlsx", {"S": simple_list(rows)})
    before = counts(db)
    strict = run_import(db, path, strict=True, today=TODAY)
    assert strict.strict_refused and not strict.written and len(strict.rejected) == 1
    dry = run_import(db, path, dry_run=True, today=TODAY)
    assert (dry.added, dry.written, len(dry.rejected)) == (3, False, 1)
    assert counts(db) == before
    assert run_import(db, path, today=TODAY).added == 3


def test_cancel_midway_leaves_the_register_as_it_was(db, tmp_path):
    rows = [
        [n, f"Nguyễn Văn {chr(65 + n % 26)}{'a' * (n // 26)}", "Nam", "1960", "", "", "", ""]
        for n in range(1, 5001)
    ]
    path = write_xlsx(tmp_path / "ds.xlsx", {"S": simple_list(rows)})
    before = counts(db)
    schema = db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    steps = import_members(db, path, today=TODAY)
    for step in steps:
        if step.message.startswith("Đang ghi") and step.done > 0:
            break
    assert db.conn.in_transaction
    # A write changes data, never the schema: indexes and triggers stay in place.
    assert db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall() == (
        schema
    )
    steps.close()  # what the worker does on cancel
    assert not db.conn.in_transaction
    assert counts(db) == before
    assert (
        db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall() == schema
    )
    assert db.execute("PRAGMA cache_size").fetchone()[0] == cache
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_list_without_official_dates_makes_every_new_member_probationary(db, tmp_path):
    rows = [[n, *row[1:5], "", *row[6:]] for n, row in enumerate(member_rows(), start=1)]
    run_import(db, write_xlsx(tmp_path / "ds.xlsx", {"S": simple_list(rows)}), today=TODAY)
    got = rows_of(db)
    assert {r["status"] for r in got.values()} == {"du_bi"} and len(got) == 3
    assert all(r["in_cell"] for r in got.values())


def test_reading_reports_the_row_reached_every_2000_members(db, tmp_path):
    rows = [
        [n, f"Nguyễn Văn {chr(65 + n % 26)}{'a' * (n // 26)}", "Nam", "1960", "", "", "", ""]
        for n in range(1, 2501)
    ]
    path = write_xlsx(tmp_path / "ds.xlsx", {"S": simple_list(rows)})
    reading = [
        (step.done, step.total, step.message)
        for step in import_members(db, path, today=TODAY)
        if step.message.startswith("Đang đọc dòng")
    ]
    # Six title rows and the header come first; the table ends with seven footer rows.
    assert reading == [(2000, 2507, "Đang đọc dòng 2007…")]


def test_search_finds_members_of_a_first_import_and_of_a_later_one(db, tmp_path):
    first = [[1, "Nguyễn Văn An", "Nam", "1960", "1990", "", "01.000001", ""]]
    later = [[1, "Trần Thị Bình", "Nữ", "1962", "1992", "", "01.000002", ""]]
    run_import(db, write_xlsx(tmp_path / "a.xlsx", {"S": simple_list(first)}), today=TODAY)
    run_import(db, write_xlsx(tmp_path / "b.xlsx", {"S": simple_list(later)}), today=TODAY)
    db.execute("INSERT INTO members_fts(members_fts) VALUES ('integrity-check')")

    def found(word):
        return [
            r[0]
            for r in db.execute(
                "SELECT m.full_name FROM members_fts JOIN members m ON m.id = members_fts.rowid "
                "WHERE members_fts MATCH ?",
                [word],
            )
        ]

    assert found("an") == ["Nguyễn Văn An"]  # indexed at once into the empty register
    assert found("binh") == ["Trần Thị Bình"]  # added to an index that had members
    assert found("000002") == ["Trần Thị Bình"]


def test_column_choices_are_remembered_for_files_with_the_same_headers(db, tmp_path):
    header = ["Họ và tên", "Ngày sinh", "Xếp loại", "Ghi chú"]
    rows = [header, ["Nguyễn Văn An", "1960", "Tốt", "Tổ 1"]]
    path = write_xlsx(tmp_path / "a.xlsx", {"S": rows})
    plan = inspect_file(db, path)
    assert not plan.saved_mapping
    assert [c.field for c in plan.columns] == ["full_name", "birth_date", "", "notes"]
    mapping = {**plan.mapping(), 2: "to_notes", 3: ""}
    report = run_import(db, path, mapping=mapping, today=TODAY)
    assert report.added == 1
    assert rows_of(db)["Nguyễn Văn An"]["notes"] == "Xếp loại: Tốt"
    other = write_xlsx(tmp_path / "b.xlsx", {"S": [header, ["Trần Văn Bình", "1961", "", ""]]})
    again = inspect_file(db, other)
    assert again.saved_mapping and again.mapping() == mapping


def test_error_report_lists_rejected_rows_to_fix_and_import_again(db, tmp_path):
    from openpyxl import load_workbook

    rows = [
        *member_rows(),
        [4, "Lê Văn Ngày", "Nam", "31/02/1960", "", "", "", ""],
        [5, "=1+1", "Nam", "1960", "", "", "", ""],
    ]
    path = write_xlsx(tmp_path / "ds.xlsx", {"S": simple_list(rows)})
    report = run_import(db, path, today=TODAY)
    out = save_error_report(report, tmp_path / "loi.xlsx")
    wb = load_workbook(out)
    sheet = wb.worksheets[0]
    assert [c.value for c in sheet[2]][:3] == ["STT", "Họ và tên", "Giới tính"]
    assert sheet["B3"].value == "Lê Văn Ngày" and sheet["D3"].fill.fgColor.rgb.endswith("F4CCCC")
    assert "không phải là ngày có thật" in sheet.cell(3, 9).value
    assert sheet["B4"].value == "=1+1" and sheet["B4"].data_type == "s"  # never a formula
    detail = wb.worksheets[1]
    assert detail.max_row == 3
    sheet["D3"].value = "28/02/1960"
    sheet["B4"].value = "Lê Văn Sửa"
    wb.save(tmp_path / "da_sua.xlsx")
    fixed = run_import(db, tmp_path / "da_sua.xlsx", today=TODAY)
    assert fixed.rejected == [] and fixed.added == 2


def test_a_working_file_is_backed_up_after_the_import_lands(db_path, tmp_path):
    from chibo_desktop.services.safety.session import open_session

    db = open_session(db_path)
    try:
        before = set(db_path.parent.rglob("*-import.sqlite")) | set(
            Path(_backup_root()).rglob("*-import.sqlite")
        )
        path = write_xlsx(tmp_path / "ds.xlsx", {"S": simple_list(member_rows())})
        assert run_import(db, path, today=TODAY).written
        after = set(Path(_backup_root()).rglob("*-import.sqlite"))
        assert after - before
    finally:
        db.close()


def _backup_root():
    from chibo_desktop.paths import backup_dir

    return backup_dir()


def test_bulk_write_into_an_empty_register_keeps_the_schema_and_stores_whole_records(db, tmp_path):
    schema = db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    path = write_xlsx(tmp_path / "ds.xlsx", {"S": simple_list(member_rows())})
    report = run_import(db, path, today=TODAY)
    assert report.added == 3
    assert (
        db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall() == schema
    )
    an = rows_of(db)["Nguyễn Văn An"]
    stored = member_svc.get_member(db, an["id"]).member
    assert stored == Member(
        id=an["id"],
        full_name="Nguyễn Văn An",
        gender="Nam",
        birth_date="1960-01-01",
        join_date="1985-01-01",
        official_date="1986-01-01",
        card_number="01.000001",
    )
    assert member_svc.search(db, "nguyen an") == [an["id"]]
    assert member_svc.search(db, "000001") == [an["id"]]
    # The cards index is back: a second member with the same card is refused by SQLite.
    with pytest.raises(Exception, match="UNIQUE"):
        db.execute("INSERT INTO members(full_name, card_number) VALUES ('X', '01.000001')")
    log = changelog.entries(db, "member_status")
    assert len(log) == 5 and {e["source"] for e in log} == {"nhập: ds.xlsx"}  # 3 + 2 official
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_every_way_of_adding_members_keeps_the_search_index_whole(db, tmp_path):
    """New members are indexed by storage with the rows it writes (no trigger per row)."""
    member_svc.save_member(
        db,
        Member(full_name="Đặng Văn Một", join_date="2000-01-01"),
        first_status=StatusChange("admitted", dt.date(2000, 1, 1)),
        today=TODAY,
    )
    member_svc.add_members(
        db,
        [(Member(full_name="Đặng Văn Hai"), [StatusChange("transfer_in", dt.date(2001, 1, 1))])],
        today=TODAY,
    )
    run_import(db, write_xlsx(tmp_path / "ds.xlsx", {"S": simple_list(member_rows())}))
    db.execute("INSERT INTO members_fts(members_fts) VALUES ('integrity-check')")
    assert len(member_svc.search(db, "dang van")) == 2
    assert len(member_svc.search(db, "000001")) == 1
