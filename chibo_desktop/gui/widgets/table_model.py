"""A table over a list of rows with translated column titles.

Subclasses name their columns in ``HEADERS`` (marked with ``N_``; or override ``headers``
when the columns vary) and say how a cell shows in ``data``. ``set_rows`` replaces the
rows; ``rows_changed`` lets a subclass derive what it needs from them inside the reset.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ...i18n import _

DISPLAY = Qt.ItemDataRole.DisplayRole
_ROOT = QModelIndex()


class RowsModel(QAbstractTableModel):
    HEADERS: Sequence[str] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows: Iterable) -> None:
        """Show ``rows``; a list is kept as it is, not copied (editable models write into
        the list their owner holds)."""
        self.beginResetModel()
        self.rows = rows if isinstance(rows, list) else list(rows)
        self.rows_changed()
        self.endResetModel()

    def rows_changed(self) -> None:
        """Called inside the reset, after ``rows`` is replaced."""

    def headers(self) -> Sequence[str]:
        """The column titles as shown (translated)."""
        return [_(title) for title in self.HEADERS]

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section, orientation, role=DISPLAY):
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            titles = self.headers()
            return titles[section] if 0 <= section < len(titles) else None
        return None
