"""The Đảng phí page driven as a secretary would: pick the month, "all paid as due", type
the exceptions in the table, set a member's basis, print the collection sheet."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from chibo_desktop.domain.dues import Month
from chibo_desktop.gui.models.dues_model import DUE, NAME, PAID, STATE
from chibo_desktop.gui.views import dues as page_module

from .conftest import shown_page, type_text, wait_idle


def row_of(page, name: str) -> int:
    for row in range(page.proxy.rowCount()):
        if page.proxy.index(row, NAME).data() == name:
            return row
    raise AssertionError(name)


def cell(page, row: int, col: int) -> str:
    return page.proxy.index(row, col).data()


def reload_count(qtbot, page, before: int) -> None:
    qtbot.waitUntil(lambda: page.loads > before, timeout=10_000)


def test_month_ledger_quick_entry_and_print(open_window, demo_path, qtbot, tasks, tmp_path):
    window = open_window(demo_path)
    page = shown_page(window, "dues")
    assert page.month == Month(2026, 3)  # today is frozen at 15/03/2026
    qtbot.waitUntil(lambda: page.loads >= 1, timeout=10_000)
    assert page.proxy.rowCount() == len(page.ledger.lines) > 20
    assert "01-QĐ/TW" in page.regime_label.text()
    unpaid = [r for r in range(page.proxy.rowCount()) if cell(page, r, STATE) == "Chưa nộp"]
    assert unpaid

    # The month picker: February is under QĐ 01 too, January under QĐ 342.
    before = page.loads
    page.month_edit.setDate(QDate(2026, 1, 1))
    reload_count(qtbot, page, before)
    assert "342-QĐ/TW" in page.regime_label.text()
    before = page.loads
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.loads > before and page.ledger.month == Month(2026, 3))

    # All paid as due, then one exception typed in the table.
    before = page.loads
    qtbot.mouseClick(page.all_paid_button, Qt.MouseButton.LeftButton)
    reload_count(qtbot, page, before)
    states = {cell(page, r, STATE) for r in range(page.proxy.rowCount())}
    assert "Chưa nộp" not in states and "Đã nộp" in states
    row = next(r for r in range(page.proxy.rowCount()) if cell(page, r, DUE) not in ("", "0"))
    name = cell(page, row, NAME)
    page.table.setCurrentIndex(page.proxy.index(row, PAID))
    page.table.edit(page.proxy.index(row, PAID))
    editor = page.table.focusWidget()
    editor.selectAll()
    before = page.loads
    type_text(editor, "1.000")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    reload_count(qtbot, page, before)
    row = row_of(page, name)
    assert (cell(page, row, PAID), cell(page, row, STATE)) == ("1.000", "Nộp thiếu")

    # A wrong amount is refused with the reason, nothing is written.
    page.enter_paid(
        page.model.line(page.proxy.mapToSource(page.proxy.index(row, 0)).row()).member_id, "abc"
    )
    assert "không đọc được" in page.status.text()

    # Print: the page's own save dialog, then the file is there and drawn.
    target = tmp_path / "so_thu.pdf"
    original = QFileDialog.getSaveFileName
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(target), ""))
    try:
        qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        wait_idle(qtbot, tasks)
    finally:
        QFileDialog.getSaveFileName = original
    qtbot.waitUntil(lambda: target.exists(), timeout=10_000)
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "SỔ THU ĐẢNG PHÍ" in text and name in text
    assert "Đã lưu" in page.status.text()


def test_setting_a_basis_from_the_page(open_window, demo_path, qtbot, tasks, monkeypatch):
    from chibo_desktop.gui.dialogs import dues_basis

    window = open_window(demo_path)
    page = shown_page(window, "dues")
    qtbot.waitUntil(lambda: page.loads >= 1, timeout=10_000)
    row = 0
    page.table.selectRow(row)
    name = cell(page, row, NAME)

    def fill(dialog):
        dialog.group.setCurrentIndex(dialog.group.findData("salary"))
        dialog.basis.setText("9.360.000")
        dialog._accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dues_basis.DuesBasisDialog, "exec", fill)
    before = page.loads
    qtbot.mouseClick(page.basis_button, Qt.MouseButton.LeftButton)
    reload_count(qtbot, page, before)
    row = row_of(page, name)
    assert cell(page, row, DUE) in ("93.600", "0")  # 0: exempt by 50 years of party age
    assert page_module.Month.of(page_module._today()) == Month(2026, 3)


def test_relief_passed_up_and_settings_dialogs(open_window, demo_path, qtbot, tasks, monkeypatch):
    from chibo_desktop.gui.dialogs import dues_dialogs

    window = open_window(demo_path)
    page = shown_page(window, "dues")
    qtbot.waitUntil(lambda: page.loads >= 1, timeout=10_000)
    row = next(r for r in range(page.proxy.rowCount()) if cell(page, r, DUE) not in ("", "0"))
    name = cell(page, row, NAME)
    page.table.selectRow(row)

    def reduce(dialog):
        dialog.percent.setCurrentIndex(dialog.percent.findData(50))
        dialog.last.setDate(QDate(2027, 6, 1))  # 16 months: refused, the dialog says why
        dialog._accept()
        assert "tối đa 12 tháng" in dialog.error.text()
        dialog.last.setDate(QDate(2026, 8, 1))
        dialog.decision.setText("Số 15-QĐ/ĐU")
        dialog._accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dues_dialogs.ReliefDialog, "exec", reduce)
    before = page.loads
    qtbot.mouseClick(page.relief_button, Qt.MouseButton.LeftButton)
    reload_count(qtbot, page, before)
    line = page.model.line(page.proxy.mapToSource(page.proxy.index(row_of(page, name), 0)).row())
    assert line.due.amount == (line.due.full + 1) // 2 and "Số 15-QĐ/ĐU" in line.due.reason

    def remove(dialog):
        assert dialog.existing.count() == 1
        assert "50%: 03/2026 – 08/2026 (Số 15-QĐ/ĐU)" in dialog.existing.item(0).text()
        dialog.existing.setCurrentRow(0)
        dialog._remove()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dues_dialogs.ReliefDialog, "exec", remove)
    page.table.selectRow(row_of(page, name))
    before = page.loads
    qtbot.mouseClick(page.relief_button, Qt.MouseButton.LeftButton)
    reload_count(qtbot, page, before)
    line = page.model.line(page.proxy.mapToSource(page.proxy.index(row_of(page, name), 0)).row())
    assert line.due.amount == line.due.full

    def pass_up(dialog):
        assert dialog.meeting.count() >= 2  # "(không ghi)" and the month's meeting
        dialog.meeting.setCurrentIndex(1)
        dialog.amount.setText("500.000")
        dialog._accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dues_dialogs.PassedUpDialog, "exec", pass_up)
    before = page.loads
    qtbot.mouseClick(page.passed_up_button, Qt.MouseButton.LeftButton)
    reload_count(qtbot, page, before)
    assert page.ledger.record.passed_up == 500_000 and page.ledger.record.meeting_id
    assert page.ledger.meeting_date.startswith("2026-03")
    assert "Thu tại buổi sinh hoạt ngày" in page.regime_label.text()

    def settings(dialog):
        dialog.kept.setValue(40)
        dialog.rounding.setCurrentIndex(dialog.rounding.findData("thousand"))
        dialog._accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dues_dialogs.DuesSettingsDialog, "exec", settings)
    before = page.loads
    qtbot.mouseClick(page.settings_button, Qt.MouseButton.LeftButton)
    reload_count(qtbot, page, before)
    assert page.ledger.options.kept_percent == 40
    assert all((x.due.amount or 0) % 1000 == 0 for x in page.ledger.lines)
    kept = (page.ledger.total_paid * 40 + 50) // 100
    assert page.ledger.kept == kept
    assert f"giữ lại {kept:,} đ".replace(",", ".") in page.totals.text()


def test_import_a_salary_list_from_the_page(open_window, demo_path, qtbot, tasks, tmp_path):
    from chibo_desktop.gui.dialogs import dues_import
    from tests.unit.import_files import write_xlsx

    window = open_window(demo_path)
    page = shown_page(window, "dues")
    qtbot.waitUntil(lambda: page.loads >= 1, timeout=10_000)
    names = [x.name for x in page.ledger.lines if x.due.group == "other" and x.due.state == "due"]
    path = write_xlsx(
        tmp_path / "bang_luong.xlsx",
        {"Lương": [["Họ và tên", "Mức lương"], [names[0], "9.360.000"], ["Không Có Ai", 1]]},
    )
    seen = {}

    def run_dialog(dialog):
        dialog.check_button.click()
        qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
        seen["report"] = dialog.report.toPlainText()
        dialog.import_button.click()
        qtbot.waitUntil(lambda: dialog.imported is not None, timeout=10_000)
        return QDialog.DialogCode.Accepted

    original_open, original_exec = QFileDialog.getOpenFileName, dues_import.BasisImportDialog.exec
    QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (str(path), ""))
    dues_import.BasisImportDialog.exec = run_dialog
    before = page.loads
    try:
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
        reload_count(qtbot, page, before)
    finally:
        QFileDialog.getOpenFileName = original_open
        dues_import.BasisImportDialog.exec = original_exec
    assert "Sẽ cập nhật 1 đảng viên" in seen["report"]
    assert "Dòng 3: Không có đảng viên nào tên “Không Có Ai”" in seen["report"]
    assert "Đã nhập căn cứ đóng của 1 đảng viên." in page.status.text()
    assert cell(page, row_of(page, names[0]), DUE) == "93.600"


def test_a_reminder_opens_its_month_and_the_year_summary_is_saved(
    open_window, demo_path, qtbot, tasks, tmp_path
):
    window = open_window(demo_path)
    window.show_page("home")
    wait_idle(qtbot, tasks)
    window.open_record("dues", "2026-02")
    page = window.pages["dues"]
    qtbot.waitUntil(lambda: page.ledger is not None and page.ledger.month == Month(2026, 2))
    assert page.month_edit.date() == QDate(2026, 2, 1)
    target = tmp_path / "nam.xlsx"
    page.save_to("year", target)
    qtbot.waitUntil(lambda: target.exists(), timeout=10_000)
    wait_idle(qtbot, tasks)
    import openpyxl

    assert openpyxl.load_workbook(target).sheetnames[-1] == "Tổng hợp theo tháng"
