"""SIGTERM (a shutdown, a logoff, `kill`) quits the window the normal way: the event loop
ends, the worker closes the file (lock released, close backup taken)."""

from __future__ import annotations

import contextlib
import signal

from PySide6.QtCore import QTimer


def quit_on_terminate(app) -> QTimer:
    """Python runs signal handlers only when it has control; a light timer gives it some
    while Qt's event loop waits. Keep the returned timer alive as long as ``app``."""

    def terminated(_signum, _frame) -> None:
        app.quit()

    with contextlib.suppress(ValueError, AttributeError):  # not the main thread / no SIGTERM
        signal.signal(signal.SIGTERM, terminated)
    timer = QTimer(app)
    timer.setInterval(300)
    timer.timeout.connect(lambda: None)
    timer.start()
    return timer
