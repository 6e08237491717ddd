"""Start-up: `chibo-desktop --smoke` on a 5,000-member demo cell against a bare PySide6
process that shows an empty QMainWindow, both timed as whole processes, in turns.

``--smoke`` shows the window, waits until the first page (the home page: the cell at a
glance and the reminders, derived from every member's status history) has its data on
screen, paints and exits, so the figure is what a secretary waits from double-click to a
usable first screen. Other pages are built and loaded when first shown. The same start
on an empty cell separates the fixed cost (imports, window) from the cost of the data. A
last row checks that the heavy libraries (openpyxl, reportlab, python-calamine) stay
unimported. Both programs run with their bytecode compiled, as installed (see
``installed_env``).

A third process, for information, is the floor the product's stack sets: the bare window
after importing sqlite-utils and opening the same file through it (one query, no check,
no lock, nothing shown from it). No start-up of this program can be faster.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from . import data
from .common import result, run_process, scratch_dir, subprocess_env

MEMBERS = 5_000
QUICK_MEMBERS = 500
RUNS, QUICK_RUNS = 11, 5
MAX_RATIO = 1.5
HEAVY = ("openpyxl", "reportlab", "python_calamine")

# What the program does for --smoke, minus the program: create the application, show a
# main window of the same size, let it paint once, quit.
BARE = """\
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 760)
window.show()

def finish():
    app.processEvents()
    window.repaint()
    window.close()
    app.quit()

QTimer.singleShot(0, finish)
app.exec()
"""

# The bare window plus what every start needs before a row can be shown: sqlite-utils
# imported and the file opened through it, as the program opens it (no plugins).
FLOOR = BARE.replace(
    "import sys\n",
    "import sys\n"
    "import sqlite_utils\n"
    "db = sqlite_utils.Database(sys.argv[1], execute_plugins=False)\n"
    'db.execute("SELECT count(*) FROM members").fetchone()\n',
    1,
)

# The program's own entry, then the names of every module it imported on the way.
WITH_MODULES = """\
import sys
from chibo_desktop.gui.app import main
code = main(sys.argv[2:])
with open(sys.argv[1], "w", encoding="utf-8") as fh:
    fh.write("\\n".join(sorted(sys.modules)))
sys.exit(code)
"""


def app_command(db: Path) -> list[str]:
    """The installed `chibo-desktop` launcher when there is one, else the same entry."""
    launcher = Path(sys.executable).with_name("chibo-desktop")
    if launcher.is_file():
        return [str(launcher), "--smoke", "--db", str(db)]
    entry = "import sys; from chibo_desktop.gui.app import main; sys.exit(main())"
    return [sys.executable, "-c", entry, "--smoke", "--db", str(db)]


def installed_env(home: Path) -> dict[str, str]:
    """Python's compiled bytecode kept, as in an installed program (installers compile
    it; a development shell may set PYTHONDONTWRITEBYTECODE, which would make every
    start compile the program's ~200 modules again, ≈ 30 ms). It goes to a private
    folder, written by the untimed first round; the bare script runs the same way."""
    env = subprocess_env(home)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "bytecode")
    return env


def startup_modules(db: Path, env: dict[str, str], out: Path) -> list[str]:
    run_process([sys.executable, "-c", WITH_MODULES, str(out), "--smoke", "--db", str(db)], env=env)
    return out.read_text("utf-8").split()


def empty_cell(path: Path) -> Path:
    from chibo_desktop.services.cell.identity import CellInfo, save_cell
    from chibo_desktop.storage.database import open_database

    db = open_database(path, create=True)
    try:
        save_cell(db, CellInfo("Chi bộ Khu phố 3", "Đảng bộ phường Hàng Bạc", "Hà Nội"))
    finally:
        db.close()
    return path


def run(quick: bool) -> list[dict]:
    members = QUICK_MEMBERS if quick else MEMBERS
    runs = QUICK_RUNS if quick else RUNS
    with scratch_dir() as home:
        env = installed_env(home)
        db = data.database(home / "cell.sqlite", members=members, demo=True)
        bare, floor = home / "bare_window.py", home / "floor_window.py"
        bare.write_text(BARE, "utf-8")
        floor.write_text(FLOOR, "utf-8")
        commands = {
            "app": app_command(db),
            "empty": app_command(empty_cell(home / "empty.sqlite")),
            "bare": [sys.executable, str(bare)],
            "floor": [sys.executable, str(floor), str(db)],
        }
        times: dict[str, list[float]] = {key: [] for key in commands}
        for index in range(runs + 1):  # the first round warms the disk cache, untimed
            for key, argv in commands.items():
                elapsed = run_process(argv, env=env)
                if index:
                    times[key].append(elapsed)
        modules = startup_modules(db, env, home / "modules.txt")
    if "chibo_desktop.gui.main_window" not in modules:
        raise RuntimeError("the start-up module list does not come from the program")
    app_s, empty_s, bare_s, floor_s = (
        statistics.median(times[k]) for k in ("app", "empty", "bare", "floor")
    )
    heavy = sorted({m.split(".")[0] for m in modules} & set(HEAVY))
    return [
        result(
            f"start-up --smoke, {members:,} members",
            app_s,
            reference="bare PySide6 QMainWindow process",
            reference_s=bare_s,
            target=f"≤ {MAX_RATIO}×",
            max_ratio=MAX_RATIO,
        ),
        result(
            "start-up --smoke, empty cell (fixed cost)",
            empty_s,
            reference="bare PySide6 QMainWindow process",
            reference_s=bare_s,
            target=f"≤ {MAX_RATIO}×",
            max_ratio=MAX_RATIO,
        ),
        result(
            "floor: bare window + sqlite-utils imported, the file opened",
            floor_s,
            reference="bare PySide6 QMainWindow process",
            reference_s=bare_s,
            target="information",
            passed=True,
        ),
        result(
            "start-up imports no openpyxl/reportlab/calamine",
            app_s,
            reference="imported: " + (", ".join(heavy) if heavy else "none of them"),
            target="none imported",
            passed=not heavy,
        ),
    ]
