"""The one way the window runs background work: a generator on a ``QThread``, with one teardown rule.

A job is a generator function. ``GeneratorWorker`` runs it on its own thread in the shape of superqt's
``GeneratorWorker``: ``started``; then, for every value the generator yields, ``yielded``; then either
``returned`` with the generator's return value (unless aborted), or ``errored`` with a message; and
always ``finished`` last. Before each step it checks the abort flag, so ``abort()`` (a plain flag, safe from any thread)
takes effect within one step: a job that should stop quickly yields often. Every signal carries the
job's id, so a receiver drops the signals of jobs it has replaced. The worker touches no widget.

The one teardown rule (``Jobs``): Python owns the worker and its thread, never ``deleteLater``. The
worker's ``finished`` quits the thread directly (in the worker thread); the thread's own ``finished``
reaches the main thread, which waits for the thread to have really ended (at most ``END_WAIT_MS``: it has
already emitted ``finished``, so only its last instructions are left) and only then drops both
references, so Python deletes them on the main thread. Qt emits ``QThread.finished`` before it runs a
thread's deferred deletions, so ``deleteLater`` there races the main thread (segfaults under load), and a
``QThread`` destroyed while running aborts the process: so every job is also held by this module until its
thread has ended, whatever becomes of its ``Jobs``. ``Jobs.shutdown`` aborts every job and waits for every
thread, at most as long as it is told: a thread inside one long call that cannot be interrupted may
outlive it, and ``gui.app`` then ends the process without destroying that thread.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from engine.errors import GMMError
from gui.i18n.engine_errors import translated_error

#: Longest the main thread waits for a thread that has emitted ``finished`` to end.
END_WAIT_MS = 2000
#: Every job whose thread has not ended, whoever started it: held here so Python cannot delete a running
#: ``QThread`` even when the ``Jobs`` that started it goes (a closed window's, say). A job leaves once its
#: thread has ended. (Only the main thread touches this set.)
_UNFINISHED: set[Job] = set()

JobFunction = Callable[..., Generator[Any, Any, Any]]


def error_message(error: BaseException) -> str:
    """What a worker reports for an exception: our errors' sentence in the window's language
    (``gui.i18n.engine_errors``); anything else (a bug) with its type, so the dialog says what went wrong."""
    return translated_error(str(error)) if isinstance(error, GMMError) else f"{type(error).__name__}: {error}"


class GeneratorWorker(QObject):
    """Runs one generator on a worker thread, emitting what it yields.

    Parameters
    ----------
    job_id : int
        Sent with every signal.
    function : callable
        Called (on the worker thread) as ``function(*args, **kwargs)``; must return a generator.

    Signals
    -------
    started(int), yielded(int, object), returned(int, object), errored(int, str), finished(int)
    """

    started = Signal(int)
    yielded = Signal(int, object)
    returned = Signal(int, object)
    errored = Signal(int, str)
    finished = Signal(int)

    def __init__(self, job_id: int, function: JobFunction, *args, **kwargs) -> None:
        super().__init__()
        self.job_id = job_id
        self._function = function
        self._args = args
        self._kwargs = kwargs
        self._abort = False

    def abort(self) -> None:
        """Stop before the generator's next step (safe from any thread; takes effect within one step)."""
        self._abort = True

    @property
    def abort_requested(self) -> bool:
        return self._abort

    @Slot()
    def work(self) -> None:
        """The thread's body: run the generator to its end, an abort or an exception."""
        self.started.emit(self.job_id)
        try:
            generator = self._function(*self._args, **self._kwargs)
            try:
                while not self._abort:
                    try:
                        value = next(generator)
                    except StopIteration as stop:
                        if not self._abort:  # an aborted job's result is not wanted any more
                            self.returned.emit(self.job_id, stop.value)
                        break
                    if self._abort:
                        break
                    self.yielded.emit(self.job_id, value)
            finally:
                generator.close()
        except Exception as error:  # thread boundary: report it, never swallow it
            self.errored.emit(self.job_id, error_message(error))
        finally:
            self.finished.emit(self.job_id)


class Job(QObject):
    """One ``GeneratorWorker`` on its own ``QThread``; both are kept here until the thread has ended."""

    ended = Signal(int)  # job id, once the thread has ended and been let go

    def __init__(self, worker: GeneratorWorker, name: str) -> None:
        super().__init__()
        self.job_id = worker.job_id
        self.worker: GeneratorWorker | None = worker
        self.relay: QObject | None = None
        self.thread: QThread | None = QThread()
        self.thread.setObjectName(f"{name}-{worker.job_id}")
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.work)
        worker.finished.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)
        self.thread.finished.connect(self._on_thread_finished)

    def abort(self) -> None:
        if self.worker is not None:
            self.worker.abort()

    def wait(self, timeout_ms: int) -> bool:
        """Wait for the thread to end (never from a slot the worker's signals trigger); True if it has."""
        return self.thread is None or self.thread.wait(max(0, timeout_ms))

    def start(self) -> None:
        """Start the thread; the job is held in ``_UNFINISHED`` until the thread has ended."""
        _UNFINISHED.add(self)
        self.thread.start()

    @Slot()
    def _on_thread_finished(self) -> None:
        if self.thread is not None and not self.thread.wait(END_WAIT_MS):
            return  # still ending: keep both objects (deleting a running thread would abort)
        self.thread = None
        self.worker = None
        _UNFINISHED.discard(self)
        self.ended.emit(self.job_id)


class _Relay(QObject):
    """Calls a job's callbacks on the thread this relay lives in (the thread that made the ``Jobs``).

    A plain function or lambda connected straight to a worker's signal would run on the worker's thread
    (it has no thread of its own for Qt to queue to); connecting the worker to this QObject's slots makes
    Qt queue every signal to the relay's thread, which then calls the callback there.
    """

    def __init__(self, callbacks: dict[str, Callable | None], parent: QObject) -> None:
        super().__init__(parent)
        self._callbacks = callbacks

    def _call(self, name: str, *args) -> None:
        callback = self._callbacks.get(name)
        if callback is not None:
            callback(*args)

    @Slot(int, object)
    def yielded(self, job_id: int, value: object) -> None:
        self._call("yielded", job_id, value)

    @Slot(int, object)
    def returned(self, job_id: int, value: object) -> None:
        self._call("returned", job_id, value)

    @Slot(int, str)
    def errored(self, job_id: int, message: str) -> None:
        self._call("errored", job_id, message)

    @Slot(int)
    def finished(self, job_id: int) -> None:
        self._call("finished", job_id)


class Jobs(QObject):
    """Starts generator jobs on threads and keeps every job alive until its thread has ended.

    Parameters
    ----------
    name : str
        Prefix of the threads' names (seen in debuggers and in Qt's messages).

    Signals
    -------
    ended(int)
        A job's thread has ended and the job was let go: its id (``running`` already counts it out).
    """

    ended = Signal(int)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._ids = itertools.count(1)
        self._jobs: dict[int, Job] = {}

    def new_id(self) -> int:
        """A fresh job id, higher than every earlier one."""
        return next(self._ids)

    def start(self, function: JobFunction, *args, job_id: int | None = None,
              on_yielded: Callable[[int, Any], None] | None = None,
              on_returned: Callable[[int, Any], None] | None = None,
              on_errored: Callable[[int, str], None] | None = None,
              on_finished: Callable[[int], None] | None = None, **kwargs) -> GeneratorWorker:
        """Run ``function(*args, **kwargs)`` (a generator function) on a new thread; returns its worker.

        The callbacks are connected to the worker's signals before the thread starts, so none is missed;
        whatever they are (bound methods, functions, lambdas), they run on the thread that made this
        ``Jobs`` (the main thread), through a relay QObject, and get the job id first.
        """
        worker = GeneratorWorker(self.new_id() if job_id is None else job_id, function, *args, **kwargs)
        relay = _Relay({"yielded": on_yielded, "returned": on_returned, "errored": on_errored,
                        "finished": on_finished}, self)
        worker.yielded.connect(relay.yielded)
        worker.returned.connect(relay.returned)
        worker.errored.connect(relay.errored)
        worker.finished.connect(relay.finished)
        job = Job(worker, self._name)
        job.relay = relay
        job.ended.connect(self._on_job_ended)
        self._jobs[worker.job_id] = job
        job.start()
        return worker

    def abort(self, job_id: int) -> None:
        job = self._jobs.get(job_id)
        if job is not None:
            job.abort()

    def abort_all(self) -> None:
        for job in self._jobs.values():
            job.abort()

    @property
    def running(self) -> int:
        """How many jobs have a thread that has not ended yet."""
        return len(self._jobs)

    def shutdown(self, timeout_ms: int) -> bool:
        """Abort every job and wait for every thread (at most ``timeout_ms`` in all); True if all ended."""
        self.abort_all()
        deadline = time.monotonic() + timeout_ms / 1000.0
        ended = True
        for job in list(self._jobs.values()):
            ended = job.wait(int(1000 * (deadline - time.monotonic()))) and ended
        return ended

    @Slot(int)
    def _on_job_ended(self, job_id: int) -> None:
        job = self._jobs.pop(job_id, None)
        if job is not None and job.relay is not None:
            job.relay.deleteLater()  # a main-thread object: its queued signals are delivered before it goes
            job.relay = None
        if job is not None:
            self.ended.emit(job_id)
