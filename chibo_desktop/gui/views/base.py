"""What every page of the main window has in common."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...services.common import Changes
from ..tasks import Tasks


class Page(QWidget):
    """A page of the left navigation. Subclasses set ``key`` and ``title``."""

    key = ""
    title = ""
    icon = None  # a QStyle.StandardPixmap

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks

    def load(self) -> None:
        """Called when a database has been opened: fetch what the page shows."""

    def on_changed(self, changes: Changes) -> None:
        """Called after any write; reload only if what this page shows was touched."""

    def maybe_leave(self) -> bool:
        """Return False to stay on the page (unsaved edits the user wants to keep)."""
        return True


def page_heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageHeading")
    return label


def simple_layout(widget: QWidget, heading: str) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(16, 12, 16, 12)
    layout.addWidget(page_heading(heading))
    return layout
