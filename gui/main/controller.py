"""The one place where the window, the jobs and the engine meet: a thin controller.

Handlers are named by where the event comes from: ``_on_view_*`` for the user's actions in the window,
``_on_fit_*`` for the fit runs' signals, ``_on_source_*`` for new data and models. The state lives in
``gui.main.session.Session`` (no Qt) and the window is driven through its view API only. The rest is
delegated, each to one object: fit runs, their orders and their throttled frames to
``gui.main.runner.FitRunner``; presets, data files and models to ``gui.main.sources.DataSources``;
exports to ``gui.main.exports.Exporter``; the hovered point's numbers to ``gui.main.point_info.PointInfo``
(refreshed after every frame drawn); what new data lets go of to ``gui.main.arrivals.NewData``. Keep going
(the Explain panel's) continues from the parameters on screen through ``continue_from``, the lessons' hook.
Every run has a new, higher id, and snapshots of runs that were replaced are dropped.

Choose K (``gui.choosek``) puts a cell's model on the canvas with ``show_model`` (File > Open model's way).
Lessons (``gui.lessons``) use a few hooks: ``show_data`` and ``continue_from`` set up a Gaussian lesson,
``stop_fit`` and ``take_run_keys`` hand the window's run keys to a lesson's own fit, ``data_arriving`` says
that the user's new data or model replaces what is shown, and ``add_job_owner`` joins a lesson's jobs to
the shutdown.

Longer than the 400-line guide (about 630 lines) on purpose: it is one short handler per event of the
window, the runs and the sources, each delegating at once; split up, the wiring would no longer read in one
place.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from engine.errors import InputError
from engine.io.model_json import LoadedModel
from engine.io.tables import Dataset
from engine.model import sample
from engine.params import MixtureParams
from gui.i18n.engine_errors import translated_error
from gui.image.controller import ImageMode
from gui.image.session import is_picture
from gui.main.arrivals import CLEARED_MESSAGE_MS, NewData
from gui.main.editing import HandEdits
from gui.main.exports import Exporter
from gui.main.fit_worker import FitProgress, StepTarget
from gui.main.point_info import PointInfo
from gui.main.runner import FitRunner
from gui.main.session import DEFAULT_FEATURES, RunState, Session
from gui.main.sources import DataSources, too_large_to_draw
from gui.main.status import reseed_text, status_texts
from gui.main.window import MainWindow
from gui.settings import Settings
from gui.threads import error_message

__all__ = ["SHUTDOWN_TIMEOUT_MS", "Controller", "RunState"]

#: A change of the Model settings resets EM after this quiet time (a dragged slider resets once).
SETTINGS_QUIET_MS = 250
#: How long the status bar says that EM re-seeded a component, in milliseconds.
RESEED_MESSAGE_MS = 12_000
#: Keep going runs on until the mean log-likelihood changes by less than this (or the user stops it) ...
KEEP_GOING_TOL = 1e-10
#: ... or this many iterations.
KEEP_GOING_MAX_ITER = 100_000
#: Points drawn from a loaded model whose features do not match the data on screen.
MODEL_SAMPLE_SIZE = 1000
#: How long closing the window waits for every job to end (a half-step takes well under this; a job stuck in
#: one long engine call is left to the application's end, see ``gui.app``).
SHUTDOWN_TIMEOUT_MS = 1000


def _tr(text: str) -> str:
    return QCoreApplication.translate("Controller", text)


class RunKeys(Protocol):
    """What the run keys (Space, N, E, M, R, Esc) drive when a lesson takes them (``Controller.take_run_keys``)."""

    def run_pause(self) -> None: ...

    def step(self, target: StepTarget) -> None: ...

    def reset(self) -> None: ...

    def stop(self) -> None: ...


class JobOwner(Protocol):
    """Something with jobs that closing the window must stop and wait for."""

    def shutdown(self, timeout_ms: int) -> bool: ...


def _from_session(name: str) -> property:
    return property(lambda self: getattr(self.session, name), doc=f"The session's ``{name}`` (read-only).")


class Controller(QObject):
    """Connects the main window's view API and actions to the jobs and the engine.

    Parameters
    ----------
    window : MainWindow
    settings : Settings

    Signals
    -------
    frame_drawn(int, object)
        After a snapshot was drawn: its run id and ``EMSnapshot``.
    run_ended(int)
        A run's fit job has finished (stopped, failed or done): its run id.
    io_finished()
        A file job has ended: a data set made (or failed, or replaced by newer data), or an export written
        (or failed).
    data_arriving(bool)
        The user's new data (a file, a preset, an edit of the points: True) or model (False) is about to
        replace what is shown; emitted before it does.
    """

    frame_drawn = Signal(int, object)
    run_ended = Signal(int)
    io_finished = Signal()
    data_arriving = Signal(bool)

    dataset = _from_session("dataset")
    shown = _from_session("shown")
    state = _from_session("state")
    config = _from_session("config")
    hand_params = _from_session("hand_params")
    projection = _from_session("projection")
    run_id = _from_session("run_id")

    def __init__(self, window: MainWindow, settings: Settings) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.session = Session()
        self.exporter = Exporter(window, settings, self.session)
        self.exporter.finished.connect(self.io_finished)
        self.runner = FitRunner(self._draw_newest, parent=self)
        self.sources = DataSources(window, settings)
        self.edits = HandEdits(window, self.session)
        self.point_info = PointInfo(window, self.session)
        self.new_data = NewData(window, self.session)
        self._image_mode: ImageMode | None = None  # the Image mode window, made when first needed
        self._settings_timer = QTimer(self)
        self._settings_timer.setSingleShot(True)
        self._settings_timer.setInterval(SETTINGS_QUIET_MS)
        self._settings_timer.timeout.connect(self._on_view_model_settled)
        self._start_timer = QTimer(self)  # opens the file given at start-up once the event loop runs
        self._start_timer.setSingleShot(True)
        self._shutdown_deadline: float | None = None  # when the first shutdown stopped waiting (time.monotonic)
        self._run_keys: RunKeys | None = None  # a lesson's fit, while it has the run keys
        self._job_owners: list[JobOwner] = []  # a lesson's jobs, stopped with the window's
        self._connect_view()

    # --- wiring ---------------------------------------------------------------------------------

    def _connect_view(self) -> None:
        w, runner, sources = self.window, self.runner, self.sources
        connections = [
            (runner.progressed, self._on_fit_progressed),
            (runner.paused, self._on_fit_paused),
            (runner.failed, self._on_fit_failed),
            (runner.finished, self._on_fit_finished),
            (sources.dataset_ready, self._on_source_dataset),
            (sources.model_ready, self._on_source_model),
            (sources.finished, self.io_finished),
            (self.edits.editing_started, self._on_edit_started),
            (self.edits.data_edited, self._on_data_edited),
            (w.generate_requested, sources.generate),
            (w.projection_changed, self._on_view_projection_changed),
            (w.model_changed, self._settings_timer.start),
            (w.delay_changed, runner.set_delay_ms),
            (w.open_data_action.triggered, self._on_view_open_dialog),
            (w.open_model_action.triggered, sources.ask_and_open_model),
            (w.export_model_action.triggered, self.exporter.export_model),
            (w.export_labels_action.triggered, self.exporter.export_labels),
            (w.export_data_action.triggered, self.exporter.export_data),
            (w.save_png_action.triggered, self.exporter.save_png),
            (w.run_pause_action.triggered, self._on_view_run_pause),
            (w.stop_action.triggered, self._on_view_stop),
            (w.step_action.triggered, lambda: self._on_view_step(StepTarget.M)),
            (w.e_step_action.triggered, lambda: self._on_view_step(StepTarget.E)),
            (w.m_step_action.triggered, lambda: self._on_view_step(StepTarget.M)),
            (w.reset_action.triggered, self._on_view_reset),
            (w.fit_view_action.triggered, self._on_view_fit_view),
            (w.file_dropped, self.open_path),
            (w.open_picture_action.triggered, lambda: self.image_mode().open_dialog()),
            (w.recent_requested, self.open_path),
            (w.closing, self._on_view_closing),
            (w.start_clicked, self._on_view_start_clicked),
            (w.explain_panel.keep_going_requested, self.keep_going),
        ]
        for signal, slot in connections:
            signal.connect(slot)

    # --- start-up and files ---------------------------------------------------------------------

    def start(self, path: str | None = None) -> None:
        """Show the demo data set, reset to EM's starting parameters, and open ``path`` over it, if given.

        ``path`` opens once the event loop runs, so a dialog about it shows over the window, and quitting
        while it shows (a close, SIGTERM) ends the application like any other.
        """
        self.sources.generate(self.window.data_request())
        if path:
            self._start_timer.timeout.connect(lambda: self.open_path(path))
            self._start_timer.start(0)

    def image_mode(self) -> ImageMode:
        """The Image mode (its own window), made on first use and shown."""
        if self._image_mode is None:
            self._image_mode = ImageMode(parent=self, store=self.settings.store)
        self._image_mode.view.show()
        self._image_mode.view.raise_()
        return self._image_mode

    @Slot(str)
    def open_path(self, path: str) -> bool:
        """Open a data file (CSV, NPY), a model (``.json``) or a picture (in Image mode).

        A data file loads in a job and is shown when it has loaded; if it cannot be read, a dialog says why
        and what was loaded stays. Returns False only for a file that cannot be opened (a dialog said why).
        This is the boundary of every way a file is opened (a dialog, a drop, the recent files, the command
        line): whatever goes wrong becomes a dialog that names the exception, never a crash.
        """
        try:
            if Path(path).suffix.lower() == ".json":
                return self.sources.open_model(path)
            if is_picture(path):
                self.image_mode().open_path(path)
                return True
            self.sources.open_data(path)
            return True
        except Exception as error:  # the boundary: a bug must not close the window
            self.window.show_error(_tr("Cannot open the file"), error_message(error))
            return False

    @Slot(object, str)
    def _on_source_dataset(self, dataset: Dataset, description: str) -> None:
        self.data_arriving.emit(True)
        cleared = self.new_data.prepare(dataset)  # a preset's K; locks, hand-placed components, a model let go
        if self._set_dataset(dataset, description) and cleared:
            self.window.show_message(cleared, CLEARED_MESSAGE_MS)

    @Slot(object, str)
    def _on_source_model(self, model: LoadedModel, path: str) -> None:
        self.show_model(model, path)

    def show_model(self, model: LoadedModel, path: str, history: tuple[float, ...] = (),
                   message: str | None = None) -> bool:
        """Show ``model`` on the data (or on points drawn from it, if its features differ) and step to its E-step.

        What File > Open model does with a model file ``path`` (a name, for a model that has no file): K and the
        covariance type follow the model and Run continues EM from it (initialisation 'given'). ``history``, the
        mean log-likelihood of every E-step of the fit that made it (a Choose-K cell's), is drawn before the new
        ones; ``message`` replaces the status bar's note. False if it cannot be shown (a dialog said why).
        """
        self.data_arriving.emit(False)
        name = os.path.basename(path)
        dataset = self.session.dataset
        if dataset is None or dataset.n_features != model.params.n_features:
            X, labels = sample(model.params, MODEL_SAMPLE_SIZE, seed=0)
            drawn = Dataset(X, model.feature_names, source=f"model:{path}", labels=labels)
            if not self._set_dataset(drawn, _tr("{0} points drawn from {1}").format(MODEL_SAMPLE_SIZE, name),
                                     reset=False):
                return False
        self.session.model = model
        self.window.use_model(model.params)
        self._settings_timer.stop()
        started = self._start_run(StepTarget.E, history)
        self.window.show_message(message or _tr("Model {0} loaded: Run continues EM from it (initialisation "
                                                "'given').").format(name), 8000)
        return started

    def _set_dataset(self, dataset: Dataset, description: str, reset: bool = True, fit_view: bool = True,
                     clear_undo: bool = True, given: MixtureParams | None = None) -> bool:
        """Show and fit ``dataset``; EM resets to its start if ``reset``; ``clear_undo`` forgets earlier edits;
        ``given`` are components to start from (as if placed by hand).

        Data with values too large to draw (``gui.main.sources.too_large_to_draw``): a dialog says so, everything
        on screen stays, and this returns False.
        """
        if (problem := too_large_to_draw(dataset.X, description)) is not None:
            self.window.show_error(_tr("Cannot show the data"), problem)
            return False
        self.sources.cancel()
        self._stop_active()
        self._forget_run()
        self.point_info.clear()
        session = self.session
        session.set_dataset(dataset, description)
        session.hand_params = given
        n_samples, n_features = dataset.n_samples, dataset.n_features
        features = _tr("1 feature") if n_features == 1 else _tr("{0} features").format(n_features)
        self.window.show_dataset(dataset.feature_names, _tr("{0}: {1} points × {2}").format(description, n_samples,
                                                                                             features),
                                 description, session.painted(), clear_undo=clear_undo,
                                 given_available=session.given_params() is not None)
        self._show_points(fit_view=fit_view)
        if reset:
            self._settings_timer.stop()
            self._start_run(StepTarget.INIT)
        return True

    def _show_points(self, fit_view: bool) -> None:
        dataset = self.session.dataset
        if dataset is None:
            return
        projection = self.session.choose_projection(*self.window.projection_choice())
        if projection is None:
            self.window.show_values(dataset.X[:, 0], dataset.feature_names[0], self.session.view_rows())
        else:
            self.window.show_points(projection.points(dataset.X), projection.axis_names, self.session.view_rows(),
                                    fit_view)

    # --- runs -----------------------------------------------------------------------------------

    def _start_run(self, step_target: StepTarget | None, prior_history: tuple[float, ...] = (),
                   keep_going: bool = False) -> bool:
        """Start a new run (stopping the current one); ``step_target`` starts it stepping, None running;
        ``prior_history`` continues the history of the fit that made the given parameters; ``keep_going`` runs
        it to ``KEEP_GOING_TOL`` (at most ``KEEP_GOING_MAX_ITER`` iterations)."""
        dataset = self.session.dataset
        if dataset is None:
            return False
        try:
            config = self.window.model_config(self.session.given_params())
        except InputError as error:
            self.window.show_error(_tr("These settings cannot be used"), translated_error(str(error)))
            return False
        if keep_going:
            config = replace(config, tol=KEEP_GOING_TOL, max_iter=KEEP_GOING_MAX_ITER, n_init=1)
        if step_target is StepTarget.INIT:
            self.point_info.clear()  # a new start: the hovered point's numbers were of the old parameters
        run_id = self.runner.start(dataset.X, config, self.session.view_indices, self.window.delay_ms() / 1000.0,
                                   step_target, prior_history)
        self.session.begin_run(run_id, config)
        self.window.begin_run(config.n_init, config.tol)
        self._set_state(RunState.RUNNING if step_target is None else RunState.STEPPING)
        return True

    def _stop_active(self) -> None:
        """Stop the current run; its thread ends on its own (never waited for here)."""
        if self.runner.stop():
            self._set_state(RunState.STOPPED)

    def _forget_run(self) -> None:
        """Snapshots of the run so far are not drawn any more (new data, components placed by hand)."""
        self.session.forget_run(self.runner.new_id())
        self.runner.clear_frames()

    def _set_state(self, state: RunState) -> None:
        self.session.state = state
        self.window.set_running(state is RunState.RUNNING)
        self._update_status()

    def is_settled(self) -> bool:
        """True when every snapshot received has been drawn (nothing waits for the frame throttle)."""
        return not self.runner.has_pending

    # --- hooks for lessons ----------------------------------------------------------------------

    def show_data(self, dataset: Dataset | None, description: str, model: LoadedModel | None = None,
                  given: MixtureParams | None = None) -> bool:
        """Show ``dataset`` (None: no points) and reset EM to the start of the Model settings on screen.

        ``model`` is the loaded model to keep and ``given`` the components to start from (initialisation
        'given'): a lesson's data and start, or the user's own again after a lesson. Edits of the points stay
        undoable. False if the data cannot be shown (a dialog said why).
        """
        self.session.model = model
        if dataset is None:
            self._clear_data()
            return True
        if not self._set_dataset(dataset, description, reset=False, clear_undo=False, given=given):
            return False
        self._settings_timer.stop()
        return self._start_run(StepTarget.INIT)

    def continue_from(self, params: MixtureParams, keep_going: bool = False) -> bool:
        """Run EM on from ``params`` with the Model settings on screen (initialisation 'given'; K and the covariance
        type follow ``params``): a lesson's "Keep going"; ``keep_going`` runs to ``KEEP_GOING_TOL`` instead of
        tol. False if it cannot start (a dialog said why)."""
        self.session.hand_params = params
        self.window.use_model(params)
        self._settings_timer.stop()
        return self._start_run(None, keep_going=keep_going)

    @Slot()
    def keep_going(self) -> bool:
        """The Explain panel's Keep going: EM runs on from the parameters on screen as if tol were 0, until the
        user stops it or the log-likelihood changes by less than ``KEEP_GOING_TOL``."""
        shown = self.session.shown
        if shown is None or not isinstance(shown.snapshot.params, MixtureParams):
            return False
        started = self.continue_from(shown.snapshot.params, keep_going=True)
        if started:
            self.window.show_message(_tr("Keep going: EM runs on from here until |change| < {0:g} or "
                                         "{1} iterations; Space pauses, Esc stops.").format(
                KEEP_GOING_TOL, KEEP_GOING_MAX_ITER), 8000)
        return started

    def reset_run(self) -> None:
        """Reset EM to the start of the Model settings on screen (as R does)."""
        self._on_view_reset()

    def stop_fit(self) -> None:
        """Stop the fit and draw none of its snapshots any more (a lesson's own fit takes the screen)."""
        self._settings_timer.stop()
        self._stop_active()
        self._forget_run()

    def take_run_keys(self, keys: RunKeys | None) -> None:
        """Let ``keys`` have Space, N, E, M, R and Esc (a lesson's own fit), or give them back (None)."""
        self._run_keys = keys

    def add_job_owner(self, owner: JobOwner) -> None:
        """Stop and wait for ``owner``'s jobs with the window's own (``shutdown``)."""
        self._job_owners.append(owner)

    # --- user actions ---------------------------------------------------------------------------

    @Slot()
    def _on_view_open_dialog(self) -> None:
        path = self.window.ask_data_path(self.settings.last_folder())
        if path:
            self.open_path(path)

    @Slot()
    def _on_view_projection_changed(self) -> None:
        dataset = self.session.dataset
        if dataset is None or dataset.n_features <= 2:
            return
        self._show_points(fit_view=True)
        if self.session.shown is not None:
            self._draw(self.session.shown)

    @Slot()
    def _on_view_model_settled(self) -> None:
        self._leave_a_model_that_no_longer_fits()
        self._start_run(StepTarget.INIT)

    def _leave_a_model_that_no_longer_fits(self) -> None:
        """Back to k-means++ (and say so) when the initialisation is the loaded model but K or the covariance type
        has changed since."""
        given = self.session.given_params()
        if given is not None and self.window.uses_given() and not self.window.fits_model(given):
            self.window.use_default_init()
            self.window.show_message(_tr("K or the covariance type no longer match the loaded model: EM starts "
                                         "from k-means++ again."), 8000)

    def _settings_changed_since_start(self) -> bool:
        """True if Model settings changed and EM has not been reset for them yet (consumes the change, as the
        pause after a change would: a run key pressed within it starts from the same settings)."""
        if self._settings_timer.isActive():
            self._settings_timer.stop()
            self._leave_a_model_that_no_longer_fits()
            return True
        return False

    @Slot()
    def _on_view_run_pause(self) -> None:
        if self._run_keys is not None:
            self._run_keys.run_pause()
            return
        control = self.runner.control
        if control is None or self._settings_changed_since_start():
            self._start_run(None)
        elif control.running:
            control.pause()
            self._set_state(RunState.PAUSED)
        else:
            control.resume()
            self._set_state(RunState.RUNNING)

    def _on_view_step(self, target: StepTarget) -> None:
        if self._run_keys is not None:
            self._run_keys.step(target)
        elif self._settings_changed_since_start():
            self._start_run(target)
        elif self.runner.control is not None:
            self.runner.control.step_to(target)
            self._set_state(RunState.STEPPING)
        elif self.session.fit_has_ended():
            self.window.show_message(_tr("EM has finished: press R to go back to the start, or Space to run again."),
                                     6000)
        else:
            self._start_run(target)

    @Slot()
    def _on_view_reset(self) -> None:
        if self._run_keys is not None:
            self._run_keys.reset()
            return
        self._settings_timer.stop()
        self._start_run(StepTarget.INIT)

    @Slot()
    def _on_view_stop(self) -> None:
        if self._run_keys is not None:
            self._run_keys.stop()
        elif self.runner.active is not None:
            self._stop_active()
            self.window.show_message(_tr("Stopped: Space starts EM again from the beginning."), 6000)

    @Slot()
    def _on_view_fit_view(self) -> None:
        if self.session.dataset is not None:
            self._show_points(fit_view=True)
            if self.session.shown is not None:
                self._draw(self.session.shown)

    @Slot(int)
    def _on_view_start_clicked(self, start: int) -> None:
        """Show the last snapshot of one start of the run (while EM is not running)."""
        session = self.session
        progress = session.start_snapshots.get(start)
        if progress is None or session.state is RunState.RUNNING:
            return
        self._draw(progress)
        if session.latest is not None:  # the strip keeps every start, not only those before this one
            self.window.show_starts(session.latest.snapshot.start_log_likelihoods, start)
        self.window.show_message(_tr("Start {0}: final mean log-likelihood {1:.6g}.").format(
            start, progress.snapshot.mean_log_likelihood), 6000)

    @Slot()
    def _on_edit_started(self) -> None:
        if self.runner.active is not None or self.runner.has_pending:
            self._stop_active()
            self._forget_run()  # late snapshots must not undo the edit

    @Slot(object, bool)
    def _on_data_edited(self, dataset: Dataset | None, enough: bool) -> None:
        """Painted data (an edit done, undone or redone) becomes the data set; EM resets if there are K points."""
        self.data_arriving.emit(True)
        if dataset is not None:
            self._set_dataset(dataset, _tr("painted"), reset=enough, fit_view=False, clear_undo=False)
        else:
            self._clear_data()

    def _clear_data(self) -> None:
        """No points at all: an empty canvas to paint on."""
        self.sources.cancel()
        self._stop_active()
        self._forget_run()
        self.session.clear_dataset()
        self.point_info.clear()
        self.window.show_no_points(self.session.painted(), DEFAULT_FEATURES,
                                   _tr("No points: turn on Paint points and drag on the canvas."))

    @Slot()
    def _on_view_closing(self) -> None:
        self.window.save_settings(self.settings)
        self.shutdown(SHUTDOWN_TIMEOUT_MS)

    def shutdown(self, timeout_ms: int) -> bool:
        """Stop every run and job and wait for their threads; True if all ended.

        Waits at most ``timeout_ms`` in all, and never past the end of the first shutdown's wait (closing the
        window shuts down, and so does quitting after it: a stuck job is not waited for twice).
        """
        self._settings_timer.stop()
        self._stop_active()
        self._start_timer.stop()
        owners: list = [self.runner, self.sources, self.exporter, *self._job_owners]
        if self._image_mode is not None:
            self._image_mode.stop_all()
            self._image_mode.view.close()
            owners.append(self._image_mode)
        for owner in owners:  # every job is told to stop before any is waited for
            owner.shutdown(0)
        deadline = time.monotonic() + timeout_ms / 1000.0
        if self._shutdown_deadline is not None:  # closing waited already: quitting does not wait again as long
            deadline = min(deadline, max(self._shutdown_deadline, time.monotonic()))
        self._shutdown_deadline = deadline
        ended = True
        for owner in owners:
            ended = owner.shutdown(max(0, int(1000 * (deadline - time.monotonic())))) and ended
        return ended

    # --- the fit runs ---------------------------------------------------------------------------

    @Slot(int, object)
    def _on_fit_progressed(self, run_id: int, progress: FitProgress) -> None:
        if self.session.receive(run_id, progress):  # False for a late snapshot of a run that was replaced
            self.runner.submit(run_id, progress)

    @Slot(int)
    def _on_fit_paused(self, run_id: int) -> None:
        if run_id == self.session.run_id and self.runner.active is not None:
            self._set_state(RunState.PAUSED)

    @Slot(int, str)
    def _on_fit_failed(self, run_id: int, message: str) -> None:
        if run_id != self.session.run_id:
            return
        self._set_state(RunState.FAILED)
        self.window.show_error(_tr("EM stopped with an error"), message)

    @Slot(int, bool)
    def _on_fit_finished(self, run_id: int, was_active: bool) -> None:
        if was_active and run_id == self.session.run_id:
            self._set_state(RunState.FINISHED if self.session.fit_has_ended() else RunState.STOPPED)
        self.run_ended.emit(run_id)

    # --- drawing --------------------------------------------------------------------------------

    def _draw_newest(self, run_id: int, progress: FitProgress) -> None:
        if run_id == self.session.run_id:
            self._draw(progress, run_id)

    def _draw(self, progress: FitProgress, run_id: int | None = None) -> None:
        """Draw a snapshot of run ``run_id`` (the current run if None)."""
        frame = self.session.frame(progress)
        if frame is None:
            return
        self.window.show_frame(frame)
        self.session.shown = progress
        self.point_info.refresh()  # the hovered point's numbers follow every snapshot drawn
        self._update_status()
        if run_id is not None and (events := self.session.new_reseeds(progress)):
            self.window.show_message(reseed_text(events, frame.n_init), RESEED_MESSAGE_MS)
        self.frame_drawn.emit(self.session.run_id if run_id is None else run_id, progress.snapshot)

    def _update_status(self) -> None:
        self.window.show_status(status_texts(self.session.state.value, self.session.shown))
