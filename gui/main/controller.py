"""The one place where the window, the worker and the engine meet.

Handlers are named by where the event comes from: ``_on_view_*`` for the user's actions in the window,
``_on_worker_*`` for the fit worker's signals. The worker's snapshots are not drawn as they come: the
newest is kept in ``_pending`` and drawn by a single-shot timer, at most about 60 times a second, so a
fast fit never waits for the screen and a slow screen only drops frames. Every run has a new, higher id;
signals of older runs are dropped.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from engine.config import FitConfig
from engine.covariance import CovarianceType
from engine.em import FitResult, HalfStep
from engine.errors import GMMError, InputError
from engine.io.model_json import LoadedModel, load_model
from engine.io.tables import Dataset, load_data, save_csv_atomic
from engine.model import predict_proba, sample, score
from engine.params import MixtureParams
from engine.presets import generate
from gui.image.window import ImageMode, is_picture
from gui.main import exports as files
from gui.main.fit_worker import FitProgress, FitRun, FitWorker, RunControl, StepTarget
from gui.main.status import status_texts
from gui.main.window import APP_TITLE, MainWindow
from gui.panels import DataRequest, DisplayOptions
from gui.settings import Settings
from gui.views.hand_edit import HandMixture, to_params
from gui.views.paint import DataEdit, PaintedData
from gui.views.projection import Projection, feature_projection, pca_projection

#: Up to this many points carry their responsibilities in every snapshot; above it, a fixed random subset.
VIEW_MAX_POINTS = 20_000
#: Shortest time between two redraws, in milliseconds (at most ~60 a second). After a frame that took
#: longer to draw and paint, the next waits as long as that frame took, so the window stays responsive.
DRAW_INTERVAL_MS = 16
#: Longest wait between two redraws, in milliseconds.
MAX_DRAW_INTERVAL_MS = 200
#: A change of the Model settings resets EM after this quiet time (a dragged slider resets once).
SETTINGS_QUIET_MS = 250
#: Points drawn from a loaded model whose features do not match the data on screen.
MODEL_SAMPLE_SIZE = 1000
#: Feature names of data painted on an empty canvas.
DEFAULT_FEATURES = ("x0", "x1")
#: How long closing the window waits for a running fit to stop.
SHUTDOWN_TIMEOUT_MS = 5000


def _tr(text: str) -> str:
    return QCoreApplication.translate("Controller", text)


class RunState(Enum):
    """What the fit on screen is doing."""

    IDLE = "idle"
    RUNNING = "running"
    STEPPING = "stepping"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"
    FAILED = "failed"


class Controller(QObject):
    """Connects the main window's views and actions to the fit worker and the engine.

    Parameters
    ----------
    window : MainWindow
    settings : Settings

    Signals
    -------
    frame_drawn(int, object)
        After a snapshot was drawn: its run id and ``EMSnapshot``.
    run_ended(int)
        A run's worker has finished (stopped, failed or done): its run id.
    """

    frame_drawn = Signal(int, object)
    run_ended = Signal(int)

    def __init__(self, window: MainWindow, settings: Settings) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.dataset: Dataset | None = None
        self.projection: Projection | None = None
        self.view_indices: NDArray[np.intp] | None = None  # samples whose responsibilities snapshots carry
        self.model: LoadedModel | None = None  # a loaded model: initialisation "given" starts from it
        self.hand_params: MixtureParams | None = None  # components placed by hand: "given" starts from these
        self._applying_edit = False  # True while an undoable data edit replaces the data set
        self._start_snapshots: dict[int, FitProgress] = {}  # the newest snapshot of each start of the run
        self.config: FitConfig | None = None  # of the current run
        self.state = RunState.IDLE
        self.run_id = 0
        self._runs: dict[int, FitRun] = {}  # every run whose thread has not finished yet
        self._image_mode: ImageMode | None = None  # the Image mode window, made when first needed
        self._active: FitRun | None = None  # the current run while its worker works
        self._latest: FitProgress | None = None  # newest snapshot of the current run
        self._pending: tuple[int, FitProgress] | None = None  # newest snapshot not drawn yet, with its run id
        self.shown: FitProgress | None = None  # the snapshot on screen
        self._draw_timer = QTimer(self)
        self._draw_timer.setSingleShot(True)
        self._draw_timer.setInterval(DRAW_INTERVAL_MS)
        self._draw_timer.timeout.connect(self._draw_pending)
        self._settings_timer = QTimer(self)
        self._settings_timer.setSingleShot(True)
        self._settings_timer.setInterval(SETTINGS_QUIET_MS)
        self._settings_timer.timeout.connect(self._on_view_model_settled)
        self._connect_view()
        self._restore_settings()

    # --- wiring ---------------------------------------------------------------------------------

    def _connect_view(self) -> None:
        w = self.window
        connections = [
            (w.data_panel.generate_requested, self._on_view_generate),
            (w.data_panel.open_requested, self._on_view_open_dialog),
            (w.data_panel.projection_changed, self._on_view_projection_changed),
            (w.model_panel.changed, self._settings_timer.start),
            (w.run_panel.delay_changed, self._on_view_delay_changed),
            (w.display_panel.changed, self._on_view_display_changed),
            (w.open_data_action.triggered, self._on_view_open_dialog),
            (w.open_model_action.triggered, self._on_view_open_model_dialog),
            (w.export_model_action.triggered, self._on_view_export_model),
            (w.export_labels_action.triggered, self._on_view_export_labels),
            (w.save_png_action.triggered, self._on_view_save_png),
            (w.quit_action.triggered, w.close),
            (w.run_pause_action.triggered, self._on_view_run_pause),
            (w.stop_action.triggered, self._on_view_stop),
            (w.step_action.triggered, lambda: self._on_view_step(StepTarget.M)),
            (w.e_step_action.triggered, lambda: self._on_view_step(StepTarget.E)),
            (w.m_step_action.triggered, lambda: self._on_view_step(StepTarget.M)),
            (w.reset_action.triggered, self._on_view_reset),
            (w.fit_view_action.triggered, self._on_view_fit_view),
            (w.shortcuts_action.triggered, w.show_shortcuts),
            (w.about_action.triggered, w.show_about),
            (w.file_dropped, self.open_path),
            (w.open_picture_action.triggered, lambda: self.image_mode().open_dialog()),
            (w.recent_requested, self.open_path),
            (w.closing, self._on_view_closing),
            (w.hand_editor.edited, self._on_view_hand_edited),
            (w.point_hover.hovered, self._on_view_point_hovered),
            (w.paint_tool.edited, self._on_view_painted),
            (w.paint_panel.clear_requested, self._on_view_clear_data),
            (w.export_data_action.triggered, self._on_view_export_data),
            (w.restarts.start_clicked, self._on_view_start_clicked),
        ]
        for signal, slot in connections:
            signal.connect(slot)

    def _restore_settings(self) -> None:
        w = self.window
        values = self.settings.controls()
        w.model_panel.restore(values)
        w.display_panel.restore(values)
        try:
            w.run_panel.delay.setValue(int(values.get("delay_ms", 0)))
        except (TypeError, ValueError):
            pass
        w.canvas.set_options(w.display_panel.options())
        w.histogram.set_hard_labels(w.display_panel.options().hard_labels)
        w.set_recent_files(self.settings.recent_files())
        for key, restore in (("geometry", w.restoreGeometry), ("state", w.restoreState),
                             ("main_splitter", w.main_splitter.restoreState),
                             ("right_splitter", w.right_splitter.restoreState)):
            value = self.settings.geometry(key)
            if value is not None:
                restore(value)

    def _save_settings(self) -> None:
        w = self.window
        values = {**w.model_panel.state(), **w.display_panel.state(), "delay_ms": w.run_panel.delay_ms()}
        self.settings.set_controls(values)
        for key, value in (("geometry", w.saveGeometry()), ("state", w.saveState()),
                           ("main_splitter", w.main_splitter.saveState()),
                           ("right_splitter", w.right_splitter.saveState())):
            self.settings.set_geometry(key, value)
        self.settings.sync()

    # --- start-up and files ---------------------------------------------------------------------

    def start(self, path: str | None = None) -> None:
        """Show the demo data set (and open ``path`` over it, if given), reset to EM's starting parameters."""
        self._on_view_generate(self.window.data_panel.request())
        if path:
            self.open_path(path)

    def image_mode(self) -> ImageMode:
        """The Image mode (its own window), made on first use and shown."""
        if self._image_mode is None:
            self._image_mode = ImageMode(parent=self)
        self._image_mode.view.show()
        self._image_mode.view.raise_()
        return self._image_mode

    @Slot(str)
    def open_path(self, path: str) -> bool:
        """Open a data file (CSV, NPY) or, for ``.json``, a model; on failure explain why and keep everything."""
        if Path(path).suffix.lower() == ".json":
            return self._open_model(path)
        if is_picture(path):
            self.image_mode().open_path(path)
            return True
        try:
            with _busy():
                dataset = load_data(path)
        except InputError as error:
            self._file_failed(path, _tr("Cannot open the data file"), error)
            return False
        self.settings.remember_file(path)
        self.window.set_recent_files(self.settings.recent_files())
        self._set_dataset(dataset, os.path.basename(path))
        return True

    def _open_model(self, path: str) -> bool:
        try:
            model = load_model(path)
        except InputError as error:
            self._file_failed(path, _tr("Cannot open the model"), error)
            return False
        self.settings.remember_file(path)
        self.window.set_recent_files(self.settings.recent_files())
        name = os.path.basename(path)
        if self.dataset is None or self.dataset.n_features != model.params.n_features:
            X, labels = sample(model.params, MODEL_SAMPLE_SIZE, seed=0)
            dataset = Dataset(X, model.feature_names, source=f"model:{path}", labels=labels)
            self._set_dataset(dataset, _tr("{0} points drawn from {1}").format(MODEL_SAMPLE_SIZE, name), reset=False)
        self.model = model
        self.window.model_panel.use_model(model.params)
        self._settings_timer.stop()
        self._start_run(StepTarget.E)
        self.window.statusBar().showMessage(
            _tr("Model {0} loaded: Run continues EM from it (initialisation 'given').").format(name), 8000)
        return True

    def _file_failed(self, path: str, title: str, error: InputError) -> None:
        if not os.path.exists(path) and path in self.settings.recent_files():
            self.settings.forget_file(path)
            self.window.set_recent_files(self.settings.recent_files())
        self._show_error(title, str(error))

    def _set_dataset(self, dataset: Dataset, description: str, reset: bool = True, fit_view: bool = True) -> None:
        self._stop_active()
        self.run_id += 1  # late snapshots of the old data's run are dropped from here on
        self.dataset = dataset
        n_samples = dataset.n_samples
        if n_samples <= VIEW_MAX_POINTS:
            self.view_indices = np.arange(n_samples)
        else:
            rng = np.random.default_rng(0)
            self.view_indices = np.sort(rng.choice(n_samples, VIEW_MAX_POINTS, replace=False))
        if self.model is not None and self.model.params.n_features != dataset.n_features:
            self.model = None
        self.hand_params = None
        self.window.hand_editor.set_mixture(None)
        self.window.hand_editor.set_enabled(dataset.n_features == 2)
        self.window.paint_tool.set_data(_painted(dataset), dataset.n_features == 2)
        if not self._applying_edit:
            self.window.undo_stack.clear()  # edits of the data before it cannot be undone into this one
        self.window.model_panel.set_given_available(self.model is not None)
        self.window.data_panel.set_features(dataset.feature_names)
        features = _tr("1 feature") if dataset.n_features == 1 else _tr("{0} features").format(dataset.n_features)
        self.window.data_panel.set_source(_tr("{0}: {1} points × {2}").format(description, n_samples, features))
        self.window.setWindowTitle(f"{APP_TITLE} — {description}")
        self._latest = self._pending = self.shown = None
        self.window.show_data_view(dataset.n_features == 1)
        self.window.display_panel.set_one_dimensional(dataset.n_features == 1)
        self._show_points(fit_view=fit_view)
        self.window.canvas.clear_mixture()
        self.window.histogram.clear_mixture()
        self.window.convergence.reset(0.0)
        if reset:
            self._settings_timer.stop()
            self._start_run(StepTarget.INIT)

    def _view_rows(self) -> NDArray[np.intp] | None:
        """Rows of the data that responsibilities come for, or None for all of them."""
        if self.dataset is None or self.view_indices is None or len(self.view_indices) == self.dataset.n_samples:
            return None
        return self.view_indices

    def _show_points(self, fit_view: bool) -> None:
        dataset = self.dataset
        if dataset is None:
            return
        self.window.point_hover.set_points(np.empty((0, 2)))
        if dataset.n_features == 1:
            self.projection = None
            self.window.histogram.set_values(dataset.X[:, 0], dataset.feature_names[0], self._view_rows())
            return
        kind, first, second = self.window.data_panel.projection_choice()
        if dataset.n_features > 2 and kind == "pca":
            self.projection = pca_projection(dataset.X)
        elif dataset.n_features > 2:
            self.projection = feature_projection(dataset.feature_names, first, second)
        else:
            self.projection = feature_projection(dataset.feature_names, 0, 1)
        points = self.projection.points(dataset.X)
        self.window.canvas.set_points(points, self.projection.axis_names, self._view_rows(), fit_view=fit_view)
        self.window.point_hover.set_points(points)

    # --- runs -----------------------------------------------------------------------------------

    def _start_run(self, step_target: StepTarget | None) -> bool:
        """Start a new run (stopping the current one); ``step_target`` starts it stepping, None running."""
        if self.dataset is None:
            return False
        try:
            config = self.window.model_panel.config(self._given_params())
        except InputError as error:
            self._show_error(_tr("These settings cannot be used"), str(error))
            return False
        self._stop_active()
        self.run_id += 1
        control = RunControl(self.window.run_panel.delay_ms() / 1000.0, step_target)
        worker = FitWorker(self.run_id, self.dataset.X, config, self.view_indices, control)
        worker.snapshot_ready.connect(self._on_worker_snapshot)
        worker.paused.connect(self._on_worker_paused)
        worker.failed.connect(self._on_worker_failed)
        worker.finished.connect(self._on_worker_finished)
        run = FitRun(worker)
        run.thread_done.connect(self._on_thread_done)
        self._runs[self.run_id] = run
        self._active = run
        self.config = config
        self._latest = self._pending = None
        self._start_snapshots = {}
        self.window.restarts.set_starts((), None)
        self.window.restarts.setVisible(config.n_init > 1)
        self.window.convergence.reset(config.tol)
        self._set_state(RunState.RUNNING if step_target is None else RunState.STEPPING)
        run.start()
        return True

    def _stop_active(self) -> None:
        """Ask the current run to stop; its thread ends on its own (never waited for here)."""
        if self._active is not None:
            self._active.control.request_stop()
            self._active = None
            self._set_state(RunState.STOPPED)

    def _set_state(self, state: RunState) -> None:
        self.state = state
        self.window.set_running(state is RunState.RUNNING)
        self._update_status()

    def _given_params(self) -> MixtureParams | None:
        """What initialisation 'given' starts from: components placed by hand, else the loaded model."""
        if self.hand_params is not None:
            return self.hand_params
        return self.model.params if self.model is not None else None

    def is_settled(self) -> bool:
        """True when every snapshot received has been drawn (nothing is waiting for the draw timer)."""
        return self._pending is None

    def _fit_has_ended(self) -> bool:
        return self._latest is not None and self._latest.snapshot.done

    # --- user actions ---------------------------------------------------------------------------

    @Slot(object)
    def _on_view_generate(self, request: DataRequest) -> None:
        try:
            with _busy():
                dataset = generate(request.preset, n=request.n, k=request.k, d=request.d, seed=request.seed)
        except InputError as error:
            self._show_error(_tr("Cannot generate the data"), str(error))
            return
        self._set_dataset(dataset, request.preset)

    @Slot()
    def _on_view_open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, _tr("Open data or model"), self.settings.last_folder(),
            _tr("Data or model (*.csv *.txt *.tsv *.npy *.json);;Data (*.csv *.txt *.tsv *.npy);;"
                "Model (*.json);;Picture, opens in Image mode (*.png *.jpg *.jpeg *.bmp *.tif *.tiff);;"
                "All files (*)"))
        if path:
            self.open_path(path)

    @Slot()
    def _on_view_open_model_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, _tr("Open model"), self.settings.last_folder(),
                                              _tr("Model (*.json);;All files (*)"))
        if path:
            self._open_model(path)

    @Slot()
    def _on_view_projection_changed(self) -> None:
        if self.dataset is None or self.dataset.n_features <= 2:
            return
        self._show_points(fit_view=True)
        if self.shown is not None:
            self._draw(self.shown)

    @Slot()
    def _on_view_model_settled(self) -> None:
        panel = self.window.model_panel
        given = self._given_params()
        if given is not None and panel.uses_given() and not panel.fits_model(given):
            panel.use_default_init()
            self.window.statusBar().showMessage(
                _tr("K or the covariance type no longer match the loaded model: EM starts from k-means++ "
                    "again."), 8000)
        self._start_run(StepTarget.INIT)

    @Slot(int)
    def _on_view_delay_changed(self, milliseconds: int) -> None:
        if self._active is not None:
            self._active.control.set_delay(milliseconds / 1000.0)

    @Slot(object)
    def _on_view_display_changed(self, options: DisplayOptions) -> None:
        self.window.canvas.set_options(options)
        self.window.histogram.set_hard_labels(options.hard_labels)

    def _settings_changed_since_start(self) -> bool:
        """True if Model settings changed and EM has not been reset for them yet (consumes the change)."""
        if self._settings_timer.isActive():
            self._settings_timer.stop()
            return True
        return False

    @Slot()
    def _on_view_run_pause(self) -> None:
        run = self._active
        if run is None or self._settings_changed_since_start():
            self._start_run(None)
        elif run.control.running:
            run.control.pause()
            self._set_state(RunState.PAUSED)
        else:
            run.control.resume()
            self._set_state(RunState.RUNNING)

    def _on_view_step(self, target: StepTarget) -> None:
        if self._settings_changed_since_start():
            self._start_run(target)
        elif self._active is not None:
            self._active.control.step_to(target)
            self._set_state(RunState.STEPPING)
        elif self._fit_has_ended():
            self.window.statusBar().showMessage(
                _tr("EM has finished: press R to go back to the start, or Space to run again."), 6000)
        else:
            self._start_run(target)

    @Slot()
    def _on_view_reset(self) -> None:
        self._settings_timer.stop()
        self._start_run(StepTarget.INIT)

    @Slot(object, bool)
    def _on_view_hand_edited(self, mixture: HandMixture, finished: bool) -> None:
        """A component moved, stretched, added or removed by hand: it becomes EM's starting point."""
        if self._active is not None or self._pending is not None:
            self._stop_active()
            self.run_id += 1  # late snapshots must not undo the edit
            self._pending = None
        self._latest = None
        canvas = self.window.canvas
        canvas.show_mixture(mixture.weights, mixture.means, mixture.covariances)
        if not finished or self.dataset is None:
            return
        panel = self.window.model_panel
        try:
            params = to_params(mixture, CovarianceType(panel.covariance_type.currentData()))
        except GMMError as error:
            self._show_error(_tr("These components cannot be used"), str(error))
            return
        self.hand_params = params
        panel.use_model(params)
        full = params.full_covariances()
        self.window.hand_editor.set_mixture(HandMixture(params.weights, params.means, full))
        canvas.show_mixture(params.weights, params.means, full)
        resp = predict_proba(params, self.dataset.X[self.view_indices])
        canvas.show_assignment(None, resp)
        self.window.explain_panel.show_note(_tr("Components placed by hand: R shows them as EM's start,\n"
                                                "E takes the first E-step from them."))
        self.window.statusBar().showMessage(
            _tr("{0} components placed by hand: Space runs EM from them (initialisation 'given').")
            .format(params.n_components), 8000)

    @Slot(int)
    def _on_view_point_hovered(self, row: int) -> None:
        """Show the hovered point's responsibilities under the parameters on screen."""
        params = self.shown.snapshot.params if self.shown is not None else None
        if self.hand_params is not None and self._latest is None:
            params = self.hand_params  # edited by hand since the last snapshot
        if row < 0 or params is None or self.dataset is None:
            self.window.explain_panel.show_point(None)
            return
        x = self.dataset.X[row]
        self.window.explain_panel.show_point(row, x, predict_proba(params, x[None])[0])

    @Slot(object, bool)
    def _on_view_painted(self, data: PaintedData, finished: bool) -> None:
        """A brush or eraser stroke: shown as it goes, one undoable edit when the mouse is released."""
        if not finished:
            names = self.dataset.feature_names if self.dataset is not None else DEFAULT_FEATURES
            self.window.canvas.set_points(data[0], names, None, fit_view=False)
            return
        before = _painted(self.dataset)
        text = _tr("Erase") if self.window.paint_panel.eraser.isChecked() else _tr("Paint")
        self.window.undo_stack.push(DataEdit(text, before, data, self._apply_data_edit))

    @Slot()
    def _on_view_clear_data(self) -> None:
        empty = (np.empty((0, 2)), np.empty(0, dtype=np.int64))
        self.window.undo_stack.push(DataEdit(_tr("Clear"), _painted(self.dataset), empty, self._apply_data_edit))

    def _apply_data_edit(self, data: PaintedData) -> None:
        """Make ``data`` (points and true classes) the data set; EM resets to its start if there are enough."""
        points, labels = data
        window = self.window
        if len(points) == 0:
            self._stop_active()
            self.run_id += 1
            self.dataset = None
            self._latest = self._pending = self.shown = None
            window.canvas.set_points(np.empty((0, 2)), DEFAULT_FEATURES, None, fit_view=False)
            window.canvas.clear_mixture()
            window.point_hover.set_points(np.empty((0, 2)))
            window.hand_editor.set_mixture(None)
            window.paint_tool.set_data(data, True)
            window.data_panel.set_source(_tr("No points: turn on Paint points and drag on the canvas."))
            return
        names = self.dataset.feature_names if self.dataset is not None else DEFAULT_FEATURES
        dataset = Dataset(points, names, source="painted", labels=labels)
        enough = len(points) >= window.model_panel.n_components.value()
        self._applying_edit = True
        try:
            self._set_dataset(dataset, _tr("painted"), reset=enough, fit_view=False)
        finally:
            self._applying_edit = False

    @Slot()
    def _on_view_export_data(self) -> None:
        dataset = self.dataset
        if dataset is None:
            self._show_error(_tr("Nothing to export"), _tr("There are no points."))
            return
        path = files.ask_save_path(self.window, self.settings, _tr("Export data"), "data.csv", _tr("CSV (*.csv)"))
        if not path:
            return
        header, rows, fmt = list(dataset.feature_names), dataset.X, "%r"
        if dataset.labels is not None:
            header.append("label")
            rows = np.column_stack([dataset.X, dataset.labels])
            fmt = ["%r"] * dataset.n_features + ["%d"]
        try:
            save_csv_atomic(path, header, rows, fmt=fmt)
        except (GMMError, OSError) as error:
            self._show_error(_tr("Cannot export the data"), str(error))
            return
        self.window.statusBar().showMessage(_tr("Data saved to {0}").format(path), 6000)

    @Slot(int)
    def _on_view_start_clicked(self, start: int) -> None:
        """Show the last snapshot of one start of the run (while EM is not running)."""
        progress = self._start_snapshots.get(start)
        if progress is None or self.state is RunState.RUNNING:
            return
        self._draw(progress)
        if self._latest is not None:  # the strip keeps every start, not only those before this one
            self.window.restarts.set_starts(self._latest.snapshot.start_log_likelihoods, start)
        self.window.statusBar().showMessage(
            _tr("Start {0}: final mean log-likelihood {1:.6g}.").format(start, progress.snapshot.mean_log_likelihood),
            6000)

    @Slot()
    def _on_view_stop(self) -> None:
        if self._active is not None:
            self._stop_active()
            self.window.statusBar().showMessage(_tr("Stopped: Space starts EM again from the beginning."), 6000)

    @Slot()
    def _on_view_fit_view(self) -> None:
        if self.dataset is not None:
            self._show_points(fit_view=True)
            if self.shown is not None:
                self._draw(self.shown)

    @Slot()
    def _on_view_export_model(self) -> None:
        progress = self._latest or self.shown
        if progress is None or self.dataset is None or self.config is None:
            self._show_error(_tr("Nothing to export"), _tr("There is no fit yet: press Space to run EM first."))
            return
        path = files.ask_save_path(self.window, self.settings, _tr("Export model"), "model.json",
                                   _tr("JSON model (*.json)"))
        if not path:
            return
        snapshot = progress.snapshot
        try:
            with _busy():
                result = FitResult(snapshot.params, snapshot.iteration, snapshot.converged, snapshot.history,
                                   score(snapshot.params, self.dataset.X), self.dataset.n_samples, self.config,
                                   snapshot.start_log_likelihoods)
                files.save_model(path, result, self.dataset.feature_names)
        except GMMError as error:
            self._show_error(_tr("Cannot export the model"), str(error))
            return
        self.window.statusBar().showMessage(_tr("Model saved to {0}").format(path), 6000)

    @Slot()
    def _on_view_export_labels(self) -> None:
        progress = self._latest or self.shown
        if progress is None or self.dataset is None:
            self._show_error(_tr("Nothing to export"), _tr("There is no fit yet: press Space to run EM first."))
            return
        path = files.ask_save_path(self.window, self.settings, _tr("Export labels and responsibilities"),
                                   "labels.csv", _tr("CSV (*.csv)"))
        if not path:
            return
        try:
            with _busy():
                files.save_labels(path, predict_proba(progress.snapshot.params, self.dataset.X))
        except GMMError as error:
            self._show_error(_tr("Cannot export the labels"), str(error))
            return
        self.window.statusBar().showMessage(_tr("Labels and responsibilities saved to {0}").format(path), 6000)

    @Slot()
    def _on_view_save_png(self) -> None:
        path = files.ask_save_path(self.window, self.settings, _tr("Save canvas as PNG"), "canvas.png",
                                   _tr("PNG image (*.png)"))
        if not path:
            return
        try:
            files.save_png(path, self.window.current_view().grab())
        except OSError as error:
            self._show_error(_tr("Cannot save the picture"), str(error))
            return
        self.window.statusBar().showMessage(_tr("Picture saved to {0}").format(path), 6000)

    @Slot()
    def _on_view_closing(self) -> None:
        self._save_settings()
        self.shutdown(SHUTDOWN_TIMEOUT_MS)

    def shutdown(self, timeout_ms: int) -> bool:
        """Ask every run to stop and wait for their threads (at most ``timeout_ms`` in all); True if all ended."""
        self._draw_timer.stop()
        self._settings_timer.stop()
        self._stop_active()
        for run in self._runs.values():
            run.control.request_stop()
        if self._image_mode is not None:
            self._image_mode.shutdown(timeout_ms)
            self._image_mode.view.close()
        deadline = time.monotonic() + timeout_ms / 1000.0
        for run in list(self._runs.values()):
            if not run.wait(max(0, int(1000 * (deadline - time.monotonic())))):
                return False
        return True

    # --- worker signals -------------------------------------------------------------------------

    @Slot(int, object)
    def _on_worker_snapshot(self, run_id: int, progress: FitProgress) -> None:
        if run_id != self.run_id:
            return  # a late snapshot of a run that was replaced
        self._latest = progress
        self._start_snapshots[progress.snapshot.start] = progress
        self._pending = (run_id, progress)
        if not self._draw_timer.isActive():
            self._draw_timer.start()

    @Slot(int)
    def _on_worker_paused(self, run_id: int) -> None:
        if run_id == self.run_id and self._active is not None:
            self._set_state(RunState.PAUSED)

    @Slot(int, str)
    def _on_worker_failed(self, run_id: int, message: str) -> None:
        if run_id != self.run_id:
            return
        self._active = None
        self._set_state(RunState.FAILED)
        self._show_error(_tr("EM stopped with an error"), message)

    @Slot(int)
    def _on_worker_finished(self, run_id: int) -> None:
        if run_id == self.run_id and self._active is not None and self._active.run_id == run_id:
            self._active = None
            self._set_state(RunState.FINISHED if self._fit_has_ended() else RunState.STOPPED)
        self.run_ended.emit(run_id)

    @Slot(int)
    def _on_thread_done(self, run_id: int) -> None:
        self._runs.pop(run_id, None)

    # --- drawing --------------------------------------------------------------------------------

    @Slot()
    def _draw_pending(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None and pending[0] == self.run_id:
            control = self._active.control if self._active is not None else None
            if control is not None:
                control.frame_started()  # the worker pauses between half-steps while the frame is painted
            started = time.perf_counter()
            self._draw(pending[1], pending[0])
            # A zero timer fires once the paint events the draw caused have been handled.
            QTimer.singleShot(0, self, lambda: self._on_frame_painted(started, control))

    def _on_frame_painted(self, started: float, control: RunControl | None) -> None:
        if control is not None:
            control.frame_finished()
        cost_ms = 1000.0 * (time.perf_counter() - started)
        self._draw_timer.setInterval(int(min(MAX_DRAW_INTERVAL_MS, max(DRAW_INTERVAL_MS, cost_ms))))

    def _draw(self, progress: FitProgress, run_id: int | None = None) -> None:
        """Draw a snapshot of run ``run_id`` (the current run if None)."""
        snapshot = progress.snapshot
        params = snapshot.params
        window = self.window
        if self.dataset is None or params.n_features != self.dataset.n_features:
            return
        labels, resp = snapshot.labels, snapshot.view_resp
        previous = self.shown.snapshot if self.shown is not None else None
        window.step_trail.clear()
        if self.projection is None:
            variances = params.full_covariances()[:, 0, 0]
            window.histogram.show_mixture(params.weights, params.means[:, 0], variances)
            window.histogram.show_assignment(labels, resp)
        else:
            covariances = self.projection.covariances(params.full_covariances())
            means = self.projection.means(params.means)
            window.canvas.show_mixture(params.weights, means, covariances)
            if params.n_features == 2:
                window.hand_editor.set_mixture(HandMixture(params.weights, means, covariances))
            if (snapshot.half_step is HalfStep.M and previous is not None and previous.half_step is HalfStep.E
                    and previous.iteration == snapshot.iteration and previous.start == snapshot.start
                    and previous.params.n_components == params.n_components):
                old = previous.params
                window.step_trail.show_step(self.projection.means(old.means),
                                            self.projection.covariances(old.full_covariances()), means)
            window.canvas.show_assignment(labels, resp)
        window.convergence.show_snapshot(snapshot, self.config.n_init if self.config else 1)
        window.explain_panel.show_snapshot(snapshot, self.dataset.n_samples)
        window.restarts.set_starts(snapshot.start_log_likelihoods, snapshot.start)
        self.shown = progress
        self._update_status()
        self.frame_drawn.emit(self.run_id if run_id is None else run_id, snapshot)

    def _update_status(self) -> None:
        texts = status_texts(self.state.value, self.shown)
        window = self.window
        for label, text in zip((window.status_state, window.status_iteration, window.status_likelihood,
                                window.status_change, window.status_speed), texts, strict=True):
            label.setText(text)

    def _show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self.window, title, message)


def _painted(dataset: Dataset | None) -> PaintedData:
    """The points and true classes of a 2-D data set (class 0 where it has none), or nothing."""
    if dataset is None or dataset.n_features != 2:
        return np.empty((0, 2)), np.empty(0, dtype=np.int64)
    labels = dataset.labels if dataset.labels is not None else np.zeros(dataset.n_samples, dtype=np.int64)
    return np.array(dataset.X), np.array(labels)


@contextmanager
def _busy() -> Iterator[None]:
    """Show the wait cursor while the ``with`` block runs."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
