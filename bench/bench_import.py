"""Member list import as the secretary runs it: the whole `chibo members import` command
against a process that only reads the same file with python-calamine.

The lists are shaped like real ones: free-text positions and hometowns, split "Nam / Nữ"
birth-date columns (no sex column) in one of the two files, dates typed as text in a
quarter of the rows, and 2 % of rows with a problem (an impossible date, a missing name, a
duplicated card). Targets: 20,000 rows into an empty register and the unchanged re-import
each within 3× the read (goal 2.5×); a real cell's 300 rows in under 0.5 s; peak Python
memory of the 20,000-row import under 200 MB.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

from .common import (
    RUNS,
    interleaved_medians,
    peak_memory,
    python,
    result,
    run_process,
    scratch_dir,
    subprocess_env,
)

TARGET_RATIO = 3.0
SMALL_CELL_S = 0.5
MEMORY_LIMIT_MB = 200
TODAY = dt.date(2026, 3, 15)

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Hữu", "Thu", "Ngọc", "Xuân", "Đình"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hương", "Lan", "Nam", "Sơn", "Yến"]
PLACES = ["Hà Nội", "Nam Định", "Thái Bình", "Nghệ An", "Thanh Hóa", "Hải Dương", "Huế"]
POSTS = [
    "",
    "",
    "",
    "Bí thư chi bộ",
    "Phó Bí thư",
    "Chi ủy viên",
    "Tổ trưởng tổ dân phố",
    "Trưởng ban công tác mặt trận",
    "Chi hội trưởng phụ nữ",
]
READ = (
    "import sys, python_calamine as c; w = c.CalamineWorkbook.from_path(sys.argv[1]); "
    "w.get_sheet_by_name(w.sheet_names[0]).to_python()"
)


def make_workbook(path: Path, rows: int, *, split_sex: bool, seed: int = 7) -> Path:
    """A list as offices type it, with the mistakes real lists have (see the docstring)."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách")
    for title in ("ĐẢNG BỘ PHƯỜNG HÀNG BẠC", "CHI BỘ KHU PHỐ 3", "DANH SÁCH ĐẢNG VIÊN", ""):
        ws.append([title])
    birth = ["Ngày sinh (Nam)", "Ngày sinh (Nữ)"] if split_sex else ["Giới tính", "Ngày sinh"]
    dates = ["Ngày vào Đảng", "Ngày chính thức"]
    numbers = ["Số thẻ đảng viên", "Điện thoại", "Chức vụ", "Ghi chú"]
    ws.append(["STT", "Họ và tên", *birth, "Dân tộc", "Quê quán", *dates, *numbers])
    for n in range(1, rows + 1):
        born = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(0, 60 * 365))
        joined = born + dt.timedelta(days=rng.randrange(19 * 365, 30 * 365))
        joined = min(joined, TODAY - dt.timedelta(days=400))
        official = joined + dt.timedelta(days=365)
        as_text = rng.random() < 0.25
        dates = [d.strftime("%d/%m/%Y") if as_text else d for d in (born, joined, official)]
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        name += " " + "".join(chr(0x61 + int(d)) for d in str(n))
        card = f"{n % 100:02d}.{n:06d}"
        trouble = rng.random()
        if trouble < 0.007:
            dates[0] = "31/02/1960"
        elif trouble < 0.014:
            name = ""
        elif trouble < 0.02 and n > 1:
            card = f"{(n - 1) % 100:02d}.{n - 1:06d}"
        sex = rng.choice(["Nam", "Nữ"])
        if split_sex:
            birth_cells = [dates[0], ""] if sex == "Nam" else ["", dates[0]]
        else:
            birth_cells = [sex, dates[0]]
        place = f"Xã {rng.choice(GIVEN)} {rng.choice(MIDDLE)}, {rng.choice(PLACES)}"
        post = rng.choice(POSTS)
        ws.append([n, name, *birth_cells, "Kinh", place, *dates[1:], card, f"09{n:08d}", post, ""])
    ws.append([])
    ws.append(["", "Tổng cộng: " + str(rows) + " đảng viên"])
    ws.append(["", "", "", "", "", "", "T/M CHI BỘ"])
    ws.append(["", "", "", "", "", "", "BÍ THƯ"])
    wb.save(path)
    return path


def run(quick: bool) -> list[dict]:
    rows = 1_000 if quick else 20_000
    with scratch_dir("chibo-bench-import-") as folder:
        env = subprocess_env(folder, CHIBO_TODAY=TODAY.isoformat())
        chibo = _chibo()
        init = ["init", "--cell", "Chi bộ Khu phố 3", "--party-committee", "Đảng bộ phường"]
        empty = folder / "empty.sqlite"
        run_process([*chibo, "--db", str(empty), *init], env=env)
        counter = iter(range(10_000))
        results = []
        for split in (False, True):
            path = make_workbook(folder / f"list_{rows}_{split}.xlsx", rows, split_sex=split)
            kept = folder / f"kept_{split}.sqlite"
            shutil.copy(empty, kept)
            run_process([*chibo, "--db", str(kept), "members", "import", str(path)], env=env)

            def read(path=path):
                run_process([python(), "-c", READ, str(path)], env=env)

            def first(path=path):
                target = folder / f"r{next(counter)}.sqlite"
                shutil.copy(empty, target)
                run_process([*chibo, "--db", str(target), "members", "import", str(path)], env=env)
                target.unlink()

            def again(path=path, kept=kept):
                run_process([*chibo, "--db", str(kept), "members", "import", str(path)], env=env)

            reference, into_empty, unchanged = interleaved_medians([read, first, again])
            shape = "split Nam/Nữ birth columns" if split else "a sex column"
            for name, value in (
                (f"import {rows} realistic rows ({shape}) into an empty register", into_empty),
                (f"re-import the same {rows} rows unchanged ({shape})", unchanged),
            ):
                results.append(
                    result(
                        name,
                        value,
                        reference="a process reading the file with python-calamine",
                        reference_s=reference,
                        max_ratio=TARGET_RATIO,
                        target=f"<= {TARGET_RATIO:g}x (goal 2.5x), whole processes",
                    )
                )
        results.append(_small_cell(folder, chibo, empty, env))
        results.append(_memory(folder, rows))
    return results


def _chibo() -> list[str]:
    """The installed `chibo` launcher, as the secretary runs it, else the same entry."""
    launcher = Path(python()).with_name("chibo")
    return [str(launcher)] if launcher.is_file() else [python(), "-m", "chibo_desktop"]


def _small_cell(folder: Path, chibo: list[str], empty: Path, env: dict) -> dict:
    path = make_workbook(folder / "list_300.xlsx", 300, split_sex=True, seed=3)
    counter = iter(range(1000))

    def whole():
        target = folder / f"cell{next(counter)}.sqlite"
        shutil.copy(empty, target)
        run_process([*chibo, "--db", str(target), "members", "import", str(path)], env=env)

    (seconds,) = interleaved_medians([whole], runs=RUNS)
    return result(
        "a real cell: the whole `chibo members import` of 300 rows",
        seconds,
        reference="seconds",
        max_s=SMALL_CELL_S,
        target=f"< {SMALL_CELL_S:g} s",
    )


def _memory(folder: Path, rows: int) -> dict:
    from chibo_desktop.services.importing import run_import
    from chibo_desktop.storage.database import open_database

    path = make_workbook(folder / "memory.xlsx", rows, split_sex=True)
    db = open_database(folder / "memory.sqlite", create=True)
    try:
        _report, peak = peak_memory(lambda: run_import(db, path, today=TODAY))
    finally:
        db.close()
    return result(
        f"peak Python memory importing {rows} rows (tracemalloc)",
        peak / 2**20,
        reference="Python heap peak, MB",
        passed=peak / 2**20 < MEMORY_LIMIT_MB,
        target=f"< {MEMORY_LIMIT_MB} MB",
        unit="MB",
    )


if __name__ == "__main__":
    import sys

    for row in run(quick="--quick" in sys.argv):
        ratio = f"{row['ratio']:.2f}x" if row["ratio"] is not None else ""
        print(
            f"{'PASS' if row['passed'] else 'FAIL'}  {row['name']}: {row['median_s']:.3f} {ratio}"
        )
