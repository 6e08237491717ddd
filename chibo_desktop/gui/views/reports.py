"""Báo cáo: pick a report and a period, look at it, save it as Excel or PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
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
    report_kinds,
)
from ..errors import show_error
from ..file_dialogs import EXPORTS, ask_save
from ..progress import run_with_progress
from .base import Page, simple_layout
from .pages import described

# The preview waits until the choices stop changing for this long, then builds on the worker.
PREVIEW_DELAY_MS = 300
# Rows per table in the preview: enough to check the figures (every row of the situation
# counts), few enough for Qt to lay the page out in about 50 ms; the files hold every row.
PREVIEW_ROWS = 40


def preview_html(db, name: str, start: dt.date, end: dt.date, today: dt.date) -> str:
    """The preview as rich text, built on the worker (report and HTML both)."""
    return to_html(report_doc(db, name, start, end, today), max_rows=PREVIEW_ROWS)


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class ReportsPage(Page):
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

        left = QVBoxLayout()
        self.kinds = QListWidget()
        self.kinds.setAccessibleName(_("Chọn báo cáo"))
        for kind in report_kinds():
            item = QListWidgetItem(_(kind.label))
            item.setData(Qt.ItemDataRole.UserRole, kind)
            self.kinds.addItem(item)
        self.kinds.setMinimumWidth(210)  # narrower windows wrap the names, never grow
        self.kinds.setMaximumWidth(320)
        self.kinds.setSpacing(3)
        self.kinds.setWordWrap(True)
        left.addWidget(self.kinds, 1)
        self.assess_button = QPushButton(_("Đánh giá, xếp loại đảng viên…"))
        self.assess_button.setToolTip(_("Nhập điểm, mức tự xếp loại, đề xuất của chi bộ…"))
        self.assess_button.clicked.connect(lambda: self.open_assessment())
        left.addWidget(self.assess_button)
        body.addLayout(left)

        right = QVBoxLayout()
        form = QFormLayout()
        today = _today()
        first = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        self.start = QDateEdit(_qdate(first))
        self.end = QDateEdit(_qdate(today))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        period = QHBoxLayout()
        period.addWidget(QLabel(_("Từ")))
        period.addWidget(self.start)
        period.addWidget(QLabel(_("đến")))
        period.addWidget(self.end)
        period.addStretch(1)
        quick = QHBoxLayout()  # a row of its own: a narrow window keeps it whole
        quick.setContentsMargins(0, 0, 0, 0)
        for text, fn in (
            (_("Quý này"), self._this_quarter),
            (_("Năm nay"), self._this_year),
            (_("Năm trước"), self._last_year),
        ):
            button = QPushButton(text)
            button.clicked.connect(fn)
            quick.addWidget(button)
        quick.addStretch(1)
        self.period_row = QWidget()
        self.period_row.setLayout(period)
        period.setContentsMargins(0, 0, 0, 0)
        form.addRow(_("Kỳ báo cáo:"), self.period_row)
        form.addRow("", quick)
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(today.year if today.month == 12 else today.year - 1)
        form.addRow(_("Năm đánh giá:"), self.year)
        self.year_label = form.labelForField(self.year)

        formats = QHBoxLayout()
        self.excel = QRadioButton(_("Excel (.xlsx)"))
        self.pdf = QRadioButton(_("PDF (in ấn)"))
        self.pdf.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.excel)
        group.addButton(self.pdf)
        formats.addWidget(self.excel)
        formats.addWidget(self.pdf)
        formats.addStretch(1)
        form.addRow(_("Định dạng:"), formats)
        self.number = QLineEdit()
        self.number.setPlaceholderText(
            _("để trống: số đã cấp cho báo cáo này, hoặc số tiếp theo trong năm")
        )
        self.number.setToolTip(_("Số và ký hiệu in dưới tên chi bộ, ví dụ “07-BC/CB”"))
        form.addRow(_("Số và ký hiệu:"), self.number)
        right.addLayout(form)

        actions = QHBoxLayout()
        self.preview_button = QPushButton(_("Xem trước"))
        self.preview_button.clicked.connect(lambda: self.preview(force=True))
        self.save_button = QPushButton(_("Lưu báo cáo…"))
        self.save_button.setToolTip(_("Ctrl+S"))
        self.save_button.clicked.connect(self.save)
        actions.addWidget(self.preview_button)
        actions.addWidget(self.save_button)
        self.upward_button = QPushButton(_("Gửi cấp trên…"))
        self.upward_button.setToolTip(_("Lập gói .chibo cho đảng ủy: số liệu và báo cáo của kỳ"))
        self.upward_button.clicked.connect(self.send_upward)
        actions.addWidget(self.upward_button)
        actions.addStretch(1)
        right.addLayout(actions)

        self.viewer = QTextBrowser()
        self.viewer.setAccessibleName(_("Xem trước báo cáo"))
        right.addWidget(self.viewer, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        right.addWidget(self.status)
        body.addLayout(right, 1)

        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        for widget in (self.start, self.end):
            widget.dateChanged.connect(lambda _d: self._stale())
        self.year.valueChanged.connect(lambda _v: self._stale())
        self.kinds.currentRowChanged.connect(self._kind_changed)
        self.kinds.setCurrentRow(1)

    # --- choices ---------------------------------------------------------------------------
    def current_kind(self):
        item = self.kinds.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def period(self) -> tuple[dt.date, dt.date]:
        kind = self.current_kind()
        if kind is not None and kind.period == "year":
            year = self.year.value()
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        return _pydate(self.start.date()), _pydate(self.end.date())

    def _kind_changed(self, _row: int) -> None:
        kind = self.current_kind()
        is_year = kind is not None and kind.period == "year"
        self.year.setVisible(is_year)
        self.year_label.setVisible(is_year)
        self.period_row.setEnabled(not is_year)
        self.start.setEnabled(kind is None or kind.period == "range")
        self._stale()

    def _set_period(self, start: dt.date, end: dt.date) -> None:
        self.start.setDate(_qdate(start))
        self.end.setDate(_qdate(end))

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
        if kind is None:
            return None
        return (kind.key, *self.period())

    def _refresh(self) -> None:
        if self.isVisible():
            self.preview()

    def preview(self, *, force: bool = False) -> None:
        """Build the preview of the current choices on the worker."""
        self._timer.stop()
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
        warning = period_warning(self.period()[1], _today())
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
        if kind is None:
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

        start, end = _pydate(self.start.date()), _pydate(self.end.date())
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
