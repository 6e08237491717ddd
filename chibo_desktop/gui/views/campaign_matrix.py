"""The members × items table of a campaign, with bulk marking and "who has not yet …"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.campaign import CampaignState
from ...i18n import _, ngettext
from ...services.campaigns.campaign import mark_column, mark_from_attendance, set_mark
from ...services.contract.context import today as _today
from ..dialogs.campaign_dialogs import BulkMarkDialog, MarkDialog
from ..dialogs.self_review_dialog import SelfReviewDialog
from ..errors import show_error
from ..models.campaign_matrix import MatrixFilter, MatrixModel
from ..widgets.paragraph import paragraph


class MatrixTab(QWidget):
    def __init__(self, tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.state: CampaignState | None = None
        self.meetings: list[dict] = []
        self.reload = lambda: None  # set by the page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        bar = QHBoxLayout()
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(_("Ai chưa:")))
        self.missing = QComboBox()
        self.missing.setMinimumWidth(220)
        self.missing.setToolTip(_("Chỉ hiện những đảng viên chưa làm mục đã chọn"))
        self.missing.currentIndexChanged.connect(self._filter)
        filter_row.addWidget(self.missing)
        self.shown = QLabel()
        filter_row.addWidget(self.shown, 1)
        self.column_button = QPushButton(_("Đánh dấu cả cột…"))
        self.column_button.setToolTip(_("Đánh dấu một mục cho mọi đảng viên (ví dụ cả chi bộ dự)"))
        self.column_button.clicked.connect(self.mark_whole_column)
        self.attendance_button = QPushButton(_("Theo điểm danh…"))
        self.attendance_button.setToolTip(_("Đánh dấu những người có mặt trong một biên bản họp"))
        self.attendance_button.clicked.connect(self.mark_from_meeting)
        self.mark_button = QPushButton(_("Ngày, ghi chú…"))
        self.mark_button.clicked.connect(self.edit_mark)
        self.review_button = QPushButton(_("Bản tự kiểm điểm…"))
        self.review_button.setToolTip(_("Bản tự kiểm điểm của đảng viên đang chọn"))
        self.review_button.clicked.connect(self.open_review)
        for button in (
            self.column_button,
            self.attendance_button,
            self.mark_button,
            self.review_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        layout.addLayout(filter_row)

        self.model = MatrixModel(self)
        self.model.mark_toggled.connect(self._toggled)
        self.proxy = MatrixFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.selectionModel().currentChanged.connect(lambda *_a: self._sync())
        layout.addWidget(self.view, 1)
        self.legend = paragraph(
            _(
                "Ô nền hồng: chưa làm. Tên màu xanh: vào chi bộ giữa đợt; tên xám nghiêng: đã "
                "rời chi bộ (không tính vào tỷ lệ). Bấm vào ô để đánh dấu; nhấp đúp để ghi "
                "ngày và ghi chú; nhấp đúp vào tên để mở bản tự kiểm điểm."
            )
        )
        layout.addWidget(self.legend)
        self._sync()

    def set_state(self, state: CampaignState, meetings: list[dict]) -> None:
        changed_template = self.state is None or self.state.template != state.template
        self.state = state
        self.meetings = meetings
        self.model.set_state(state)
        if changed_template:
            current = self.missing.currentData()
            self.missing.blockSignals(True)
            self.missing.clear()
            self.missing.addItem(_("(tất cả đảng viên)"), None)
            for item in state.template.items:
                self.missing.addItem(item.title[:1].lower() + item.title[1:], item.key)
            self.missing.setCurrentIndex(max(0, self.missing.findData(current)))
            self.missing.blockSignals(False)
            self._filter()
        self._count()
        self._sync()

    def show_missing(self, item_key: str | None) -> None:
        self.missing.setCurrentIndex(max(0, self.missing.findData(item_key)))

    def _filter(self) -> None:
        self.proxy.set_missing(self.missing.currentData())
        self._count()

    def _count(self) -> None:
        shown = self.proxy.rowCount()
        active = sum(1 for m in self.model.members if m.active)
        left = len(self.model.members) - active
        if self.missing.currentData() is None:
            text = ngettext("{n} đảng viên", "{n} đảng viên", active).format(n=active)
            if left:
                text += ngettext(", {n} đã rời chi bộ", ", {n} đã rời chi bộ", left).format(n=left)
            self.shown.setText(text)
        else:
            self.shown.setText(
                ngettext("{n} đảng viên chưa làm", "{n} đảng viên chưa làm", shown).format(n=shown)
            )

    def _sync(self) -> None:
        has = self.state is not None
        index = self.current_source()
        for button in (self.column_button, self.attendance_button):
            button.setEnabled(has)
        self.mark_button.setEnabled(has and index is not None and index.column() > 0)
        self.review_button.setEnabled(has and index is not None)

    def current_source(self):
        index = self.view.currentIndex()
        return self.proxy.mapToSource(index) if index.isValid() else None

    def _current_item_key(self) -> str | None:
        index = self.current_source()
        item = self.model.item_at(index.column()) if index is not None else None
        return item.key if item else self.missing.currentData()

    # --- writes ----------------------------------------------------------------------------
    def _failed(self, exc: Exception) -> None:
        show_error(self, exc)
        self.reload()  # undo the optimistic tick

    def _toggled(self, member_id: int, item_key: str, done: bool) -> None:
        self.tasks.run(
            set_mark,
            self.state.id,
            member_id,
            item_key,
            _today() if done else None,
            on_error=self._failed,
        )

    def edit_mark(self) -> MarkDialog | None:
        index = self.current_source()
        if self.state is None or index is None or index.column() == 0:
            return None
        member = self.model.member_at(index.row())
        item = self.model.item_at(index.column())
        dialog = MarkDialog(
            member.full_name, item, self.model.mark(index.row(), index.column()), _today(), self
        )
        if dialog.exec():
            done, note = dialog.value()
            self.tasks.run(
                set_mark,
                self.state.id,
                member.member_id,
                item.key,
                done,
                note,
                on_error=self._failed,
            )
        return dialog

    def mark_whole_column(self) -> None:
        if self.state is None:
            return
        dialog = BulkMarkDialog(
            self.state.template.items, self._current_item_key(), _today(), None, self
        )
        if not dialog.exec():
            return
        done, note = dialog.value()
        self.tasks.run(
            mark_column,
            self.state.id,
            dialog.item_key(),
            done,
            note,
            on_done=self._report,
            on_error=self._failed,
        )

    def mark_from_meeting(self) -> None:
        if self.state is None:
            return
        dialog = BulkMarkDialog(
            self.state.template.items, self._current_item_key(), _today(), self.meetings, self
        )
        if not dialog.exec() or dialog.meeting_id() is None:
            return
        self.tasks.run(
            mark_from_attendance,
            self.state.id,
            dialog.item_key(),
            dialog.meeting_id(),
            on_done=self._report,
            on_error=self._failed,
        )

    def _report(self, result) -> None:
        self.legend.setText(
            ngettext(
                "Đã đánh dấu thêm {n} đảng viên.", "Đã đánh dấu thêm {n} đảng viên.", result.value
            ).format(n=result.value)
            if result.value
            else _("Không có ai cần đánh dấu thêm.")
        )

    # --- member context --------------------------------------------------------------------
    def open_review(self) -> SelfReviewDialog | None:
        index = self.current_source()
        if self.state is None or index is None:
            return None
        member = self.model.member_at(index.row())
        dialog = SelfReviewDialog(
            self.tasks,
            self.state.id,
            member.member_id,
            member.full_name,
            self.state.template,
            _today(),
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _double_clicked(self, index) -> None:
        self.view.setCurrentIndex(index)
        if self.proxy.mapToSource(index).column() == 0:
            self.open_review()
        else:
            self.edit_mark()

    def _menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        if self.proxy.mapToSource(index).column() > 0:
            menu.addAction(_("Ngày, ghi chú…"), self.edit_mark)
            menu.addAction(_("Đánh dấu cả cột…"), self.mark_whole_column)
        menu.addAction(_("Bản tự kiểm điểm…"), self.open_review)
        menu.exec(self.view.viewport().mapToGlobal(pos))
