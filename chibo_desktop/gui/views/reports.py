"""Báo cáo: pick a report and a period, look at it, save it as Excel or PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.report import to_html
from ...i18n import _
from ...services.contract.context import today as _today
from ...services.contract.results import Changes
from ...services.reports.catalog import (
    build_report,
    default_file_name,
    period_warning,
    report_doc,
)
from ..errors import show_error
from ..file_dialogs import EXPORTS, ask_save
from ..progress import run_with_progress
from ..widgets.day_edit import refused
from ..widgets.paragraph import paragraph
from .base import Page, simple_layout
from .pages import described
from .reports_controls import ReportControls

# The preview waits until the choices stop changing for this long, then builds on the worker.
PREVIEW_DELAY_MS = 300
# Rows per table in the preview: enough to check the figures (every row of the situation
# counts), few enough for Qt to lay the page out in about 50 ms; the files hold every row.
PREVIEW_ROWS = 40


def preview_html(db, name: str, start: dt.date, end: dt.date, today: dt.date) -> str:
    """The preview as rich text, built on the worker (report and HTML both)."""
    return to_html(report_doc(db, name, start, end, today), max_rows=PREVIEW_ROWS)


class ReportsPage(ReportControls, Page):
    key, title, icon = described("reports")

    def __init__(self, tasks, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.last_saved: Path | None = None
        self._preview_for: tuple | None = None  # the choices of the preview asked for last
        self._shown_for: tuple | None = None  # the choices of the preview on screen
        self._ready = False  # a file is open (load() was called)
        self._stale_data = True  # the data changed since the preview on screen was built
        self.previews_built = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._refresh)
        layout = simple_layout(self, _("Báo cáo"))
        body = QHBoxLayout()
        layout.addLayout(body, 1)
        body.addLayout(self._build_kinds())
        right = QVBoxLayout()
        right.addLayout(self._build_choices())
        right.addLayout(self._build_actions())
        self.viewer = QTextBrowser()
        self.viewer.setAccessibleName(_("Xem trước báo cáo"))
        right.addWidget(self.viewer, 1)
        self.status = paragraph()
        right.addWidget(self.status)
        body.addLayout(right, 1)
        self._connect()

    def _connect(self) -> None:
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        for widget in (self.start, self.end):
            widget.changed.connect(self._stale)
        self.year.valueChanged.connect(lambda _v: self._stale())
        self.kinds.currentRowChanged.connect(self._kind_changed)
        self.kinds.setCurrentRow(1)

    # --- choices ---------------------------------------------------------------------------
    def current_kind(self):
        item = self.kinds.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def period(self) -> tuple[dt.date, dt.date] | None:
        """The period chosen; None while a day field in use holds no valid day."""
        kind = self.current_kind()
        if kind is not None and kind.period == "year":
            year = self.year.value()
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if self._day_problem():
            return None
        end = self.end.date()
        return self.start.date() or end, end  # the start is not used by "as of" reports

    def _day_problem(self) -> str:
        """Why the typed period cannot be used ('' when it can); the field says it too."""
        kind = self.current_kind()
        if kind is not None and kind.period == "year":
            return ""
        return next((e.problem for e in (self.start, self.end) if e.isEnabled() and e.problem), "")

    def _refuse_period(self) -> bool:
        """Before an action: True, with the wrong field focused and the reason shown, when
        the period typed cannot be used."""
        problem = self._day_problem()
        if problem:  # said on the red line under the period
            self.status.clear()
            refused(self.start, self.end)
        return bool(problem)

    def _kind_changed(self, _row: int) -> None:
        kind = self.current_kind()
        is_year = kind is not None and kind.period == "year"
        self.year.setVisible(is_year)
        self.year_label.setVisible(is_year)
        self.period_row.setEnabled(not is_year)
        self.start.setEnabled(kind is None or kind.period == "range")
        self._stale()

    def _set_period(self, start: dt.date, end: dt.date) -> None:
        self.start.set_date(start)
        self.end.set_date(end)

    def _this_quarter(self) -> None:
        today = _today()
        self._set_period(dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today)

    def _this_year(self) -> None:
        today = _today()
        self._set_period(dt.date(today.year, 1, 1), today)

    def _last_year(self) -> None:
        year = _today().year - 1
        self._set_period(dt.date(year, 1, 1), dt.date(year, 12, 31))

    def _stale(self) -> None:
        """The choices changed: build the preview once they settle, if the page is shown."""
        problem = self._day_problem()
        if problem:  # nothing to build until the day is corrected; the red line says why
            self._timer.stop()
            self.status.clear()
            return
        self.status.setText(_("Đang chờ chọn xong để xem trước…"))
        self._schedule()

    def _schedule(self) -> None:
        if self._ready and self.isVisible():
            self._timer.start()

    def preview_scheduled(self) -> bool:
        """Whether a preview will be built once the choices settle."""
        return self._timer.isActive()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._ready and (self._stale_data or self._shown_for != self._choices()):
            # Nothing to wait for when the page comes on screen: build once it is painted.
            self._timer.stop()
            QTimer.singleShot(0, self._refresh)

    # --- work ------------------------------------------------------------------------------
    def load(self) -> None:
        """A file was opened: nothing is computed until the page is on screen."""
        self._ready = True
        self._stale_data = True
        self._shown_for = None
        self.viewer.clear()
        if self.isVisible():
            QTimer.singleShot(0, self._refresh)

    def on_changed(self, changes: Changes) -> None:
        if changes.any():
            self._stale_data = True
            self._schedule()

    def _choices(self) -> tuple | None:
        kind = self.current_kind()
        period = self.period()
        if kind is None or period is None:
            return None
        return (kind.key, *period)

    def _refresh(self) -> None:
        if self.isVisible():
            self.preview()

    def preview(self, *, force: bool = False) -> None:
        """Build the preview of the current choices on the worker."""
        self._timer.stop()
        if force and self._refuse_period():
            return
        choices = self._choices()
        if choices is None or not self._ready:
            return
        if not force and choices == self._shown_for and not self._stale_data:
            self.status.setText(self._shown_text())
            return
        if not force and choices == self._preview_for and self._shown_for != choices:
            return  # already being built
        self._preview_for = choices
        self._stale_data = False
        self.status.setText(_("Đang tổng hợp…"))
        self.tasks.run(
            preview_html,
            *choices,
            _today(),
            on_done=lambda html, k=choices: self._show(k, html),
            on_error=lambda exc, k=choices: self._preview_failed(k, exc),
        )

    def _shown_text(self) -> str:
        shown = _("Bản xem trước; tệp Excel/PDF có đủ tiêu đề, mọi dòng và chữ ký.")
        period = self.period()
        warning = period_warning(period[1], _today()) if period else ""
        return f"⚠ {warning}\n{shown}" if warning else shown

    def _show(self, key, html: str) -> None:
        if key != self._preview_for:
            return  # the choices changed meanwhile; a newer preview is on its way
        self.viewer.setHtml(html)
        self._shown_for = key
        self.previews_built += 1
        self.status.setText(self._shown_text())

    def _preview_failed(self, key, exc: Exception) -> None:
        if key != self._preview_for:
            return
        self.viewer.clear()
        self._shown_for = key
        self.status.setText(getattr(exc, "message", str(exc)))

    def save(self) -> None:
        kind = self.current_kind()
        if kind is None or self._refuse_period():
            return
        start, end = self.period()
        if start > end:
            show_error(self, Exception(_("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.")))
            return
        suffix = ".xlsx" if self.excel.isChecked() else ".pdf"
        word = _("Tệp Word để sửa tiếp (*.docx)")
        filter_ = (
            _("Bảng tính Excel (*.xlsx)")
            if suffix == ".xlsx"
            else _("Tệp PDF (*.pdf)") + ";;" + word
        )
        name, chosen = ask_save(
            self,
            EXPORTS,
            _("Lưu báo cáo"),
            default_file_name(kind.key, start, end, suffix),
            filter_,
        )
        if not name:
            return
        path = Path(name)
        if suffix == ".pdf" and (chosen == word or path.suffix.lower() == ".docx"):
            suffix = ".docx"  # the file's extension decides the format
        if path.suffix.lower() != suffix:
            path = path.with_suffix(suffix)
        self.save_to(path)

    def save_to(self, path: Path) -> None:
        kind = self.current_kind()
        if self._refuse_period():
            return
        start, end = self.period()
        run_with_progress(
            self,
            self.tasks,
            _("Đang lập báo cáo"),
            build_report,
            kind.key,
            start,
            end,
            path,
            _today(),
            self.number.text(),
            on_done=self._saved,
        )

    def _saved(self, path: Path) -> None:
        self.last_saved = Path(path)
        self.number.clear()  # remembered with the report; the next one gets its own
        self.status.setText(_("Đã lưu {path}.").format(path=path))

    def send_upward(self) -> None:
        from ..dialogs.package_dialog import send_upward

        if refused(self.start, self.end):
            return
        start, end = self.start.date(), self.end.date()
        send_upward(self, start, end, on_done=self._package_saved)

    def _package_saved(self, result) -> None:
        self.status.setText(_("Đã lưu gói {path}.").format(path=result.path))

    # --- assessment ------------------------------------------------------------------------
    def open_assessment(self, year: int | None = None):
        from ..dialogs.assessment_dialog import AssessmentDialog

        dialog = AssessmentDialog(self.tasks, year or self.year.value(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_record(self, kind: str, record_id) -> None:
        if kind == "assessment":
            self.open_assessment(int(record_id) if record_id else None)
