"""Each case a secretary can meet gets its own plain message, never an unexpected error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

UNEXPECTED = "Lỗi không mong đợi"


def chibo(*args: str, cwd: Path | None = None, env: dict | None = None):
    full = dict(os.environ, PYTHONIOENCODING="utf-8")
    for name in ("CHIBO_PASSWORD", "CHIBO_BACKUP_PASSWORD", "CHIBO_RECOVERY_KEY"):
        full.pop(name, None)
    full.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "chibo_desktop", *args],
        capture_output=True,
        text=True,
        env=full,
        cwd=cwd,
        timeout=180,
    )


def said(result, *words: str) -> None:
    text = result.stderr + result.stdout
    assert result.returncode != 0, text
    assert UNEXPECTED not in text and "Traceback" not in text, text
    for word in words:
        assert word in text, text


def test_a_folder_given_as_the_file(tmp_path):
    (tmp_path / "thu-muc").mkdir()
    said(chibo("--db", str(tmp_path / "thu-muc"), "info"), "là một thư mục")
    assert not (tmp_path / "thu-muc.lock").exists()


def test_a_missing_folder(tmp_path):
    missing = tmp_path / "khong-co" / "chibo.sqlite"
    said(chibo("--db", str(missing), "init", "--cell", "Chi bộ X"), "không tồn tại")
    said(chibo("--db", str(missing), "info"), "Không tìm thấy")


def test_restoring_an_empty_file_or_a_workbook(db_path, tmp_path):
    empty = tmp_path / "rong.sqlite"
    empty.write_bytes(b"")
    said(chibo("--db", str(db_path), "restore", str(empty)), "trống")
    workbook = tmp_path / "danh_sach.xlsx"
    workbook.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    result = chibo("--db", str(db_path), "restore", str(workbook))
    said(result, "không phải bản sao lưu")
    assert "mật khẩu" not in result.stderr


def test_sqlcipher_complaints_stay_off_the_screen(db_path):
    pytest.importorskip("sqlcipher3")
    env = {"CHIBO_NEW_PASSWORD": "mật khẩu đúng"}
    assert chibo("--db", str(db_path), "password", "set", env=env).returncode == 0
    result = chibo("--db", str(db_path), "info", env={"CHIBO_PASSWORD": "mật khẩu sai"})
    said(result, "không đúng")
    assert "ERROR CORE" not in result.stderr and "hmac" not in result.stderr
    wrong_key = "-".join(["AAAA"] * 13)  # well formed, but not this file's
    result = chibo(
        "--db", str(db_path), "--recovery-key", "info", env={"CHIBO_RECOVERY_KEY": wrong_key}
    )
    said(result, "không đúng")
    assert "ERROR CORE" not in result.stderr and "hmac" not in result.stderr


def test_read_only_on_the_command_line(db_path):
    os.chmod(db_path, 0o444)
    try:
        result = chibo("--db", str(db_path), "--read-only", "info")
        assert result.returncode == 0, result.stderr
        said(chibo("--db", str(db_path), "--read-only", "restore", str(db_path)), "chỉ đọc")
    finally:
        os.chmod(db_path, 0o644)


def test_a_garbled_lock_being_written_names_the_lock_file(db_path):
    from chibo_desktop.storage.lock import lock_path

    lock_path(db_path).write_text("{garbled", encoding="utf-8")
    result = chibo("--db", str(db_path), "info")
    said(result, lock_path(db_path).name)
    assert "bởi ? trên máy ?" not in result.stderr


def test_a_lock_of_another_computer_can_be_taken_over_deliberately(db_path):
    import json

    from chibo_desktop.storage.lock import lock_path

    record = {"user": "thuky", "host": "may-kia", "pid": 4242, "since": "2026-03-15T08:30:00"}
    lock_path(db_path).write_text(json.dumps(record), encoding="utf-8")
    said(chibo("--db", str(db_path), "info"), "may-kia", "--take-over-lock")
    taken = chibo("--db", str(db_path), "--take-over-lock", "info")
    assert taken.returncode == 0, taken.stderr
    assert not lock_path(db_path).exists()  # released when the command ended
