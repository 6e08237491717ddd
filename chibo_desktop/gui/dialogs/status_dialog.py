"""Record one dated status change: kind, date, decision number, note."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.status import StatusChange
from ...domain.text import clean_text
from ...i18n import _
from ..widgets.day_edit import DayEdit
from ..widgets.paragraph import paragraph


class StatusDialog(QDialog):
    """``kinds`` maps the change keys that make sense now to their labels."""

    def __init__(
        self,
        parent: QWidget | None,
        member_name: str,
        kinds: dict[str, str],
        today: dt.date,
        *,
        earliest: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Ghi biến động — {name}").format(name=member_name))
        layout = QVBoxLayout(self)
        intro = paragraph(
            _(
                "Biến động được ghi theo ngày của quyết định hoặc sự việc. "
                "Không ghi được biến động trước lần biến động gần nhất."
            )
        )
        layout.addWidget(intro)
        form = QFormLayout()
        self.kind = QComboBox()
        for key, label in kinds.items():
            self.kind.addItem(label, key)
        # Typed dates stay as typed: one before the last change or after today is refused
        # with the reason below the field, never moved to the nearest allowed day.
        self.date = DayEdit(today, earliest=earliest, latest=today)
        self.date_problem = QLabel()
        self.date_problem.setStyleSheet("color: #b3261e")
        self.date_problem.setWordWrap(True)
        self.decision = QLineEdit()
        self.decision.setPlaceholderText(_("Ví dụ: 125-QĐ/ĐU (nếu có)"))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(_("Ví dụ: chuyển về Đảng bộ phường Lý Thái Tổ"))
        self.note.setFixedHeight(70)
        form.addRow(_("Loại biến động:"), self.kind)
        form.addRow(_("Ngày:"), self.date)
        form.addRow("", self.date_problem)
        form.addRow(_("Số quyết định:"), self.decision)
        form.addRow(_("Ghi chú:"), self.note)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Ghi"))
        self.has_kinds = bool(kinds)
        self.date.changed.connect(self._check_date)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._check_date()
        self.resize(460, self.sizeHint().height())

    def _check_date(self) -> None:
        self.date_problem.setText(self.date.problem)
        self.date_problem.setVisible(bool(self.date.problem))
        self.ok_button.setEnabled(self.has_kinds and not self.date.problem)

    def select_kind(self, key: str) -> None:
        index = self.kind.findData(key)
        if index >= 0:
            self.kind.setCurrentIndex(index)

    def value(self) -> StatusChange:
        return StatusChange(
            kind=self.kind.currentData(),
            date=self.date.date(),
            decision=clean_text(self.decision.text()),
            note=clean_text(self.note.toPlainText(), multiline=True),
        )
