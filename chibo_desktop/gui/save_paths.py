"""Save dialogs for documents that may be written as PDF or Word (or plain text)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

DOCUMENT_FILTER = "PDF (*.pdf);;Word (*.docx)"


def ask_document_path(parent, title: str, suggested: str, filters: str = DOCUMENT_FILTER):
    """A save dialog whose chosen type decides the format; a name typed without an
    extension gets the chosen type's."""
    name, chosen = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".pdf", ".docx", ".txt"):
        one_type = ";;" not in chosen and "*." in chosen
        ext = chosen[chosen.find("*.") + 1 : chosen.find(")")] if one_type else ".pdf"
        path = path.with_name(path.name + ext)
    return path
