"""The start page: the cell at a glance."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStyle, QWidget

from ...i18n import N_, _
from ...services.common import Changes
from ...services.info import FileInfo, file_info
from .base import Page, simple_layout


class HomePage(Page):
    key = "home"
    title = N_("Trang chủ")
    icon = QStyle.StandardPixmap.SP_DirHomeIcon

    def __init__(self, tasks, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        layout = simple_layout(self, _("Trang chủ"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def load(self) -> None:
        self.tasks.run(file_info, on_done=self.show_info)

    def on_changed(self, changes: Changes) -> None:
        if changes.any():
            self.load()

    def show_info(self, info: FileInfo) -> None:
        self.summary.setText(
            _(
                "<h3>{cell}</h3><p>{committee}</p><p>Đảng viên đang sinh hoạt: <b>{n}</b></p>"
            ).format(
                cell=info.cell.name, committee=info.cell.party_committee, n=info.active_members
            )
        )
