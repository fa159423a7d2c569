"""The chunked engine against the direct reference path (engine.backends.direct)."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

from engine.backends.chunked import ChunkedBackend
from engine.backends.direct import DirectBackend
from engine.config import FitConfig
from engine.covariance import CovarianceType
from engine.em import fit, iterate_em

TYPES = list(CovarianceType)


def mixture_data(n_samples: int, n_features: int, seed: int = 0, offset: float = 0.0, scales=None) -> np.ndarray:
    """Three Gaussian clusters with different spreads per feature, shape (n_samples, n_features)."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform(-5, 5, (3, n_features))
    spreads = rng.uniform(0.5, 2.0, (3, n_features))
    labels = rng.integers(3, size=n_samples)
    X = centres[labels] + rng.normal(size=(n_samples, n_features)) * spreads[labels]
    if scales is not None:
        X = X * scales
    return X + offset


def start_params(X, covariance_type, n_components=3):
    return fit(X, FitConfig(n_components, covariance_type, max_iter=1, tol=0, seed=3), backend=DirectBackend(X)).params


def relative(a, b):
    return np.max(np.abs(np.asarray(a) - np.asarray(b))) / np.max(np.abs(b))


@pytest.mark.parametrize("covariance_type", TYPES)
@pytest.mark.parametrize("n_features", [1, 2, 4])
def test_e_step_equals_direct(covariance_type, n_features):
    # 5000 rows in chunks of 64: many chunks, two thread ranges, a ragged last chunk.
    X = mixture_data(5000, n_features)
    params = start_params(X, covariance_type)
    view = np.array([0, 17, 4999])
    fast = ChunkedBackend(X, chunk_rows=64).e_step(params, view)
    direct = DirectBackend(X).e_step(params, view)
    assert fast.mean_log_likelihood == pytest.approx(direct.mean_log_likelihood, rel=1e-13)
    np.testing.assert_array_equal(fast.labels, direct.labels)
    np.testing.assert_allclose(fast.view_resp, direct.view_resp, rtol=1e-11, atol=1e-14)
    np.testing.assert_allclose(fast.stats.nk, direct.stats.nk, rtol=1e-11)
    np.testing.assert_allclose(fast.stats.means, direct.stats.means, rtol=1e-11, atol=1e-12)
    assert relative(fast.stats.covariances, direct.stats.covariances) < 1e-11


@pytest.mark.parametrize("covariance_type", TYPES)
def test_public_methods_equal_direct(covariance_type):
    X = mixture_data(3000, 3, seed=1)
    params = start_params(X, covariance_type)
    fast, direct = ChunkedBackend(X, chunk_rows=100), DirectBackend(X)
    np.testing.assert_allclose(fast.log_prob_norm(params), direct.log_prob_norm(params), rtol=1e-12)
    np.testing.assert_allclose(fast.responsibilities(params), direct.responsibilities(params), rtol=1e-10,
                               atol=1e-14)
    np.testing.assert_array_equal(fast.labels(params), direct.labels(params))
    np.testing.assert_allclose(fast.data_covariance(), direct.data_covariance(), rtol=1e-12)


@pytest.mark.parametrize("covariance_type", TYPES)
def test_offset_and_scaled_data_keep_their_digits(covariance_type):
    """Offset 1e6 and feature scales from 1e-3 to 1e3: equal to the direct path within 1e-9."""
    X = mixture_data(6000, 3, seed=2, offset=1e6, scales=np.array([1e-3, 1.0, 1e3]))
    start = start_params(X, covariance_type)
    config = FitConfig(3, covariance_type, tol=0, max_iter=9, init="given", init_params=start)
    fast = fit(X, config, backend=ChunkedBackend(X, chunk_rows=256))
    direct = fit(X, config, backend=DirectBackend(X))
    spread = X.std(axis=0)
    assert relative(fast.params.weights, direct.params.weights) < 1e-9
    # Means relative to the spread of the data (relative to 1e6 every result would pass).
    assert np.max(np.abs(fast.params.means - direct.params.means) / spread) < 1e-9
    full_fast = fast.params.full_covariances() / np.outer(spread, spread)
    full_direct = direct.params.full_covariances() / np.outer(spread, spread)
    assert relative(full_fast, full_direct) < 1e-9
    assert fast.mean_log_likelihood == pytest.approx(direct.mean_log_likelihood, rel=1e-9)


@pytest.mark.parametrize("covariance_type", TYPES)
@pytest.mark.parametrize("offset", [0.0, 1e6])
def test_float32_mode_accuracy(covariance_type, offset):
    """The documented float32 accuracy: parameters within 1e-5 and log-likelihood within 1e-6 of float64."""
    X = mixture_data(20000, 2, seed=4, offset=offset)
    start = start_params(X, covariance_type)
    config = FitConfig(3, covariance_type, tol=0, max_iter=9, init="given", init_params=start)
    single = fit(X, config, backend=ChunkedBackend(X, dtype=np.float32))
    double = fit(X, config, backend=ChunkedBackend(X))
    spread = X.std(axis=0)
    assert relative(single.params.weights, double.params.weights) < 1e-5
    assert np.max(np.abs(single.params.means - double.params.means) / spread) < 1e-5
    assert relative(single.params.full_covariances(), double.params.full_covariances()) < 1e-5
    assert single.mean_log_likelihood == pytest.approx(double.mean_log_likelihood, rel=1e-6)


def test_float32_mode_is_not_float64():
    """Guards the test above: float32 must really change the numbers a little."""
    X = mixture_data(20000, 2, seed=4)
    params = start_params(X, CovarianceType.FULL)
    single = ChunkedBackend(X, dtype=np.float32).e_step(params)
    double = ChunkedBackend(X).e_step(params)
    assert single.mean_log_likelihood != double.mean_log_likelihood


def test_assignment_statistics_equal_direct():
    X = mixture_data(4000, 3, seed=5)
    labels = np.random.default_rng(0).integers(4, size=len(X))
    resp = np.random.default_rng(1).dirichlet(np.ones(4), size=len(X))
    for covariance_type in TYPES:
        for assignment in (labels, resp):
            fast = ChunkedBackend(X, chunk_rows=128).stats_from_assignment(assignment, (4, covariance_type))
            direct = DirectBackend(X).stats_from_assignment(assignment, (4, covariance_type))
            np.testing.assert_allclose(fast.nk, direct.nk, rtol=1e-12)
            np.testing.assert_allclose(fast.means, direct.means, rtol=1e-11, atol=1e-12)
            assert relative(fast.covariances, direct.covariances) < 1e-11


def test_e_step_memory_does_not_grow_with_n_times_k():
    n_samples, n_components = 200_000, 20
    X = mixture_data(n_samples, 2, seed=6)
    params = start_params(X[:5000], CovarianceType.FULL, n_components)
    backend = ChunkedBackend(X)
    backend.e_step(params, with_labels=False)  # warm up pools and buffers
    tracemalloc.start()
    backend.e_step(params, with_labels=False)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    n_by_k_bytes = n_samples * n_components * 8
    assert peak < n_by_k_bytes / 8, f"peak {peak / 2**20:.1f} MiB for an N x K of {n_by_k_bytes / 2**20:.1f} MiB"


def test_snapshots_carry_labels_only_when_asked():
    X = mixture_data(500, 2)
    config = FitConfig(2, "full", max_iter=2, tol=0, seed=0)
    with_labels = [s for s in iterate_em(X, config) if s.half_step == "E"]
    without = [s for s in iterate_em(X, config, with_labels=False) if s.half_step == "E"]
    assert all(s.labels is not None and s.labels.shape == (500,) for s in with_labels)
    assert all(s.labels is None for s in without)
    assert [s.mean_log_likelihood for s in with_labels] == [s.mean_log_likelihood for s in without]


@pytest.mark.parametrize("covariance_type", ["full", "diag", "spherical"])
def test_a_tight_cluster_far_from_the_centre_keeps_its_digits(covariance_type):
    """Missing values coded as 999999: a zero-spread cluster 1e6 away. Expanded squares would cancel
    away every digit of its density and covariance; the engine recomputes those components directly."""
    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal(0, 1, (475, 2)), rng.normal(5, 1, (475, 2)), np.full((50, 2), 999999.0)])
    config = FitConfig(3, covariance_type, seed=0)
    fast = fit(X, config, backend=ChunkedBackend(X))
    direct = fit(X, config, backend=DirectBackend(X))
    assert fast.n_iter == direct.n_iter
    assert fast.mean_log_likelihood == pytest.approx(direct.mean_log_likelihood, rel=1e-9)
    np.testing.assert_allclose(np.sort(fast.params.weights), np.sort(direct.params.weights), rtol=1e-9)
