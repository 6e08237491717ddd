"""31/02/2024 typed in any day field stays 31/02/2024: the field is marked, says why under
it, and the dialog or page does not act on it until it is corrected (never 28/02/2024)."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog

from chibo_desktop.domain.campaign import ItemTemplate
from chibo_desktop.domain.dues import Month
from chibo_desktop.gui.dialogs.campaign_dialogs import (
    BulkMarkDialog,
    MarkDialog,
    NewCampaignDialog,
)
from chibo_desktop.gui.dialogs.dues_dialogs import PassedUpDialog, ReliefDialog
from chibo_desktop.gui.views import reports as reports_module
from chibo_desktop.gui.views.committee_reports import CommitteeReportsPage
from chibo_desktop.gui.views.reports import ReportsPage

from .conftest import shown_page, wait_idle

TODAY = dt.date(2026, 3, 15)
WRONG = "31/02/2024"
REASON = "không phải là ngày có thật"


def _type_wrong_day(field) -> None:
    field.edit.clear()
    QTest.keyClicks(field.edit, WRONG)


def _marked(field, top, line=None) -> None:
    """The text is kept, the field is red and says why under it, or on the red ``line`` of
    its form (a picture goes to CHIBO_SCREENSHOTS when set)."""
    folder = os.environ.get("CHIBO_SCREENSHOTS")
    if folder:
        name = re.sub(r"\W+", "_", type(top).__name__ + "_" + field.objectName()).strip("_")
        QTest.qWait(30)  # the layout gives the reason its lines
        top.grab().save(str(Path(folder) / f"typed_day_{name}.png"))
    assert field.edit.text() == WRONG
    assert field.date() is None
    assert REASON in field.problem
    line = line or field.reason
    assert line.isVisibleTo(top) and REASON in line.text()
    assert "#b3261e" in field.edit.styleSheet()


def _press_ok(qtbot, dialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _templates():
    return [SimpleNamespace(key="k", title="Mẫu", builtin=True, note="")]


ITEM = ItemTemplate("hoc", "Học nghị quyết")


@pytest.mark.parametrize(
    "make, field",
    [
        (lambda: NewCampaignDialog(_templates(), TODAY), "start"),
        (lambda: MarkDialog("Nguyễn Văn An", ITEM, None, TODAY), "date"),
        (lambda: BulkMarkDialog((ITEM,), "hoc", TODAY), "date"),
    ],
    ids=["new campaign", "mark", "mark the column"],
)
def test_campaign_dialogs_keep_an_impossible_day_and_refuse_it(qtbot, make, field):
    dialog = make()
    qtbot.addWidget(dialog)
    dialog.show()
    if isinstance(dialog, MarkDialog):
        dialog.done_box.setChecked(True)
    edit = getattr(dialog, field)
    _type_wrong_day(edit)
    _marked(edit, dialog)
    _press_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    edit.edit.clear()
    QTest.keyClicks(edit.edit, "29/02/2024")
    assert edit.date() == dt.date(2024, 2, 29) and not edit.reason.isVisibleTo(dialog)
    _press_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_an_unused_finish_day_does_not_block_a_new_campaign(qtbot):
    dialog = NewCampaignDialog(_templates(), TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.has_finish.setChecked(True)
    _type_wrong_day(dialog.finish)
    _press_ok(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.has_finish.setChecked(False)  # no finish day: what was typed there is not used
    _press_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value()[2] is None


def test_the_relief_dialog_refuses_an_impossible_decision_day(qtbot):
    dialog = ReliefDialog(1, "Nguyễn Văn An", Month(2026, 3))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reason.setText("hộ nghèo")
    _type_wrong_day(dialog.decision_date)
    _marked(dialog.decision_date, dialog)
    _press_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.relief is None
    assert REASON in dialog.error.text()


def test_the_passed_up_dialog_refuses_an_impossible_day(qtbot):
    record = SimpleNamespace(passed_up=None, passed_up_on="", meeting_id=None, note="")
    ledger = SimpleNamespace(month=Month(2026, 3), record=record, to_pass_up=120_000)
    dialog = PassedUpDialog(ledger, [], TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    _type_wrong_day(dialog.day)
    _marked(dialog.day, dialog)
    _press_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.record is None
    assert REASON in dialog.error.text()


def _no_file_dialog(*_args, **_kwargs):
    raise AssertionError("no file is asked for while the period is wrong")


def test_the_reports_page_keeps_a_wrong_period_and_does_not_save(qtbot, tasks, monkeypatch):
    monkeypatch.setattr(reports_module, "_today", lambda: TODAY)
    monkeypatch.setattr(reports_module, "ask_save", _no_file_dialog)
    page = ReportsPage(tasks)
    qtbot.addWidget(page)
    page.kinds.setCurrentRow(1)
    page.show()
    _type_wrong_day(page.end)
    _marked(page.end, page, page.period_problem)
    assert page.period() is None
    assert not page.preview_scheduled()
    page.save()  # refused: the red line says why, the field has the focus
    assert REASON in page.period_problem.text()
    page.send_upward()
    assert page.end.edit.text() == WRONG


def test_the_committee_reports_keep_a_wrong_period_and_do_not_save(qtbot, tasks, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(_no_file_dialog))
    page = CommitteeReportsPage(tasks)
    qtbot.addWidget(page)
    page.show()
    _type_wrong_day(page.start)
    _marked(page.start, page, page.period_problem)
    page.save(".pdf")
    page.save_to(Path("x.pdf"))
    assert page.last_saved is None and page.start.edit.text() == WRONG


def test_the_minutes_keep_an_impossible_day_and_do_not_finalise(
    open_window, demo_path, qtbot, tasks
):
    window = open_window(demo_path)
    page = shown_page(window, "meetings")
    editor = page.editor
    for row in range(page.view.model().rowCount()):
        page.view.selectRow(row)
        wait_idle(qtbot, tasks)
        if editor.meeting is not None and not editor.meeting.final:
            break
    assert editor.meeting is not None and not editor.meeting.final
    saved_day = editor.meeting.date
    editor.tabs.setCurrentWidget(editor.general)
    field = editor.general.date
    _type_wrong_day(field)
    _marked(field, editor, editor.general.date_problem)
    assert editor.collect().date == saved_day  # the stored day is kept meanwhile
    editor.save()  # the draft's other fields are saved; the message says the day is not
    wait_idle(qtbot, tasks)
    assert "ngày họp chưa lưu" in editor.actions_bar.message.text()
    assert REASON in editor.actions_bar.message.text()
    editor.tabs.setCurrentIndex(1)
    editor.actions_bar.finalise()
    wait_idle(qtbot, tasks)
    assert editor.tabs.currentWidget() is editor.general  # brought back to the field
    assert REASON in editor.actions_bar.message.text()
    assert not editor.meeting.final and field.edit.text() == WRONG


def test_the_self_review_keeps_an_impossible_handed_in_day_and_does_not_save(
    open_window, demo_path, qtbot, tasks
):
    from chibo_desktop.gui.dialogs.self_review_dialog import SelfReviewDialog

    window = open_window(demo_path)
    page = shown_page(window, "campaign")
    qtbot.waitUntil(lambda: page.state is not None)
    page.tabs.setCurrentWidget(page.matrix)
    matrix = page.matrix
    matrix.view.setCurrentIndex(matrix.proxy.index(0, 0))
    qtbot.mouseClick(matrix.review_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(SelfReviewDialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    dialog.submitted.setChecked(True)
    _type_wrong_day(dialog.submitted_date)
    _marked(dialog.submitted_date, dialog, dialog.message)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    assert dialog.dirty and REASON in dialog.message.text()
    assert dialog.submitted_date.edit.text() == WRONG
    dialog.dirty = False
    dialog.close()
