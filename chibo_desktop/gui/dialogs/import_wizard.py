"""The member list import wizard (choose file → sheet and columns → preview → import)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..tasks import Tasks


def run_import_wizard(parent: QWidget, tasks: Tasks) -> None:
    """Open the wizard; the members page calls this from its "Nhập từ Excel…" action."""
