"""The live window, driven through its real widgets and keys (pytest-qt, offscreen).

Every test gets its own settings file in a temporary folder, never the user's settings. Tests wait on
signals and conditions (``qtbot.waitSignal``/``waitUntil``), never on sleeps.
"""

from __future__ import annotations

import json
import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog

from engine.config import FitConfig, InitMethod
from engine.em import HalfStep, fit, iterate_em
from engine.io.model_json import load_model, save_model
from engine.params import MixtureParams
from gui.app import create_window
from gui.main.controller import Controller, RunState
from gui.main.window import MainWindow
from gui.settings import Settings
from gui.views.geometry import ellipse_outlines

TIMEOUT_MS = 20_000


def open_window(qtbot, settings_path, teach: bool = False,
                close_with_test: bool = True) -> tuple[MainWindow, Controller, Settings]:
    """The window with the settings file ``settings_path``, shown on the demo data and paused at EM's starting
    parameters (``teach``: the first launch's moving start, ``gui.main.first_run``); closed when the test ends,
    unless not ``close_with_test`` (then its fixture closes it)."""
    settings = Settings(QSettings(str(settings_path), QSettings.Format.IniFormat))
    window, controller = create_window(settings, teach=teach)
    if close_with_test:
        qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wait_for_state(qtbot, controller, RunState.PAUSED)
    return window, controller, settings


def close_shared_window(qtbot, window, controller) -> None:
    """Close a module's shared window (opened with ``close_with_test=False``) once its jobs have ended."""
    window.close()
    qtbot.waitUntil(lambda: controller.runner.running_jobs == 0, timeout=TIMEOUT_MS)
    window.deleteLater()


def activate(qtbot, window) -> None:
    """Make ``window`` the active one, so that key presses reach it."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT_MS)


@pytest.fixture
def app(qtbot, tmp_path, messages):
    """The window showing the demo data, paused at EM's starting parameters."""
    window, controller, _ = open_window(qtbot, tmp_path / "settings.ini")
    activate(qtbot, window)
    return window, controller


def wait_for_state(qtbot, controller, state: RunState) -> None:
    qtbot.waitUntil(lambda: controller.state is state and controller.is_settled()
                    and controller.shown is not None, timeout=TIMEOUT_MS)


def on_screen(controller, half_step: HalfStep, iteration: int | None = None, paused: bool = True) -> bool:
    """True once the snapshot drawn is of this half-step (and iteration), and EM is paused there if asked."""
    shown = controller.shown
    return (shown is not None and shown.snapshot.half_step is half_step
            and (iteration is None or shown.snapshot.iteration == iteration)
            and (not paused or controller.state is RunState.PAUSED))


def settle(qtbot, controller) -> None:
    """Wait until a change of the Model settings has reset EM to its new starting parameters."""
    qtbot.waitUntil(lambda: not controller._settings_timer.isActive(), timeout=TIMEOUT_MS)
    wait_for_state(qtbot, controller, RunState.PAUSED)


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press on the plot that has the focus, as a user would type it."""
    qtbot.keyClick(window.current_view().plot_widget, key, modifier)


def open_and_wait(qtbot, controller, path) -> None:
    """Open a data file and wait for its load job to end (the data is then on screen, or a dialog said why not)."""
    with qtbot.waitSignal(controller.io_finished, timeout=TIMEOUT_MS):
        controller.open_path(str(path))


def run_to_end(qtbot, window, controller) -> None:
    with qtbot.waitSignal(controller.run_ended, timeout=TIMEOUT_MS):
        press(qtbot, window, Qt.Key.Key_Space)
    wait_for_state(qtbot, controller, RunState.FINISHED)


def back_to_start(qtbot, window, controller, start) -> None:
    """Put back the Model settings (the initialisation, the starts and the locks too) and the delay, press R, and
    assert that the window is back at ``start`` (``start_of``), every control as it was: for a test on
    ``unchanged_app``."""
    dataset, means, config, controls, every_control = start
    panel = window.model_panel
    panel.covariance_type.setCurrentIndex(panel.covariance_type.findData(controls["covariance_type"]))
    panel.n_components.setValue(controls["n_components"])  # a loaded model's K no more: back to its start
    panel.tol.setValue(controls["tol"])
    panel.max_iter.setValue(controls["max_iter"])
    panel.init.setCurrentIndex(panel.init.findData(every_control["init"]))
    panel.n_init.setValue(every_control["n_init"])
    panel.equal_weights.setChecked(every_control["equal_weights"])
    panel.covariance_lock.setCurrentIndex(panel.covariance_lock.findData(every_control["covariance_lock"]))
    panel.set_frozen(every_control["frozen"])
    window.run_panel.delay.setValue(controls["delay_ms"])
    qtbot.waitUntil(lambda: not controller._settings_timer.isActive(), timeout=TIMEOUT_MS)
    press(qtbot, window, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.INIT) and controller.is_settled(), timeout=TIMEOUT_MS)
    assert controller.dataset is dataset and controller.config == config and _controls(window) == controls
    assert window.controls() == every_control
    np.testing.assert_array_equal(controller.shown.snapshot.params.means, means)
    np.testing.assert_array_equal(np.column_stack(window.canvas.mean_scatter.getData()), means)


def start_of(controller) -> tuple:
    """The data, EM's starting means on screen, the config and the controls that make it, for ``back_to_start``."""
    assert controller.shown.snapshot.half_step is HalfStep.INIT and controller.state is RunState.PAUSED
    return (controller.dataset, np.array(controller.shown.snapshot.params.means), controller.config,
            _controls(controller.window), controller.window.controls())


def _controls(window) -> dict:
    panel = window.model_panel
    return {"covariance_type": panel.covariance_type.currentData(), "n_components": panel.n_components.value(),
            "tol": panel.tol.value(), "max_iter": panel.max_iter.value(), "delay_ms": window.run_panel.delay_ms()}


def test_opens_with_the_demo_ready_to_run(unchanged_app):
    window, controller = unchanged_app
    assert window.windowTitle().startswith("GMM Explorer")
    assert controller.dataset.source == "preset:three-blobs"
    assert controller.shown.snapshot.half_step is HalfStep.INIT
    assert window.canvas.mean_scatter.getData()[0].size == controller.config.n_components


def test_a_run_to_convergence_shows_the_engine_result(qtbot, unchanged_app):
    window, controller = unchanged_app
    start = start_of(controller)
    run_to_end(qtbot, window, controller)
    config = window.model_panel.config(None)
    result = fit(controller.dataset.X, config)
    snapshot = controller.shown.snapshot
    assert snapshot.done and snapshot.converged == result.converged
    np.testing.assert_allclose(snapshot.params.means, result.params.means, rtol=1e-12)

    # The status bar.
    assert window.status_state.text() == ("converged" if result.converged else "max iterations reached")
    assert f"iteration {result.n_iter} " in window.status_iteration.text()
    assert f"{result.history[-1]:.6f}" in window.status_likelihood.text()
    assert f"{result.history[-1] - result.history[-2]:.2e}" in window.status_change.text()
    assert "ms/iter" in window.status_speed.text()

    # The means and ellipses, read back from the drawn pyqtgraph items.
    means_x, means_y = window.canvas.mean_scatter.getData()
    np.testing.assert_allclose(np.column_stack([means_x, means_y]), result.params.means, atol=1e-9)
    xs, ys = ellipse_outlines(result.params.means, result.params.full_covariances(), (1.0, 2.0))
    ring = xs.shape[1] // 2
    for k, (inner, outer) in enumerate(zip(window.canvas.inner_curves, window.canvas.outer_curves, strict=True)):
        np.testing.assert_allclose(inner.getData()[0], xs[k, :ring], atol=1e-9, equal_nan=True)
        np.testing.assert_allclose(inner.getData()[1], ys[k, :ring], atol=1e-9, equal_nan=True)
        np.testing.assert_allclose(outer.getData()[0], xs[k, ring:], atol=1e-9, equal_nan=True)
    texts = window.canvas.legend.texts()
    assert [f"{w:.3f}" in text for text, w in zip(texts, result.params.weights, strict=True)] == [True] * 3
    # The convergence plot holds the whole history.
    np.testing.assert_allclose(window.convergence.curve.getData()[1], result.history)
    back_to_start(qtbot, window, controller, start)  # the window is shared with the module's other tests


def test_quick_changes_of_the_settings_reset_em_once(qtbot, tmp_path, messages, monkeypatch,
                                                      _settings_settle_quickly):
    """K spun through several values, each change soon after the last: EM is reset once, to the last value, the
    window's pause (its own length, not the tests' shorter one) after the last change."""
    from gui.main import controller as controller_module

    pause_ms = _settings_settle_quickly  # the product's pause
    monkeypatch.setattr(controller_module, "SETTINGS_QUIET_MS", pause_ms)
    window, controller, _ = open_window(qtbot, tmp_path / "settings.ini")
    starts = []
    real_start = controller.runner.start
    monkeypatch.setattr(controller.runner, "start", lambda X, config, *args: starts.append(config.n_components)
                        or real_start(X, config, *args))
    panel = window.model_panel
    for k in (4, 5):
        panel.n_components.setValue(k)
        qtbot.wait(40)  # events processed between the changes: longer than the tests' pause, well within the window's
    panel.n_components.setValue(6)
    changed_at = time.monotonic()
    assert starts == []
    qtbot.waitUntil(lambda: starts != [], timeout=TIMEOUT_MS)
    waited_ms = 1000 * (time.monotonic() - changed_at)
    settle(qtbot, controller)
    assert starts == [6] and controller.config.n_components == 6
    assert waited_ms >= 0.9 * pause_ms  # a coarse timer may fire up to 5 % early


def start_a_long_run(qtbot, window, controller, delay_ms: int, iterations: int) -> None:
    """Run EM that will not converge (tol = 0) with a delay per iteration, until it is ``iterations`` in."""
    window.model_panel.tol.setValue(0.0)
    window.model_panel.max_iter.setValue(100_000)
    window.run_panel.delay.setValue(delay_ms)
    settle(qtbot, controller)
    press(qtbot, window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: controller.shown.snapshot.iteration >= iterations, timeout=TIMEOUT_MS)


def test_stop_takes_effect_within_an_iteration(qtbot, unchanged_app):
    window, controller = unchanged_app
    start = start_of(controller)
    start_a_long_run(qtbot, window, controller, delay_ms=40, iterations=3)
    iteration_at_stop = controller.session.latest.snapshot.iteration
    with qtbot.waitSignal(controller.run_ended, timeout=TIMEOUT_MS):
        press(qtbot, window, Qt.Key.Key_Escape)
    assert controller.state is RunState.STOPPED
    assert controller.session.latest.snapshot.iteration <= iteration_at_stop + 1
    assert not controller.session.latest.snapshot.done
    back_to_start(qtbot, window, controller, start)  # the window is shared with the module's other tests


def test_quick_restarts_draw_only_the_last_run(qtbot, unchanged_app):
    window, controller = unchanged_app
    start = start_of(controller)
    window.model_panel.tol.setValue(0.0)
    window.model_panel.max_iter.setValue(300)
    settle(qtbot, controller)
    drawn: list[int] = []

    def draw(run_id, snapshot):
        drawn.append(run_id)

    controller.frame_drawn.connect(draw)
    press(qtbot, window, Qt.Key.Key_Space)
    replaced = []
    for _ in range(3):
        # Let the running worker queue snapshots the main thread has not handled yet (no events are
        # processed while waiting here), then restart: those snapshots arrive after their run was replaced.
        queued = threading.Event()
        emitted: list[int] = []

        def count(run_id, item, emitted=emitted, queued=queued):  # runs in the worker thread
            emitted.append(run_id)
            if len(emitted) >= 3:
                queued.set()

        controller.runner.active.worker.yielded.connect(count, Qt.ConnectionType.DirectConnection)
        assert queued.wait(10.0)
        replaced.append(controller.run_id)
        press(qtbot, window, Qt.Key.Key_R)
        press(qtbot, window, Qt.Key.Key_Space)
    last = controller.run_id
    first_of_last = len(drawn)
    qtbot.waitUntil(lambda: controller.state is RunState.FINISHED and controller.is_settled(), timeout=TIMEOUT_MS)
    assert controller.shown.snapshot.done
    assert drawn[first_of_last:] and set(drawn[first_of_last:]) == {last}
    assert not set(drawn[first_of_last:]) & set(replaced)
    qtbot.waitUntil(lambda: controller.runner.running_jobs <= 1, timeout=TIMEOUT_MS)  # the replaced threads ended
    controller.frame_drawn.disconnect(draw)
    back_to_start(qtbot, window, controller, start)  # the window is shared with the module's other tests


def test_a_late_snapshot_of_a_replaced_run_is_neither_kept_nor_drawn(qtbot, unchanged_app):
    """Each of the controller's two guards on its own: a snapshot of a replaced run that arrives from the runner
    is not kept (``Session.receive``), and one already waiting for the frame throttle is not drawn
    (``_draw_newest``). (A stopped run's own signals rarely get this far: these guards are the second line.)"""
    window, controller = unchanged_app
    start = start_of(controller)
    press(qtbot, window, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.E) and controller.is_settled(), timeout=TIMEOUT_MS)
    late, replaced = controller.shown, controller.run_id
    press(qtbot, window, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.INIT) and controller.is_settled(), timeout=TIMEOUT_MS)
    assert controller.run_id != replaced
    kept, shown = controller.session.latest, controller.shown
    drawn: list[int] = []

    def draw(run_id, snapshot):
        drawn.append(run_id)

    controller.frame_drawn.connect(draw)
    controller.runner.progressed.emit(replaced, late)  # as the runner hands on a snapshot that came late
    assert controller.session.latest is kept and not controller.runner.has_pending
    controller.runner.submit(replaced, late)  # one that was already waiting for the next frame
    qtbot.waitUntil(controller.is_settled, timeout=TIMEOUT_MS)
    assert replaced not in drawn and controller.shown is shown
    assert controller.shown.snapshot.half_step is HalfStep.INIT
    controller.frame_drawn.disconnect(draw)
    back_to_start(qtbot, window, controller, start)  # the window is shared with the module's other tests


def test_e_then_m_half_steps(qtbot, unchanged_app):
    window, controller = unchanged_app
    start = start_of(controller)
    init_params = controller.shown.snapshot.params
    press(qtbot, window, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.E), timeout=TIMEOUT_MS)
    e_snapshot = controller.shown.snapshot
    assert (e_snapshot.iteration, controller.state) == (1, RunState.PAUSED)
    np.testing.assert_array_equal(e_snapshot.params.means, init_params.means)  # an E-step keeps the parameters
    assert window.convergence.cursor.label.format == "E 1"
    press(qtbot, window, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.M), timeout=TIMEOUT_MS)
    m_snapshot = controller.shown.snapshot
    expected = list(iterate_em(controller.dataset.X, controller.config))[2]
    assert (expected.iteration, expected.half_step) == (1, HalfStep.M)
    np.testing.assert_allclose(m_snapshot.params.means, expected.params.means, rtol=1e-12)
    np.testing.assert_allclose(window.canvas.mean_scatter.getData()[0], expected.params.means[:, 0], rtol=1e-12)
    back_to_start(qtbot, window, controller, start)  # the window is shared with the module's other tests


def test_redo_lists_each_key_once():
    from gui.main.actions import redo_keys

    texts = [[key.toString() for key in redo_keys(QKeySequence(platform))]
             for platform in ("Ctrl+Shift+Z", "Ctrl+Y", "")]
    assert texts == [["Ctrl+Shift+Z"], ["Ctrl+Shift+Z", "Ctrl+Y"], ["Ctrl+Shift+Z"]]  # Linux, Windows, none


def test_keyboard_shortcuts(qtbot, app, tmp_path, monkeypatch):
    window, controller = app
    press(qtbot, window, Qt.Key.Key_N)  # one whole iteration
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.M, 1), timeout=TIMEOUT_MS)
    press(qtbot, window, Qt.Key.Key_Right)  # the other key for one iteration
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.M, 2), timeout=TIMEOUT_MS)
    press(qtbot, window, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.INIT), timeout=TIMEOUT_MS)
    window.run_panel.delay.setValue(200)
    press(qtbot, window, Qt.Key.Key_Space)
    assert controller.state is RunState.RUNNING and window.run_pause_action.text() == "Pause"
    press(qtbot, window, Qt.Key.Key_Space)
    assert controller.state is RunState.PAUSED and window.run_pause_action.text() == "Run"
    with qtbot.waitSignal(controller.run_ended, timeout=TIMEOUT_MS):
        press(qtbot, window, Qt.Key.Key_Escape)
    assert controller.state is RunState.STOPPED

    data = tmp_path / "points.csv"
    data.write_text("a,b\n" + "\n".join(f"{x},{y}" for x, y in np.random.default_rng(1).normal(size=(50, 2))))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(data), "")))
    with qtbot.waitSignal(controller.io_finished, timeout=TIMEOUT_MS):  # the file loads in a job
        press(qtbot, window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert controller.dataset.feature_names == ("a", "b")
    assert controller.settings.last_folder() == str(tmp_path)
    assert controller.settings.recent_files()[0] == str(data)

    target = tmp_path / "saved.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), "")))
    wait_for_state(qtbot, controller, RunState.PAUSED)
    with qtbot.waitSignal(controller.io_finished, timeout=TIMEOUT_MS):  # the model is written in a job
        press(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert target.exists()

    assert any("Space" in keys for keys, _ in window.shortcut_rows())
    press(qtbot, window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT_MS)


def test_export_model_reads_back(qtbot, unchanged_app, tmp_path, monkeypatch, messages):
    window, controller = unchanged_app
    start = start_of(controller)
    run_to_end(qtbot, window, controller)
    target = tmp_path / "model.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), "")))
    with qtbot.waitSignal(controller.io_finished, timeout=TIMEOUT_MS):  # written in a job
        window.export_model_action.trigger()
    assert not messages
    loaded = load_model(target)
    shown = controller.shown.snapshot.params
    np.testing.assert_allclose(loaded.params.means, shown.means)
    np.testing.assert_allclose(loaded.params.covariances, shown.covariances)
    np.testing.assert_allclose(loaded.params.weights, shown.weights)
    assert loaded.fit["converged"] == controller.shown.snapshot.converged
    assert loaded.fit["n_iter"] == controller.shown.snapshot.iteration

    labels_path = tmp_path / "labels.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(labels_path), "")))
    with qtbot.waitSignal(controller.io_finished, timeout=TIMEOUT_MS):
        window.export_labels_action.trigger()
    table = np.loadtxt(labels_path, delimiter=",", skiprows=1)
    assert table.shape == (controller.dataset.n_samples, 1 + shown.n_components)
    np.testing.assert_allclose(table[:, 1:].sum(axis=1), 1.0)
    assert labels_path.read_text().splitlines()[0] == "label,p0,p1,p2"

    png = tmp_path / "canvas.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(png), "")))
    window.save_png_action.trigger()
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    back_to_start(qtbot, window, controller, start)  # the window is shared with the module's other tests


def test_broken_files_explain_why_and_keep_the_data(qtbot, unchanged_app, tmp_path, messages):
    window, controller = unchanged_app
    before, shown = controller.dataset, controller.shown
    broken_csv = tmp_path / "broken.csv"
    broken_csv.write_text("a,b\n1,2\n3,oops\n")
    open_and_wait(qtbot, controller, broken_csv)
    broken_model = tmp_path / "broken.json"
    broken_model.write_text(json.dumps({"format": "something else"}))
    window.file_dropped.emit(str(broken_model))  # as if dropped on the window
    assert not controller.open_path(str(broken_model))
    open_and_wait(qtbot, controller, tmp_path / "missing.npy")
    assert len(messages) == 4
    assert "line 3" in messages[0][1] and "oops" in messages[0][1]
    assert messages[1] == messages[2] and "missing.npy" in messages[3][1]
    assert all(text.strip() for _, text in messages)
    assert controller.dataset is before
    assert controller.shown is shown and shown is not None


def test_worker_error_shows_a_dialog_and_keeps_the_last_fit(qtbot, app, tmp_path, messages):
    window, controller = app
    few = tmp_path / "few.csv"
    few.write_text("x,y\n" + "1,1\n" * 8 + "2,2\n" * 8)  # two distinct points only
    window.model_panel.n_components.setValue(2)
    open_and_wait(qtbot, controller, few)
    run_to_end(qtbot, window, controller)
    shown = controller.shown
    window.model_panel.n_components.setValue(3)  # resets EM, which cannot seed 3 components on 2 points
    qtbot.waitUntil(lambda: controller.state is RunState.FAILED, timeout=TIMEOUT_MS)
    assert messages and "distinct" in messages[-1][1]
    assert window.isVisible()
    assert controller.shown is shown
    np.testing.assert_allclose(np.column_stack(window.canvas.mean_scatter.getData()), shown.snapshot.params.means)


def test_one_dimensional_data_shows_a_histogram(qtbot, app):
    window, controller = app
    panel = window.data_panel
    panel.preset.setCurrentIndex(panel.preset.findData("two-1d"))
    window.model_panel.n_components.setValue(2)
    panel.generate.click()
    assert window.current_view() is window.histogram
    edges, heights = window.histogram.bars.getData()
    assert len(heights) > 5 and heights.max() > 0
    press(qtbot, window, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.E), timeout=TIMEOUT_MS)
    curves = [curve.getData()[1] for curve in window.histogram.component_curves]
    assert len(curves) == 2
    np.testing.assert_allclose(window.histogram.mixture_curve.getData()[1], curves[0] + curves[1])
    np.testing.assert_allclose(window.histogram.mean_scatter.getData()[0],
                               controller.shown.snapshot.params.means[:, 0])


def test_four_dimensional_data_shows_a_projection(qtbot, app, tmp_path):
    window, controller = app
    rng = np.random.default_rng(3)
    X = np.concatenate([rng.normal(loc, 1.0, size=(200, 4)) for loc in (0.0, 6.0)])
    path = tmp_path / "four.npy"
    np.save(path, X)
    open_and_wait(qtbot, controller, path)
    assert window.current_view() is window.canvas
    assert window.data_panel.projection_box.isVisibleTo(window)
    panel = window.data_panel
    panel.x_feature.setCurrentIndex(2)
    panel.y_feature.setCurrentIndex(3)
    np.testing.assert_allclose(np.column_stack(window.canvas.point_scatter.getData()), X[:, [2, 3]])
    press(qtbot, window, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.M, 1), timeout=TIMEOUT_MS)
    params = controller.shown.snapshot.params
    np.testing.assert_allclose(np.column_stack(window.canvas.mean_scatter.getData()), params.means[:, [2, 3]])

    panel.plane.setCurrentIndex(panel.plane.findData("pca"))
    projection = controller.projection
    assert projection.axis_names[0].startswith("PC1")
    np.testing.assert_allclose(np.column_stack(window.canvas.point_scatter.getData()), projection.points(X))
    means = projection.means(params.means)
    covariances = projection.matrix @ params.full_covariances() @ projection.matrix.T
    np.testing.assert_allclose(np.column_stack(window.canvas.mean_scatter.getData()), means, atol=1e-9)
    xs, ys = ellipse_outlines(means, covariances, (1.0,))
    for k, curve in enumerate(window.canvas.inner_curves):
        np.testing.assert_allclose(curve.getData()[0], xs[k], atol=1e-9, equal_nan=True)
        np.testing.assert_allclose(curve.getData()[1], ys[k], atol=1e-9, equal_nan=True)


def test_a_model_file_given_on_the_command_line_is_shown_and_run_from(qtbot, tmp_path, messages):
    params = MixtureParams.from_covariances([0.5, 0.5], [[0.0, 0.0], [5.0, 5.0]],
                                            [np.eye(2), np.eye(2) * 2.0], "full")
    path = tmp_path / "start.json"
    save_model(path, params, ("u", "v"))
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window, controller = create_window(settings, str(path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: controller.config is not None and controller.config.init is InitMethod.GIVEN
                    and on_screen(controller, HalfStep.E),
                    timeout=TIMEOUT_MS)  # the file opens once the event loop runs, after the demo's start
    assert not messages
    np.testing.assert_allclose(controller.shown.snapshot.params.means, params.means)
    assert controller.shown.snapshot.half_step is HalfStep.E
    config = FitConfig(2, init="given", init_params=params, seed=0)
    assert window.model_panel.config(params) == config
    window.model_panel.n_components.setValue(3)  # no longer the model's K: back to k-means++, no error
    qtbot.waitUntil(lambda: controller.config.n_components == 3 and controller.state is RunState.PAUSED,
                    timeout=TIMEOUT_MS)
    assert controller.config.init is InitMethod.KMEANS_PP and not messages
    # The same with Space pressed within the pause after the change: it refused the settings ("the starting model
    # has 2 components but K is 4") and the next Space ran on the loaded model's K under K = 4.
    controller.open_path(str(path))
    qtbot.waitUntil(lambda: controller.config.init is InitMethod.GIVEN and on_screen(controller, HalfStep.E),
                    timeout=TIMEOUT_MS)
    window.model_panel.n_components.setValue(4)
    window.run_pause_action.trigger()
    qtbot.waitUntil(lambda: controller.state is RunState.FINISHED and controller.is_settled(), timeout=TIMEOUT_MS)
    assert not messages and controller.config.init is InitMethod.KMEANS_PP
    assert controller.shown.snapshot.params.n_components == 4


def test_closing_during_a_run_exits_cleanly(qtbot, app):
    window, controller = app
    start_a_long_run(qtbot, window, controller, delay_ms=20, iterations=2)
    window.close()
    assert controller.shutdown(0)  # every thread has ended already
    qtbot.waitUntil(lambda: controller.runner.running_jobs == 0, timeout=TIMEOUT_MS)


def test_dropped_files_open_and_join_the_recent_files(qtbot, app, tmp_path):
    window, controller = app
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    rng = np.random.default_rng(7)
    for path in (first, second):
        path.write_text("u,v\n" + "\n".join(f"{x},{y}" for x, y in rng.normal(size=(40, 2))))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(first))])
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(controller.io_finished, timeout=TIMEOUT_MS):
        window.dropEvent(drop)
    assert controller.dataset.source == str(first)
    open_and_wait(qtbot, controller, second)
    recent = window.recent_menu.actions()
    assert [action.toolTip() for action in recent] == [str(second), str(first)]
    with qtbot.waitSignal(controller.io_finished, timeout=TIMEOUT_MS):
        recent[1].trigger()
    assert controller.dataset.source == str(first)
