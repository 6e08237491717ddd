"""The user guide: an HTML page shipped with the program (resources/help/), read offline."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ...i18n import _
from ...paths import resource_path

GUIDE = "index.html"


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Hướng dẫn sử dụng"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        folder = resource_path("help")
        self.browser.setSearchPaths([str(folder)])
        self.browser.setSource(QUrl.fromLocalFile(str(folder / GUIDE)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Đóng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(860, 680)
