"""Importing the dues basis from a salary list: pick the file, the group and the month;
check (nothing written), read the row errors, then import what was checked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dues import Month
from ...i18n import N_, _
from ..errors import error_text
from .dues_dialogs import _month_edit, _month_of

GROUPS = (
    ("salary", N_("Tiền lương đóng BHXH bắt buộc")),
    ("pension", N_("Lương hưu")),
    ("benefit", N_("Trợ cấp ốm đau, thai sản")),
)


def _svc():
    from ...services.dues import basis_import as dues_import

    return dues_import


class BasisImportDialog(QDialog):
    def __init__(self, tasks, path: Path, month: Month, today, parent: QWidget | None = None):
        super().__init__(parent)
        self.tasks, self.path, self.today = tasks, Path(path), today
        self.plan = None
        self.imported = None
        self.setWindowTitle(_("Nhập căn cứ đóng đảng phí từ bảng lương"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(_("Tệp:"), QLabel(self.path.name))
        self.group = QComboBox()
        for key, label in ((k, _(label)) for k, label in GROUPS):
            self.group.addItem(label, key)
        self.month = _month_edit(month)
        form.addRow(_("Số tiền trong bảng là:"), self.group)
        form.addRow(_("Áp dụng từ tháng:"), self.month)
        layout.addLayout(form)
        self.check_button = QPushButton(_("Kiểm tra"))
        layout.addWidget(self.check_button)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        layout.addWidget(self.report, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(_("Nhập"))
        self.import_button.setEnabled(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Đóng"))
        buttons.accepted.connect(self.commit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.check_button.clicked.connect(self.check)
        self.group.currentIndexChanged.connect(self._changed)
        self.month.dateChanged.connect(self._changed)
        self.resize(620, 420)

    def _changed(self, *_args) -> None:
        self.plan = None
        self.import_button.setEnabled(False)

    def check(self) -> None:
        self._changed()
        self.report.setPlainText(_("Đang đọc tệp…"))
        self.tasks.run(
            _svc().plan_basis_import,
            self.path,
            _month_of(self.month),
            self.group.currentData(),
            self.today,
            on_done=self._planned,
            on_error=lambda exc: self.report.setPlainText(error_text(exc)),
        )

    def _planned(self, plan) -> None:
        self.plan = plan
        lines = [
            _("Sẽ cập nhật {n} đảng viên; {same} không đổi; {bad} dòng không nhập được.").format(
                n=len(plan.planned), same=plan.unchanged, bad=len(plan.rejected)
            )
        ]
        for row in plan.rejected:
            for _column, _label, _value, reason in row.problems:
                lines.append(_("Dòng {row}: {reason}").format(row=row.number, reason=reason))
        self.report.setPlainText("\n".join(lines))
        self.import_button.setEnabled(bool(plan.planned))

    def commit(self) -> None:
        if self.plan is None:
            return
        self.import_button.setEnabled(False)
        self.tasks.run(
            _svc().commit_basis_import,
            self.plan,
            on_done=self._done,
            on_error=lambda exc: self.report.setPlainText(error_text(exc)),
        )

    def _done(self, result) -> None:
        self.imported = result.value
        self.accept()
