"""A coin lesson's fit: the binomial family through the window's own fit job, driven by the run keys.

``CoinsRun`` runs EM on a mixture of coins with a ``gui.main.runner.FitRunner`` of its own (the same
``family_steps`` job, ``RunControl`` and frame throttle as the Gaussian fits, with every half-step sent)
and answers the window's run keys while its lesson has them (``Controller.take_run_keys``): Space runs or
pauses, N one iteration, E and M a half-step, R back to the start, Esc stops. It keeps EM's path (the
start and every M-step's parameters) and draws each snapshot in the ``CoinsView``, the convergence plot
and the status bar.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from engine.em import EMSnapshot, HalfStep
from engine.families.binomial import BinomialFamily, BinomialParams
from gui.lessons.catalogue import CoinNames
from gui.lessons.coins_view import CoinsView
from gui.lessons.setups import CoinsSetup
from gui.main.fit_worker import FitProgress, StepTarget
from gui.main.runner import FitRunner
from gui.main.session import RunState
from gui.main.status import status_texts
from gui.main.window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("CoinsRun", text)


class CoinsRun(QObject):
    """The fit of a coin lesson (see the module docstring).

    Parameters
    ----------
    window : MainWindow
    view : CoinsView

    Signals
    -------
    frame_drawn(object)
        After a snapshot was drawn: the ``EMSnapshot``.
    run_ended()
        The run's job has ended (finished, stopped or failed).
    """

    frame_drawn = Signal(object)
    run_ended = Signal()

    def __init__(self, window: MainWindow, view: CoinsView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._view = view
        self.runner = FitRunner(self._draw, parent=self)
        self.runner.progressed.connect(self._on_progressed)
        self.runner.paused.connect(self._on_paused)
        self.runner.failed.connect(self._on_failed)
        self.runner.finished.connect(self._on_finished)
        window.delay_changed.connect(self.runner.set_delay_ms)
        view.start_chosen.connect(self.choose_start)
        self.setup: CoinsSetup | None = None
        self.start_index = 0
        self.state = RunState.IDLE
        self.path: list[BinomialParams] = []  # the start, then the parameters of every M-step, of the run
        self.e_params: dict[int, BinomialParams] = {}  # the parameters each iteration's E-step used
        self.latest: FitProgress | None = None  # the newest snapshot of the run, drawn or not
        self.shown: FitProgress | None = None
        self._run_id = 0
        self._finished_paths: dict[int, list[BinomialParams]] = {}  # each start's last path

    # --- set-up -----------------------------------------------------------------------------------

    def open(self, setup: CoinsSetup, names: CoinNames) -> None:
        """Show the lesson's problem and go to its first start (paused there)."""
        self.setup = setup
        self._finished_paths = {}
        self._view.set_problem(setup.data, names, setup.complete_data)
        self.choose_start(0)

    @Slot(int)
    def choose_start(self, index: int) -> None:
        """Go to start ``index`` (paused there); the other start's last path stays faded on the plane."""
        if self.path:
            self._finished_paths[self.start_index] = list(self.path)
        self.start_index = index
        self._view.set_start(index)
        other = [path for start, path in self._finished_paths.items() if start != index]
        self._view.show_other_path(other[-1] if other else [])
        self._start(StepTarget.INIT)

    def close(self) -> None:
        """Stop the fit (leaving the lesson)."""
        self.runner.stop()
        self.runner.clear_frames()
        self._run_id = self.runner.new_id()
        self.setup = None
        self.state = RunState.IDLE

    def shutdown(self, timeout_ms: int) -> bool:
        """Stop the fit and wait for its thread (at most ``timeout_ms``); True if it ended."""
        return self.runner.shutdown(timeout_ms)

    def _start(self, step_target: StepTarget | None) -> None:
        setup = self.setup
        config = setup.config(self.start_index)
        self.path, self.e_params, self.latest, self.shown = [], {}, None, None
        self._run_id = self.runner.start_family(partial(BinomialFamily, setup.data, config), config,
                                                self._window.delay_ms() / 1000.0, step_target, emit_interval_s=0.0)
        self._window.begin_run(1, config.tol)
        self._set_state(RunState.RUNNING if step_target is None else RunState.STEPPING)

    # --- the run keys (Controller.take_run_keys) ---------------------------------------------------

    def run_pause(self) -> None:
        control = self.runner.control
        if control is None:
            self._start(None)
        elif control.running:
            control.pause()
            self._set_state(RunState.PAUSED)
        else:
            control.resume()
            self._set_state(RunState.RUNNING)

    def step(self, target: StepTarget) -> None:
        control = self.runner.control
        if control is not None:
            control.step_to(target)
            self._set_state(RunState.STEPPING)
        elif self.latest is not None and self.latest.snapshot.done:
            self._window.show_message(_tr("EM has finished: press R to go back to the start, or Space to run "
                                          "again."), 6000)
        else:
            self._start(target)

    def reset(self) -> None:
        self._start(StepTarget.INIT)

    def stop(self) -> None:
        if self.runner.stop():
            self._set_state(RunState.STOPPED)

    # --- the job's signals ---------------------------------------------------------------------------

    @Slot(int, object)
    def _on_progressed(self, run_id: int, progress: FitProgress) -> None:
        if run_id != self._run_id:
            return
        snapshot = progress.snapshot
        self.latest = progress
        if snapshot.half_step is HalfStep.INIT:
            self.path = [snapshot.params]
        elif snapshot.half_step is HalfStep.E:
            self.e_params[snapshot.iteration] = snapshot.params
        elif snapshot.half_step is HalfStep.M and len(self.path) == snapshot.iteration:
            self.path.append(snapshot.params)
        self.runner.submit(run_id, progress)

    @Slot(int)
    def _on_paused(self, run_id: int) -> None:
        if run_id == self._run_id and self.runner.active is not None:
            self._set_state(RunState.PAUSED)

    @Slot(int, str)
    def _on_failed(self, run_id: int, message: str) -> None:
        if run_id == self._run_id:
            self._set_state(RunState.FAILED)
            self._window.show_error(_tr("EM stopped with an error"), message)

    @Slot(int, bool)
    def _on_finished(self, run_id: int, was_active: bool) -> None:
        if was_active and run_id == self._run_id:
            done = self.latest is not None and self.latest.snapshot.done
            self._set_state(RunState.FINISHED if done else RunState.STOPPED)
        if run_id == self._run_id:
            self.run_ended.emit()

    # --- drawing --------------------------------------------------------------------------------

    def _draw(self, run_id: int, progress: FitProgress) -> None:
        if run_id != self._run_id or self.setup is None:
            return
        snapshot: EMSnapshot = progress.snapshot
        used = self.e_params.get(snapshot.iteration) if snapshot.half_step in (HalfStep.E, HalfStep.M) else None
        path = self.path[:snapshot.iteration + 1] if snapshot.half_step is not HalfStep.INIT else self.path[:1]
        self._view.show_snapshot(snapshot, path, used)
        note = _tr("The coins view shows this half-step:\nthe E-step's table and the M-step's divisions.")
        self._window.show_history(snapshot, note)
        self.shown = progress
        self._update_status()
        self.frame_drawn.emit(snapshot)

    def _set_state(self, state: RunState) -> None:
        self.state = state
        self._window.set_running(state is RunState.RUNNING)
        self._update_status()

    def _update_status(self) -> None:
        self._window.show_status(status_texts(self.state.value, self.shown))
