"""Saving from the main window: the model as JSON, labels and responsibilities or the data as CSV, the canvas as PNG.

``Exporter`` asks where to save, then writes in a ``gui.threads`` job: scoring every row for the model's
summary, the responsibilities of every row and the formatting of a large CSV take seconds for a million
rows, and the window stays usable meanwhile (a busy cursor and a status message say a file is being
written). A job's error reaches a dialog, as before. Only the PNG is saved on the main thread: it is a
picture of widgets, grabbed there, and small.

Every file is written to a temporary file in the target's folder and then renamed over the target, so an
existing file is either replaced whole or left as it was.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QWidget

from engine.config import FitConfig
from engine.em import EMSnapshot, FitResult
from engine.errors import InputError
from engine.io.atomic import write_all
from engine.io.model_json import save_model as engine_save_model
from engine.io.tables import Dataset, save_csv_atomic
from engine.model import predict_proba, score
from engine.params import MixtureParams
from gui.main.session import Session
from gui.main.window import MainWindow
from gui.settings import Settings
from gui.threads import JobFunction, Jobs

#: How long the message saying a file was saved stays in the status bar, in milliseconds.
MESSAGE_MS = 6000


def _tr(text: str) -> str:
    return QCoreApplication.translate("Controller", text)


# --- the writers (jobs: they run on a worker thread and touch no widget) ---------------------------

def write_model(path: str, snapshot: EMSnapshot, X: NDArray[np.floating], config: FitConfig,
                feature_names: tuple[str, ...]) -> Iterator[None]:
    """Job: score ``X`` (n_samples, n_features) under the snapshot's parameters and write the JSON model."""
    yield  # abort point
    params = snapshot.params
    result = FitResult(params, snapshot.iteration, snapshot.converged, snapshot.history, score(params, X), len(X),
                       config, snapshot.start_log_likelihoods)
    yield  # abort point
    save_model(path, result, feature_names)
    return path


def write_labels(path: str, params: MixtureParams, X: NDArray[np.floating]) -> Iterator[None]:
    """Job: every row's responsibilities under ``params`` (X of shape (n_samples, n_features)), as ``save_labels``."""
    yield  # abort point
    resp = predict_proba(params, X)
    yield  # abort point
    save_labels(path, resp)
    return path


def write_data(path: str, dataset: Dataset) -> Iterator[None]:
    """Job: the data as CSV, with a ``label`` column of true classes if it has them."""
    yield  # abort point
    header, rows, fmt = list(dataset.feature_names), dataset.X, "%r"
    if dataset.labels is not None and dataset.label_names is not None:  # labels read as text go back as text
        header.append("label")
        rows = np.column_stack([dataset.X.astype(object), [_csv_field(dataset.label_names[v]) for v in dataset.labels]])
        fmt = ["%r"] * dataset.n_features + ["%s"]
    elif dataset.labels is not None:
        header.append("label")
        rows = np.column_stack([dataset.X, dataset.labels])
        fmt = ["%r"] * dataset.n_features + ["%d"]
    save_csv_atomic(path, header, rows, fmt=fmt)
    return path


def _csv_field(text: str) -> str:
    """``text`` as one CSV field, quoted when it needs quotes."""
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow([text])
    return out.getvalue()


def save_model(path: str, result: FitResult, feature_names: tuple[str, ...]) -> None:
    """Write the fitted parameters and a summary of the fit as a JSON model (``engine.io.model_json`` format)."""
    engine_save_model(path, result.params, feature_names, fit_result=result)


def save_labels(path: str, resp: NDArray[np.floating]) -> None:
    """Write ``label,p0,p1,...`` for every sample (the most responsible component, then responsibilities)."""
    n_components = resp.shape[1]
    header = ["label"] + [f"p{k}" for k in range(n_components)]
    rows = np.column_stack([resp.argmax(axis=1), resp])
    save_csv_atomic(path, header, rows, fmt=["%d"] + ["%r"] * n_components)


def save_png(path: str, pixmap: QPixmap) -> None:
    """Write ``pixmap`` as a PNG through the one atomic writer (``engine.io.atomic.write_all``).

    Raises
    ------
    InputError
        If the image cannot be written (the target is then unchanged).
    """

    def write(temp: Path) -> None:
        if not pixmap.save(str(temp), "PNG"):
            raise OSError(QCoreApplication.translate("files", "cannot write the image {0}").format(path))

    write_all({path: write})


def ask_save_path(parent: QWidget, settings: Settings, title: str, default_name: str, file_filter: str) -> str:
    """Ask where to save, starting in the last folder; remembers the folder. Empty if cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, os.path.join(settings.last_folder(), default_name),
                                          file_filter)
    if path:
        settings.remember_file(path, recent=False)
    return path


# --- the File menu's exports ----------------------------------------------------------------------

class Exporter(QObject):
    """The File menu's exports of the main window (see the module docstring).

    Parameters
    ----------
    window : MainWindow
    settings : Settings
    session : Session
        What is exported: the data, and the newest snapshot of the run.

    Signals
    -------
    finished()
        An export job has ended (written, failed or aborted).
    """

    finished = Signal()

    def __init__(self, window: MainWindow, settings: Settings, session: Session) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._session = session
        self._jobs = Jobs("export", self)
        self._pending: dict[int, tuple[str, str, str]] = {}  # job id -> error title, done message, busy message

    def export_model(self) -> None:
        progress, dataset, config = self._session.export_progress(), self._session.dataset, self._session.config
        if progress is None or dataset is None or config is None:
            self._window.show_error(_tr("Nothing to export"), _tr("There is no fit yet: press Space to run EM first."))
            return
        path = ask_save_path(self._window, self._settings, _tr("Export model"), "model.json",
                             _tr("JSON model (*.json)"))
        if path:
            self._start(write_model, (path, progress.snapshot, dataset.X, config, dataset.feature_names),
                        _tr("Cannot export the model"), _tr("Model saved to {0}").format(path), path)

    def export_labels(self) -> None:
        progress, dataset = self._session.export_progress(), self._session.dataset
        if progress is None or dataset is None:
            self._window.show_error(_tr("Nothing to export"), _tr("There is no fit yet: press Space to run EM first."))
            return
        path = ask_save_path(self._window, self._settings, _tr("Export labels and responsibilities"), "labels.csv",
                             _tr("CSV (*.csv)"))
        if path:
            self._start(write_labels, (path, progress.snapshot.params, dataset.X), _tr("Cannot export the labels"),
                        _tr("Labels and responsibilities saved to {0}").format(path), path)

    def export_data(self) -> None:
        dataset = self._session.dataset
        if dataset is None:
            self._window.show_error(_tr("Nothing to export"), _tr("There are no points."))
            return
        path = ask_save_path(self._window, self._settings, _tr("Export data"), "data.csv", _tr("CSV (*.csv)"))
        if path:
            self._start(write_data, (path, dataset), _tr("Cannot export the data"),
                        _tr("Data saved to {0}").format(path), path)

    def save_png(self) -> None:
        path = ask_save_path(self._window, self._settings, _tr("Save canvas as PNG"), "canvas.png",
                             _tr("PNG image (*.png)"))
        if not path:
            return
        try:
            save_png(path, self._window.grab_view())
        except (OSError, InputError) as error:
            self._window.show_error(_tr("Cannot save the picture"), str(error))
            return
        self._window.show_message(_tr("Picture saved to {0}").format(path), MESSAGE_MS)

    def shutdown(self, timeout_ms: int) -> bool:
        """Abort every export (a file being written is left as it was) and wait; True if all ended."""
        return self._jobs.shutdown(timeout_ms)

    def _start(self, job: JobFunction, args: tuple, error_title: str, done_message: str, path: str) -> None:
        job_id = self._jobs.new_id()
        busy_message = _tr("Saving {0}…").format(os.path.basename(path))
        self._pending[job_id] = (error_title, done_message, busy_message)
        self._window.begin_busy(busy_message)
        self._jobs.start(job, *args, job_id=job_id, on_returned=self._on_returned, on_errored=self._on_errored,
                         on_finished=self._on_finished)

    def _end(self, job_id: int) -> tuple[str, str, str] | None:
        """Take the job's texts and end its busy state, once (the first of returned, errored and finished)."""
        entry = self._pending.pop(job_id, None)
        if entry is not None:
            self._window.end_busy(entry[2])
        return entry

    @Slot(int, object)
    def _on_returned(self, job_id: int, path: object) -> None:
        entry = self._end(job_id)
        if entry is not None:
            self._window.show_message(entry[1], MESSAGE_MS)

    @Slot(int, str)
    def _on_errored(self, job_id: int, message: str) -> None:
        entry = self._end(job_id)
        if entry is not None:
            self._window.show_error(entry[0], message)

    @Slot(int)
    def _on_finished(self, job_id: int) -> None:
        self._end(job_id)
        self.finished.emit()
