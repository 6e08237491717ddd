"""The questions the program asks before it does something that cannot be taken back, or
closes with changes unsaved. Functions, so tests can answer them."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ...i18n import _

Button = QMessageBox.StandardButton


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question; No is the default, so Enter never deletes by accident."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, Button.Yes | Button.No, parent)
    box.button(Button.Yes).setText(_("Có"))
    box.button(Button.No).setText(_("Không"))
    box.setDefaultButton(Button.No)
    return box.exec() == Button.Yes


def ask_save_changes(parent: QWidget, title: str, text: str) -> str:
    """'save', 'discard' or 'stay' for a window closing with changes not saved."""
    buttons = Button.Save | Button.Discard | Button.Cancel
    box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, parent)
    box.button(Button.Save).setText(_("Lưu"))
    box.button(Button.Discard).setText(_("Không lưu"))
    box.button(Button.Cancel).setText(_("Hủy"))
    box.setDefaultButton(Button.Save)
    answer = box.exec()
    if answer == Button.Save:
        return "save"
    if answer == Button.Discard:
        return "discard"
    return "stay"
