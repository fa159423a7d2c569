"""The restarts strip: one point per start; clicking one shows that start's fit."""

from __future__ import annotations

import numpy as np
import test_gui_window
from PySide6.QtCore import Qt
from test_gui_window import TIMEOUT_MS, settle

from gui.main.controller import RunState

# The window fixtures of the window tests, shared.
app = test_gui_window.app


def test_each_start_is_a_point_and_a_click_shows_its_fit(app, qtbot):
    window, controller = app
    assert not window.restarts.isVisibleTo(window)
    window.model_panel.init.setCurrentIndex(window.model_panel.init.findData("random"))
    window.model_panel.n_init.setValue(3)
    settle(qtbot, controller)
    assert window.restarts.isVisibleTo(window)
    window.run_pause_action.trigger()
    qtbot.waitUntil(lambda: controller.state is RunState.FINISHED and controller.is_settled(), timeout=TIMEOUT_MS)
    final = controller.shown.snapshot
    assert len(final.start_log_likelihoods) == 3
    np.testing.assert_array_equal(window.restarts.values(), final.start_log_likelihoods)
    # The axis counts starts from 1, as the convergence plot's title ("start 3 of 3") does.
    assert [label for _, label in window.restarts.plot.getAxis("bottom")._tickLevels[0]] == ["1", "2", "3"]
    for start in range(3):
        with qtbot.waitSignal(window.restarts.start_clicked, timeout=TIMEOUT_MS) as blocker:
            qtbot.mouseClick(window.restarts.plot_widget.viewport(), Qt.MouseButton.LeftButton,
                             pos=window.restarts.point_position(start))
        assert blocker.args == [start]
        shown = controller.shown.snapshot
        assert shown.start == start
        assert shown.mean_log_likelihood == final.start_log_likelihoods[start]


def test_starts_without_a_finite_log_likelihood_draw_no_point_and_warn_nothing(qtbot):
    """max_iter 0 with two starts: no start has a log-likelihood. pyqtgraph warned "All-NaN slice encountered" on
    stderr for an all-NaN strip (the suite's warnings are errors); a click then finds no point."""
    from gui.views.restarts import RestartsStrip

    strip = RestartsStrip()
    qtbot.addWidget(strip)
    strip.resize(300, 160)
    strip.setVisible(True)
    qtbot.waitExposed(strip)
    strip.set_starts((float("nan"), float("nan")), 0)
    strip.set_starts((float("nan"), -1.5), 1)
    x, y = strip.points.getData()
    assert list(x) == [1] and list(y) == [-1.5]
    strip.set_starts((float("nan"), float("nan")), 0)
    qtbot.wait(50)  # a paint: pyqtgraph's bounds of the points
    with qtbot.assertNotEmitted(strip.start_clicked):
        qtbot.mouseClick(strip.plot_widget.viewport(), Qt.MouseButton.LeftButton,
                         pos=strip.plot_widget.viewport().rect().center())
