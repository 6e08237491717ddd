"""Edit one step of a campaign: status, dates, who is responsible, the evidence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.campaign import EVIDENCE_KINDS, STEP_STATUSES, CampaignMember, Step
from ...i18n import _
from ...services.campaigns.campaign import link_meeting, remove_file, update_step
from ...services.campaigns.files import attach_file_from, save_step_file
from ..errors import show_error
from ..file_dialogs import EXPORTS, ask_save_path
from ..printing import open_file, print_folder, say_no_viewer
from ..widgets.paragraph import paragraph
from .campaign_dialogs import buttons, compact, date_edit, meeting_label


def save_step(db, step_id: int, values: dict, meeting: tuple[bool, int | None]):
    """Runs on the worker: the step's fields, then the meeting link if it changed."""
    result = update_step(db, step_id, **values)
    changed, meeting_id = meeting
    if changed:
        result = link_meeting(db, step_id, meeting_id)
    return result


class StepDialog(QDialog):
    def __init__(
        self,
        tasks,
        step: Step,
        members: list[CampaignMember],
        meetings: list[dict],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.step = step
        self.file_name = step.file_name
        self.opener = lambda path: open_file(path) or say_no_viewer(self, path, to_print=False)
        self.setWindowTitle(_("Sửa bước"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        title = paragraph(f"<b>{step.title}</b>")
        layout.addWidget(title)
        form = QFormLayout()
        self.due = date_edit(step.due or today)
        form.addRow(_("Hạn:"), self.due)
        self.responsible = QComboBox()
        self.responsible.addItem(_("(chưa giao)"), None)
        for member in members:
            if member.active or member.member_id == step.responsible_id:
                self.responsible.addItem(member.full_name, member.member_id)
        self.responsible.setCurrentIndex(max(0, self.responsible.findData(step.responsible_id)))
        form.addRow(_("Người phụ trách:"), self.responsible)
        self.status = QComboBox()
        for key in ("todo", "doing", "done"):
            self.status.addItem(_(STEP_STATUSES[key]), key)
        current = "done" if step.done else step.status
        self.status.setCurrentIndex(max(0, self.status.findData(current)))
        form.addRow(_("Trạng thái:"), self.status)
        self.done_date = date_edit(step.done or today)
        form.addRow(_("Ngày xong:"), self.done_date)
        self.status.currentIndexChanged.connect(self._sync)

        expected = _(EVIDENCE_KINDS.get(step.evidence, step.evidence)).lower()
        form.addRow(_("Minh chứng cần có:"), QLabel(expected))
        self.meeting = compact(QComboBox())
        self.meeting.addItem(_("(chưa liên kết)"), None)
        for meeting in meetings:
            self.meeting.addItem(meeting_label(meeting), meeting["id"])
        self.meeting.setCurrentIndex(max(0, self.meeting.findData(step.meeting_id)))
        self.meeting.setToolTip(
            _(
                "Bước được tính là xong vào ngày họp; ai có mặt được đánh dấu các mục "
                "“dự họp” gắn với bước này."
            )
        )
        self.meeting.currentIndexChanged.connect(self._meeting_chosen)
        form.addRow(_("Biên bản cuộc họp:"), self.meeting)
        self.meetings = {m["id"]: m for m in meetings}

        files = QHBoxLayout()
        self.file_label = QLabel()
        self.attach_button = QPushButton(_("Đính kèm tệp…"))
        self.attach_button.clicked.connect(self.attach)
        self.open_button = QPushButton(_("Mở"))
        self.open_button.clicked.connect(self.open_file)
        self.save_button = QPushButton(_("Lưu ra…"))
        self.save_button.clicked.connect(self.save_file)
        self.remove_button = QPushButton(_("Bỏ tệp"))
        self.remove_button.clicked.connect(self.remove)
        files.addWidget(self.file_label, 1)
        for button in (self.attach_button, self.open_button, self.save_button, self.remove_button):
            files.addWidget(button)
        form.addRow(_("Tệp đính kèm:"), files)
        self.note = QPlainTextEdit(step.note)
        self.note.setPlaceholderText(_("Ví dụ: số văn bản, nơi lưu bản giấy"))
        self.note.setFixedHeight(70)
        form.addRow(_("Ghi chú:"), self.note)
        layout.addLayout(form)
        self.message = QLabel()
        layout.addWidget(self.message)
        layout.addWidget(buttons(self, _("Lưu")))
        self._sync()
        self._show_file()

    def _sync(self) -> None:
        self.done_date.setEnabled(self.status.currentData() == "done")

    def _meeting_chosen(self) -> None:
        meeting = self.meetings.get(self.meeting.currentData())
        if meeting is not None:
            self.status.setCurrentIndex(self.status.findData("done"))
            self.done_date.set_date(dt.date.fromisoformat(meeting["date"][:10]))

    def _show_file(self) -> None:
        self.file_label.setText(self.file_name or _("(chưa có)"))
        for button in (self.open_button, self.save_button, self.remove_button):
            button.setEnabled(bool(self.file_name))

    def values(self) -> dict:
        responsible = self.responsible.currentData()
        values: dict = {
            "due": self.due.date(),
            "status": self.status.currentData(),
            "note": self.note.toPlainText().strip(),
            "responsible_id": responsible,
            "clear_responsible": responsible is None,
        }
        if values["status"] == "done":
            values["done"] = self.done_date.date()
        return values

    def meeting_change(self) -> tuple[bool, int | None]:
        chosen = self.meeting.currentData()
        return chosen != self.step.meeting_id, chosen

    # --- the attached file -----------------------------------------------------------------
    def attach(self) -> None:
        name, _f = QFileDialog.getOpenFileName(self, _("Chọn tệp đính kèm"), str(Path.home()))
        if not name:
            return
        self.message.setText(_("Đang lưu tệp vào dữ liệu…"))
        self.tasks.run(
            attach_file_from,
            self.step.id,
            Path(name),
            on_done=self._attached,
            on_error=self._failed,
        )

    def _attached(self, result) -> None:
        self.file_name = result.value
        self.message.setText(_("Đã lưu tệp “{name}” trong dữ liệu.").format(name=result.value))
        self._show_file()

    def _failed(self, exc: Exception) -> None:
        self.message.setText("")
        show_error(self, exc)

    def save_file(self) -> None:
        name = ask_save_path(self, EXPORTS, _("Lưu tệp đính kèm"), self.file_name, "")
        if name:
            self._write(Path(name), None)

    def open_file(self) -> None:
        self._write(print_folder("tep") / self.file_name, self.opener)

    def _write(self, path: Path, then) -> None:
        def done(written) -> None:
            self.message.setText(_("Đã ghi {path}").format(path=written))
            if then is not None:
                then(Path(written))

        self.tasks.run(save_step_file, self.step.id, path, on_done=done, on_error=self._failed)

    def remove(self) -> None:
        def removed(_result) -> None:
            self.file_name = ""
            self.message.setText(_("Đã bỏ tệp đính kèm."))
            self._show_file()

        self.tasks.run(remove_file, self.step.id, on_done=removed, on_error=self._failed)
