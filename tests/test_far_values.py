"""Values near the largest double (1.8e308): the window refuses what it cannot draw, and draws the rest safely.

A data set or a model is drawn only if its values are at most ``MAX_DRAWN`` (1e300) in size: then every
range, margin and span the views and pyqtgraph compute stays finite. Anything beyond gives one dialog,
and the data, the fit and the panel's text stay as they were. The views themselves never hand pyqtgraph
or Qt a non-finite range or colour, whatever a snapshot holds (NaN responsibilities, an infinite
log-likelihood, an infinite covariance).

Warnings are errors in the tests, and pytest-qt fails a test on an exception inside Qt's event loop, so
an overflow anywhere while drawing fails these tests.
"""

from __future__ import annotations

import numpy as np
import pytest
from test_gui_window import TIMEOUT_MS, back_to_start, on_screen, open_and_wait, start_of, wait_for_state

from engine.em import EMSnapshot, HalfStep
from engine.io.model_json import save_model
from engine.params import MixtureParams
from gui.colors import UNASSIGNED, BrushTable, point_colors
from gui.main.controller import RunState
from gui.views.canvas import MixtureCanvas
from gui.views.convergence import ConvergencePlot
from gui.views.geometry import MAX_DRAWN, ellipse_outlines, largest_size
from gui.views.histogram import HistogramView
from gui.views.projection import pca_projection


def write_csv(path, X) -> None:
    path.write_text(",".join(f"f{j}" for j in range(X.shape[1])) + "\n"
                    + "\n".join(",".join(repr(v) for v in row) for row in np.asarray(X).tolist()) + "\n")


def far(n_rows: int, n_features: int, scale: float = 1.7e308) -> np.ndarray:
    return np.random.default_rng(0).uniform(-1.0, 1.0, size=(n_rows, n_features)) * scale


def on_screen_now(window, controller) -> tuple:
    return (controller.dataset, controller.shown, window.data_panel.source.text(), window.windowTitle(),
            window.canvas.plot.getViewBox().viewRange())


@pytest.mark.parametrize("n_features", [1, 2, 4])
def test_data_near_the_largest_double_gives_a_dialog_and_keeps_what_was_shown(qtbot, unchanged_app, messages,
                                                                               tmp_path, n_features):
    window, controller = unchanged_app
    before = on_screen_now(window, controller)
    path = tmp_path / "far.csv"
    write_csv(path, far(200, n_features))
    open_and_wait(qtbot, controller, path)
    assert len(messages) == 1 and messages[0][0] == "Cannot show the data"
    assert "1e+300" in messages[0][1] and "far.csv" in messages[0][1]
    assert on_screen_now(window, controller) == before
    assert controller.state is RunState.PAUSED and controller.runner.active is not None


@pytest.mark.parametrize("n_features", [1, 2, 4])
def test_data_just_within_the_limit_is_drawn_with_finite_ranges(qtbot, unchanged_app, messages, tmp_path, n_features):
    window, controller = unchanged_app
    start, before = start_of(controller), on_screen_now(window, controller)
    description, view_before = controller.session.description, window.current_view()
    path = tmp_path / "large.csv"
    write_csv(path, far(200, n_features, scale=MAX_DRAWN))
    open_and_wait(qtbot, controller, path)
    qtbot.waitUntil(lambda: controller.dataset.source == str(path), timeout=TIMEOUT_MS)
    view = window.histogram if n_features == 1 else window.canvas
    assert window.current_view() is view and np.all(np.isfinite(view.plot.getViewBox().viewRange()))
    window.current_view().grab()  # paints every item
    # The data is drawn, but EM cannot start on it (its sums of squares would overflow): one dialog says so
    qtbot.waitUntil(lambda: bool(messages), timeout=TIMEOUT_MS)
    assert len(messages) == 1 and messages[0][0] == "EM stopped with an error"
    assert "spreads too widely" in messages[0][1] and "1e+300" in messages[0][1]
    # The window is shared with the module's other tests: its own data back (as after a lesson), and asserted.
    assert controller.show_data(start[0], description)
    back_to_start(qtbot, window, controller, start)
    assert window.current_view() is view_before and on_screen_now(window, controller)[2:] == before[2:]


def test_a_model_with_means_near_the_largest_double_gives_a_dialog_and_keeps_the_fit(qtbot, unchanged_app, messages,
                                                                                     tmp_path):
    window, controller = unchanged_app
    before = on_screen_now(window, controller)
    config_before = controller.config
    path = tmp_path / "far.json"
    save_model(path, MixtureParams.from_covariances([0.5, 0.5], [[1e308, -1e308], [-1.5e308, 1.7e308]],
                                                    [np.eye(2), np.eye(2)], "full"), ("x0", "x1"))
    assert not controller.open_path(str(path))
    assert len(messages) == 1 and messages[0][0] == "Cannot show the model" and "1e+300" in messages[0][1]
    assert on_screen_now(window, controller) == before and controller.config is config_before
    assert controller.session.model is None


@pytest.mark.filterwarnings("ignore::RuntimeWarning:engine")
def test_a_model_far_from_the_data_is_run_and_drawn_without_overflow(qtbot, unchanged_app, messages, tmp_path):
    """Means at +-1e299 (within the limit): the first E-step has no finite log-likelihood and NaN
    responsibilities; the window draws it, and the next iterations, without a dialog or an exception.

    The engine's own warnings about that E-step are its business (they are errors elsewhere in the tests);
    the window's are not ignored."""
    window, controller = unchanged_app
    start = start_of(controller)
    path = tmp_path / "far.json"
    save_model(path, MixtureParams.from_covariances([0.5, 0.5], [[1e299, -1e299], [-1e299, 1e299]],
                                                    [np.eye(2), np.eye(2)], "full"), ("x0", "x1"))
    assert controller.open_path(str(path))
    # The window was paused at the demo's start already: wait for the model's first E-step itself on screen.
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.E) and controller.is_settled(), timeout=TIMEOUT_MS)
    wait_for_state(qtbot, controller, RunState.PAUSED)
    assert controller.shown.snapshot.half_step is HalfStep.E
    window.grab()
    for iteration in (1, 2):
        window.step_action.trigger()
        qtbot.waitUntil(lambda iteration=iteration: on_screen(controller, HalfStep.M, iteration), timeout=TIMEOUT_MS)
        window.grab()
    assert not messages
    back_to_start(qtbot, window, controller, start)  # the window is shared with the module's other tests


def test_point_colours_and_brushes_of_nan_or_wild_values_are_grey_or_clipped():
    resp = np.array([[np.nan, np.nan], [0.25, 0.75], [np.inf, 0.0]])
    colors = point_colors(3, 2, None, resp)
    assert np.array_equal(colors[0], UNASSIGNED) and np.array_equal(colors[2], UNASSIGNED)
    assert np.all(np.isfinite(colors))
    brushes = BrushTable().brushes(np.array([[np.nan, 0, 0], [1e308, -1e308, 300], [-np.inf, np.inf, 12]]))
    for brush in brushes:
        color = brush.color()
        assert all(0 <= channel <= 255 for channel in (color.red(), color.green(), color.blue()))


def test_views_draw_snapshots_with_infinite_or_nan_numbers(qtbot):
    canvas, histogram, convergence = MixtureCanvas(), HistogramView(), ConvergencePlot()
    for widget in (canvas, histogram, convergence):
        qtbot.addWidget(widget)
    canvas.set_points(far(50, 2, scale=1.0), ("a", "b"), None)
    histogram.set_values(far(50, 1, scale=1.0)[:, 0], "a", None)
    params = MixtureParams.from_covariances([0.5, 0.5], [[1e299, -1e299], [0.0, 0.0]], [np.eye(2), np.eye(2)], "full")
    canvas.show_mixture(params)
    canvas.show_assignment(np.zeros(50, dtype=np.intp), np.full((50, 2), np.nan))
    histogram.show_mixture(MixtureParams.from_covariances([0.5, 0.5], [[1e299], [0.0]], [[[1.0]], [[1.0]]], "full"))
    histogram.show_assignment(None, np.full((50, 2), np.nan))
    convergence.reset(1e-3)
    snapshot = EMSnapshot(0, 2, HalfStep.E, params, -np.inf, (-np.inf, np.nan, -3.0))
    convergence.show_snapshot(snapshot)
    for widget in (canvas, histogram, convergence):
        widget.resize(400, 300)
        widget.grab()
        for view_box in _view_boxes(widget):
            assert np.all(np.isfinite(view_box.viewRange()))


def _view_boxes(widget):
    if isinstance(widget, ConvergencePlot):
        return [widget.likelihood.getViewBox(), widget.change.getViewBox()]
    return [widget.plot.getViewBox()]


def test_ellipses_of_infinite_or_nan_covariances_are_not_drawn():
    covariances = np.array([np.eye(2), np.full((2, 2), np.inf), np.full((2, 2), np.nan)])
    xs, ys = ellipse_outlines(np.zeros((3, 2)), covariances, (1.0, 2.0))
    assert np.isfinite(xs[0]).sum() > 0 and not np.isfinite(xs[1:]).any() and not np.isfinite(ys[1:]).any()


def test_principal_components_of_values_whose_squares_overflow():
    X = far(500, 3, scale=MAX_DRAWN) * np.array([1.0, 1e-3, 1e-6])
    projection = pca_projection(X)
    assert np.all(np.isfinite(projection.matrix)) and abs(projection.matrix[0, 0]) == pytest.approx(1.0, abs=1e-6)
    assert np.all(np.isfinite(projection.points(X)))


def test_views_handed_values_beyond_the_limit_keep_finite_ranges(qtbot):
    """The window refuses such data before it reaches a view; a view handed it anyway draws no range from it."""
    canvas, histogram = MixtureCanvas(), HistogramView()
    for widget in (canvas, histogram):
        qtbot.addWidget(widget)
    canvas.set_points(far(50, 2), ("a", "b"), None)
    histogram.set_values(far(50, 1)[:, 0], "a", None)
    for widget in (canvas, histogram):
        widget.resize(400, 300)
        widget.grab()
        assert np.all(np.isfinite(widget.plot.getViewBox().viewRange()))


def test_largest_size_of_data_of_any_shape():
    assert largest_size(np.empty((0, 2))) == 0.0 and largest_size(np.empty(0)) == 0.0
    assert largest_size(np.array([[1.0, -3.0], [2.0, 0.5]])) == 3.0
    assert largest_size(np.array([-1e308, 2.0])) == 1e308
    assert largest_size(np.array([[1.0, np.nan]])) == np.inf and largest_size(np.array([np.inf])) == np.inf
