"""The restarts strip: one point per start; clicking one shows that start's fit.

The test shares the window of the module (``unchanged_app``): it takes it back to EM's start with one start
again, and asserts so (``test_gui_window.back_to_start``)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from test_gui_window import TIMEOUT_MS, back_to_start, settle, start_of

from gui.main.controller import RunState


def test_each_start_is_a_point_and_a_click_shows_its_fit(unchanged_app, qtbot):
    window, controller = unchanged_app
    at_start = start_of(controller)
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
    for start in range(3):
        with qtbot.waitSignal(window.restarts.start_clicked, timeout=TIMEOUT_MS) as blocker:
            qtbot.mouseClick(window.restarts.plot_widget.viewport(), Qt.MouseButton.LeftButton,
                             pos=window.restarts.point_position(start))
        assert blocker.args == [start]
        shown = controller.shown.snapshot
        assert shown.start == start
        assert shown.mean_log_likelihood == final.start_log_likelihoods[start]
    back_to_start(qtbot, window, controller, at_start)  # the window is shared with the module's other tests
    assert not window.restarts.isVisibleTo(window)
