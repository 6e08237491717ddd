"""The change log: who changed what and when; filter, search, export to Excel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...i18n import N_, _, format_number, ngettext
from ...services.members.changelog import ENTITY_LABELS, ChangeEntry, export_changes, list_changes
from ..errors import show_error
from ..file_dialogs import EXPORTS, ask_save_path
from ..tasks import Tasks
from ..widgets.table_model import RowsModel
from ..widgets.tables import record_table, sorting_proxy


class ChangeLogModel(RowsModel):
    HEADERS = (
        N_("Thời điểm"),
        N_("Người sửa"),
        N_("Loại"),
        N_("Bản ghi"),
        N_("Mục"),
        N_("Giá trị cũ"),
        N_("Giá trị mới"),
        N_("Nguồn"),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.UserRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        e = self.rows[index.row()]
        if index.column() == 0:
            if role == Qt.ItemDataRole.UserRole:
                return e.id
            return e.at.strftime("%d/%m/%Y %H:%M:%S") if e.at else ""
        values = (e.user, e.entity_label, e.record_label, e.field, e.old, e.new, e.source)
        return values[index.column() - 1]


class ChangeLogDialog(QDialog):
    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.setWindowTitle(_("Nhật ký thay đổi"))
        self.resize(1000, 560)
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.entity = QComboBox()
        self.entity.addItem(_("Tất cả"), "")
        for key, label in ENTITY_LABELS.items():
            self.entity.addItem(_(label), key)
        self.entity.currentIndexChanged.connect(lambda _i: self.load())
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Tìm theo tên, người sửa, giá trị… (không cần dấu)"))
        self.search.returnPressed.connect(self.load)
        filters.addWidget(QLabel(_("Loại:")))
        filters.addWidget(self.entity)
        filters.addWidget(self.search, 1)
        layout.addLayout(filters)
        self.model = ChangeLogModel(self)
        self.proxy = sorting_proxy(self.model, Qt.ItemDataRole.UserRole, self)
        self.table = record_table(self.proxy, sort_column=0, descending=True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.count = QLabel()
        layout.addWidget(self.count)
        buttons = QDialogButtonBox()
        self.export_button = QPushButton(_("Xuất ra Excel…"))
        self.export_button.clicked.connect(self.export)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(_("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.load()

    def filters(self) -> dict:
        return {"entity": self.entity.currentData() or None, "text": self.search.text()}

    def load(self) -> None:
        def done(rows: list[ChangeEntry]) -> None:
            self.model.set_rows(rows)
            self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
            self.table.resizeColumnsToContents()
            self.count.setText(
                ngettext("{n} thay đổi", "{n} thay đổi", len(rows)).format(
                    n=format_number(len(rows))
                )
            )

        self.tasks.run(list_changes, **self.filters(), on_done=done)

    def export(self, path: Path | None = None) -> None:
        if path is None:
            name = ask_save_path(
                self, EXPORTS, _("Xuất nhật ký thay đổi"), "nhat_ky_thay_doi.xlsx", "Excel (*.xlsx)"
            )
            if not name:
                return
            path = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")

        def done(written: Path) -> None:
            self.count.setText(_("Đã xuất {path}").format(path=written))

        self.tasks.run(
            export_changes,
            path,
            **self.filters(),
            on_done=done,
            on_error=lambda e: show_error(self, e, _("Không xuất được")),
        )
