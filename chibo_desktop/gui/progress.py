"""Run a long service (a generator yielding Progress) with a dialog that can cancel.

The dialog never runs an event loop of its own: progress goes straight to its bar (a
modal QProgressDialog.setValue would call processEvents, and the job's end could then be
handled inside it), and the end of the job resets, hides and deletes the dialog, which
also stops the timer that would otherwise show it late for a job that ended quickly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget

from ..i18n import _
from ..services.contract.results import Progress
from .errors import show_error
from .tasks import Tasks

SHOW_AFTER_MS = 300


def run_with_progress(
    parent: QWidget | None,
    tasks: Tasks,
    title: str,
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    **kwargs: Any,
) -> QProgressDialog:
    """Queue ``fn`` on the worker; the dialog shows only if it takes over SHOW_AFTER_MS.
    The returned dialog is deleted once the job has ended."""
    dialog = QProgressDialog(title, _("Hủy"), 0, 0, parent)
    dialog.setObjectName("progressDialog")
    bar = QProgressBar(dialog)
    bar.setRange(0, 0)
    dialog.setBar(bar)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    ended = False

    def show_if_running() -> None:
        if not ended:
            dialog.show()

    def finish() -> None:
        nonlocal ended
        if ended:
            return
        ended = True
        dialog.reset()  # stops the show timer
        dialog.hide()
        dialog.deleteLater()

    def progressed(step: Progress) -> None:
        if ended:
            return
        total = max(step.total, 0)
        bar.setRange(0, total)
        bar.setValue(min(max(step.done, 0), total) if total else 0)
        if step.message:
            dialog.setLabelText(step.message)

    def done(result: Any) -> None:
        finish()
        if on_done is not None:
            on_done(result)

    def failed(exc: Exception) -> None:
        finish()
        (on_error or (lambda e: show_error(parent, e)))(exc)

    flag = tasks.run(fn, *args, on_done=done, on_error=failed, on_progress=progressed, **kwargs)
    # A lambda, not the bound method: PySide ties a bound method of a plain object to
    # that object's lifetime, and undoing that from another thread can deadlock.
    dialog.canceled.connect(lambda: flag.cancel())
    QTimer.singleShot(SHOW_AFTER_MS, dialog, show_if_running)
    return dialog
