"""Printing as Windows software does it: the PDF is written to a folder of the program's own
and handed to the system — its "print" verb on Windows (the PDF viewer's print dialog with
the printer's settings and preview), the PDF viewer elsewhere. When nothing can open a PDF,
the secretary is told where the file is. Files printed more than a day ago are removed."""

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


def print_folder(kind: str = "in") -> Path:
    """A fresh folder for a file to print or open, after removing the old ones."""
    root = Path(tempfile.gettempdir()) / "chibo-desktop"
    root.mkdir(exist_ok=True)
    now = time.time()
    for old in root.glob("*"):
        try:
            if now - old.stat().st_mtime > _KEPT_S:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            continue
    return Path(tempfile.mkdtemp(prefix=f"{kind}-", dir=root))


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


def say_no_viewer(parent: QWidget | None, path: Path) -> None:
    QMessageBox.information(
        parent,
        _("In"),
        _(
            "Máy này chưa có chương trình mở được tệp PDF để in. Tệp đã được lưu ở:\n{path}\n\n"
            "Hãy cài một trình xem PDF (ví dụ Adobe Acrobat Reader hoặc Foxit Reader) rồi mở "
            "tệp này để in, hoặc chép tệp sang máy khác có máy in."
        ).format(path=path),
    )
