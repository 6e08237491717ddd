"""Settings: one section per concern, stacked in a scrollable page."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from ...i18n import _
from ...services.contract.results import Changes
from .base import Page, simple_layout
from .pages import described
from .settings_backup import BackupSection
from .settings_cell import CellSection
from .settings_language import LanguageSection
from .settings_meeting_quality import MeetingQualitySection
from .settings_security import SecuritySection

# Each section is a QWidget(tasks) with optional load() and on_changed(changes).
SECTIONS: list[type[QWidget]] = [CellSection]
SECTIONS.append(MeetingQualitySection)
SECTIONS.append(LanguageSection)
SECTIONS.append(BackupSection)
SECTIONS.append(SecuritySection)


class SettingsPage(Page):
    key, title, icon = described("settings")

    def __init__(self, tasks, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        layout = simple_layout(self, _("Cài đặt"))
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        self.sections = [cls(tasks, body) for cls in SECTIONS]
        for index, section in enumerate(self.sections):
            if index:
                line = QFrame()
                line.setFrameShape(QFrame.Shape.HLine)
                column.addWidget(line)
            column.addWidget(section)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout.addWidget(scroll)
        self.cell = self.sections[0]
        self.form = self.cell.form
        self.save_button = self.cell.save_button
        self.message = self.cell.message

    def load(self) -> None:
        for section in self.sections:
            if hasattr(section, "load"):
                section.load()

    def on_changed(self, changes: Changes) -> None:
        for section in self.sections:
            if hasattr(section, "on_changed"):
                section.on_changed(changes)
