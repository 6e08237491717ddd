"""--smoke and --screenshot: wait until the window has its data, paint, save, quit."""

from __future__ import annotations

import sys

from PySide6.QtCore import QElapsedTimer, QTimer

from ..i18n import _

TIMEOUT_MS = 60_000


def finish_when_ready(app, window, tasks, screenshot: str | None, exit_code: list[int]) -> None:
    clock = QElapsedTimer()
    clock.start()
    state = {"opened": False, "done": False}

    def poll(again: bool = True) -> None:
        if state["done"]:
            return
        if state["opened"] and tasks.pending == 0:
            state["done"] = True
            app.processEvents()
            window.repaint()
            if screenshot and not window.grab().save(screenshot):
                print(_("Lỗi: không lưu được ảnh {path}").format(path=screenshot), file=sys.stderr)
                exit_code.append(1)
            else:
                exit_code.append(0)
            window.close()
            app.quit()
        elif clock.elapsed() > TIMEOUT_MS or (not state["opened"] and not window.isVisible()):
            state["done"] = True
            print(_("Lỗi: cửa sổ không sẵn sàng."), file=sys.stderr)
            exit_code.append(1)
            app.quit()
        elif again:  # the slow check that also catches the time limit
            QTimer.singleShot(20, poll)

    def check_soon(*_args) -> None:
        # After the callbacks of the job that just ended (they may queue more work).
        QTimer.singleShot(0, lambda: poll(again=False))

    window.database_opened.connect(lambda _p: (state.update(opened=True), check_soon()))
    tasks.busy_changed.connect(lambda busy: None if busy else check_soon())
    QTimer.singleShot(0, poll)
