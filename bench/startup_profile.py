"""Where start-up time goes: a timeline of one `chibo-desktop --smoke` in this process.

    QT_QPA_PLATFORM=offscreen python -m bench.startup_profile [--members 5000] [--db FILE]

Prints, from the moment PySide6 starts loading, when the imports and the window were done,
every job the database worker ran (when it ended and how long it took) and how many modules
were imported after PySide6 (PySide6 reads the source of each of those, looking for
``from __feature__``). Without ``--db`` it uses the benchmark's demo cell. A diagnosis
aid for docs/PERFORMANCE.md, not a benchmark.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.startup_profile")
    parser.add_argument("--db", help="cell file to open (default: generated demo cell)")
    parser.add_argument("--members", type=int, default=5_000)
    args = parser.parse_args(argv)
    marks: list[tuple[float, str]] = []
    start = time.perf_counter()

    def mark(what: str) -> None:
        marks.append((time.perf_counter() - start, what))

    from .common import scratch_dir

    with scratch_dir() as home:
        if args.db:
            db = Path(args.db)
        else:
            from . import data

            db = data.database(home / "cell.sqlite", members=args.members, demo=True)
        before_qt = set(sys.modules)
        start = time.perf_counter()
        import PySide6.QtWidgets  # noqa: F401

        mark("PySide6 imported")
        after_qt = set(sys.modules)
        from chibo_desktop.gui import app, main_window, tasks

        mark("program modules imported")

        submit = tasks.Tasks.run

        def timed_run(worker, fn, *a, **k):
            name = getattr(fn, "__qualname__", repr(fn))

            def timed(*args, **kwargs):  # runs on the database thread
                began = time.perf_counter()
                try:
                    return fn(*args, **kwargs)
                finally:
                    mark(f"worker job {name}: {(time.perf_counter() - began) * 1000:.1f} ms")

            return submit(worker, timed, *a, **k)

        tasks.Tasks.run = timed_run
        init = main_window.MainWindow.__init__

        def timed_init(window, *a, **k):
            mark("main window: building")
            init(window, *a, **k)
            mark("main window: built")

        main_window.MainWindow.__init__ = timed_init
        code = app.main(["--smoke", "--db", str(db)])
        mark(f"window closed (exit status {code})")
    late = [m for m in set(sys.modules) - after_qt if m not in before_qt]
    for at, what in marks:
        print(f"{at * 1000:8.1f} ms  {what}")
    print(f"{len(late)} modules imported after PySide6")
    return code


if __name__ == "__main__":
    sys.exit(main())
