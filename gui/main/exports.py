"""Saving from the window: the model as JSON, labels and responsibilities as CSV, the canvas as PNG.

Every file is written to a temporary file in the target's folder and then renamed over the target, so
an existing file is either replaced whole or left as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QWidget

from engine.em import FitResult
from engine.io.model_json import save_model as engine_save_model
from engine.io.tables import save_csv_atomic
from gui.settings import Settings


def ask_save_path(parent: QWidget, settings: Settings, title: str, default_name: str, file_filter: str) -> str:
    """Ask where to save, starting in the last folder; remembers the folder. Empty if cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, os.path.join(settings.last_folder(), default_name),
                                          file_filter)
    if path:
        settings.remember_file(path, recent=False)
    return path


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
    """Write ``pixmap`` as a PNG atomically.

    Raises
    ------
    OSError
        If the image cannot be written (the target is then unchanged).
    """
    folder = os.path.dirname(os.path.abspath(path))
    fd, temp_path = tempfile.mkstemp(prefix=".canvas-", suffix=".png", dir=folder)
    os.close(fd)
    try:
        if not pixmap.save(temp_path, "PNG"):
            raise OSError(QCoreApplication.translate("files", "cannot write the image {0}").format(path))
        os.replace(temp_path, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_path)
        raise
