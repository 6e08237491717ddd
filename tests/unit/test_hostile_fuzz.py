"""Fuzzing: random bytes and random workbooks to the importer and to opening a file.

Whatever arrives, the answer is a report or a clear (Vietnamese) error: never a crash, and
nothing is written unless a real import was reported as written.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chibo_desktop.errors import ChiboError

importing = pytest.importorskip("chibo_desktop.services.importing")

SUFFIXES = [".xlsx", ".xls", ".xlsb", ".ods", ".csv"]
FUZZ = settings(
    max_examples=250,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HEADERS = [
    "STT",
    "Họ và tên",
    "Ngày sinh",
    "Nam",
    "Nữ",
    "Ngày vào Đảng",
    "Ngày chính thức",
    "Số thẻ đảng viên",
    "Quê quán",
    "Ghi chú",
    "",
    None,
    "=1+1",
    "Họ và tên",
]
text = st.text(
    alphabet=st.sampled_from(
        list("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậ 0123456789/-.=+@'\"")
    ),
    max_size=30,
)
cell = st.one_of(
    st.none(),
    text,
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=False),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    st.booleans(),
)
COUNTS = {"bytes": 0, "workbooks": 0, "mutated": 0, "open": 0}


def run(db, path: Path):
    before = db.conn.total_changes
    try:
        report = importing.run_import(db, path)
    except ChiboError as exc:
        assert exc.message and "Traceback" not in exc.message
        assert db.conn.total_changes == before
        return None
    assert isinstance(report, importing.ImportReport)
    if not report.written:
        assert db.conn.total_changes == before
    return report


@FUZZ
@given(
    data=st.binary(max_size=4096),
    suffix=st.sampled_from(SUFFIXES),
    prefix=st.sampled_from(
        [b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xef\xbb\xbf", b"<?xml"]
    ),
)
def test_random_bytes_to_the_importer(db, tmp_path, data, suffix, prefix):
    path = tmp_path / f"ngau_nhien{suffix}"
    path.write_bytes(prefix + data)
    COUNTS["bytes"] += 1
    run(db, path)


@FUZZ
@given(
    header=st.lists(st.sampled_from(HEADERS), min_size=0, max_size=8),
    rows=st.lists(st.lists(cell, max_size=9), max_size=25),
    title_rows=st.integers(0, 3),
    merge=st.booleans(),
)
def test_random_workbooks_to_the_importer(db, tmp_path, header, rows, title_rows, merge):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for i in range(title_rows):
        ws.cell(row=i + 1, column=1, value=f"DANH SÁCH ĐẢNG VIÊN {i}")
    ws.append(header)
    for row in rows:
        ws.append([v.replace("\x00", "") if isinstance(v, str) else v for v in row])
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str):
                c.data_type = "s"
    if merge and ws.max_row > 2 and ws.max_column > 2:
        ws.merge_cells(start_row=1, start_column=1, end_row=2, end_column=2)
    path = tmp_path / "danh_sach.xlsx"
    try:
        wb.save(path)
    except (ValueError, TypeError, OverflowError):
        return  # openpyxl itself cannot write this combination
    COUNTS["workbooks"] += 1
    run(db, path)


def valid_workbook() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH ĐẢNG VIÊN CHI BỘ"])
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Số thẻ đảng viên"])
    for i in range(30):
        ws.append([i + 1, f"Nguyễn Văn Thử {chr(65 + i % 26)}", "03/02/1970", "19/05/2000", ""])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_mutated_real_workbooks_to_the_importer(db, tmp_path):
    good = valid_workbook()
    rng = random.Random(20260315)
    for case in range(150):
        data = bytearray(good)
        if case % 3 == 0:  # flip bytes anywhere (mostly breaks the zip)
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        else:  # a well-formed zip whose XML parts are garbled
            source = zipfile.ZipFile(io.BytesIO(good))
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w") as target:
                for info in source.infolist():
                    body = bytearray(source.read(info))
                    if info.filename.endswith(".xml") and rng.random() < 0.5 and body:
                        for _ in range(rng.randint(1, 8)):
                            body[rng.randrange(len(body))] = rng.choice(b"<>&\"'\x00 az9")
                    target.writestr(info, bytes(body))
            data = bytearray(out.getvalue())
        path = tmp_path / f"hong_{case}.xlsx"
        path.write_bytes(bytes(data))
        COUNTS["mutated"] += 1
        run(db, path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@FUZZ
@given(data=st.binary(max_size=8192), header=st.booleans())
def test_random_bytes_to_opening_a_file(tmp_path, data, header):
    from chibo_desktop.services.safety.session import open_session
    from chibo_desktop.storage.database import SQLITE_HEADER

    path = tmp_path / "ngau_nhien.sqlite"
    content = (SQLITE_HEADER + data) if header else data
    path.write_bytes(content)
    COUNTS["open"] += 1
    try:
        db = open_session(path, backups=False)
    except ChiboError as exc:
        assert exc.message
        assert path.read_bytes() == content  # refused files are never written to
    else:  # only a valid (empty) database can get here
        db.close()
    finally:
        for leftover in tmp_path.glob("ngau_nhien.sqlite*"):
            leftover.unlink()


def test_zz_fuzz_case_count(capsys):
    total = sum(COUNTS.values())
    with capsys.disabled():
        print(f"\nfuzz cases run: {COUNTS} total={total}")
    if COUNTS["bytes"]:
        assert total >= 300
