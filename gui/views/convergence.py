"""The convergence plot: mean log-likelihood per iteration, and its change against tol on a log scale.

Each E-step gives one log-likelihood value (a dot, at its iteration); the M-step that follows moves the
parameters, which shows as the climb to the next dot (a tick half-way). A vertical line marks the
half-step on screen. The band around the latest value is +-tol: when the next value lands inside it,
EM has converged. The lower plot shows the same test directly: |change| per iteration against tol.
"""

from __future__ import annotations

import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QWidget

from engine.em import EMSnapshot, HalfStep
from gui.colors import FOREGROUND
from gui.views.axes import QuietAxis, left_and_bottom, quiet_axes

LINE_COLOR = (50, 90, 160)
M_COLOR = (200, 110, 30)
TOL_COLOR = (200, 60, 60)
RESEED_COLOR = (150, 30, 150)
#: Changes are clipped to this before the log scale (an exact zero has no logarithm).
SMALLEST_CHANGE = 1e-16
#: Point size of the legend above the plot.
LEGEND_POINT_SIZE = 9
#: Room the legend leaves beside it (the left axis and margins), in pixels.
LEGEND_MARGIN = 110
#: The iteration axis shows at least iterations 1 to this (whole numbers on its ticks, not 0.6 ... 1.6).
MIN_ITERATIONS_SHOWN = 10
#: The log-likelihood axis spans at least this fraction of its values (at least this much below 1).
MIN_LIKELIHOOD_SPAN = 2e-3


class ConvergencePlot(pg.GraphicsLayoutWidget):
    """Log-likelihood history of the current start, with E and M half-steps and the tol band."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.likelihood = self.addPlot(row=0, col=0, axisItems=quiet_axes(), enableMenu=False)
        change_axis = PowerOfTenAxis("left", pen=FOREGROUND, textPen=FOREGROUND)
        self.change = self.addPlot(row=1, col=0, axisItems=quiet_axes(left=change_axis), enableMenu=False)
        self.ci.layout.setRowStretchFactor(0, 3)
        self.ci.layout.setRowStretchFactor(1, 2)
        for plot in (self.likelihood, self.change):
            left_and_bottom(plot)  # the axes come dark, in the foreground colour (``quiet_axes``)
            plot.setMenuEnabled(False)
            plot.disableAutoRange()  # ranges are set with every snapshot (see _set_ranges)
            plot.getAxis("left").setWidth(70)
            plot.getAxis("left").enableAutoSIPrefix(False)
            plot.getAxis("bottom").enableAutoSIPrefix(False)
        self.change.setXLink(self.likelihood)
        self.likelihood.setLabel("left", self.tr("mean log-lik."))
        self.change.setLabel("left", self.tr("|change|"))
        self.change.setLabel("bottom", self.tr("iteration"))

        self.tol_band = pg.LinearRegionItem(orientation="horizontal", movable=False,
                                            brush=pg.mkBrush(*TOL_COLOR, 45), pen=pg.mkPen(*TOL_COLOR, 90))
        self.tol_band.setZValue(-10)
        self.tol_band.setVisible(False)
        self.curve = pg.PlotDataItem(pen=pg.mkPen(LINE_COLOR, width=2), symbol="o", symbolSize=6,
                                     symbolBrush=LINE_COLOR, symbolPen=None)
        self.m_ticks = pg.ScatterPlotItem(symbol="t1", size=8, brush=pg.mkBrush(M_COLOR), pen=None)
        # M-steps that re-seeded a collapsed component: a cross over their tick.
        self.reseed_marks = pg.ScatterPlotItem(symbol="x", size=14, brush=pg.mkBrush(RESEED_COLOR), pen=None)
        self.reseed_marks.setZValue(5)
        # The half-step on screen; its label sits left of the line, so it is never cut off at the right edge, and
        # low, away from the latest points: the log-likelihood rises, so they are at the top beside the line.
        self.cursor = pg.InfiniteLine(angle=90, movable=False,
                                      pen=pg.mkPen(FOREGROUND, width=1, style=Qt.PenStyle.DotLine), label="",
                                      labelOpts={"position": 0.15, "color": FOREGROUND,
                                                 "anchors": [(1, 0.5), (1, 0.5)]})
        self.cursor.setVisible(False)
        for item in (self.tol_band, self.curve, self.m_ticks, self.reseed_marks, self.cursor):
            self.likelihood.addItem(item)
        # The legend is the title: one line above the plot, so it never hides the curve.
        # A narrow plot breaks it in two lines (``_set_title``): one line wider than the plot would widen the
        # whole layout beyond the widget and cut off its right side, the latest iterations.
        # Translated outside the f-strings: pyside6-lupdate does not look inside an f-string's expressions.
        e_step, m_step = self.tr("E-step: log-likelihood"), self.tr("M-step: new parameters")
        tol_band, reseeded = self.tr("± tol around the latest value"), self.tr("M-step re-seeded a component")
        self._legend_parts = (
            f'<span style="color:{_hex(LINE_COLOR)}">●</span> {e_step}&nbsp;&nbsp; '
            f'<span style="color:{_hex(M_COLOR)}">▲</span> {m_step}',
            f'<span style="color:{_hex(TOL_COLOR)}">▬</span> {tol_band}')
        self._reseed_html = f'&nbsp;&nbsp; <span style="color:{_hex(RESEED_COLOR)}">✕</span> {reseeded}'
        legend_font = QFont(self.font())
        legend_font.setPointSize(LEGEND_POINT_SIZE)
        self._legend_metrics = QFontMetrics(legend_font)
        self._prefix = ""
        self._reseeded = False
        self._fit_timer = QTimer(self)  # a timer of the plot's own: it goes with the plot
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_layout)
        self.change_curve = pg.PlotDataItem(pen=pg.mkPen(LINE_COLOR, width=1.5), symbol="o", symbolSize=4,
                                            symbolBrush=LINE_COLOR, symbolPen=None)
        self.tol_line = pg.InfiniteLine(angle=0, movable=False, pen=pg.mkPen(TOL_COLOR, width=1.5,
                                                                              style=Qt.PenStyle.DashLine),
                                        label=self.tr("tol"), labelOpts={"position": 0.03, "color": TOL_COLOR})
        self.change.addItem(self.change_curve)
        self.change.addItem(self.tol_line)
        self._tol = 0.0
        self._title: str | None = None
        self._set_title("")

    def reset(self, tol: float) -> None:
        """Clear the curves for a new run with stopping threshold ``tol``."""
        self._tol = tol
        self.curve.setData([], [])
        self.m_ticks.setData([], [])
        self.reseed_marks.setData([], [])
        self.change_curve.setData([], [])
        self.tol_band.setVisible(False)
        self.cursor.setVisible(False)
        self.tol_line.setVisible(tol > 0)
        if tol > 0:
            self.tol_line.setValue(np.log10(tol))
        self.likelihood.setXRange(0.5, MIN_ITERATIONS_SHOWN + 0.2, padding=0)
        self._set_title("")

    def show_snapshot(self, snapshot: EMSnapshot, n_init: int = 1, reseeds: tuple = ()) -> None:
        """Draw the history the snapshot carries (a dropped snapshot leaves no gap).

        ``reseeds`` are the run's ``gui.main.fit_worker.ReseedEvent``s (anything with ``start`` and
        ``iteration``): those of the snapshot's start whose M-step is drawn get a cross over its tick.
        """
        # An E-step under parameters far from the data can have no finite log-likelihood: such a value (NaN
        # here) is left out of every curve and range.
        history = np.asarray(snapshot.history, dtype=float)
        history = np.where(np.isfinite(history), history, np.nan)
        iterations = np.arange(1, len(history) + 1, dtype=float)
        self.curve.setData(*_finite(iterations, history))
        # An M-step follows every E-step except, while the snapshot is an E, the latest one.
        n_m = len(history) - (1 if snapshot.half_step is HalfStep.E else 0)
        heights = (history[:n_m] + np.append(history[1:], history[-1])[:n_m]) / 2 if n_m > 0 else np.empty(0)
        self.m_ticks.setData(*_finite(iterations[:n_m] + 0.5, heights))
        reseeded = np.array(sorted({event.iteration for event in reseeds
                                    if event.start == snapshot.start and 1 <= event.iteration <= n_m}), dtype=int)
        self.reseed_marks.setData(*_finite(reseeded + 0.5, heights[reseeded - 1]))
        self._set_title(self._prefix, reseeded=len(reseeded) > 0)
        with np.errstate(invalid="ignore"):
            log_changes = np.log10(np.maximum(np.abs(np.diff(history)), SMALLEST_CHANGE))
        self.change_curve.setData(*_finite(iterations[1:], log_changes))
        if len(history) and np.isfinite(history[-1]) and self._tol > 0:
            self.tol_band.setRegion((history[-1] - self._tol, history[-1] + self._tol))
            self.tol_band.setVisible(True)
        position = {HalfStep.E: snapshot.iteration, HalfStep.M: snapshot.iteration + 0.5}.get(snapshot.half_step)
        self.cursor.setVisible(position is not None)
        if position is not None:
            self.cursor.setValue(position)
            self.cursor.label.setFormat(f"{snapshot.half_step.value} {snapshot.iteration}")
        self._set_ranges(history, log_changes, len(history) + (1.0 if position is None else 0.5))
        if n_init > 1:
            self._set_title(self.tr("start {0} of {1}").format(snapshot.start + 1, n_init), reseeded=len(reseeded) > 0)

    def _set_ranges(self, history: np.ndarray, log_changes: np.ndarray, last_x: float) -> None:
        """Fit the view to the data now, in this frame.

        pyqtgraph's automatic range is worked out while painting and then asks for a second paint; that
        second paint would come after the frame has ended, while EM runs again and competes for the GIL.
        """
        self.likelihood.setXRange(0.5, max(last_x, MIN_ITERATIONS_SHOWN) + 0.2, padding=0)
        finite = history[np.isfinite(history)]  # the ranges come from the values drawn (NaN is not)
        if len(finite):
            low, high = float(finite.min()), float(finite.max())
            if self._tol > 0 and np.isfinite(history[-1]):
                low, high = min(low, history[-1] - self._tol), max(high, history[-1] + self._tol)
            # Never narrower than ``MIN_LIKELIHOOD_SPAN`` of the values: the tick labels of a range of 2e-8 (one
            # value and a tol of 1e-8, as in the coin lessons) need more digits than the axis has room for, and
            # pyqtgraph then draws none; the band filled the plot.
            floor = MIN_LIKELIHOOD_SPAN * max(1.0, abs(low), abs(high))
            if high - low < floor:
                middle = (low + high) / 2
                low, high = middle - floor / 2, middle + floor / 2
            margin = 0.08 * (high - low)
            if np.isfinite(low - margin) and np.isfinite(high + margin):
                self.likelihood.setYRange(low - margin, high + margin, padding=0)
        values = np.append(log_changes, np.log10(self._tol)) if self._tol > 0 else log_changes
        values = values[np.isfinite(values)]
        if len(values):
            low, high = float(values.min()), float(values.max())
            margin = 0.1 * (high - low) if high > low else 0.5
            self.change.setYRange(low - margin, high + margin, padding=0)
        for plot in (self.likelihood, self.change):
            plot.getViewBox().updateMatrix()  # else pyqtgraph applies the new range while painting, then repaints

    def _set_title(self, prefix: str, reseeded: bool = False) -> None:
        """The legend as the title, after ``prefix`` (the start), with the re-seed cross when one is drawn; on two
        lines when one would be wider than the plot."""
        self._prefix, self._reseeded = prefix, reseeded
        first, second = self._legend_parts
        second += self._reseed_html if reseeded else ""
        first = f"<b>{prefix}</b>&nbsp;&nbsp; {first}" if prefix else first
        one_line = f"{first}&nbsp;&nbsp; {second}"
        plain = re.sub(r"<[^>]+>", "", one_line).replace("&nbsp;", " ")
        fits = self._legend_metrics.horizontalAdvance(plain) + LEGEND_MARGIN <= self.width()
        text = one_line if fits else f"{first}<br>{second}"
        if text != self._title:
            self._title = text
            self.likelihood.setTitle(text, color=_hex(FOREGROUND), size=f"{LEGEND_POINT_SIZE}pt")
            # The layout keeps a width its old minimum forced on it until told its size again, once it has
            # taken the new title in (at the next event).
            self._fit_timer.start()

    def _fit_layout(self) -> None:
        self.ci.setGeometry(self.range)

    def resizeEvent(self, event: QResizeEvent | None) -> None:  # noqa: N802 - Qt's naming
        if hasattr(self, "_legend_metrics"):  # pyqtgraph resizes once inside its own __init__, before ours ran
            self._set_title(self._prefix, self._reseeded)  # before the layout takes the new size
        super().resizeEvent(event)


def _finite(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The points (x, y) whose y is finite."""
    drawn = np.isfinite(y)
    return x[drawn], y[drawn]


def _hex(color: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*color)


class PowerOfTenAxis(QuietAxis):
    """An axis for values that are base-10 logarithms, labelled with the numbers themselves (1e-3, ...)."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's naming
        return [f"{10.0 ** value:.0e}".replace("e-0", "e-").replace("e+0", "e") for value in values]
