"""An export (Excel, PDF) of an encrypted register is a plain file by nature: say so once
per run of the program, the first time one is written."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..i18n import _
from ..services.safety.password import security_state

TOLD = "chiboPlainExportTold"  # a property of the application: once per run


def _encrypted(db) -> bool:
    return security_state(db).encrypted


def tell_once(parent: QWidget, tasks) -> None:
    app = QApplication.instance()
    if app is None or app.property(TOLD):
        return

    def done(encrypted: bool) -> None:
        if not encrypted or app.property(TOLD):
            return
        app.setProperty(TOLD, True)
        QMessageBox.information(
            parent,
            _("Tệp xuất không có mật khẩu"),
            _(
                "Tệp dữ liệu có mật khẩu, nhưng tệp Excel hay PDF vừa xuất thì không: ai có "
                "tệp đó cũng đọc được. Hãy cất nó cẩn thận và xóa khi không cần nữa."
            ),
        )

    tasks.run(_encrypted, on_done=done)
