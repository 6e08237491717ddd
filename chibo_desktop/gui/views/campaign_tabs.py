"""Two tabs of a campaign: the cell's steps, and the report with the secretary's texts."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.campaign import CampaignState
from ...domain.text import fold
from ...i18n import _
from ...services.campaigns.campaign import save_texts
from ...services.campaigns.reports import write_report
from ...services.contract.context import today as _today
from ..dialogs.campaign_step import StepDialog, save_step
from ..errors import show_error
from ..models.campaign_models import StepsModel
from ..widgets.elided_label import ElidedLabel
from ..widgets.paragraph import paragraph
from ..widgets.tables import record_table


class StepsTab(QWidget):
    def __init__(self, tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.state: CampaignState | None = None
        self.meetings: list[dict] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.model = StepsModel(self)
        self.view = record_table(self.model, row_numbers=True)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(5, 220)
        # Two lines of text per step; longer titles are elided, the tooltip has them whole.
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(2 * self.view.fontMetrics().lineSpacing() + 10)
        self.view.doubleClicked.connect(lambda _i: self.edit_step())
        layout.addWidget(self.view, 1)
        bar = QHBoxLayout()
        self.edit_button = QPushButton(_("Sửa bước…"))
        self.edit_button.setToolTip(
            _("Trạng thái, ngày xong, người phụ trách, biên bản, tệp đính kèm (Enter)")
        )
        self.edit_button.clicked.connect(self.edit_step)
        bar.addWidget(self.edit_button)
        bar.addWidget(QLabel(_("Bước quá hạn hiện màu đỏ. Nhấp đúp vào một bước để sửa.")), 1)
        layout.addLayout(bar)

    def set_state(self, state: CampaignState, meetings: list[dict]) -> None:
        row = self.view.currentIndex().row()
        self.state, self.meetings = state, meetings
        self.model.set_state(state)
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row, 0))

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_step()
            return
        super().keyPressEvent(event)

    def edit_step(self) -> StepDialog | None:
        step = self.model.step_at(self.view.currentIndex().row())
        if self.state is None or step is None:
            return None
        dialog = StepDialog(
            self.tasks, step, self.state.members, self.meetings, self.state.today, self
        )
        dialog.accepted.connect(
            lambda: self.tasks.run(
                save_step,
                step.id,
                dialog.values(),
                dialog.meeting_change(),
                on_error=lambda e: show_error(self, e, _("Chưa lưu được bước")),
            )
        )
        dialog.open()
        return dialog


class ReportTab(QWidget):
    """The secretary's assessment and proposals, and the report saved as PDF or Excel."""

    def __init__(self, tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.state: CampaignState | None = None
        self.last_saved: Path | None = None
        self.ask_path = None  # set by the page: (title, suggested, filter) -> Path | None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        intro = paragraph(
            _(
                "Báo cáo kết quả đợt sinh hoạt gồm các bước đã làm, số liệu tham gia của đảng "
                "viên và hai phần dưới đây do chi bộ tự viết."
            )
        )
        layout.addWidget(intro)
        self.assessment = QPlainTextEdit()
        self.proposals = QPlainTextEdit()
        for title, edit in (
            (_("Đánh giá chung (ưu điểm, hạn chế, nguyên nhân)"), self.assessment),
            (_("Kiến nghị, đề xuất"), self.proposals),
        ):
            label = QLabel(title)
            label.setObjectName("sectionHeading")
            label.setBuddy(edit)
            layout.addWidget(label)
            layout.addWidget(edit, 1)
        bar = QHBoxLayout()
        self.save_texts_button = QPushButton(_("Lưu nội dung"))
        self.save_texts_button.clicked.connect(lambda: self.save_texts())
        self.pdf_button = QPushButton(_("Lưu báo cáo PDF…"))
        self.pdf_button.clicked.connect(lambda: self.save_report(".pdf"))
        self.xlsx_button = QPushButton(_("Lưu báo cáo Excel…"))
        self.xlsx_button.clicked.connect(lambda: self.save_report(".xlsx"))
        self.message = ElidedLabel()
        for button in (self.save_texts_button, self.pdf_button, self.xlsx_button):
            bar.addWidget(button)
        bar.addWidget(self.message, 1)
        layout.addLayout(bar)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(lambda: self.save_texts())
        self.save_texts_button.setToolTip(_("Lưu đánh giá và kiến nghị (Ctrl+S)"))

    def set_state(self, state: CampaignState) -> None:
        changed_campaign = self.state is None or self.state.id != state.id
        self.state = state
        if changed_campaign or not self.dirty():
            for edit, text in (
                (self.assessment, state.assessment),
                (self.proposals, state.proposals),
            ):
                if edit.toPlainText() != text:  # keeps the cursor where it is otherwise
                    edit.setPlainText(text)

    def dirty(self) -> bool:
        if self.state is None:
            return False
        return (
            self.assessment.toPlainText().strip() != self.state.assessment.strip()
            or self.proposals.toPlainText().strip() != self.state.proposals.strip()
        )

    def save_texts(self, then=None) -> None:
        if self.state is None:
            return
        if not self.dirty():
            if then is not None:
                then()
            return

        def saved(_result) -> None:
            self.message.setText(_("Đã lưu nội dung."))
            if then is not None:
                then()

        self.tasks.run(
            save_texts,
            self.state.id,
            assessment=self.assessment.toPlainText(),
            proposals=self.proposals.toPlainText(),
            on_done=saved,
            on_error=lambda e: show_error(self, e),
        )

    def save_report(self, suffix: str) -> None:
        if self.state is None or self.ask_path is None:
            return
        stem = "bao-cao-" + re.sub(r"[^a-z0-9]+", "-", fold(self.state.title)).strip("-")
        filter_ = (
            _("Tệp PDF (*.pdf)") + ";;" + _("Tệp Word để sửa tiếp (*.docx)")
            if suffix == ".pdf"
            else _("Bảng tính Excel (*.xlsx)")
        )
        folder = self.last_saved.parent if self.last_saved else Path.home()
        path = self.ask_path(_("Lưu báo cáo đợt sinh hoạt"), str(folder / (stem + suffix)), filter_)
        if path is None:
            return
        if suffix == ".pdf" and path.suffix.lower() == ".docx":
            suffix = ".docx"  # the file's extension decides the format
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        campaign_id = self.state.id

        def write() -> None:
            self.message.setText(_("Đang lập báo cáo…"))
            self.tasks.run(
                write_report,
                campaign_id,
                path,
                _today(),
                on_done=self._written,
                on_error=lambda e: show_error(self, e, _("Không lập được báo cáo")),
            )

        self.save_texts(then=write)

    def _written(self, path) -> None:
        self.last_saved = Path(path)
        self.message.setText(_("Đã ghi {path}").format(path=path))
