"""The campaign page driven like a secretary would: a new campaign from the template, ticks
in the member table, marking a whole column and from a meeting's attendance, "who has not
yet", a step linked to its meeting's minutes with a file, a self-review printed, the report
saved. Every result is checked in the database through the services."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QStyle,
    QStyleOptionViewItem,
)

from chibo_desktop.gui.dialogs import campaign_dialogs
from chibo_desktop.gui.dialogs.self_review_dialog import SelfReviewDialog
from chibo_desktop.gui.models.campaign_models import ID
from chibo_desktop.gui.views import campaign as page_module
from chibo_desktop.services.campaigns.campaign import (
    campaign_state,
    list_campaigns,
    meeting_choices,
)
from chibo_desktop.services.campaigns.reports import get_self_review
from chibo_desktop.services.meetings import minutes as meetings_svc
from chibo_desktop.storage.database import open_database

from .conftest import type_text, wait_idle

START = dt.date(2026, 1, 5)


def _read(path, fn, *args):
    db = open_database(path)
    try:
        return fn(db, *args)
    finally:
        db.close()


def _state(path, campaign_id):
    return _read(path, campaign_state, campaign_id)


def _pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


class _NewCampaign(campaign_dialogs.NewCampaignDialog):
    def exec(self) -> int:
        self.start.set_date(START)
        return 1


def _open(open_window, path, qtbot, tasks, monkeypatch):
    monkeypatch.setattr(page_module, "NewCampaignDialog", _NewCampaign)
    window = open_window(path)
    window.show_page("campaign")
    page = window.pages["campaign"]
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: page.state is not None)  # the demo's campaign
    return window, page


def _new_campaign(page, qtbot, tasks) -> int:
    before = page.model.rowCount()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1)
    qtbot.waitUntil(lambda: page.state is not None and page.state.start == START)
    wait_idle(qtbot, tasks)
    return page.state.id


def _column(model, item_key: str) -> int:
    return 1 + [i.key for i in model.items].index(item_key)


def _click_check(qtbot, view, index) -> None:
    """Click the check box drawn in a cell, where a person would click."""
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    option.rect = view.visualRect(index)
    rect = view.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view
    )
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_new_campaign_matrix_ticks_bulk_marks_and_filter(
    open_window, demo_path, qtbot, tasks, monkeypatch
):
    window, page = _open(open_window, demo_path, qtbot, tasks, monkeypatch)
    demo_id = page.selected_id
    assert demo_id is not None and page.model.rowCount() == 1  # the demo's campaign
    campaign_id = _new_campaign(page, qtbot, tasks)
    stored = _read(demo_path, list_campaigns)
    assert {r["id"] for r in stored} == {demo_id, campaign_id}
    state = _state(demo_path, campaign_id)
    assert len(state.steps) == 12 and state.start == START
    assert page.heading.text().startswith(state.title)

    # a tick in the member table, clicked on its check box
    page.tabs.setCurrentWidget(page.matrix)
    matrix = page.matrix
    column = _column(matrix.model, "hoc_kl21")
    row = next(r for r in range(matrix.proxy.rowCount()) if matrix.model.member_at(r).active)
    member = matrix.model.member_at(matrix.proxy.mapToSource(matrix.proxy.index(row, 0)).row())
    index = matrix.proxy.index(row, column)
    matrix.view.scrollTo(index)
    _click_check(qtbot, matrix.view, index)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    wait_idle(qtbot, tasks)
    assert (member.member_id, "hoc_kl21") in _state(demo_path, campaign_id).marks

    # "who has not yet studied KL 21": everyone active but that member
    active = [m for m in state.members if m.active]
    matrix.show_missing("hoc_kl21")
    qtbot.waitUntil(lambda: matrix.proxy.rowCount() == len(active) - 1)
    shown = {
        matrix.model.member_at(matrix.proxy.mapToSource(matrix.proxy.index(r, 0)).row()).member_id
        for r in range(matrix.proxy.rowCount())
    }
    assert member.member_id not in shown
    assert "chưa làm" in matrix.shown.text()

    # untick it again: the mark goes, the member is back in the filtered list
    index = matrix.model.index(matrix.model.members.index(member), column)
    assert matrix.model.setData(
        index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: matrix.proxy.rowCount() == len(active))
    assert (member.member_id, "hoc_kl21") not in _state(demo_path, campaign_id).marks
    matrix.show_missing(None)

    # the whole column: everyone attended the conference
    day = dt.date(2026, 2, 2)

    def column_dialog(dialog):
        dialog.item.setCurrentIndex(dialog.item.findData("hoc_qd37"))
        dialog.date.set_date(day)
        dialog.note.setText("Cả chi bộ dự hội nghị")
        return 1

    monkeypatch.setattr(campaign_dialogs.BulkMarkDialog, "exec", column_dialog)
    qtbot.mouseClick(matrix.column_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    marks = _state(demo_path, campaign_id).marks
    for m in active:
        assert marks[(m.member_id, "hoc_qd37")].done == day
        assert marks[(m.member_id, "hoc_qd37")].note == "Cả chi bộ dự hội nghị"
    qtbot.waitUntil(lambda: str(len(active)) in matrix.legend.text())

    # from a meeting's attendance: exactly those present are marked, on the meeting's day
    meeting = next(
        m for m in _read(demo_path, meeting_choices) if m["date"][:10] >= START.isoformat()
    )
    held = _read(demo_path, meetings_svc.get_meeting, meeting["id"])
    present = {a.member_id for a in held.attendance if a.state == "present"}
    in_campaign = {m.member_id for m in state.members}

    def attendance_dialog(dialog):
        assert dialog.from_meeting
        dialog.item.setCurrentIndex(dialog.item.findData("du_sinh_hoat_chuyen_de"))
        dialog.meeting.setCurrentIndex(dialog.meeting.findData(meeting["id"]))
        return 1

    monkeypatch.setattr(campaign_dialogs.BulkMarkDialog, "exec", attendance_dialog)
    qtbot.mouseClick(matrix.attendance_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    marks = _state(demo_path, campaign_id).marks
    marked = {mid for (mid, key) in marks if key == "du_sinh_hoat_chuyen_de"}
    assert marked == present & in_campaign and marked
    assert {marks[(mid, "du_sinh_hoat_chuyen_de")].done for mid in marked} == {
        dt.date.fromisoformat(meeting["date"][:10])
    }

    # the dashboard follows: the studied column is full
    qtbot.waitUntil(
        lambda: page.state is not None and page.state.done_count("hoc_qd37") == len(active)
    )

    # "Ai chưa?" on the dashboard opens the member table filtered on that item
    page.tabs.setCurrentWidget(page.overview)
    assert "hoc_qd37" not in page.overview.missing_buttons  # everyone has done it
    qtbot.mouseClick(page.overview.missing_buttons["cam_ket"], Qt.MouseButton.LeftButton)
    assert page.tabs.currentWidget() is matrix
    assert matrix.missing.currentData() == "cam_ket"
    assert matrix.proxy.rowCount() == len(active)

    # a reminder about the demo's campaign selects it again
    window.open_record("campaign", demo_id)
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: page.state is not None and page.state.id == demo_id)
    assert page.view.currentIndex().data(ID) == demo_id


def test_step_linked_to_a_meeting_with_a_file(
    open_window, demo_path, qtbot, tasks, monkeypatch, tmp_path
):
    _window, page = _open(open_window, demo_path, qtbot, tasks, monkeypatch)
    campaign_id = _new_campaign(page, qtbot, tasks)
    page.tabs.setCurrentWidget(page.steps)
    steps = page.steps
    row = next(
        r
        for r in range(steps.model.rowCount())
        if steps.model.step_at(r).key == "sinh_hoat_chuyen_de"
    )
    steps.view.setCurrentIndex(steps.model.index(row, 0))
    dialog = steps.edit_step()
    step = steps.model.step_at(row)
    meeting = next(
        m for m in _read(demo_path, meeting_choices) if m["date"][:10] >= START.isoformat()
    )
    held = dt.date.fromisoformat(meeting["date"][:10])
    dialog.meeting.setCurrentIndex(dialog.meeting.findData(meeting["id"]))
    assert dialog.status.currentData() == "done"  # choosing the minutes marks it done
    responsible = next(m for m in page.state.members if m.active)
    dialog.responsible.setCurrentIndex(dialog.responsible.findData(responsible.member_id))
    dialog.note.setPlainText("Biên bản lưu trong sổ")

    # a file kept inside the database, then written back out
    source = tmp_path / "Kế hoạch chuyên đề.pdf"
    source.write_bytes(b"%PDF-1.4 ban ke hoach")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    qtbot.mouseClick(dialog.attach_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    assert dialog.file_label.text() == "Kế hoạch chuyên đề.pdf" and dialog.save_button.isEnabled()
    out = tmp_path / "ban-luu.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    assert out.read_bytes() == source.read_bytes()

    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Lưu"
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    stored = next(s for s in _state(demo_path, campaign_id).steps if s.id == step.id)
    assert stored.meeting_id == meeting["id"] and stored.shown_status == "done"
    assert stored.done == held and stored.responsible_id == responsible.member_id
    assert stored.file_name == "Kế hoạch chuyên đề.pdf" and stored.note == "Biên bản lưu trong sổ"
    # those present at the linked meeting count as having attended the thematic meeting
    present = {
        a.member_id
        for a in _read(demo_path, meetings_svc.get_meeting, meeting["id"]).attendance
        if a.state == "present"
    }
    marks = _state(demo_path, campaign_id).marks
    assert {mid for (mid, key) in marks if key == "du_sinh_hoat_chuyen_de"} == present & {
        m.member_id for m in page.state.members
    }
    qtbot.waitUntil(lambda: "Biên bản họp ngày" in steps.model.index(row, 5).data())


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
def test_self_review_saved_and_printed_and_report_saved(
    open_window, demo_path, qtbot, tasks, monkeypatch, tmp_path
):
    _window, page = _open(open_window, demo_path, qtbot, tasks, monkeypatch)
    campaign_id = _new_campaign(page, qtbot, tasks)
    page.tabs.setCurrentWidget(page.matrix)
    matrix = page.matrix
    row = next(r for r in range(matrix.proxy.rowCount()) if matrix.model.member_at(r).active)
    member = matrix.model.member_at(matrix.proxy.mapToSource(matrix.proxy.index(row, 0)).row())
    matrix.view.setCurrentIndex(matrix.proxy.index(row, 0))
    qtbot.mouseClick(matrix.review_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(SelfReviewDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.loaded)
    first = next(iter(dialog.sections.values()))
    first.setFocus()
    type_text(first, "Luôn giữ vững lập trường tư tưởng")
    model = dialog.model
    m2 = model.row_of("m2")
    # the screen marks the texts not checked against the official text, and only those
    assert model.index(model.row_of("m6"), 1).data().endswith("[chưa đối chiếu]")
    assert "chưa đối chiếu" not in model.index(m2, 1).data()
    assert model.setData(
        model.index(m2, 2), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert model.setData(model.index(m2, 3), "Chưa đọc kỹ nghị quyết")
    assert model.index(m2, 2).data() == "Có biểu hiện"
    dialog.submitted.setChecked(True)
    dialog.submitted_date.set_date(dt.date(2026, 3, 1))
    assert dialog.dirty
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    assert not dialog.dirty
    review = _read(demo_path, get_self_review, campaign_id, member.member_id)
    assert review.sections[next(iter(dialog.sections))] == "Luôn giữ vững lập trường tư tưởng"
    assert review.marks["m2"] == (True, "Chưa đọc kỹ nghị quyết")
    assert review.marks["m1"] == (False, "") and len(review.marks) == len(model.refs)
    assert review.submitted == dt.date(2026, 3, 1)
    # submitting ticks the member's "self-review" item
    assert (member.member_id, "tu_kiem_diem") in _state(demo_path, campaign_id).marks

    target = tmp_path / "tu-kiem-diem.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: target.is_file())
    text = _pdf_text(target)
    assert "BẢN TỰ KIỂM ĐIỂM" in text and member.full_name in text
    assert "Luôn giữ vững lập trường tư tưởng" in text
    assert "chưa đối chiếu" not in text
    dialog.reject()

    # the report: the secretary's assessment saved with it, PDF and Excel
    page.tabs.setCurrentWidget(page.report)
    page.report.assessment.setFocus()
    type_text(page.report.assessment, "Chi bộ thực hiện nghiêm túc")
    report_pdf = tmp_path / "bao-cao.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report_pdf), ""))
    qtbot.mouseClick(page.report.pdf_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: report_pdf.is_file())
    text = _pdf_text(report_pdf)
    assert "BÁO CÁO" in text and "Chi bộ thực hiện nghiêm túc" in text
    assert _state(demo_path, campaign_id).assessment == "Chi bộ thực hiện nghiêm túc"

    report_xlsx = tmp_path / "bao-cao"  # the suffix is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report_xlsx), ""))
    qtbot.mouseClick(page.report.xlsx_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    written = tmp_path / "bao-cao.xlsx"
    qtbot.waitUntil(written.is_file)
    from openpyxl import load_workbook

    workbook = load_workbook(written, read_only=True)
    assert len(workbook.sheetnames) == 3
    workbook.close()


def test_ctrl_n_opens_the_new_campaign_dialog(open_window, demo_path, qtbot, tasks, monkeypatch):
    _window, page = _open(open_window, demo_path, qtbot, tasks, monkeypatch)
    opened = []
    monkeypatch.setattr(
        page_module.NewCampaignDialog, "exec", lambda self: opened.append(self) or 0
    )
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1
    assert opened[0].buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
    # the shipped template says it is an example to adapt to the superior committee's plan
    assert "Mẫu ví dụ" in opened[0].template_note.text()
    wait_idle(qtbot, tasks)
    assert page.model.rowCount() == 1
