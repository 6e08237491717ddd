"""One section of the Settings page: its heading, then what the section adds below."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..widgets.paragraph import paragraph


class SettingsSection(QWidget):
    def __init__(self, tasks, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        title = QLabel(heading)
        title.setObjectName("sectionHeading")
        self.body.addWidget(title)

    def add_text(self, text: str = "") -> QLabel:
        """A paragraph under the heading, wrapped to the page's width."""
        label = paragraph(text)
        self.body.addWidget(label)
        return label
