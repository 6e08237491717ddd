"""The home page lists what needs attention; activating a line opens what it is about."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from chibo_desktop.domain.members import Member
from chibo_desktop.domain.status import StatusChange
from chibo_desktop.gui.views import home as home_module
from chibo_desktop.services.members.register import save_member
from chibo_desktop.storage.database import open_database
from tests.unit.test_report_register import TODAY, build_register

from .conftest import wait_idle

EXPECTED = [
    (
        "overdue",
        "5 đảng viên chưa có kết quả xếp loại năm 2025: Nguyễn Văn An, Trần Thị Bình, "
        "Lê Văn Cường và 2 đồng chí khác.",
    ),
    (
        "soon",
        "Mai Văn Sắp: hết thời hạn dự bị ngày 20/03/2026 (còn 5 ngày), chuẩn bị xét công nhận "
        "chính thức.",
    ),
    ("soon", "Chưa có biên bản sinh hoạt chi bộ thường kỳ tháng 3/2026."),
    ("soon", "Quý 1/2026 chưa có buổi sinh hoạt chi bộ chuyên đề (ít nhất mỗi quý một lần)."),
    (
        "soon",
        "Bùi Văn Hùng: Chuyển sinh hoạt đi ngày 01/03/2026; hạn xuất trình giấy giới thiệu sinh "
        "hoạt đảng với chi ủy nơi chuyển đến: 10/04/2026 (30 ngày làm việc). (Chưa tính ngày "
        "nghỉ Tết, lễ riêng của năm 2026.)",
    ),
]


@pytest.fixture
def window(open_window, db_path, monkeypatch):
    db = open_database(db_path)
    build_register(db)
    member = Member(full_name="Mai Văn Sắp", gender="Nam", birth_date="1990-01-01",
                    join_date="2025-03-20")  # fmt: skip
    save_member(db, member, first_status=StatusChange("admitted", dt.date(2025, 3, 20)))
    db.close()
    monkeypatch.setattr(home_module, "_today", lambda: TODAY)
    return open_window(db_path)


def test_reminders_are_listed(window):
    page = window.current_page()
    assert page.key == "home"
    model = page.model
    assert [(r.urgency, r.text) for r in model.items] == EXPECTED
    assert model.data(model.index(1, 0)) == EXPECTED[1][1]
    assert page.heading.text() == "Việc cần làm (5)"
    assert "Đảng viên đang sinh hoạt: <b>9</b>" in page.summary.text()


def _activate(qtbot, page, row: int, *, double_click: bool) -> None:
    view = page.view
    index = page.model.index(row, 0)
    view.scrollTo(index)
    if double_click:
        rect = view.visualRect(index)
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    else:
        view.setCurrentIndex(index)
        view.setFocus()
        QTest.keyClick(view, Qt.Key.Key_Return)


def test_double_click_opens_the_member(window, qtbot, tasks, monkeypatch):
    asked = []
    original = window.open_record

    def spy(kind, record_id):
        asked.append((kind, record_id))
        original(kind, record_id)

    monkeypatch.setattr(window, "open_record", spy)
    page = window.current_page()
    page.record_requested.disconnect()
    page.record_requested.connect(window.open_record)
    _activate(qtbot, page, 1, double_click=True)
    wait_idle(qtbot, tasks)
    member_id = page.model.items[1].record_id
    assert asked[-1] == ("member", member_id)
    assert window.current_page().key == "members"
    form = window.pages["members"].form
    if form is not None:
        form.close()


def test_enter_on_the_assessment_line_opens_the_reports_page(window, qtbot, tasks):
    page = window.current_page()
    _activate(qtbot, page, 0, double_click=False)
    wait_idle(qtbot, tasks)
    assert window.current_page().key == "reports"
    dialogs = [w for w in window.findChildren(object) if type(w).__name__ == "AssessmentDialog"]
    assert dialogs and dialogs[0].year.value() == 2025
    dialogs[0].close()


def test_a_line_without_a_record_shows_its_page(window, qtbot, tasks):
    page = window.current_page()
    _activate(qtbot, page, 2, double_click=True)
    wait_idle(qtbot, tasks)
    assert window.current_page().key == "meetings"


def test_tam_mien_ending_is_listed_and_opens_the_member(
    open_window, db_path, qtbot, tasks, monkeypatch
):
    from chibo_desktop.services.members.register import add_status_change

    db = open_database(db_path)
    far = save_member(
        db,
        Member(full_name="Lò Văn Xa", join_date="2000-01-10", official_date="2001-01-10"),
        first_status=StatusChange("transfer_in", dt.date(2010, 1, 1)),
    ).value
    add_status_change(db, far, StatusChange("temp_exempt", dt.date(2025, 4, 1)))
    db.close()
    monkeypatch.setattr(home_module, "_today", lambda: TODAY)
    window = open_window(db_path)
    page = window.current_page()
    row = next(i for i, r in enumerate(page.model.items) if r.kind == "status")
    assert "Lò Văn Xa: Tạm miễn sinh hoạt đảng" in page.model.items[row].text
    asked = []
    page.record_requested.disconnect()
    page.record_requested.connect(lambda kind, record_id: asked.append((kind, record_id)))
    _activate(qtbot, page, row, double_click=True)
    assert set(asked) == {("member", far)}


def test_the_home_page_says_why_reports_count_fewer(open_window, demo_path, qtbot, tasks):
    from .conftest import shown_page as _shown

    home = _shown(open_window(demo_path), "home")
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: "sinh hoạt tạm thời tại chi bộ" in home.summary.text())
    assert "báo cáo tình hình đảng viên không tính" in home.summary.text()
