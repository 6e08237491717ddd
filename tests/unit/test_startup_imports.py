"""Start-up stays light: the window opens a cell without loading the Excel and PDF
libraries, which only exports and imports need (they cost a noticeable part of a second)."""

import os
import subprocess
import sys

HEAVY = {"openpyxl", "reportlab", "python_calamine"}

# Run the real GUI entry with --smoke, then list every module the process imported.
PROGRAM = """\
import sys
from chibo_desktop.gui.app import main
code = main(sys.argv[2:])
with open(sys.argv[1], "w", encoding="utf-8") as fh:
    fh.write("\\n".join(sorted(sys.modules)))
sys.exit(code)
"""


def startup_modules(db_path, tmp_path) -> set[str]:
    out = tmp_path / "modules.txt"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(out), "--smoke", "--db", str(db_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return set(out.read_text("utf-8").split())


def test_smoke_start_imports_no_heavy_library(demo_path, tmp_path):
    modules = startup_modules(demo_path, tmp_path)
    # The list really comes from a started window with its pages and its database.
    assert {"chibo_desktop.gui.main_window", "PySide6.QtWidgets", "sqlite3"} <= modules
    assert {m.split(".")[0] for m in modules} & HEAVY == set()
    # The demo generator (every feature's demo steps) is only for --demo.
    assert "chibo_desktop.services.demo" not in modules
