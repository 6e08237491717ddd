"""The minutes editor: header fields, attendance, agenda, discussion, votes, counts panel.

Edits are autosaved as a draft shortly after the last keystroke; a finalised record is shown
read-only until it is explicitly reopened.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import html

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.meetings import Counts, Discussion, Meeting, Resolution
from ...i18n import _
from ...services.meetings import minutes as svc
from ...services.meetings import phrases
from ..errors import show_error
from ..models.meetings_model import AttendanceModel, DiscussionModel, ResolutionModel
from ..tasks import Tasks
from ..widgets.day_edit import DayEdit
from ..widgets.paragraph import paragraph
from .meeting_actions import MeetingActions
from .meeting_agenda import ContentTab
from .meeting_content import GeneralTab, table
from .meeting_parts import ChoiceDelegate, state_choices
from .meeting_resolution import ResolutionTab

AUTOSAVE_MS = 1500
PHRASE_FIELDS = ("opening", "content", "conclusion")


# A finalised record's fields look as they are: not for typing in.
_READ_ONLY = "background: #efedea; color: #3a3a3a;"


class MeetingEditor(QWidget):
    """Shows one meeting; ``saved`` carries its id after each save."""

    saved = Signal(int)
    reloaded = Signal(int)

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.meeting: Meeting | None = None
        self.dirty = False
        self._loading = False
        self._saving = False
        self.counts: Counts | None = None

        self.autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save)
        self.summary_timer = QTimer(self, singleShot=True, interval=250)
        self.summary_timer.timeout.connect(self._request_summary)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.actions_bar = MeetingActions(self)
        layout.addWidget(self.actions_bar)

        self.tabs = QTabWidget()
        self.general = GeneralTab(self._touched)
        self.tabs.addTab(self.general, _("Thông tin chung"))

        self.tabs.addTab(self._attendance_page(), _("Điểm danh"))

        self.content = ContentTab(self._touched, self._save_phrase)
        self.tabs.addTab(self.content, _("Nội dung"))

        self._add_list_tabs()
        self.resolution = ResolutionTab(tasks, self)
        self.tabs.addTab(self.resolution, _("Nghị quyết"))

        layout.addWidget(self.tabs, 1)
        layout.addWidget(self._summary_panel())

    # --- building -------------------------------------------------------------------------
    def _attendance_page(self) -> QWidget:
        self.attendance = AttendanceModel(self)
        self.attendance.edited.connect(self._touched)
        attendance_proxy = QSortFilterProxyModel(self)
        attendance_proxy.setSourceModel(self.attendance)
        self.attendance_view = table(attendance_proxy, stretch=3)

        self.attendance_view.setItemDelegateForColumn(2, ChoiceDelegate(state_choices, self))
        self.attendance_view.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        page = QWidget()
        box = QVBoxLayout(page)
        hint = paragraph(
            _(
                "Danh sách lấy từ sổ đảng viên tại ngày sinh hoạt. Người miễn sinh hoạt và người "
                "sinh hoạt nơi khác được ghi riêng, không tính vào số phải dự."
            )
        )
        box.addWidget(hint)
        box.addWidget(self.attendance_view)
        return page

    def _add_list_tabs(self) -> None:
        """The discussion and the votes: rows added and edited in place."""
        self.discussions = DiscussionModel(self)
        self.discussions.edited.connect(self._touched)
        self.discussion_view = table(self.discussions, stretch=2)
        self.discussion_view.horizontalHeader().resizeSection(0, 170)
        self.discussion_view.horizontalHeader().resizeSection(1, 190)
        self.discussion_view.setItemDelegateForColumn(
            0, ChoiceDelegate(self._speakers, self, free_text=True)
        )
        self.discussion_view.setItemDelegateForColumn(1, ChoiceDelegate(self._items, self))
        self.tabs.addTab(
            self._list_page(self.discussion_view, self.add_discussion, self.discussions),
            _("Thảo luận"),
        )

        self.resolutions = ResolutionModel(self)
        self.resolutions.edited.connect(self._touched)
        self.resolution_view = table(self.resolutions, stretch=0)
        for column, width in ((1, 80), (2, 120), (3, 130), (4, 150)):
            self.resolution_view.horizontalHeader().resizeSection(column, width)
        self.tabs.addTab(
            self._list_page(self.resolution_view, self.add_resolution, self.resolutions),
            _("Biểu quyết"),
        )

    def _summary_panel(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("meetingSummaryPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel_box = QHBoxLayout(panel)
        panel_box.setContentsMargins(8, 4, 8, 4)
        self.summary = QLabel()
        self.warnings = QLabel()
        for label in (self.summary, self.warnings):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            panel_box.addWidget(label, 1)
        # The counts and the warnings keep four lines however tall the tabs want to be.
        panel.setMinimumHeight(4 * panel.fontMetrics().lineSpacing() + 12)
        return panel

    def _list_page(self, view, add, model) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        buttons = QHBoxLayout()
        add_button = QPushButton(_("Thêm"))
        add_button.clicked.connect(add)
        remove_button = QPushButton(_("Xóa dòng"))
        remove_button.clicked.connect(lambda: self._remove_row(view, model))
        buttons.addWidget(add_button)
        buttons.addWidget(remove_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        box.addWidget(view)
        page.edit_buttons = [add_button, remove_button]
        return page

    def _remove_row(self, view, model) -> None:
        index = view.currentIndex()
        if index.isValid() and not model.read_only:
            model.remove(index.row())

    def _speakers(self) -> list[tuple[str, object]]:
        people = [(a.name, a.name) for a in self.attendance.rows if a.state == "present"]
        guests = [(g.name, g.name) for g in self.general.guests.rows if g.name]
        return guests + people

    def _items(self) -> list[tuple[str, object]]:
        titles = [(f"{n + 1}. {t}", n) for n, t in enumerate(self.content.titles())]
        return [(_("Chung"), None), *titles]

    # --- showing a meeting ----------------------------------------------------------------
    def open_meeting(self, meeting_id: int) -> None:
        self.flush()
        self.tasks.run(
            svc.get_meeting,
            meeting_id,
            on_done=self.show_meeting,
            on_error=lambda e: show_error(self, e),
        )
        for field in PHRASE_FIELDS:
            self.tasks.run(
                phrases.stock_phrases, field, on_done=lambda p, f=field: self._set_phrases(f, p)
            )

    def _set_phrases(self, field: str, phrases: list[str]) -> None:
        for button in self.findChildren(QWidget, f"phrases-{field}"):
            button.set_phrases(phrases)

    def show_meeting(self, meeting: Meeting) -> None:
        self._loading = True
        try:
            self.meeting = meeting
            self.dirty = False
            self.general.show_meeting(meeting)
            self.attendance.set_rows(copy.deepcopy(meeting.attendance))
            self.content.show_items(copy.deepcopy(meeting.agenda))
            self.discussions.member_ids = {a.name: a.member_id for a in meeting.attendance}
            self.discussions.item_titles = [i.title for i in meeting.agenda]
            self.discussions.set_rows(copy.deepcopy(meeting.discussions))
            self.resolutions.set_rows(copy.deepcopy(meeting.resolutions))
            self._set_read_only(meeting.final)
            self.resolution.show_meeting(meeting)
            self.attendance_view.resizeColumnsToContents()
        finally:
            self._loading = False
        self.actions_bar.show_state(meeting)
        self._request_summary()
        self.reloaded.emit(meeting.id)

    def _set_read_only(self, read_only: bool) -> None:
        for model in (self.attendance, self.discussions, self.resolutions, self.general.guests):
            model.read_only = read_only
        for widget in self.findChildren(QLineEdit) + self.findChildren(QPlainTextEdit):
            if not isinstance(widget.parent(), (QComboBox, DayEdit)):
                widget.setReadOnly(read_only)
                widget.setStyleSheet(_READ_ONLY if read_only else "")
        for widget in self.findChildren(QComboBox) + self.findChildren(QSpinBox):
            widget.setEnabled(not read_only)
        for widget in self.findChildren(DayEdit):
            widget.setEnabled(not read_only)
        self.general.documents_posted.setEnabled(not read_only)
        for page in self.findChildren(QWidget):
            for button in getattr(page, "edit_buttons", []):
                button.setEnabled(not read_only)

    # --- editing --------------------------------------------------------------------------
    def _touched(self, *_args) -> None:
        if self._loading or self.meeting is None or self.meeting.final:
            return
        self.dirty = True
        self.discussions.item_titles = self.content.titles()
        self.actions_bar.set_message(_("Đang sửa…"))
        self.autosave.start()
        self.summary_timer.start()

    def collect(self) -> Meeting:
        """The meeting as the widgets show it now."""
        base = self.general.collect(self.meeting)
        return dataclasses.replace(
            base,
            attendance=copy.deepcopy(self.attendance.rows),
            agenda=self.content.collect(),
            discussions=copy.deepcopy(self.discussions.rows),
            resolutions=copy.deepcopy(self.resolutions.rows),
        )

    def add_discussion(self) -> None:
        if self.meeting is None or self.meeting.final:
            return
        item = self.content.current_row()
        row = self.discussions.append(Discussion("", "", None, item))
        self.discussion_view.setCurrentIndex(self.discussions.index(row, 0))
        self.discussion_view.edit(self.discussions.index(row, 0))

    def add_resolution(self) -> None:
        if self.meeting is None or self.meeting.final:
            return
        row = self.resolutions.append(Resolution(_("Thông qua ")))
        self.resolution_view.edit(self.resolutions.index(row, 0))

    # --- counts and warnings ----------------------------------------------------------------
    def _request_summary(self) -> None:
        if self.meeting is None:
            return
        self.tasks.run(svc.summarise, self.collect(), on_done=self.show_summary)

    def show_summary(self, summary) -> None:
        c = summary.counts
        self.counts = c
        self.resolutions.set_counts(c)
        rate = c.attendance_rate
        rate_text = f"{rate * 100:.0f}%" if rate is not None else "—"
        lines = [
            _(
                "Tổng số: <b>{n}</b> (chính thức {o}, dự bị {p}, tạm thời {t}); miễn {e}; "
                "nơi khác {a}; đình chỉ {s}"
            ).format(
                n=c.total,
                o=c.total_official,
                p=c.total_probationary,
                t=c.total_temporary,
                e=c.exempt,
                a=c.away,
                s=c.suspended,
            ),
            _("Có mặt: <b>{n}</b>/{m} ({r}); vắng có lý do {x}; không lý do {a}").format(
                n=c.present, m=c.summoned, r=rate_text, x=len(c.excused), a=len(c.absent)
            ),
            _("Có quyền biểu quyết: <b>{n}</b>; thông qua khi ≥ <b>{t}</b> tán thành").format(
                n=c.voting_base, t=c.threshold
            ),
        ]
        self.summary.setText("<br>".join(lines))
        self.general.mark_approval(summary.approval_problem)
        flagged = [("#b3261e", "✗", p) for p in summary.problems]
        flagged += [("#a04000", "⚠", w) for w in summary.warnings]
        if flagged:
            self.warnings.setText(
                "<br>".join(
                    f"<span style='color:{color}'>{mark} {html.escape(line)}</span>"
                    for color, mark, line in flagged
                )
            )
        else:
            self.warnings.setText(
                f"<span style='color:#2e7d32'>✓ {_('Đạt các tiêu chí chất lượng.')}</span>"
            )

    # --- saving -----------------------------------------------------------------------------
    def flush(self) -> None:
        """Save pending edits now (leaving the page, opening another meeting)."""
        if self.autosave.isActive() or self.dirty:
            self.autosave.stop()
            self.save()

    def save(self) -> None:
        if self.meeting is None or self.meeting.final or not self.dirty:
            return
        meeting = self.collect()
        self.dirty = False

        def done(result) -> None:
            self.meeting = dataclasses.replace(meeting, id=result.value)
            message = _("Đã lưu nháp lúc {time}").format(
                time=dt.datetime.now().strftime("%H:%M:%S")
            )
            if self.general.date.problem:  # saved with the day it had; the field says why
                message += "; " + _("ngày họp chưa lưu: {why}").format(
                    why=self.general.date.problem
                )
            self.actions_bar.set_message(message)
            self.saved.emit(result.value)

        def failed(exc) -> None:
            self.dirty = True
            show_error(self, exc, _("Không lưu được biên bản"))

        self.tasks.run(svc.save_draft, meeting, on_done=done, on_error=failed)

    def reload(self) -> None:
        if self.meeting is not None and self.meeting.id is not None:
            self.tasks.run(svc.get_meeting, self.meeting.id, on_done=self.show_meeting)

    def _save_phrase(self, field: str, text: str) -> None:
        if not text:
            return
        self.tasks.run(
            phrases.save_phrase,
            field,
            text,
            on_done=lambda _r: self.tasks.run(
                phrases.stock_phrases, field, on_done=lambda p: self._set_phrases(field, p)
            ),
            on_error=lambda e: show_error(self, e),
        )

    def set_date_silently(self, date: dt.date) -> None:
        self.general.date.set_date(date)

    def refuses_date(self) -> bool:
        """Before finalising or printing: True, with the general tab and its day field
        shown and the reason said, while the day typed is not a valid one."""
        if not self.general.date.problem or self.general.date.isHidden():
            return False
        self.tabs.setCurrentWidget(self.general)
        self.general.date.refuses()
        self.actions_bar.set_message(self.general.date.problem)
        return True
