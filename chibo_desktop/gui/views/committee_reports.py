"""Báo cáo tổng hợp: the committee's consolidated reports, previewed and saved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.report import to_html
from ...i18n import _
from ...services.consolidation.reports import (
    build_consolidated,
    consolidated_doc,
    consolidated_kinds,
)
from ...services.contract.context import today as _today
from ...services.contract.results import Changes
from ...services.reports.catalog import default_period
from ..progress import run_with_progress
from ..widgets.day_edit import DayEdit, reason_line
from ..widgets.paragraph import paragraph
from .base import Page, simple_layout
from .pages import described

PREVIEW_ROWS = 60


def preview_html(db, name: str, start: dt.date, end: dt.date, today: dt.date) -> str:
    return to_html(consolidated_doc(db, name, start, end, today), max_rows=PREVIEW_ROWS)


class CommitteeReportsPage(Page):
    key, title, icon = described("committee_reports")

    def __init__(self, tasks, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.last_saved: Path | None = None
        self.previews_built = 0
        layout = simple_layout(self, _("Báo cáo tổng hợp"))
        body = QHBoxLayout()
        layout.addLayout(body, 1)
        self.kinds = QListWidget()
        self.kinds.setFixedWidth(300)
        for kind in consolidated_kinds():
            item = QListWidgetItem(_(kind.label))
            item.setData(Qt.ItemDataRole.UserRole, kind.key)
            self.kinds.addItem(item)
        body.addWidget(self.kinds)
        right = QVBoxLayout()
        period = QHBoxLayout()
        start, end = default_period(_today())
        self.start, self.end = DayEdit(start), DayEdit(end)
        period.addWidget(QLabel(_("Từ")))
        period.addWidget(self.start)
        period.addWidget(QLabel(_("đến")))
        period.addWidget(self.end)
        self.preview_button = QPushButton(_("Xem trước"))
        self.preview_button.clicked.connect(self.preview)
        self.excel_button = QPushButton(_("Lưu Excel…"))
        self.excel_button.clicked.connect(lambda: self.save(".xlsx"))
        self.pdf_button = QPushButton(_("Lưu PDF…"))
        self.pdf_button.clicked.connect(lambda: self.save(".pdf"))
        for button in (self.preview_button, self.excel_button, self.pdf_button):
            period.addWidget(button)
        period.addStretch(1)
        right.addLayout(period)
        self.period_problem = reason_line(self.start, self.end)
        right.addWidget(self.period_problem)
        self.viewer = QTextBrowser()
        right.addWidget(self.viewer, 1)
        self.status = paragraph()
        right.addWidget(self.status)
        body.addLayout(right, 1)
        self.kinds.currentRowChanged.connect(lambda _r: self.preview())
        for edit in (self.start, self.end):
            edit.changed.connect(self._day_changed)
        self._ready = False

    def current_kind(self) -> str | None:
        item = self.kinds.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def period(self, *, acting: bool = False) -> tuple[dt.date, dt.date] | None:
        """The period typed, or None (the red line or the status says why) while a day is
        not a valid one or the start is after the end; ``acting``: the wrong field is
        focused too."""
        for edit in (self.start, self.end):
            if edit.problem:  # said on the red line under the period
                if acting:
                    edit.refuses()
                return None
        start, end = self.start.date(), self.end.date()
        if start > end:
            self.status.setText(_("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."))
            return None
        return start, end

    def _day_changed(self) -> None:
        problem = self.start.problem or self.end.problem  # the red line says it
        self.status.setText("" if problem else _("Kỳ báo cáo đã đổi: bấm “Xem trước” để xem lại."))

    def load(self) -> None:
        self._ready = True
        if self.kinds.currentRow() < 0:
            self.kinds.setCurrentRow(0)
        else:
            self.preview()

    def on_changed(self, changes: Changes) -> None:
        if changes.cell:
            self.preview()

    def preview(self) -> None:
        kind = self.current_kind()
        if kind is None or not self._ready:
            return
        period = self.period()
        if period is None:
            return
        self.status.setText(_("Đang tổng hợp…"))
        self.tasks.run(
            preview_html, kind, *period, _today(), on_done=self._show, on_error=self._failed
        )

    def _show(self, html: str) -> None:
        self.viewer.setHtml(html)
        self.previews_built += 1
        self.status.setText(_("Bản xem trước; tệp Excel/PDF có đủ tiêu đề, mọi dòng và chữ ký."))

    def _failed(self, exc: Exception) -> None:
        self.viewer.clear()
        self.status.setText(getattr(exc, "message", str(exc)))

    def save(self, suffix: str) -> None:
        kind = self.current_kind()
        period = self.period(acting=True)
        if kind is None or period is None:
            return
        start, end = period
        folder = self.last_saved.parent if self.last_saved else Path.home()
        suggested = folder / f"tong_hop_{kind}_{start:%Y%m%d}_{end:%Y%m%d}{suffix}"
        name, _f = QFileDialog.getSaveFileName(self, _("Lưu báo cáo"), str(suggested))
        if name:
            path = Path(name)
            self.save_to(path if path.suffix.lower() == suffix else path.with_suffix(suffix))

    def save_to(self, path: Path) -> None:
        period = self.period(acting=True)
        if period is None:
            return
        start, end = period
        run_with_progress(
            self,
            self.tasks,
            _("Đang lập báo cáo tổng hợp"),
            build_consolidated,
            self.current_kind(),
            path,
            start,
            end,
            _today(),
            on_done=self._saved,
        )

    def _saved(self, path: Path) -> None:
        self.last_saved = Path(path)
        self.status.setText(_("Đã lưu {path}.").format(path=path))
