"""Đảng viên."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStyle, QWidget

from ...i18n import N_, _
from .base import Page, simple_layout


class MembersPage(Page):
    key = "members"
    title = N_("Đảng viên")
    icon = QStyle.StandardPixmap.SP_DirIcon

    def __init__(self, tasks, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        layout = simple_layout(self, _("Đảng viên"))
        layout.addWidget(QLabel(""))
        layout.addStretch(1)
