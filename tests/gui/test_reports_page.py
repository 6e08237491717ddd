"""The reports page driven as a secretary would: pick each report, look at the preview,
save it as Excel and as PDF through the page's own save dialog."""

from __future__ import annotations

import datetime as dt
import subprocess

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog

from chibo_desktop.gui.views import reports as page_module
from chibo_desktop.services.campaigns.campaign import create_campaign
from chibo_desktop.storage.database import open_database
from tests.unit.test_report_assessment import assess
from tests.unit.test_report_meetings import hold_meetings
from tests.unit.test_report_register import TODAY, build_register

from .conftest import wait_idle

# What the preview of each report shows first (its title), in list order.
PREVIEW_TITLES = [
    "DANH SÁCH ĐẢNG VIÊN",
    "BÁO CÁO\nTình hình đảng viên",
    "BÁO CÁO\nKết quả đánh giá, xếp loại đảng viên năm 2025",
    "BÁO CÁO\nTổng hợp sinh hoạt chi bộ",
    "BÁO CÁO\nKết quả đợt sinh hoạt chính trị",
]


@pytest.fixture
def cell_path(db_path):
    db = open_database(db_path)
    ids = build_register(db)
    assess(db, ids)
    hold_meetings(db)
    create_campaign(db, "tu_soi_tu_sua", dt.date(2026, 1, 10), today=TODAY)
    db.close()
    return db_path


@pytest.fixture
def window(open_window, cell_path, monkeypatch):
    monkeypatch.setattr(page_module, "_today", lambda: TODAY)
    return open_window(cell_path)


def preview_text(page) -> str:
    return page.viewer.toPlainText()


def wait_preview(qtbot, page, count: int) -> None:
    qtbot.waitUntil(lambda: page.previews_built >= count, timeout=10_000)


def test_nothing_is_computed_until_the_page_is_shown(window, qtbot, tasks):
    assert "reports" not in window.pages or window.pages["reports"].previews_built == 0
    window.show_page("reports")
    page = window.pages["reports"]
    assert page.previews_built == 0  # waits for the choices to settle
    wait_preview(qtbot, page, 1)
    assert "BÁO CÁO\nTình hình đảng viên" in preview_text(page)
    assert "Tổng số đảng viên\n7\n100,0%" in preview_text(page)
    # Hidden again: changes do not rebuild it until it is shown.
    window.show_page("home")
    page.start.set_date(dt.date(2026, 2, 1))
    wait_idle(qtbot, tasks)
    assert not page.preview_scheduled()
    assert page.previews_built == 1
    window.show_page("reports")
    wait_preview(qtbot, page, 2)
    assert "Từ ngày 01/02/2026 đến ngày 15/03/2026" in preview_text(page)


def test_changes_in_a_row_build_one_preview(window, qtbot, tasks):
    window.show_page("reports")
    page = window.pages["reports"]
    wait_preview(qtbot, page, 1)
    for day in (2, 3, 4, 5, 6):
        page.start.set_date(dt.date(2026, 1, day))
    assert page.preview_scheduled()
    wait_preview(qtbot, page, 2)
    wait_idle(qtbot, tasks)
    assert not page.preview_scheduled()  # nothing more will be built
    assert page.previews_built == 2
    assert "Từ ngày 06/01/2026 đến ngày 15/03/2026" in preview_text(page)


def test_each_report_previews_and_saves_as_excel_and_pdf(
    window, qtbot, tasks, monkeypatch, tmp_path
):
    window.show_page("reports")
    page = window.pages["reports"]
    wait_preview(qtbot, page, 1)
    asked = []

    def save_dialog(parent, caption, proposed, file_filter):
        asked.append((caption, proposed, file_filter))
        return str(tmp_path / f"{len(asked)}_{proposed.rsplit('/', 1)[-1]}"), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    built = page.previews_built
    for row, title in enumerate(PREVIEW_TITLES):
        page.kinds.setCurrentRow(row)
        built += 1
        wait_preview(qtbot, page, built)
        assert title in preview_text(page), (row, preview_text(page)[:300])
        for button, suffix in ((page.excel, ".xlsx"), (page.pdf, ".pdf")):
            button.setChecked(True)
            page.save_button.click()
            wait_idle(qtbot, tasks)
            assert page.last_saved is not None and page.last_saved.suffix == suffix
            assert page.last_saved.is_file()
            if suffix == ".xlsx":
                wb = openpyxl.load_workbook(page.last_saved)
                assert int(wb.worksheets[0].page_setup.paperSize) == 9
            else:
                assert page.last_saved.read_bytes().startswith(b"%PDF")
                text = subprocess.run(
                    ["pdftotext", str(page.last_saved), "-"], capture_output=True, text=True
                ).stdout
                assert "CHI BỘ KHU PHỐ 3" in text
            assert page.status.text() == f"Đã lưu {page.last_saved}."
    assert [a[2] for a in asked[:2]] == [
        "Bảng tính Excel (*.xlsx)",
        "Tệp PDF (*.pdf);;Tệp Word để sửa tiếp (*.docx)",
    ]
    assert asked[0][1].endswith("danh_sach_dang_vien_20260315.xlsx")
    assert asked[5][1].endswith("xep_loai_dang_vien_2025.pdf")


def test_a_report_without_data_says_why(window, qtbot, tasks):
    window.show_page("reports")
    page = window.pages["reports"]
    wait_preview(qtbot, page, 1)
    page.start.set_date(dt.date(2024, 1, 1))
    page.end.set_date(dt.date(2024, 12, 31))
    page.kinds.setCurrentRow(4)  # campaign: none in 2024
    qtbot.waitUntil(
        lambda: page.status.text().startswith("Không có đợt sinh hoạt chính trị"), timeout=5000
    )
    assert preview_text(page) == ""
