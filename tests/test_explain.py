"""The Explain panel shows the snapshot's own numbers; hovering a point shows its responsibilities."""

from __future__ import annotations

import numpy as np
import test_gui_window
from PySide6.QtCore import Qt
from test_gui_window import TIMEOUT_MS, on_screen, press

from engine.em import HalfStep
from engine.model import predict_proba

# The window fixtures of the window tests, shared.
app = test_gui_window.app


def test_e_then_m_shows_the_snapshots_numbers_and_the_step_taken(app, qtbot):
    window, controller = app
    press(qtbot, window, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.E, 1), timeout=TIMEOUT_MS)
    e_snapshot = controller.shown.snapshot
    panel = window.explain_panel
    numbers = panel.numbers()
    n_samples = controller.dataset.n_samples
    assert np.array_equal(numbers["nk"], e_snapshot.stats.nk)
    assert np.allclose(numbers["weights"], e_snapshot.stats.nk / n_samples)
    assert np.array_equal(numbers["mean"], e_snapshot.stats.means[0])
    assert numbers["log_likelihood"] == e_snapshot.history[-1]
    assert not window.step_trail.arrows.getData()[0].size
    press(qtbot, window, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.M, 1), timeout=TIMEOUT_MS)
    m_snapshot = controller.shown.snapshot
    panel.component.setValue(2)
    numbers = panel.numbers()
    # The M-step's new weights and means are exactly the formulas' numbers shown.
    assert np.allclose(m_snapshot.params.weights, numbers["weights"])
    assert np.allclose(m_snapshot.params.means[2], numbers["mean"])
    assert f"{numbers['nk'][2]:.4g}" in panel.formulas.text()
    # Every rule is written for the component shown (the covariance's said "r_ik ... μ_k" under "N₂ = Σᵢ rᵢ₂").
    deviation = "(x<sub>i</sub> − μ<sub>2</sub>)"
    assert f"r<sub>i2</sub> {deviation}{deviation}<sup>T</sup>" in panel.formulas.text()
    # Arrows start at the old means and end at the new ones; the old ellipses are drawn.
    x, y = window.step_trail.arrows.getData()
    starts = np.stack([x[0::6], y[0::6]], axis=1)
    ends = np.stack([x[1::6], y[1::6]], axis=1)
    assert np.allclose(starts, e_snapshot.params.means) and np.allclose(ends, m_snapshot.params.means)
    assert window.step_trail.old_ellipses.getData()[0].size
    # The formulas wrap to the dock's width: nothing is cut at its edge or needs sideways scrolling.
    window.resizeDocks([window.explain_dock], [260], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: window.explain_dock.width() <= 310, timeout=TIMEOUT_MS)  # its least width is about 260
    qtbot.waitUntil(lambda: panel.formulas.height() >= panel.formulas.heightForWidth(panel.formulas.width()),
                    timeout=TIMEOUT_MS)
    scroll = panel.parentWidget().parentWidget()
    assert scroll.horizontalScrollBar().maximum() == 0
    assert panel.formulas.width() <= scroll.viewport().width()
    # Two iterations on, the change of the log-likelihood is shown too.
    press(qtbot, window, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.E, 2), timeout=TIMEOUT_MS)
    history = controller.shown.snapshot.history
    assert panel.numbers()["change"] == history[-1] - history[-2]
    assert not window.step_trail.arrows.getData()[0].size


def test_hovering_a_point_shows_its_responsibilities(unchanged_app, qtbot):
    window, controller = unchanged_app
    start = test_gui_window.start_of(controller)
    press(qtbot, window, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.E, 1), timeout=TIMEOUT_MS)
    row = 17
    point = controller.dataset.X[row]
    viewport = window.canvas.plot_widget.viewport()
    with qtbot.waitSignal(window.point_hover.hovered, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseMove(viewport, pos=window.hand_editor.data_to_viewport(point).toPoint())
    hovered = blocker.args[0]
    assert hovered >= 0
    expected = predict_proba(controller.shown.snapshot.params, controller.dataset.X[hovered][None])[0]
    assert np.allclose(window.explain_panel.point_resp(), expected)
    assert f"{expected.max():.3f}" in window.explain_panel.point.text()
    test_gui_window.back_to_start(qtbot, window, controller, start)  # the window is shared with the module's others


def test_a_closed_explain_panel_comes_back_from_the_view_menu(unchanged_app, qtbot):
    window, _ = unchanged_app
    window.explain_dock.close()
    assert window.explain_dock.isHidden()
    view_menu = next(action.menu() for action in window.menuBar().actions() if "View" in action.text())
    toggle = next(action for action in view_menu.actions() if "Explain" in action.text())
    toggle.trigger()
    assert not window.explain_dock.isHidden()
    # Back where it was (the window is shared with the module's other tests).
    assert not window.explain_dock.isFloating()
    assert window.dockWidgetArea(window.explain_dock) is Qt.DockWidgetArea.RightDockWidgetArea


def test_a_hovered_points_table_fits_a_narrow_panel(qtbot):
    """The table of a hovered point leaves its responsibility bars what the panel has room for: with bars of 120
    pixels it was wider than the panel at 1280 x 720, which then scrolled sideways and cut every line of text."""
    from PySide6.QtWidgets import QScrollArea

    from gui.views.explain import ExplainPanel
    from gui.views.explain_text import PointNumbers

    panel = ExplainPanel()
    qtbot.addWidget(panel)
    panel.resize(290, 600)
    panel.show()
    qtbot.waitExposed(panel)
    point = PointNumbers(180, np.array([5.064, 4.568]), np.array([0.5183, 0.2103, 0.2714]),
                         np.array([0.00244, 4.48e-07, 0.000733]), np.array([0.864, 0.0001, 0.136]))
    panel.show_point(point)
    assert panel.point.minimumSizeHint().width() <= panel.contentsRect().width()
    # In the window the panel sits in a scroll area: a narrower dock narrows it, and the bars follow.
    scroll = QScrollArea()
    qtbot.addWidget(scroll)
    scroll.setWidgetResizable(True)
    scroll.setWidget(panel)
    scroll.resize(300, 600)
    scroll.show()
    qtbot.waitExposed(scroll)
    qtbot.waitUntil(lambda: scroll.horizontalScrollBar().maximum() == 0)
    scroll.resize(250, 600)
    qtbot.waitUntil(lambda: scroll.horizontalScrollBar().maximum() == 0)  # it scrolled sideways
