"""The lock screen: after N idle minutes a password-protected file is hidden until the
password is typed again. Input anywhere in the program counts as activity."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout

from ..i18n import _
from ..services.safety.password import check_password
from .tasks import Tasks
from .widgets.paragraph import paragraph

ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class LockScreen(QDialog):
    def __init__(self, tasks: Tasks, path: Path, parent=None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.path = path
        self.setWindowTitle(_("Chương trình đang khóa"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        label = paragraph(
            _(
                "Chương trình đã khóa vì không dùng một lúc. Nhập mật khẩu của tệp {name} để "
                "tiếp tục."
            ).format(name=path.name)
        )
        layout.addWidget(label)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.try_unlock)
        layout.addWidget(self.password)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        layout.addWidget(self.error)
        self.unlock_button = QPushButton(_("Mở khóa"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        layout.addWidget(self.unlock_button)

    def reject(self) -> None:  # Esc does not unlock
        pass

    def try_unlock(self) -> None:
        self.unlock_button.setEnabled(False)
        self.error.setText(_("Đang kiểm tra…"))

        def checked(ok: bool) -> None:
            self.unlock_button.setEnabled(True)
            if ok:
                self.error.clear()
                self.accept()
            else:
                self.error.setText(_("Mật khẩu không đúng."))
                self.password.selectAll()

        self.tasks.run(
            check_password, self.path, self.password.text(), needs_db=False, on_done=checked
        )


class IdleLock(QObject):
    """Watches the application's input; locks the window when idle too long."""

    def __init__(self, tasks: Tasks, window_of, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.window_of = window_of
        self.path: Path | None = None
        self.minutes = 0
        self.last_input = time.monotonic()
        self.screen: LockScreen | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(15_000)
        self.timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def configure(self, path: Path | None, minutes: int) -> None:
        """``path`` of an encrypted file (None: nothing to lock) and the idle minutes."""
        self.path = path
        self.minutes = minutes
        self.last_input = time.monotonic()
        if path is not None and minutes > 0:
            self.timer.start()
        else:
            self.timer.stop()

    def eventFilter(self, watched, event) -> bool:
        if event.type() in ACTIVITY and self.screen is None:
            self.last_input = time.monotonic()
        return False

    def idle_seconds(self) -> float:
        return time.monotonic() - self.last_input

    def check(self) -> None:
        if self.path is None or self.minutes <= 0 or self.screen is not None:
            return
        if self.idle_seconds() >= self.minutes * 60:
            self.lock()

    def lock(self) -> None:
        window = self.window_of()
        if self.path is None or window is None or self.screen is not None:
            return
        central = window.centralWidget()
        if central is not None:
            central.hide()  # nothing of the records stays visible behind the dialog
        self.screen = LockScreen(self.tasks, self.path, window)
        self.screen.finished.connect(self._unlocked)
        self.screen.open()

    def _unlocked(self, _result: int) -> None:
        window = self.window_of()
        if window is not None and window.centralWidget() is not None:
            window.centralWidget().show()
        if self.screen is not None:
            self.screen.deleteLater()
        self.screen = None
        self.last_input = time.monotonic()
