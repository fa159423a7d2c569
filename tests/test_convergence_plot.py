"""The convergence plot fits its widget: on a narrow screen its legend takes two lines instead of widening the
plot beyond the widget (which cut off the latest iterations at 1280 x 720 with a lesson's panel open)."""

from __future__ import annotations

import numpy as np
import pytest

from engine.config import FitConfig
from engine.em import iterate_em
from gui.views.convergence import ConvergencePlot


@pytest.fixture(scope="module")
def last_snapshot():
    X = np.concatenate([np.random.default_rng(0).normal(0.0, 1.0, (50, 2)),
                        np.random.default_rng(1).normal(5.0, 1.0, (50, 2))])
    return list(iterate_em(X, FitConfig(2, tol=0.0, max_iter=10, seed=0)))[-1]


@pytest.mark.parametrize(("width", "lines"), [(480, 2), (1000, 1)])
def test_the_plot_fits_its_widget_and_shows_the_latest_iteration(qtbot, last_snapshot, width, lines):
    plot = ConvergencePlot()
    qtbot.addWidget(plot)
    plot.resize(width, 240)
    plot.show()
    qtbot.waitExposed(plot)
    plot.reset(1e-3)
    plot.show_snapshot(last_snapshot)
    qtbot.waitUntil(lambda: plot.width() == width)
    assert plot._title.count("<br>") == lines - 1

    def rights() -> list[float]:
        return [item.mapRectToScene(item.boundingRect()).right() for item in (plot.likelihood, plot.change)]

    try:  # the layout follows the title at the next event
        qtbot.waitUntil(lambda: max(rights()) <= plot.viewport().width() + 1, timeout=2000)
    except qtbot.TimeoutError:
        pytest.fail(f"the plot reaches {max(rights()):.0f} px in a {width} px widget")
    assert plot.likelihood.getViewBox().viewRange()[0][1] >= last_snapshot.iteration + 0.5
