"""The minutes editor: an excused absence keeps the member in the voting base until the
secretary ticks that the reason was accepted and the whole meeting missed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from chibo_desktop.gui.dialogs import meeting_parts
from chibo_desktop.services.meetings import minutes as svc
from chibo_desktop.storage.database import open_database

from .conftest import shown_page, wait_idle

DATE = dt.date(2026, 3, 20)


class _NewMeeting(meeting_parts.NewMeetingDialog):
    def exec(self) -> int:
        self.date.set_date(DATE)
        return 1


def _click_check(qtbot, view, index) -> None:
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    option.rect = view.visualRect(index)
    rect = view.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view
    )
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_unticking_an_accepted_absence_puts_the_member_back_in_the_base(
    open_window, demo_path, qtbot, tasks, monkeypatch
):
    monkeypatch.setattr(meeting_parts, "NewMeetingDialog", _NewMeeting)
    page = shown_page(open_window(demo_path), "meetings")
    editor = page.editor
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: editor.meeting is not None and editor.meeting.date == DATE)
    model = editor.attendance
    row = next(
        i
        for i, a in enumerate(model.rows)
        if a.state == "present" and a.membership == "chinh_thuc" and a.attachment == "official"
    )
    assert not model.flags(model.index(row, model.ACCEPTED)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.setData(model.index(row, 2), "excused")
    assert model.setData(model.index(row, 3), "Đi công tác, về kịp nửa buổi sau")
    # the counts panel follows: the absence accepted by default, out of the base
    qtbot.waitUntil(lambda: editor.counts is not None and len(editor.counts.excused) >= 1)
    before = editor.counts.voting_base
    view = editor.attendance_view
    index = view.model().mapFromSource(model.index(row, model.ACCEPTED))
    view.scrollTo(index)
    _click_check(qtbot, view, index)
    assert model.rows[row].excused_accepted is False
    qtbot.waitUntil(lambda: editor.counts.voting_base == before + 1)
    assert f"Có quyền biểu quyết: <b>{before + 1}</b>" in editor.summary.text()
    qtbot.waitUntil(lambda: not editor.dirty, timeout=8000)
    wait_idle(qtbot, tasks)
    db = open_database(demo_path)
    try:
        stored = svc.get_meeting(db, editor.meeting.id)
    finally:
        db.close()
    assert stored.attendance[row].excused_accepted is False


def test_documents_posted_tick_clears_the_preparation_warning(
    open_window, demo_path, qtbot, tasks, monkeypatch
):
    monkeypatch.setattr(meeting_parts, "NewMeetingDialog", _NewMeeting)
    page = shown_page(open_window(demo_path), "meetings")
    editor = page.editor
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: editor.meeting is not None and editor.meeting.date == DATE)
    qtbot.waitUntil(lambda: "Sổ tay đảng viên điện tử" in editor.warnings.text())
    editor.general.documents_posted.click()
    qtbot.waitUntil(lambda: "Sổ tay đảng viên điện tử" not in editor.warnings.text())
    qtbot.waitUntil(lambda: not editor.dirty, timeout=8000)
    wait_idle(qtbot, tasks)
    db = open_database(demo_path)
    try:
        assert svc.get_meeting(db, editor.meeting.id).documents_posted is True
    finally:
        db.close()
