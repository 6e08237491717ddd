"""Render the program's icons (resources/icons/{nav,actions}/*.svg) to the PNGs it loads.

The window reads PNGs so that start-up does not load Qt's SVG module. Each icon is written
at 24 px and at 48 px (``@2x``, picked by Qt on high-DPI screens) in the icons' dark red.
The navigation's icons also get a white variant for the selected row, whose background is
red; the toolbar actions need none (Qt greys the dark red itself for a disabled action):

    nav/home.png  nav/home@2x.png  nav/home-selected.png  nav/home-selected@2x.png
    actions/edit.png  actions/edit@2x.png

Run it again after changing an SVG; the outputs are small and committed.

    python scripts/render_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
INK = "#8b1a1a"  # the one colour the SVGs are drawn in
SELECTED_INK = "#ffffff"
SIZES = {"": 24, "@2x": 48}
# Each folder's variants: the suffix of the file name and the colour that replaces INK.
VARIANTS = {
    "nav": {"": INK, "-selected": SELECTED_INK},
    "actions": {"": INK},
}


def render(svg: str, side: int) -> QImage:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        raise ValueError("not a valid SVG")
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def expected_files(folder: str, svg: str) -> dict[str, QImage]:
    """What the SVG text of an icon in that folder renders to, by file-name suffix."""
    return {
        f"{variant}{suffix}": render(svg.replace(INK, ink), side)
        for variant, ink in VARIANTS[folder].items()
        for suffix, side in SIZES.items()
    }


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for folder in VARIANTS:
        sources = sorted((ICONS / folder).glob("*.svg"))
        if not sources:
            raise SystemExit(f"No SVG files in {ICONS / folder}")
        for source in sources:
            svg = source.read_text(encoding="utf-8")
            for suffix, image in expected_files(folder, svg).items():
                out = source.with_name(f"{source.stem}{suffix}.png")
                # Quality 0 asks for the strongest PNG compression.
                if not image.save(str(out), "PNG", 0):
                    raise SystemExit(f"Could not write {out}")
                print(out.relative_to(ICONS.parents[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
