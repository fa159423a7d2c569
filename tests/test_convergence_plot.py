"""The convergence plot fits its widget: on a narrow screen its legend takes two lines instead of widening the
plot beyond the widget (which cut off the latest iterations at 1280 x 720 with a lesson's panel open)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest

from engine.config import FitConfig
from engine.em import iterate_em
from gui.views.convergence import ConvergencePlot


@pytest.fixture(scope="module")
def last_snapshot():
    X = np.concatenate([np.random.default_rng(0).normal(0.0, 1.0, (50, 2)),
                        np.random.default_rng(1).normal(5.0, 1.0, (50, 2))])
    return list(iterate_em(X, FitConfig(2, tol=0.0, max_iter=10, seed=0)))[-1]


def shown_plot(qtbot, snapshot, width: int, height: int, tol: float) -> ConvergencePlot:
    """A convergence plot of ``width`` x ``height`` pixels on screen, reset for ``tol``, showing ``snapshot``."""
    plot = ConvergencePlot()
    qtbot.addWidget(plot)
    plot.resize(width, height)
    plot.show()
    qtbot.waitExposed(plot)
    plot.reset(tol)
    plot.show_snapshot(snapshot)
    return plot


@pytest.mark.parametrize(("width", "lines"), [(480, 2), (1000, 1)])
def test_the_plot_fits_its_widget_and_shows_the_latest_iteration(qtbot, last_snapshot, width, lines):
    plot = shown_plot(qtbot, last_snapshot, width, 240, 1e-3)
    qtbot.waitUntil(lambda: plot.width() == width)
    assert plot._title.count("<br>") == lines - 1

    def rights() -> list[float]:
        return [item.mapRectToScene(item.boundingRect()).right() for item in (plot.likelihood, plot.change)]

    try:  # the layout follows the title at the next event
        qtbot.waitUntil(lambda: max(rights()) <= plot.viewport().width() + 1, timeout=2000)
    except qtbot.TimeoutError:
        pytest.fail(f"the plot reaches {max(rights()):.0f} px in a {width} px widget")
    assert plot.likelihood.getViewBox().viewRange()[0][1] >= last_snapshot.iteration + 0.5


def test_the_half_step_label_leaves_the_latest_points_readable(qtbot, last_snapshot):
    """EM's log-likelihood rises, so its latest points sit at the top right, beside the cursor: the cursor's
    label ("M 10") sits low, not over them (it covered them in the window's short plot at 1280 x 720)."""
    plot = shown_plot(qtbot, last_snapshot, 360, 220, 1e-3)
    label = plot.cursor.label
    qtbot.waitUntil(lambda: label.isVisible() and label.toPlainText() == f"M {last_snapshot.iteration}")
    box = plot.likelihood.getViewBox()
    x, y = plot.curve.getData()

    def covered() -> list[pg.Point]:
        latest = [box.mapViewToScene(pg.Point(point_x, point_y))
                  for point_x, point_y in zip(x[-3:], y[-3:], strict=True)]
        label_rect = label.mapRectToScene(label.boundingRect())
        return [point for point in latest if label_rect.contains(point)]

    try:  # the label follows the view's range at the next event
        qtbot.waitUntil(lambda: not covered(), timeout=1000)
    except qtbot.TimeoutError:
        pytest.fail(f"the label {label.mapRectToScene(label.boundingRect())} covers {covered()}")
    # Low in the plot whatever its height: the latest points are at the top.
    assert label.mapRectToScene(label.boundingRect()).center().y() > box.sceneBoundingRect().center().y()


def test_the_first_iteration_has_whole_iterations_and_readable_log_likelihoods(qtbot):
    """One E-step and a tol of 1e-8 (the coin lessons): the axis still spans enough for labels of a few digits
    (a span of 2e-8 left it without any and the tol band filled the plot), and the iteration axis counts whole
    iterations (it showed 0.6 ... 1.6)."""
    X = np.random.default_rng(0).normal(size=(40, 1))
    first = next(snapshot for snapshot in iterate_em(X, FitConfig(2, tol=1e-8, max_iter=5, seed=0))
                 if len(snapshot.history) == 1)
    plot = shown_plot(qtbot, first, 480, 240, 1e-8)
    (x_low, x_high), (y_low, y_high) = plot.likelihood.getViewBox().viewRange()
    assert x_low <= 1 and x_high >= 5
    value = first.history[0]
    assert y_low < value < y_high and y_high - y_low >= 1e-3 * abs(value)
    band_low, band_high = plot.tol_band.getRegion()
    assert band_high - band_low < 1e-3 * (y_high - y_low)
