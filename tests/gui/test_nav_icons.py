"""The navigation's icons come from our own files, in both sizes and both colours, and the
committed PNGs are what the SVG sources draw."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QImage

from chibo_desktop.config import UserConfig
from chibo_desktop.gui.main_window import MainWindow
from chibo_desktop.gui.views.pages import PAGES
from chibo_desktop.paths import resource_path

NAV = resource_path("icons", "nav")
SCRIPTS = Path(__file__).parents[2] / "scripts"
FILES = {"": 24, "@2x": 48, "-selected": 24, "-selected@2x": 48}


def test_every_navigation_entry_has_its_own_icon(qtbot, tasks):
    window = MainWindow(tasks, UserConfig())
    qtbot.addWidget(window)
    assert window.nav.count() == len(PAGES)
    for row, info in enumerate(PAGES):
        icon = window.nav.item(row).icon()
        assert not icon.isNull(), info.key
        drawn = icon.pixmap(QSize(24, 24)).toImage().convertToFormat(QImage.Format.Format_ARGB32)
        assert not drawn.isNull(), info.key
        ours = QImage(str(NAV / f"{info.icon}.png")).convertToFormat(QImage.Format.Format_ARGB32)
        assert drawn == ours, info.key
        selected = icon.pixmap(QSize(24, 24), QIcon.Mode.Selected).toImage()
        assert selected.convertToFormat(QImage.Format.Format_ARGB32) != ours, info.key


@pytest.mark.parametrize("info", PAGES, ids=lambda info: info.key)
def test_icon_files_are_the_rendered_svg(qapp, info):
    sys.path.insert(0, str(SCRIPTS))
    try:
        import render_icons
    finally:
        sys.path.remove(str(SCRIPTS))
    svg = (NAV / f"{info.icon}.svg").read_text(encoding="utf-8")
    for suffix, side in FILES.items():
        png = QImage(str(NAV / f"{info.icon}{suffix}.png"))
        assert png.size() == QSize(side, side), suffix
        text = (
            svg.replace(render_icons.INK, render_icons.SELECTED_INK)
            if "selected" in suffix
            else svg
        )
        expected = render_icons.render(text, side)
        assert _largest_difference(png, expected) <= 8, f"{suffix}: run scripts/render_icons.py"


def _largest_difference(a: QImage, b: QImage) -> int:
    a = a.convertToFormat(QImage.Format.Format_RGBA8888_Premultiplied)
    b = b.convertToFormat(QImage.Format.Format_RGBA8888_Premultiplied)
    return max(
        abs(x - y) for x, y in zip(a.constBits().tobytes(), b.constBits().tobytes(), strict=True)
    )
