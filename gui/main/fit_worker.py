"""EM as a generator job for ``gui.threads.Jobs``, steered by ``RunControl``: pause, half-steps, a delay, stop.

``family_steps`` is the job. It drives the engine's one EM loop (``engine.em.run_em``) over any kind of
mixture, made on the worker thread by a family-building function (``gaussian_family`` for the window's
Gaussian fits, whose job is ``fit_steps``; a lesson builds a mixture of coins), and yields what the
window should see: a ``FitProgress`` for the newest snapshot at most ``1 / EMIT_INTERVAL_S`` times a
second (the snapshot at a step target, a snapshot while a delay is set, the last one and the end always
go out; a held-back snapshot goes out before the job waits; ``emit_interval_s=0`` sends every one), and
``PAUSED`` when it stopped at a step target. The thread, its signals and its teardown are
``gui.threads``'s; this module has no Qt at all.

The main thread steers a running job through ``RunControl``, a plain object with a condition variable:
its orders take effect before the next half-step (a queued signal would wait behind the whole job).
Stopping a run is ``RunControl.request_stop`` (which also wakes a paused or sleeping job) together with
the job's ``abort``.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from enum import Enum
from functools import partial
from typing import Any

import numpy as np
from numpy.typing import NDArray

from engine.backends.chunked import ChunkedBackend
from engine.blas import single_threaded_blas
from engine.config import FitConfig
from engine.em import EMSnapshot, HalfStep, run_em
from engine.families.base import LoopSettings, MixtureFamily
from engine.families.gaussian import GaussianFamily

#: The job yields at most this often (the last snapshot, a step's target and the end always go out).
EMIT_INTERVAL_S = 1.0 / 60.0
#: Longest a job waits for the window to finish painting a frame before its next half-step.
FRAME_WAIT_S = 0.1


class StepTarget(Enum):
    """Where a stepping job pauses: at the next snapshot of this kind."""

    INIT = "init"  #: the starting parameters (the first snapshot of a run)
    E = "E"  #: the next E-step
    M = "M"  #: the next M-step, which ends an iteration


_TARGET_HALF_STEPS = {
    StepTarget.INIT: (HalfStep.INIT, HalfStep.BEST),
    StepTarget.E: (HalfStep.E,),
    StepTarget.M: (HalfStep.M,),
}


@dataclass(frozen=True, slots=True)
class ReseedEvent:
    """An M-step that re-seeded collapsed components (``EMSnapshot.reseeded``): its start, iteration and components."""

    start: int
    iteration: int
    components: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class FitProgress:
    """What the job yields for a snapshot.

    Attributes
    ----------
    snapshot : EMSnapshot
    ms_per_iteration : float
        Compute time of the latest whole iteration (E-step plus M-step) in milliseconds, without the
        speed delay; NaN before the first M-step.
    reseeds : tuple of ReseedEvent
        Every re-seeding of the run so far, oldest first, including those of snapshots the job did not yield.
    """

    snapshot: EMSnapshot
    ms_per_iteration: float
    reseeds: tuple[ReseedEvent, ...] = ()


@dataclass(frozen=True, slots=True)
class FitPaused:
    """Yielded (as ``PAUSED``) right after the snapshot of a step target: the run now waits for orders."""


PAUSED = FitPaused()


class RunControl:
    """Thread-safe orders from the main thread to one job: run, pause, step, delay, stop.

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
        """The window starts drawing a frame: the job holds back until ``frame_finished``.

        Both threads need Python's global interpreter lock; a painting window gives it up and takes it
        back hundreds of times a frame, and each time an EM loop running Python code makes it wait, so
        frames would take several times longer. The job waits between half-steps instead (at most
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
        """True while the job runs freely (not paused and not stepping)."""
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


#: Makes the family a run fits, on the worker thread (so a large data set's backend is built off the main thread).
FamilyBuilder = Callable[[], MixtureFamily]


def gaussian_family(X: NDArray[np.floating], config: FitConfig) -> GaussianFamily:
    """The window's Gaussian mixture over ``X`` (n_samples, n_features): the chunked backend, one core left to
    painting (call it on the worker thread, inside ``single_threaded_blas``)."""
    return GaussianFamily(ChunkedBackend(X, n_threads=max(1, (os.cpu_count() or 1) - 1)), config)


def fit_steps(X: NDArray[np.floating], config: FitConfig, view_indices: NDArray[np.intp] | None,
              control: RunControl, prior_history: tuple[float, ...] = (),
              emit_interval_s: float = EMIT_INTERVAL_S) -> Iterator[FitProgress | FitPaused]:
    """The Gaussian fit job: EM on ``X`` as ``control`` allows (``family_steps`` with ``gaussian_family``).

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    config : FitConfig
    view_indices : ndarray of shape (n_view,) or None
        Samples whose responsibilities the snapshots carry.
    control : RunControl
    prior_history : tuple of float
        Mean log-likelihood of every E-step of an earlier fit this run continues (``continued``).
    emit_interval_s : float
        While running freely, at most one snapshot per this many seconds is sent (0: every half-step).
    """
    yield from family_steps(partial(gaussian_family, X, config), config, view_indices, control, emit_interval_s,
                            prior_history=prior_history)


def family_steps(build_family: FamilyBuilder, settings: LoopSettings, view_indices: NDArray[np.intp] | None,
                 control: RunControl, emit_interval_s: float = EMIT_INTERVAL_S,
                 prior_history: tuple[float, ...] = ()) -> Iterator[FitProgress | FitPaused]:
    """The fit job for any mixture: EM on the family ``build_family()`` makes, as ``control`` allows.

    Parameters
    ----------
    build_family : callable () -> MixtureFamily
        Called once, on the worker thread (with BLAS on one thread).
    settings : LoopSettings
        The loop's settings (a ``FitConfig``, a ``BinomialConfig``).
    view_indices : ndarray of shape (n_view,) or None
        Observations whose responsibilities the snapshots carry.
    control : RunControl
    emit_interval_s : float
        Yield at most this often while running freely (0: every snapshot, for a family so small that the
        window can draw each half-step).
    prior_history : tuple of float
        Mean log-likelihood of every E-step of an earlier fit this run continues (``continued``).

    Yields
    ------
    FitProgress or FitPaused
        A snapshot to show, or ``PAUSED`` after the snapshot of a step target. Raises what EM raises,
        after yielding the snapshot it held back.
    """
    with single_threaded_blas():
        family = build_family()
        snapshots = run_em(family, settings, view_indices=view_indices)
        if prior_history:
            snapshots = continued(snapshots, prior_history)
        yield from throttled_steps(snapshots, control, emit_interval_s=emit_interval_s)


def continued(snapshots: Iterator[EMSnapshot], prior_history: tuple[float, ...]) -> Iterator[EMSnapshot]:
    """``snapshots`` of a run that continues an earlier fit whose E-steps gave ``prior_history``.

    The earlier fit's log-likelihoods come first in every snapshot's ``history``, and iterations (and
    re-seedings) are numbered on from its last one, so the convergence plot, the status bar and an export
    show the whole fit (a Choose-K cell put on the canvas, then stepped on).
    """
    offset = len(prior_history)
    prior = tuple(float(value) for value in prior_history)
    for snapshot in snapshots:
        yield replace(snapshot, iteration=snapshot.iteration + offset, history=prior + snapshot.history,
                      reseed_events=tuple(replace(event, iteration=event.iteration + offset)
                                          for event in snapshot.reseed_events))


def throttled_steps(snapshots: Iterator[EMSnapshot], control: RunControl, clock: Any = time.monotonic,
                    emit_interval_s: float = EMIT_INTERVAL_S) -> Iterator[FitProgress | FitPaused]:
    """Take snapshots as ``control`` allows and yield the ones to show (see ``family_steps``).

    Parameters
    ----------
    snapshots : iterator of EMSnapshot
    control : RunControl
    clock : callable () -> float
        Seconds, for the emit interval (tests pass their own).
    emit_interval_s : float
        Shortest time between two yields while running freely.
    """
    held: FitProgress | None = None  # newest snapshot not yielded yet
    last_yield = float("-inf")
    e_seconds = 0.0
    ms_per_iteration = float("nan")
    reseeds: tuple[ReseedEvent, ...] = ()  # kept here: the snapshot of a re-seeding may never be yielded
    try:
        while True:
            if not control.may_proceed_now():
                if held is not None:  # show the newest state before waiting
                    progress, held, last_yield = held, None, clock()
                    yield progress
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
            if snapshot.reseeded:
                reseeds += (ReseedEvent(snapshot.start, snapshot.iteration, tuple(snapshot.reseeded)),)
            progress = FitProgress(snapshot, ms_per_iteration, reseeds)
            reached = control.reached(snapshot)
            delay = control.delay_s()
            if (reached or delay > 0 or snapshot.done or snapshot.stop_reason is not None
                    or clock() - last_yield >= emit_interval_s):
                held, last_yield = None, clock()
                yield progress
            else:
                held = progress
            if reached:
                yield PAUSED
            elif delay > 0 and snapshot.half_step in (HalfStep.E, HalfStep.M):
                control.sleep(0.5)
    except Exception:
        if held is not None:  # the newest state stays on screen under the error dialog
            yield held
        raise
    if held is not None:
        yield held
