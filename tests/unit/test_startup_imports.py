"""Start-up stays light: the window opens a cell without loading the Excel and PDF
libraries, which only exports and imports need (they cost a noticeable part of a second)."""

import os
import subprocess
import sys

HEAVY = {"openpyxl", "reportlab", "docx", "python_calamine"}

# Run the real GUI entry with --smoke, then list every module the process imported (and,
# on Linux, every shared library it loaded, as "lib:NAME").
PROGRAM = """\
import sys
from chibo_desktop.gui.app import main
code = main(sys.argv[2:])
import gc
assert gc.isenabled(), "the collector is left paused"
import os
names = set(sys.modules)
if os.path.exists("/proc/self/maps"):  # Linux: the shared libraries loaded, Qt's plugins too
    with open("/proc/self/maps", encoding="utf-8") as maps:
        names |= {"lib:" + line.split()[-1].rsplit("/", 1)[-1] for line in maps if ".so" in line}
with open(sys.argv[1], "w", encoding="utf-8") as fh:
    fh.write("\\n".join(sorted(names)))
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
    assert "chibo_desktop.services.demo.build" not in modules
    # The navigation's icons are PNGs: no SVG module, neither PySide's nor Qt's plugin.
    assert not {m for m in modules if "svg" in m.lower()}


def test_smoke_start_imports_only_the_first_page(demo_path, tmp_path):
    """The navigation is drawn from `views.pages`: the other pages' modules, with their
    services and dialogs, load when first shown; babel's locale data is not needed to
    show the home page in Vietnamese."""
    modules = startup_modules(demo_path, tmp_path)
    assert {"chibo_desktop.gui.views.home", "chibo_desktop.services.reminders.collect"} <= modules
    later = {
        "chibo_desktop.gui.views.members",
        "chibo_desktop.gui.views.meetings",
        "chibo_desktop.gui.views.campaign",
        "chibo_desktop.gui.views.reports",
        "chibo_desktop.gui.views.settings",
        "chibo_desktop.services.campaigns.campaign",
        "chibo_desktop.services.reports.catalog",
        "chibo_desktop.services.meetings.minutes",
        "chibo_desktop.services.assessments.year_end",
        "chibo_desktop.gui.dialogs",
        # Record types of campaigns and assessments: dozens of dataclasses, slow to create.
        "chibo_desktop.domain.campaign",
        "chibo_desktop.domain.assessment",
    }
    assert modules & later == set()
    assert {m.split(".")[0] for m in modules} & {"babel"} == set()
    # Reading backup names needs no strptime, the lock's host name no socket module, a
    # file that is not encrypted no SQLCipher driver.
    assert {"_strptime", "socket", "sqlcipher3"} & modules == set()


SEASON = """\
import datetime as dt
import sys
from chibo_desktop.services.reminders.collect import reminders
from chibo_desktop.storage.database import open_database
found = reminders(open_database(sys.argv[1]), dt.date(2026, 12, 20))
print(" ".join(r.kind for r in found))
print(" ".join(sorted(sys.modules)))
"""


def test_home_page_reminders_in_the_assessment_season_stay_light(demo_path):
    """From December to March the home page also reminds of the year's assessment; it
    needs who is due, not the assessment and member services (and their rules)."""
    done = subprocess.run(
        [sys.executable, "-c", SEASON, str(demo_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    kinds, modules = (line.split() for line in done.stdout.splitlines())
    assert "assessment" in kinds
    heavy = {
        "chibo_desktop.services.assessments.year_end",
        "chibo_desktop.services.members.register",
        "chibo_desktop.domain.assessment",
        "_strptime",
    }
    assert heavy & set(modules) == set()
