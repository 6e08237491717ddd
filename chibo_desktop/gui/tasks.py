"""One worker thread owns the database; every piece of database work runs there, in order.

Pages submit ``fn(db, *args)`` with ``tasks.run``; the result comes back on the GUI thread
through a signal and is handed to the callback. A service result's ``changes`` is then
broadcast on ``changed`` so every page can refresh what it shows, and only that.
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections import deque
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..services.contract.results import CancelFlag, Changes, Progress, Result

log = logging.getLogger(__name__)


@dataclass
class _Job:
    id: int
    fn: Callable[..., Any]
    args: tuple
    kwargs: dict
    needs_db: bool = True
    cancel: CancelFlag = field(default_factory=CancelFlag)


class _Worker(QObject):
    """Runs jobs taken from a queue shared with the GUI thread.

    Jobs travel in a plain deque, not inside queued Qt events: the GUI thread keeps each
    job until its result is handled, and the worker lets go of it before reporting, so
    the closures a job holds are freed on the GUI thread. Freed on the worker, an object
    tied to a Qt connection would lock Qt's connection mutex there while waiting for the
    GIL, and deadlock against the GUI thread holding the GIL while it connects a signal.
    """

    finished = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, object)

    def __init__(self, queue: deque) -> None:
        super().__init__()
        self.db = None
        self.queue = queue

    @Slot()
    def execute_next(self) -> None:
        job = self.queue.popleft()
        job_id = job.id
        try:
            if job.needs_db and self.db is None:
                raise RuntimeError("no database is open")
            args = (self.db, *job.args) if job.needs_db else job.args
            result = job.fn(*args, **job.kwargs)
            del args
            if isinstance(result, Generator):
                result = self._drive(job, result)
        except BaseException as exc:  # delivered to the GUI thread, which decides
            if not isinstance(exc, Exception):
                raise
            traceback.clear_frames(exc.__traceback__)  # keeps lines, drops locals
            del job
            self.failed.emit(job_id, exc)
            return
        del job
        self.finished.emit(job_id, result)

    def _drive(self, job: _Job, generator: Generator) -> Any:
        """Run a progress generator; on cancel, close it so its transaction rolls back."""
        try:
            while True:
                job.cancel.check()
                try:
                    step = next(generator)
                except StopIteration as stop:
                    return stop.value
                if isinstance(step, Progress):
                    self.progressed.emit(job.id, step)
        finally:
            generator.close()

    @Slot(object)
    def set_db(self, db) -> None:
        if self.db is not None and self.db is not db:
            self.db.close()
        self.db = db


class Tasks(QObject):
    """The GUI's handle on the database worker."""

    changed = Signal(object)  # Changes
    busy_changed = Signal(bool)
    _submit = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple] = {}
        self._jobs: dict[int, _Job] = {}  # kept here until the result is handled
        self._queue: deque[_Job] = deque()
        self._thread = QThread()
        self._thread.setObjectName("database-worker")
        self._worker = _Worker(self._queue)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.execute_next)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.progressed.connect(self._on_progress)
        self._thread.start()

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        needs_db: bool = True,
        **kwargs: Any,
    ) -> CancelFlag:
        """Queue ``fn(db, *args, **kwargs)``; returns the flag that cancels it."""
        job = _Job(next(self._ids), fn, args, kwargs, needs_db)
        self._callbacks[job.id] = (on_done, on_error, on_progress)
        self._jobs[job.id] = job
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._queue.append(job)
        self._submit.emit()
        return job.cancel

    def set_database(self, db, on_done: Callable[[Any], None] | None = None) -> None:
        """Hand a freshly opened database to the worker (closing the previous one)."""
        self.run(self._worker.set_db, db, needs_db=False, on_done=on_done)

    def _pop(self, job_id: int) -> tuple:
        self._jobs.pop(job_id, None)
        callbacks = self._callbacks.pop(job_id, (None, None, None))
        if not self._callbacks:
            self.busy_changed.emit(False)
        return callbacks

    @Slot(int, object)
    def _on_finished(self, job_id: int, result: Any) -> None:
        on_done, _on_error, _on_progress = self._pop(job_id)
        if on_done is not None:
            on_done(result)
        if isinstance(result, Result) and result.changes.any():
            self.changed.emit(result.changes)
        elif isinstance(result, Changes) and result.any():
            self.changed.emit(result)

    @Slot(int, object)
    def _on_failed(self, job_id: int, exc: Exception) -> None:
        _on_done, on_error, _on_progress = self._pop(job_id)
        if on_error is not None:
            on_error(exc)
        else:
            from .errors import show_error

            show_error(None, exc)

    @Slot(int, object)
    def _on_progress(self, job_id: int, progress: Progress) -> None:
        callbacks = self._callbacks.get(job_id)
        if callbacks and callbacks[2] is not None:
            callbacks[2](progress)

    def shutdown(self) -> None:
        """Close the database on its own thread, then stop the thread."""
        self.run(self._worker.set_db, None, needs_db=False)
        self._thread.quit()
        self._thread.wait(10_000)
