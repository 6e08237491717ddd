"""Run a long service (a generator yielding Progress) with a dialog that can cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..i18n import _
from ..services.common import Progress
from .errors import show_error
from .tasks import Tasks


def run_with_progress(
    parent: QWidget,
    tasks: Tasks,
    title: str,
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    **kwargs: Any,
) -> QProgressDialog:
    dialog = QProgressDialog(title, _("Hủy"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progressed(step: Progress) -> None:
        dialog.setMaximum(max(step.total, 0))
        dialog.setValue(min(step.done, step.total) if step.total else 0)
        if step.message:
            dialog.setLabelText(step.message)

    def done(result: Any) -> None:
        dialog.close()
        if on_done is not None:
            on_done(result)

    def failed(exc: Exception) -> None:
        dialog.close()
        (on_error or (lambda e: show_error(parent, e)))(exc)

    flag = tasks.run(fn, *args, on_done=done, on_error=failed, on_progress=progressed, **kwargs)
    dialog.canceled.connect(flag.cancel)
    return dialog
