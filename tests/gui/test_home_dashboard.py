"""The home page's pictures, on real cell files: the demo, an empty cell, a cell with one
meeting, a cell of 300 members; each card opens the page behind it. Screenshots go to
$CHIBO_SCREENSHOTS when it is set (to be looked at)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from chibo_desktop import i18n
from chibo_desktop.domain.members import Member
from chibo_desktop.domain.status import StatusChange
from chibo_desktop.services.meetings.minutes import create_meeting
from chibo_desktop.services.members.register import save_member
from chibo_desktop.services.reminders.dashboard import dashboard, short_band
from chibo_desktop.services.reports.meetings import meetings_summary
from chibo_desktop.services.reports.situation import situation
from chibo_desktop.storage.database import open_database

from .clipping import clipped
from .conftest import settle_layout, wait_idle

TODAY = dt.date(2026, 3, 15)
SIZE = (1024, 600)
FAMILY = ("Nguyễn", "Trần", "Lê")
MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Quang", "Ngọc", "Xuân", "Thanh")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Lan", "Nga", "Phúc", "Quân", "Yến")


def _home(open_window, qtbot, tasks, path, language="vi"):
    i18n.set_language(language)
    window = open_window(path)
    window.resize(*SIZE)
    window.show_page("home")
    wait_idle(qtbot, tasks)
    page = window.pages["home"]
    qtbot.waitUntil(lambda: page.dashboard.data is not None, timeout=10_000)
    settle_layout()
    return window, page


def _shot(window, name: str) -> None:
    folder = os.environ.get("CHIBO_SCREENSHOTS")
    if folder:
        window.grab().save(str(Path(folder) / f"home_{name}.png"))


def _add_members(path, count: int) -> None:
    db = open_database(path)
    for i in range(count):
        member = Member(
            full_name=f"{FAMILY[i // 100]} {MIDDLE[i // 10 % 10]} {GIVEN[i % 10]}",
            gender="Nữ" if i % 3 else "Nam",
            birth_date=f"{1950 + i % 50}-05-01",
            join_date=f"{1975 + i % 50}-05-01",
        )
        first = StatusChange("admitted", dt.date(1975 + i % 50, 5, 1))
        save_member(db, member, first_status=first, today=TODAY)
    db.close()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_demo_cell_dashboard(open_window, qtbot, tasks, demo_path, language):
    window, page = _home(open_window, qtbot, tasks, demo_path, language)
    _shot(window, f"demo_{language}")
    board = page.dashboard
    # the same figures as the meetings report and the situation report
    db = open_database(demo_path)
    summary = meetings_summary(db, TODAY - dt.timedelta(days=730), TODAY, TODAY)
    s = situation(db, TODAY, TODAY)
    db.close()
    shown = board.attendance.points
    assert 1 <= len(shown) <= 12
    lines = {m.id: m for m in summary.meetings}
    for point in shown:
        line = lines[point.meeting_id]
        assert (point.expected, point.present, point.draft) == (
            line.figures.expected,
            line.figures.present,
            line.draft,
        )
    assert [seg.count for seg in board.members.bars[0][1]] == [
        n for n in (s.chinh_thuc, s.du_bi) if n
    ]
    group = next(g for g in s.groups if g.title == "Theo tuổi Đảng")
    assert [seg.count for seg in board.members.bars[1][1]] == [n for _l, n in group.rows if n]
    assert board.steps.steps and board.steps.empty_text == ""
    assert 1 <= len(board.deadlines.items) <= 3
    assert all(r.date >= TODAY for r in board.deadlines.items)
    assert clipped(page) == []
    # the reminders keep their room under the pictures
    assert page.view.height() >= 120
    assert page.view.geometry().bottom() <= page.height()


def test_cards_open_their_pages(open_window, qtbot, tasks, demo_path):
    window, page = _home(open_window, qtbot, tasks, demo_path)
    for card, key in (("attendance", "meetings"), ("members", "members"), ("campaign", "campaign")):
        window.show_page("home")
        wait_idle(qtbot, tasks)
        widget = page.dashboard.cards[card]
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        qtbot.waitUntil(lambda key=key: window.current_page().key == key, timeout=5_000)
    window.show_page("home")
    wait_idle(qtbot, tasks)
    card = page.dashboard.cards["attendance"]
    card.setFocus()
    QTest.keyClick(card, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page().key == "meetings", timeout=5_000)
    # a deadline opens what it is about, as its line in the reminders does
    window.show_page("home")
    wait_idle(qtbot, tasks)
    deadlines = page.dashboard.deadlines
    first = deadlines.items[0]
    QTest.mouseClick(deadlines, Qt.MouseButton.LeftButton, pos=QPoint(20, 5))
    assert page._last_open == (first.record, first.record_id)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_empty_cell_says_so(open_window, qtbot, tasks, db_path, language):
    window, page = _home(open_window, qtbot, tasks, db_path, language)
    _shot(window, f"empty_{language}")
    board = page.dashboard
    assert board.attendance.points == [] and board.attendance.empty_text
    assert board.members.empty_text and board.steps.empty_text
    # the month's regular meeting is still due, even in an empty register
    assert bool(board.deadlines.items) != bool(board.deadlines.empty_text)
    texts = {board.attendance.empty_text, board.members.empty_text, board.steps.empty_text}
    vietnamese = "Chưa có buổi sinh hoạt thường kỳ nào. Biểu đồ hiện ra khi có biên bản."
    assert (vietnamese in texts) == (language == "vi")
    assert clipped(page) == []
    board.grab()  # paints the empty states without an error


@pytest.mark.parametrize("language", ["vi", "en"])
def test_one_member_one_meeting(open_window, qtbot, tasks, db_path, language):
    _add_members(db_path, 1)
    db = open_database(db_path)
    create_meeting(db, dt.date(2026, 3, 5))  # a draft: its bar is hatched
    db.close()
    window, page = _home(open_window, qtbot, tasks, db_path, language)
    _shot(window, f"one_meeting_{language}")
    points = page.dashboard.attendance.points
    assert len(points) == 1 and points[0].draft
    assert page.dashboard.members.empty_text == ""
    assert [s.count for s in page.dashboard.members.bars[0][1]] == [1]
    assert clipped(page) == []


def test_three_hundred_members(open_window, qtbot, tasks, db_path):
    _add_members(db_path, 300)
    window, page = _home(open_window, qtbot, tasks, db_path)
    _shot(window, "300_members")
    (_c, status), (_p, party_age) = page.dashboard.members.bars
    assert sum(s.count for s in status) == 300
    assert sum(s.count for s in party_age) == 300
    assert clipped(page) == []
    page.dashboard.grab()


def test_dashboard_service_on_an_empty_file(db):
    data = dashboard(db, TODAY)
    assert data.attendance == [] and data.members == 0 and data.campaign_id is None
    assert [s.count for s in data.status] == [0, 0]


def test_party_age_bands_in_figures():
    assert short_band("Dưới 10 năm") == "<10"
    assert short_band("Từ 10 đến dưới 30 năm") == "10–29"
    assert short_band("Từ 50 năm trở lên") == "50+"
