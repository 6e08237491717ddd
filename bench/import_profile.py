"""Where the time of a 20,000-row member import goes, step by step.

    python -m bench.import_profile [ROWS]

Runs the import's steps one after the other on the benchmark's workbook (five times, median)
and prints wall and CPU time of each, beside python-calamine's read of the same file and
the SQLite work alone (the same rows written with nothing to prepare). CPU time is the
steadier figure on a shared machine.
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

from .bench_import import TODAY, _calamine_read, _stored_rows, _write_stored, make_workbook

RUNS = 5


def main(rows: int) -> None:
    from chibo_desktop.interop import excel_import as xl
    from chibo_desktop.services import import_fast, import_write
    from chibo_desktop.services import importing as imp
    from chibo_desktop.services.import_check import Checker
    from chibo_desktop.services.import_choices import ChoiceFields
    from chibo_desktop.storage.database import open_database

    folder = Path(tempfile.mkdtemp(prefix="chibo-import-profile-"))
    path = make_workbook(folder / f"list_{rows}.xlsx", rows)
    steps: dict[str, list[tuple[float, float]]] = {}
    count = iter(range(1000))

    def timed(step: str, fn, *args):
        wall, cpu = time.perf_counter(), time.process_time()
        value = fn(*args)
        spent = (time.perf_counter() - wall, time.process_time() - cpu)
        steps.setdefault(step, []).append(spent)
        return value

    stored = None
    for _ in range(RUNS + 1):  # the first run warms up and is dropped
        gc.collect()
        timed("python-calamine read (the reference)", _calamine_read, path)
        db = open_database(folder / f"p{next(count)}.sqlite", create=True)
        gc.disable()  # as the import does
        book = timed("open the file, find the sheet and header", xl.open_book, path)
        name, layout = timed("open the file, find the sheet and header", imp._layout, book, None)
        sheet = timed("cells to Python lists", book.sheet, name)
        reader = xl.RowReader(layout, layout.detected(), TODAY)
        chunks = timed("read the rows (cells to values)", list, reader.column_chunks(sheet.rows))
        register = imp._register(db, layout.detected())
        choices = ChoiceFields()
        checker = Checker(register, reader.header, TODAY, choices)

        def check(chunks=chunks, register=register, choices=choices, checker=checker):
            new, records = import_fast.split(chunks, register, choices, TODAY)
            return new, checker.check(records)

        new, outcomes = timed("check the rows (rules, duplicates, matching)", check)

        def write(db=db, outcomes=outcomes, new=new):
            with db.atomic():
                for _progress in import_write.write(db, outcomes, "bench", "nhập: x", TODAY, new):
                    pass

        timed("write: prepare rows + SQLite + commit", write)
        gc.enable()
        stored = stored or _stored_rows(db)
        db.close()
        db = open_database(folder / f"p{next(count)}.sqlite", create=True)
        timed("  of which SQLite + commit alone", _write_stored, db, *stored)
        db.close()
    print(f"{rows} rows, median of {RUNS} runs")
    print(f"{'step':48}  {'wall':>8}  {'CPU':>8}")
    for step, values in steps.items():
        per_run = len(values) // (RUNS + 1)
        sums = [
            tuple(map(sum, zip(*values[i * per_run : (i + 1) * per_run], strict=True)))
            for i in range(1, RUNS + 1)
        ]
        wall = statistics.median(s[0] for s in sums)
        cpu = statistics.median(s[1] for s in sums)
        print(f"{step:48}  {wall * 1000:6.0f} ms  {cpu * 1000:6.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
