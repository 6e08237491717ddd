"""What every page of the main window has in common."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...services.contract.results import Changes
from ..tasks import Tasks


class Page(QWidget):
    """A page of the left navigation. Subclasses take ``key``, ``title`` and ``icon`` from
    their entry in ``views.pages`` (``key, title, icon = described("home")``): the
    navigation is drawn from that list, and the page's module is imported and the page
    built the first time it is shown."""

    key = ""
    title = ""
    icon = ""  # base name of the icon's files (see `gui.icons`)

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks

    def load(self) -> None:
        """Fetch what the page shows: called when the page is shown for the first time
        with a file open (again after another file has been opened)."""

    def on_changed(self, changes: Changes) -> None:
        """Called after any write once the page has loaded; reload only if what this page
        shows was touched."""

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
