"""The editor's "Nghị quyết" tab and the notice, driven as a secretary would."""

from __future__ import annotations

from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from chibo_desktop.services.meetings import documents as meeting_documents
from chibo_desktop.services.meetings.minutes import list_meetings
from chibo_desktop.storage.database import open_database

from .conftest import shown_page, wait_idle


def _final_regular(path) -> int:
    db = open_database(path)
    try:
        rows = list_meetings(db)
    finally:
        db.close()
    return next(r["id"] for r in rows if r["status"] == "final" and "thuong_ky" in r["kinds"])


def test_resolution_tab_drafts_edits_and_writes_word(
    open_window, demo_path, qtbot, tasks, monkeypatch, tmp_path
):
    meeting_id = _final_regular(demo_path)
    page = shown_page(open_window(demo_path), "meetings")
    page.show_record(meeting_id)
    editor = page.editor
    qtbot.waitUntil(lambda: editor.meeting is not None and editor.meeting.id == meeting_id)
    wait_idle(qtbot, tasks)
    tab = editor.resolution
    assert editor.tabs.tabText(editor.tabs.indexOf(tab)) == "Nghị quyết"
    # drafted from the minutes, editable although the minutes are final
    assert tab.isEnabled() and not tab.review.isReadOnly()
    assert tab.task_table.rowCount() >= 1 and tab.review.toPlainText()
    assert "Tán thành:" in tab.vote.text()

    tab.review.setPlainText("Chi bộ hoàn thành tốt các nhiệm vụ tháng qua.")
    qtbot.mouseClick(tab.add_task, Qt.MouseButton.LeftButton)
    row = tab.task_table.rowCount() - 1
    for column, value in enumerate(("Thăm hỏi gia đình chính sách", "Tổ 2", "30/04/2026")):
        tab.task_table.item(row, column).setText(value)
    target = tmp_path / "nghi-quyet.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(target.is_file, timeout=10_000)
    wait_idle(qtbot, tasks)
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "Chi bộ hoàn thành tốt các nhiệm vụ tháng qua." in text
    cells = [c.text for t in Document(str(target)).tables for r in t.rows for c in r.cells]
    assert "Thăm hỏi gia đình chính sách" in cells and "Tổ 2" in cells
    assert "đã được sửa" in tab.state.text() or str(target) in tab.state.text()

    db = open_database(demo_path)
    try:
        stored, edited = meeting_documents.resolution_text(db, meeting_id)
    finally:
        db.close()
    assert edited and stored.tasks[-1].who == "Tổ 2"


def test_notice_from_the_action_bar_as_text(
    open_window, demo_path, qtbot, tasks, monkeypatch, tmp_path
):
    meeting_id = _final_regular(demo_path)
    page = shown_page(open_window(demo_path), "meetings")
    page.show_record(meeting_id)
    editor = page.editor
    qtbot.waitUntil(lambda: editor.meeting is not None and editor.meeting.id == meeting_id)
    wait_idle(qtbot, tasks)
    target = tmp_path / "thong-bao"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a, **k: (str(target), "Văn bản để nhắn tin (*.txt)"),
    )
    qtbot.mouseClick(editor.actions_bar.notice_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "thong-bao.txt"  # the chosen type's extension is added
    qtbot.waitUntil(written.is_file, timeout=10_000)
    body = written.read_text(encoding="utf-8")
    assert "THÔNG BÁO" in body and "-TB/CB" in body and "Sổ tay đảng viên điện tử" in body
