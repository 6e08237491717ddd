"""Gửi cấp trên…: what the package carries (privacy choices, stated plainly), an optional
password, and where to save it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, format_date
from ...services.packages.export import export_package, privacy_options
from ..errors import show_error
from ..progress import run_with_progress
from ..widgets.paragraph import paragraph
from .dialog_parts import ok_cancel


class PackageDialog(QDialog):
    def __init__(self, start: dt.date, end: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Gửi cấp trên"))
        self.start, self.end = start, end
        layout = QVBoxLayout(self)
        intro = paragraph(
            _(
                "Lập một gói (.chibo) cho đảng ủy: số liệu đảng viên, biến động, sinh hoạt, "
                "đợt sinh hoạt chính trị, xếp loại, kèm các báo cáo kỳ {start} – {end}. Đảng ủy "
                "mở gói trong cùng chương trình để tổng hợp, không phải nhập lại."
            ).format(start=format_date(start), end=format_date(end))
        )
        layout.addWidget(intro)
        layout.addWidget(
            QLabel(_("Mặc định gói không mang các trường riêng tư dưới đây. Đánh dấu để gửi kèm:"))
        )
        self.checks: dict[str, QCheckBox] = {}
        for key, label in privacy_options().items():
            box = QCheckBox(label)
            self.checks[key] = box
            layout.addWidget(box)
        form = QFormLayout()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("Mật khẩu (không bắt buộc):"), self.password)
        form.addRow(_("Nhập lại mật khẩu:"), self.again)
        layout.addLayout(form)
        note = paragraph(_("Nếu đặt mật khẩu, hãy báo mật khẩu cho đảng ủy qua đường khác."))
        layout.addWidget(note)
        # Named in the program's language, whatever Qt's own translations say.
        layout.addWidget(ok_cancel(self, _("Lập gói…"), self._accept))

    def included(self) -> list[str]:
        return [key for key, box in self.checks.items() if box.isChecked()]

    def secret(self) -> str | None:
        return self.password.text() or None

    def _accept(self) -> None:
        if self.password.text() != self.again.text():
            show_error(self, Exception(_("Hai lần nhập mật khẩu không giống nhau.")))
            return
        self.accept()


def send_upward(page, start: dt.date, end: dt.date, on_done=None) -> None:
    """Ask for the choices and the file name, then write the package on the worker."""
    dialog = PackageDialog(start, end, page)
    if not dialog.exec():
        return
    suggested = Path.home() / f"goi_bao_cao_{start:%Y%m%d}_{end:%Y%m%d}.chibo"
    name, _f = QFileDialog.getSaveFileName(
        page, _("Lưu gói gửi cấp trên"), str(suggested), _("Gói báo cáo (*.chibo)")
    )
    if not name:
        return
    path = Path(name) if name.lower().endswith(".chibo") else Path(name + ".chibo")
    write_package_file(page, path, start, end, dialog.included(), dialog.secret(), on_done)


def write_package_file(page, path, start, end, include, password, on_done=None):
    return run_with_progress(
        page,
        page.tasks,
        _("Đang lập gói gửi cấp trên"),
        export_package,
        path,
        start,
        end,
        include=include,
        password=password,
        on_done=on_done,
    )
