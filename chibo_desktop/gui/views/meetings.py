"""Sinh hoạt chi bộ."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStyle, QWidget

from ...i18n import N_, _
from .base import Page, simple_layout


class MeetingsPage(Page):
    key = "meetings"
    title = N_("Sinh hoạt chi bộ")
    icon = QStyle.StandardPixmap.SP_FileDialogContentsView

    def __init__(self, tasks, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        layout = simple_layout(self, _("Sinh hoạt chi bộ"))
        layout.addWidget(QLabel(""))
        layout.addStretch(1)
