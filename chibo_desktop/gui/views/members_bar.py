"""The members page's toolbar and filter row (actions with their shortcuts)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolBar,
    QToolButton,
)

from ...i18n import _
from ...services.members.register import choice_lists
from ..icons import action_icon
from ..models.members_model import STATUS_FILTERS


def position_values() -> list[str]:
    return list(choice_lists()["position"].values)


class MembersBar:
    """Mixed into MembersPage: builds the actions that call the page's methods."""

    def _action(self, text: str, slot, shortcut=None, icon: str = "", tip: str = "") -> QAction:
        action = QAction(text, self)
        if icon:
            action.setIcon(action_icon(icon))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            tip = tip or text
            tip += f" ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
        if tip:
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _toolbar(self) -> QToolBar:
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setIconSize(QSize(24, 24))  # the icons' native size, whatever the style's default
        self.add_action = self._action(
            _("Thêm"),
            self.add_member,
            QKeySequence.StandardKey.New,
            "member-add",
            _("Thêm đảng viên"),
        )
        self.edit_action = self._action(
            _("Sửa"),
            self.edit_member,
            Qt.Key.Key_Return,
            "edit",
            _("Mở hồ sơ đảng viên đang chọn"),
        )
        self.status_action = self._action(
            _("Ghi biến động"),
            self.record_status,
            None,
            "status-change",
            _("Chuyển sinh hoạt, miễn sinh hoạt, từ trần… của đảng viên đang chọn"),
        )
        self.delete_action = self._action(
            _("Xóa"),
            self.delete_selected,
            QKeySequence.StandardKey.Delete,
            "delete",
            _("Chỉ xóa hồ sơ nhập nhầm; đảng viên rời chi bộ thì ghi biến động"),
        )
        self.undo_action = self._action(
            _("Hoàn tác"),
            self.undo_stack.undo,
            QKeySequence.StandardKey.Undo,
            "undo",
        )
        self.excel_action = self._action(
            _("Xuất Excel"),
            lambda: self.export("xlsx"),
            None,
            "export-excel",
            _("Danh sách đang hiển thị, theo Mẫu 7-HSĐV"),
        )
        self.pdf_action = self._action(
            _("Xuất PDF"),
            lambda: self.export("pdf"),
            QKeySequence.StandardKey.Print,
            "export-pdf",
            _("Danh sách đang hiển thị, để in"),
        )
        self.import_action = self._action(
            _("Nhập từ Excel…"), self.import_members, None, "import-excel",
        )  # fmt: skip
        self.undo_import_action = self._action(
            _("Hoàn tác lần nhập gần nhất…"),
            self.undo_import,
            None,
            "",
            _("Đưa sổ về như trước lần nhập danh sách gần nhất"),
        )
        import_menu = QMenu(self)
        import_menu.addAction(self.undo_import_action)
        self.import_action.setMenu(import_menu)
        for action in (self.add_action, self.edit_action, self.status_action):
            bar.addAction(action)
        bar.addAction(self.delete_action)
        bar.addSeparator()
        bar.addAction(self.undo_action)
        bar.addSeparator()
        for action in (self.excel_action, self.pdf_action, self.import_action):
            bar.addAction(action)
        button = bar.widgetForAction(self.import_action)
        if isinstance(button, QToolButton):  # click imports; the arrow offers the undo
            button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        return bar

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("memberSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(_("Tìm theo tên, số thẻ, điện thoại… (Ctrl+F)"))
        self.search.textChanged.connect(self._search_changed)
        self.search.installEventFilter(self)  # Down goes from the search into the list
        self._action(_("Tìm"), self._focus_search, QKeySequence.StandardKey.Find)
        self.status_filter = QComboBox()
        for key, label in STATUS_FILTERS.items():
            self.status_filter.addItem(_(label), key)
        self.status_filter.setToolTip(
            _(
                "“Trong danh sách chi bộ”: mọi đảng viên đang thuộc chi bộ, kể cả người được "
                "miễn hoặc tạm miễn sinh hoạt, bị đình chỉ sinh hoạt, sinh hoạt tạm thời nơi "
                "khác, và người sinh hoạt tạm thời tại chi bộ."
            )
        )
        self.status_filter.currentIndexChanged.connect(self._filters_changed)
        self.position_filter = QComboBox()
        self.position_filter.addItem(_("Mọi chức vụ"), "")
        for value in position_values():
            self.position_filter.addItem(value, value)
        self.position_filter.currentIndexChanged.connect(self._filters_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("memberCount")
        self.count_label.linkActivated.connect(lambda _link: self.clear_filters())
        row.addWidget(self.search, 3)
        row.addWidget(self.status_filter)
        row.addWidget(self.position_filter)
        row.addWidget(self.count_label, 2, Qt.AlignmentFlag.AlignRight)
        return row

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.proxy.rowCount()
        ):
            self.table.setFocus()
            if not self.table.selectionModel().selectedRows():
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def show_count(self, shown: int, total: int) -> None:
        if shown == 0 and total:
            self.count_label.setText(
                _("Không tìm thấy đảng viên nào khớp. <a href='clear'>Bỏ lọc</a>")
            )
        else:
            self.count_label.setText(
                _("Hiển thị {shown} / {total} đảng viên").format(shown=shown, total=total)
            )

    def clear_filters(self) -> None:
        """Show every member again: no search text, any state, any position."""
        self.search.clear()
        self.status_filter.setCurrentIndex(self.status_filter.findData("all"))
        self.position_filter.setCurrentIndex(0)
