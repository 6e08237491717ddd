"""Render the navigation icons (resources/icons/nav/*.svg) to the PNGs the program loads.

The window reads PNGs so that start-up does not load Qt's SVG module. Each icon is written
at 24 px and at 48 px (``@2x``, picked by Qt on high-DPI screens), in the icons' dark red
and in white for the selected row, whose background is red:

    home.png  home@2x.png  home-selected.png  home-selected@2x.png

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

NAV = Path(__file__).resolve().parents[1] / "resources" / "icons" / "nav"
INK = "#8b1a1a"  # the one colour the SVGs are drawn in
SELECTED_INK = "#ffffff"
SIZES = {"": 24, "@2x": 48}


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


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    sources = sorted(NAV.glob("*.svg"))
    if not sources:
        raise SystemExit(f"No SVG files in {NAV}")
    for source in sources:
        svg = source.read_text(encoding="utf-8")
        variants = {"": svg, "-selected": svg.replace(INK, SELECTED_INK)}
        for variant, text in variants.items():
            for suffix, side in SIZES.items():
                out = NAV / f"{source.stem}{variant}{suffix}.png"
                # Quality 0 asks for the strongest PNG compression.
                if not render(text, side).save(str(out), "PNG", 0):
                    raise SystemExit(f"Could not write {out}")
                print(out.relative_to(NAV.parents[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
