"""The window's helpers without the window: geometry, projection, colours, raster, run control, status."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from engine.config import FitConfig
from engine.em import HalfStep, iterate_em
from engine.params import MixtureParams
from gui.colors import component_colors, point_colors
from gui.main import fit_worker
from gui.main.fit_worker import FitProgress, RunControl, StepTarget
from gui.main.status import status_texts
from gui.views.geometry import (
    contour_levels,
    contour_segments,
    ellipse_outlines,
    grid_points,
    histogram,
    weighted_densities,
)
from gui.views.projection import feature_projection, pca_projection
from gui.views.raster import PointRaster


def random_covariances(rng, n_components, n_features):
    factors = rng.normal(size=(n_components, n_features, n_features))
    return factors @ factors.transpose(0, 2, 1) + 0.1 * np.eye(n_features)


def test_ellipses_are_at_the_given_mahalanobis_radii():
    rng = np.random.default_rng(0)
    means = rng.normal(size=(4, 2))
    covariances = random_covariances(rng, 4, 2)
    xs, ys = ellipse_outlines(means, covariances, (1.0, 2.0, 3.0))
    rings = np.split(np.arange(xs.shape[1]), 3)
    for k in range(4):
        precision = np.linalg.inv(covariances[k])
        for radius, ring in zip((1.0, 2.0, 3.0), rings, strict=True):
            assert np.isnan(xs[k, ring[-1]])  # each ring ends in a gap
            points = np.column_stack([xs[k, ring[:-1]], ys[k, ring[:-1]]]) - means[k]
            squared = np.einsum("ij,jk,ik->i", points, precision, points)
            np.testing.assert_allclose(squared, radius**2, rtol=1e-10)


def test_projected_ellipses_match_the_projected_data():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(500, 4)) @ rng.normal(size=(4, 4)) + 3.0
    projection = pca_projection(X)
    np.testing.assert_allclose(projection.matrix @ projection.matrix.T, np.eye(2), atol=1e-12)
    points = projection.points(X)
    # The covariance of the projected points is P Sigma P^T, and the projected mean is their mean.
    covariance = np.cov(X, rowvar=False, bias=True)
    np.testing.assert_allclose(projection.covariances(covariance[None])[0], np.cov(points, rowvar=False, bias=True),
                               atol=1e-9)
    np.testing.assert_allclose(projection.means(X.mean(axis=0)[None])[0], points.mean(axis=0), atol=1e-9)
    assert projection.axis_names[0].startswith("PC1") and projection.axis_names[1].startswith("PC2")
    np.testing.assert_allclose(points, (X - projection.center) @ projection.matrix.T, rtol=1e-12, atol=1e-9)
    chosen = feature_projection(("a", "b", "c", "d"), 2, 0)
    np.testing.assert_array_equal(chosen.points(X), X[:, [2, 0]])
    plane = X[:, :2]
    assert feature_projection(("a", "b"), 0, 1).points(plane) is plane  # 2-D data is shown as it is, not copied
    np.testing.assert_array_equal(chosen.covariances(covariance[None])[0], covariance[np.ix_([2, 0], [2, 0])])


def test_contours_lie_on_their_levels():
    weights = np.array([0.4, 0.6])
    means = np.array([[0.0, 0.0], [3.0, 1.0]])
    covariances = np.array([[[1.0, 0.3], [0.3, 0.5]], [[0.6, 0.0], [0.0, 1.2]]])
    params = MixtureParams.from_covariances(weights, means, covariances, "full")
    x_range, y_range, shape = (-4.0, 7.0), (-4.0, 5.0), (200, 200)
    field = weighted_densities(grid_points(x_range, y_range, shape), params).sum(axis=1)
    field = field.reshape(shape)
    levels = contour_levels(field, 4)
    np.testing.assert_allclose(levels, field.max() * np.array([0.5, 0.25, 0.125, 0.0625]))
    for level in levels:
        x, y = contour_segments(field, np.array([level]), x_range, y_range)
        assert len(x) > 50 and len(x) % 2 == 0
        density = weighted_densities(np.column_stack([x, y]), params).sum(axis=1)
        np.testing.assert_allclose(density, level, rtol=0.02)


def test_histogram_is_a_density_with_a_sensible_number_of_bins():
    values = np.random.default_rng(2).normal(size=1000)
    edges, heights = histogram(values)
    assert 20 <= len(heights) <= 80
    assert np.sum(heights * np.diff(edges)) == pytest.approx(1.0)


def test_point_colours_mix_component_colours_by_responsibility():
    colors = component_colors(3)
    resp = np.array([[1.0, 0.0, 0.0], [0.5, 0.5, 0.0], [0.0, 0.2, 0.8]])
    mixed = point_colors(3, 3, np.array([0, 1, 2]), resp)
    np.testing.assert_allclose(mixed[0], colors[0])
    np.testing.assert_allclose(mixed[1], (colors[0] + colors[1]) / 2, rtol=1e-6)
    np.testing.assert_allclose(mixed[2], 0.2 * colors[1] + 0.8 * colors[2], rtol=1e-6)
    hard = point_colors(3, 3, np.array([2, 2, 1]), None)
    np.testing.assert_array_equal(hard, colors[[2, 2, 1]])
    partly = point_colors(4, 3, np.array([0, 0, 0, 0]), resp[1:2], np.array([3]))
    np.testing.assert_allclose(partly[3], mixed[1])
    np.testing.assert_array_equal(partly[:3], colors[[0, 0, 0]])


@pytest.mark.parametrize(("n_points", "n_view"), [(3000, None), (50_000, 5000)])
def test_raster_pixels_are_the_mean_colour_of_their_points(n_points, n_view):
    rng = np.random.default_rng(3)
    points = rng.normal(size=(n_points, 2))
    view_rows = None if n_view is None else np.sort(rng.choice(n_points, n_view, replace=False))
    labels = rng.integers(0, 5, n_points)
    resp = rng.dirichlet(np.ones(5), n_points if n_view is None else n_view)
    raster = PointRaster()
    raster.set_points(points, view_rows)
    raster.layout((-3.0, 3.0), (-2.0, 2.0), 120, 80)
    image = raster.render(5, labels, resp).reshape(-1, 4)
    # The same picture the slow way: every point's colour, averaged per pixel.
    colors = point_colors(n_points, 5, labels, resp, view_rows)[raster._sources].astype(float)
    expected = np.stack([np.bincount(raster._slots, weights=colors[:, c]) for c in range(3)], axis=1)
    expected /= raster._counts[:, None]
    np.testing.assert_allclose(image[raster._covered, :3], expected, atol=1.0)
    assert image[:, 3].astype(bool).sum() == len(raster._covered)
    unassigned = raster.render(5, None, None).reshape(-1, 4)
    assert (unassigned[raster._covered, :3] == 150).all()


def _wait_until_blocked(control: RunControl, thread: threading.Thread) -> None:
    """Wait (at most 30 s) until ``thread`` waits on ``control``'s condition, so an order finds it waiting."""
    deadline = time.monotonic() + 30.0
    while not control._condition._waiters and thread.is_alive():  # the stdlib's list of waiting threads
        assert time.monotonic() < deadline, "the thread never started waiting"
        time.sleep(0.001)


def test_run_control_orders_reach_a_waiting_worker_at_once():
    control = RunControl(delay_s=600.0, step_target=StepTarget.INIT)
    assert control.may_proceed_now() and not control.running
    snapshots = list(iterate_em(np.random.default_rng(4).normal(size=(60, 2)), FitConfig(2, seed=0, max_iter=3)))
    assert control.reached(snapshots[0])  # INIT is the target: pause there
    assert not control.may_proceed_now()
    control.step_to(StepTarget.M)
    assert not control.reached(snapshots[1])  # an E-step is not the M target
    assert control.reached(snapshots[2]) and snapshots[2].half_step is HalfStep.M
    control.resume()
    assert control.running and control.delay_s() == 600.0

    sleeper = threading.Thread(target=control.sleep, args=(1.0,), daemon=True)
    sleeper.start()
    _wait_until_blocked(control, sleeper)
    control.request_stop()  # cuts the 600 s delay short
    sleeper.join(30.0)  # a safety net only: a stop that did not wake the sleeper leaves it sleeping
    assert not sleeper.is_alive()
    assert not control.wait_until_allowed()


def test_a_painting_frame_holds_the_worker_back_until_it_is_painted_or_stopped(monkeypatch):
    monkeypatch.setattr(fit_worker, "FRAME_WAIT_S", 600.0)  # only frame_finished or a stop can end the waits
    for release in ("frame_finished", "request_stop"):
        control = RunControl()
        control.frame_started()
        waiter = threading.Thread(target=control.wait_for_frame, daemon=True)
        waiter.start()
        _wait_until_blocked(control, waiter)
        assert waiter.is_alive()  # held back while the frame paints
        getattr(control, release)()
        waiter.join(30.0)  # a safety net only: without the release the worker would wait 600 s
        assert not waiter.is_alive(), release


def test_status_texts():
    snapshots = list(iterate_em(np.random.default_rng(5).normal(size=(80, 2)), FitConfig(2, seed=0, tol=0.0,
                                                                                            max_iter=2)))
    assert status_texts("paused", None)[0] == "paused"
    state, iteration, likelihood, change, speed = status_texts("paused", FitProgress(snapshots[0], float("nan")))
    assert iteration == "start: initial parameters" and likelihood == change == speed == ""
    last = snapshots[-1]
    state, iteration, likelihood, change, speed = status_texts("finished", FitProgress(last, 2.5))
    assert state == "max iterations reached" and iteration == "iteration 2 (M)"
    assert likelihood == f"mean log-lik. {last.mean_log_likelihood:.6f}" and change == f"change {last.change:.2e}"
    assert speed == "2.5 ms/iter"


def test_vectors_and_matrices_of_many_features_are_written_short():
    """The panels rewrite every mean and covariance with every frame: written out whole, 200 features' covariances
    stalled the window for 8 s a frame. Past a few values a vector shows its first six, an ellipsis and its last,
    and a matrix its diagonal so; a few features are written whole."""
    from gui.views.explain_text import matrix, vector

    assert vector(np.arange(8.0)) == "(0, 1, 2, 3, 4, 5, 6, 7)"
    assert vector(np.arange(200.0)) == "(0, 1, 2, 3, 4, 5, …, 199)"
    assert matrix(np.diag([1.0, 2.0])) == "[[1, 0], [0, 2]]"
    assert matrix(np.diag(np.arange(200.0))) == "diag(0, 1, 2, 3, 4, 5, …, 199)"
