"""What is under the cursor on a data view: the nearest point (its data row) and a component's mean (a tooltip).

``PointHover`` works on any ``PlotWithLegend`` (or ``HistogramView``, which makes one): the 2-D canvas hands it
every point in the plane, the 1-D histogram the points of its rug (a row for each). A mean within reach shows its
tooltip (the component's weight, mean and covariance or sigma, written by the window); a point within reach is
announced by its row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QObject, QPointF, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QToolTip

from gui.views.legend import PlotWithLegend

if TYPE_CHECKING:
    from gui.views.histogram import HistogramView

#: A point or mean this close to the cursor (in pixels) counts as hovered.
HOVER_PIXELS = 8.0
#: Means are bigger markers than points: they are hovered from this far.
MEAN_HOVER_PIXELS = 12.0


class PointHover(QObject):
    """Finds the point and the mean under the cursor on a ``PlotWithLegend``.

    Signals
    -------
    hovered(int)
        Data row of the nearest point within ``HOVER_PIXELS`` of the cursor, or -1 when there is none.
    """

    hovered = Signal(int)

    def __init__(self, view: PlotWithLegend | HistogramView) -> None:
        super().__init__(view)
        self._view = view
        self._points = np.empty((0, 2))
        self._rows: NDArray[np.intp] | None = None
        self._means = np.empty((0, 2))
        self._tips: list[str] = []
        self._current = -1
        self._tip: str | None = None
        # Mouse moves are followed from the first points or means on: a view whose plot is made on first use
        # (the histogram) is not made for hovering alone.
        self._connected = False

    def _connect(self) -> None:
        if not self._connected:
            self._connected = True
            self._view.plot.scene().sigMouseMoved.connect(self._on_moved)

    def set_points(self, points: NDArray[np.floating], rows: NDArray[np.intp] | None = None) -> None:
        """Points (m, 2) in the view's coordinates; ``rows`` (m,) are their data rows (None: row i is point i)."""
        self._connect()
        self._points = np.asarray(points, dtype=float).reshape(-1, 2)
        self._rows = None if rows is None else np.asarray(rows, dtype=np.intp)
        self._current = -1

    def set_means(self, means: NDArray[np.floating] | None, tips: list[str] | tuple[str, ...] = ()) -> None:
        """Means (K, 2) in the view's coordinates with each one's tooltip text; None: no means."""
        self._connect()
        self._means = np.empty((0, 2)) if means is None else np.asarray(means, dtype=float).reshape(-1, 2)
        self._tips = list(tips)

    def clear(self) -> None:
        """Nothing is hovered any more (without a signal): the next move over a point announces it again."""
        self._current = -1
        self._tip = None

    def current_tip(self) -> str | None:
        """The tooltip of the mean last hovered, or None (for tests)."""
        return self._tip

    def _pixel_distances(self, points: NDArray[np.floating], scene_position: QPointF) -> NDArray[np.floating]:
        view_box = self._view.plot.getViewBox()
        cursor = view_box.mapSceneToView(scene_position)
        width, height = view_box.viewPixelSize()  # data units per pixel
        return np.hypot((points[:, 0] - cursor.x()) / width, (points[:, 1] - cursor.y()) / height)

    def _on_moved(self, scene_position: QPointF) -> None:
        self._show_mean_tip(scene_position)
        if len(self._points) == 0:
            return
        distances = self._pixel_distances(self._points, scene_position)
        nearest = int(np.argmin(distances))
        index = nearest if distances[nearest] <= HOVER_PIXELS else -1
        row = index if index < 0 or self._rows is None else int(self._rows[index])
        if row != self._current:
            self._current = row
            self.hovered.emit(row)

    def _show_mean_tip(self, scene_position: QPointF) -> None:
        tip = None
        if len(self._means) and len(self._tips) == len(self._means):
            distances = self._pixel_distances(self._means, scene_position)
            nearest = int(np.argmin(distances))
            if distances[nearest] <= MEAN_HOVER_PIXELS:
                tip = self._tips[nearest]
        if tip != self._tip:
            self._tip = tip
            if tip is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(QCursor.pos(), tip, self._view.plot_widget)
