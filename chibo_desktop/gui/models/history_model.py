"""A member's status history as a read-only table (date, change, decision, note)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ...domain.status import StatusChange, ordered
from ...i18n import N_, _, format_date

HEADERS = (N_("Ngày"), N_("Biến động"), N_("Số quyết định"), N_("Ghi chú"))


class HistoryModel(QAbstractTableModel):
    def __init__(self, labels: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.labels = labels
        self.changes: list[StatusChange] = []

    def set_changes(self, changes: list[StatusChange]) -> None:
        self.beginResetModel()
        self.changes = ordered(changes)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.changes)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        change = self.changes[index.row()]
        return (
            format_date(change.date),
            self.labels.get(change.kind, change.kind),
            change.decision,
            change.note,
        )[index.column()]

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(HEADERS[section])
        return None
