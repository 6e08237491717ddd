"""The editor's action bar: save, finalise / reopen, print, save as PDF, blank form."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.meetings import Meeting
from ...i18n import _, format_stamp
from ...services.meetings import minutes as svc
from ...services.meetings import printing as export
from ..errors import show_error
from ..file_dialogs import ask_document_path
from ..printing import print_file, print_folder
from ..widgets.elided_label import ElidedLabel
from ..widgets.questions import confirm


class MeetingActions(QWidget):
    def __init__(self, editor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.opener = lambda path: print_file(self, path)
        # Two rows — the record, then the paper — so that a narrow window keeps every word.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        record_row, paper_row = QHBoxLayout(), QHBoxLayout()
        layout.addLayout(record_row)
        layout.addLayout(paper_row)
        self.save_button = QPushButton(_("Lưu"))
        self.save_button.setToolTip(_("Lưu ngay (Ctrl+S); biên bản vẫn tự lưu khi sửa"))
        self.finalise_button = QPushButton(_("Hoàn tất"))
        self.finalise_button.setToolTip(_("Khóa biên bản; muốn sửa phải mở lại"))
        self.reopen_button = QPushButton(_("Mở lại để sửa"))
        self.print_button = QPushButton(_("In…"))
        self.print_button.setToolTip(_("Mở bản PDF để in (Ctrl+P)"))
        self.pdf_button = QPushButton(_("Lưu PDF/Word…"))
        self.notice_button = QPushButton(_("Thông báo…"))
        self.notice_button.setToolTip(
            _("Thông báo sinh hoạt gửi đảng viên và cấp trên: PDF, Word hoặc văn bản để nhắn tin")
        )
        self.blank_button = QPushButton(_("Mẫu ghi tay…"))
        self.blank_button.setToolTip(_("Biên bản trống có sẵn danh sách điểm danh, để ghi tay"))
        self.state = QLabel()
        self.state.setObjectName("meetingState")
        self.message = ElidedLabel()  # "Đã ghi /a/long/path.pdf" must not widen the editor
        for row, button, slot in (
            (record_row, self.save_button, self.save_now),
            (record_row, self.finalise_button, self.finalise),
            (record_row, self.reopen_button, self.reopen),
            (paper_row, self.print_button, self.print_pdf),
            (paper_row, self.pdf_button, self.save_pdf),
            (paper_row, self.blank_button, self.save_blank),
            (paper_row, self.notice_button, self.save_notice),
        ):
            button.clicked.connect(slot)
            row.addWidget(button)
        record_row.addSpacing(12)
        record_row.addWidget(self.state)
        record_row.addStretch(1)
        paper_row.addWidget(self.message, 1)
        self.setEnabled(False)

    @property
    def tasks(self):
        return self.editor.tasks

    def show_state(self, meeting: Meeting) -> None:
        self.setEnabled(True)
        final = meeting.final
        self.save_button.setVisible(not final)
        self.finalise_button.setVisible(not final)
        self.reopen_button.setVisible(final)
        if final:
            last = next((e for e in reversed(meeting.events) if e.action == "finalise"), None)
            when = format_stamp(last.at) if last else ""
            self.state.setText(
                "<b>"
                + _("Đã hoàn tất")
                + "</b> "
                + (_("({when})").format(when=when) if when else "")
            )
        else:
            self.state.setText("<b>" + _("Nháp") + "</b>")
        reopened = [e for e in meeting.events if e.action == "reopen"]
        self.message.setText(
            _("Mở lại lần cuối: {user}, {when}").format(
                user=reopened[-1].user or "?", when=format_stamp(reopened[-1].at)
            )
            if reopened and not final
            else ""
        )

    def set_message(self, text: str) -> None:
        self.message.setText(text)

    def _meeting_id(self) -> int | None:
        meeting = self.editor.meeting
        return meeting.id if meeting is not None else None

    def save_now(self) -> None:
        self.editor.flush()

    def finalise(self) -> None:
        meeting_id = self._meeting_id()
        if meeting_id is None or self.editor.refuses_date():
            return
        self.editor.flush()
        self.tasks.run(
            svc.finalise,
            meeting_id,
            on_done=lambda _r: self.editor.reload(),
            on_error=lambda e: show_error(self, e, _("Chưa hoàn tất được")),
        )

    def reopen(self) -> None:
        meeting_id = self._meeting_id()
        if meeting_id is None:
            return
        if not confirm(
            self,
            _("Mở lại biên bản"),
            _(
                "Biên bản đã hoàn tất. Mở lại để sửa? Việc mở lại được ghi nhận "
                "(người mở, thời điểm)."
            ),
        ):
            return
        self.tasks.run(
            svc.reopen,
            meeting_id,
            on_done=lambda _r: self.editor.reload(),
            on_error=lambda e: show_error(self, e),
        )

    def _export(self, path: Path, blank: bool, then=None) -> None:
        meeting_id = self._meeting_id()
        if meeting_id is None or self.editor.refuses_date():
            return
        self.editor.flush()
        self.set_message(_("Đang tạo tệp…"))

        def done(written) -> None:
            self.set_message(_("Đã ghi {path}").format(path=written))
            if then is not None:
                then(Path(written))

        self.tasks.run(
            export.export_minutes,
            meeting_id,
            path,
            blank=blank,
            on_done=done,
            on_error=lambda e: show_error(self, e, _("Không tạo được tệp")),
        )

    def print_pdf(self) -> None:
        folder = print_folder()
        self._export(folder / f"bien-ban-{self._meeting_id()}.pdf", False, self.opener)

    def _ask_path(self, suggested: str) -> Path | None:
        return ask_document_path(self, _("Lưu biên bản"), suggested)

    def save_pdf(self) -> None:
        meeting = self.editor.meeting
        if meeting is None:
            return
        path = self._ask_path(f"bien-ban-{meeting.date.isoformat()}.pdf")
        if path is not None:
            self._export(path, False)

    def save_blank(self) -> None:
        meeting = self.editor.meeting
        if meeting is None:
            return
        path = self._ask_path(f"mau-bien-ban-{meeting.date.isoformat()}.pdf")
        if path is not None:
            self._export(path, True)

    def save_notice(self) -> None:
        from ...services.meetings.documents import export_notice

        meeting = self.editor.meeting
        if meeting is None or meeting.id is None:
            return
        path = ask_document_path(
            self,
            _("Lưu thông báo sinh hoạt"),
            f"thong-bao-{meeting.date.isoformat()}.pdf",
            "PDF (*.pdf);;Word (*.docx);;" + _("Văn bản để nhắn tin") + " (*.txt)",
        )
        if path is None:
            return
        self.editor.flush()
        self.tasks.run(
            export_notice,
            meeting.id,
            path,
            on_done=lambda written: self.set_message(_("Đã ghi {path}").format(path=written)),
            on_error=lambda e: show_error(self, e, _("Không tạo được thông báo")),
        )
