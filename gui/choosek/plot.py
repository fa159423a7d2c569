"""The Choose-K plot: one line per covariance type over K for the chosen criterion, the best cell ringed,
degenerate cells hollow; a click on a point asks for that cell's model."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from engine.covariance import CovarianceType
from engine.selection.grid import Criterion
from gui.choosek.board import Series
from gui.colors import style_plot
from gui.covariance_names import covariance_type_name

#: A click this close to a point (in pixels) picks it.
PICK_PIXELS = 12.0
#: Colour and symbol of each covariance type's line (the symbols tell them apart without colour too).
TYPE_STYLE = {
    CovarianceType.FULL: ((31, 119, 180), "o"),
    CovarianceType.TIED: ((230, 120, 20), "s"),
    CovarianceType.DIAG: ((44, 160, 44), "t"),
    CovarianceType.SPHERICAL: ((148, 80, 190), "d"),
}
BEST_COLOR = (200, 30, 30)
SHOWN_COLOR = (40, 40, 40)
SYMBOL_SIZE = 9
#: Unicode glyphs of the symbols, for the legend above the plot.
GLYPHS = {"o": "●", "s": "■", "t": "▼", "d": "◆"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChooseK", text)


def criterion_title(criterion: Criterion) -> str:
    """The axis title of a criterion, saying which way is better."""
    return {Criterion.BIC: _tr("BIC (lower is better)"), Criterion.AIC: _tr("AIC (lower is better)"),
            Criterion.ICL: _tr("ICL (lower is better)"),
            Criterion.CV: _tr("held-out log-lik. per point (higher is better)")}[Criterion(criterion)]


def _hex(color: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*color)


class CriterionPlot(QWidget):
    """The criterion of every finished cell over K, a line per covariance type (see the module docstring).

    Signals
    -------
    cell_clicked(int)
        The grid index of the cell whose point was clicked.
    """

    cell_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.plot_widget = pg.PlotWidget(background="w")
        self.plot = self.plot_widget.getPlotItem()
        style_plot(self.plot)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=True)  # the wheel zooms into the values near the best
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.plot.setLabel("bottom", _tr("number of components K"))
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.plot.getAxis("left").setWidth(62)
        self.plot_widget.setMinimumHeight(170)
        self.plot_widget.setToolTip(_tr("Each finished cell of the grid: K across, the criterion up, one line per "
                                        "covariance type. Ringed in red: the best cell that is not degenerate; "
                                        "hollow: degenerate fits (never chosen). Click a point to put that model "
                                        "on the canvas; the mouse wheel zooms the criterion's axis."))
        self.lines: dict[CovarianceType, pg.PlotDataItem] = {}
        self.points: dict[CovarianceType, pg.ScatterPlotItem] = {}
        for covariance_type, (color, symbol) in TYPE_STYLE.items():
            line = pg.PlotDataItem(pen=pg.mkPen(color, width=2))
            points = pg.ScatterPlotItem(symbol=symbol, size=SYMBOL_SIZE)
            self.plot.addItem(line)
            self.plot.addItem(points)
            self.lines[covariance_type], self.points[covariance_type] = line, points
        self.best_mark = pg.ScatterPlotItem(symbol="o", size=22, pen=pg.mkPen(BEST_COLOR, width=2.5), brush=None)
        self.shown_mark = pg.ScatterPlotItem(symbol="s", size=20, brush=None,
                                             pen=pg.mkPen(SHOWN_COLOR, width=1.5, style=Qt.PenStyle.DashLine))
        for item in (self.best_mark, self.shown_mark):
            item.setZValue(5)
            self.plot.addItem(item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.legend)
        layout.addWidget(self.plot_widget, 1)
        self._positions: dict[int, tuple[float, float]] = {}  # cell index -> (K, value) of every drawn point
        self.set_types(tuple(CovarianceType))
        self.plot.scene().sigMouseClicked.connect(self._on_clicked)

    def set_types(self, covariance_types: tuple[CovarianceType, ...]) -> None:
        """The legend for these covariance types."""
        parts = [f'<span style="color:{_hex(TYPE_STYLE[t][0])}">{GLYPHS[TYPE_STYLE[t][1]]}</span>'
                 f'&nbsp;{covariance_type_name(t)}' for t in covariance_types]
        best, degenerate = _tr("best"), _tr("degenerate")
        parts.append(f'<span style="color:{_hex(BEST_COLOR)}">◯</span>&nbsp;{best}')
        parts.append(f"○&nbsp;{degenerate}")
        self.legend.setText("&nbsp;&nbsp; ".join(parts))

    def show_series(self, series: list[Series], criterion: Criterion, best_index: int | None,
                    ks: tuple[int, ...]) -> None:
        """Draw the lines; ring the cell ``best_index`` (None: no best yet); K runs over ``ks``."""
        self.plot.setLabel("left", criterion_title(criterion))
        self._positions = {}
        drawn_types = set()
        for line in series:
            color, _ = TYPE_STYLE[line.covariance_type]
            drawn_types.add(line.covariance_type)
            self.lines[line.covariance_type].setData(line.ks.astype(float), line.values)
            brushes = [pg.mkBrush(255, 255, 255) if degenerate else pg.mkBrush(*color)
                       for degenerate in line.degenerate]
            self.points[line.covariance_type].setData(x=line.ks.astype(float), y=line.values, brush=brushes,
                                                      pen=pg.mkPen(color, width=1.5), data=line.cell_indices)
            for k, value, index in zip(line.ks, line.values, line.cell_indices, strict=True):
                self._positions[int(index)] = (float(k), float(value))
        for covariance_type in set(TYPE_STYLE) - drawn_types:
            self.lines[covariance_type].setData([], [])
            self.points[covariance_type].setData([], [])
        best = self._positions.get(best_index) if best_index is not None else None
        self.best_mark.setData(*([[best[0]], [best[1]]] if best else [[], []]))
        self.plot.getAxis("bottom").setTicks([[(float(k), str(k)) for k in ks]])
        self._fit_range(ks)

    def set_shown(self, cell_index: int | None) -> None:
        """Frame the point of the cell whose model is on the canvas (None: no cell)."""
        position = self._positions.get(cell_index) if cell_index is not None else None
        self.shown_mark.setData(*([[position[0]], [position[1]]] if position else [[], []]))

    def clear(self) -> None:
        self.show_series([], Criterion.BIC, None, ())
        self.set_shown(None)

    def _fit_range(self, ks: tuple[int, ...]) -> None:
        if ks:
            self.plot.setXRange(min(ks) - 0.4, max(ks) + 0.4, padding=0)
        values = np.array([value for _, value in self._positions.values()], dtype=float)
        if values.size:
            low, high = float(values.min()), float(values.max())
            margin = 0.08 * (high - low) if high > low else max(1.0, 0.01 * abs(high))
            self.plot.setYRange(low - margin, high + margin, padding=0)

    def point_position(self, cell_index: int) -> QPointF:
        """Viewport position of a cell's point (for tests)."""
        k, value = self._positions[cell_index]
        scene = self.plot.getViewBox().mapViewToScene(pg.Point(k, value))
        return self.plot_widget.mapFromScene(scene)

    def _on_clicked(self, event) -> None:
        if not self._positions:
            return
        view_box = self.plot.getViewBox()
        position = view_box.mapSceneToView(event.scenePos())
        width, height = view_box.viewPixelSize()
        indices = np.array(list(self._positions), dtype=int)
        points = np.array(list(self._positions.values()), dtype=float)
        distances = np.hypot((points[:, 0] - position.x()) / width, (points[:, 1] - position.y()) / height)
        nearest = int(np.nanargmin(distances))
        if distances[nearest] <= PICK_PIXELS:
            self.cell_clicked.emit(int(indices[nearest]))


__all__ = ["CriterionPlot", "TYPE_STYLE", "criterion_title"]
