"""Weighted samples (``engine.weights``): integer weights fit exactly as the rows repeated, in every backend
and covariance type; the weighted starts draw as they would on the repeated rows; bad weights are refused."""

from __future__ import annotations

import functools
import warnings

import numpy as np
import pytest

from engine.backends.chunked import ChunkedBackend
from engine.backends.direct import DirectBackend
from engine.backends.small import SmallBackend
from engine.config import FitConfig
from engine.covariance import CovarianceType
from engine.em import fit, initial_params
from engine.errors import InputError
from engine.init import initial_responsibilities, kmeans_plusplus
from engine.model import bic, score
from engine.params import MixtureParams
from engine.weights import check_sample_weight, weighted_order, worst_weighted

TYPES = [t.value for t in CovarianceType]
BACKENDS = {
    "chunked": lambda X, w=None: ChunkedBackend(X, chunk_rows=16, sample_weight=w),  # several chunks
    "chunked-float32": lambda X, w=None: ChunkedBackend(X, dtype=np.float32, chunk_rows=16, sample_weight=w),
    "direct": lambda X, w=None: DirectBackend(X, sample_weight=w),
    "small": lambda X, w=None: SmallBackend(X, sample_weight=w),
}


@pytest.fixture(scope="module")
def weighted_data():
    """100 rows in 3 features (two blobs) with integer weights 0..3, and the rows repeated by them."""
    rng = np.random.default_rng(0)
    X = np.concatenate([rng.normal(0.0, 1.0, (60, 3)), rng.normal(4.0, 0.5, (40, 3))]) + 1e3  # offset data
    weights = rng.integers(0, 4, len(X)).astype(float)
    return X, weights, np.repeat(X, weights.astype(int), axis=0)


@pytest.fixture(scope="module")
def weighted_fit(weighted_data):
    """(backend, covariance type) -> the settings (a k-means++ start, 8 iterations) and the weighted fit of
    ``weighted_data`` on that backend: made once for the two tests that read them."""
    X, weights, _ = weighted_data

    @functools.cache
    def made(backend: str, covariance_type: str):
        start = initial_params(DirectBackend(X), FitConfig(3, covariance_type, seed=1), np.random.default_rng(1))
        config = FitConfig(3, covariance_type, tol=0.0, max_iter=8, init="given", init_params=start)
        return config, fit(X, config, backend=BACKENDS[backend](X, weights))

    return made


def _tolerance(backend: str) -> float:
    """Float32 rows are standardised, then rounded: the weighted and the repeated data are standardised a
    little differently (robust centres of other samples), so their float32 rows round differently."""
    return 1e-5 if backend == "chunked-float32" else 1e-10


def _largest_relative_difference(a, b) -> float:
    return max(float(np.max(np.abs(x - y)) / np.max(np.abs(y)))
               for x, y in ((a.weights, b.weights), (a.means, b.means), (a.covariances, b.covariances)))


@pytest.mark.parametrize("backend", sorted(BACKENDS))
@pytest.mark.parametrize("covariance_type", TYPES)
def test_integer_weights_fit_as_repeated_rows(weighted_data, weighted_fit, backend, covariance_type):
    X, weights, repeated = weighted_data
    config, weighted = weighted_fit(backend, covariance_type)
    plain = fit(repeated, config, backend=BACKENDS[backend](repeated))
    tolerance = _tolerance(backend)
    assert _largest_relative_difference(weighted.params, plain.params) < tolerance
    assert np.allclose(weighted.history, plain.history, rtol=0, atol=tolerance)
    assert weighted.weight_sum == len(repeated) and weighted.n_samples == len(X)
    assert weighted.log_likelihood == pytest.approx(plain.log_likelihood, rel=tolerance)


@pytest.mark.parametrize("backend", sorted(BACKENDS))
@pytest.mark.parametrize("covariance_type", TYPES)
def test_weights_on_a_small_scale_fit_as_the_same_weights_scaled_up(weighted_data, weighted_fit, backend,
                                                                   covariance_type):
    """A sample weighs the mean positive weight when that is below 1 (``engine.weights.sample_unit``): weights
    of total 0.003 (components of 0.0008) are not all collapsed components, as under an absolute 1e-3. What is
    left is the absolute ``10 * eps`` that the statistics add to every component's weight (scikit-learn's)."""
    X, weights, _ = weighted_data
    config, counted = weighted_fit(backend, covariance_type)
    scaled = fit(X, config, backend=BACKENDS[backend](X, weights * 2e-5))
    assert not scaled.reseed_events
    assert _largest_relative_difference(scaled.params, counted.params) < 1e-9
    assert scaled.mean_log_likelihood == pytest.approx(counted.mean_log_likelihood, rel=1e-9)


def test_chunked_statistics_of_an_assignment_are_weighted(weighted_data):
    """A start's statistics (labels or responsibilities) and the data covariance, against repeated rows."""
    X, weights, repeated = weighted_data
    labels = (X[:, 0] > 1002).astype(np.intp)
    copies = weights.astype(int)
    for assignment, repeated_assignment in ((labels, np.repeat(labels, copies)),
                                            (np.column_stack([labels, 1 - labels]) * 0.7 + 0.15,
                                             np.repeat(np.column_stack([labels, 1 - labels]) * 0.7 + 0.15, copies,
                                                       axis=0))):
        for name, make in BACKENDS.items():
            a = make(X, weights).stats_from_assignment(assignment, (2, CovarianceType.FULL))
            b = make(repeated).stats_from_assignment(repeated_assignment, (2, CovarianceType.FULL))
            assert np.allclose(a.nk, b.nk, rtol=1e-12)
            assert np.allclose(a.covariances, b.covariances, rtol=_tolerance(name))
    for name, make in BACKENDS.items():
        assert np.allclose(make(X, weights).data_covariance(), make(repeated).data_covariance(), rtol=_tolerance(name))


def test_a_far_rows_limit_responsibilities_are_weighted_too():
    """A row beyond every density takes the limit (``engine.density``), inside a chunk whose other rows are
    weighted as they are normalised: its responsibilities count its weight too, as its repeated copies do."""
    rng = np.random.default_rng(3)
    X = rng.normal(size=(40, 2))
    X[7] = [1e200, 3.0]  # its squared distances overflow
    weights = rng.integers(1, 4, len(X)).astype(float)
    weights[7] = 3.0
    params = MixtureParams.from_covariances([0.5, 0.5], [[0.0, 0.0], [1.0, 1.0]], [np.eye(2), np.diag([4.0, 1.0])],
                                            CovarianceType.FULL)
    repeated = np.repeat(X, weights.astype(int), axis=0)
    for dtype, tolerance in ((np.float64, 1e-12), (np.float32, 1e-5)):  # float32: see ``_tolerance``
        with warnings.catch_warnings():  # the far row's mean and scatter overflow (in the pool's threads too)
            warnings.simplefilter("ignore", RuntimeWarning)
            weighted = ChunkedBackend(X, dtype=dtype, chunk_rows=16, sample_weight=weights).e_step(params).stats
            plain = ChunkedBackend(repeated, dtype=dtype, chunk_rows=16).e_step(params).stats
        assert np.allclose(weighted.nk, plain.nk, rtol=tolerance)


class _SameUniforms:
    """A stand-in generator: ``random`` returns fixed uniforms, ``integers(n)`` the cell ``floor(u n)`` of the
    next one, so a weighted draw and a draw among the repeated rows see the same uniforms."""

    def __init__(self, uniforms) -> None:
        self.uniforms = list(uniforms)

    def _next(self, count: int) -> np.ndarray:
        taken, self.uniforms = self.uniforms[:count], self.uniforms[count:]
        return np.array(taken)

    def random(self, size=None):
        return self._next(1)[0] if size is None else self._next(size)

    def integers(self, high):
        return int(self._next(1)[0] * high)


def test_kmeans_plusplus_with_weights_seeds_as_on_repeated_rows(weighted_data):
    """Weighted D^2 sampling picks, for the same uniforms, the row whose copies the repeated data picks."""
    X, weights, repeated = weighted_data
    uniforms = np.random.default_rng(5).random(64)
    for k in (2, 4, 6):
        seeded = kmeans_plusplus(X, k, _SameUniforms(uniforms), sample_weight=weights)
        on_repeated = kmeans_plusplus(repeated, k, _SameUniforms(uniforms))
        assert np.array_equal(seeded, on_repeated)
    # ... and so the whole fit from a k-means++ start agrees too (the labels are per row, summed weighted).
    config = FitConfig(3, "full", tol=0.0, max_iter=5)
    start_weighted = initial_responsibilities(X, config, _SameUniforms(uniforms), weights)
    start_repeated = initial_responsibilities(repeated, config, _SameUniforms(uniforms))
    assert np.array_equal(np.repeat(start_weighted, weights.astype(int)), start_repeated)


def test_weighted_order_draws_in_proportion_and_never_weight_zero():
    weights = np.array([1.0, 2.0, 0.0, 1.0])
    rng = np.random.default_rng(3)
    firsts = np.bincount([weighted_order(4, weights, rng)[0] for _ in range(4000)], minlength=4) / 4000
    assert firsts[2] == 0.0
    assert np.allclose(firsts, [0.25, 0.5, 0.0, 0.25], atol=0.03)
    assert 2 not in weighted_order(4, weights, rng)


def test_worst_rows_count_a_row_as_its_copies():
    scores = np.array([-1.0, -9.0, -5.0, -20.0])
    assert worst_weighted(scores, np.array([1.0, 2.0, 1.0, 0.0]), 3).tolist() == [1, 1, 2]
    assert worst_weighted(scores, None, 2).tolist() == [3, 1]


def test_model_score_and_bic_are_weighted(weighted_data):
    X, weights, repeated = weighted_data
    params = fit(X, FitConfig(2, "diag", seed=0, max_iter=5), sample_weight=weights).params
    assert score(params, X, weights) == pytest.approx(score(params, repeated), rel=1e-12)
    assert bic(params, X, weights) == pytest.approx(bic(params, repeated), rel=1e-12)


@pytest.mark.parametrize("weights, problem", [
    ([1.0, -1.0, 2.0], "must not be negative: row 1"),
    ([1.0, np.nan, 2.0], "must be finite: row 1"),
    ([1.0, np.inf, 2.0], "must be finite"),
    ([0.0, 0.0, 0.0], "are all zero"),
    ([1.0, 2.0], "one number per row"),
    ([1.0, 1e-320, 2.0], "must be 0 or at least 2.23e-308"),  # subnormal: its statistics would underflow
    ([1e308, 1e308, 1e308], "add up to more than a double can hold"),  # W = inf: every mean NaN
])
def test_bad_weights_are_refused(weights, problem):
    with pytest.raises(InputError, match=problem):
        check_sample_weight(np.array(weights), 3)
