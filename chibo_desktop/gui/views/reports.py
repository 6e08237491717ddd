"""Báo cáo."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStyle, QWidget

from ...i18n import N_, _
from .base import Page, simple_layout


class ReportsPage(Page):
    key = "reports"
    title = N_("Báo cáo")
    icon = QStyle.StandardPixmap.SP_FileIcon

    def __init__(self, tasks, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        layout = simple_layout(self, _("Báo cáo"))
        layout.addWidget(QLabel(""))
        layout.addStretch(1)
