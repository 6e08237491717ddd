"""The meetings page driven like a secretary would: create, mark, discuss, vote, finalise,
print."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox

from chibo_desktop.gui.dialogs import meeting_parts
from chibo_desktop.gui.models.meetings_model import ID
from chibo_desktop.gui.views import meetings as page_module
from chibo_desktop.services.meetings import minutes as svc
from chibo_desktop.storage.database import open_database

from .conftest import shown_page, type_text, wait_idle

DATE = dt.date(2026, 3, 20)


class _NewMeeting(meeting_parts.NewMeetingDialog):
    def exec(self) -> int:
        self.date.set_date(DATE)
        return 1


def _page(open_window, path, monkeypatch):
    monkeypatch.setattr(meeting_parts, "NewMeetingDialog", _NewMeeting)
    window = open_window(path)
    return shown_page(window, "meetings")


def _stored(path, meeting_id):
    db = open_database(path)
    try:
        return svc.get_meeting(db, meeting_id)
    finally:
        db.close()


def _set(model, row, column, value):
    assert model.setData(model.index(row, column), value, Qt.ItemDataRole.EditRole)


def _page_of(editor, view):
    return next(
        editor.tabs.widget(i)
        for i in range(editor.tabs.count())
        if view in editor.tabs.widget(i).findChildren(type(view))
    )


def test_create_mark_discuss_vote_finalise_and_print(
    open_window, demo_path, qtbot, tasks, monkeypatch, tmp_path
):
    page = _page(open_window, demo_path, monkeypatch)
    assert page.model.rowCount() >= 14  # the demo year
    editor = page.editor

    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: editor.meeting is not None and editor.meeting.date == DATE)
    meeting_id = editor.meeting.id
    assert editor.general.title.text() == "Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026"
    titles = [page.model.index(r, 1).data() for r in range(page.model.rowCount())]
    assert "Thường kỳ tháng 3 (nháp)" in titles

    # attendance: one absent without reason, one with a reason
    rows = editor.attendance.rows
    present = [i for i, a in enumerate(rows) if a.state == "present"]
    absent_name = rows[present[0]].name
    _set(editor.attendance, present[0], 2, "absent")
    _set(editor.attendance, present[1], 2, "excused")
    _set(editor.attendance, present[1], 3, "Ốm")

    # content of the first agenda item, typed
    editor.tabs.setCurrentWidget(editor.content)
    editor.content.content.setFocus()
    type_text(editor.content.content, "Phổ biến Nghị quyết của Đảng ủy phường")

    # a discussion entry
    discussion_page = _page_of(editor, editor.discussion_view)
    editor.tabs.setCurrentWidget(discussion_page)
    qtbot.mouseClick(discussion_page.edit_buttons[0], Qt.MouseButton.LeftButton)
    editor.discussion_view.closePersistentEditor(editor.discussions.index(0, 0))
    speaker = rows[present[2]].name
    _set(editor.discussions, 0, 0, speaker)
    _set(editor.discussions, 0, 2, "Đề nghị làm rõ trách nhiệm từng tổ dân phố")
    assert editor.discussions.rows[0].member_id == rows[present[2]].member_id

    # a vote
    vote_page = _page_of(editor, editor.resolution_view)
    editor.tabs.setCurrentWidget(vote_page)
    qtbot.mouseClick(vote_page.edit_buttons[0], Qt.MouseButton.LeftButton)
    _set(editor.resolutions, 0, 0, "Thông qua kế hoạch tháng 4")
    _set(editor.resolutions, 0, 1, 15)

    # counts and warnings follow the edits; votes that leave voters out are flagged
    qtbot.waitUntil(lambda: absent_name in editor.warnings.text(), timeout=5000)
    qtbot.waitUntil(lambda: "15 phiếu" in str(editor.resolutions.index(0, 4).data()))
    assert "Biểu quyết 1: 15 phiếu" in editor.warnings.text()
    _set(editor.resolutions, 0, 3, editor.counts.voters_present - 15)
    qtbot.waitUntil(lambda: "Thông qua" in str(editor.resolutions.index(0, 4).data()))
    qtbot.waitUntil(lambda: "Biểu quyết 1" not in editor.warnings.text(), timeout=5000)
    # approval of the minutes counted against those present: flagged on its own fields
    editor.general.approval[0].setValue(editor.counts.present + 1)
    qtbot.waitUntil(lambda: "Thông qua biên bản" in editor.warnings.text(), timeout=5000)
    assert "Thông qua biên bản" in editor.general.approval[0].toolTip()
    editor.general.approval[0].setValue(editor.counts.present)
    editor.general.approval[1].setValue(0)
    editor.general.approval[2].setValue(0)
    qtbot.waitUntil(lambda: "Thông qua biên bản" not in editor.warnings.text(), timeout=5000)

    # autosave stores the draft without pressing anything
    qtbot.waitUntil(
        lambda: not editor.dirty and "Đã lưu nháp" in editor.actions_bar.message.text(),
        timeout=8000,
    )
    wait_idle(qtbot, tasks)
    stored = _stored(demo_path, meeting_id)
    states = {a.name: (a.state, a.reason) for a in stored.attendance}
    assert states[absent_name] == ("absent", "")
    assert states[rows[present[1]].name] == ("excused", "Ốm")
    assert stored.agenda[0].content == "Phổ biến Nghị quyết của Đảng ủy phường"
    assert [(d.speaker, d.text) for d in stored.discussions] == [
        (speaker, "Đề nghị làm rõ trách nhiệm từng tổ dân phố")
    ]
    assert [(r.text, r.votes_for) for r in stored.resolutions] == [
        ("Thông qua kế hoạch tháng 4", 15)
    ]

    # finalise: locked, shown read-only
    qtbot.mouseClick(editor.actions_bar.finalise_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: editor.meeting.final)
    assert editor.actions_bar.reopen_button.isVisible()
    assert not editor.actions_bar.finalise_button.isVisible()
    # when, as dates are written everywhere: "Đã hoàn tất (19:23 05/12/2026)"
    assert re.search(r"Đã hoàn tất.*\(\d\d:\d\d \d\d/\d\d/\d{4}\)", editor.actions_bar.state.text())
    assert editor.general.place.isReadOnly()
    assert editor.attendance.read_only
    assert _stored(demo_path, meeting_id).final

    # save as PDF
    target = tmp_path / "bien-ban.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(editor.actions_bar.pdf_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    assert target.is_file()
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "BIÊN BẢN" in text and speaker in text and absent_name in text

    # print: the PDF goes to the system viewer
    opened = []
    editor.actions_bar.opener = opened.append
    qtbot.mouseClick(editor.actions_bar.print_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    assert len(opened) == 1 and opened[0].is_file()

    # reopen records who and when
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(editor.actions_bar.reopen_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: not editor.meeting.final)
    assert not editor.general.place.isReadOnly()
    assert [e.action for e in _stored(demo_path, meeting_id).events] == ["finalise", "reopen"]
    assert "Mở lại lần cuối" in editor.actions_bar.message.text()


def test_search_filters_the_list_without_diacritics(
    open_window, demo_path, qtbot, tasks, monkeypatch
):
    page = _page(open_window, demo_path, monkeypatch)
    total = page.proxy.rowCount()
    page.search.setFocus()
    type_text(page.search, "chuyen de")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2, timeout=5000)
    page.search.clear()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == total, timeout=5000)


def test_delete_asks_and_only_removes_drafts(open_window, demo_path, qtbot, tasks, monkeypatch):
    page = _page(open_window, demo_path, monkeypatch)
    before = page.model.rowCount()
    page.view.setCurrentIndex(page.proxy.index(0, 0))  # newest: the demo's draft
    wait_idle(qtbot, tasks)
    draft = page.proxy.index(0, 0).data(ID)
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "exec", lambda self: next(answers))
    page.delete_meeting()
    wait_idle(qtbot, tasks)
    assert page.model.rowCount() == before
    page.delete_meeting()
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: page.model.rowCount() == before - 1)
    wait_idle(qtbot, tasks)
    assert draft not in [page.model.index(r, 0).data(ID) for r in range(page.model.rowCount())]
    qtbot.waitUntil(lambda: editor_shows_other(page, draft))
    # a finalised record cannot be deleted: the error is shown, nothing changes
    errors = []
    monkeypatch.setattr(page_module, "show_error", lambda *a, **k: errors.append(a[1]))
    answers = iter([QMessageBox.StandardButton.Yes])
    page.delete_meeting()
    wait_idle(qtbot, tasks)
    assert errors and "không xóa được" in errors[0].message
    assert page.model.rowCount() == before - 1


def editor_shows_other(page, deleted_id) -> bool:
    meeting = page.editor.meeting
    return meeting is not None and meeting.id != deleted_id


@pytest.mark.parametrize("field", ["conclusion"])
def test_saved_phrase_is_offered_again(open_window, demo_path, qtbot, tasks, monkeypatch, field):
    page = _page(open_window, demo_path, monkeypatch)
    editor = page.editor
    qtbot.waitUntil(lambda: editor.meeting is not None)
    wait_idle(qtbot, tasks)
    button = editor.findChild(meeting_parts.PhraseButton, f"phrases-{field}")
    edit = editor.content.conclusion
    edit.setPlainText("Giao chi ủy đôn đốc thực hiện.")
    editor._save_phrase(field, button.selected())
    wait_idle(qtbot, tasks)
    assert button.shown_phrases()[0] == "Giao chi ủy đôn đốc thực hiện."
    assert len(button.shown_phrases()) > 1  # the program's own sentences follow
    edit.clear()
    button.insert(button.shown_phrases()[0])
    assert edit.toPlainText() == "Giao chi ủy đôn đốc thực hiện."
    assert isinstance(editor.general.place, QLineEdit)


def test_show_record_opens_that_meeting_and_selects_it(
    open_window, demo_path, qtbot, tasks, monkeypatch
):
    page = _page(open_window, demo_path, monkeypatch)
    newest = page.selected_id
    oldest = min(page.model.index(r, 0).data(ID) for r in range(page.model.rowCount()))
    assert newest is not None and oldest != newest
    type_text(page.search, "không có biên bản nào như thế")
    page.show_record(oldest)
    assert page.search.text() == "" and page.proxy.rowCount() == page.model.rowCount()
    assert page.view.currentIndex().data(ID) == oldest
    qtbot.waitUntil(lambda: page.editor.meeting is not None and page.editor.meeting.id == oldest)
    wait_idle(qtbot, tasks)
    assert page.right.currentWidget() is page.editor


def test_blank_form_for_the_next_meeting(
    open_window, demo_path, qtbot, tasks, monkeypatch, tmp_path
):
    page = _page(open_window, demo_path, monkeypatch)
    target = tmp_path / "mau.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.blank_button, Qt.MouseButton.LeftButton)
    wait_idle(tasks=tasks, qtbot=qtbot)
    qtbot.waitUntil(target.is_file, timeout=10_000)
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "ngày …… tháng …… năm ……" in text and "III. BIỂU QUYẾT" in text


def test_a_finalised_meetings_fields_look_read_only(
    open_window, demo_path, qtbot, tasks, monkeypatch
):
    from PySide6.QtGui import QPalette

    page = _page(open_window, demo_path, monkeypatch)
    final = next(
        r
        for r in range(page.view.model().rowCount())
        if "Thường kỳ tháng 2" in str(page.view.model().index(r, 1).data())
    )
    page.view.selectRow(final)
    wait_idle(qtbot, tasks)
    editor = page.editor
    qtbot.waitUntil(lambda: editor.meeting is not None and editor.meeting.final)
    place = editor.general.place
    assert place.isReadOnly()
    base = place.palette().color(QPalette.ColorRole.Base)
    assert base.name() != "#ffffff"  # greyed, not the white of a field one can type in
