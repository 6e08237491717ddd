"""A member's status history as a read-only table (date, change, decision, note)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from ...domain.status import ordered
from ...i18n import N_, format_date
from ..widgets.table_model import RowsModel

HEADERS = (N_("Ngày"), N_("Biến động"), N_("Số quyết định"), N_("Ghi chú"))


class HistoryModel(RowsModel):
    HEADERS = HEADERS

    def __init__(self, labels: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.labels = labels

    def rows_changed(self) -> None:
        self.rows = ordered(self.rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        change = self.rows[index.row()]
        return (
            format_date(change.date),
            self.labels.get(change.kind, change.kind),
            change.decision,
            change.note,
        )[index.column()]
