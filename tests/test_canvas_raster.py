"""The canvas's raster of many points: laid out once per new data or view change, and again when the view moves."""

from __future__ import annotations

import numpy as np
import pytest

from gui.views.canvas import SCATTER_MAX_POINTS, MixtureCanvas

TIMEOUT_MS = 10_000


@pytest.fixture
def canvas(qtbot):
    view = MixtureCanvas()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_new_points_are_laid_out_once_and_again_when_the_view_moves(canvas, qtbot):
    layouts = []
    real_layout = canvas._raster.layout

    def counting_layout(*args):
        layouts.append(args)
        real_layout(*args)

    canvas._raster.layout = counting_layout
    points = np.random.default_rng(0).normal(size=(5 * SCATTER_MAX_POINTS, 2))
    canvas.set_points(points, ("x", "y"), None)  # the view's range follows the points: one layout for both
    qtbot.waitUntil(lambda: len(layouts) == 1 and not canvas._relayout_timer.isActive(), timeout=TIMEOUT_MS)
    assert canvas.uses_raster() and canvas.point_image.image is not None
    assert len(layouts) == 1
    canvas.plot.setRange(xRange=(10.0, 20.0), yRange=(-5.0, 5.0), padding=0)  # a pan and zoom
    qtbot.waitUntil(lambda: len(layouts) == 2, timeout=TIMEOUT_MS)
    (x_low, x_high), (y_low, y_high) = canvas.plot.getViewBox().viewRange()
    assert canvas._raster.rect == pytest.approx((x_low, y_low, x_high - x_low, y_high - y_low))
