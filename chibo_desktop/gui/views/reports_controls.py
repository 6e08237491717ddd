"""The reports page's controls: the list of reports, the period typed as it is, the year,
format and number, and the row of actions; the quick periods they offer."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from ...services.contract.context import today as _today
from ...services.reports.catalog import report_kinds
from ..widgets.day_edit import DayEdit, reason_line


class ReportControls:
    """Builders of the reports page (a mixin of ``ReportsPage``)."""

    def _build_kinds(self) -> QVBoxLayout:
        """The list of reports, and the assessment button under it."""
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
        return left

    def _build_choices(self) -> QFormLayout:
        """Period, year, format and number of the report."""
        form = QFormLayout()
        today = _today()
        form.addRow(_("Kỳ báo cáo:"), self._build_period(today))
        self.period_problem = reason_line(self.start, self.end)
        form.addRow("", self.period_problem)
        form.addRow("", self._build_quick_periods())
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
        return form

    def _build_period(self, today: dt.date) -> QWidget:
        """From / to, each typed as it is: a day that does not exist is marked, never moved."""
        first = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        self.start = DayEdit(first)
        self.end = DayEdit(today)
        period = QHBoxLayout()
        period.setContentsMargins(0, 0, 0, 0)
        for widget in (QLabel(_("Từ")), self.start, QLabel(_("đến")), self.end):
            period.addWidget(widget)
        period.addStretch(1)
        self.period_row = QWidget()
        self.period_row.setLayout(period)
        return self.period_row

    def _build_quick_periods(self) -> QHBoxLayout:
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
        return quick

    def _build_actions(self) -> QHBoxLayout:
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
        return actions
