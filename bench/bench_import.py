"""Member list import against python-calamine reading the same file into Python lists.

Targets: a 20,000-row .xlsx imported into an empty register in at most 3x the calamine
read; the re-import of the same file (all unchanged) within the same bound; peak memory
of the import under 200 MB. A last row, for information, times the floor: calamine's read
plus writing the very rows an import stores, the way it stores them (members, first status
changes, search index, change log, commit), with nothing read from the cells, parsed or
checked.
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

TARGET_RATIO = 3.0
MEMORY_LIMIT_MB = 200
TODAY = dt.date(2026, 3, 15)

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Hữu", "Thu", "Ngọc", "Xuân", "Đình"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hương", "Lan", "Nam", "Sơn", "Yến"]


def make_workbook(path: Path, rows: int, seed: int = 7) -> Path:
    """A list as offices type it: titles, header, real date cells and text dates mixed."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách")
    ws.append(["ĐẢNG BỘ PHƯỜNG HÀNG BẠC"])
    ws.append(["CHI BỘ KHU PHỐ 3"])
    ws.append(["DANH SÁCH ĐẢNG VIÊN"])
    ws.append([])
    ws.append(
        [
            "STT",
            "Họ và tên",
            "Giới tính",
            "Ngày sinh",
            "Dân tộc",
            "Quê quán",
            "Ngày vào Đảng",
            "Ngày chính thức",
            "Số thẻ đảng viên",
            "Điện thoại",
            "Ghi chú",
        ]
    )
    for n in range(1, rows + 1):
        born = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(0, 60 * 365))
        joined = born + dt.timedelta(days=rng.randrange(19 * 365, 30 * 365))
        joined = min(joined, TODAY - dt.timedelta(days=400))
        official = joined + dt.timedelta(days=365)
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)} {n}"
        name = name.rsplit(" ", 1)[0] + " " + "".join(chr(0x61 + int(d)) for d in str(n))
        ws.append(
            [
                n,
                name,
                rng.choice(["Nam", "Nữ"]),
                born,
                "Kinh",
                "Hà Nội",
                joined.strftime("%d/%m/%Y"),
                official,
                f"{n % 100:02d}.{n:06d}",
                f"09{n:08d}",
                "",
            ]
        )
    ws.append([])
    ws.append(["", "", "", "", "", "", "T/M CHI BỘ"])
    ws.append(["", "", "", "", "", "", "BÍ THƯ"])
    wb.save(path)
    return path


def _calamine_read(path: Path) -> list:
    import python_calamine

    wb = python_calamine.CalamineWorkbook.from_path(str(path))
    return wb.get_sheet_by_name(wb.sheet_names[0]).to_python()


def _stored_rows(db) -> tuple[list, list, tuple]:
    """What an import stored: the member columns it filled, the rows as plain tuples, and
    what is the same for all of them (states, stamp, notes, source)."""
    from chibo_desktop.storage.member_import import COLUMNS

    columns = [
        c
        for c in COLUMNS
        if db.execute(
            f"SELECT 1 FROM members WHERE {c} IS NOT NULL AND {c} NOT IN ('', 0)"
        ).fetchone()
    ]
    rows = db.execute(
        f"SELECT id, {', '.join(columns)}, search_text FROM members ORDER BY id"
    ).fetchall()
    states = tuple(
        db.execute(
            "SELECT status, in_cell FROM members "
            f"WHERE coalesce(official_date, '') {test} '' LIMIT 1"
        ).fetchone()
        or ("none", 0)
        for test in ("=", "<>")
    )
    stamp = db.execute("SELECT created_at FROM members LIMIT 1").fetchone()[0]
    kinds = ("admitted", "transfer_in")
    notes = tuple(
        (db.execute("SELECT note FROM member_status WHERE kind = ?", [k]).fetchone() or [""])[0]
        for k in kinds
    )
    source = db.execute("SELECT source FROM change_log ORDER BY id DESC").fetchone()[0]
    return columns, rows, (states, stamp, kinds, notes, source)


def _write_stored(db, columns: list, rows: list, texts: tuple) -> None:
    """The rows written the way the import writes them: members, first status changes,
    search index, change log, commit."""
    from chibo_desktop.storage import member_import as store

    states, stamp, kinds, notes, source = texts
    with db.atomic(), store.bulk_insert(db, 1):
        store.insert_members(db, columns, rows, states, stamp)
        store.add_first_statuses(db, 1, kinds, notes, TODAY.isoformat(), stamp)
        store.log_new_members(db, "bench", source, 1, 0, stamp)


def _floor(path: Path, db, *stored) -> None:
    """The least any import of this file must do: calamine's read, then the same rows
    written the way the import writes them, with no cell read, parsed or checked."""
    _calamine_read(path)
    _write_stored(db, *stored)


def _timed(fn, *args) -> float:
    gc.collect()
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def run(quick: bool) -> list[dict]:
    from chibo_desktop.services.importing import run_import
    from chibo_desktop.storage.database import open_database

    rows = 1_000 if quick else 20_000
    runs = 5
    folder = Path(tempfile.mkdtemp(prefix="chibo-bench-import-"))
    path = make_workbook(folder / f"list_{rows}.xlsx", rows)
    counter = iter(range(10_000))

    def fresh_db():
        return open_database(folder / f"r{next(counter)}.sqlite", create=True)

    def import_empty(db):
        report = run_import(db, path, today=TODAY)
        assert report.added == rows and not report.rejected, report.as_json()

    def reimport(db):
        report = run_import(db, path, today=TODAY)
        assert report.unchanged == rows and report.added == report.updated == 0

    # Warm-up: the register re-imported below, and the rows the floor writes.
    _calamine_read(path)
    kept = fresh_db()
    import_empty(kept)
    stored = _stored_rows(kept)

    # Each run times the reference and every program in turn, so that a burst of load on a
    # shared machine hits them alike.
    times: dict[str, list[float]] = {"reference": [], "first": [], "again": [], "floor": []}
    for _ in range(runs):
        times["reference"].append(_timed(_calamine_read, path))
        db = fresh_db()
        times["first"].append(_timed(import_empty, db))
        db.close()
        times["again"].append(_timed(reimport, kept))
        db = fresh_db()
        times["floor"].append(_timed(_floor, path, db, *stored))
        db.close()
    kept.close()
    reference, first, again, floor = (
        statistics.median(times[k]) for k in ("reference", "first", "again", "floor")
    )

    db = fresh_db()
    gc.collect()
    tracemalloc.start()
    run_import(db, path, today=TODAY)
    peak_mb = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    db.close()

    results = []
    for name, value in (
        (f"import {rows} rows into an empty register", first),
        (f"re-import {rows} unchanged rows", again),
    ):
        ratio = value / reference
        results.append(
            {
                "name": name,
                "median_s": value,
                "reference": "python-calamine to_python() of the same file",
                "reference_s": reference,
                "ratio": ratio,
                "target": f"<= {TARGET_RATIO:g}x",
                "passed": ratio <= TARGET_RATIO,
            }
        )
    results.append(
        {
            "name": f"floor: calamine read + writing the same {rows} rows, nothing checked",
            "median_s": floor,
            "reference": "python-calamine to_python() of the same file",
            "reference_s": reference,
            "ratio": floor / reference,
            "target": "information",
            "passed": True,
        }
    )
    results.append(
        {
            "name": f"peak Python memory importing {rows} rows (tracemalloc)",
            "median_s": peak_mb,
            "reference": "Python heap peak, MB",
            "reference_s": None,
            "ratio": None,
            "target": f"< {MEMORY_LIMIT_MB} MB",
            "passed": peak_mb < MEMORY_LIMIT_MB,
            "unit": "MB",
        }
    )
    return results


if __name__ == "__main__":
    import sys

    for result in run(quick="--quick" in sys.argv):
        ratio = f"{result['ratio']:.2f}x" if result["ratio"] is not None else ""
        print(
            f"{'PASS' if result['passed'] else 'FAIL'}  {result['name']}: "
            f"{result['median_s']:.3f} {ratio} (target {result['target']})"
        )
