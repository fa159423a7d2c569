"""The 1-D view: a histogram of the data with each weighted component density and the mixture over it.

Under the axis, a strip of short ticks (a rug) shows the points coloured by their responsibilities. The window
shows it only for data of one feature, so ``HistogramView`` makes its plot (``HistogramPlot``) on first use:
a window that never shows 1-D data never pays for it.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from engine.params import MixtureParams
from gui.colors import FOREGROUND, BrushTable, point_colors, qcolor
from gui.views.geometry import MAX_DRAWN, histogram, largest_size, weighted_densities
from gui.views.legend import PlotWithLegend

#: Points on the density curves.
CURVE_POINTS = 400
#: At most this many points are drawn in the rug (an evenly spaced subset of the view rows).
RUG_MAX_POINTS = 2000


class HistogramView(QWidget):
    """The 1-D view: a ``HistogramPlot``, made the first time anything but clearing or an option asks for it.

    Its methods are the plot's; its plot's parts (``plot_widget``, ``plot``, ``legend``, ``bars``, ``rug``,
    ``mixture_curve``, ``component_curves``, ``mean_scatter``, ``mean_labels``) are reached as its own attributes,
    which makes the plot.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._made: HistogramPlot | None = None
        self._hard_labels = False

    @property
    def made(self) -> HistogramPlot:
        """The plot, made now if it was not yet."""
        return self._make()

    def _make(self) -> HistogramPlot:
        # A method, not only the property: an AttributeError raised while the plot is made would make Python
        # look the property up again through __getattr__ and lose the error.
        if self._made is None:
            self._made = HistogramPlot()
            self._made.set_hard_labels(self._hard_labels)
            self._layout.addWidget(self._made)
            self._made.show()  # a child added to a shown widget stays hidden until shown (a grab would miss it)
            self._layout.activate()  # and laid out now, not on a later turn of the event loop
        return self._made

    def __getattr__(self, name: str) -> object:
        if name.startswith("_"):  # never for our own state, nor for Qt's and Python's look-ups
            raise AttributeError(name)
        return getattr(self._make(), name)

    def set_hard_labels(self, hard: bool) -> None:
        self._hard_labels = hard
        if self._made is not None:
            self._made.set_hard_labels(hard)

    def clear_mixture(self) -> None:
        if self._made is not None:  # a plot not made yet has nothing drawn
            self._made.clear_mixture()

    def set_values(self, values: NDArray[np.floating], name: str, view_rows: NDArray[np.intp] | None) -> None:
        self._make().set_values(values, name, view_rows)

    def rug_points(self) -> tuple[NDArray[np.float64], NDArray[np.intp]]:
        return self._make().rug_points()

    def mean_positions(self) -> NDArray[np.float64]:
        return self._make().mean_positions()

    def show_mixture(self, params: MixtureParams) -> None:
        self._make().show_mixture(params)

    def show_assignment(self, labels: NDArray[np.integer] | None, resp: NDArray[np.floating] | None) -> None:
        self._make().show_assignment(labels, resp)


class HistogramPlot(PlotWithLegend):
    """Histogram, component densities, mixture density and mean markers of 1-D data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # In the context of the view the window holds, where the translations have always been.
        self.plot.setLabel("left", QCoreApplication.translate("HistogramView", "density"))
        self.plot.getAxis("left").enableAutoSIPrefix(False)

        self.bars = pg.PlotDataItem(stepMode="center", fillLevel=0, brush=(200, 200, 200, 150),
                                    pen=pg.mkPen((150, 150, 150)))
        self.mixture_curve = pg.PlotCurveItem(pen=pg.mkPen(FOREGROUND, width=2.5), antialias=True)
        self.rug = pg.ScatterPlotItem(symbol="s", size=4, pen=None)
        self.mean_scatter = pg.ScatterPlotItem(size=18, pen=pg.mkPen("w", width=2))
        for z, item in enumerate((self.bars, self.rug, self.mixture_curve, self.mean_scatter)):
            item.setZValue(z)
            self.plot.addItem(item)
        self.mixture_curve.setZValue(10)
        self.mean_scatter.setZValue(20)
        self.component_curves: list[pg.PlotCurveItem] = []
        self.mean_labels: list[pg.TextItem] = []
        self._brushes = BrushTable()
        self._values = np.empty(0)
        self._grid = np.empty(0)
        self._rug_rows = np.empty(0, dtype=np.intp)  # positions within the view rows
        self._view_rows: NDArray[np.intp] | None = None
        self._hard_labels = False
        self._n_components = 0
        self._assignment: tuple[NDArray | None, NDArray | None] = (None, None)
        self._rug_y = 0.0

    def set_values(self, values: NDArray[np.floating], name: str, view_rows: NDArray[np.intp] | None) -> None:
        """Show new 1-D data (shape (n_samples,)); ``view_rows`` are the rows responsibilities come for."""
        self._values = np.asarray(values, dtype=float).ravel()
        self._view_rows = view_rows
        self._assignment = (None, None)
        if largest_size(self._values) > MAX_DRAWN:  # the window refuses such data; never draw inf ranges
            self._values = np.empty(0)
        edges, heights = histogram(self._values) if len(self._values) else (np.array([0.0, 1.0]), np.zeros(1))
        self.bars.setData(edges, heights)
        low, high = float(edges[0]), float(edges[-1])
        margin = 0.1 * (high - low if high > low else 1.0)
        self._grid = np.linspace(low - margin, high + margin, CURVE_POINTS)
        n_view = len(self._values) if view_rows is None else len(view_rows)
        self._rug_rows = np.linspace(0, n_view - 1, min(n_view, RUG_MAX_POINTS)).astype(np.intp)
        rug_points = self._values[self._rug_rows if view_rows is None else view_rows[self._rug_rows]]
        top = float(heights.max()) if len(heights) else 1.0
        rng = np.random.default_rng(0)  # a fixed jitter, so the rug does not move between frames
        self._rug_y = -0.06 * top
        self.rug.setData(rug_points, self._rug_y + 0.04 * top * (rng.random(len(rug_points)) - 0.5))
        self.plot.setLabel("bottom", name)
        self.plot.setRange(xRange=(self._grid[0], self._grid[-1]), yRange=(-0.1 * top, 1.15 * top), padding=0)
        self.plot.disableAutoRange()
        self._draw_rug()

    def rug_points(self) -> tuple[NDArray[np.float64], NDArray[np.intp]]:
        """The rug's points as drawn (m, 2) and the data row of each (m,), for hovering."""
        x, y = self.rug.getData()
        rows = self._rug_rows if self._view_rows is None else self._view_rows[self._rug_rows]
        if x is None or len(x) != len(rows):
            return np.empty((0, 2)), np.empty(0, dtype=np.intp)
        return np.column_stack([x, y]), np.asarray(rows, dtype=np.intp)

    def mean_positions(self) -> NDArray[np.float64]:
        """Where the mean markers are drawn (K, 2), for their tooltips."""
        x, y = self.mean_scatter.getData()
        return np.empty((0, 2)) if x is None else np.column_stack([x, y])

    def set_component_count(self, n_components: int) -> None:
        if n_components == self._n_components:
            return
        for item in self.component_curves + self.mean_labels:
            self.plot.removeItem(item)
        self.component_curves, self.mean_labels = [], []
        for component in range(n_components):
            curve = pg.PlotCurveItem(pen=pg.mkPen(qcolor(component), width=2), antialias=True)
            curve.setZValue(5)
            label = pg.TextItem(str(component), color="w", anchor=(0.5, 0.5))
            label.setZValue(21)
            self.plot.addItem(curve)
            self.plot.addItem(label)
            self.component_curves.append(curve)
            self.mean_labels.append(label)
        self._n_components = n_components
        self.legend.set_component_count(n_components)

    def show_mixture(self, params: MixtureParams) -> None:
        """Draw a 1-D mixture over the histogram, from the factors ``params`` carries (nothing is factorised)."""
        weights = params.weights
        means = params.means[:, 0]
        self.set_component_count(params.n_components)
        densities = weighted_densities(self._grid[:, None], params)
        for component, curve in enumerate(self.component_curves):
            curve.setData(self._grid, densities[:, component])
        self.mixture_curve.setData(self._grid, densities.sum(axis=1))
        # Mean markers sit on their own component's curve.
        heights = np.diagonal(weighted_densities(params.means, params))
        self.mean_scatter.setData(means, heights, brush=[pg.mkBrush(qcolor(k)) for k in range(len(means))])
        for component, label in enumerate(self.mean_labels):
            label.setPos(float(means[component]), float(heights[component]))
            label.setVisible(True)
        self.legend.set_weights(weights)

    def show_assignment(self, labels: NDArray[np.integer] | None, resp: NDArray[np.floating] | None) -> None:
        self._assignment = (labels, resp)
        self._draw_rug()

    def set_hard_labels(self, hard: bool) -> None:
        self._hard_labels = hard
        self._draw_rug()

    def clear_mixture(self) -> None:
        for curve in self.component_curves:
            curve.setData([], [])
        self.mixture_curve.setData([], [])
        self.mean_scatter.setData([], [])
        for label in self.mean_labels:
            label.setVisible(False)
        self.legend.set_weights(None)
        self._assignment = (None, None)
        self._draw_rug()

    def _draw_rug(self) -> None:
        if len(self._rug_rows) == 0:
            return
        labels, resp = self._assignment
        view_rows = self._view_rows
        rows = self._rug_rows if view_rows is None else view_rows[self._rug_rows]
        rug_labels = labels[rows] if labels is not None and len(labels) == len(self._values) else None
        rug_resp = None if resp is None or self._hard_labels else resp[self._rug_rows]
        if rug_resp is not None and rug_resp.shape[1] != max(self._n_components, 1):
            rug_resp = None
        colors = point_colors(len(rows), max(self._n_components, 1), rug_labels, rug_resp)
        self.rug.setBrush(self._brushes.brushes(colors))
