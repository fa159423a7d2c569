"""Running the engine's EM generator on a worker thread, with pause, half-steps, a speed delay and stop.

The worker follows superqt's generator worker: the loop checks the stop flag before every half-step,
asks the generator for the next snapshot and emits it. It touches no widget. The main thread steers it
through ``RunControl``, a plain Python object with a condition variable, so calls take effect at once
(a queued signal would wait behind ``run()``) and stay safe after the worker's QObject is deleted.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from enum import Enum

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from engine.backends.chunked import ChunkedBackend
from engine.blas import single_threaded_blas
from engine.config import FitConfig
from engine.em import EMSnapshot, HalfStep, iterate_em
from engine.errors import GMMError

#: The worker emits at most this often (the last snapshot, a step's target and the end always go out).
EMIT_INTERVAL_S = 1.0 / 60.0
#: Longest a worker waits for the window to finish painting a frame before its next half-step.
FRAME_WAIT_S = 0.1


def error_message(error: Exception) -> str:
    """What a worker reports for an exception: our errors' sentence as it is; anything else (a bug)
    with its type, so the dialog says what went wrong."""
    return str(error) if isinstance(error, GMMError) else f"{type(error).__name__}: {error}"


class StepTarget(Enum):
    """Where a stepping worker pauses: at the next snapshot of this kind."""

    INIT = "init"  #: the starting parameters (the first snapshot of a run)
    E = "E"  #: the next E-step
    M = "M"  #: the next M-step, which ends an iteration


_TARGET_HALF_STEPS = {
    StepTarget.INIT: (HalfStep.INIT, HalfStep.BEST),
    StepTarget.E: (HalfStep.E,),
    StepTarget.M: (HalfStep.M,),
}


@dataclass(frozen=True, slots=True)
class FitProgress:
    """What the worker sends for each snapshot.

    Attributes
    ----------
    snapshot : EMSnapshot
    ms_per_iteration : float
        Compute time of the latest whole iteration (E-step plus M-step) in milliseconds, without the
        speed delay; NaN before the first M-step.
    """

    snapshot: EMSnapshot
    ms_per_iteration: float


class RunControl:
    """Thread-safe orders from the main thread to one worker: run, pause, step, delay, stop.

    Parameters
    ----------
    delay_s : float
        Pause after every iteration, in seconds (half of it after the E-step, half after the M-step).
    step_target : StepTarget or None
        Start paused-after-stepping to this target; None starts running freely.
    """

    def __init__(self, delay_s: float = 0.0, step_target: StepTarget | None = None) -> None:
        self._condition = threading.Condition()
        self._stop = False
        self._running = step_target is None
        self._target = step_target
        self._delay_s = max(0.0, delay_s)
        self._painting = False

    # --- called from the main thread ------------------------------------------------------------

    def request_stop(self) -> None:
        """Stop before the next half-step (and cut any delay or pause short)."""
        with self._condition:
            self._stop = True
            self._condition.notify_all()

    def pause(self) -> None:
        with self._condition:
            self._running, self._target = False, None
            self._condition.notify_all()

    def resume(self) -> None:
        with self._condition:
            self._running, self._target = True, None
            self._condition.notify_all()

    def step_to(self, target: StepTarget) -> None:
        """Run until the next snapshot of kind ``target``, then pause."""
        with self._condition:
            self._running, self._target = False, target
            self._condition.notify_all()

    def set_delay(self, seconds: float) -> None:
        with self._condition:
            self._delay_s = max(0.0, seconds)
            self._condition.notify_all()

    def frame_started(self) -> None:
        """The window starts drawing a frame: the worker holds back until ``frame_finished``.

        Both threads need Python's global interpreter lock; a painting window gives it up and takes it
        back hundreds of times a frame, and each time an EM loop running Python code makes it wait, so
        frames would take several times longer. The worker waits between half-steps instead (at most
        ``FRAME_WAIT_S``), and the window spaces frames so EM keeps at least half of the time.
        """
        with self._condition:
            self._painting = True

    def frame_finished(self) -> None:
        with self._condition:
            self._painting = False
            self._condition.notify_all()

    @property
    def stop_requested(self) -> bool:
        return self._stop

    @property
    def running(self) -> bool:
        """True while the worker runs freely (not paused and not stepping)."""
        return self._running and not self._stop

    # --- called from the worker thread ----------------------------------------------------------

    def wait_until_allowed(self) -> bool:
        """Block (without spinning) while paused; False once a stop was requested."""
        with self._condition:
            self._condition.wait_for(lambda: self._stop or self._running or self._target is not None)
            return not self._stop

    def wait_for_frame(self) -> None:
        """Wait (at most ``FRAME_WAIT_S``) while the window paints a frame; returns at once on stop."""
        with self._condition:
            self._condition.wait_for(lambda: self._stop or not self._painting, FRAME_WAIT_S)

    def may_proceed_now(self) -> bool:
        """True if the next half-step may start without waiting."""
        with self._condition:
            return not self._stop and (self._running or self._target is not None)

    def reached(self, snapshot: EMSnapshot) -> bool:
        """If ``snapshot`` is the current step target, pause and return True."""
        with self._condition:
            if self._target is not None and snapshot.half_step in _TARGET_HALF_STEPS[self._target]:
                self._target = None
                return True
            return False

    def delay_s(self) -> float:
        return self._delay_s if self._running else 0.0

    def sleep(self, fraction: float) -> None:
        """Sleep ``fraction`` of the delay; returns early on stop, pause or step, and follows delay changes."""
        start = time.monotonic()
        with self._condition:
            while self._running and not self._stop:
                remaining = start + fraction * self._delay_s - time.monotonic()
                if remaining <= 0:
                    return
                self._condition.wait(remaining)


class FitWorker(QObject):
    """Runs ``engine.em.iterate_em`` and emits its snapshots; lives on a worker thread.

    Parameters
    ----------
    run_id : int
        Sent with every signal, so the receiver can drop signals of runs it has given up.
    X : ndarray of shape (n_samples, n_features)
    config : FitConfig
    view_indices : ndarray of shape (n_view,) or None
        Samples whose responsibilities the snapshots carry.
    control : RunControl
    """

    snapshot_ready = Signal(int, object)  # run_id, FitProgress
    paused = Signal(int)  # run_id: stopped at a step target
    failed = Signal(int, str)  # run_id, message
    finished = Signal(int)  # run_id, always last

    def __init__(self, run_id: int, X: NDArray[np.floating], config: FitConfig,
                 view_indices: NDArray[np.intp] | None, control: RunControl) -> None:
        super().__init__()
        self.run_id = run_id
        self.control = control
        self._X = X
        self._config = config
        self._view_indices = view_indices
        self._held: FitProgress | None = None
        self._last_emit = float("-inf")

    def _emit(self, progress: FitProgress) -> None:
        self._held = None
        self._last_emit = time.monotonic()
        self.snapshot_ready.emit(self.run_id, progress)

    def _flush(self) -> None:
        if self._held is not None:
            self._emit(self._held)

    @Slot()
    def run(self) -> None:
        try:
            with single_threaded_blas():
                self._run()
        except Exception as error:  # thread boundary: report it, never swallow it
            self._flush()
            message = error_message(error)
            self.failed.emit(self.run_id, message)
        finally:
            self.finished.emit(self.run_id)

    def _run(self) -> None:
        """The loop: wait while paused, then one half-step, emit (throttled), pause at a target, delay."""
        control = self.control
        e_seconds = 0.0
        ms_per_iteration = float("nan")
        # One core fewer than the machine has: painting keeps a core while the E-steps run.
        backend = ChunkedBackend(self._X, n_threads=max(1, (os.cpu_count() or 1) - 1))
        snapshots = iterate_em(self._X, self._config, view_indices=self._view_indices, backend=backend)
        while True:
            if not control.may_proceed_now():
                self._flush()  # show the newest state before waiting
                if not control.wait_until_allowed():
                    break
            control.wait_for_frame()
            started = time.perf_counter()
            snapshot = next(snapshots, None)
            if snapshot is None:
                break
            seconds = time.perf_counter() - started
            if snapshot.half_step is HalfStep.E:
                e_seconds = seconds
            elif snapshot.half_step is HalfStep.M:
                ms_per_iteration = 1000.0 * (e_seconds + seconds)
            progress = FitProgress(snapshot, ms_per_iteration)
            reached = control.reached(snapshot)
            delay = control.delay_s()
            if (reached or delay > 0 or snapshot.done or snapshot.stop_reason is not None
                    or time.monotonic() - self._last_emit >= EMIT_INTERVAL_S):
                self._emit(progress)
            else:
                self._held = progress
            if reached:
                self.paused.emit(self.run_id)
            elif delay > 0 and snapshot.half_step in (HalfStep.E, HalfStep.M):
                control.sleep(0.5)
        self._flush()


class FitRun(QObject):
    """One worker on its own ``QThread``; both are kept alive here until the thread has ended.

    The worker's ``finished`` quits the thread (directly, in the worker thread); the thread's
    ``finished`` comes back to the main thread, which lets go of the thread and the worker and emits
    ``thread_done``.

    Python owns the worker and the thread; they are deliberately not connected to ``deleteLater``. Qt
    emits ``QThread.finished`` *before* it runs the thread's deferred deletions, so a main-thread slot
    that drops its references can race the worker thread deleting the same worker (we saw segfaults
    under load). Here the slot first waits for the thread to end (it already emitted ``finished``, so
    this is only its last few instructions, bounded by ``END_WAIT_MS``), then the references go and
    Python deletes both objects on the main thread.
    """

    thread_done = Signal(int)  # run_id

    #: Longest the main thread waits for a thread that has emitted ``finished`` to end.
    END_WAIT_MS = 2000

    def __init__(self, worker: FitWorker) -> None:
        super().__init__()
        self.run_id = worker.run_id
        self.control = worker.control
        self.worker: FitWorker | None = worker
        self._thread: QThread | None = QThread()
        self._thread.setObjectName(f"fit-run-{worker.run_id}")
        worker.moveToThread(self._thread)
        self._thread.started.connect(worker.run)
        worker.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread.finished.connect(self._on_thread_finished)

    def start(self) -> None:
        self._thread.start()

    def wait(self, timeout_ms: int) -> bool:
        """Wait for the thread to end (never from a slot the worker's signals trigger); True if it has."""
        return self._thread is None or self._thread.wait(timeout_ms)

    @Slot()
    def _on_thread_finished(self) -> None:
        if self._thread is not None and not self._thread.wait(self.END_WAIT_MS):
            return  # still ending: keep both objects (deleting a running thread would abort)
        self._thread = None
        self.worker = None
        self.thread_done.emit(self.run_id)
