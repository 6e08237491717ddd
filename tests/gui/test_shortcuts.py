"""Ctrl+N on a page makes a new record of that page; a new file is Ctrl+Shift+N."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from chibo_desktop.gui.dialogs.campaign_dialogs import NewCampaignDialog
from chibo_desktop.gui.dialogs.meeting_parts import NewMeetingDialog

from .conftest import shown_page

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.mark.parametrize(
    ("page_key", "dialog_class"),
    [("meetings", NewMeetingDialog), ("campaign", NewCampaignDialog)],
)
def test_ctrl_n_on_a_page_asks_for_a_new_record(
    open_window, demo_path, qtbot, monkeypatch, page_key, dialog_class
):
    asked = []
    monkeypatch.setattr(dialog_class, "exec", lambda self: asked.append(self) or 0)
    window = open_window(demo_path)
    page = shown_page(window, page_key)
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    assert len(asked) == 1


def test_ctrl_n_on_the_members_page_opens_an_empty_form(open_window, demo_path, qtbot):
    window = open_window(demo_path)
    page = shown_page(window, "members")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: page.form is not None and page.form.isVisible())
    page.form.done(QDialog.DialogCode.Rejected)


def test_new_file_is_ctrl_shift_n(open_window, demo_path):
    window = open_window(demo_path)
    keys = {
        action.shortcut().toString()
        for menu_action in window.menuBar().actions()
        for action in menu_action.menu().actions()
    }
    assert "Ctrl+Shift+N" in keys
    assert "Ctrl+N" not in keys
