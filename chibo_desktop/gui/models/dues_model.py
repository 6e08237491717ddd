"""A month's dues ledger as a table; the amount paid is edited in place."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ...domain.dues_checks import STATE_LABELS
from ...i18n import N_, _, format_date, format_number
from ..widgets.table_model import RowsModel

COLUMNS = [
    N_("STT"),
    N_("Họ và tên"),
    N_("Nhóm"),
    N_("Căn cứ tính"),
    N_("Mức đóng"),
    N_("Đã nộp"),
    N_("Hình thức"),
    N_("Ngày nộp"),
    N_("Trạng thái"),
    N_("Ghi chú"),
]
NAME, GROUP, BASIS, DUE, PAID, METHOD, DATE, STATE, NOTE = range(1, 10)
METHODS = {"cash": N_("Tiền mặt"), "online": N_("Cổng Dịch vụ công")}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# Rows needing attention stand out; paid and exempt rows stay plain.
STATE_COLOURS = {"unpaid": "#fde7e7", "partial": "#fff4d6", "unset": "#eeeeee"}


def _money(value: int | None) -> str:
    return "" if value is None else format_number(value)


class DuesModel(RowsModel):
    HEADERS = COLUMNS

    paid_edited = Signal(int, str)  # member id, the amount as typed

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.ledger = None

    def set_ledger(self, ledger) -> None:
        self.ledger = ledger
        self.set_rows(ledger.lines if ledger else [])

    def flags(self, index):
        base = super().flags(index)
        if index.column() == PAID:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def line(self, row: int):
        return self.rows[row]

    def _group(self, key: str) -> str:
        group = self.ledger.regime.group(key) if key else None
        return _(group.short or group.label) if group else key

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self.rows[index.row()]
        col = index.column()
        payment = line.payment
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), col, line, payment)
        if role == Qt.ItemDataRole.EditRole and col == PAID:
            return str(line.paid) if payment else ""
        if role == SORT_ROLE:
            numbers = {0: index.row(), BASIS: line.due.basis, DUE: line.due.amount}
            if col in numbers:
                return numbers[col] if numbers[col] is not None else -1
            if col == PAID:
                return line.paid
            return self._text(index.row(), col, line, payment)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (BASIS, DUE, PAID):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and line.state in STATE_COLOURS:
            return QBrush(QColor(STATE_COLOURS[line.state]))
        if role == Qt.ItemDataRole.ToolTipRole and col == STATE and line.due.reason:
            return line.due.reason
        return None

    def _text(self, row: int, col: int, line, payment) -> str | int:
        if col == 0:
            return row + 1
        if col == NAME:
            return line.name
        if col == GROUP:
            return self._group(line.due.group)
        if col == BASIS:
            return _money(line.due.basis)
        if col == DUE:
            return _money(line.due.amount)
        if col == PAID:
            return _money(line.paid) if payment else ""
        if col == METHOD:
            return _(METHODS[payment.method]) if payment else ""
        if col == DATE:
            return (
                format_date(dt.date.fromisoformat(payment.paid_on))
                if payment and payment.paid_on
                else ""
            )
        if col == STATE:
            return _(STATE_LABELS[line.state])
        notes = [line.due.reason] if line.due.reason else []
        if line.arrears:
            notes.append(_("Nợ tháng trước {amount}").format(amount=_money(line.arrears)))
        if line.advance:
            notes.append(_("Đã nộp trước {amount}").format(amount=_money(line.advance)))
        if payment and payment.note:
            notes.append(payment.note)
        return "; ".join(notes)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != PAID:
            return False
        self.paid_edited.emit(self.rows[index.row()].member_id, str(value))
        return False  # the table shows the value once it is saved and read back
