"""Where the main window's data and models come from: presets, data files and model files.

``DataSources`` makes data sets and hands them over with ``dataset_ready``. A data file loads in a
``gui.threads`` job (``gui.main.loading.load_dataset``), and so does a large preset, with a busy cursor
and a status message while the window stays usable; small presets are generated at once. Only the newest
request counts: a data set still being made when newer data arrives (another file, a preset, painted
points) is dropped, its errors too. A file that cannot be read gives one dialog saying why, and what is
on screen stays; so does a model that cannot be read, whatever the exception (its type is named unless it is
one of our errors), and data or a model with values too large to draw (``too_large_to_draw``). Model files
are read at once, or in a job from ``MODEL_IN_JOB_FROM`` bytes (a 30 MB model froze the window for 6 s), and
handed over with ``model_ready``. Opened files join the recent files; a missing one leaves them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from engine.errors import InputError
from engine.io.model_json import LoadedModel, load_model
from engine.io.tables import Dataset
from engine.presets import generate
from gui.i18n.engine_errors import translated_error
from gui.main.loading import generate_dataset, load_dataset, load_model_file
from gui.main.window import MainWindow
from gui.panels import DataRequest
from gui.panels.model import MAX_COMPONENTS
from gui.settings import Settings
from gui.threads import JobFunction, Jobs, error_message
from gui.views.geometry import MAX_DRAWN, largest_size

#: Presets of more points than this are generated in a job (smaller ones at once).
GENERATE_IN_JOB_ABOVE = 100_000
#: Model files of this many bytes or more are read in a job (smaller ones, the usual, at once).
MODEL_IN_JOB_FROM = 1 << 20


def _tr(text: str) -> str:
    return QCoreApplication.translate("Controller", text)


def too_large_to_draw(values: NDArray[np.floating], name: str) -> str | None:
    """Why ``values`` (data (n, d) or means (K, d)) of ``name`` cannot be drawn, or None if they can.

    The window draws values up to ``gui.views.geometry.MAX_DRAWN`` in size (see there).
    """
    size = largest_size(values)
    if size <= MAX_DRAWN:
        return None
    return _tr("{0}: values as large as {1:.3g} cannot be drawn; the window draws values up to {2:.0e} in "
               "size.").format(name, size, MAX_DRAWN)


@dataclass(frozen=True, slots=True)
class DataJob:
    """A data set being made in a job: its id, its file (None for a preset), its name and its busy message."""

    job_id: int
    path: str | None
    description: str
    busy_message: str
    model: bool = False


class DataSources(QObject):
    """Presets, data files and model files for the main window (see the module docstring).

    Parameters
    ----------
    window : MainWindow
    settings : Settings

    Signals
    -------
    dataset_ready(Dataset, str)
        A data set and its description (the preset's or the file's name), to show and fit.
    model_ready(LoadedModel, str)
        A model and its file.
    finished()
        A data job has ended (made, failed, or replaced by newer data).
    """

    dataset_ready = Signal(object, str)
    model_ready = Signal(object, str)
    finished = Signal()

    def __init__(self, window: MainWindow, settings: Settings) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._jobs = Jobs("data", self)
        self._current: DataJob | None = None

    def generate(self, request: DataRequest) -> None:
        """Generate a preset data set: at once, or in a job if it has more than ``GENERATE_IN_JOB_ABOVE`` points."""
        args = (request.preset, request.n, request.k, request.d, request.seed)
        if request.n > GENERATE_IN_JOB_ABOVE:
            self._start(generate_dataset, args, None, request.preset, _tr("Generating {0} points…").format(request.n))
            return
        try:
            dataset = generate(request.preset, n=request.n, k=request.k, d=request.d, seed=request.seed)
        except InputError as error:
            self._window.show_error(_tr("Cannot generate the data"), translated_error(str(error)))
            return
        self.dataset_ready.emit(dataset, request.preset)

    def open_data(self, path: str) -> None:
        """Load a data file (CSV, NPY) in a job; ``dataset_ready`` follows if it can be read, a dialog if not."""
        name = os.path.basename(path)
        self._start(load_dataset, (path,), path, name, _tr("Opening {0}…").format(name))

    def open_model(self, path: str) -> bool:
        """Read a model file; ``model_ready`` follows, or a dialog says why it cannot be used (and False). A file of
        ``MODEL_IN_JOB_FROM`` bytes or more is read in a job: True then says only that it is being read."""
        try:
            in_job = os.path.getsize(path) >= MODEL_IN_JOB_FROM
        except OSError:
            in_job = False  # load_model says why it cannot be read
        if in_job:
            name = os.path.basename(path)
            self._start(load_model_file, (path,), path, name, _tr("Opening {0}…").format(name), model=True)
            return True
        try:
            model: LoadedModel = load_model(path)
        except Exception as error:  # a file boundary: whatever the reading raised, a dialog says what (never a crash)
            self._failed(path, _tr("Cannot open the model"), error_message(error))
            return False
        return self._hand_over_model(model, path)

    def _hand_over_model(self, model: LoadedModel, path: str) -> bool:
        """``model_ready`` for a model the window can show, else a dialog saying why not (and False)."""
        name = os.path.basename(path)
        if model.params.n_components > MAX_COMPONENTS:
            self._window.show_error(_tr("Cannot show the model"), _tr(
                "{0} has {1} components; the window fits and shows at most {2}.").format(
                name, model.params.n_components, MAX_COMPONENTS))
            return False
        if (problem := too_large_to_draw(model.params.means, name)) is not None:
            self._window.show_error(_tr("Cannot show the model"), problem)
            return False
        self._remember(path)
        self.model_ready.emit(model, path)
        return True

    @Slot()
    def ask_and_open_model(self) -> None:
        """Ask which model to open (File > Open model), then open it."""
        path = self._window.ask_model_path(self._settings.last_folder())
        if path:
            self.open_model(path)

    def is_loading(self) -> bool:
        """True while a data set is being made in a job."""
        return self._current is not None

    def cancel(self) -> None:
        """The data set being made, if any, will not be shown (newer data replaced it)."""
        if self._current is not None:
            self._jobs.abort(self._current.job_id)
            self._take(self._current.job_id)

    def shutdown(self, timeout_ms: int) -> bool:
        """Abort every data job and wait for their threads; True if all ended."""
        self.cancel()
        return self._jobs.shutdown(timeout_ms)

    def _start(self, job: JobFunction, args: tuple, path: str | None, description: str, busy_message: str,
               model: bool = False) -> None:
        self.cancel()
        job_id = self._jobs.new_id()
        self._current = DataJob(job_id, path, description, busy_message, model)
        self._window.begin_busy(busy_message)
        self._jobs.start(job, *args, job_id=job_id, on_returned=self._on_returned, on_errored=self._on_errored,
                         on_finished=self._on_finished)

    def _take(self, job_id: int) -> DataJob | None:
        """The job ``job_id`` if it is the current one (which it stops being); None for a replaced one."""
        job = self._current
        if job is None or job.job_id != job_id:
            return None
        self._current = None
        self._window.end_busy(job.busy_message)
        return job

    def _remember(self, path: str) -> None:
        self._settings.remember_file(path)
        self._window.set_recent_files(self._settings.recent_files())

    def _failed(self, path: str, title: str, message: str) -> None:
        if not os.path.exists(path) and path in self._settings.recent_files():
            self._settings.forget_file(path)
            self._window.set_recent_files(self._settings.recent_files())
        self._window.show_error(title, message)

    @Slot(int, object)
    def _on_returned(self, job_id: int, dataset: Dataset | LoadedModel) -> None:
        job = self._take(job_id)
        if job is None:
            return
        if job.model:
            self._hand_over_model(dataset, job.path)
            return
        if (problem := too_large_to_draw(dataset.X, job.description)) is not None:
            self._window.show_error(_tr("Cannot show the data"), problem)
            return
        if job.path is not None:
            self._remember(job.path)
        self.dataset_ready.emit(dataset, job.description)

    @Slot(int, str)
    def _on_errored(self, job_id: int, message: str) -> None:
        job = self._take(job_id)
        if job is None:
            return
        if job.path is None:
            self._window.show_error(_tr("Cannot generate the data"), message)
        elif job.model:
            self._failed(job.path, _tr("Cannot open the model"), message)
        else:
            self._failed(job.path, _tr("Cannot open the data file"), message)

    @Slot(int)
    def _on_finished(self, job_id: int) -> None:
        self._take(job_id)
        self.finished.emit()
