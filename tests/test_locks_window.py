"""Locks chosen in the Model panel reach EM: what is locked stays as it started.

The tests share one window (``unchanged_app``): each takes it back to EM's start with the locks it set let go
of, and asserts so (``test_gui_window.back_to_start``)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from test_gui_window import TIMEOUT_MS, back_to_start, press, settle, start_of

from engine.em import HalfStep
from engine.locks import CovarianceLock
from gui.main.controller import RunState


def run_to_the_end(qtbot, window, controller):
    """Reset to the start (returning its parameters), run EM and return the fitted parameters."""
    assert controller.shown.snapshot.half_step is HalfStep.INIT
    start = controller.shown.snapshot.params
    press(qtbot, window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: controller.state is RunState.FINISHED and controller.is_settled(), timeout=TIMEOUT_MS)
    return start, controller.shown.snapshot.params


def test_fixed_covariances_stay_as_they_started(unchanged_app, qtbot):
    window, controller = unchanged_app
    at_start = start_of(controller)
    panel = window.model_panel
    panel.covariance_lock.setCurrentIndex(panel.covariance_lock.findData(CovarianceLock.FIXED.value))
    settle(qtbot, controller)
    assert controller.config.locks.covariances is CovarianceLock.FIXED
    start, fitted = run_to_the_end(qtbot, window, controller)
    assert controller.shown.snapshot.iteration > 1
    assert np.array_equal(fitted.covariances, start.covariances)
    assert not np.allclose(fitted.means, start.means)
    back_to_start(qtbot, window, controller, at_start)  # the window is shared with the module's other tests


def test_a_frozen_component_does_not_move_and_equal_weights_stay_equal(unchanged_app, qtbot):
    window, controller = unchanged_app
    at_start = start_of(controller)
    panel = window.model_panel
    panel.set_frozen((1,))
    panel.equal_weights.setChecked(True)
    settle(qtbot, controller)
    assert controller.config.locks.frozen_components == (1,)
    start, fitted = run_to_the_end(qtbot, window, controller)
    assert np.array_equal(fitted.means[1], start.means[1])
    assert np.array_equal(fitted.covariances[1], start.covariances[1])
    assert not np.allclose(fitted.means[0], start.means[0])
    back_to_start(qtbot, window, controller, at_start)  # the window is shared with the module's other tests


def test_equal_weights_lock(unchanged_app, qtbot):
    window, controller = unchanged_app
    at_start = start_of(controller)
    window.model_panel.equal_weights.setChecked(True)
    settle(qtbot, controller)
    _, fitted = run_to_the_end(qtbot, window, controller)
    assert np.allclose(fitted.weights, 1.0 / len(fitted.weights))
    back_to_start(qtbot, window, controller, at_start)  # the window is shared with the module's other tests


def test_frozen_list_follows_k(unchanged_app, qtbot):
    window, controller = unchanged_app
    at_start = start_of(controller)
    panel = window.model_panel
    panel.set_frozen((0, 2))
    panel.n_components.setValue(2)
    assert panel.frozen.count() == 2 and panel.locks().frozen_components == (0,)
    panel.n_components.setValue(4)
    assert panel.frozen.count() == 4 and panel.locks().frozen_components == (0,)
    settle(qtbot, controller)
    back_to_start(qtbot, window, controller, at_start)  # the window is shared with the module's other tests
