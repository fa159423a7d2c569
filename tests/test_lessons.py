"""The lessons' set-ups give the numbers their texts name (``gui.lessons.setups``, ``gui.lessons.catalogue``).

These run the engine on each lesson's data, settings and start, without a window: the window tests
(``tests/test_lessons_window.py``) then check that the same numbers reach the screen. Each text's numbers
are checked to be in the text too, so a text cannot drift from what EM does.
"""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import numpy as np
import pytest

from engine.em import HalfStep, fit, iterate_em, run_em
from engine.families.binomial import BinomialFamily, BinomialParams
from engine.init import lloyd
from engine.presets import preset_truth
from gui.lessons import catalogue, coin_numbers, setups
from gui.lessons.catalogue import LESSONS, lesson

CATALOGUE = Path(catalogue.__file__)


def _text(key: str) -> str:
    found = lesson(key)
    return " ".join((found.title, found.about, found.do, found.notice))


def _m_snapshots(setup, **changes):
    config = dataclasses.replace(setup.config(), **changes)
    return [s for s in iterate_em(setup.dataset.X, config) if s.half_step is HalfStep.M]


# --- the catalogue -----------------------------------------------------------------------------------------------

def test_every_text_is_marked_for_translation_and_short():
    """Each title and text is a literal ``QT_TRANSLATE_NOOP("Lessons", ...)`` (so Qt's tools find it) and short."""
    marked = set()
    for node in ast.walk(ast.parse(CATALOGUE.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
            context, text = node.args
            assert context.value == catalogue.CONTEXT
            marked.add(text.value)
    assert len(LESSONS) >= 8
    assert len({item.key for item in LESSONS}) == len(LESSONS)
    for item in LESSONS:
        for text in (item.title, item.about, item.do, item.notice):
            assert text in marked, f"{item.key}: not marked for translation: {text!r}"
        assert len(item.about) + len(item.do) + len(item.notice) < 800, f"{item.key}: the text is too long"


# --- 1. three blobs from the tutorial start ---------------------------------------------------------------------

def test_three_blobs_start_in_one_blob_and_end_at_the_texts_weights():
    setup = setups.three_blobs_tutorial()
    assert setup.controls["init"] == "tutorial"
    start = fit(setup.dataset.X, dataclasses.replace(setup.config(), max_iter=0)).params
    true_means = preset_truth("three-blobs").means
    nearest = np.argmin(((start.means[:, None, :] - true_means[None, :, :]) ** 2).sum(axis=2), axis=1)
    assert len(set(nearest.tolist())) == 1, "the text says all three start in the same blob"
    np.testing.assert_array_equal(start.covariances, np.stack([np.eye(2)] * 3))
    result = fit(setup.dataset.X, setup.config())
    assert result.converged and result.n_iter == 15
    np.testing.assert_allclose(result.params.weights, [0.27, 0.52, 0.21], atol=0.005)
    assert "15 iterations" in _text("three-blobs-tutorial") and "0.27, 0.52 and 0.21" in _text("three-blobs-tutorial")


# --- 2. two Gaussians in 1-D -------------------------------------------------------------------------------------

def test_tol_stops_the_classic_start_early_and_the_optimum_is_a_quarter_and_three_quarters():
    setup = setups.two_gaussians_1d()
    np.testing.assert_array_equal(setup.start.weights, [0.5, 0.5])
    np.testing.assert_array_equal(setup.start.means.ravel(), [0.0, 1.0])
    np.testing.assert_array_equal(setup.start.covariances.ravel(), [1.0, 1.0])
    early = fit(setup.dataset.X, setup.config())
    assert early.converged and early.n_iter == 6
    np.testing.assert_allclose(early.params.weights, [0.51, 0.49], atol=0.005)
    optimum = fit(setup.dataset.X, dataclasses.replace(setup.config(), tol=0.0))
    np.testing.assert_allclose(optimum.params.weights, [0.25, 0.75], atol=0.005)
    np.testing.assert_allclose(optimum.params.means.ravel(), [-2.04, 0.91], atol=0.005)
    # Visibly wrong: the early stop's first mean is more than a unit away from the optimum's.
    assert abs(early.params.means[0, 0] - optimum.params.means[0, 0]) > 1.0
    # Keep going: on from the early stop with tol 0 reaches the same optimum.
    kept_going = fit(setup.dataset.X, dataclasses.replace(setup.config(), tol=0.0, init_params=early.params))
    np.testing.assert_allclose(kept_going.params.weights, optimum.params.weights, atol=1e-6)
    # A converged run really is at the optimum: a tight tol stops there as well.
    tight = fit(setup.dataset.X, dataclasses.replace(setup.config(), tol=1e-10, max_iter=1000))
    np.testing.assert_allclose(tight.params.weights, optimum.params.weights, atol=1e-4)
    text = _text("two-gaussians-1d")
    for number in ("6 iterations", "0.51 and 0.49", "0.25 and 0.75", "-2.04 and 0.91"):
        assert number in text


# --- 3. four clusters with a known covariance --------------------------------------------------------------------

def test_four_clusters_keep_the_known_covariance_and_find_the_means():
    setup = setups.four_clusters_known_covariance()
    assert setup.controls["covariance_lock"] == "fixed"
    for snapshot in _m_snapshots(setup):
        np.testing.assert_array_equal(snapshot.params.covariances, np.stack([30.0 * np.eye(2)] * 4))
    result = fit(setup.dataset.X, setup.config())
    assert result.converged and result.n_iter == 11
    truth = preset_truth("four-2d")
    order = [int(np.argmin(((result.params.means - mean) ** 2).sum(axis=1))) for mean in truth.means]
    assert sorted(order) == [0, 1, 2, 3]
    np.testing.assert_allclose(result.params.means[order], truth.means, atol=1.5)
    np.testing.assert_allclose(result.params.weights[order], [0.11, 0.19, 0.32, 0.38], atol=0.005)
    assert "11 iterations" in _text("four-clusters-known-covariance")
    assert "0.11, 0.19, 0.32 and 0.38" in _text("four-clusters-known-covariance")


# --- 4. EM and k-means -------------------------------------------------------------------------------------------

def test_em_with_equal_weights_and_tiny_fixed_circles_is_lloyd_at_every_iteration():
    setup = setups.em_and_kmeans()
    snapshots = _m_snapshots(setup)
    assert len(snapshots) >= 15 and snapshots[-1].converged
    for snapshot in snapshots:
        centres = lloyd(setup.dataset.X, setup.start.means, n_iter=snapshot.iteration)
        np.testing.assert_allclose(snapshot.params.means, centres, atol=1e-12, rtol=0)


# --- 5. local optima ---------------------------------------------------------------------------------------------

def test_the_starts_end_at_four_levels_of_log_likelihood():
    setup = setups.local_optima()
    result = fit(setup.dataset.X, setup.config())
    finals = np.round(result.start_log_likelihoods, 1)
    assert len(finals) == 8
    assert sorted(set(finals.tolist())) == [-4.8, -4.6, -4.4, -4.2]
    assert result.mean_log_likelihood == pytest.approx(max(result.start_log_likelihoods), abs=1e-6)
    assert "-4.8, -4.6, -4.4 and -4.2" in _text("local-optima")


# --- 6. singularities --------------------------------------------------------------------------------------------

def test_without_reg_covar_the_small_component_collapses_and_is_reseeded_at_iteration_8():
    setup = setups.singularities()
    snapshots = _m_snapshots(setup)
    reseeded = [s.iteration for s in snapshots if 3 in s.reseeded]
    assert reseeded[0] == 8
    before = snapshots[:7]  # iterations 1 to 7: the fourth variance shrinks, the log-likelihood climbs faster
    variances = np.array([s.params.covariances[3] for s in before])
    assert np.all(np.diff(variances) < 0) and variances[-1] < 1e-8
    climbs = np.diff([s.mean_log_likelihood for s in snapshots[:8]])
    assert np.all(climbs > 0) and climbs[-1] > 10 * climbs[2]
    assert "iteration 8" in _text("singularities")


def test_reg_covar_keeps_the_variance_and_the_log_likelihood_levels_off():
    setup = setups.singularities()
    snapshots = _m_snapshots(setup, reg_covar=setups.SINGULAR_REG_COVAR)
    assert not any(s.reseeded for s in snapshots)
    assert min(s.params.covariances[3] for s in snapshots) >= setups.SINGULAR_REG_COVAR
    history = snapshots[-1].history
    assert abs(history[-1] - history[-2]) < 1e-9
    assert f"reg_covar = {setups.SINGULAR_REG_COVAR:g}" in _text("singularities")


# --- 7. and 8. coins ---------------------------------------------------------------------------------------------

def test_two_coins_give_the_papers_numbers():
    setup = setups.two_coins()
    config = setup.config(0)
    assert config.fixed_weights
    thetas = [s.params.theta for s in run_em(BinomialFamily(setup.data, config), config) if s.half_step is HalfStep.M]
    np.testing.assert_allclose(thetas[0], [0.7130, 0.5813], atol=5e-5)
    np.testing.assert_allclose(thetas[9], [0.7967, 0.5197], atol=5e-5)
    np.testing.assert_allclose(setup.complete_data, [0.80, 0.45], atol=1e-12)
    text = _text("two-coins")
    for number in ("0.71 and θB = 0.58", "0.80 and 0.52", "0.80 and 0.45"):
        assert number in text


@pytest.mark.parametrize(("start", "expected"), [(0, (0.5, 0.6, 0.6)), (1, (0.4064, 0.5368, 0.6432))])
def test_three_coins_end_where_li_hang_says(start, expected):
    setup = setups.three_coins()
    config = setup.config(start)
    last = list(run_em(BinomialFamily(setup.data, config), config))[-1]
    assert last.converged
    pi, p, q = expected
    np.testing.assert_allclose([last.params.weights[0], *last.params.theta], [pi, p, q], atol=5e-5)
    assert f"({pi}, {p}, {q})" in _text("three-coins")


# --- the coins view's numbers ------------------------------------------------------------------------------------

def test_the_e_step_table_is_the_engines_e_step_and_the_papers_figure():
    setup = setups.two_coins()
    params = setup.starts[0]
    table = coin_numbers.e_step_table(setup.data, params)
    stats = BinomialFamily(setup.data, setup.config(0)).e_step(params, None, False).stats
    np.testing.assert_allclose(table.total_heads, stats.heads, rtol=1e-12)
    np.testing.assert_allclose(table.total_tails, stats.tails, rtol=1e-12)
    np.testing.assert_allclose(table.total_resp, stats.nk, rtol=1e-12)
    # Do and Batzoglou's figure: coin A 21.3 H and 8.6 T, coin B 11.7 H and 8.4 T.
    np.testing.assert_allclose(np.round(table.total_heads, 1), [21.3, 11.7])
    np.testing.assert_allclose(np.round(table.total_tails, 1), [8.6, 8.4])
    np.testing.assert_allclose(np.round(table.resp[0], 2), [0.45, 0.55])


def test_the_plane_is_the_log_likelihood_at_every_cell():
    setup = setups.three_coins()
    weights = np.array([0.4, 0.6])
    field = coin_numbers.plane_field(setup.data, weights, grid=30)
    points = coin_numbers.plane_points(grid=30)
    for index in (0, 31, 465, 899):
        row, column = divmod(index, 30)
        params = BinomialParams.of(points[index], weights)
        assert field[row, column] == pytest.approx(coin_numbers.total_log_likelihood(setup.data, params), rel=1e-12)
