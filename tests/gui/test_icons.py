"""The navigation's and the members toolbar's icons come from our own files, in both sizes
(and both colours for the navigation), and the committed PNGs are what the SVG sources
draw."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage

from chibo_desktop.config import UserConfig
from chibo_desktop.gui.main_window import MainWindow
from chibo_desktop.gui.views.pages import PAGES
from chibo_desktop.paths import resource_path

from .conftest import shown_page

ICONS = resource_path("icons")
SCRIPTS = Path(__file__).parents[2] / "scripts"
SOURCES = sorted(ICONS.glob("nav/*.svg")) + sorted(ICONS.glob("actions/*.svg"))
# Rasterisers round alpha differently from one CPU to another: a few units in one channel
# are invisible, while another icon (or Qt's standard one) differs by far more.
TOLERANCE = 8
TOOLBAR = {
    "add_action": "member-add",
    "edit_action": "edit",
    "status_action": "status-change",
    "delete_action": "delete",
    "undo_action": "undo",
    "excel_action": "export-excel",
    "pdf_action": "export-pdf",
    "import_action": "import-excel",
}


def test_every_navigation_entry_has_its_own_icon(qtbot, tasks):
    window = MainWindow(tasks, UserConfig())
    qtbot.addWidget(window)
    assert window.nav.count() == len(PAGES)
    for row, info in enumerate(PAGES):
        icon = window.nav.item(row).icon()
        assert not icon.isNull(), info.key
        ours = QImage(str(ICONS / "nav" / f"{info.icon}.png"))
        assert _largest_difference(icon.pixmap(QSize(24, 24), 1.0).toImage(), ours) <= TOLERANCE
        selected = icon.pixmap(QSize(24, 24), 1.0, QIcon.Mode.Selected).toImage()
        assert _largest_difference(selected, ours) > 100, info.key  # white, not the dark one


def test_every_toolbar_action_has_its_own_icon(open_window, demo_path):
    page = shown_page(open_window(demo_path), "members")
    page.table.clearSelection()
    assert not page.edit_action.isEnabled()  # so that the disabled look is checked too
    for attribute, name in TOOLBAR.items():
        action = getattr(page, attribute)
        icon = action.icon()
        assert not icon.isNull(), attribute
        ours = QImage(str(ICONS / "actions" / f"{name}.png"))
        assert _largest_difference(icon.pixmap(QSize(24, 24), 1.0).toImage(), ours) <= TOLERANCE
        if not action.isEnabled():
            # Qt derives it from the dark red: it must come out grey, not red.
            disabled = _argb(icon.pixmap(QSize(24, 24), 1.0, QIcon.Mode.Disabled).toImage())
            assert max(_saturations(disabled)) < 40, attribute


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_icon_files_are_the_rendered_svg(qapp, source):
    sys.path.insert(0, str(SCRIPTS))
    try:
        import render_icons
    finally:
        sys.path.remove(str(SCRIPTS))
    expected = render_icons.expected_files(source.parent.name, source.read_text(encoding="utf-8"))
    assert "" in expected and "@2x" in expected
    for suffix, image in expected.items():
        png = QImage(str(source.with_name(f"{source.stem}{suffix}.png")))
        assert png.size() == image.size(), suffix
        difference = _largest_difference(png, image)
        assert difference <= TOLERANCE, f"{suffix}: run scripts/render_icons.py"


def test_every_icon_named_in_the_program_has_a_source():
    named = [ICONS / "nav" / f"{info.icon}.svg" for info in PAGES]
    named += [ICONS / "actions" / f"{name}.svg" for name in TOOLBAR.values()]
    assert sorted(named) == sorted(SOURCES)


def _argb(image: QImage) -> QImage:
    assert not image.isNull()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def _saturations(image: QImage) -> list[int]:
    """HSV saturation (0–255) of every pixel that is not almost transparent."""
    return [
        QColor(image.pixel(x, y)).hsvSaturation()
        for y in range(image.height())
        for x in range(image.width())
        if QColor.fromRgba(image.pixel(x, y)).alpha() > 64
    ]


def _largest_difference(a: QImage, b: QImage) -> int:
    """The largest difference of one channel of one pixel (premultiplied, 0–255)."""
    assert not a.isNull() and not b.isNull()
    assert a.size() == b.size()
    a = a.convertToFormat(QImage.Format.Format_RGBA8888_Premultiplied)
    b = b.convertToFormat(QImage.Format.Format_RGBA8888_Premultiplied)
    return max(
        abs(x - y) for x, y in zip(a.constBits().tobytes(), b.constBits().tobytes(), strict=True)
    )
