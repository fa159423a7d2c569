"""The restarts strip: with n_init > 1, each start's final mean log-likelihood as a point; a click on one
asks to show that start's fit."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui.views.axes import quiet_plot_widget

#: A click this close to a point (in pixels) picks it.
PICK_PIXELS = 12.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("RestartsStrip", text)


class RestartsStrip(QWidget):
    """One point per finished start (x: start number, y: its final mean log-likelihood); the start on
    screen is ringed.

    Signals
    -------
    start_clicked(int)
        The start whose point was clicked.
    """

    start_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._values = np.empty(0)
        self._shown_start: int | None = None
        self._plot_widget: pg.PlotWidget | None = None
        self._points: pg.ScatterPlotItem | None = None
        self._current: pg.ScatterPlotItem | None = None

    # The plot is made when the strip is first shown, or its parts asked for: most runs have one start and never
    # show the strip, and the plot is a fifth of the cost of opening the window.

    @property
    def plot_widget(self) -> pg.PlotWidget:
        self._build()
        return self._plot_widget

    @property
    def plot(self) -> pg.PlotItem:
        return self.plot_widget.getPlotItem()

    @property
    def points(self) -> pg.ScatterPlotItem:
        """One point per finished start."""
        self._build()
        return self._points

    @property
    def current(self) -> pg.ScatterPlotItem:
        """The ring around the start on screen."""
        self._build()
        return self._current

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt's naming
        if visible:
            self._build()
        super().setVisible(visible)

    def _build(self) -> None:
        """Make the plot and draw the starts it has been given so far."""
        if self._plot_widget is not None:
            return
        self._plot_widget = plot_widget = quiet_plot_widget(background="w")
        plot = plot_widget.getPlotItem()
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.setLabel("bottom", _tr("start"))
        plot.setLabel("left", _tr("final log-lik."))
        plot_widget.setFixedHeight(150)
        plot_widget.setToolTip(_tr("Each start's final mean log-likelihood (n_init > 1): EM keeps the "
                                   "highest. Click a point to see that start's fit."))
        self._points = pg.ScatterPlotItem(size=10, pen=pg.mkPen((40, 40, 40)), brush=pg.mkBrush(90, 120, 180))
        self._current = pg.ScatterPlotItem(size=18, pen=pg.mkPen((200, 60, 40), width=2), brush=None)
        plot.addItem(self._points)
        plot.addItem(self._current)
        self._layout.addWidget(plot_widget)
        plot.scene().sigMouseClicked.connect(self._on_clicked)
        self._draw(self._values, values_changed=True)

    def set_starts(self, final_log_likelihoods: tuple[float, ...], shown_start: int | None) -> None:
        """The finished starts' final mean log-likelihoods, and which start is on screen (None: none)."""
        values = np.asarray(final_log_likelihoods, dtype=float)
        values_changed = not np.array_equal(values, self._values)
        if values_changed:
            self._values = values
        self._shown_start = shown_start
        if self._plot_widget is not None:
            self._draw(self._values, values_changed)

    def _draw(self, values: np.ndarray, values_changed: bool) -> None:
        """Draw ``values`` (n_starts,) if they changed, and ring the start on screen."""
        plot, shown_start = self.plot, self._shown_start
        if values_changed:
            drawn = np.isfinite(values)  # a start with no finite log-likelihood (max_iter 0) has no point
            self.points.setData(np.flatnonzero(drawn), values[drawn])
            if len(values):
                plot.setXRange(-0.5, len(values) - 0.5, padding=0)
                # Starts counted from 1, as the convergence plot's title says them ("start 5 of 8"); at most ten
                # numbers on the axis.
                step = -(-len(values) // 10)
                plot.getAxis("bottom").setTicks([[(start, str(start + 1)) for start in range(0, len(values), step)]])
                finite = values[np.isfinite(values)]
                if finite.size:
                    spread = max(float(np.ptp(finite)), 1e-6)
                    plot.setYRange(finite.min() - 0.15 * spread, finite.max() + 0.15 * spread, padding=0)
        if shown_start is not None and shown_start < len(values) and np.isfinite(values[shown_start]):
            self.current.setData([shown_start], [values[shown_start]])
        else:
            self.current.setData([], [])

    def values(self) -> np.ndarray:
        return self._values

    def point_position(self, start: int):
        """Viewport position of a start's point (for tests)."""
        scene = self.plot.getViewBox().mapViewToScene(pg.Point(float(start), float(self._values[start])))
        return self.plot_widget.mapFromScene(scene)

    def _on_clicked(self, event) -> None:
        if len(self._values) == 0:
            return
        view_box = self.plot.getViewBox()
        position = view_box.mapSceneToView(event.scenePos())
        width, height = view_box.viewPixelSize()
        distances = np.hypot((np.arange(len(self._values)) - position.x()) / width,
                             (self._values - position.y()) / height)
        if not np.isfinite(distances).any():  # no start has a point
            return
        nearest = int(np.nanargmin(distances))
        if distances[nearest] <= PICK_PIXELS:
            self.start_clicked.emit(nearest)
