"""The main window's fit runs: one ``fit_steps`` job at a time, the orders it follows, and the frames it draws.

``FitRunner`` starts a run as a ``gui.threads`` job (``gui.main.fit_worker.fit_steps`` for a Gaussian
mixture of data, ``family_steps`` for any family a builder makes, such as a lesson's coins), keeps its
``RunControl`` for the window's orders (pause, step, delay) and stops it with both the control's stop and
the job's abort. Snapshots to draw go through a ``gui.throttle.FrameThrottle``, whose frame hooks make the
running fit hold back while a frame paints. Every run has a new, higher id; the runner reports every
run's signals with its id, and the controller decides which are still wanted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QObject, Signal, Slot

from engine.config import FitConfig
from engine.families.base import LoopSettings
from gui.main.fit_worker import (
    EMIT_INTERVAL_S,
    FamilyBuilder,
    FitPaused,
    FitProgress,
    RunControl,
    StepTarget,
    family_steps,
    fit_steps,
)
from gui.threads import GeneratorWorker, Jobs
from gui.throttle import FrameThrottle


@dataclass(frozen=True, slots=True)
class ActiveRun:
    """The run whose fit job works: its id, the orders it follows and its worker."""

    run_id: int
    control: RunControl
    worker: GeneratorWorker


class FitRunner(QObject):
    """Runs fits and throttles their frames (see the module docstring).

    Parameters
    ----------
    draw : callable (run_id, FitProgress) -> None
        Draws a submitted snapshot (the newest, at most about 60 times a second).
    parent : QObject, optional

    Signals
    -------
    progressed(int, object)
        A run's ``FitProgress``, as the job yields it (not throttled).
    paused(int)
        A run stopped at its step target.
    failed(int, str)
        A run's job raised: its id and the message.
    finished(int, bool)
        A run's job has ended: its id, and True if it was the active run (which it stops being).
    """

    progressed = Signal(int, object)
    paused = Signal(int)
    failed = Signal(int, str)
    finished = Signal(int, bool)

    def __init__(self, draw: Callable[[int, FitProgress], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._draw = draw
        self._jobs = Jobs("fit", self)
        self.active: ActiveRun | None = None
        self._painting: RunControl | None = None  # the run held back while a frame paints
        self._throttle = FrameThrottle(self._draw_item, parent=self)
        self._throttle.frame_started = self._on_frame_started
        self._throttle.frame_painted = self._on_frame_painted

    def new_id(self) -> int:
        """A fresh run id (higher than any before), for a run or to leave every earlier run behind."""
        return self._jobs.new_id()

    def start(self, X: NDArray[np.floating], config: FitConfig, view_indices: NDArray[np.intp] | None,
              delay_s: float, step_target: StepTarget | None, prior_history: tuple[float, ...] = ()) -> int:
        """Stop the active run and start a new one on ``X`` (n_samples, n_features); returns its id.

        ``step_target`` starts it stepping to that target, None running freely. ``prior_history``: the mean
        log-likelihoods of an earlier fit the run continues (``gui.main.fit_worker.continued``).
        """
        return self._start(fit_steps, (X, config, view_indices), delay_s, step_target, prior_history=prior_history)

    def start_family(self, build_family: FamilyBuilder, settings: LoopSettings, delay_s: float,
                     step_target: StepTarget | None, emit_interval_s: float = EMIT_INTERVAL_S) -> int:
        """Stop the active run and start EM on the family ``build_family()`` makes (on the worker thread).

        ``settings`` are the loop's (``n_init``, ``max_iter``, ``tol``, ``seed``); ``emit_interval_s=0`` sends
        every snapshot (``gui.main.fit_worker.family_steps``). Returns the run's id.
        """
        return self._start(family_steps, (build_family, settings, None), delay_s, step_target,
                           emit_interval_s=emit_interval_s)

    def _start(self, job, args: tuple, delay_s: float, step_target: StepTarget | None, **kwargs) -> int:
        self.stop()
        self._throttle.clear()
        run_id = self.new_id()
        control = RunControl(delay_s, step_target)
        worker = self._jobs.start(job, *args, control, **kwargs, job_id=run_id,
                                  on_yielded=self._on_yielded, on_errored=self._on_errored,
                                  on_finished=self._on_finished)
        self.active = ActiveRun(run_id, control, worker)
        return run_id

    def stop(self) -> bool:
        """Stop the active run (its orders and its job; its thread ends on its own); True if there was one."""
        run, self.active = self.active, None
        if run is None:
            return False
        run.control.request_stop()
        self._jobs.abort(run.run_id)
        return True

    @Slot(int)
    def set_delay_ms(self, milliseconds: int) -> None:
        """The active run's pause after every iteration (takes effect at once)."""
        if self.active is not None:
            self.active.control.set_delay(milliseconds / 1000.0)

    @property
    def control(self) -> RunControl | None:
        """The orders of the active run."""
        return self.active.control if self.active is not None else None

    def submit(self, run_id: int, progress: FitProgress) -> None:
        """Draw ``progress`` at the next frame (replacing any snapshot still waiting)."""
        self._throttle.submit((run_id, progress))

    def clear_frames(self) -> None:
        """Forget the snapshot waiting to be drawn."""
        self._throttle.clear()

    @property
    def has_pending(self) -> bool:
        """True while a snapshot waits to be drawn."""
        return self._throttle.has_pending

    @property
    def running_jobs(self) -> int:
        """How many fit jobs have a thread that has not ended (stopped runs end on their own)."""
        return self._jobs.running

    def shutdown(self, timeout_ms: int) -> bool:
        """Stop every run and wait for their threads (at most ``timeout_ms``); True if all ended."""
        self._throttle.clear()
        self.stop()
        return self._jobs.shutdown(timeout_ms)

    # --- the jobs' signals (queued to the main thread) --------------------------------------------

    @Slot(int, object)
    def _on_yielded(self, run_id: int, item: FitProgress | FitPaused) -> None:
        if isinstance(item, FitPaused):
            self.paused.emit(run_id)
        else:
            self.progressed.emit(run_id, item)

    @Slot(int, str)
    def _on_errored(self, run_id: int, message: str) -> None:
        if self.active is not None and self.active.run_id == run_id:
            self.active = None
        self.failed.emit(run_id, message)

    @Slot(int)
    def _on_finished(self, run_id: int) -> None:
        was_active = self.active is not None and self.active.run_id == run_id
        if was_active:
            self.active = None
        self.finished.emit(run_id, was_active)

    # --- frames ----------------------------------------------------------------------------------

    def _draw_item(self, item: tuple[int, FitProgress]) -> None:
        self._draw(*item)

    def _on_frame_started(self) -> None:
        self._painting = self.control
        if self._painting is not None:
            self._painting.frame_started()  # the fit waits between half-steps while the frame is painted

    def _on_frame_painted(self) -> None:
        if self._painting is not None:
            self._painting.frame_finished()
            self._painting = None
