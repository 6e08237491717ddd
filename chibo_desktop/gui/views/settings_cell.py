"""Settings section: the cell's names (printed on every document)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ...i18n import _
from ...services.cell.identity import CellInfo, get_cell, recipients, save_cell, save_recipients
from ...services.contract.results import Changes
from ..dialogs.cell_dialog import CellForm
from ..tasks import Tasks
from .settings_section import SettingsSection


class CellSection(SettingsSection):
    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(tasks, _("Thông tin chi bộ (in trên đầu mọi văn bản)"), parent)
        layout = self.body
        self.form = CellForm()
        self.form.setMaximumWidth(640)
        layout.addWidget(self.form)
        layout.addWidget(QLabel(_("Nơi nhận in ở cuối báo cáo, danh sách (mỗi dòng một nơi):")))
        self.recipients = QPlainTextEdit()
        self.recipients.setMaximumWidth(640)
        self.recipients.setMaximumHeight(90)
        layout.addWidget(self.recipients)
        row = QHBoxLayout()
        self.save_button = QPushButton(_("Lưu thông tin chi bộ"))
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        row.addWidget(self.save_button)
        row.addWidget(self.message, 1)
        layout.addLayout(row)

    def load(self) -> None:
        self.tasks.run(get_cell, on_done=self.form.set_value)
        self.tasks.run(
            recipients, on_done=lambda lines: self.recipients.setPlainText("\n".join(lines))
        )

    def on_changed(self, changes: Changes) -> None:
        if changes.cell:
            self.load()

    def save(self) -> None:
        def done(result) -> None:
            self.message.setText(_("Đã lưu."))

        self.message.clear()
        self.tasks.run(save_cell, self.form.value())
        lines = self.recipients.toPlainText().splitlines()
        self.tasks.run(save_recipients, lines, on_done=done)

    def value(self) -> CellInfo:
        return self.form.value()
