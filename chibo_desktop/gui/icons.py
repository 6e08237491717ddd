"""The left navigation's icons, drawn for this program.

They are PNGs rendered from resources/icons/nav/*.svg by scripts/render_icons.py: reading
PNG needs no image plugin, whereas SVG would load Qt's SVG module at every start-up.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from ..paths import resource_path


def nav_icon(name: str) -> QIcon:
    """The icon in dark red, white on the selected (red) row. Qt reads the ``@2x`` files
    beside them on high-DPI screens only."""
    folder = resource_path("icons", "nav")
    icon = QIcon()
    icon.addFile(str(folder / f"{name}.png"), QSize(), QIcon.Mode.Normal)
    icon.addFile(str(folder / f"{name}-selected.png"), QSize(), QIcon.Mode.Selected)
    return icon
