"""Đảng viên: the register as a list that filters as you type, with the member form."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMessageBox,
    QTableView,
    QWidget,
)

from ...i18n import _, ngettext
from ...services.contract.context import today as _today
from ...services.contract.results import Changes
from ...services.members import register as members
from ...services.members.listing import member_list
from ..errors import show_error
from ..file_dialogs import EXPORTS, ask_save_path
from ..models.members_model import STATUS_COLUMN, MembersModel, MembersProxy
from ..widgets.questions import confirm
from .base import Page, simple_layout
from .members_bar import MembersBar, position_values
from .pages import described

if TYPE_CHECKING:
    from ..dialogs.member_form import MemberForm
    from ..dialogs.status_dialog import StatusDialog

WIDTHS = (170, 58, 88, 44, 104, 72, 150, 225, 88, 90)


def _member_list(db, today):
    return member_list(db, today=today)


class MembersPage(MembersBar, Page):
    key, title, icon = described("members")

    def __init__(self, tasks, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.form: MemberForm | None = None
        self.status_dialog: StatusDialog | None = None
        self.undo_stack = QUndoStack(self)
        self._selected_id: int | None = None
        self._loading = False
        self._reload_pending = False
        self._record_to_show: int | None = None
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
        for column, width in enumerate(WIDTHS):  # never narrower than its title needs
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_member())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.undo_stack.indexChanged.connect(self._undo_index_changed)
        self._update_actions()

    # --- data ---------------------------------------------------------------------------------
    def load(self) -> None:
        if self._loading:
            self._reload_pending = True
            return
        self._loading = True
        self.tasks.run(_member_list, _today(), on_done=self._loaded, on_error=self._failed)

    def _failed(self, exc: Exception) -> None:
        self._loading = False
        show_error(self, exc)

    def _loaded(self, items) -> None:
        self._loading = False
        keep = self._selected_id
        self.model.set_members(items, position_values(), _today())
        self._fit_status_column()
        self.table.horizontalHeader().setSortIndicator(
            self.model.sort_column, self.model.sort_order
        )
        self._after_filter(keep)
        if self._reload_pending:
            self._reload_pending = False
            self.load()
        elif self._record_to_show is not None:
            self._show_member(self._record_to_show)

    def _fit_status_column(self) -> None:
        """Wide enough for the longest state shown ("Sinh hoạt tạm thời nơi khác"), measured
        on the few distinct labels rather than on every row."""
        labels = {item.status_label for item in self.model.items}
        metrics = self.table.fontMetrics()
        needed = max((metrics.horizontalAdvance(label) for label in labels), default=0) + 16
        header = self.table.horizontalHeader()
        header.resizeSection(STATUS_COLUMN, max(WIDTHS[STATUS_COLUMN], needed))

    def show_record(self, record_id) -> None:
        """Select a member's row (clearing filters that hide it) and open the record."""
        self._record_to_show = int(record_id)
        if not self._loading and self.model.items:
            self._show_member(self._record_to_show)

    def _show_member(self, member_id: int) -> None:
        self._record_to_show = None
        if not self.proxy.index_of(member_id).isValid():
            self.search.clear()
            self.position_filter.setCurrentIndex(0)
            self.status_filter.setCurrentIndex(self.status_filter.findData("all"))
        self._selected_id = member_id
        self._after_filter(member_id)
        if self.selected_id() == member_id and not (self.form and self.form.isVisible()):
            self._open_form(member_id)

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
        self.show_count(self.proxy.shown_count(), self.proxy.total_count())
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
        # The toolbar keeps a short text; what would be undone is in the tooltip.
        text = self.undo_stack.undoText()
        self.undo_action.setToolTip(
            _("Hoàn tác: {what} (Ctrl+Z)").format(what=text) if text else _("Hoàn tác (Ctrl+Z)")
        )

    # --- actions --------------------------------------------------------------------------------
    def _open_form(self, member_id: int | None) -> MemberForm:
        from ..dialogs.member_form import MemberForm

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
        from .members_undo import AddMemberCommand, EditMemberCommand

        self._selected_id = member_id
        if before is None:
            first = getattr(self.sender(), "first_status", None)
            self.undo_stack.push(AddMemberCommand(self, member_id, after, first))
        else:
            self.undo_stack.push(EditMemberCommand(self, before, after))

    def record_status(self, member_id: int | None = None) -> None:
        member_id = member_id or self.selected_id()
        if member_id is not None:
            self.tasks.run(members.get_member, member_id, on_done=self._ask_status)

    def _ask_status(self, detail) -> None:
        from ..dialogs.status_dialog import StatusDialog
        from .members_undo import StatusChangeCommand

        last = max((c.date for c in detail.history), default=None)
        parent = self.form if self.form is not None and self.form.isVisible() else self
        dialog = StatusDialog(
            parent,
            detail.member.full_name,
            members.allowed_changes(detail.state, last),
            _today(),
            earliest=last,
        )
        self.status_dialog = dialog

        def accepted() -> None:
            change = dialog.value()

            def done(result) -> None:
                self.undo_stack.push(StatusChangeCommand(self, detail.member, change, result.value))

            self.tasks.run(
                members.add_status_change,
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
            from .members_undo import DeleteMemberCommand

            self._selected_id = None

            def deleted(detail) -> None:
                self.undo_stack.push(DeleteMemberCommand(self, detail))

            self.tasks.run(
                members.delete_member,
                member_id,
                on_done=lambda result: deleted(result.value),
                on_error=lambda e: show_error(self, e),
            )

    def export(self, kind: str) -> None:
        label = {
            "xlsx": _("Tệp Excel (*.xlsx)"),
            "pdf": _("Tệp PDF (*.pdf)") + ";;" + _("Tệp Word để sửa tiếp (*.docx)"),
        }[kind]
        name = ask_save_path(
            self, EXPORTS, _("Xuất danh sách đảng viên"), f"danh-sach-dang-vien.{kind}", label
        )
        if name:
            self.export_to(name)

    def export_to(self, path: str) -> None:
        # Exporting and importing load on first use: the list opens without them (start-up).
        from ...services.members.exports import export_members
        from ..progress import run_with_progress

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
            ngettext(
                "Đã xuất {n} đảng viên ra {path}", "Đã xuất {n} đảng viên ra {path}", result.count
            ).format(n=result.count, path=result.path),
            8000,
        )
        from ..plain_export import tell_once

        tell_once(self, self.tasks)

    def import_members(self) -> None:
        from ..dialogs.import_wizard import run_import_wizard

        run_import_wizard(self, self.tasks)

    def undo_import(self) -> None:
        from ...services.importing import last_import
        from ...services.safety.before_bulk import undo_last_import_with_backup

        def ask(done) -> None:
            if done is None:
                QMessageBox.information(
                    self, _("Hoàn tác lần nhập"), _("Chưa có lần nhập danh sách nào để hoàn tác.")
                )
                return
            question = _(
                "Đưa sổ đảng viên về như trước lần nhập tệp {name} ({added} thêm mới, {updated} "
                "cập nhật)? Các đảng viên do lần nhập ấy thêm vào sẽ bị bỏ khỏi sổ."
            ).format(name=done["file_name"], added=done["added"], updated=done["updated"])
            if confirm(self, _("Hoàn tác lần nhập"), question):
                self.tasks.run(
                    undo_last_import_with_backup,
                    on_done=undone,
                    on_error=lambda e: show_error(self, e),
                )

        def undone(result) -> None:
            self.window().statusBar().showMessage(
                _("Đã hoàn tác lần nhập tệp {name} lúc {at}.").format(
                    name=result.value.file_name, at=result.value.at
                ),
                8000,
            )

        self.tasks.run(last_import, on_done=ask, on_error=lambda e: show_error(self, e))

    def maybe_leave(self) -> bool:
        if self.form is not None and self.form.isVisible():
            return self.form.maybe_close()
        return True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.search.setFocus)
