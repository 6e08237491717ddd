"""Campaign templates: duplicate, edit (campaign_template_editor), share as a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from ...services.campaigns import templates as svc
from ..errors import show_error
from ..file_dialogs import EXPORTS, IMPORTS, ask_open_path, ask_save_path
from ..widgets.paragraph import paragraph
from ..widgets.questions import confirm
from .campaign_dialogs import ask_text
from .campaign_template_editor import TemplateEditor


class TemplatesDialog(QDialog):
    def __init__(self, tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.setWindowTitle(_("Mẫu đợt sinh hoạt"))
        self.resize(720, 420)
        layout = QHBoxLayout(self)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(lambda _r: self._sync())
        self.list.itemDoubleClicked.connect(lambda _i: self.edit())
        layout.addWidget(self.list, 1)
        side = QVBoxLayout()
        self.duplicate_button = QPushButton(_("Nhân bản…"))
        self.duplicate_button.setToolTip(_("Tạo bản sao của mẫu để sửa cho chi bộ"))
        self.edit_button = QPushButton(_("Sửa…"))
        self.export_button = QPushButton(_("Xuất ra tệp…"))
        self.import_button = QPushButton(_("Nhập từ tệp…"))
        self.delete_button = QPushButton(_("Xóa"))
        close = QPushButton(_("Đóng"))
        for button, slot in (
            (self.duplicate_button, self.duplicate),
            (self.edit_button, self.edit),
            (self.export_button, self.export),
            (self.import_button, self.import_file),
            (self.delete_button, self.delete),
        ):
            button.clicked.connect(slot)
            side.addWidget(button)
        side.addStretch(1)
        self.note = paragraph()  # what the chosen template is (e.g. an example to adapt)
        self.note.setFixedWidth(190)
        side.addWidget(self.note)
        self.message = paragraph()
        self.message.setFixedWidth(190)
        side.addWidget(self.message)
        close.clicked.connect(self.accept)
        side.addWidget(close)
        layout.addLayout(side)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        self.tasks.run(svc.list_templates, on_done=lambda rows: self._rows(rows, select))

    def _rows(self, rows, select: str | None) -> None:
        self.list.clear()
        for info in rows:
            kind = _("có sẵn") if info.builtin else _("của chi bộ")
            item = QListWidgetItem(f"{info.title}  [{kind}]")
            item.setData(Qt.ItemDataRole.UserRole, info)
            self.list.addItem(item)
            if info.key == select:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._sync()

    def current(self):
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _sync(self) -> None:
        info = self.current()
        own = info is not None and not info.builtin
        self.edit_button.setEnabled(own)
        self.delete_button.setEnabled(own)
        self.duplicate_button.setEnabled(info is not None)
        self.export_button.setEnabled(info is not None)
        if info is not None and info.builtin:
            self.edit_button.setToolTip(_("Mẫu có sẵn không sửa trực tiếp; hãy nhân bản"))
        self.note.setText(info.note if info is not None else "")

    def duplicate(self) -> None:
        info = self.current()
        if info is None:
            return
        title = ask_text(
            self,
            _("Nhân bản mẫu"),
            _("Tên của bản sao:"),
            _("{title} (bản sao)").format(title=info.title),
        )
        if title is None:
            return
        self.tasks.run(
            svc.duplicate_template,
            info.key,
            title,
            on_done=lambda r: self._done(r.value, _("Đã tạo bản sao.")),
            on_error=lambda e: show_error(self, e),
        )

    def _done(self, key: str, text: str) -> None:
        self.message.setText(text)
        self.reload(select=key)

    def edit(self) -> TemplateEditor | None:
        info = self.current()
        if info is None or info.builtin:
            return None
        editor = TemplateEditor(self.tasks, info.key, "", self)
        editor.setEnabled(False)
        editor.saved.connect(lambda key: self._done(key, _("Đã lưu mẫu.")))

        def loaded(text: str) -> None:
            editor.set_text(text)
            editor.setEnabled(True)

        self.tasks.run(svc.template_text, info.key, on_done=loaded)
        editor.open()
        return editor

    def export(self) -> None:
        info = self.current()
        if info is None:
            return
        name = ask_save_path(
            self,
            EXPORTS,
            _("Xuất mẫu ra tệp"),
            f"{info.key}.toml",
            _("Mẫu đợt sinh hoạt (*.toml)"),
        )
        if not name:
            return
        path = Path(name if name.lower().endswith(".toml") else name + ".toml")
        self.tasks.run(
            svc.export_template,
            info.key,
            path,
            on_done=lambda p: self.message.setText(_("Đã ghi {path}").format(path=p)),
            on_error=lambda e: show_error(self, e),
        )

    def import_file(self) -> None:
        name = ask_open_path(self, IMPORTS, _("Nhập mẫu từ tệp"), _("Mẫu đợt sinh hoạt (*.toml)"))
        if not name:
            return
        self.tasks.run(
            svc.import_template,
            Path(name),
            on_done=lambda r: self._done(r.value, _("Đã nhập mẫu.")),
            on_error=lambda e: show_error(self, e, _("Không nhập được mẫu")),
        )

    def delete(self) -> None:
        info = self.current()
        if info is None or info.builtin:
            return
        if not confirm(
            self,
            _("Xóa mẫu"),
            _("Xóa mẫu “{title}”? Các đợt đã tạo từ mẫu này không bị ảnh hưởng.").format(
                title=info.title
            ),
        ):
            return
        self.tasks.run(
            svc.delete_template,
            info.key,
            on_done=lambda _r: self._done("", _("Đã xóa mẫu.")),
            on_error=lambda e: show_error(self, e),
        )
