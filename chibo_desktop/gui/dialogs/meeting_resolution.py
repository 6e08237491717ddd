"""The editor's "Nghị quyết" tab: the cell's resolution drafted from the minutes, edited
by the secretary, printed as PDF or Word. Editable after the minutes are finalised: the
resolution is written up after the meeting."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.meeting_documents import ResolutionText, Task, is_regular
from ...domain.meetings import Meeting
from ...i18n import _
from ...services.meetings import documents as svc
from ..errors import show_error
from ..file_dialogs import ask_document_path
from ..widgets.paragraph import paragraph


class ResolutionTab(QWidget):
    def __init__(self, tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.meeting_id: int | None = None
        layout = QVBoxLayout(self)
        self.state = paragraph()
        layout.addWidget(self.state)
        form = QFormLayout()
        self.number = QLineEdit()
        self.number.setPlaceholderText(_("để trống: số tiếp theo trong năm (…-NQ/CB)"))
        self.grounds = QPlainTextEdit()
        self.grounds.setToolTip(_("Mỗi dòng một căn cứ"))
        self.review = QPlainTextEdit()
        self.implementation = QPlainTextEdit()
        for box in (self.grounds, self.review, self.implementation):
            box.setTabChangesFocus(True)
        self.task_table = QTableWidget(0, 3)
        self.task_table.setHorizontalHeaderLabels(
            [_("Nhiệm vụ"), _("Người thực hiện"), _("Thời hạn")]
        )
        header = self.task_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.task_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        task_buttons = QHBoxLayout()
        self.add_task = QPushButton(_("Thêm nhiệm vụ"))
        self.remove_task = QPushButton(_("Xóa nhiệm vụ"))
        self.add_task.clicked.connect(lambda: self._add_row(Task("")))
        self.remove_task.clicked.connect(self._remove_row)
        task_buttons.addWidget(self.add_task)
        task_buttons.addWidget(self.remove_task)
        task_buttons.addStretch(1)
        tasks_box = QVBoxLayout()
        tasks_box.addWidget(self.task_table)
        tasks_box.addLayout(task_buttons)
        form.addRow(_("Số:"), self.number)
        form.addRow(_("Căn cứ:"), self.grounds)
        form.addRow(_("Đánh giá tháng qua:"), self.review)
        form.addRow(_("Nhiệm vụ tháng tới:"), tasks_box)
        form.addRow(_("Tổ chức thực hiện:"), self.implementation)
        layout.addLayout(form, 1)
        self.vote = paragraph()
        layout.addWidget(self.vote)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(_("Lưu nghị quyết"))
        self.redraft_button = QPushButton(_("Soạn lại từ biên bản"))
        self.redraft_button.setToolTip(_("Bỏ các chỗ đã sửa, lấy lại nội dung từ biên bản"))
        self.export_button = QPushButton(_("Lưu PDF/Word…"))
        self.save_button.clicked.connect(self.save)
        self.redraft_button.clicked.connect(self.redraft)
        self.export_button.clicked.connect(self.export)
        for button in (self.save_button, self.redraft_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.setEnabled(False)

    # --- showing --------------------------------------------------------------------------
    def show_meeting(self, meeting: Meeting) -> None:
        regular = meeting.id is not None and is_regular(meeting)
        self.meeting_id = meeting.id if regular else None
        self.setEnabled(regular)
        for box in (self.number, self.grounds, self.review, self.implementation):
            box.setReadOnly(False)
        if not regular:
            self.state.setText(_("Chỉ buổi sinh hoạt thường kỳ mới ra nghị quyết tháng."))
            return
        self.tasks.run(svc.resolution_view, meeting.id, on_done=self._show)

    def _show(self, view) -> None:
        text, edited, vote = view
        self.state.setText(
            _("Nghị quyết đã được sửa và lưu.")
            if edited
            else _("Dự thảo lấy từ biên bản (kết luận, nhiệm vụ tháng tới); sửa rồi bấm Lưu.")
        )
        self.number.setText(text.number)
        self.grounds.setPlainText("\n".join(text.grounds))
        self.review.setPlainText(text.review)
        self.implementation.setPlainText(text.implementation)
        self.task_table.setRowCount(0)
        for task in text.tasks:
            self._add_row(task)
        self.vote.setText(
            _("Biểu quyết (từ biên bản): {vote}").format(vote=vote.text)
            if vote
            else _("Biên bản chưa ghi biểu quyết nào: hãy ghi ở thẻ Biểu quyết.")
        )

    def _add_row(self, task: Task) -> None:
        row = self.task_table.rowCount()
        self.task_table.insertRow(row)
        for column, value in enumerate((task.text, task.who, task.due)):
            self.task_table.setItem(row, column, QTableWidgetItem(value))

    def _remove_row(self) -> None:
        row = self.task_table.currentRow()
        if row >= 0:
            self.task_table.removeRow(row)

    def collect(self) -> ResolutionText:
        def cell(row: int, column: int) -> str:
            item = self.task_table.item(row, column)
            return item.text() if item is not None else ""

        return ResolutionText(
            grounds=self.grounds.toPlainText().split("\n"),
            review=self.review.toPlainText(),
            tasks=[
                Task(cell(r, 0), cell(r, 1), cell(r, 2)) for r in range(self.task_table.rowCount())
            ],
            implementation=self.implementation.toPlainText(),
            number=self.number.text(),
        )

    # --- actions --------------------------------------------------------------------------
    def save(self, then=None) -> None:
        if self.meeting_id is None:
            return
        meeting_id = self.meeting_id

        def done(_result) -> None:
            self.tasks.run(svc.resolution_view, meeting_id, on_done=self._show)
            if then is not None:
                then()

        self.tasks.run(
            svc.save_resolution,
            meeting_id,
            self.collect(),
            on_done=done,
            on_error=lambda e: show_error(self, e, _("Chưa lưu được nghị quyết")),
        )

    def redraft(self) -> None:
        if self.meeting_id is None:
            return
        meeting_id = self.meeting_id
        self.tasks.run(
            svc.redraft_resolution,
            meeting_id,
            on_done=lambda _r: self.tasks.run(svc.resolution_view, meeting_id, on_done=self._show),
        )

    def export(self) -> None:
        if self.meeting_id is None:
            return
        path = ask_document_path(self, _("Lưu nghị quyết"), f"nghi-quyet-{self.meeting_id}.pdf")
        if path is None:
            return
        meeting_id = self.meeting_id
        self.save(
            then=lambda: self.tasks.run(
                svc.export_resolution,
                meeting_id,
                path,
                on_done=lambda written: self.state.setText(_("Đã ghi {path}").format(path=written)),
                on_error=lambda e: show_error(self, e, _("Không tạo được nghị quyết")),
            )
        )
