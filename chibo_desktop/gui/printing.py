"""Printing as Windows software does it: the PDF is written to a folder of the program's own
and handed to the system — its "print" verb on Windows (the PDF viewer's print dialog with
the printer's settings and preview), the PDF viewer elsewhere. When nothing can open a PDF,
the secretary is told so, where the file is and that it is temporary. Printed files are
removed a day later (at the next print, or when the program starts).

No print preview inside the program: Qt's needs QtPdf, which PySide6-Essentials does not have.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from ..i18n import _

_KEPT_S = 24 * 3600  # a viewer may still be printing a file handed to it a while ago


def _root() -> Path:
    return Path(tempfile.gettempdir()) / "chibo-desktop"


def remove_old_prints() -> None:
    """Remove the folders of files printed or opened more than a day ago."""
    now = time.time()
    for old in _root().glob("*"):
        try:
            if now - old.stat().st_mtime > _KEPT_S:
                shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink()
        except OSError:
            continue


def print_folder(kind: str = "in") -> Path:
    """A fresh folder for a file to print or open, after removing the old ones."""
    _root().mkdir(exist_ok=True)
    remove_old_prints()
    return Path(tempfile.mkdtemp(prefix=f"{kind}-", dir=_root()))


def open_file(path: Path) -> bool:
    """The system's program for the file (a PDF viewer offers printing)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def print_file(parent: QWidget | None, path: Path) -> bool:
    if sys.platform == "win32":
        try:
            os.startfile(str(path), "print")  # type: ignore[attr-defined]
            return True
        except OSError:
            pass  # no program registered to print PDFs: try to open it instead
    if open_file(path):
        return True
    say_no_viewer(parent, path)
    return False


def say_no_viewer(parent: QWidget | None, path: Path, *, to_print: bool = True) -> None:
    """Nothing on this computer opens the file: say so, where it is, and that it is kept only
    for a day (``to_print``: a PDF made to be printed; otherwise an attached file)."""
    if to_print:
        text = _(
            "Không in được: máy này chưa có chương trình mở được tệp PDF.\n\n"
            "Bản để in đã được tạo ở:\n{path}\n(tệp tạm, tự xóa sau một ngày; muốn giữ thì "
            "dùng “Lưu PDF/Word…”).\n\n"
            "Hãy cài một trình xem PDF (ví dụ Adobe Acrobat Reader hoặc Foxit Reader) rồi "
            "bấm “In…” lại, hoặc chép tệp sang máy khác có máy in."
        )
    else:
        text = _(
            "Máy này chưa có chương trình mở được tệp này.\n\n"
            "Tệp đã được chép ra:\n{path}\n(tệp tạm, tự xóa sau một ngày; muốn giữ thì "
            "dùng “Lưu ra…”)."
        )
    QMessageBox.information(parent, _("In") if to_print else _("Mở tệp"), text.format(path=path))
