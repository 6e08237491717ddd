"""GUI fixtures: a main window on a real database, driven through the real worker."""

from __future__ import annotations

import faulthandler

import pytest
from PySide6.QtCore import QCoreApplication

from chibo_desktop.config import UserConfig
from chibo_desktop.gui.main_window import MainWindow
from chibo_desktop.gui.tasks import Tasks

# Longer than pytest-timeout's limit, which acts first when it can.
DEADLOCK_LIMIT_S = 240


@pytest.fixture(autouse=True)
def _deadlock_watchdog():
    """pytest-timeout needs the GIL to act, so a thread deadlocked while holding it (Qt
    and PySide locking against each other) would block the run for ever. faulthandler's
    watchdog is C code: it prints every thread's stack and ends the process."""
    faulthandler.dump_traceback_later(DEADLOCK_LIMIT_S, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture
def tasks(qapp):
    worker = Tasks()
    yield worker
    worker.shutdown()


def settle_layout() -> None:
    """Run the layout and paint requests Qt has posted, now: what a fixed wait would leave
    to the machine's speed."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()


def wait_idle(qtbot, tasks: Tasks, timeout: int = 10_000) -> None:
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=timeout)


def shown_page(window: MainWindow, key: str, timeout: int = 10_000):
    """Show a page and wait until it has its data (pages load when first shown)."""
    import time

    from PySide6.QtTest import QTest

    window.show_page(key)
    deadline = time.monotonic() + timeout / 1000
    while window.tasks.pending and time.monotonic() < deadline:
        QTest.qWait(5)
    assert window.tasks.pending == 0, "the page did not finish loading"
    return window.pages[key]


@pytest.fixture
def open_window(qtbot, tasks):
    """Call with a path: returns the main window once the file is open and pages loaded."""

    def make(path) -> MainWindow:
        window = MainWindow(tasks, UserConfig())
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.database_opened, timeout=10_000):
            window.open_file(path)
        window.show()
        wait_idle(qtbot, tasks)
        return window

    return make


def type_text(widget, text: str) -> None:
    """Type text into a widget key by key, Vietnamese included.

    QTest.keyClicks only knows ASCII (it asserts on 'ả'); a key event carrying the text
    is what an input method delivers, so send those.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )
