"""The import wizard driven like a secretary would: file, columns, preview, import."""

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressBar, QWizard

from chibo_desktop.gui.dialogs.import_wizard import (
    MAPPING_PAGE,
    PREVIEW_PAGE,
    SUMMARY_PAGE,
    run_import_wizard,
)
from chibo_desktop.gui.models.import_preview import PROBLEM, REASON
from chibo_desktop.storage.database import open_database
from tests.unit.import_files import HEADER, simple_list, write_xlsx

from .conftest import type_text, wait_idle

ROWS = [
    [1, "Nguyễn Văn An", "Nam", "01/01/1960", "01/01/1985", "01/01/1986", "01.000001", "Tổ 1"],
    [2, "Trần Thị Bình", "Nữ", "02/02/1990", "01/06/2025", "", "", ""],
    [3, "Lê Văn Ngày", "Nam", "31/02/1960", "", "", "", ""],
]


def members(db_path) -> dict:
    db = open_database(db_path)
    try:
        return {r["full_name"]: r for r in db.query("SELECT * FROM members")}
    finally:
        db.close()


def next_page(qtbot, wizard, page: int, timeout: int = 20_000) -> None:
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == page, timeout=timeout)


def commit(qtbot, wizard, timeout: int = 30_000) -> None:
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == SUMMARY_PAGE, timeout=timeout)


def test_the_wizard_imports_a_list_and_saves_the_error_report(
    qtbot, tasks, db_path, tmp_path, monkeypatch
):
    tasks.set_database(open_database(db_path))
    source = write_xlsx(
        tmp_path / "danh sách.xlsx", {"Ghi chú": [["Không phải bảng"]], "DS": simple_list(ROWS)}
    )
    wizard = run_import_wizard(None, tasks)
    qtbot.addWidget(wizard)
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "Tiếp >"
    type_text(wizard.file_page.path, str(source))
    assert wizard.file_page.path.text() == str(source)
    next_page(qtbot, wizard, MAPPING_PAGE)

    page = wizard.mapping_page
    assert page.sheet.currentText() == "DS"
    assert "Dòng tiêu đề: 7" in page.info.text()
    combos = page.combos
    assert [combos[i].currentData() for i in range(len(HEADER))] == [
        "row_number",
        "full_name",
        "gender",
        "birth_date",
        "join_date",
        "official_date",
        "card_number",
        "notes",
    ]
    combos[7].setCurrentIndex(combos[7].findData("to_notes"))

    next_page(qtbot, wizard, PREVIEW_PAGE)
    preview = wizard.preview_page
    assert "2 thêm mới" in preview.summary.text() and "1 dòng bị từ chối" in preview.summary.text()
    model = preview.model
    assert model.rowCount() == 3
    labels = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    birth = labels.index("Ngày sinh")
    bad = model.index(2, birth)
    assert model.data(bad, PROBLEM) and "không phải là ngày có thật" in model.data(bad, 3)
    assert model.data(model.index(0, 1)) == "Thêm mới"
    assert model.data(model.index(2, 1)) == "Bị từ chối"
    assert labels[REASON] == "Lý do từ chối"  # the reason in a column, not only a tooltip
    assert "không phải là ngày có thật" in model.data(model.index(2, REASON))
    assert model.data(model.index(0, REASON)) == ""
    preview.only_problems.setChecked(True)
    assert preview.proxy.rowCount() == 1
    preview.only_problems.setChecked(False)
    assert members(db_path) == {}  # the preview writes nothing

    commit(qtbot, wizard)
    summary = wizard.summary_page
    assert "Đã nhập xong" in summary.text.text()
    got = members(db_path)
    assert set(got) == {"Nguyễn Văn An", "Trần Thị Bình"}
    assert got["Nguyễn Văn An"]["notes"] == "Ghi chú: Tổ 1"
    assert summary.save.isEnabled()
    target = tmp_path / "loi.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    summary.save.click()
    qtbot.waitUntil(lambda: target.is_file(), timeout=10_000)
    wait_idle(qtbot, tasks)
    assert "Đã lưu" in summary.saved.text()

    again = run_import_wizard(None, tasks)
    qtbot.addWidget(again)
    again.file_page.path.setText(str(source))
    next_page(qtbot, again, MAPPING_PAGE)
    assert "lưu từ lần nhập trước" in again.mapping_page.info.text()
    assert again.mapping_page.combos[7].currentData() == "to_notes"


def test_strict_box_and_a_missing_name_column(qtbot, tasks, db_path, tmp_path, monkeypatch):
    tasks.set_database(open_database(db_path))
    source = write_xlsx(tmp_path / "ds.xlsx", {"DS": simple_list(ROWS)})
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    wizard = run_import_wizard(None, tasks)
    qtbot.addWidget(wizard)
    wizard.file_page.path.setText(str(source))
    next_page(qtbot, wizard, MAPPING_PAGE)
    name = wizard.mapping_page.combos[1]
    name.setCurrentIndex(name.findData(""))
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentId() == MAPPING_PAGE and "Họ và tên" in shown[-1]
    name.setCurrentIndex(name.findData("full_name"))
    next_page(qtbot, wizard, PREVIEW_PAGE)
    wizard.preview_page.strict.setChecked(True)
    commit(qtbot, wizard)
    assert "Không nhập gì" in wizard.summary_page.text.text()
    assert members(db_path) == {}


def test_an_unreadable_file_is_explained_and_the_wizard_stays(
    qtbot, tasks, db_path, tmp_path, monkeypatch
):
    tasks.set_database(open_database(db_path))
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    bad = tmp_path / "anh.xlsx"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    wizard = run_import_wizard(None, tasks)
    qtbot.addWidget(wizard)
    wizard.file_page.path.setText(str(bad))
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "không phải là bảng tính" in shown[0]
    assert wizard.currentId() == 0


def test_twenty_thousand_rows_without_freezing_the_window(qtbot, tasks, db_path, tmp_path):
    from openpyxl import Workbook

    tasks.set_database(open_database(db_path))
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("DS")
    ws.append(HEADER)
    for n in range(1, 20_001):
        ws.append(
            [
                n,
                f"Nguyễn Văn {'abcdefghik'[n % 10]}{'abcdefghik'[n // 10 % 10]}"
                f"{'abcdefghik'[n // 100 % 10]}{'abcdefghik'[n // 1000 % 10]}"
                f"{'abcdefghik'[n // 10000]}",
                "Nam",
                dt.date(1960, 1, 1) + dt.timedelta(days=n % 3000),
                "01/01/1990",
                "01/01/1991",
                f"{n:08d}",
                "",
            ]
        )
    source = tmp_path / "lon.xlsx"
    wb.save(source)

    # What the progress bars showed each time the event loop turned: a blocked loop would
    # see the bars only before and after the work.
    seen = set()

    def tick() -> None:
        seen.update(bar.value() for bar in wizard.findChildren(QProgressBar) if bar.isVisible())

    wizard = run_import_wizard(None, tasks)
    qtbot.addWidget(wizard)
    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(20)
    wizard.file_page.path.setText(str(source))
    next_page(qtbot, wizard, MAPPING_PAGE)
    next_page(qtbot, wizard, PREVIEW_PAGE, timeout=120_000)
    assert wizard.preview_page.model.rowCount() == 20_000
    wizard.preview_page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    commit(qtbot, wizard, timeout=120_000)
    timer.stop()
    assert wizard.report.added == 20_000
    assert len(members(db_path)) == 20_000
    assert len(seen - {-1, 0}) >= 3, seen


def test_cancel_during_the_import_writes_nothing(qtbot, tasks, db_path, tmp_path):
    tasks.set_database(open_database(db_path))
    rows = [
        [n, f"Nguyễn Văn {chr(65 + n % 26)}{'a' * (n // 26)}", "Nam", "1960", "", "", "", ""]
        for n in range(1, 3001)
    ]
    source = write_xlsx(tmp_path / "ds.xlsx", {"DS": simple_list(rows)})
    wizard = run_import_wizard(None, tasks)
    qtbot.addWidget(wizard)
    wizard.file_page.path.setText(str(source))
    next_page(qtbot, wizard, MAPPING_PAGE)
    next_page(qtbot, wizard, PREVIEW_PAGE, timeout=60_000)
    strip = wizard.preview_page.strip
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert strip.isVisible() and not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    strip.cancel.click()
    wait_idle(qtbot, tasks, timeout=60_000)
    assert wizard.currentId() == PREVIEW_PAGE and wizard.report is None
    assert not strip.isVisible() and wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert members(db_path) == {}
