"""The program's own icons: the left navigation's and the members toolbar's.

They are PNGs rendered from resources/icons/{nav,actions}/*.svg by scripts/render_icons.py:
reading PNG needs no image plugin, whereas SVG would load Qt's SVG module at every start-up.
Qt reads the ``@2x`` files beside them on high-DPI screens only.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from ..paths import resource_path


def nav_icon(name: str) -> QIcon:
    """The icon in dark red, white on the selected (red) row."""
    folder = resource_path("icons", "nav")
    icon = QIcon()
    icon.addFile(str(folder / f"{name}.png"), QSize(), QIcon.Mode.Normal)
    icon.addFile(str(folder / f"{name}-selected.png"), QSize(), QIcon.Mode.Selected)
    return icon


def action_icon(name: str) -> QIcon:
    """A toolbar action's icon in dark red; Qt derives the grey of a disabled action."""
    return QIcon(str(resource_path("icons", "actions", f"{name}.png")))
