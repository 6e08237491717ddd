"""Fonts and a light, office-like style sheet."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..paths import resource_path

STYLE = """
QListWidget#navigation { background: #f3f1ee; border: none; border-right: 1px solid #d9d4cc;
    font-size: 11pt; padding-top: 8px; outline: none; }
QListWidget#navigation::item { padding: 9px 10px; }
QListWidget#navigation::item:selected { background: #b3261e; color: white; }
QLabel#pageHeading { font-size: 16pt; font-weight: 600; color: #7a1712; padding: 4px 0 8px 0; }
QLabel#sectionHeading { font-size: 11pt; font-weight: 600; padding-top: 6px; }
QLabel.warning { color: #b3261e; }
"""


def apply_look(app: QApplication) -> None:
    for name in ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
    if sys.platform != "win32":
        # Offscreen and minimal Linux systems may lack a font with Vietnamese glyphs.
        app.setFont(QFont("Liberation Sans", 10))
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE)
