"""A paragraph of explanation in a page or dialog: wrapped to the room it is given."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def paragraph(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label
