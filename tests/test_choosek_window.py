"""The Choose K panel and the status bar's BIC and AIC, driven through the real widgets (pytest-qt, offscreen).

Selections run in this process (``processes=1``) on a small grid of well-separated generated blobs, so each
takes a fraction of a second. Tests wait on signals and conditions, never on sleeps.
"""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest
from factories import sklearn_model
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from restored_window import window_state
from test_gui_window import TIMEOUT_MS, wait_for_state

from engine.covariance import CovarianceType
from engine.em import HalfStep
from engine.io.tables import Dataset
from engine.selection.grid import Criterion, SelectionConfig
from engine.selection.results import CellResult
from engine.selection.run import iterate_selection
from gui.choosek import chooser as chooser_module
from gui.choosek.board import SelectionBoard
from gui.choosek.chooser import KChooser
from gui.choosek.view import ChooseKView
from gui.main.controller import RunState
from gui.main.criteria import FitCriteria

LEFT = Qt.MouseButton.LeftButton
TRUE_K = 3


def blobs(n_per_cluster: int = 30, seed: int = 0) -> Dataset:
    """Three round clusters 10 standard deviations apart: the true model is K = 3 (spherical or full)."""
    rng = np.random.default_rng(seed)
    centres = np.array([[0.0, 0.0], [10.0, 0.0], [5.0, 9.0]])
    X = np.concatenate([centre + rng.standard_normal((n_per_cluster, 2)) for centre in centres])
    labels = np.repeat(np.arange(3), n_per_cluster)
    return Dataset(X, ("x0", "x1"), source="test:blobs", labels=labels)


def chooser_state(chooser: KChooser) -> dict:
    """What a test changes of the chooser beyond the window (``restored_window.window_state``)."""
    return {"run": chooser.run, "shown_cell": chooser.shown_cell, "jobs": chooser._jobs.running,
            "processes": chooser.processes, "redraw_ms": chooser._redraw_timer.interval()}


@pytest.fixture(scope="module")
def _chooser_window(_restored_window):
    """The module's shared window (``restored_app``) with its Choose K panel made and in-process selections that
    redraw after every cell (so a test sees the view fill); its fresh state then includes the panel."""
    window, controller, fresh = _restored_window
    chooser = controller.findChild(KChooser)
    chooser.processes = 1
    chooser._redraw_timer.setInterval(0)
    chooser.view  # noqa: B018 (made on first use)
    fresh.update(window_state(window, controller))
    return chooser, chooser_state(chooser)


@pytest.fixture
def app(qtbot, restored_app, _chooser_window):
    """The window, paused at EM's start on the demo data, with its Choose K chooser: one window for the module,
    taken back after each test (its selection dropped and the panel's contents made anew, asserted, then the
    window as ``restored_app`` does)."""
    window, controller = restored_app
    chooser, fresh = _chooser_window
    yield window, controller, chooser
    chooser.invalidate("")  # a run's results (and a running job) dropped
    qtbot.waitUntil(lambda: chooser._jobs.running == 0, timeout=TIMEOUT_MS)
    used, chooser._view = chooser.view, None  # the panel's contents as first made: settings, plot, table, legend
    chooser.view  # noqa: B018
    used.deleteLater()
    assert chooser_state(chooser) == fresh


@pytest.fixture
def connected():
    """``connect(signal, slot)`` for a test: disconnected when it ends (the window outlives the test)."""
    made = []

    def connect(signal, slot) -> None:
        signal.connect(slot)
        made.append((signal, slot))

    yield connect
    for signal, slot in made:
        signal.disconnect(slot)


@pytest.fixture
def on_blobs(qtbot, app):
    """The window showing the blobs, with a small grid in the Choose K panel: K 1-4 x full, spherical."""
    window, controller, chooser = app
    controller.show_data(blobs(), "blobs")
    wait_for_state(qtbot, controller, RunState.PAUSED)
    view = chooser.view
    view.k_to.setValue(4)
    view.n_init.setValue(2)
    view.folds.setValue(2)
    for covariance_type, box in view.types.items():
        box.setChecked(covariance_type in (CovarianceType.FULL, CovarianceType.SPHERICAL))
    return window, controller, chooser


def choose(qtbot, chooser) -> None:
    """Click Choose K and wait for the selection to end."""
    with qtbot.waitSignal(chooser.run_finished, timeout=TIMEOUT_MS):
        qtbot.mouseClick(chooser.view.choose, LEFT)


def test_ctrl_k_opens_the_panel_which_fills_live_and_marks_the_true_k_best(qtbot, on_blobs, connected, monkeypatch):
    window, controller, chooser = on_blobs
    view = chooser.view
    progress_seen: list[int] = []
    drawn: list[int] = []
    connected(view.progress.valueChanged, progress_seen.append)
    show_board = view.show_board
    monkeypatch.setattr(view, "show_board", lambda board, shown: (drawn.append(board.n_done), show_board(board, shown)))
    assert not chooser.dock.isVisible()
    with qtbot.waitSignal(chooser.run_finished, timeout=TIMEOUT_MS):
        qtbot.keyClick(window.current_view().plot_widget, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert chooser.dock.isVisible() and chooser.run.dataset is controller.dataset
    # As narrow as leaves the data view half the window, or as the panel goes, and the panel narrow (it opened 420
    # pixels wide, and its longest line of activity made it wider: at 1280 x 720 the canvas kept a third).
    assert view.minimumSizeHint().width() <= 360
    assert chooser.dock.width() <= max(window.right_dock_room(), view.minimumSizeHint().width()) + 8

    board = chooser.run.board
    assert board.n_done == board.n_cells == 8 and board.result is not None
    assert progress_seen[-1] == 8 and len(set(progress_seen)) >= 4  # the bar counted the cells as they came
    # (When the plot and table are redrawn depends on the load: a redraw timer coalesces cells, so a busy
    # machine may draw only once, at the end. The progress bar above shows the cells arriving one by one.)
    assert drawn and drawn[-1] == 8
    assert view.progress.text() == "8 / 8 cells"
    best = board.result.chosen
    assert best.n_components == TRUE_K
    # The plot: a line of 4 points per type, the best ringed; the table: 8 rows, the best first.
    for covariance_type in (CovarianceType.FULL, CovarianceType.SPHERICAL):
        ks, values = view.plot.points[covariance_type].getData()
        np.testing.assert_array_equal(ks, [1, 2, 3, 4])
        assert np.isfinite(values).all()
    ringed_k, ringed_value = view.plot.best_mark.getData()
    assert ringed_k.tolist() == [TRUE_K] and ringed_value[0] == pytest.approx(best.bic, rel=1e-12)
    assert view.table.rowCount() == 8
    assert view.table.item(0, 1).text() == str(TRUE_K) and view.table.item(0, 2).text() == best.covariance_type.value
    assert view.table.item(0, 4).text() == "+0.00"
    assert f"K = {TRUE_K}" in view.summary.text()
    # Another criterion re-ranks without a new run.
    view.criterion.setCurrentIndex(view.criterion.findData(Criterion.CV.value))
    assert view.table.horizontalHeaderItem(3).text() == "CV log-lik."
    assert "higher is better" in view.plot.plot.getAxis("left").labelText


def test_stop_ends_the_run_early(qtbot, on_blobs, connected):
    window, controller, chooser = on_blobs
    view = chooser.view
    view.k_to.setValue(6)
    for box in view.types.values():
        box.setChecked(True)  # 24 cells

    def stop_after_the_first_cell(done: int) -> None:
        if done >= 1 and view.stop.isEnabled():
            qtbot.mouseClick(view.stop, LEFT)

    connected(view.progress.valueChanged, stop_after_the_first_cell)
    choose(qtbot, chooser)
    board = chooser.run.board
    assert board.n_cells == 24
    assert 1 <= board.n_done < 24 and board.result is None
    assert view.choose.isEnabled() and not view.stop.isEnabled()
    assert view.activity.text() == f"Stopped after {board.n_done} of 24 cells."
    assert view.table.rowCount() == board.n_done  # what was finished stays


def shown_on_canvas(controller, cell: CellResult) -> bool:
    shown = controller.shown
    return (controller.state is RunState.PAUSED and shown is not None and shown.snapshot.half_step is HalfStep.E
            and shown.snapshot.params.n_components == cell.n_components
            and shown.snapshot.params.covariance_type is cell.covariance_type)


def assert_cell_on_canvas(window, controller, cell: CellResult) -> None:
    params = controller.shown.snapshot.params
    np.testing.assert_allclose(params.means, cell.params.means, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(params.weights, cell.params.weights, rtol=1e-12)
    means_x, means_y = window.canvas.mean_scatter.getData()
    np.testing.assert_allclose(np.column_stack([means_x, means_y]), cell.params.means, atol=1e-9)
    assert window.model_panel.n_components.value() == cell.n_components
    assert window.covariance_type() is cell.covariance_type
    # The convergence plot: the cell's own fit, then the first E-step from its parameters.
    _, drawn_history = window.convergence.curve.getData()
    np.testing.assert_allclose(drawn_history[:len(cell.history)], cell.history, rtol=1e-12)
    assert len(drawn_history) == len(cell.history) + 1
    assert drawn_history[-1] >= cell.history[-1] - 1e-9


def test_clicking_a_point_puts_that_model_on_the_canvas(qtbot, on_blobs):
    window, controller, chooser = on_blobs
    choose(qtbot, chooser)
    board = chooser.run.board
    cell = next(c for c in board.cells.values() if c.n_components == 2 and c.covariance_type is CovarianceType.FULL)
    plot = chooser.view.plot
    with qtbot.waitSignal(chooser.cell_shown, timeout=TIMEOUT_MS):
        qtbot.mouseClick(plot.plot_widget.viewport(), LEFT, pos=plot.point_position(cell.cell_index))
    qtbot.waitUntil(lambda: shown_on_canvas(controller, cell) and controller.is_settled(), timeout=TIMEOUT_MS)
    assert_cell_on_canvas(window, controller, cell)
    shown_k, _ = plot.shown_mark.getData()
    assert shown_k.tolist() == [2]
    # Ready to step: M runs EM's next M-step from the cell's parameters.
    qtbot.keyClick(window.current_view().plot_widget, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: controller.shown.snapshot.half_step is HalfStep.M and controller.is_settled(),
                    timeout=TIMEOUT_MS)
    assert controller.shown.snapshot.iteration == len(cell.history) + 1


def test_clicking_a_row_puts_that_model_on_the_canvas_ready_to_export(qtbot, on_blobs, tmp_path, monkeypatch):
    window, controller, chooser = on_blobs
    choose(qtbot, chooser)
    table = chooser.view.table
    row = 3
    cell = chooser.run.board.cell(table.cell_at(row))
    rect = table.visualItemRect(table.item(row, 1))
    with qtbot.waitSignal(chooser.cell_shown, timeout=TIMEOUT_MS):
        qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())
    qtbot.waitUntil(lambda: shown_on_canvas(controller, cell) and controller.is_settled(), timeout=TIMEOUT_MS)
    assert_cell_on_canvas(window, controller, cell)
    assert table.selectedItems()[0].row() == row

    target = tmp_path / "cell.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), "")))
    with qtbot.waitSignal(controller.io_finished, timeout=TIMEOUT_MS):
        window.export_model_action.trigger()
    saved = json.loads(target.read_text(encoding="utf-8"))
    np.testing.assert_allclose(saved["means"], cell.params.means, rtol=1e-12)
    assert saved["fit"]["history"][:len(cell.history)] == pytest.approx(list(cell.history), rel=1e-12)


def refined_twice(X, config, feature_names=None, processes=None):
    """``iterate_selection`` as a faster engine may run it: each cell first at a loose tolerance, then refined.

    The first result of every cell comes with its BIC 1000 too high; the refined one (the true cell) follows.
    """
    events = iterate_selection(X, config, feature_names=feature_names, processes=processes)
    for event in events:
        if isinstance(event, CellResult):
            yield dataclasses.replace(event, bic=event.bic + 1000.0)
        yield event


def test_a_refined_cell_result_replaces_the_earlier_one(qtbot, on_blobs, monkeypatch):
    window, controller, chooser = on_blobs
    monkeypatch.setattr(chooser_module, "iterate_selection", refined_twice)
    drawn_rows: list[int] = []
    show_ranked = chooser.view.table.show_ranked
    monkeypatch.setattr(chooser.view.table, "show_ranked",
                        lambda rows, *args: (drawn_rows.append(len(rows)), show_ranked(rows, *args)))
    choose(qtbot, chooser)
    board = chooser.run.board
    assert board.n_done == 8 and max(drawn_rows) == 8  # never a row more than the cells
    view = chooser.view
    assert view.table.rowCount() == 8
    ks, values = view.plot.points[CovarianceType.FULL].getData()
    assert len(ks) == 4
    full = sorted((c for c in board.cells.values() if c.covariance_type is CovarianceType.FULL),
                  key=lambda c: c.n_components)
    np.testing.assert_allclose(values, [c.bic for c in full], rtol=1e-12)  # the refined values, not the first
    shown_values = sorted(float(view.table.item(row, 3).text()) for row in range(8))
    np.testing.assert_allclose(shown_values, sorted(round(c.bic, 2) for c in board.cells.values()), atol=0.006)


def test_new_data_drops_the_results_and_late_events(qtbot, on_blobs):
    window, controller, chooser = on_blobs
    view = chooser.view
    view.k_to.setValue(6)
    assert chooser.start()
    first = chooser.run.job_id
    view.k_to.setValue(2)
    assert chooser.start()  # a second run replaces the first at once
    qtbot.waitUntil(lambda: chooser._jobs.running == 0 and not chooser.running, timeout=TIMEOUT_MS)
    assert chooser.run.job_id != first and chooser.run.board.result is not None
    board = chooser.run.board
    assert {cell.n_components for cell in board.cells.values()} == {1, 2}  # none of the first run's
    assert view.table.rowCount() == 4
    # An event of the first run that arrives now (queued before it was replaced) is dropped by its job id.
    late = dataclasses.replace(board.cell(0), bic=-1e9)
    chooser._on_yielded(first, late)
    chooser._on_finished(first)
    assert board.cell(0).bic != -1e9 and board.best(Criterion.BIC).bic != -1e9
    assert view.activity.text().startswith("Done: 4 cells")

    controller.show_data(blobs(seed=1), "other blobs")
    wait_for_state(qtbot, controller, RunState.PAUSED)
    assert chooser.run is None and view.table.rowCount() == 0
    assert "data changed" in view.activity.text()


def wait_for_criteria(qtbot, criteria: FitCriteria, params, X) -> None:
    mixture = sklearn_model(params)
    expected = (mixture.bic(X), mixture.aic(X))
    qtbot.waitUntil(lambda: criteria.values is not None
                    and np.allclose(criteria.values, expected, rtol=1e-10, atol=0), timeout=TIMEOUT_MS)
    assert criteria.label.text() == f"BIC {expected[0]:.2f}  AIC {expected[1]:.2f}"


def test_bic_and_aic_of_the_fit_on_the_canvas_are_scikit_learns(qtbot, app):
    window, controller, chooser = app
    criteria = controller.findChild(FitCriteria)
    X = controller.dataset.X
    wait_for_criteria(qtbot, criteria, controller.shown.snapshot.params, X)  # the start: scored in a job
    plot = window.current_view().plot_widget
    qtbot.keyClick(plot, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: controller.shown.snapshot.half_step is HalfStep.E and controller.is_settled(),
                    timeout=TIMEOUT_MS)
    wait_for_criteria(qtbot, criteria, controller.shown.snapshot.params, X)  # an E-step: its own log-likelihood
    with qtbot.waitSignal(controller.run_ended, timeout=TIMEOUT_MS):
        qtbot.keyClick(plot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: controller.state is RunState.FINISHED and controller.is_settled(), timeout=TIMEOUT_MS)
    assert controller.shown.snapshot.half_step is not HalfStep.E
    wait_for_criteria(qtbot, criteria, controller.shown.snapshot.params, X)  # the fitted model: scored in a job


def test_the_plot_draws_degenerate_cells_hollow_and_rings_the_best_usable_one(qtbot):
    config = SelectionConfig(ks=(1, 2, 3), covariance_types=(CovarianceType.FULL,), seed=0)
    board = SelectionBoard(config)
    for index, (bic, degenerate) in enumerate(((500.0, False), (300.0, False), (250.0, True))):
        board.take(CellResult(cell_index=index, n_components=index + 1, covariance_type=CovarianceType.FULL,
                              params=None, fit=None, log_likelihood=-bic / 2, n_parameters=1, bic=bic, aic=bic,
                              icl=bic, cv_log_likelihood=-1.0, degenerate=degenerate, degenerate_reason=None,
                              converged=True, n_iter=1, hit_max_iter=False, seed=0))
    view = ChooseKView()
    qtbot.addWidget(view)
    view.show_board(board, None)
    brushes = [spot.brush().color().getRgb()[:3] for spot in view.plot.points[CovarianceType.FULL].points()]
    assert brushes[2] == (255, 255, 255) and brushes[0] != (255, 255, 255) and brushes[1] != (255, 255, 255)
    assert view.plot.best_mark.getData()[0].tolist() == [2]  # K = 3 has the lowest BIC but is degenerate
    assert view.table.item(0, 5).text() == "degenerate" and view.table.item(1, 4).text() == "+0.00"
