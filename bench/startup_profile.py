"""Where start-up time goes: a timeline of one `chibo-desktop --smoke` in this process.

    QT_QPA_PLATFORM=offscreen python -m bench.startup_profile [--members 5000] [--db FILE]
        [--page members]

Runs the program's own entry (``gui.app.main``) in the order it imports things, and
prints when the services of the first screen, PySide6 and the main window were loaded,
when the window was built and shown, every job the database worker ran (when it ended
and how long it took), and how many modules were imported after PySide6 (PySide6 reads
the source of each of those, looking for ``from __feature__``). Without ``--db`` it uses
the benchmark's demo cell. A diagnosis aid for docs/PERFORMANCE.md, not a benchmark.
"""

from __future__ import annotations

import argparse
import importlib.abc
import sys
import time
from pathlib import Path

marks: list[tuple[float, str]] = []
_start = time.perf_counter()
_at_qt: set[str] = set()


def mark(what: str) -> None:
    marks.append((time.perf_counter() - _start, what))


def _patch_tasks(module) -> None:
    submit = module.Tasks.run

    def timed_run(worker, fn, *a, **k):
        name = getattr(fn, "__qualname__", repr(fn))

        def timed(*args, **kwargs):  # runs on the database thread
            began = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                mark(f"worker job {name}: {(time.perf_counter() - began) * 1000:.1f} ms")

        return submit(worker, timed, *a, **k)

    module.Tasks.run = timed_run


def _patch_window(module) -> None:
    mark("main window and page classes imported")
    cls = module.MainWindow
    init, show = cls.__init__, cls.show

    def timed_init(window, *a, **k):
        mark("main window: building")
        init(window, *a, **k)
        mark("main window: built")

    def timed_show(window):
        show(window)
        mark("main window: shown")

    cls.__init__, cls.show = timed_init, timed_show


AFTER_IMPORT = {
    "PySide6.QtWidgets": lambda m: (mark("PySide6 imported"), _at_qt.update(sys.modules)),
    "chibo_desktop.gui.tasks": _patch_tasks,
    "chibo_desktop.gui.look": lambda m: mark("application set up, importing the window"),
    "chibo_desktop.gui.main_window": _patch_window,
}


class _Watch(importlib.abc.MetaPathFinder):
    """Calls AFTER_IMPORT[name](module) once the module named has been executed."""

    def find_spec(self, name, path, target=None):
        if name not in AFTER_IMPORT:
            return None
        for finder in sys.meta_path:
            if finder is self:
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                loader = spec.loader
                run = loader.exec_module

                def exec_module(module, run=run, name=name):
                    run(module)
                    AFTER_IMPORT[name](module)

                loader.exec_module = exec_module
                return spec
        return None


def main(argv: list[str] | None = None) -> int:
    global _start
    parser = argparse.ArgumentParser(prog="python -m bench.startup_profile")
    parser.add_argument("--db", help="cell file to open (default: generated demo cell)")
    parser.add_argument("--members", type=int, default=5_000)
    parser.add_argument("--page", default=None, help="first page (as chibo-desktop --page)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list late imports")
    args = parser.parse_args(argv)
    if "PySide6" in sys.modules or "chibo_desktop.gui.app" in sys.modules:
        raise SystemExit("run this in a fresh process")

    from .common import scratch_dir

    with scratch_dir() as home:
        if args.db:
            db = Path(args.db)
        else:
            from . import data

            db = data.database(home / "cell.sqlite", members=args.members, demo=True)
        before = set(sys.modules)
        sys.meta_path.insert(0, _Watch())
        _start = time.perf_counter()
        from chibo_desktop.gui import app

        preload = app.preload

        def timed_preload(page):
            mark("entry imported")
            preload(page)
            mark("opening and first-page services imported")

        app.preload = timed_preload
        argv = ["--smoke", "--db", str(db)] + (["--page", args.page] if args.page else [])
        code = app.main(argv)
        mark(f"first page's data painted, window closed (exit status {code})")
    for at, what in marks:
        print(f"{at * 1000:8.1f} ms  {what}")
    new = set(sys.modules) - before
    late = set(sys.modules) - _at_qt if _at_qt else set()
    print(f"{len(new)} modules imported, {len(late)} of them after PySide6")
    if args.verbose:
        print("after PySide6:", " ".join(sorted(late)))
    return code


if __name__ == "__main__":
    sys.exit(main())
