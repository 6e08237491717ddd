"""Đảng viên: the register as a list that filters as you type, with the member form."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStyle,
    QTableView,
    QToolBar,
    QWidget,
)

from ...i18n import N_, _
from ...rules.choices import member_choices
from ...services.common import Changes
from ...services.common import today as _today
from ...services.member_exports import export_members
from ...services.member_list import member_list
from ...services.members import (
    add_status_change,
    allowed_changes,
    delete_member,
    get_member,
)
from ..dialogs.member_form import MemberForm
from ..dialogs.status_dialog import StatusDialog
from ..errors import show_error
from ..models.members_model import STATUS_FILTERS, MembersModel, MembersProxy
from ..progress import run_with_progress
from .base import Page, simple_layout
from .members_undo import AddMemberCommand, EditMemberCommand, StatusChangeCommand

WIDTHS = (170, 58, 88, 44, 104, 72, 150, 225, 88, 90)


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Yes/No question (a function, so tests can answer it)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.button(QMessageBox.StandardButton.Yes).setText(_("Có"))
    box.button(QMessageBox.StandardButton.No).setText(_("Không"))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


class MembersPage(Page):
    key = "members"
    title = N_("Đảng viên")
    icon = QStyle.StandardPixmap.SP_DirIcon

    def __init__(self, tasks, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.form: MemberForm | None = None
        self.status_dialog: StatusDialog | None = None
        self.undo_stack = QUndoStack(self)
        self._selected_id: int | None = None
        self._loading = False
        self._reload_pending = False
        layout = simple_layout(self, _("Đảng viên"))
        layout.addWidget(self._toolbar())
        layout.addLayout(self._filter_row())
        self.model = MembersModel(self)
        self.proxy = MembersProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("membersTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setMinimumWidth(36)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in enumerate(WIDTHS):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_member())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.undo_stack.indexChanged.connect(self._undo_index_changed)
        self._update_actions()

    # --- building -------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, icon=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
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
        sp = QStyle.StandardPixmap
        self.add_action = self._action(
            _("Thêm"),
            self.add_member,
            QKeySequence.StandardKey.New,
            sp.SP_FileIcon,
            _("Thêm đảng viên"),
        )
        self.edit_action = self._action(
            _("Sửa"),
            self.edit_member,
            Qt.Key.Key_Return,
            sp.SP_FileDialogContentsView,
            _("Mở hồ sơ đảng viên đang chọn"),
        )
        self.status_action = self._action(
            _("Ghi biến động"),
            self.record_status,
            None,
            sp.SP_BrowserReload,
            _("Chuyển sinh hoạt, miễn sinh hoạt, từ trần… của đảng viên đang chọn"),
        )
        self.delete_action = self._action(
            _("Xóa"),
            self.delete_selected,
            QKeySequence.StandardKey.Delete,
            sp.SP_TrashIcon,
            _("Chỉ xóa hồ sơ nhập nhầm; đảng viên rời chi bộ thì ghi biến động"),
        )
        self.undo_action = self._action(
            _("Hoàn tác"),
            self.undo_stack.undo,
            QKeySequence.StandardKey.Undo,
            sp.SP_ArrowBack,
        )
        self.excel_action = self._action(
            _("Xuất Excel"),
            lambda: self.export("xlsx"),
            None,
            sp.SP_DialogSaveButton,
            _("Danh sách đang hiển thị, theo Mẫu 7-HSĐV"),
        )
        self.pdf_action = self._action(
            _("Xuất PDF"),
            lambda: self.export("pdf"),
            QKeySequence.StandardKey.Print,
            sp.SP_FileDialogDetailedView,
            _("Danh sách đang hiển thị, để in"),
        )
        self.import_action = self._action(
            _("Nhập từ Excel…"), self.import_members, None, sp.SP_DialogOpenButton,
        )  # fmt: skip
        for action in (self.add_action, self.edit_action, self.status_action):
            bar.addAction(action)
        bar.addAction(self.delete_action)
        bar.addSeparator()
        bar.addAction(self.undo_action)
        bar.addSeparator()
        for action in (self.excel_action, self.pdf_action, self.import_action):
            bar.addAction(action)
        return bar

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("memberSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(_("Tìm theo tên, số thẻ, điện thoại… (Ctrl+F)"))
        self.search.textChanged.connect(self._search_changed)
        self._action(_("Tìm"), self._focus_search, QKeySequence.StandardKey.Find)
        self.status_filter = QComboBox()
        for key, label in STATUS_FILTERS.items():
            self.status_filter.addItem(_(label), key)
        self.status_filter.currentIndexChanged.connect(self._filters_changed)
        self.position_filter = QComboBox()
        self.position_filter.addItem(_("Mọi chức vụ"), "")
        for value in member_choices()["position"].values:
            self.position_filter.addItem(value, value)
        self.position_filter.currentIndexChanged.connect(self._filters_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("memberCount")
        row.addWidget(self.search, 3)
        row.addWidget(self.status_filter)
        row.addWidget(self.position_filter)
        row.addWidget(self.count_label, 2, Qt.AlignmentFlag.AlignRight)
        return row

    # --- data ---------------------------------------------------------------------------------
    def load(self) -> None:
        if self._loading:
            self._reload_pending = True
            return
        self._loading = True
        self.tasks.run(member_list, today=_today(), on_done=self._loaded, on_error=self._failed)

    def _failed(self, exc: Exception) -> None:
        self._loading = False
        show_error(self, exc)

    def _loaded(self, items) -> None:
        self._loading = False
        keep = self._selected_id
        self.model.set_members(items, list(member_choices()["position"].values), _today())
        self.table.horizontalHeader().setSortIndicator(
            self.model.sort_column, self.model.sort_order
        )
        self._after_filter(keep)
        if self._reload_pending:
            self._reload_pending = False
            self.load()

    def on_changed(self, changes: Changes) -> None:
        if changes.members:
            self.load()
            if self.form is not None and self.form.isVisible():
                self.form.reload()

    def _search_changed(self, text: str) -> None:
        keep = self._selected_id
        self.proxy.set_search(text)
        self._after_filter(keep)

    def _filters_changed(self) -> None:
        keep = self._selected_id
        self.model.apply_filters(
            self.status_filter.currentData(), self.position_filter.currentData()
        )
        self._after_filter(keep)

    def _after_filter(self, keep: int | None) -> None:
        shown, total = self.proxy.shown_count(), self.proxy.total_count()
        self.count_label.setText(
            _("Hiển thị {shown} / {total} đảng viên").format(shown=shown, total=total)
        )
        if keep is not None:
            index = self.proxy.index_of(keep)
            if index.isValid():
                self.table.selectionModel().select(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
        self._selection_changed()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.member_id(rows[0]) if rows else None

    def select_member(self, member_id: int) -> None:
        self._after_filter(member_id)

    def _selection_changed(self, *_args) -> None:
        current = self.selected_id()
        if current is not None:
            self._selected_id = current
        self._update_actions()

    def _undo_index_changed(self, _index: int) -> None:
        # The stack signals once more while the page is being destroyed.
        with contextlib.suppress(RuntimeError):
            self._update_actions()

    def _update_actions(self) -> None:
        has = self.selected_id() is not None
        for action in (self.edit_action, self.status_action, self.delete_action):
            action.setEnabled(has)
        self.undo_action.setEnabled(self.undo_stack.canUndo())
        text = self.undo_stack.undoText()
        self.undo_action.setText(_("Hoàn tác: {what}").format(what=text) if text else _("Hoàn tác"))

    # --- actions --------------------------------------------------------------------------------
    def _open_form(self, member_id: int | None) -> MemberForm:
        form = MemberForm(self, self.tasks, member_id)
        form.saved.connect(self._form_saved)
        form.status_requested.connect(self.record_status)
        form.finished.connect(lambda _r: setattr(self, "form", None))
        self.form = form
        form.open()
        return form

    def add_member(self) -> None:
        self._open_form(None)

    def edit_member(self) -> None:
        member_id = self.selected_id()
        if member_id is not None:
            self._open_form(member_id)

    def _form_saved(self, member_id: int, before, after) -> None:
        self._selected_id = member_id
        if before is None:
            first = getattr(self.sender(), "first_status", None)
            self.undo_stack.push(AddMemberCommand(self, member_id, after, first))
        else:
            self.undo_stack.push(EditMemberCommand(self, before, after))

    def record_status(self, member_id: int | None = None) -> None:
        member_id = member_id or self.selected_id()
        if member_id is not None:
            self.tasks.run(get_member, member_id, on_done=self._ask_status)

    def _ask_status(self, detail) -> None:
        last = max((c.date for c in detail.history), default=None)
        parent = self.form if self.form is not None and self.form.isVisible() else self
        dialog = StatusDialog(
            parent,
            detail.member.full_name,
            allowed_changes(detail.state, last),
            _today(),
            earliest=last,
        )
        self.status_dialog = dialog

        def accepted() -> None:
            change = dialog.value()

            def done(result) -> None:
                self.undo_stack.push(StatusChangeCommand(self, detail.member, change, result.value))

            self.tasks.run(
                add_status_change,
                detail.member.id,
                change,
                on_done=done,
                on_error=lambda e: show_error(parent, e),
            )

        dialog.accepted.connect(accepted)
        dialog.open()

    def delete_selected(self) -> None:
        member_id = self.selected_id()
        if member_id is None:
            return
        row = self.proxy.mapToSource(self.table.selectionModel().selectedRows()[0]).row()
        item = self.model.item_at(row)
        question = _(
            "Xóa hẳn hồ sơ “{name}”?\n\nChỉ dùng khi hồ sơ được nhập nhầm. Đảng viên chuyển "
            "đi, từ trần… thì dùng “Ghi biến động” để giữ lại lịch sử."
        ).format(name=item.full_name)
        if confirm(self, _("Xóa hồ sơ"), question):
            self._selected_id = None
            self.tasks.run(delete_member, member_id)

    def export(self, kind: str) -> None:
        label = {"xlsx": _("Tệp Excel (*.xlsx)"), "pdf": _("Tệp PDF (*.pdf)")}[kind]
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Xuất danh sách đảng viên"), f"danh-sach-dang-vien.{kind}", label
        )
        if name:
            self.export_to(name)

    def export_to(self, path: str) -> None:
        ids = [self.model.items[i].id for i in self.model.shown]
        run_with_progress(
            self,
            self.tasks,
            _("Đang xuất danh sách đảng viên…"),
            export_members,
            path,
            member_ids=ids,
            today=_today(),
            on_done=lambda result: self._exported(result),
        )

    def _exported(self, result) -> None:
        self.last_export = result
        self.window().statusBar().showMessage(
            _("Đã xuất {n} đảng viên ra {path}").format(n=result.count, path=result.path), 8000
        )

    def import_members(self) -> None:
        from ..dialogs.import_wizard import run_import_wizard

        run_import_wizard(self, self.tasks)

    def maybe_leave(self) -> bool:
        if self.form is not None and self.form.isVisible():
            return self.form.maybe_close()
        return True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.search.setFocus)
