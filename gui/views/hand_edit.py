"""Components by hand: drag a mean, drag the handle on a 1-sigma ellipse, right-click to add or remove.

The editor watches the canvas's viewport and works on the mixture in the plane of the data (2-D data
only). It draws one handle per component (the end of the ellipse's major axis) and emits the edited
mixture as plain arrays; the controller turns them into ``MixtureParams`` and EM's starting point.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent

from engine.covariance import FROM_FULL, CovarianceType
from engine.params import MixtureParams
from gui.views.legend import PlotWithLegend

#: A press this close to a mean or a handle (in pixels) grabs it.
GRAB_PIXELS = 12.0
#: Shortest axis an ellipse may be dragged to, as a fraction of the view's width (keeps it SPD).
MIN_AXIS_FRACTION = 1e-3


@dataclass(frozen=True)
class HandMixture:
    """A mixture in the plane: weights (K,), means (K, 2) and full covariances (K, 2, 2)."""

    weights: NDArray[np.float64]
    means: NDArray[np.float64]
    covariances: NDArray[np.float64]

    @property
    def n_components(self) -> int:
        return len(self.weights)


# --- edits (pure functions on arrays) -----------------------------------------------------------

def handle_points(covariances: NDArray[np.floating], means: NDArray[np.floating]) -> NDArray[np.float64]:
    """The end of each 1-sigma ellipse's major axis, shape (K, 2)."""
    eigenvalues, eigenvectors = np.linalg.eigh(covariances)  # ascending: the last is the major axis
    return means + np.sqrt(np.maximum(eigenvalues[:, -1:], 0.0)) * eigenvectors[:, :, -1]


def move_mean(mixture: HandMixture, component: int, point: NDArray[np.floating]) -> HandMixture:
    means = mixture.means.copy()
    means[component] = point
    return HandMixture(mixture.weights, means, mixture.covariances)


def stretch(mixture: HandMixture, component: int, point: NDArray[np.floating], min_axis: float) -> HandMixture:
    """Turn the major axis of ``component`` towards ``point`` and make it reach it; the minor axis stays."""
    offset = np.asarray(point, dtype=float) - mixture.means[component]
    length = max(float(np.hypot(*offset)), min_axis)
    direction = offset / max(float(np.hypot(*offset)), np.finfo(float).tiny)
    if not np.all(np.isfinite(direction)) or not direction.any():
        return mixture
    minor_length = max(float(np.sqrt(max(np.linalg.eigvalsh(mixture.covariances[component])[0], 0.0))), min_axis)
    normal = np.array([-direction[1], direction[0]])
    covariances = mixture.covariances.copy()
    covariances[component] = length**2 * np.outer(direction, direction) + minor_length**2 * np.outer(normal, normal)
    return HandMixture(mixture.weights, mixture.means, covariances)


def add_component(mixture: HandMixture, point: NDArray[np.floating], default_covariance: NDArray) -> HandMixture:
    """A new component at ``point`` with weight 1/(K+1) (the others shrink in proportion)."""
    n_components = mixture.n_components
    weights = np.append(mixture.weights * n_components / (n_components + 1), 1.0 / (n_components + 1))
    covariance = mixture.covariances.mean(axis=0) if n_components else default_covariance
    return HandMixture(weights, np.vstack([mixture.means, np.asarray(point, dtype=float)[None]]),
                       np.concatenate([mixture.covariances, covariance[None]]))


def remove_component(mixture: HandMixture, component: int) -> HandMixture:
    """The mixture without ``component``; the other weights are scaled to sum to 1."""
    keep = np.arange(mixture.n_components) != component
    weights = mixture.weights[keep]
    return HandMixture(weights / weights.sum(), mixture.means[keep], mixture.covariances[keep])


def to_params(mixture: HandMixture, covariance_type: CovarianceType) -> MixtureParams:
    """The mixture as ``MixtureParams`` of ``covariance_type`` (each ellipse reduced to what that type allows).

    Raises ``FitError`` (from the factorisation) for a covariance that is not positive definite.
    """
    covariances = FROM_FULL[covariance_type](mixture.covariances, mixture.weights)
    return MixtureParams.from_covariances(mixture.weights, mixture.means, covariances, covariance_type)


# --- the mouse ----------------------------------------------------------------------------------

class HandEditor(QObject):
    """Mouse editing of the mixture drawn on a ``PlotWithLegend``.

    Signals
    -------
    edited(object, bool)
        The edited ``HandMixture``, and True when the edit is finished (mouse released, component added or
        removed); False while a drag goes on.
    """

    edited = Signal(object, bool)

    def __init__(self, canvas: PlotWithLegend) -> None:
        super().__init__(canvas)
        self._canvas = canvas
        self._mixture: HandMixture | None = None
        self._drag: tuple[str, int] | None = None  # ("mean" | "handle", component)
        self._enabled = False
        self.handles = pg.ScatterPlotItem(size=10, symbol="s", pen=pg.mkPen((40, 40, 40), width=1.5),
                                          brush=pg.mkBrush(255, 255, 255, 220))
        self.handles.setZValue(22)
        canvas.plot.addItem(self.handles)
        canvas.plot_widget.viewport().installEventFilter(self)

    def set_enabled(self, enabled: bool) -> None:
        """Editing works on 2-D data only; disabled, the handles are hidden and the mouse is left alone."""
        self._enabled = enabled
        self._drag = None
        self._draw_handles()

    def set_mixture(self, mixture: HandMixture | None) -> None:
        """The mixture on screen (the editor starts every edit from it)."""
        self._mixture = mixture
        self._draw_handles()

    def mixture(self) -> HandMixture | None:
        return self._mixture

    # --- coordinates ------------------------------------------------------------------------------

    def data_to_viewport(self, point: NDArray[np.floating]) -> QPointF:
        """Viewport pixel position of a point given in data coordinates."""
        scene = self._canvas.plot.getViewBox().mapViewToScene(QPointF(float(point[0]), float(point[1])))
        return QPointF(self._canvas.plot_widget.mapFromScene(scene))

    def _viewport_to_data(self, position: QPointF) -> NDArray[np.float64]:
        scene = self._canvas.plot_widget.mapToScene(position.toPoint())
        view = self._canvas.plot.getViewBox().mapSceneToView(scene)
        return np.array([view.x(), view.y()])

    def _nearest(self, points: NDArray, position: QPointF) -> int | None:
        best, best_distance = None, GRAB_PIXELS
        for index, point in enumerate(points):
            pixel = self.data_to_viewport(point)
            distance = float(np.hypot(pixel.x() - position.x(), pixel.y() - position.y()))
            if distance <= best_distance:
                best, best_distance = index, distance
        return best

    def _min_axis(self) -> float:
        (x_low, x_high), _ = self._canvas.plot.getViewBox().viewRange()
        return MIN_AXIS_FRACTION * (x_high - x_low)

    # --- events -----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's naming
        if not self._enabled or self._mixture is None or not isinstance(event, QMouseEvent):
            return False
        kind = event.type()
        position = event.position()
        if kind == QEvent.Type.MouseButtonPress:
            return self._on_press(event.button(), position)
        if kind == QEvent.Type.MouseMove and self._drag is not None:
            self._apply_drag(position, finished=False)
            return True
        if kind == QEvent.Type.MouseButtonRelease and self._drag is not None:
            self._apply_drag(position, finished=True)
            self._drag = None
            return True
        return False

    def _on_press(self, button: Qt.MouseButton, position: QPointF) -> bool:
        mixture = self._mixture
        assert mixture is not None
        if button == Qt.MouseButton.LeftButton:
            handle = self._nearest(handle_points(mixture.covariances, mixture.means), position)
            mean = self._nearest(mixture.means, position) if handle is None else None
            if handle is not None:
                self._drag = ("handle", handle)
            elif mean is not None:
                self._drag = ("mean", mean)
            return self._drag is not None
        if button == Qt.MouseButton.RightButton:
            mean = self._nearest(mixture.means, position)
            if mean is not None:
                if mixture.n_components > 1:
                    self._emit(remove_component(mixture, mean), True)
            else:
                (x_low, x_high), (y_low, y_high) = self._canvas.plot.getViewBox().viewRange()
                default = np.diag([((x_high - x_low) / 10) ** 2, ((y_high - y_low) / 10) ** 2])
                self._emit(add_component(mixture, self._viewport_to_data(position), default), True)
            return True
        return False

    def _apply_drag(self, position: QPointF, finished: bool) -> None:
        assert self._drag is not None and self._mixture is not None
        what, component = self._drag
        point = self._viewport_to_data(position)
        if what == "mean":
            mixture = move_mean(self._mixture, component, point)
        else:
            mixture = stretch(self._mixture, component, point, self._min_axis())
        self._emit(mixture, finished)

    def _emit(self, mixture: HandMixture, finished: bool) -> None:
        self._mixture = mixture
        self._draw_handles()
        self.edited.emit(mixture, finished)

    def _draw_handles(self) -> None:
        if not self._enabled or self._mixture is None or self._mixture.n_components == 0:
            self.handles.setData([], [])
            return
        points = handle_points(self._mixture.covariances, self._mixture.means)
        self.handles.setData(points[:, 0], points[:, 1])
