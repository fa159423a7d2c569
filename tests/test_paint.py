"""Painting data with the mouse, erasing it, clearing it, and undoing and redoing each edit."""

from __future__ import annotations

import numpy as np
import test_gui_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from test_gui_window import TIMEOUT_MS, wait_for_state

from engine.io.tables import load_data
from gui.main.controller import RunState

# The window fixtures of the window tests, shared.
app = test_gui_window.app

LEFT = Qt.MouseButton.LeftButton


def pixel(window, point):
    return window.hand_editor.data_to_viewport(np.asarray(point, dtype=float)).toPoint()


def stroke(qtbot, window, points) -> None:
    viewport = window.canvas.plot_widget.viewport()
    qtbot.mousePress(viewport, LEFT, pos=pixel(window, points[0]))
    for point in points[1:]:
        qtbot.mouseMove(viewport, pos=pixel(window, point))
    qtbot.mouseRelease(viewport, LEFT, pos=pixel(window, points[-1]))


def test_paint_undo_redo_erase_clear(app, qtbot):
    window, controller = app
    panel = window.paint_panel
    n_before = controller.dataset.n_samples
    panel.enabled.setChecked(True)
    panel.true_class.setValue(5)
    panel.density.setValue(10)
    spot = np.array([12.0, 0.0])
    stroke(qtbot, window, [spot, spot + [0.5, 0.5], spot + [1.0, 0.0]])
    wait_for_state(qtbot, controller, RunState.PAUSED)
    dataset = controller.dataset
    assert dataset.n_samples == n_before + 30  # a press and two moves, ten points each
    assert np.all(dataset.labels[n_before:] == 5)
    assert np.all(np.abs(dataset.X[n_before:] - spot).max(axis=1) < 4.0)
    # Undo and redo through the keys.
    qtbot.keyClick(window.canvas.plot_widget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert controller.dataset.n_samples == n_before
    qtbot.keyClick(window.canvas.plot_widget, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert controller.dataset.n_samples == n_before + 30
    np.testing.assert_array_equal(controller.dataset.X, dataset.X)
    # The eraser removes what is under it.
    panel.eraser.setChecked(True)
    panel.radius.setValue(150)
    stroke(qtbot, window, [spot + [0.5, 0.0]])
    erased = controller.dataset
    assert erased.n_samples < n_before + 30
    assert not np.any(np.hypot(*(erased.X - spot - [0.5, 0.0]).T) < 0.1)
    # Clear, then undo it.
    panel.clear.click()
    assert controller.dataset is None
    window.undo_action.trigger()
    assert controller.dataset.n_samples == erased.n_samples


def test_painted_data_fits_and_exports(app, qtbot, tmp_path, monkeypatch):
    window, controller = app
    panel = window.paint_panel
    panel.clear.click()
    panel.enabled.setChecked(True)
    panel.density.setValue(40)
    for true_class, center in enumerate(([0.0, 0.0], [8.0, 8.0], [0.0, 8.0])):
        panel.true_class.setValue(true_class)
        stroke(qtbot, window, [np.array(center), np.array(center) + 0.3])
    wait_for_state(qtbot, controller, RunState.PAUSED)
    assert controller.dataset.n_samples == 240
    window.run_pause_action.trigger()
    qtbot.waitUntil(lambda: controller.state is RunState.FINISHED and controller.is_settled(), timeout=TIMEOUT_MS)
    path = tmp_path / "painted.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(path), "")))
    with qtbot.waitSignal(controller.io_finished, timeout=TIMEOUT_MS):  # written in a job
        window.export_data_action.trigger()
    loaded = load_data(str(path), columns=["x0", "x1"])
    np.testing.assert_array_equal(loaded.X, controller.dataset.X)
    labels = np.loadtxt(path, delimiter=",", skiprows=1, usecols=2).astype(int)
    np.testing.assert_array_equal(labels, np.repeat([0, 1, 2], 80))


def test_undo_in_a_lesson_on_one_feature_brings_back_the_data_before_the_stroke(app, qtbot):
    """A stroke, then the 1-D lesson, then Ctrl+Z: the undo named the painted 2-D points with the lesson's one
    feature, raised inside Qt's undo stack, and left the stroke's points in place though it counted as undone."""
    from gui.lessons.guide import LessonGuide

    window, controller = app
    before = controller.dataset
    window.paint_panel.enabled.setChecked(True)
    stroke(qtbot, window, [np.array([12.0, 0.0])])
    wait_for_state(qtbot, controller, RunState.PAUSED)
    assert controller.dataset.n_samples > before.n_samples
    window.paint_panel.enabled.setChecked(False)
    guide = controller.findChild(LessonGuide)
    guide.open("two-gaussians-1d")
    qtbot.waitUntil(lambda: controller.dataset.n_features == 1, timeout=TIMEOUT_MS)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: controller.dataset.n_features == 2, timeout=TIMEOUT_MS)
    assert guide.current is None  # new data ends the lesson
    np.testing.assert_array_equal(controller.dataset.X, before.X)
    assert controller.dataset.feature_names == before.feature_names
