"""What the window does when a file will not open: ask for the password, offer read-only
when another program holds the file, offer the newest good backup for a damaged file.

``handle_open_error(parent, tasks, path, exc, retry)`` returns True when it took care of
the error; ``retry(**options)`` opens the file again with open_session options
(password=, recovery_key=, readonly=).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from ..i18n import _
from ..services.safety.file_key import PasswordRequiredError
from ..services.safety.restore import restore_offline
from ..services.safety.session import DamagedFileError, FileLockedError, ReadOnlyFileError
from .dialogs.password_dialogs import PasswordDialog
from .dialogs.restore_dialog import ask_yes_no
from .errors import show_error
from .tasks import Tasks


def handle_open_error(
    parent: QWidget | None,
    tasks: Tasks,
    path: Path,
    exc: Exception,
    retry: Callable[..., None],
) -> bool:
    if isinstance(exc, PasswordRequiredError):
        return _ask_password(parent, path, exc, retry)
    if isinstance(exc, FileLockedError):
        return _locked(parent, exc, retry)
    if isinstance(exc, ReadOnlyFileError):
        question = exc.message + "\n\n" + _("Mở tệp ở chế độ chỉ đọc (xem, in, không sửa)?")
        if ask_yes_no(parent, _("Không mở được để sửa"), question):
            retry(readonly=True)
        return True
    if isinstance(exc, DamagedFileError) and exc.backup is not None:
        question = (
            exc.message
            + "\n\n"
            + _(
                "Phục hồi từ bản sao lưu {name}? Tệp hỏng được giữ lại bên cạnh, không bị xóa."
            ).format(name=exc.backup.name)
        )
        if not ask_yes_no(parent, _("Tệp bị hỏng"), question):
            return True

        def restored(kept: Path) -> None:
            QMessageBox.information(
                parent,
                _("Đã phục hồi"),
                _("Đã phục hồi từ bản sao lưu. Tệp hỏng được giữ tại:\n{kept}").format(kept=kept),
            )
            retry()

        tasks.run(
            restore_offline,
            path,
            exc.backup,
            key=exc.key,
            needs_db=False,
            on_done=restored,
            on_error=lambda e: show_error(parent, e, _("Không phục hồi được")),
        )
        return True
    return False


def choose_when_locked(parent, message: str) -> str:
    """ "readonly", "take_over" or "" (cancel), asked with the lock holder's message."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Không mở được để sửa"))
    box.setText(message)
    read_only = box.addButton(_("Mở chỉ đọc"), QMessageBox.ButtonRole.AcceptRole)
    take_over = box.addButton(_("Vẫn mở và chiếm khóa…"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_("Hủy"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(read_only)
    box.exec()
    if box.clickedButton() is read_only:
        return "readonly"
    return "take_over" if box.clickedButton() is take_over else ""


def _locked(parent, exc: FileLockedError, retry) -> bool:
    """Read-only, or — deliberately, after a warning — take the lock over."""
    choice = choose_when_locked(parent, exc.message)
    if choice == "readonly":
        retry(readonly=True)
    elif choice == "take_over":
        warning = _(
            "Chỉ chiếm khóa khi chắc chắn không ai đang sửa tệp này (máy kia đã tắt, chương "
            "trình ở đó bị treo). Nếu hai người cùng sửa, thay đổi của một người có thể bị "
            "mất.\n\nVẫn chiếm khóa và mở tệp?"
        )
        if ask_yes_no(parent, _("Chiếm khóa"), warning):
            retry(take_over_lock=True)
    return True


def _ask_password(parent, path: Path, exc: PasswordRequiredError, retry) -> bool:
    dialog = PasswordDialog(
        parent,
        _("Tệp có mật khẩu"),
        exc.message + "\n" + _("Quên mật khẩu thì nhập khóa khôi phục đã in khi đặt mật khẩu."),
        current=True,
        recovery=True,
    )
    dialog.setObjectName("openPasswordDialog")
    if dialog.exec():
        if dialog.recovery_key():
            retry(recovery_key=dialog.recovery_key())
        else:
            retry(password=dialog.current_password())
    return True
