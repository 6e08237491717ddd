"""PySide6 6.12.0 aborts after a few thousand QTableWidget.setItem calls on Python 3.11
(none_dealloc refcount bug); the pin in pyproject.toml keeps us off it."""

import subprocess
import sys

SCRIPT = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem
app = QApplication([])
table = QTableWidget(100, 100)
for i in range(10_000):
    table.setItem(i // 100, i % 100, QTableWidgetItem(str(i)))
print("ok")
"""


def test_ten_thousand_set_item_calls_exit_cleanly():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


def test_installed_pyside_is_inside_the_pin():
    import PySide6

    major, minor, patch = (int(x) for x in PySide6.__version__.split(".")[:3])
    assert (6, 11, 3) <= (major, minor, patch) < (6, 12, 0)
