"""The reminders of the home page as a list model."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

KIND_ROLE = Qt.ItemDataRole.UserRole + 1


class RemindersModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list = []
        style = QApplication.style()
        self._icons = {
            "overdue": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            "soon": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        }

    def set_items(self, items: list) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.text
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons.get(item.urgency)
        if role == Qt.ItemDataRole.ForegroundRole and item.urgency == "overdue":
            return QBrush(QColor("#8a1c14"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.text
        if role == KIND_ROLE:
            return item.kind
        return None

    def reminder(self, row: int):
        return self.items[row]
