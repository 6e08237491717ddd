"""The database worker: results by signal, errors to the callback, cancel rolls back."""

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from chibo_desktop.errors import CancelledError, ChiboError
from chibo_desktop.gui.progress import run_with_progress
from chibo_desktop.services.contract.results import Changes, Progress, Result
from chibo_desktop.storage.database import open_database

from .conftest import wait_idle


def test_jobs_run_on_the_worker_thread_in_order(qtbot, tasks, db_path):
    tasks.set_database(open_database(db_path))
    seen = []
    main = threading.get_ident()
    for n in range(5):
        tasks.run(lambda db, n=n: (n, threading.get_ident()), on_done=seen.append)
    wait_idle(qtbot, tasks)
    assert [n for n, _t in seen] == [0, 1, 2, 3, 4]
    assert all(t != main for _n, t in seen)


def test_errors_reach_the_callback(qtbot, tasks, db_path):
    tasks.set_database(open_database(db_path))
    errors = []

    def boom(db):
        raise ChiboError("hỏng")

    tasks.run(boom, on_error=errors.append)
    wait_idle(qtbot, tasks)
    assert [e.message for e in errors] == ["hỏng"]


def test_changes_are_broadcast(qtbot, tasks, db_path):
    tasks.set_database(open_database(db_path))
    with qtbot.waitSignal(tasks.changed) as signal:
        tasks.run(lambda db: Result(1, Changes(members=True)))
    assert signal.args[0].members


def test_cancel_rolls_back_a_progress_job(qtbot, tasks, db_path, qapp):
    tasks.set_database(open_database(db_path))
    gate = threading.Event()

    def slow_insert(db):
        with db.atomic():
            for n in range(1000):
                db.execute("INSERT INTO settings(key, value) VALUES (?, '1')", [f"k{n}"])
                yield Progress(n, 1000)
                gate.wait(0.01)
        return "finished"

    errors, done = [], []
    dialog = run_with_progress(
        None, tasks, "Thử", slow_insert, on_done=done.append, on_error=errors.append
    )
    qtbot.waitUntil(lambda: dialog.value() > 0)
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    assert done == [] and isinstance(errors[0], CancelledError)
    check = open_database(db_path)
    assert check.execute("SELECT count(*) FROM settings WHERE key LIKE 'k%'").fetchone()[0] == 0
    check.close()


def _progress_dialogs_shown():
    from PySide6.QtWidgets import QApplication, QProgressDialog

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]


def test_instant_jobs_leave_no_progress_dialog_behind(qtbot, tasks, db_path):
    """A job that ends before its dialog would show: 50 in a row, none hangs or lingers."""
    from PySide6.QtWidgets import QWidget

    tasks.set_database(open_database(db_path))
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    def instant(db, n):
        yield Progress(0, 1, "bắt đầu")
        return n

    done, errors, dialogs = [], [], []
    for n in range(50):
        dialogs.append(
            run_with_progress(
                parent, tasks, "Nhanh", instant, n, on_done=done.append, on_error=errors.append
            )
        )
    wait_idle(qtbot, tasks)
    assert done == list(range(50)) and errors == []
    assert not any(d.isVisible() for d in _progress_dialogs_shown())
    # Deleted, not only hidden: none can show itself later.
    qtbot.waitUntil(lambda: not _progress_dialogs_shown())


def test_slow_job_shows_its_dialog_then_cancel_hides_it(qtbot, tasks, db_path):
    tasks.set_database(open_database(db_path))
    gate = threading.Event()

    def slow(db):
        for n in range(500):
            yield Progress(n, 500, f"Bước {n}")
            gate.wait(0.01)
        return "finished"

    done, errors = [], []
    dialog = run_with_progress(
        None, tasks, "Chậm", slow, on_done=done.append, on_error=errors.append
    )
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    qtbot.waitUntil(lambda: dialog.labelText().startswith("Bước "))
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    assert done == [] and isinstance(errors[0], CancelledError)
    qtbot.waitUntil(lambda: not _progress_dialogs_shown())
