"""Decoding and segmenting a picture on a worker thread, for the window's Image mode.

Everything slow happens here, never on the main thread: decoding (``gui.image.codec.load_picture``), the
pixel features and robust start (``prepare_fit``), EM (``iterate_segmentation``),
labelling a preview of at most ``PREVIEW_PIXELS`` pixels after each iteration, and labelling every pixel
at the end. The worker emits only immutable data and touches no widget; ``request_stop`` is a flag that
the loop checks before every half-step (call it directly from the main thread).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QObject, Signal, Slot

from engine.backends.chunked import ChunkedBackend
from engine.config import FitConfig
from engine.em import HalfStep
from engine.imaging.features import FeatureSpec, pixel_features
from engine.imaging.picture import Picture
from engine.imaging.render import mean_colours, render_soft
from engine.imaging.segmentation import finish_segmentation, iterate_segmentation, prepare_fit
from engine.params import MixtureParams
from gui.image.codec import load_picture
from gui.main.fit_worker import error_message

#: The live preview labels at most this many pixels per iteration (every pixel is labelled at the end).
PREVIEW_PIXELS = 1_000_000
#: Previews go out at most this often (the last one always does).
EMIT_INTERVAL_S = 1.0 / 20.0


def preview_step(height: int, width: int, limit: int = PREVIEW_PIXELS) -> int:
    """The stride that keeps ``pixels[::step, ::step]`` at or below ``limit`` pixels."""
    return max(1, math.ceil(math.sqrt(height * width / limit)))


@dataclass(frozen=True, slots=True)
class SegmentPreview:
    """One live frame: the preview's labels under the newest parameters.

    Attributes
    ----------
    iteration : int
    params : MixtureParams
    labels : ndarray of shape (preview_height, preview_width), uint8
        Read-only; the picture subsampled by ``step``.
    step : int
        Stride of the preview in the full picture.
    features : ndarray of shape (n_fit, n_features), float32
        The fitted pixels' features (the same array every frame), for the colour-space scatter.
    history : tuple of float
    soft : ndarray of shape (preview_height, preview_width, 3), uint8, or None
        The preview painted as a soft blend (``engine.imaging.render.render_soft``), when the worker was asked for it.
    """

    iteration: int
    params: MixtureParams
    labels: NDArray[np.uint8]
    step: int
    features: NDArray[np.float32]
    history: tuple[float, ...]
    soft: NDArray[np.uint8] | None = None


class PictureLoader(QObject):
    """Decodes one picture file: ``loaded(job_id, Picture)`` or ``failed(job_id, message)``, then ``finished``."""

    loaded = Signal(int, object)
    failed = Signal(int, str)
    finished = Signal(int)

    def __init__(self, job_id: int, path: str) -> None:
        super().__init__()
        self._job_id = job_id
        self._path = path

    @Slot()
    def run(self) -> None:
        try:
            self.loaded.emit(self._job_id, load_picture(self._path))
        except Exception as error:  # thread boundary: report it, never swallow it
            self.failed.emit(self._job_id, error_message(error))
        finally:
            self.finished.emit(self._job_id)


class SegmentWorker(QObject):
    """Fits a mixture to a picture and labels it: ``preview`` per iteration, ``done`` with the ``Segmentation``."""

    preview = Signal(int, object)  # run_id, SegmentPreview
    done = Signal(int, object)  # run_id, Segmentation
    failed = Signal(int, str)
    finished = Signal(int)

    def __init__(self, run_id: int, picture: Picture, spec: FeatureSpec, config: FitConfig,
                 sample_size: int) -> None:
        super().__init__()
        self._run_id = run_id
        self._picture = picture
        self._spec = spec
        self._config = config
        self._sample_size = sample_size
        self._stop_requested = False
        self.soft = False  # also paint each preview as a soft blend (set from the main thread; a plain flag)

    def request_stop(self) -> None:
        """Ask the loop to stop before its next half-step (safe to call from any thread)."""
        self._stop_requested = True

    @Slot()
    def run(self) -> None:
        try:
            self._run()
        except Exception as error:  # thread boundary: report it, never swallow it
            self.failed.emit(self._run_id, error_message(error))
        finally:
            self.finished.emit(self._run_id)

    def _run(self) -> None:
        pixels = self._picture.pixels
        plan = prepare_fit(pixels, self._spec, self._config, self._sample_size)
        step = preview_step(*pixels.shape[:2])
        small = pixels[::step, ::step]
        preview_backend = (plan.backend if step == 1 and plan.indices is None
                           else ChunkedBackend(pixel_features(small, self._spec), dtype=np.float32))
        last_emit = 0.0
        snapshot = None
        for snapshot in iterate_segmentation(plan):
            if self._stop_requested:
                return
            if snapshot.half_step is HalfStep.E and not snapshot.done:
                continue  # an E-step changes no parameters
            now = time.monotonic()
            if now - last_emit >= EMIT_INTERVAL_S or snapshot.done:
                last_emit = now
                self.preview.emit(self._run_id, self._preview(snapshot, preview_backend, small, step, plan))
        if snapshot is None or self._stop_requested:
            return
        segmentation = finish_segmentation(plan, snapshot, pixels, self._spec)  # as the segment command ends
        if not self._stop_requested:
            self.done.emit(self._run_id, segmentation)

    def _preview(self, snapshot, backend: ChunkedBackend, small: NDArray, step: int, plan) -> SegmentPreview:
        labels = backend.e_step(snapshot.params, with_labels=True).labels.astype(np.uint8).reshape(small.shape[:2])
        labels.flags.writeable = False
        soft = None
        if self.soft:
            soft = render_soft(small, self._spec, snapshot.params, mean_colours(snapshot.params, self._spec))
            soft.flags.writeable = False
        return SegmentPreview(snapshot.iteration, snapshot.params, labels, step, plan.X, tuple(snapshot.history),
                              soft)
