"""Every page at 1366×768 with 125 % scaling (1093×614 in Qt's units) and at 1024×600, in
Vietnamese and in English: no label, button, box or column header is cut. Pictures are written to
CHIBO_SCREENSHOTS (a folder) when it is set, for a person to look at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from chibo_desktop import i18n
from chibo_desktop.config import UserConfig
from chibo_desktop.gui.main_window import MainWindow

from .clipping import clipped
from .conftest import shown_page, wait_idle

SIZES = {"1366x768@125%": (round(1366 / 1.25), round(768 / 1.25)), "1024x600": (1024, 600)}
SIZE = SIZES["1366x768@125%"]


def _window(qtbot, tasks, path, language: str, size=SIZE) -> MainWindow:
    """The main window on ``path``, at an office laptop's size, in ``language``."""
    i18n.set_language(language)
    window = MainWindow(tasks, UserConfig())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        window.open_file(path)
    window.resize(*size)
    window.show()
    wait_idle(qtbot, tasks)
    assert (window.width(), window.height()) == size  # no page forces a larger window
    return window


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_page_cuts_a_word(qtbot, tasks, demo_path, language, size):
    window = _window(qtbot, tasks, demo_path, language, SIZES[size])
    folder = os.environ.get("CHIBO_SCREENSHOTS")
    problems = {}
    for key in window.page_keys():
        shown_page(window, key)
        qtbot.wait(50)
        wait_idle(qtbot, tasks)
        if folder:
            window.grab().save(str(Path(folder) / f"{language}_{size}_{key}.png"))
        assert window.width() == SIZES[size][0], key  # the page fits, the window stays
        found = clipped(window.pages[key])
        if found:
            problems[key] = found
    assert problems == {}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_busiest_dialogs_cut_no_word(qtbot, tasks, demo_path, language):
    """The member form, a meeting's minutes and the assessment of the year, at the same size."""
    window = _window(qtbot, tasks, demo_path, language)
    problems = {}
    members = shown_page(window, "members")
    members.table.selectRow(0)
    members.edit_action.trigger()
    qtbot.waitUntil(lambda: members.form is not None and members.form.isEnabled())
    members.form.resize(*SIZE)
    qtbot.wait(50)
    problems["member form"] = clipped(members.form)
    members.form.close()
    meetings = shown_page(window, "meetings")
    meetings.view.selectRow(0)
    wait_idle(qtbot, tasks)
    qtbot.wait(50)
    problems["minutes"] = clipped(meetings.editor)
    reports = shown_page(window, "reports")
    dialog = reports.open_assessment(2025)
    wait_idle(qtbot, tasks)
    dialog.resize(*SIZE)
    qtbot.wait(50)
    problems["assessment"] = clipped(dialog)
    dialog.close()
    assert {k: v for k, v in problems.items() if v} == {}
