"""At 1024×600, the smallest screen a cell office still has, the minutes' general tab and the
campaign overview show their whole width: no sideways scrolling, in either language."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import settle_layout, shown_page, wait_idle
from .test_no_clipped_words import SIZES, _window

SMALL = SIZES["1024x600"]


def _shot(widget, name: str) -> None:
    folder = os.environ.get("CHIBO_SCREENSHOTS")
    if folder:
        widget.window().grab().save(str(Path(folder) / f"{name}.png"))


def _fits(area) -> None:
    """Nothing to scroll sideways: the content is no wider than the area shows."""
    need = area.widget().minimumSizeHint().width()
    room = area.viewport().width()
    assert need <= room, f"needs {need} px, has {room} px"
    assert area.horizontalScrollBar().maximum() == 0
    assert not area.horizontalScrollBar().isVisible()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_minutes_general_tab_fits_1024(qtbot, tasks, demo_path, language):
    window = _window(qtbot, tasks, demo_path, language, SMALL)
    page = shown_page(window, "meetings")
    page.view.selectRow(0)
    wait_idle(qtbot, tasks)
    page.editor.tabs.setCurrentWidget(page.editor.general)
    settle_layout()
    _shot(page, f"{language}_1024x600_minutes_general")
    _fits(page.editor.general)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_campaign_overview_fits_1024(qtbot, tasks, demo_path, language):
    window = _window(qtbot, tasks, demo_path, language, SMALL)
    page = shown_page(window, "campaign")
    qtbot.waitUntil(lambda: page.state is not None)
    page.tabs.setCurrentWidget(page.overview)
    wait_idle(qtbot, tasks)
    settle_layout()
    _shot(page, f"{language}_1024x600_campaign_overview")
    _fits(page.overview)
