"""The reminders of the home page as a list model."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY = Qt.ItemDataRole.DisplayRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
# Laying out the list asks every row for ~18 roles; most are answered "nothing" at once.
_ANSWERED = {int(r.value) for r in (_DISPLAY, _DECORATION, _FOREGROUND, _TOOLTIP)} | {
    int(KIND_ROLE)
}


class RemindersModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list = []
        style = QApplication.style()
        self._icons = {
            "overdue": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            "soon": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        }
        self._overdue = QBrush(QColor("#8a1c14"))

    def set_items(self, items: list) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        if role not in _ANSWERED or not index.isValid():
            return None
        item = self.items[index.row()]
        if role == _DISPLAY:
            return item.text
        if role == _DECORATION:
            return self._icons.get(item.urgency)
        if role == _FOREGROUND:
            return self._overdue if item.urgency == "overdue" else None
        if role == _TOOLTIP:
            return item.text
        return item.kind  # KIND_ROLE

    def reminder(self, row: int):
        return self.items[row]
