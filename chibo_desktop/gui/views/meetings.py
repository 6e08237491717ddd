"""Sinh hoạt chi bộ: the meetings by date with full-text search, and the minutes editor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, ngettext
from ...services.contract.context import today as _today
from ...services.contract.results import Changes
from ...services.meetings import minutes as meetings_svc
from ...services.meetings import printing as export
from ..errors import show_error
from ..file_dialogs import EXPORTS, ask_save_path
from ..models.meetings_model import ID, MeetingFilter, MeetingListModel
from ..widgets.elided_label import ElidedLabel
from ..widgets.questions import confirm
from ..widgets.tables import record_table
from .base import Page, page_heading
from .pages import described


def _list_meetings(db):
    return meetings_svc.list_meetings(db)


class MeetingsPage(Page):
    key, title, icon = described("meetings")

    def __init__(self, tasks, parent: QWidget | None = None) -> None:
        from ..dialogs.meeting_editor import MeetingEditor

        super().__init__(tasks, parent)
        self.selected_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        top = QHBoxLayout()
        top.addWidget(page_heading(_("Sinh hoạt chi bộ")))
        top.addStretch(1)
        self.new_button = QPushButton(_("Biên bản mới…"))
        self.new_button.setToolTip(_("Tạo biên bản từ mẫu (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_meeting)
        self.delete_button = QPushButton(_("Xóa"))
        self.delete_button.clicked.connect(self.delete_meeting)
        self.xlsx_button = QPushButton(_("Bảng dự họp cả năm…"))
        self.xlsx_button.clicked.connect(self.export_year)
        self.blank_button = QPushButton(_("Mẫu biên bản trống…"))
        self.blank_button.setToolTip(
            _("Biên bản để ghi tay cho buổi sắp tới: ngày, số, chủ trì, thư ký để trống")
        )
        self.blank_button.clicked.connect(self.export_blank)
        buttons = (self.new_button, self.delete_button, self.xlsx_button, self.blank_button)
        for button in buttons:
            top.addWidget(button)
        layout.addLayout(top)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Tìm trong biên bản (không cần dấu)… Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        self.search_timer = QTimer(self, singleShot=True, interval=200)
        self.search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        left_box.addWidget(self.search)
        self.model = MeetingListModel(self)
        self.proxy = MeetingFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = record_table(self.proxy, sort_column=0, descending=True)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Narrow windows squeeze the editor (it scrolls), never the list's titles.
        self.view.setMinimumWidth(
            sum(header.sectionSizeHint(c) for c in range(self.model.columnCount())) + 24
        )
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        left_box.addWidget(self.view)
        self.count_label = ElidedLabel()  # a saved file's path must not widen the list
        left_box.addWidget(self.count_label)

        self.editor = MeetingEditor(tasks, self)
        self.editor.saved.connect(lambda _id: None)
        self.right = QStackedWidget()
        self.placeholder = QLabel(
            _("Chọn một buổi sinh hoạt ở danh sách bên trái, hoặc bấm “Biên bản mới…”.")
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.right.addWidget(self.placeholder)
        self.right.addWidget(self.editor)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([330, 900])
        layout.addWidget(self.splitter, 1)

        self._shortcut(QKeySequence.StandardKey.New, self.new_meeting)
        self._shortcut(QKeySequence.StandardKey.Find, self.search.setFocus)
        self._shortcut(QKeySequence.StandardKey.Save, self.editor.flush)
        self._shortcut(QKeySequence.StandardKey.Print, self.editor.actions_bar.print_pdf)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_meeting)

    def _shortcut(self, key, slot) -> None:
        shortcut = QShortcut(key, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    # --- list ---------------------------------------------------------------------------------
    def load(self) -> None:
        self.tasks.run(_list_meetings, on_done=self._rows)

    def on_changed(self, changes: Changes) -> None:
        if changes.meetings or changes.members or changes.cell:
            self.load()

    def maybe_leave(self) -> bool:
        self.editor.flush()
        return True

    def _rows(self, rows: list[dict]) -> None:
        self.model.set_rows(rows)
        self.count_label.setText(
            ngettext("{n} buổi sinh hoạt", "{n} buổi sinh hoạt", len(rows)).format(n=len(rows))
        )
        if self.selected_id is None and self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, 0))  # the newest meeting
        else:
            self._select(self.selected_id)

    def show_record(self, record_id) -> None:
        """Open a meeting (e.g. one a reminder is about) and select it in the list."""
        meeting_id = int(record_id)
        if self.search.text():
            self.search.clear()
            self.search_timer.stop()
            self.proxy.set_ids(None)
        if meeting_id != self.selected_id or self.right.currentWidget() is not self.editor:
            self.selected_id = meeting_id
            self.right.setCurrentWidget(self.editor)
            self.editor.open_meeting(meeting_id)
        self._select(meeting_id)

    def _select(self, meeting_id: int | None) -> None:
        if meeting_id is None:
            return
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID) == meeting_id:
                self.view.selectionModel().blockSignals(True)
                self.view.setCurrentIndex(index)
                self.view.selectionModel().blockSignals(False)
                return

    def _row_changed(self, current, _previous) -> None:
        if not current.isValid():
            return

        meeting_id = current.data(ID)
        if meeting_id == self.selected_id:
            return
        self.selected_id = meeting_id
        self.right.setCurrentWidget(self.editor)
        self.editor.open_meeting(meeting_id)

    def _run_search(self) -> None:
        text = self.search.text().strip()
        if not text:
            self.proxy.set_ids(None)
            return
        self.tasks.run(
            meetings_svc.search_meetings, text, on_done=lambda ids: self.proxy.set_ids(set(ids))
        )

    # --- actions ------------------------------------------------------------------------------
    def new_meeting(self) -> None:
        from ..dialogs.meeting_parts import NewMeetingDialog

        dialog = NewMeetingDialog(meetings_svc.kind_labels(), _today(), self)
        if not dialog.exec():
            return
        date, kinds, topic = dialog.value()
        self.editor.flush()
        fields = {"topic": topic} if topic else {}

        def created(result) -> None:
            self.selected_id = result.value
            self.right.setCurrentWidget(self.editor)
            self.editor.open_meeting(result.value)

        self.tasks.run(
            meetings_svc.create_meeting,
            date,
            kinds,
            on_done=created,
            on_error=lambda e: show_error(self, e),
            **fields,
        )

    def delete_meeting(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return

        meeting_id = index.data(ID)
        title = self.proxy.index(index.row(), 1).data()
        if not confirm(
            self,
            _("Xóa biên bản"),
            _("Xóa biên bản nháp “{title}”? Không lấy lại được.").format(title=title),
        ):
            return

        def deleted(_result) -> None:
            self.selected_id = None
            self.editor.meeting = None
            self.right.setCurrentWidget(self.placeholder)

        self.editor.autosave.stop()
        self.editor.dirty = False
        self.tasks.run(
            meetings_svc.delete_meeting,
            meeting_id,
            on_done=deleted,
            on_error=lambda e: show_error(self, e, _("Không xóa được")),
        )

    def export_blank(self) -> None:
        from ..file_dialogs import ask_document_path

        path = ask_document_path(self, _("Lưu mẫu biên bản"), "mau-bien-ban.pdf")
        if path is None:
            return
        self.tasks.run(
            export.export_blank_form,
            path,
            on_done=lambda p: self.count_label.setText(_("Đã ghi {path}").format(path=p)),
            on_error=lambda e: show_error(self, e, _("Không tạo được PDF")),
        )

    def export_year(self) -> None:
        meeting = self.editor.meeting
        year = meeting.date.year if meeting is not None else _today().year
        name = ask_save_path(
            self,
            EXPORTS,
            _("Lưu bảng theo dõi dự họp năm {year}").format(year=year),
            f"du-hop-{year}.xlsx",
            "Excel (*.xlsx)",
        )
        if not name:
            return

        path = Path(name if name.lower().endswith(".xlsx") else name + ".xlsx")
        self.tasks.run(
            export.export_attendance_xlsx,
            year,
            path,
            on_done=lambda p: self.count_label.setText(_("Đã ghi {path}").format(path=p)),
            on_error=lambda e: show_error(self, e, _("Không ghi được tệp Excel")),
        )
