"""Asking for passwords, and showing the recovery key once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from ..widgets.paragraph import paragraph


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumWidth(260)
    return field


class PasswordDialog(QDialog):
    """``current``: ask the present password; ``new``: ask a new one twice."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        intro: str,
        *,
        current: bool = False,
        new: bool = False,
        recovery: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = paragraph(intro)
        layout.addWidget(label)
        form = QFormLayout()
        self.current = _password_field() if current else None
        self.new = _password_field() if new else None
        self.again = _password_field() if new else None
        self.recovery = QLineEdit() if recovery else None
        if self.current is not None:
            form.addRow(_("Mật khẩu hiện tại:"), self.current)
        if self.new is not None:
            form.addRow(_("Mật khẩu mới:"), self.new)
            form.addRow(_("Nhập lại mật khẩu mới:"), self.again)
        if self.recovery is not None:
            self.recovery.setPlaceholderText("XXXX-XXXX-…")
            form.addRow(_("Hoặc khóa khôi phục:"), self.recovery)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(_("Đồng ý"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(_("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.setDefault(True)
        self.ok.clicked.connect(self._check)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if self.new is not None and self.new.text() != self.again.text():
            self.error.setText(_("Hai lần nhập mật khẩu mới không giống nhau."))
            return
        if self.new is not None and not self.new.text():
            self.error.setText(_("Hãy nhập mật khẩu mới."))
            return
        if (
            self.current is not None
            and not self.current.text()
            and not (self.recovery is not None and self.recovery.text().strip())
        ):
            self.error.setText(_("Hãy nhập mật khẩu."))
            return
        self.accept()

    def current_password(self) -> str:
        return self.current.text() if self.current is not None else ""

    def new_password(self) -> str:
        return self.new.text() if self.new is not None else ""

    def recovery_key(self) -> str:
        return self.recovery.text().strip() if self.recovery is not None else ""


class RecoveryKeyDialog(QDialog):
    """The recovery key, shown once: the secretary prints or copies it by hand."""

    def __init__(self, parent: QWidget | None, key: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Khóa khôi phục"))
        layout = QVBoxLayout(self)
        intro = paragraph(
            _(
                "Đây là khóa khôi phục của tệp. Nếu quên mật khẩu, chỉ khóa này mở được dữ "
                "liệu. Hãy chép tay hoặc in ra và cất ở nơi an toàn, tách khỏi máy tính. "
                "Khóa chỉ hiện MỘT lần này."
            )
        )
        layout.addWidget(intro)
        self.key = QLabel(key)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(13)
        self.key.setFont(font)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.key)
        copy = QPushButton(_("Sao chép"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(key))
        layout.addWidget(copy)
        buttons = QDialogButtonBox()
        done = buttons.addButton(_("Tôi đã ghi lại khóa"), QDialogButtonBox.ButtonRole.AcceptRole)
        done.clicked.connect(self.accept)
        layout.addWidget(buttons)
