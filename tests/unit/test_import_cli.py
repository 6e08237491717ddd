"""`chibo members import` and an import killed midway."""

import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from chibo_desktop.cli import main
from chibo_desktop.domain.members import Member
from chibo_desktop.services.members.register import save_member
from chibo_desktop.storage.database import open_database

from .import_files import simple_list, write_xlsx

ROWS = [
    [1, "Nguyễn Văn An", "Nam", "01/01/1960", "01/01/1985", "01/01/1986", "01.000001", ""],
    [2, "Trần Thị Bình", "Nữ", "02/02/1990", "01/06/2025", "", "", ""],
]


def run_cli(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_import_prints_the_report_as_json_and_reimport_changes_nothing(db_path, tmp_path, capsys):
    path = write_xlsx(tmp_path / "ds.xlsx", {"S": simple_list([*ROWS, [3, "", "Nam"]])})
    code, out, _err = run_cli(
        capsys, "--db", str(db_path), "members", "import", str(path), "--json"
    )
    assert code == 0
    report = json.loads(out)
    assert (report["added"], report["updated"], report["unchanged"]) == (2, 0, 0)
    assert report["rejected"] == [
        {"row": 10, "column": "Họ và tên", "value": "", "reason": "Họ và tên bị bỏ trống."}
    ]
    code, out, _err = run_cli(
        capsys, "--db", str(db_path), "members", "import", str(path), "--json"
    )
    again = json.loads(out)
    assert (code, again["added"], again["updated"], again["unchanged"]) == (0, 0, 0, 2)


def test_strict_refusal_and_unreadable_files_exit_1(db_path, tmp_path, capsys):
    path = write_xlsx(tmp_path / "ds.xlsx", {"S": simple_list([*ROWS, [3, "", "Nam"]])})
    code, out, err = run_cli(
        capsys, "--db", str(db_path), "members", "import", str(path), "--strict"
    )
    assert code == 1 and "--strict" in err and "dòng 10" in out
    code, _out, err = run_cli(capsys, "--db", str(db_path), "members", "list", "--json")
    assert json.loads(_out) == []
    bad = tmp_path / "ds.pdf"
    bad.write_bytes(b"%PDF-1.4 not a list")
    code, _out, err = run_cli(capsys, "--db", str(db_path), "members", "import", str(bad))
    assert code == 1 and "không phải là bảng tính" in err and "Traceback" not in err


def test_dry_run_sheet_choice_and_error_report(db_path, tmp_path, capsys):
    path = write_xlsx(
        tmp_path / "ds.xlsx", {"Khác": [["Ghi chú"]], "DS": simple_list([*ROWS, [3, "=1", "Nam"]])}
    )
    errors = tmp_path / "loi.xlsx"
    code, out, _err = run_cli(
        capsys,
        "--db",
        str(db_path),
        "members",
        "import",
        str(path),
        "--sheet",
        "DS",
        "--dry-run",
        "--errors",
        str(errors),
    )
    assert code == 0
    assert "thêm mới: 2" in out and "Chạy thử" in out and errors.is_file()
    code, out, _err = run_cli(capsys, "--db", str(db_path), "members", "list", "--json")
    assert json.loads(out) == []


CHILD = textwrap.dedent(
    """
    import datetime as dt, sys, time
    from chibo_desktop.services.importing import import_members
    from chibo_desktop.storage.database import open_database

    db = open_database(sys.argv[1])
    for step in import_members(db, sys.argv[2], today=dt.date(2026, 3, 15)):
        if step.message.startswith("Đang ghi") and step.done > 0:
            print("WRITING", flush=True)
            time.sleep(60)
    print("FINISHED", flush=True)
    """
)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killing_the_import_midway_leaves_the_register_unchanged_and_intact(db_path, tmp_path):
    db = open_database(db_path)
    save_member(db, Member(full_name="Người Có Sẵn", card_number="99.000001"))
    before = db.execute("SELECT * FROM members").fetchall()
    db.close()
    rows = [
        [
            n,
            f"Nguyễn Văn {chr(65 + n % 26)}{'a' * (n // 26)}",
            "Nam",
            "01/01/1960",
            "01/01/1990",
            "",
            f"{n:08d}",
            "",
        ]
        for n in range(1, 6001)
    ]
    path = write_xlsx(tmp_path / "lon.xlsx", {"S": simple_list(rows)})
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db_path), str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    try:
        assert child.stdout.readline().strip() == "WRITING"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    assert child.returncode == -signal.SIGKILL
    db = open_database(db_path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT * FROM members").fetchall() == before
        assert db.execute("SELECT count(*) FROM member_status").fetchone()[0] == 0
        triggers = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
        assert {"members_fts_update", "members_fts_delete"} <= triggers
        db.execute("INSERT INTO members_fts(members_fts) VALUES ('integrity-check')")
        assert [
            r[0]
            for r in db.execute("SELECT rowid FROM members_fts WHERE members_fts MATCH 'nguoi'")
        ] == [before[0][0]]
    finally:
        db.close()
