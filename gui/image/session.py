"""What the Image window shows, without Qt: the picture, its live preview or segmentation, the segment shown.

``ImageSession`` is the window's state. The controller (``gui.image.controller``) feeds it what the
workers return and asks it what to draw: the segmented picture (preview grid, paint mode and mask view
applied), the legend's colours and shares, the components' ellipses and the colour-space scatter, all as
numpy arrays that the view (``gui.image.window``) only hands to its widgets. ``SegmentPreview`` is one live
frame of a running fit, as the worker (``gui.image.worker``) sends it. Nothing here imports Qt or
pyqtgraph (checked by ``tests/test_image_session.py``), so all of it is tested without a window.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from engine.cli.frontend import DEFAULT_MAX_ITER, DEFAULT_TOL
from engine.config import FitConfig
from engine.imaging.colour import lab_to_srgb
from engine.imaging.features import ColorSpace, FeatureSpec
from engine.imaging.picture import Picture
from engine.imaging.render import RenderMode, mean_colours, palette_colours, render_labels, render_soft, segment_shares
from engine.imaging.segmentation import Segmentation
from engine.params import MixtureParams
from gui.views.geometry import ellipse_outlines

#: Suffixes the Image window opens (Qt's readers decide what the file really is).
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff")
#: Pictures up to this many pixels are fitted on every pixel by default; larger ones on a sample.
ALL_PIXELS_UP_TO = 1_000_000
DEFAULT_SAMPLE = 200_000
#: Points of the colour-space scatter (a random sample of the fitted pixels).
SCATTER_POINTS = 4000
#: The live preview labels at most this many pixels per iteration (every pixel is labelled at the end).
PREVIEW_PIXELS = 1_000_000
#: Greys of the pixels outside the shown segment in the mask view: dark behind a light segment, else light.
MASKED_DARK, MASKED_LIGHT = 40, 235
#: The window's fits are seeded, so Segment twice gives the same segments (and ``segment --seed 0`` the same model).
WINDOW_SEED = 0
#: EM's stopping rule in the window: the ``segment`` command's defaults.
WINDOW_TOL = DEFAULT_TOL
WINDOW_MAX_ITER = DEFAULT_MAX_ITER


def is_picture(path: str) -> bool:
    """Whether ``path`` has a picture's suffix (one of ``PICTURE_SUFFIXES``, any case)."""
    return Path(path).suffix.lower() in PICTURE_SUFFIXES


def preview_step(height: int, width: int, limit: int = PREVIEW_PIXELS) -> int:
    """The stride that keeps ``pixels[::step, ::step]`` at or below ``limit`` pixels."""
    return max(1, math.ceil(math.sqrt(height * width / limit)))


def to_display(pixels: NDArray[np.unsignedinteger]) -> NDArray[np.uint8]:
    """RGB pixels as uint8 for drawing (16-bit pictures keep their top byte)."""
    return pixels if pixels.dtype == np.uint8 else (pixels >> 8).astype(np.uint8)


def masked(rgb: NDArray[np.uint8], labels: NDArray[np.integer], component: int | None) -> NDArray[np.uint8]:
    """``rgb`` with every pixel outside segment ``component`` in a grey that contrasts with the segment.

    Parameters
    ----------
    rgb : ndarray of shape (height, width, 3), uint8
    labels : ndarray of shape (height, width)
    component : int or None
        ``rgb`` itself is returned when None.
    """
    if component is None:
        return rgb
    inside = labels == component
    light = inside.any() and float(rgb[inside].mean()) > 128.0
    return np.where(inside[..., None], rgb, np.uint8(MASKED_DARK if light else MASKED_LIGHT))


def point_colours(points: NDArray[np.floating], spec: FeatureSpec) -> NDArray[np.uint8]:
    """The sRGB colour of each feature row (its first three features), shape (n_points, 3), uint8."""
    colour = points[:, :3].astype(np.float64)
    rgb = lab_to_srgb(colour) if spec.space is ColorSpace.LAB else np.clip(colour, 0.0, 1.0)
    return np.round(rgb * 255).astype(np.uint8)


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


class ImageSession:
    """The Image window's state and what to draw from it.

    Attributes
    ----------
    picture : Picture or None
    segmentation : Segmentation or None
        The finished fit, every pixel labelled; None while a fit runs or was stopped.
    preview : SegmentPreview or None
        The newest drawn frame of the current (or stopped) fit.
    spec : FeatureSpec
        The features of the current fit (what the preview's parameters are in).
    selected : int or None
        The one segment shown (mask view), or None for all.
    step : int
        Stride of the drawn grid in the picture (``preview_step``).
    scatter_rows : ndarray of shape (n_points,) or None
        Rows of the fitted pixels drawn in the colour-space scatter; chosen once per fit.
    seed, tol, max_iter : int, float, int
        The fit's settings that the panel does not show (``WINDOW_SEED``, ``WINDOW_TOL``, ``WINDOW_MAX_ITER``).
    """

    def __init__(self) -> None:
        self.picture: Picture | None = None
        self.segmentation: Segmentation | None = None
        self.preview: SegmentPreview | None = None
        self.spec = FeatureSpec()
        self.selected: int | None = None
        self.step = 1
        self.scatter_rows: NDArray[np.intp] | None = None
        self.seed = WINDOW_SEED
        self.tol = WINDOW_TOL
        self.max_iter = WINDOW_MAX_ITER
        self._soft: tuple[MixtureParams, NDArray[np.uint8]] | None = None  # soft blend of the grid, per params
        # The finished segmentation's shares: counting every pixel took 62 ms at 24 megapixels, on every redraw
        # (each step of the before/after slider, each click in the legend).
        self._shares: NDArray[np.float64] | None = None

    # --- changes -------------------------------------------------------------------------------

    def open(self, picture: Picture) -> int:
        """A newly decoded picture replaces everything; returns the sample size to offer (0: all pixels)."""
        self.picture = picture
        self._forget_fit()
        self.step = preview_step(picture.height, picture.width)
        return 0 if picture.n_pixels <= ALL_PIXELS_UP_TO else DEFAULT_SAMPLE

    def fit_config(self, n_components: int) -> FitConfig:
        """The settings of a fit with ``n_components`` segments (raises ``InputError`` for a bad K)."""
        return FitConfig(n_components=n_components, tol=self.tol, max_iter=self.max_iter, seed=self.seed)

    def start_fit(self, spec: FeatureSpec) -> None:
        """A fit with features ``spec`` starts: the previous one's results go."""
        self._forget_fit()
        self.spec = spec

    def take_preview(self, preview: SegmentPreview) -> bool:
        """The newest frame to draw; True when it is the fit's first (the scatter is still to be drawn)."""
        self.preview = preview
        return self.scatter_rows is None

    def finish(self, segmentation: Segmentation) -> None:
        """The fit ended: every pixel is labelled."""
        self.segmentation = segmentation
        self.spec = segmentation.spec
        self._shares = segmentation.shares

    def toggle_selected(self, component: int | None) -> None:
        """Show only segment ``component`` (None, or the one already shown: every segment)."""
        self.selected = None if component == self.selected else component

    def _forget_fit(self) -> None:
        self.segmentation = None
        self.preview = None
        self.selected = None
        self.scatter_rows = None
        self._soft = None
        self._shares = None

    # --- what to draw --------------------------------------------------------------------------

    def display_picture(self) -> NDArray[np.uint8]:
        """The picture on the drawn grid, shape (grid_height, grid_width, 3), uint8."""
        return to_display(self.picture.pixels[::self.step, ::self.step])

    def current_labels(self) -> NDArray[np.uint8] | None:
        """The labels on screen, shape (grid_height, grid_width): the preview's, or the finished
        segmentation's on the same grid; None before the first frame."""
        if self.segmentation is not None:
            return self.segmentation.labels[::self.step, ::self.step]
        return None if self.preview is None else self.preview.labels

    def current_shares(self) -> NDArray[np.float64] | None:
        """Each segment's share of the pixels, shape (n_components,): of every pixel once finished."""
        if self.segmentation is not None:
            return self._shares
        return None if self.preview is None else segment_shares(self.preview.labels, self.preview.params.n_components)

    def current_params(self) -> MixtureParams | None:
        if self.segmentation is not None:
            return self.segmentation.params
        return None if self.preview is None else self.preview.params

    def segment_at(self, row: int, column: int) -> int | None:
        """The segment of the grid's pixel (row, column), or None outside the grid or before a frame."""
        labels = self.current_labels()
        if labels is None or not (0 <= row < labels.shape[0] and 0 <= column < labels.shape[1]):
            return None
        return int(labels[row, column])

    def colours(self, mode: RenderMode) -> NDArray[np.uint8]:
        """Each segment's colour, shape (n_components, 3): the palette's, or its mean colour (soft too)."""
        params = self.current_params()
        return palette_colours(params.n_components) if mode is RenderMode.PALETTE else mean_colours(params, self.spec)

    def segmented_rgb(self, mode: RenderMode) -> NDArray[np.uint8] | None:
        """The segmented picture as drawn, shape (grid_height, grid_width, 3): paint ``mode`` and mask view
        applied; None before the first frame."""
        labels = self.current_labels()
        if labels is None:
            return None
        params = self.current_params()
        if mode is RenderMode.SOFT and self.segmentation is None and self.preview.soft is not None:
            rgb = self.preview.soft  # painted by the worker: the live preview stays fast
        elif mode is RenderMode.SOFT:
            if self._soft is None or self._soft[0] is not params:  # about 0.1 s at 1 MP: once per fit
                small = self.picture.pixels[::self.step, ::self.step]
                self._soft = (params, render_soft(small, self.spec, params, mean_colours(params, self.spec)))
            rgb = self._soft[1]
        else:
            rgb = render_labels(labels, self.colours(mode))
        return masked(rgb, labels, self.selected)

    def ellipses(self) -> tuple[NDArray[np.float64], NDArray[np.float64]] | None:
        """The components' 1 and 2 standard-deviation ellipses in the first two features, as NaN-separated
        outlines ``(x, y)`` (see ``gui.views.geometry.ellipse_outlines``); None with one feature or no frame."""
        params = self.current_params()
        if params is None or params.n_features < 2:
            return None
        return ellipse_outlines(params.means[:, :2], params.full_covariances()[:, :2, :2], (1.0, 2.0))

    def segment_ellipses(self, axes: tuple[int, int] = (0, 1)
                         ) -> tuple[list[tuple[NDArray[np.float64], NDArray[np.float64]]], NDArray[np.float64]] | None:
        """Each segment's 1 and 2 standard-deviation ellipses on the feature pair ``axes``, and its mean there.

        Returns ``(outlines, centres)``: a NaN-separated outline ``(x, y)`` per segment
        (``gui.views.geometry.ellipse_outlines``) and the means on those axes, shape (n_components, 2);
        None with fewer features than the axes need, or before the first frame.
        """
        params = self.current_params()
        if params is None or params.n_features <= max(axes):
            return None
        pair = list(axes)
        centres = params.means[:, pair]
        covariances = params.full_covariances()[:, pair][:, :, pair]
        x, y = ellipse_outlines(centres, covariances, (1.0, 2.0))
        return [(x[k], y[k]) for k in range(params.n_components)], centres

    def original_rgb(self) -> NDArray[np.uint8] | None:
        """The original picture on the drawn grid (as ``segmented_rgb`` is), or None without a picture."""
        return None if self.picture is None else self.display_picture()

    def scatter(self) -> tuple[NDArray[np.float32], NDArray[np.uint8]]:
        """A fixed random sample of the fitted pixels for the colour-space scatter, chosen on first call
        for the current fit: their features, shape (n_points, n_features), and colours, shape (n_points, 3)."""
        features = self.preview.features
        if self.scatter_rows is None:
            rng = np.random.default_rng(0)
            count = min(SCATTER_POINTS, len(features))
            self.scatter_rows = np.sort(rng.choice(len(features), count, replace=False))
        points = features[self.scatter_rows]
        return points, point_colours(points, self.spec)
