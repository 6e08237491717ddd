"""File dialogs that start where the secretary expects: in the folder she last used for that
kind of file (lists she imports, documents she saves), else in her Documents folder."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ..config import load_config, save_config

IMPORTS, EXPORTS = "imports", "exports"
DOCUMENT_FILTER = "PDF (*.pdf);;Word (*.docx)"


def ask_save_path(parent: QWidget | None, kind: str, title: str, name: str, filter_: str) -> str:
    """The path chosen to save ``name`` (a suggested file name), or "" when cancelled."""
    return ask_save(parent, kind, title, name, filter_)[0]


def ask_save(parent, kind: str, title: str, name: str, filter_: str) -> tuple[str, str]:
    """The path chosen ("" when cancelled) and the file type chosen in the dialog."""
    chosen, chosen_filter = QFileDialog.getSaveFileName(
        parent, title, str(last_folder(kind) / Path(name).name), filter_
    )
    _remember(kind, chosen)
    return chosen, chosen_filter


def ask_document_path(parent, title: str, suggested: str, filters: str = DOCUMENT_FILTER):
    """A document saved as PDF or Word (or plain text): the chosen type decides the format,
    and a name typed without an extension gets the chosen type's."""
    name, chosen = ask_save(parent, EXPORTS, title, suggested, filters)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".pdf", ".docx", ".txt"):
        one_type = ";;" not in chosen and "*." in chosen
        ext = chosen[chosen.find("*.") + 1 : chosen.find(")")] if one_type else ".pdf"
        path = path.with_name(path.name + ext)
    return path


def ask_open_path(parent: QWidget | None, kind: str, title: str, filter_: str) -> str:
    chosen, _filter = QFileDialog.getOpenFileName(parent, title, str(last_folder(kind)), filter_)
    _remember(kind, chosen)
    return chosen


def last_folder(kind: str) -> Path:
    remembered = load_config().folders.get(kind)
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def _remember(kind: str, chosen: str) -> None:
    if not chosen:
        return
    config = load_config()
    config.folders[kind] = str(Path(chosen).parent)
    with contextlib.suppress(OSError):
        save_config(config)
