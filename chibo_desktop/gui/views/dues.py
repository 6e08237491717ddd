"""Đảng phí: a month's ledger; "all paid as due" then the exceptions typed in the table;
each member's basis; the collection sheet and the year summary printed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dues import Month, basis_on
from ...domain.dues_checks import DuesError, Payment, parse_amount
from ...i18n import _, format_date, format_money
from ...services.contract.context import today as _today
from ...services.contract.results import Changes
from ...services.dues import documents as dues_docs
from ...services.dues import entry as dues_entry
from ...services.dues import ledger as dues
from ..errors import error_text, show_error
from ..models.dues_model import SORT_ROLE, DuesModel
from ..widgets.paragraph import paragraph
from ..widgets.tables import record_table, sorting_proxy
from .base import Page, page_heading
from .dues_actions import DuesActions
from .pages import described


def _load(db, month: Month):
    return dues.month_ledger(db, month)


class DuesPage(DuesActions, Page):
    key, title, icon = described("dues")

    def __init__(self, tasks, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.month = Month.of(_today())
        self.ledger = None
        self.loads = 0  # ledgers shown so far (tests wait on it)
        self.last_saved: Path | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self._month_row(layout)
        self._action_rows(layout)
        self._ledger_table(layout)
        self._connect()

    def _month_row(self, layout: QVBoxLayout) -> None:
        top = QHBoxLayout()
        top.addWidget(page_heading(_("Đảng phí")))
        top.addStretch(1)
        self.previous_button = QPushButton("◀")
        self.previous_button.setToolTip(_("Tháng trước"))
        self.month_edit = QDateEdit(QDate(self.month.year, self.month.month, 1))
        self.month_edit.setDisplayFormat("MM/yyyy")
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(_("Tháng sau"))
        for button in (self.previous_button, self.next_button):
            button.setFixedWidth(36)
        for widget in (
            QLabel(_("Tháng:")),
            self.previous_button,
            self.month_edit,
            self.next_button,
        ):
            top.addWidget(widget)
        layout.addLayout(top)
        self.regime_label = paragraph()
        layout.addWidget(self.regime_label)

    def _action_rows(self, layout: QVBoxLayout) -> None:
        bar = QHBoxLayout()
        self.all_paid_button = QPushButton(_("Tất cả đã nộp đủ"))
        self.all_paid_button.setToolTip(
            _("Ghi nộp đủ mức cho mọi đảng viên chưa nộp tháng này; sau đó sửa các trường hợp khác")
        )
        self.method = QComboBox()
        for label, method in (
            (_("Tiền mặt cho chi bộ"), "cash"),
            (_("Cổng Dịch vụ công"), "online"),
        ):
            self.method.addItem(label, method)
        self.basis_button = QPushButton(_("Căn cứ đóng…"))
        self.relief_button = QPushButton(_("Miễn, giảm…"))
        self.import_button = QPushButton(_("Nhập bảng lương…"))
        self.import_button.setToolTip(_("Căn cứ đóng của nhiều đảng viên từ bảng lương (Excel)"))
        self.clear_button = QPushButton(_("Xóa khoản nộp"))
        self.sheet_button = QPushButton(_("In sổ thu…"))
        self.sheet_button.setToolTip(_("Sổ thu đảng phí của tháng, PDF hoặc Excel (Ctrl+P)"))
        self.year_button = QPushButton(_("Tổng hợp năm…"))
        # Two rows — the month's payments, then the members' bases and the paper — so that a
        # narrow window keeps every word.
        bar.addWidget(self.all_paid_button)
        bar.addWidget(QLabel(_("Hình thức:")))
        bar.addWidget(self.method)
        bar.addWidget(self.clear_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        more = QHBoxLayout()
        for button in (
            self.import_button,
            self.basis_button,
            self.relief_button,
            self.sheet_button,
            self.year_button,
        ):
            more.addWidget(button)
        more.addStretch(1)
        layout.addLayout(more)

    def _ledger_table(self, layout: QVBoxLayout) -> None:
        self.model = DuesModel(self)
        self.proxy = sorting_proxy(self.model, SORT_ROLE, self)
        self.table = record_table(self.proxy, sort_column=0, editable=True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.totals = paragraph()
        self.passed_up_button = QPushButton(_("Nộp cấp trên…"))
        self.settings_button = QPushButton(_("Cài đặt đảng phí…"))
        bottom.addWidget(self.totals, 1)
        bottom.addWidget(self.passed_up_button)
        bottom.addWidget(self.settings_button)
        layout.addLayout(bottom)
        self.status = paragraph()
        layout.addWidget(self.status)

    def _connect(self) -> None:
        self.previous_button.clicked.connect(lambda: self.set_month(self.month.previous()))
        self.next_button.clicked.connect(lambda: self.set_month(self.month.next()))
        self.month_edit.dateChanged.connect(self._month_picked)
        self.all_paid_button.clicked.connect(self.all_paid)
        self.basis_button.clicked.connect(self.edit_basis)
        self.relief_button.clicked.connect(self.add_relief)
        self.import_button.clicked.connect(self.import_bases)
        self.passed_up_button.clicked.connect(self.edit_passed_up)
        self.settings_button.clicked.connect(self.edit_settings)
        self.clear_button.clicked.connect(self.clear_selected)
        self.sheet_button.clicked.connect(lambda: self.ask_and_save("sheet"))
        self.year_button.clicked.connect(lambda: self.ask_and_save("year"))
        self.model.paid_edited.connect(self.enter_paid)
        QShortcut(QKeySequence.StandardKey.Print, self, lambda: self.ask_and_save("sheet"))

    # --- loading -----------------------------------------------------------------------
    def load(self) -> None:
        self.tasks.run(_load, self.month, on_done=self._show)

    def on_changed(self, changes: Changes) -> None:
        if changes.dues or changes.members:
            self.load()

    def show_record(self, record_id) -> None:
        """Open a month ("YYYY-MM", from a reminder)."""
        try:
            self.set_month(Month.parse(str(record_id)))
        except ValueError:
            return

    def set_month(self, month: Month) -> None:
        self.month = month
        date = QDate(month.year, month.month, 1)
        if self.month_edit.date() != date:
            self.month_edit.blockSignals(True)
            self.month_edit.setDate(date)
            self.month_edit.blockSignals(False)
        self.load()

    def _month_picked(self, date: QDate) -> None:
        self.set_month(Month(date.year(), date.month()))

    def _show(self, ledger) -> None:
        if ledger.month != self.month:
            return  # a later month was picked meanwhile
        self.ledger = ledger
        self.model.set_ledger(ledger)
        self.table.resizeColumnsToContents()
        regime = _("Tính theo {regime}.").format(regime=ledger.regime.title)
        if ledger.meeting_date:
            held = format_date(dt.date.fromisoformat(ledger.meeting_date))
            regime += " " + _("Thu tại buổi sinh hoạt ngày {date}.").format(date=held)
        self.regime_label.setText(regime)
        text = _("Phải thu {due}; đã thu {paid}; chưa nộp {unpaid} đảng viên.").format(
            due=format_money(ledger.total_due),
            paid=format_money(ledger.total_paid),
            unpaid=ledger.count("unpaid", "partial"),
        )
        if ledger.kept is None:
            text += " " + _("Chi bộ chưa đặt tỷ lệ giữ lại (cài đặt của chi bộ).")
        else:
            text += " " + _("Chi bộ giữ lại {kept}; nộp cấp trên {up}.").format(
                kept=format_money(ledger.kept), up=format_money(ledger.to_pass_up)
            )
        self.totals.setText(text)
        self.loads += 1

    # --- entering ------------------------------------------------------------------------
    def _method(self) -> str:
        return self.method.currentData()

    def _failed(self, exc: Exception) -> None:
        self.status.setText(error_text(exc))

    def all_paid(self) -> None:
        def done(result) -> None:
            self.status.setText(_("Đã ghi nộp đủ cho {n} đảng viên.").format(n=result.value))

        self.tasks.run(
            dues_entry.pay_all_as_due,
            self.month,
            _today(),
            self._method(),
            on_done=done,
            on_error=self._failed,
        )

    def enter_paid(self, member_id: int, text: str) -> None:
        """An amount typed in the table: that member's payment for the month (empty: none)."""
        if not text.strip():
            self.tasks.run(dues_entry.clear_payment, member_id, self.month, on_error=self._failed)
            return
        try:
            amount = parse_amount(text)
        except DuesError as exc:
            self.status.setText(str(exc))
            return
        payment = Payment(member_id, self.month, amount, self._method(), _today().isoformat())
        self.status.setText("")
        self.tasks.run(dues_entry.record_payment, payment, on_error=self._failed)

    def selected_line(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.model.line(self.proxy.mapToSource(rows[0]).row())

    def clear_selected(self) -> None:
        line = self.selected_line()
        if line is not None:
            self.tasks.run(
                dues_entry.clear_payment, line.member_id, self.month, on_error=self._failed
            )

    def edit_basis(self) -> None:
        line = self.selected_line()
        if line is None:
            self.status.setText(_("Chọn một đảng viên trong bảng."))
            return
        self.tasks.run(
            dues_entry.basis_history,
            line.member_id,
            on_done=lambda history: self._open_basis(line, history),
        )

    def _open_basis(self, line, history) -> None:
        from ..dialogs.dues_basis import DuesBasisDialog

        dialog = DuesBasisDialog(
            line.member_id,
            line.name,
            self.month,
            dues.group_choices(self.month),
            basis_on(history, self.month),
            self,
        )
        if dialog.exec() and dialog.result_basis is not None:
            self.tasks.run(
                dues_entry.save_basis,
                dialog.result_basis,
                on_error=lambda exc: show_error(self, exc),
            )

    # --- printing ------------------------------------------------------------------------
    def ask_and_save(self, what: str) -> None:
        if what == "sheet":
            stem = f"so_thu_dang_phi_{self.month.year}_{self.month.month:02d}"
        else:
            stem = f"tong_hop_dang_phi_{self.month.year}"
        folder = self.last_saved.parent if self.last_saved else Path.home()
        name, _f = QFileDialog.getSaveFileName(
            self,
            _("Lưu sổ thu đảng phí") if what == "sheet" else _("Lưu tổng hợp đảng phí"),
            str(folder / f"{stem}.pdf"),
            _("Tệp PDF (*.pdf);;Bảng tính Excel (*.xlsx)"),
        )
        if name:
            path = Path(name)
            if path.suffix.lower() not in (".pdf", ".xlsx"):
                path = path.with_suffix(".pdf")
            self.save_to(what, path)

    def save_to(self, what: str, path: Path, on: dt.date | None = None) -> None:
        from ..progress import run_with_progress

        fn, period = (
            (dues_docs.write_month_sheet, self.month)
            if what == "sheet"
            else (dues_docs.write_year_summary, self.month.year)
        )
        run_with_progress(
            self,
            self.tasks,
            _("Đang lập tệp"),
            fn,
            period,
            path,
            on or _today(),
            on_done=self._saved,
        )

    def _saved(self, path) -> None:
        self.last_saved = Path(path)
        self.status.setText(_("Đã lưu {path}.").format(path=path))
