"""Đợt sinh hoạt chính trị."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStyle, QWidget

from ...i18n import N_, _
from .base import Page, simple_layout


class CampaignPage(Page):
    key = "campaign"
    title = N_("Đợt sinh hoạt chính trị")
    icon = QStyle.StandardPixmap.SP_DialogApplyButton

    def __init__(self, tasks, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        layout = simple_layout(self, _("Đợt sinh hoạt chính trị"))
        layout.addWidget(QLabel(""))
        layout.addStretch(1)
