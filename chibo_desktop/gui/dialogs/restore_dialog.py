"""Restore from a backup: the list of copies with date and counts, then a confirmation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...i18n import N_, _, format_number, ngettext
from ...services.safety.backup import BackupInfo, backup_title, session_backups
from ...services.safety.restore import DecryptNeededError, OtherCellError, restore
from ..errors import show_error
from ..tasks import Tasks
from ..widgets.paragraph import paragraph
from ..widgets.table_model import RowsModel
from ..widgets.tables import record_table, sorting_proxy


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(_("Có"), QMessageBox.ButtonRole.YesRole)
    no = box.addButton(_("Không"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes


class BackupsModel(RowsModel):
    HEADERS = (N_("Thời điểm"), N_("Lý do"), N_("Đảng viên"), N_("Cuộc họp"), N_("Ghi chú"))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        info = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return info.when.strftime("%d/%m/%Y %H:%M")
            if column == 1:
                return backup_title(info)
            if column in (2, 3):
                value = info.members if column == 2 else info.meetings
                return "–" if value is None else format_number(value)
            notes = [_("mã hóa")] if info.encrypted else []
            if info.problem:
                notes.append(info.problem)
            notes.append(f"{format_number(info.size / 1e6, 1)} MB")
            return ", ".join(notes)
        if role == Qt.ItemDataRole.UserRole:  # sorting
            if column == 0:
                return info.when.isoformat()
            if column in (2, 3):
                value = info.members if column == 2 else info.meetings
                return -1 if value is None else value
            return self.data(index)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RestoreDialog(QDialog):
    """Lists the open file's backups; restoring backs up the current content first."""

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.restored: Path | None = None
        self.setWindowTitle(_("Phục hồi từ bản sao lưu"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        intro = paragraph(
            _(
                "Chọn bản sao lưu cần phục hồi. Dữ liệu hiện tại sẽ được sao lưu trước, nên "
                "có thể quay lại nếu chọn nhầm."
            )
        )
        layout.addWidget(intro)
        self.model = BackupsModel(self)
        self.proxy = sorting_proxy(self.model, Qt.ItemDataRole.UserRole, self)
        self.table = record_table(self.proxy, sort_column=0, descending=True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.restore_selected())
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(_("Phục hồi bản đã chọn"))
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button = QPushButton(_("Chọn tệp sao lưu khác…"))
        self.file_button.clicked.connect(self.choose_file)
        close = buttons.addButton(_("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        self.message.setText(_("Đang đọc danh sách bản sao lưu…"))

        def done(rows: list[BackupInfo]) -> None:
            self.model.set_rows(rows)
            self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
            if rows:
                self.table.selectRow(0)
                self.message.setText(
                    ngettext("Có {n} bản sao lưu.", "Có {n} bản sao lưu.", len(rows)).format(
                        n=format_number(len(rows))
                    )
                )
            else:
                self.message.setText(_("Chưa có bản sao lưu nào cho tệp này."))
            self.restore_button.setEnabled(bool(rows))

        self.tasks.run(session_backups, on_done=done, on_error=lambda e: show_error(self, e))

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.rows[self.proxy.mapToSource(rows[0]).row()]

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        self.confirm_and_restore(
            info.path,
            _(
                "Phục hồi dữ liệu về bản sao lưu lúc {when} ({members} đảng viên)?\n\n"
                "Dữ liệu hiện tại được sao lưu trước khi phục hồi."
            ).format(
                when=info.when.strftime("%H:%M %d/%m/%Y"),
                members="–" if info.members is None else format_number(info.members),
            ),
        )

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Chọn tệp sao lưu"), "", "Chi bộ Desktop (*.sqlite *.db);;*"
        )
        if name:
            self.confirm_and_restore(
                Path(name),
                _("Phục hồi dữ liệu từ tệp {name}? Dữ liệu hiện tại được sao lưu trước.").format(
                    name=Path(name).name
                ),
            )

    def confirm_and_restore(
        self, path: Path, question: str, *, other_cell: bool = False, decrypt: bool = False
    ) -> None:
        if not ask_yes_no(self, _("Phục hồi"), question):
            return
        self.restore_button.setEnabled(False)
        self.message.setText(_("Đang kiểm tra và phục hồi…"))

        def done(result) -> None:
            self.restored = path
            self.message.setText(_("Đã phục hồi."))
            QMessageBox.information(
                self,
                _("Đã phục hồi"),
                _(
                    "Đã phục hồi dữ liệu từ {name}.\nDữ liệu trước đó được lưu tại:\n{before}"
                ).format(name=path.name, before=result.value),
            )
            self.accept()

        def failed(exc: Exception) -> None:
            self.restore_button.setEnabled(True)
            self.message.setText("")
            if isinstance(exc, OtherCellError) and not other_cell:
                # The copy holds another cell: ask again, naming both cells.
                self.confirm_and_restore(path, exc.message, other_cell=True, decrypt=decrypt)
                return
            if isinstance(exc, DecryptNeededError) and not decrypt:
                self.confirm_and_restore(path, exc.message, other_cell=other_cell, decrypt=True)
                return
            show_error(self, exc, _("Không phục hồi được"))

        self.tasks.run(
            restore, path, other_cell=other_cell, decrypt=decrypt, on_done=done, on_error=failed
        )
