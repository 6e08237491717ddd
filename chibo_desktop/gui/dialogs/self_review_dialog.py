"""A member's bản tự kiểm điểm "tự soi, tự sửa": own text under headings, the 27
manifestations and 19 prohibitions each marked, save, print to sign.

Sensitive: opened only for one member from the campaign's member table, never in lists.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.campaign import SelfReview, Template
from ...domain.text import fold
from ...i18n import _
from ...services.campaigns.reports import get_self_review, save_self_review, write_self_review
from ..errors import show_error
from ..file_dialogs import ask_document_path
from ..models.campaign_review import ReviewMarksModel
from ..widgets.day_edit import DayEdit
from ..widgets.paragraph import paragraph
from ..widgets.questions import ask_save_changes


class SelfReviewDialog(QDialog):
    def __init__(
        self,
        tasks,
        campaign_id: int,
        member_id: int,
        name: str,
        template: Template,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.campaign_id = campaign_id
        self.member_id = member_id
        self.name = name
        self.template = template
        self.dirty = False
        self.loaded = False
        self.setWindowTitle(_("Bản tự kiểm điểm — {name}").format(name=name))
        self.resize(980, 720)
        layout = QVBoxLayout(self)
        heading = paragraph(
            _(
                "<b>{name}</b> — bản tự kiểm điểm “tự soi, tự sửa” (chỉ xem trong hồ sơ của "
                "đảng viên này)"
            ).format(name=name)
        )
        layout.addWidget(heading)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_text_page(template), _("Nội dung tự kiểm điểm"))
        self._build_marks(template)
        count_m = sum(1 for ref, _g, _t in self.model.rows if ref.startswith("m"))
        count_p = len(self.model.rows) - count_m
        self.tabs.addTab(
            self.view,
            _("{m} biểu hiện và {p} điều không được làm").format(m=count_m, p=count_p),
        )
        layout.addLayout(self._build_submitted(today))
        layout.addWidget(self._build_buttons())
        QShortcut(QKeySequence.StandardKey.Save, self, activated=lambda: self.save())
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_pdf)
        self.setEnabled(False)
        tasks.run(
            get_self_review,
            campaign_id,
            member_id,
            on_done=self._show,
            on_error=lambda e: show_error(self, e),
        )

    # --- building -------------------------------------------------------------------------
    def _build_text_page(self, template: Template) -> QScrollArea:
        """The member's own text, one box under each heading of the template."""
        text_page = QWidget()
        text_box = QVBoxLayout(text_page)
        self.sections: dict[str, QPlainTextEdit] = {}
        for title in template.review_headings or (_("Tự kiểm điểm"),):
            label = QLabel(title)
            label.setObjectName("sectionHeading")
            edit = QPlainTextEdit()
            edit.setMinimumHeight(80)
            edit.textChanged.connect(self._edited)
            label.setBuddy(edit)
            text_box.addWidget(label)
            text_box.addWidget(edit)
            self.sections[title] = edit
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(text_page)
        return scroll

    def _build_marks(self, template: Template) -> None:
        """The manifestations and prohibitions, each ticked or not, with a note."""
        self.model = ReviewMarksModel(template, self)
        self.model.edited.connect(self._edited)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setVisible(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 220)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _build_submitted(self, today: dt.date) -> QHBoxLayout:
        """Whether and when the text was handed in (a day typed as it is), and the message
        line."""
        bottom = QHBoxLayout()
        self.submitted = QCheckBox(_("Đã nộp bản tự kiểm điểm ngày:"))
        self.submitted_date = DayEdit(today)
        self.submitted_date.setEnabled(False)
        self.submitted.toggled.connect(self.submitted_date.setEnabled)
        self.submitted.toggled.connect(self._edited)
        self.submitted_date.changed.connect(self._edited)
        bottom.addWidget(self.submitted)
        bottom.addWidget(self.submitted_date)
        self.message = paragraph()
        bottom.addWidget(self.message, 1)
        return bottom

    def _build_buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(_("Lưu"), QDialogButtonBox.ButtonRole.ApplyRole)
        self.save_button.setToolTip(_("Lưu (Ctrl+S)"))
        self.pdf_button = QPushButton(_("In PDF…"))
        self.pdf_button.setToolTip(_("Lưu bản tự kiểm điểm thành tệp PDF để in, ký (Ctrl+P)"))
        self.buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(_("Đóng"))
        self.save_button.clicked.connect(lambda: self.save())
        self.pdf_button.clicked.connect(self.print_pdf)
        close.clicked.connect(self.reject)
        return self.buttons

    def _show(self, review: SelfReview) -> None:
        for title, edit in self.sections.items():
            edit.setPlainText(review.sections.get(title, ""))
        self.model.set_marks(review.marks)
        self.view.clearSpans()
        for row in self.model.heading_rows():
            self.view.setSpan(row, 0, 1, self.model.columnCount())
        self.view.resizeRowsToContents()
        self.submitted.setChecked(review.submitted is not None)
        if review.submitted is not None:
            self.submitted_date.set_date(review.submitted)
        self.setEnabled(True)
        self.dirty = False
        self.loaded = True

    def _say(self, text: str, *, wrong: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b3261e" if wrong else "")

    def _edited(self, *_args) -> None:
        if self.loaded:
            self.dirty = True
            problem = self.submitted_date.problem if self.submitted.isChecked() else ""
            self._say(problem or _("Chưa lưu"), wrong=bool(problem))  # a wrong day: why

    def review(self) -> SelfReview:
        sections = {title: edit.toPlainText() for title, edit in self.sections.items()}
        submitted = self.submitted_date.date() if self.submitted.isChecked() else None
        return SelfReview(self.member_id, self.name, sections, self.model.marks(), submitted)

    def save(self, then=None) -> None:
        if self.submitted_date.refuses():
            self._say(self.submitted_date.problem, wrong=True)
            return
        self.view.setCurrentIndex(self.model.index(0, 0))  # commits an open note editor

        def saved(_result) -> None:
            self.dirty = False
            self._say(_("Đã lưu."))
            if then is not None:
                then()

        self.tasks.run(
            save_self_review,
            self.campaign_id,
            self.review(),
            on_done=saved,
            on_error=lambda e: show_error(self, e, _("Chưa lưu được")),
        )

    def print_pdf(self) -> None:
        suggested = (
            "tu-kiem-diem-" + re.sub(r"[^a-z0-9]+", "-", fold(self.name)).strip("-") + ".pdf"
        )
        path = ask_document_path(self, _("Lưu bản tự kiểm điểm"), suggested)
        if path is None:
            return

        def write() -> None:
            self._say(_("Đang tạo PDF…"))
            self.tasks.run(
                write_self_review,
                self.campaign_id,
                self.member_id,
                path,
                on_done=lambda p: self.message.setText(_("Đã ghi {path}").format(path=p)),
                on_error=lambda e: show_error(self, e, _("Không tạo được PDF")),
            )

        self.save(then=write)

    def reject(self) -> None:
        if self.dirty:
            answer = ask_save_changes(
                self, _("Bản tự kiểm điểm"), _("Lưu các thay đổi trước khi đóng?")
            )
            if answer == "stay":
                return
            if answer == "save":
                self.save(then=lambda: QDialog.reject(self))
                return
        super().reject()
