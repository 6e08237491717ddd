"""The command line contract: init, demo, info, exit codes, no tracebacks."""

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from chibo_desktop.cli import main


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "chibo_desktop", *args], capture_output=True, text=True, timeout=120
    )


def test_init_demo_info(tmp_path, capsys):
    db = str(tmp_path / "x.sqlite")
    assert (
        main(
            [
                "--db",
                db,
                "init",
                "--cell",
                "Chi bộ Khu phố 3",
                "--party-committee",
                "Đảng bộ phường Hàng Bạc",
                "--place",
                "Hà Nội",
            ]
        )
        == 0
    )
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["cell"]["name"] == "Chi bộ Khu phố 3"
    assert info["counts"]["members"] >= 35
    assert info["schema_version"] >= 1


def test_init_twice_is_a_user_error(tmp_path, capsys):
    db = str(tmp_path / "x.sqlite")
    assert main(["--db", db, "init", "--cell", "Chi bộ A"]) == 0
    assert main(["--db", db, "init", "--cell", "Chi bộ B"]) == 1
    assert "đã có dữ liệu" in capsys.readouterr().err


def test_user_error_is_one_line_without_traceback(tmp_path):
    done = run("--db", str(tmp_path / "missing.sqlite"), "info")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().count("\n") == 0
    assert "Không tìm thấy" in done.stderr


def test_usage_error_exits_2(tmp_path):
    assert run("--db", str(tmp_path / "x.sqlite"), "no-such-command").returncode == 2


def test_usage_errors_and_help_are_vietnamese(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["--db", str(tmp_path / "x.sqlite"), "members", "import"])
    err = capsys.readouterr().err
    assert "cách dùng: chibo members import" in err
    assert "lỗi: cần một trong các tham số FILE --undo-last" in err
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "tùy chọn:" in out and "hiện hướng dẫn này rồi thoát" in out
    assert "usage" not in out and "show this help" not in out


def test_newer_file_is_refused(db_path, capsys):
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 9999")
    conn.commit()
    conn.close()
    assert main(["--db", str(db_path), "info"]) == 1
    assert "phiên bản mới hơn" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["members", "list", "--help"], ["--help"]])
def test_help_does_not_need_a_database(tmp_path, args):
    done = run("--db", str(tmp_path / "never.sqlite"), *args)
    assert done.returncode == 0
    assert not (tmp_path / "never.sqlite").exists()


def test_a_reader_that_stops_early_is_no_error(tmp_path):
    """`chibo reminders --json | head -c 10`: the reader is gone before the output is."""
    db = str(tmp_path / "x.sqlite")
    assert run("--db", db, "demo").returncode == 0
    read_end, write_end = os.pipe()
    os.close(read_end)
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    done = subprocess.run(
        [sys.executable, "-m", "chibo_desktop", "--db", db, "reminders", "--json"],
        stdout=write_end,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        env=buffered,
    )
    os.close(write_end)
    assert done.stderr == "", done.stderr
    assert done.returncode == 1
