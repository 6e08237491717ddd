"""--smoke and --screenshot: wait until the window has its data, paint, save, quit."""

from __future__ import annotations

import sys

from PySide6.QtCore import QElapsedTimer, QTimer

from ..i18n import _

TIMEOUT_MS = 60_000


def finish_when_ready(app, window, tasks, screenshot: str | None, exit_code: list[int]) -> None:
    clock = QElapsedTimer()
    clock.start()
    state = {"opened": False}
    window.database_opened.connect(lambda _p: state.update(opened=True))

    def poll() -> None:
        if state["opened"] and tasks.pending == 0:
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
            print(_("Lỗi: cửa sổ không sẵn sàng."), file=sys.stderr)
            exit_code.append(1)
            app.quit()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
