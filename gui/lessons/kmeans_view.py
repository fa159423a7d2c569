"""Lloyd's k-means beside EM: a small plot of the same points, labelled by their nearest centre.

The EM-and-k-means lesson shows it in its panel. After each EM snapshot on the canvas, ``show_lloyd``
draws Lloyd's algorithm after as many iterations from the same centres (``engine.init.lloyd``: assign
each point to its nearest centre, move each centre to the mean of its points) and the largest distance
between EM's means and Lloyd's centres.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from engine.init import lloyd, nearest_centre
from gui.colors import component_colors, style_plot


class KMeansView(QWidget):
    """Points coloured by their nearest Lloyd centre, the centres as crosses, and the distance to EM's means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget(background="w", enableMenu=False)
        self.plot = self.plot_widget.getPlotItem()
        style_plot(self.plot)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setAspectLocked(True)
        self.plot.setTitle(self.tr("Lloyd's k-means"))
        self.plot_widget.setMinimumHeight(150)
        self.plot_widget.setMaximumHeight(200)
        self.plot_widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot_widget.setToolTip(self.tr("Lloyd's algorithm from EM's starting means, after as many iterations "
                                            "as EM on the canvas: points coloured by their nearest centre."))
        self.points = pg.ScatterPlotItem(size=5, pen=None)
        self.centres = pg.ScatterPlotItem(symbol="x", size=16, pen=pg.mkPen((20, 20, 20), width=3))
        self.plot.addItem(self.points)
        self.plot.addItem(self.centres)
        self.difference = QLabel()
        self.difference.setWordWrap(True)
        self.difference.setToolTip(self.tr("The largest distance between a mean of EM and the matching centre of "
                                           "Lloyd's algorithm."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.difference)
        self._X = np.empty((0, 2))
        self._start = np.empty((0, 2))
        self.lloyd_centres = np.empty((0, 2))
        self.largest_difference = float("nan")

    def set_problem(self, X: NDArray[np.floating], start: NDArray[np.floating]) -> None:
        """The points (n, 2) and the centres both algorithms start from (K, 2)."""
        self._X = np.asarray(X, dtype=float)
        self._start = np.asarray(start, dtype=float)
        self.plot.enableAutoRange()

    def show_lloyd(self, iterations: int, em_means: NDArray[np.floating]) -> None:
        """Lloyd's centres after ``iterations`` iterations beside EM's means (K, 2) after as many."""
        centres = lloyd(self._X, self._start, n_iter=iterations) if iterations > 0 else self._start.copy()
        self.lloyd_centres = centres
        labels = nearest_centre(self._X, centres)
        # One brush per centre, shared by its points: pyqtgraph draws points that share a brush object at
        # once (a brush made per point cost about 60 ms a frame at 300 points).
        brushes = np.empty(len(centres), dtype=object)
        brushes[:] = [pg.mkBrush(*(int(c) for c in color)) for color in component_colors(len(centres))]
        self.points.setData(self._X[:, 0], self._X[:, 1], brush=brushes[labels])
        self.centres.setData(centres[:, 0], centres[:, 1])
        self.largest_difference = float(np.max(np.linalg.norm(np.asarray(em_means) - centres, axis=1)))
        self.difference.setText(self.tr("After {0} iterations, EM's means are at most {1:.1e} from Lloyd's "
                                        "centres.").format(iterations, self.largest_difference))
