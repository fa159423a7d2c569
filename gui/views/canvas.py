"""The 2-D canvas: points coloured by responsibility, each component's ellipses and mean, the density.

Items are made once; a snapshot only calls ``setData``/``setImage`` on them. The ellipse and mean items
are re-made only when K changes. Points are drawn by a scatter item up to ``SCATTER_MAX_POINTS`` and
as one raster image above that (``gui.views.raster``), which keeps a frame cheap for a million points.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from engine.params import MixtureParams
from gui.colors import BrushTable, component_colors, point_colors, qcolor
from gui.panels.display import DensityMode, DisplayOptions
from gui.views.geometry import (
    MAX_DRAWN,
    contour_levels,
    contour_segments,
    ellipse_outlines,
    grid_points,
    largest_size,
    weighted_densities,
)
from gui.views.legend import PlotWithLegend
from gui.views.raster import RASTER_PIXEL, PointRaster

#: Up to this many points the canvas draws a scatter item (round markers); above it, a raster image.
SCATTER_MAX_POINTS = 2000
#: Cells of the density grid along each axis.
DENSITY_GRID = 120
#: The axes get equal scales when the data's ranges along them differ by at most this factor.
EQUAL_SCALES_MAX_RATIO = 4.0
#: Ellipse outlines are darker than their component's colour by this QColor.darker factor (140: 1.4 times).
ELLIPSE_DARKER = 140
#: A change of the view's range or size lays the points out again after this quiet time, in milliseconds.
RELAYOUT_MS = 30
#: Colour of the density heat map (its opacity follows the density).
HEAT_COLOR = (60, 90, 150)


class MixtureCanvas(PlotWithLegend):
    """The data in a plane, with the current mixture drawn over it, and a legend of weights beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

        self.density_image = pg.ImageItem(axisOrder="row-major")
        self.contour_curve = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen((70, 70, 70, 170), width=1))
        self.point_image = pg.ImageItem(axisOrder="row-major")
        self.point_scatter = pg.ScatterPlotItem(size=7, pen=None)
        self.mean_scatter = pg.ScatterPlotItem(size=22, pen=pg.mkPen("w", width=2), symbol="o")
        for z, item in enumerate((self.density_image, self.contour_curve, self.point_image, self.point_scatter)):
            item.setZValue(z - 10)
            self.plot.addItem(item)
        self.mean_scatter.setZValue(20)
        self.plot.addItem(self.mean_scatter)
        self.inner_curves: list[pg.PlotCurveItem] = []  # 1-sigma ellipse of each component
        self.outer_curves: list[pg.PlotCurveItem] = []  # 2- (and 3-) sigma ellipses of each component
        self.mean_labels: list[pg.TextItem] = []

        self._brushes = BrushTable()
        # The colours the scatter's brushes were made from (None: its points are new). A frame that leaves them as
        # they were (a run's start, still unassigned) does not give a scatter of thousands of points its brushes again.
        self._scatter_colors: NDArray[np.floating] | None = None
        self._raster = PointRaster()
        self._points = np.empty((0, 2))
        self._view_rows: NDArray[np.intp] | None = None
        self._use_raster = False
        self._raster_key: tuple | None = None  # the view range and raster size of the last layout
        self._n_components = 0
        self._mixture: MixtureParams | None = None  # the mixture in the plane (2 features)
        self._assignment: tuple[NDArray | None, NDArray | None] = (None, None)  # labels (N,), resp (n_view, K)
        self._options = DisplayOptions()
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(RELAYOUT_MS)
        self._relayout_timer.timeout.connect(self._on_view_changed)
        self.plot.getViewBox().sigRangeChanged.connect(self._relayout_timer.start)
        self.plot.getViewBox().sigResized.connect(self._relayout_timer.start)

    # --- data -----------------------------------------------------------------------------------

    def set_points(self, points: NDArray[np.floating], axis_names: tuple[str, str],
                   view_rows: NDArray[np.intp] | None, fit_view: bool = True) -> None:
        """Show new points (shape (n_points, 2)); ``view_rows`` are the rows responsibilities will come for.

        Points beyond ``MAX_DRAWN`` in size are not drawn at all (the window refuses such data before it comes
        here): pyqtgraph's bounds of them would overflow.
        """
        self._points = np.asarray(points, dtype=float)
        if largest_size(self._points) > MAX_DRAWN:
            self._points, view_rows = np.empty((0, 2)), None
        self._raster_key = None  # new points need a new layout
        self._view_rows = view_rows
        self._assignment = (None, None)
        self._use_raster = len(self._points) > SCATTER_MAX_POINTS
        self._scatter_colors = None
        self.plot.setLabel("bottom", axis_names[0])
        self.plot.setLabel("left", axis_names[1])
        if self._use_raster:
            # Laid out and drawn once the view has settled (its range and size follow the new points), or at
            # the next draw if that comes first: a million points are laid out once, not once per change.
            self.point_scatter.setData([], [])
            self.point_image.clear()
            self._raster.set_points(self._points, view_rows)
            self._relayout_timer.start()
        else:
            self.point_image.clear()
            # With their (unassigned) colours at once: the scatter lays its points out once, not again for the colours.
            colors = point_colors(len(self._points), max(self._n_components, 1), None, None, view_rows)
            self.point_scatter.setData(self._points[:, 0], self._points[:, 1], brush=self._brushes.brushes(colors))
            self._scatter_colors = colors
        if fit_view:
            self.fit_view()
        if not self._use_raster:
            self._draw_points()

    def fit_view(self) -> None:
        """Show all points (with a margin)."""
        if len(self._points) == 0:
            return
        # Column by column: a reduction over axis 0 of an (n, 2) array is 30 times slower for a million points.
        low = np.array([self._points[:, 0].min(), self._points[:, 1].min()])
        high = np.array([self._points[:, 0].max(), self._points[:, 1].max()])
        with np.errstate(over="ignore", invalid="ignore"):
            span = np.where(high > low, high - low, 1.0)
            if not np.all(np.isfinite(low - 0.05 * span) & np.isfinite(high + 0.05 * span)):
                return  # not drawable (the window refuses such data): the view stays where it is
        # Equal scales keep circles round; data whose axes differ a lot in range gets the space instead.
        self.plot.setAspectLocked(bool(span.max() <= EQUAL_SCALES_MAX_RATIO * span.min()), 1.0)
        self.plot.setRange(xRange=(low[0] - 0.05 * span[0], high[0] + 0.05 * span[0]),
                           yRange=(low[1] - 0.05 * span[1], high[1] + 0.05 * span[1]), padding=0)
        self.plot.disableAutoRange()

    def set_component_count(self, n_components: int) -> None:
        """Make the ellipse curves, mean labels and legend rows for ``n_components`` components."""
        if n_components == self._n_components:
            return
        for item in self.inner_curves + self.outer_curves + self.mean_labels:
            self.plot.removeItem(item)
        self.inner_curves, self.outer_curves, self.mean_labels = [], [], []
        font = QFont()
        font.setBold(True)
        for component in range(n_components):
            inner = pg.PlotCurveItem(connect="finite", antialias=True)
            outer = pg.PlotCurveItem(connect="finite", antialias=True)
            label = pg.TextItem(str(component), color="w", anchor=(0.5, 0.5))
            label.setFont(font)
            for z, item in ((10, outer), (11, inner), (21, label)):
                item.setZValue(z)
                self.plot.addItem(item)
            self.inner_curves.append(inner)
            self.outer_curves.append(outer)
            self.mean_labels.append(label)
        self._n_components = n_components
        self._mixture = None
        self.mean_scatter.setData([], [])
        self.legend.set_component_count(n_components)

    # --- snapshots ------------------------------------------------------------------------------

    def show_mixture(self, params: MixtureParams) -> None:
        """Draw the components of a mixture in the plane (2 features): its ellipses, means, weights and density.

        The density uses the factors ``params`` carries (a snapshot's own, or those of its projection).
        """
        self.set_component_count(params.n_components)
        self._mixture = params
        self._draw_mixture()
        self._draw_density()
        self.legend.set_weights(params.weights)

    def show_assignment(self, labels: NDArray[np.integer] | None, resp: NDArray[np.floating] | None) -> None:
        """Colour the points: ``labels`` of every point (N,) and responsibilities (n_view, K) of the view rows."""
        self._assignment = (labels, resp)
        self._draw_points()

    def set_options(self, options: DisplayOptions) -> None:
        self._options = options
        self._draw_points()
        self._draw_mixture()
        self._draw_density()

    def clear_mixture(self) -> None:
        """Hide every component (before the first snapshot of a new data set or K)."""
        self._mixture = None
        self._assignment = (None, None)
        for curve in self.inner_curves + self.outer_curves:
            curve.setData([], [])
        for label in self.mean_labels:
            label.setVisible(False)
        self.mean_scatter.setData([], [])
        self.legend.set_weights(None)
        self._draw_points()
        self._draw_density()

    # --- drawing --------------------------------------------------------------------------------

    def _usable_assignment(self) -> tuple[NDArray | None, NDArray | None]:
        """Labels and responsibilities that fit the points on screen and the options (others are None)."""
        labels, resp = self._assignment
        n_components = max(self._n_components, 1)
        if labels is not None and len(labels) != len(self._points):
            labels = None
        n_view = len(self._points) if self._view_rows is None else len(self._view_rows)
        if self._options.hard_labels or (resp is not None and resp.shape != (n_view, n_components)):
            resp = None
        return labels, resp

    def _draw_points(self) -> None:
        if len(self._points) == 0:
            return
        labels, resp = self._usable_assignment()
        n_components = max(self._n_components, 1)
        if self._use_raster:
            self._layout_raster()  # nothing to do unless the points or the view changed since the last layout
            self.point_image.setImage(self._raster.render(n_components, labels, resp), autoLevels=False)
            self.point_image.setRect(QRectF(*self._raster.rect))
        else:
            colors = point_colors(len(self._points), n_components, labels, resp, self._view_rows)
            if self._scatter_colors is None or not np.array_equal(colors, self._scatter_colors):
                self.point_scatter.setBrush(self._brushes.brushes(colors))
                self._scatter_colors = colors

    def _draw_mixture(self) -> None:
        if self._mixture is None:
            return
        weights, means, covariances = self._mixture.weights, self._mixture.means, self._mixture.full_covariances()
        radii = (1.0, 2.0, 3.0) if self._options.three_sigma else (1.0, 2.0)
        xs, ys = ellipse_outlines(means, covariances, radii)
        ring = xs.shape[1] // len(radii)
        relative = weights / max(float(weights.max()), np.finfo(float).tiny)
        for component, (inner, outer) in enumerate(zip(self.inner_curves, self.outer_curves, strict=True)):
            # A darker shade of the component's colour, so the outline shows over its own points.
            color = qcolor(component).darker(ELLIPSE_DARKER)
            color.setAlpha(int(110 + 145 * relative[component]))
            inner.setPen(pg.mkPen(color, width=1.0 + 3.0 * relative[component]))
            outer.setPen(pg.mkPen(color, width=0.8 + 1.7 * relative[component], style=Qt.PenStyle.DashLine))
            inner.setData(xs[component, :ring], ys[component, :ring])
            outer.setData(xs[component, ring:], ys[component, ring:])
            label = self.mean_labels[component]
            label.setPos(float(means[component, 0]), float(means[component, 1]))
            label.setVisible(True)
        brushes = [pg.mkBrush(*color) for color in component_colors(len(weights)).astype(int).tolist()]
        self.mean_scatter.setData(means[:, 0], means[:, 1], brush=brushes)

    def _draw_density(self) -> None:
        mode = self._options.density
        if mode is DensityMode.NONE or self._mixture is None:
            self.density_image.clear()
            self.contour_curve.setData([], [])
            return
        (x_low, x_high), (y_low, y_high) = self.plot.getViewBox().viewRange()
        shape = (DENSITY_GRID, DENSITY_GRID)
        grid = grid_points((x_low, x_high), (y_low, y_high), shape)
        densities = weighted_densities(grid, self._mixture)
        field = densities.sum(axis=1).reshape(shape)
        if mode is DensityMode.HEAT_MAP:
            self.contour_curve.setData([], [])
            top = max(float(field.max()), np.finfo(float).tiny)
            image = np.empty(shape + (4,), dtype=np.uint8)
            image[..., :3] = HEAT_COLOR
            image[..., 3] = (190 * np.sqrt(field / top)).astype(np.uint8)
            self.density_image.setImage(image, autoLevels=False)
            self.density_image.setRect(QRectF(x_low, y_low, x_high - x_low, y_high - y_low))
        else:
            self.density_image.clear()
            x, y = contour_segments(field, contour_levels(field), (x_low, x_high), (y_low, y_high))
            self.contour_curve.setData(x, y)

    def _layout_raster(self) -> bool:
        """Lay the points out for the view's range and size; False if nothing changed since the last layout.

        A new range or size comes back through the view's signals (after ``RELAYOUT_MS``) even when the layout
        was already made for it, and a million points take tens of milliseconds to lay out.
        """
        if not self._use_raster:
            return False
        view_box = self.plot.getViewBox()
        (x_low, x_high), (y_low, y_high) = view_box.viewRange()
        size = view_box.sceneBoundingRect()
        ratio = self.devicePixelRatioF()
        key = (x_low, x_high, y_low, y_high, int(size.width() * ratio / RASTER_PIXEL),
               int(size.height() * ratio / RASTER_PIXEL))
        if key == self._raster_key:
            return False
        self._raster.layout((x_low, x_high), (y_low, y_high), key[4], key[5])
        self._raster_key = key
        return True

    def _on_view_changed(self) -> None:
        if self._layout_raster():
            self._draw_points()
        self._draw_density()

    # --- read back (tests, export) ----------------------------------------------------------------

    def uses_raster(self) -> bool:
        return self._use_raster
