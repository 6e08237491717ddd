"""Typed dates stay as typed: an impossible or out-of-range day is marked with its reason
and cannot be accepted, never moved to a nearby valid day."""

import datetime as dt

from PySide6.QtWidgets import QDialogButtonBox

from chibo_desktop.gui.dialogs.meeting_parts import NewMeetingDialog
from chibo_desktop.gui.dialogs.status_dialog import StatusDialog

from .conftest import type_text

TODAY = dt.date(2026, 3, 15)


def test_the_new_meeting_dialog_keeps_an_impossible_date_as_typed(qtbot):
    dialog = NewMeetingDialog({"thuong_ky": "sinh hoạt thường kỳ"}, TODAY)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.date.edit.clear()
    type_text(dialog.date.edit, "31/02/2024")
    assert dialog.date.edit.text() == "31/02/2024"
    assert dialog.date.date() is None and not ok.isEnabled()
    assert "không phải là ngày có thật" in dialog.hint.text()
    dialog.date.edit.clear()
    type_text(dialog.date.edit, "29/02/2024")
    assert dialog.date.date() == dt.date(2024, 2, 29) and ok.isEnabled()


def test_the_status_dialog_refuses_a_day_before_the_last_change_with_a_reason(qtbot):
    dialog = StatusDialog(
        None, "Nguyễn Văn An", {"transfer_out": "Chuyển sinh hoạt đi"}, TODAY,
        earliest=dt.date(2026, 1, 10),
    )  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.date.edit.clear()
    type_text(dialog.date.edit, "05/01/2026")
    assert dialog.date.edit.text() == "05/01/2026"  # not moved to 10/01/2026
    assert not dialog.ok_button.isEnabled()
    assert "10/01/2026" in dialog.date_problem.text()
    dialog.date.edit.clear()
    type_text(dialog.date.edit, "16/03/2026")  # after today
    assert not dialog.ok_button.isEnabled() and "15/03/2026" in dialog.date_problem.text()
    dialog.date.edit.clear()
    type_text(dialog.date.edit, "12/01/2026")
    assert dialog.ok_button.isEnabled() and dialog.value().date == dt.date(2026, 1, 12)
