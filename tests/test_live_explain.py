"""Issue 13, the main window: the hovered point's responsibilities follow every snapshot and equal the engine's
(and scikit-learn's) under the parameters the E-step used; hover is cleared by a reset and by new data; 1-D
data and the means can be hovered; the Explain panel writes out the E-step and the M-step as the locks made it,
says why EM stopped, and Keep going runs on."""

from __future__ import annotations

import numpy as np
import pytest
import test_gui_window
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication
from test_gui_window import TIMEOUT_MS, on_screen, press, wait_for_state
from test_model import sklearn_model

from engine.config import InitMethod
from engine.em import HalfStep, StopReason
from engine.model import aic, bic, predict_proba
from gui.main.controller import KEEP_GOING_TOL, RunState
from gui.views.explain_text import short

app = test_gui_window.app


def hover(qtbot, view, point) -> None:
    """The mouse moves onto ``point`` (data coordinates) of ``view``: the scene's own mouse-moved signal, as a real
    move emits it (a real ``QTest`` move is dropped when the cursor of an earlier test is already there)."""
    scene = view.plot.scene()
    scene.sigMouseMoved.emit(view.plot.getViewBox().mapViewToScene(QPointF(float(point[0]), float(point[1]))))


def hover_a_point(qtbot, window, controller, row: int = 17) -> int:
    """Hover the canvas point of ``row``; returns the row the window says is hovered."""
    with qtbot.waitSignal(window.point_hover.hovered, timeout=TIMEOUT_MS) as blocker:
        hover(qtbot, window.canvas, controller.dataset.X[row])
    assert blocker.args[0] >= 0
    return blocker.args[0]


def expected_resp(controller, row):
    """The hovered point's responsibilities under the parameters the E-step on screen used."""
    snapshot = controller.shown.snapshot
    params = snapshot.e_step_params if snapshot.e_step_params is not None else snapshot.params
    return params, predict_proba(params, controller.dataset.X[row][None])[0]


def use_tutorial_start(qtbot, window, controller) -> None:
    """The textbooks' start, which moves for many iterations (the demo's k-means++ start converges in 3)."""
    window.model_panel.init.setCurrentIndex(window.model_panel.init.findData(InitMethod.TUTORIAL.value))
    test_gui_window.settle(qtbot, controller)


def test_hovered_responsibilities_follow_every_step_without_moving_the_mouse(qtbot, unchanged_app):
    window, controller = unchanged_app
    start = test_gui_window.start_of(controller)
    use_tutorial_start(qtbot, window, controller)
    row = hover_a_point(qtbot, window, controller)
    seen = [window.explain_panel.point_resp().copy()]
    for iteration in (1, 2):  # each half-step of two iterations, the second from the first's parameters
        press(qtbot, window, Qt.Key.Key_E)
        qtbot.waitUntil(lambda it=iteration: on_screen(controller, HalfStep.E, it), timeout=TIMEOUT_MS)
        params, expected = expected_resp(controller, row)
        np.testing.assert_allclose(window.explain_panel.point_resp(), expected, rtol=1e-12)
        press(qtbot, window, Qt.Key.Key_M)
        qtbot.waitUntil(lambda it=iteration: on_screen(controller, HalfStep.M, it), timeout=TIMEOUT_MS)
        params, expected = expected_resp(controller, row)
        # After an M-step: still the E-step's parameters (the ones the points are coloured by), not the new ones.
        assert params is not controller.shown.snapshot.params
        np.testing.assert_allclose(window.explain_panel.point_resp(), expected, rtol=1e-12)
        sklearn = sklearn_model(params).predict_proba(controller.dataset.X[row][None])[0]
        np.testing.assert_allclose(window.explain_panel.point_resp(), sklearn, rtol=1e-9, atol=1e-12)
        seen.append(window.explain_panel.point_resp().copy())
    assert not np.allclose(seen[0], seen[-1])  # the demo's start moves: the numbers did change
    # The E-step's formula is written with the point's numbers.
    text = window.explain_panel.point.text()
    assert f"Point {row}" in text and "π<sub>k</sub> N(x" in text and f"{expected.max():.3f}" in text
    test_gui_window.back_to_start(qtbot, window, controller, start)  # the window is shared with the module's others
    assert window.explain_panel.point_resp() is None  # the reset let go of the hovered point


def test_hover_is_cleared_by_reset_and_by_new_data(qtbot, app):
    window, controller = app
    hover_a_point(qtbot, window, controller)
    assert window.explain_panel.point_resp() is not None
    press(qtbot, window, Qt.Key.Key_R)
    wait_for_state(qtbot, controller, RunState.PAUSED)
    assert window.explain_panel.point_resp() is None
    hover_a_point(qtbot, window, controller, row=40)
    assert window.explain_panel.point_resp() is not None
    window.data_panel.generate.click()  # new data
    qtbot.waitUntil(lambda: controller.shown is not None, timeout=TIMEOUT_MS)
    assert window.explain_panel.point_resp() is None
    assert "Hover a point" in window.explain_panel.point.text()


def test_one_dimensional_points_and_means_can_be_hovered(qtbot, app):
    window, controller = app
    panel = window.data_panel
    panel.preset.setCurrentIndex(panel.preset.findData("two-1d"))
    window.model_panel.n_components.setValue(2)
    panel.generate.click()
    qtbot.waitUntil(lambda: controller.shown is not None and controller.dataset.n_features == 1, timeout=TIMEOUT_MS)
    press(qtbot, window, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.M, 1), timeout=TIMEOUT_MS)
    points, rows = window.histogram.rug_points()
    with qtbot.waitSignal(window.histogram_hover.hovered, timeout=TIMEOUT_MS) as blocker:
        hover(qtbot, window.histogram, points[10])
    row = blocker.args[0]
    assert row in set(rows.tolist())
    assert abs(controller.dataset.X[row, 0] - points[10, 0]) < 0.05 * np.ptp(controller.dataset.X)
    _, expected = expected_resp(controller, row)
    np.testing.assert_allclose(window.explain_panel.point_resp(), expected, rtol=1e-12)
    # A mean's tooltip: the component's weight, mean and sigma.
    params = controller.shown.snapshot.params
    hover(qtbot, window.histogram, window.histogram.mean_positions()[1])
    tip = window.histogram_hover.current_tip()
    assert tip is not None and "Component 1" in tip
    assert f"{params.weights[1]:.4g}" in tip and f"{params.means[1, 0]:.4g}" in tip
    assert f"σ = {np.sqrt(params.covariances[1].ravel()[0]):.4g}" in tip


def test_a_means_tooltip_shows_its_covariance(qtbot, unchanged_app):
    window, controller = unchanged_app
    start = test_gui_window.start_of(controller)
    params = controller.shown.snapshot.params
    hover(qtbot, window.canvas, params.means[2])
    tip = window.point_hover.current_tip()
    assert tip is not None and "Component 2" in tip
    assert f"{params.full_covariances()[2][0, 1]:.4g}" in tip
    test_gui_window.back_to_start(qtbot, window, controller, start)  # the window is shared with the module's others


def test_the_m_step_is_explained_as_the_locks_made_it(qtbot, unchanged_app):
    window, controller = unchanged_app
    start = test_gui_window.start_of(controller)
    window.model_panel.equal_weights.setChecked(True)
    test_gui_window.settle(qtbot, controller)
    press(qtbot, window, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.M, 1), timeout=TIMEOUT_MS)
    panel = window.explain_panel
    snapshot = controller.shown.snapshot
    np.testing.assert_allclose(panel.numbers()["weights"], 1 / 3)
    text = panel.formulas.text()
    assert "locked: keep the weights equal" in text
    assert "0.3333 / " not in text  # not N_k / N, which the M-step did not do
    # Before -> after of the chosen component: its old and new mean, and its covariance.
    panel.component.setValue(1)
    text = panel.formulas.text()
    before = snapshot.e_step_params
    assert f"{before.means[1, 0]:.4g}" in text and f"{snapshot.params.means[1, 0]:.4g}" in text
    assert "Σ<sub>1</sub>" in text and f"{snapshot.params.full_covariances()[1][0, 0]:.4g}" in text
    window.model_panel.equal_weights.setChecked(False)
    panel.component.setValue(0)
    test_gui_window.back_to_start(qtbot, window, controller, start)  # the window is shared with the module's others


def test_stop_reason_and_keep_going(qtbot, unchanged_app):
    window, controller = unchanged_app
    start = test_gui_window.start_of(controller)
    with qtbot.waitSignal(controller.run_ended, timeout=TIMEOUT_MS):
        press(qtbot, window, Qt.Key.Key_Space)
    wait_for_state(qtbot, controller, RunState.FINISHED)
    snapshot = controller.shown.snapshot
    assert snapshot.stop_reason is StopReason.CONVERGED
    panel = window.explain_panel
    change = abs(snapshot.history[-1] - snapshot.history[-2])
    assert f"|change| {short(change)} < tol 1e-3 at iteration {snapshot.iteration}" in panel.stop.text()
    assert short(8.9e-4) == "8.9e-4" and short(1e-10) == "1e-10"
    assert panel.keep_going.isVisibleTo(window)
    with qtbot.waitSignal(controller.run_ended, timeout=TIMEOUT_MS):
        panel.keep_going.click()
    wait_for_state(qtbot, controller, RunState.FINISHED)
    after = controller.shown.snapshot
    assert after.iteration > 1 and controller.config.tol == KEEP_GOING_TOL
    assert abs(after.history[-1] - after.history[-2]) < KEEP_GOING_TOL
    assert after.history[-1] >= snapshot.history[-1]
    assert "< tol 1e-10 at iteration" in panel.stop.text()
    init = window.model_panel.init  # Keep going went on from the fit (init "given"): the start's init again
    init.setCurrentIndex(init.findData(start[2].init.value))
    test_gui_window.back_to_start(qtbot, window, controller, start)  # the window is shared with the module's others


def test_the_parameters_table_follows_the_fit_and_copies_as_tab_separated_text(qtbot, unchanged_app):
    window, controller = unchanged_app
    start = test_gui_window.start_of(controller)
    press(qtbot, window, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.M, 1), timeout=TIMEOUT_MS)
    snapshot = controller.shown.snapshot
    table = window.parameters_table
    window.side_tabs.setCurrentWidget(table)
    table.table.setFocus()
    QApplication.clipboard().clear()
    qtbot.keyClick(table.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0].split("\t") == ["k", "weight", "mean", "covariance"]
    for k in range(3):
        cells = lines[1 + k].split("\t")
        assert float(cells[1]) == pytest.approx(snapshot.params.weights[k], rel=1e-3)
        assert f"{snapshot.params.means[k, 0]:.4g}" in cells[2]
        assert f"{snapshot.params.full_covariances()[k][0, 1]:.4g}" in cells[3]
    totals = dict(line.split("\t") for line in lines[4:])
    n = controller.dataset.n_samples
    assert float(totals["log-likelihood"]) == pytest.approx(snapshot.mean_log_likelihood * n)
    assert float(totals["BIC"]) == pytest.approx(bic(snapshot.e_step_params, controller.dataset.X))
    assert float(totals["AIC"]) == pytest.approx(aic(snapshot.e_step_params, controller.dataset.X))
    window.side_tabs.setCurrentIndex(0)
    test_gui_window.back_to_start(qtbot, window, controller, start)  # the window is shared with the module's others


def test_every_covariance_in_the_parameters_table_shows_whole_in_a_narrow_panel(qtbot):
    """A row is as tall as its longest text wrapped at its column's width, also after the panel narrows: at
    1280 x 720 one component's covariance took three lines in a row of two and was cut off
    ('[[0.6569, -0.01066], ...')."""
    from PySide6.QtCore import QRect

    from engine.config import FitConfig
    from engine.em import iterate_em
    from gui.views.parameters_table import ParametersTable

    X = np.random.default_rng(0).normal(size=(200, 2)) * [1.0, 0.01] + [0.0, 1e3]
    snapshot = list(iterate_em(X, FitConfig(3, tol=0, max_iter=2, seed=0)))[-1]
    panel = ParametersTable()
    qtbot.addWidget(panel)
    panel.resize(420, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_snapshot(snapshot, len(X))
    panel.resize(250, 400)  # the stretched covariance column narrows with the panel: its texts wrap
    table = panel.table
    metrics = table.fontMetrics()

    def cut() -> list[str]:
        lines = []
        for row in range(table.rowCount()):
            text = table.item(row, 3).text()
            wrapped = metrics.boundingRect(QRect(0, 0, table.columnWidth(3) - 8, 10_000),
                                           int(Qt.TextFlag.TextWordWrap), text)
            if wrapped.height() > table.rowHeight(row):
                lines.append(text)
        return lines

    qtbot.waitUntil(lambda: table.columnWidth(3) < 200)
    assert metrics.boundingRect(table.item(0, 3).text()).width() > table.columnWidth(3)  # it does wrap
    qtbot.waitUntil(lambda: not cut(), timeout=2000)
