"""Settings section: the file's password (encryption at rest), the lock screen, the log."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ...i18n import _
from ...services.contract.results import Changes
from ...services.safety.password import (
    SecurityState,
    change_password,
    enable_password,
    remove_password,
    remove_plain_backups,
    security_state,
    set_idle_minutes,
)
from ..dialogs.changelog_dialog import ChangeLogDialog
from ..dialogs.password_dialogs import PasswordDialog, RecoveryKeyDialog
from ..errors import show_error
from ..idle_lock import IdleLock
from ..tasks import Tasks
from ..widgets.paragraph import paragraph
from .settings_section import SettingsSection


class SecuritySection(SettingsSection):
    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(tasks, _("Mật khẩu và nhật ký thay đổi"), parent)
        self.state: SecurityState | None = None
        self.idle_lock = IdleLock(tasks, self.window, self)
        layout = self.body
        self.status = paragraph()
        self.status.setMaximumWidth(720)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.set_button = QPushButton(_("Đặt mật khẩu…"))
        self.set_button.clicked.connect(self.set_password)
        self.change_button = QPushButton(_("Đổi mật khẩu…"))
        self.change_button.clicked.connect(self.change)
        self.remove_button = QPushButton(_("Bỏ mật khẩu…"))
        self.remove_button.clicked.connect(self.remove)
        for button in (self.set_button, self.change_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        idle = QHBoxLayout()
        idle.addWidget(QLabel(_("Tự khóa sau khi không dùng (phút, 0 = không khóa):")))
        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setValue(10)
        idle.addWidget(self.idle)
        self.idle_button = QPushButton(_("Lưu"))
        self.idle_button.clicked.connect(self.save_idle)
        idle.addWidget(self.idle_button)
        idle.addStretch(1)
        layout.addLayout(idle)
        log_row = QHBoxLayout()
        self.log_button = QPushButton(_("Xem nhật ký thay đổi…"))
        self.log_button.clicked.connect(self.show_log)
        log_row.addWidget(self.log_button)
        log_row.addStretch(1)
        layout.addLayout(log_row)
        self.message = self.add_text()
        self._show(None)

    # --- state ------------------------------------------------------------------------------
    def load(self) -> None:
        self.tasks.run(security_state, on_done=self._show, on_error=lambda _e: self._show(None))

    def on_changed(self, changes: Changes) -> None:
        pass

    def _show(self, state: SecurityState | None) -> None:
        self.state = state
        encrypted = bool(state and state.encrypted)
        available = bool(state and state.available)
        if state is None:
            text = _("Chưa mở tệp dữ liệu.")
        elif encrypted:
            text = _(
                "Tệp có mật khẩu: dữ liệu và các bản sao lưu được mã hóa, chương trình hỏi mật "
                "khẩu khi mở tệp và sau thời gian không dùng."
            )
        elif available:
            text = _(
                "Tệp chưa có mật khẩu: ai dùng máy này cũng đọc được. Đặt mật khẩu để mã hóa "
                "tệp và các bản sao lưu."
            )
        else:
            text = _("Bản cài đặt này không có thành phần mã hóa nên không đặt được mật khẩu.")
        self.status.setText(text)
        self.set_button.setVisible(not encrypted)
        self.set_button.setEnabled(available)
        self.change_button.setVisible(encrypted)
        self.remove_button.setVisible(encrypted)
        self.idle.setEnabled(state is not None)
        self.idle_button.setEnabled(state is not None)
        self.log_button.setEnabled(state is not None)
        if state is not None:
            self.idle.setValue(state.idle_minutes)
        self.idle_lock.configure(
            state.path if encrypted else None, state.idle_minutes if state else 0
        )

    # --- actions ----------------------------------------------------------------------------
    def _replace_database(self, change) -> None:
        """After encrypting or decrypting, the worker gets the reopened file."""
        self.tasks.set_database(change.db, on_done=lambda _r: self.load())

    def _failed(self, exc: Exception) -> None:
        self.message.clear()
        show_error(self, exc, _("Không thực hiện được"))

    def set_password(self) -> None:
        dialog = PasswordDialog(
            self,
            _("Đặt mật khẩu cho tệp"),
            _(
                "Sau khi đặt, tệp được mã hóa: không có mật khẩu (hoặc khóa khôi phục) thì "
                "không ai đọc được, kể cả người viết chương trình."
            ),
            new=True,
        )
        if not dialog.exec():
            return
        self.message.setText(_("Đang mã hóa tệp và các bản sao lưu…"))

        def done(result) -> None:
            self.message.setText(_("Đã đặt mật khẩu."))
            self._replace_database(result.value)
            self.show_recovery_key(result.value.recovery_key)
            self.offer_to_remove_plain(result.value.plain_left)

        self.tasks.run(enable_password, dialog.new_password(), on_done=done, on_error=self._failed)

    def change(self) -> None:
        recovery = bool(self.state and self.state.opened_with_recovery)
        dialog = PasswordDialog(
            self,
            _("Đổi mật khẩu"),
            _("Tệp được mã hóa lại bằng khóa mới; khóa khôi phục cũ không dùng được nữa."),
            current=not recovery,
            new=True,
        )
        if not dialog.exec():
            return
        self.message.setText(_("Đang mã hóa lại tệp…"))

        def done(result) -> None:
            self.message.setText(_("Đã đổi mật khẩu."))
            self._replace_database(result.value)
            self.show_recovery_key(result.value.recovery_key)

        old = None if recovery else dialog.current_password()
        self.tasks.run(
            change_password, dialog.new_password(), old, on_done=done, on_error=self._failed
        )

    def remove(self) -> None:
        dialog = PasswordDialog(
            self,
            _("Bỏ mật khẩu"),
            _("Tệp sẽ không còn được mã hóa. Nhập mật khẩu hiện tại để xác nhận."),
            current=True,
        )
        if not dialog.exec():
            return

        def done(result) -> None:
            self.message.setText(_("Đã bỏ mật khẩu; tệp không còn được mã hóa."))
            self._replace_database(result.value)

        self.tasks.run(
            remove_password, dialog.current_password(), on_done=done, on_error=self._failed
        )

    def offer_to_remove_plain(self, paths) -> None:
        """Copies that stayed in plain text (damaged ones cannot be encrypted)."""
        if not paths:
            return
        from ..dialogs.restore_dialog import ask_yes_no

        names = "\n".join(f"• {p.name}" for p in paths)
        question = _(
            "Các bản sao lưu sau không mã hóa được (có thể đã hỏng) nên vẫn ở dạng đọc được, "
            "không cần mật khẩu:\n{names}\n\nXóa các bản này?"
        ).format(names=names)
        if not ask_yes_no(self, _("Bản sao lưu chưa mã hóa"), question):
            return

        def removed(result) -> None:
            self.message.setText(_("Đã xóa {n} bản sao lưu chưa mã hóa.").format(n=result.value))

        self.tasks.run(remove_plain_backups, list(paths), on_done=removed, on_error=self._failed)

    def show_recovery_key(self, key: str) -> None:
        RecoveryKeyDialog(self, key).exec()

    def save_idle(self) -> None:
        minutes = self.idle.value()

        def done(_result) -> None:
            self.message.setText(_("Đã lưu thời gian tự khóa."))
            self.load()

        self.tasks.run(set_idle_minutes, minutes, on_done=done, on_error=self._failed)

    def show_log(self) -> None:
        ChangeLogDialog(self.tasks, self).exec()
