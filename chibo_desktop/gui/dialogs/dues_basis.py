"""A member's dues group and basis from a month on (earlier months keep theirs)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.dues import DuesBasis, Month
from ...domain.dues_checks import DuesError, parse_amount
from ...i18n import _
from .dialog_parts import error_label, ok_cancel


class DuesBasisDialog(QDialog):
    def __init__(
        self,
        member_id: int,
        name: str,
        month: Month,
        groups: list[tuple[str, str]],
        current: DuesBasis | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.member_id = member_id
        self.setWindowTitle(_("Căn cứ đóng đảng phí — {name}").format(name=name))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.group = QComboBox()
        for key, label in groups:
            self.group.addItem(_(label), key)
        if current is not None:
            self.group.setCurrentIndex(max(0, self.group.findData(current.group)))
        self.basis = QLineEdit(
            "" if current is None or current.basis is None else str(current.basis)
        )
        self.basis.setPlaceholderText(_("Ví dụ: 9.360.000 (để trống nếu nhóm có mức cố định)"))
        self.from_month = QDateEdit(QDate(month.year, month.month, 1))
        self.from_month.setDisplayFormat("MM/yyyy")
        self.voluntary = QLineEdit(
            "" if current is None or current.voluntary is None else str(current.voluntary)
        )
        self.voluntary.setPlaceholderText(_("Mức cao hơn đảng viên tự nguyện đóng (nếu có)"))
        self.past_working_age = QCheckBox(_("Ngoài độ tuổi lao động (chế độ trước 01/02/2026)"))
        self.past_working_age.setChecked(bool(current and current.past_working_age))
        self.note = QLineEdit(current.note if current else "")
        form.addRow(_("Nhóm:"), self.group)
        form.addRow(_("Căn cứ tính (đồng/tháng):"), self.basis)
        form.addRow(_("Áp dụng từ tháng:"), self.from_month)
        form.addRow(_("Mức tự nguyện:"), self.voluntary)
        form.addRow("", self.past_working_age)
        form.addRow(_("Ghi chú:"), self.note)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, _("Lưu"), self._accept))
        self.error = error_label()
        layout.addWidget(self.error)
        self.result_basis: DuesBasis | None = None

    @staticmethod
    def _amount(text: str) -> int | None:
        return parse_amount(text) if text.strip() else None

    def _accept(self) -> None:
        try:
            basis, voluntary = self._amount(self.basis.text()), self._amount(self.voluntary.text())
        except DuesError as exc:
            self.error.setText(str(exc))
            return
        day = self.from_month.date()
        self.result_basis = DuesBasis(
            self.member_id,
            Month(day.year(), day.month()),
            self.group.currentData(),
            basis,
            voluntary,
            self.past_working_age.isChecked(),
            self.note.text(),
        )
        self.accept()
