"""Dues dialogs: the cell's dues settings, an exemption or reduction, and what a month
passed up to the superior committee (with the meeting that collected it)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.dues import Month, Relief
from ...domain.dues_checks import DuesError, MonthRecord, check_relief, parse_amount
from ...i18n import N_, _, format_iso_date
from ...services.contract.context import today as _today
from ..widgets.day_edit import DayEdit
from ..widgets.paragraph import paragraph
from .dialog_parts import error_label, ok_cancel


def _month_edit(month: Month) -> QDateEdit:
    """A month and year only: every month/year shown is a real one, nothing to correct."""
    edit = QDateEdit(QDate(month.year, month.month, 1))
    edit.setDisplayFormat("MM/yyyy")
    return edit


def _month_of(edit: QDateEdit) -> Month:
    return Month(edit.date().year(), edit.date().month())


def _valid_day(edit: DayEdit) -> dt.date:
    """The day typed; ValueError with the field's reason (and the field focused) if none."""
    if edit.refuses():
        raise ValueError(edit.problem)
    return edit.date()


class _Form(QDialog):
    """A form with Save / Cancel and a line for what is wrong."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        layout.addWidget(ok_cancel(self, _("Lưu"), self._accept))
        self.error = error_label()
        layout.addWidget(self.error)

    def _accept(self) -> None:
        try:
            self.collect()
        except (DuesError, ValueError) as exc:
            self.error.setText(str(exc))
            return
        self.accept()

    def collect(self) -> None:
        raise NotImplementedError


class DuesSettingsDialog(_Form):
    """Rounding, the share the cell keeps and the amounts the regulation found leaves to
    the cell: each labelled as the cell's own setting."""

    def __init__(self, options, groups, month: Month, parent: QWidget | None = None) -> None:
        super().__init__(_("Cài đặt đảng phí của chi bộ"), parent)
        note = paragraph(
            _(
                "Các mục dưới đây quy định đã tìm thấy không nêu: chi bộ đặt theo hướng dẫn "
                "của cấp ủy cấp trên."
            )
        )
        self.form.addRow(note)
        self.from_month = _month_edit(month)
        self.form.addRow(_("Áp dụng từ tháng (các tháng trước giữ cài đặt cũ):"), self.from_month)
        self.rounding = QComboBox()
        for label, key in ((_("Đến đồng"), "dong"), (_("Đến 1.000 đồng gần nhất"), "thousand")):
            self.rounding.addItem(label, key)
        self.rounding.setCurrentIndex(max(0, self.rounding.findData(options.rounding)))
        self.form.addRow(_("Làm tròn mức 1% / 0,5%:"), self.rounding)
        self.kept = QSpinBox()
        self.kept.setRange(-1, 100)
        self.kept.setSpecialValueText(_("chưa đặt"))
        self.kept.setSuffix(" %")
        self.kept.setValue(-1 if options.kept_percent is None else options.kept_percent)
        self.form.addRow(_("Tỷ lệ chi bộ giữ lại (theo cấp trên):"), self.kept)
        self.amounts: dict[str, QLineEdit] = {}
        regime = None
        for group in groups:
            if group.regime != regime:  # a heading per regulation, not repeated on each row
                regime = group.regime
                heading = paragraph(f"<b>{regime}</b>")
                self.form.addRow(heading)
            edit = QLineEdit(str(options.group_amounts.get(group.key, "")))
            edit.setMinimumWidth(140)
            if group.minimum is not None:
                edit.setPlaceholderText(
                    f"{group.minimum:,} – {group.maximum:,} đ".replace(",", ".")
                )
            self.amounts[group.key] = edit
            self.form.addRow(f"{_(group.label)}:", edit)
        self.values: dict = {}

    def collect(self) -> None:
        amounts = {
            key: parse_amount(edit.text())
            for key, edit in self.amounts.items()
            if edit.text().strip()
        }
        self.values = {
            "from_month": _month_of(self.from_month),
            "rounding": self.rounding.currentData(),
            "kept_percent": None if self.kept.value() < 0 else self.kept.value(),
            "group_amounts": amounts,
        }


def relief_text(relief: Relief) -> str:
    kinds = dict(ReliefDialog.KINDS)
    text = _(kinds[relief.kind])
    if relief.kind == "reduce":
        text += f" {relief.percent}%"
    text += f": {relief.first.label()} – {relief.last.label()}"
    if relief.decision:
        text += f" ({relief.decision})"
    return text


class ReliefDialog(_Form):
    KINDS = (
        ("reduce", N_("Giảm mức đóng")),
        ("exempt", N_("Miễn đóng")),
        ("defer", N_("Cho chậm đóng")),
    )

    def __init__(self, member_id: int, name: str, month: Month, existing=(), parent=None) -> None:
        super().__init__(_("Miễn, giảm đảng phí — {name}").format(name=name), parent)
        self.setMinimumWidth(520)  # room for the reason's example
        self.member_id = member_id
        self.remove_id: int | None = None
        if existing:
            self.existing = QListWidget()
            for relief in existing:
                item = QListWidgetItem(relief_text(relief))
                item.setData(Qt.ItemDataRole.UserRole, relief.id)
                self.existing.addItem(item)
            self.existing.setMaximumHeight(90)
            remove = QPushButton(_("Xóa quyết định đã chọn"))
            remove.clicked.connect(self._remove)
            self.form.addRow(_("Đã ghi:"), self.existing)
            self.form.addRow("", remove)
        self.kind = QComboBox()
        for key, label in ((k, _(label)) for k, label in self.KINDS):
            self.kind.addItem(label, key)
        self.percent = QComboBox()
        for percent in (30, 50, 70):
            self.percent.addItem(f"{percent}%", percent)
        self.first = _month_edit(month)
        self.last = _month_edit(month.plus(5))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_("Ví dụ: hộ nghèo; bệnh hiểm nghèo; có đơn gửi chi bộ"))
        self.decision = QLineEdit()
        self.decision_date = DayEdit(_today(), show_reason=True)
        self.form.addRow(_("Loại:"), self.kind)
        self.form.addRow(_("Mức giảm:"), self.percent)
        self.form.addRow(_("Từ tháng:"), self.first)
        self.form.addRow(_("Đến tháng (tối đa 12 tháng):"), self.last)
        self.form.addRow(_("Lý do:"), self.reason)
        self.form.addRow(_("Số quyết định:"), self.decision)
        self.form.addRow(_("Ngày quyết định:"), self.decision_date)
        self.kind.currentIndexChanged.connect(
            lambda _i: self.percent.setEnabled(self.kind.currentData() == "reduce")
        )
        self.relief: Relief | None = None

    def _remove(self) -> None:
        item = self.existing.currentItem()
        if item is not None:
            self.remove_id = item.data(Qt.ItemDataRole.UserRole)
            self.accept()

    def collect(self) -> None:
        from ...services.dues.ledger import regime_on

        kind = self.kind.currentData()
        day = _valid_day(self.decision_date)
        self.relief = Relief(
            self.member_id,
            kind,
            _month_of(self.first),
            _month_of(self.last),
            self.percent.currentData() if kind == "reduce" else 0,
            self.reason.text(),
            self.decision.text(),
            day,
        )
        check_relief(self.relief, regime_on(self.relief.first.first))


class PassedUpDialog(_Form):
    def __init__(self, ledger, meetings, today: dt.date, parent=None) -> None:
        super().__init__(
            _("Nộp đảng phí cấp trên — tháng {month}").format(month=ledger.month.label()), parent
        )
        self.month = ledger.month
        record = ledger.record
        self.amount = QLineEdit(
            str(record.passed_up if record.passed_up is not None else ledger.to_pass_up)
        )
        on = dt.date.fromisoformat(record.passed_up_on) if record.passed_up_on else today
        self.day = DayEdit(on, show_reason=True)
        self.meeting = QComboBox()
        self.meeting.addItem(_("(không ghi)"), None)
        for meeting_id, date, title in meetings:
            self.meeting.addItem(f"{format_iso_date(date)} — {title}", meeting_id)
        self.meeting.setCurrentIndex(max(0, self.meeting.findData(record.meeting_id)))
        self.form.addRow(_("Số tiền nộp cấp trên:"), self.amount)
        self.form.addRow(_("Ngày nộp:"), self.day)
        self.form.addRow(_("Buổi sinh hoạt đã thu đảng phí:"), self.meeting)
        self.note = QLineEdit(record.note)
        self.form.addRow(_("Ghi chú:"), self.note)
        self.record: MonthRecord | None = None

    def collect(self) -> None:
        day = _valid_day(self.day)
        self.record = MonthRecord(
            self.month,
            parse_amount(self.amount.text()) if self.amount.text().strip() else None,
            day.isoformat(),
            self.meeting.currentData(),
            self.note.text(),
        )
