"""Settings section: backups (automatic ones, "Back up to…", restore)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QWidget

from ...i18n import _
from ...services.contract.results import Changes
from ...services.safety.backup import backup_location, backup_to, make_backup
from ..dialogs.restore_dialog import RestoreDialog
from ..errors import show_error
from ..tasks import Tasks
from ..widgets.paragraph import paragraph
from .settings_section import SettingsSection


class BackupSection(SettingsSection):
    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(tasks, _("Sao lưu và phục hồi"), parent)
        layout = self.body
        self.explain = paragraph(
            _(
                "Chương trình tự sao lưu mỗi ngày khi mở tệp, khi đóng chương trình nếu có "
                "thay đổi, sau khi nhập danh sách và trước khi nâng cấp hay phục hồi; giữ 7 "
                "ngày, 4 tuần và 12 tháng gần nhất. Nên chép thêm một bản ra USB mỗi tháng."
            )
        )
        self.explain.setMaximumWidth(720)
        layout.addWidget(self.explain)
        self.folder = self.add_text()
        row = QHBoxLayout()
        self.backup_button = QPushButton(_("Sao lưu ngay"))
        self.backup_button.clicked.connect(self.backup_now)
        self.usb_button = QPushButton(_("Sao lưu ra thư mục…"))
        self.usb_button.setToolTip(_("Chép một bản đã kiểm tra ra USB hoặc thư mục khác"))
        self.usb_button.clicked.connect(self.backup_to_folder)
        self.restore_button = QPushButton(_("Phục hồi…"))
        self.restore_button.clicked.connect(self.open_restore)
        for button in (self.backup_button, self.usb_button, self.restore_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = self.add_text()

    def load(self) -> None:
        def shown(path) -> None:
            self.folder.setText(_("Thư mục sao lưu tự động: {path}").format(path=path))

        self.tasks.run(backup_location, on_done=shown, on_error=lambda _e: None)

    def on_changed(self, changes: Changes) -> None:
        pass

    def _run(self, fn, *args) -> None:
        self.message.setText(_("Đang sao lưu và kiểm tra…"))

        def done(path) -> None:
            self.message.setText(_("Đã sao lưu và kiểm tra: {path}").format(path=path))

        def failed(exc: Exception) -> None:
            self.message.clear()
            show_error(self, exc, _("Không sao lưu được"))

        self.tasks.run(fn, *args, on_done=done, on_error=failed)

    def backup_now(self) -> None:
        self._run(make_backup, "manual")

    def backup_to_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Chọn thư mục để chép bản sao lưu"))
        if folder:
            self._run(backup_to, Path(folder))

    def open_restore(self) -> None:
        dialog = RestoreDialog(self.tasks, self)
        if dialog.exec() and dialog.restored is not None:
            self.message.setText(_("Đã phục hồi từ {name}.").format(name=dialog.restored.name))
