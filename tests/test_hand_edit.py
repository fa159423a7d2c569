"""Components by hand: real mouse events on the canvas's viewport, then EM from what was placed.

The tests share one window (``unchanged_app``): each that edits by hand brings its data back (which lets go of the
components placed by hand, as new data does) and takes it back to EM's start, and asserts so (``back_to_the_data``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt
from test_gui_window import TIMEOUT_MS, back_to_start, press, start_of, wait_for_state

from engine.covariance import CovarianceType
from engine.em import HalfStep
from gui.main.controller import RunState
from gui.views.hand_edit import HandMixture, handle_points, stretch, to_params

LEFT = Qt.MouseButton.LeftButton
RIGHT = Qt.MouseButton.RightButton


def pixel(window, point) -> QPoint:
    return window.hand_editor.data_to_viewport(np.asarray(point, dtype=float)).toPoint()


def drag(qtbot, window, start, end) -> None:
    viewport = window.canvas.plot_widget.viewport()
    qtbot.mousePress(viewport, LEFT, pos=pixel(window, start))
    middle = (np.asarray(start) + np.asarray(end)) / 2
    qtbot.mouseMove(viewport, pos=pixel(window, middle))
    qtbot.mouseMove(viewport, pos=pixel(window, end))
    qtbot.mouseRelease(viewport, LEFT, pos=pixel(window, end))


def start_and_data(controller) -> tuple:
    """What ``back_to_the_data`` brings back: EM's start (``start_of``) and the data's name."""
    return start_of(controller), controller.session.description


def back_to_the_data(qtbot, window, controller, at_start) -> None:
    """The window's data shown again (the same data set: the components placed by hand go, as with new data) and
    EM's start with every control as it was (``back_to_start``): the window is shared with the module's other
    tests."""
    start, description = at_start
    assert controller.show_data(start[0], description)
    back_to_start(qtbot, window, controller, start)
    assert controller.hand_params is None and controller.session.description == description


def view_point(window, fx: float, fy: float) -> np.ndarray:
    (x_low, x_high), (y_low, y_high) = window.canvas.plot.getViewBox().viewRange()
    return np.array([x_low + fx * (x_high - x_low), y_low + fy * (y_high - y_low)])


def test_drag_a_mean_moves_it_to_the_drop_point(unchanged_app, qtbot):
    window, controller = unchanged_app
    at_start = start_and_data(controller)
    before = controller.shown.snapshot.params
    target = view_point(window, 0.2, 0.8)
    drag(qtbot, window, before.means[0], target)
    params = controller.hand_params
    assert params is not None and params.n_components == before.n_components
    (x_low, x_high), _ = window.canvas.plot.getViewBox().viewRange()
    assert np.allclose(params.means[0], target, atol=0.02 * (x_high - x_low))  # within a pixel or two
    assert np.allclose(params.means[1:], before.means[1:])
    assert window.model_panel.uses_given()
    assert window.explain_panel.numbers() == {} and "by hand" in window.explain_panel.formulas.text()
    back_to_the_data(qtbot, window, controller, at_start)


def test_drag_the_handle_stretches_the_covariance(unchanged_app, qtbot):
    window, controller = unchanged_app
    at_start = start_and_data(controller)
    window.model_panel.covariance_type.setCurrentIndex(window.model_panel.covariance_type.findData("full"))
    qtbot.waitUntil(lambda: not controller._settings_timer.isActive(), timeout=TIMEOUT_MS)
    wait_for_state(qtbot, controller, RunState.PAUSED)
    before = controller.shown.snapshot.params
    covariance = before.full_covariances()[0]
    handle = handle_points(before.full_covariances(), before.means)[0]
    target = before.means[0] + 2.0 * (handle - before.means[0])
    drag(qtbot, window, handle, target)
    after = controller.hand_params.full_covariances()[0]
    # The major axis doubled (to a pixel), the minor axis stayed.
    ratio = np.sqrt(np.linalg.eigvalsh(after)[-1] / np.linalg.eigvalsh(covariance)[-1])
    assert abs(ratio - 2.0) < 0.1
    assert np.isclose(np.linalg.eigvalsh(after)[0], np.linalg.eigvalsh(covariance)[0], rtol=1e-6)
    back_to_the_data(qtbot, window, controller, at_start)


def test_right_click_adds_and_removes_then_run_starts_from_them(unchanged_app, qtbot):
    window, controller = unchanged_app
    at_start = start_and_data(controller)
    viewport = window.canvas.plot_widget.viewport()
    k = controller.shown.snapshot.params.n_components
    spot = view_point(window, 0.1, 0.1)
    qtbot.mouseClick(viewport, RIGHT, pos=pixel(window, spot))
    added = controller.hand_params
    assert added.n_components == k + 1
    assert np.isclose(added.weights.sum(), 1.0)
    (x_low, x_high), _ = window.canvas.plot.getViewBox().viewRange()
    assert np.allclose(added.means[-1], spot, atol=0.02 * (x_high - x_low))
    assert window.model_panel.n_components.value() == k + 1
    qtbot.mouseClick(viewport, RIGHT, pos=pixel(window, added.means[0]))
    removed = controller.hand_params
    assert removed.n_components == k
    assert np.allclose(removed.means, added.means[1:])
    # Reset shows EM's starting point: exactly the components placed by hand.
    press(qtbot, window, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: controller.shown is not None and controller.shown.snapshot.half_step is HalfStep.INIT
                    and controller.state is RunState.PAUSED and controller.is_settled(), timeout=TIMEOUT_MS)
    start = controller.shown.snapshot.params
    assert np.allclose(start.means, removed.means)
    assert np.allclose(start.weights, removed.weights)
    press(qtbot, window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: controller.state is RunState.FINISHED and controller.is_settled(), timeout=TIMEOUT_MS)
    assert controller.shown.snapshot.params.n_components == k
    back_to_the_data(qtbot, window, controller, at_start)


def test_left_press_away_from_components_is_left_to_panning(unchanged_app, qtbot):
    window, controller = unchanged_app
    mixture = window.hand_editor.mixture()
    handled = window.hand_editor._on_press(LEFT, QPointF(-1000.0, -1000.0))
    assert not handled and window.hand_editor.mixture() is mixture and controller.hand_params is None


def test_each_covariance_type_keeps_what_it_can():
    mixture = HandMixture(np.array([0.5, 0.5]), np.zeros((2, 2)),
                          np.array([[[4.0, 1.0], [1.0, 2.0]], [[1.0, 0.0], [0.0, 1.0]]]))
    assert np.allclose(to_params(mixture, CovarianceType.DIAG).covariances, [[4.0, 2.0], [1.0, 1.0]])
    assert np.allclose(to_params(mixture, CovarianceType.SPHERICAL).covariances, [3.0, 1.0])
    assert np.allclose(to_params(mixture, CovarianceType.TIED).covariances, [[2.5, 0.5], [0.5, 1.5]])
    stretched = stretch(mixture, 1, np.array([0.0, 3.0]), 1e-3)
    assert np.allclose(stretched.covariances[1], [[1.0, 0.0], [0.0, 9.0]])
