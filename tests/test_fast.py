"""The chunked engine against the direct reference path (engine.backends.direct)."""

from __future__ import annotations

import functools
import tracemalloc

import numpy as np
import pytest

from engine.backends import chunked as chunked_module
from engine.backends.chunked import ChunkedBackend
from engine.backends.direct import DirectBackend
from engine.backends.expanded import feature_layout
from engine.backends.recentre import watched_components
from engine.config import FitConfig
from engine.covariance import CovarianceType
from engine.em import fit, iterate_em
from engine.params import MixtureParams

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
def test_floored_sums_are_the_sums_and_responsibilities_are_never_floored(covariance_type):
    """Summing passes raise log-responsibilities below ``EXP_FLOOR`` to it (numpy's ``exp`` is several times
    slower where its results underflow): on clusters so far apart that most rows' other terms are far below
    the floor, the statistics are still the direct path's, and the responsibilities returned are its exact
    zeros."""
    rng = np.random.default_rng(4)
    X = np.concatenate([rng.normal(size=(2000, 2)) * 0.2 + centre for centre in ([0, 0], [30, 0], [0, 30])])
    params = start_params(X, covariance_type)
    fast, direct = ChunkedBackend(X, chunk_rows=512), DirectBackend(X)
    assert fast._floored
    below = direct.responsibilities(params) < np.exp(chunked_module.EXP_FLOOR)
    assert below.mean() > 0.3  # the floor is reached, often
    e_fast, e_direct = fast.e_step(params), direct.e_step(params)
    np.testing.assert_allclose(e_fast.stats.nk, e_direct.stats.nk, rtol=1e-12)
    np.testing.assert_allclose(e_fast.stats.means, e_direct.stats.means, rtol=1e-12, atol=1e-12)
    assert relative(e_fast.stats.covariances, e_direct.stats.covariances) < 1e-9  # tight clusters: the stated limit
    assert e_fast.mean_log_likelihood == pytest.approx(e_direct.mean_log_likelihood, rel=1e-11)
    np.testing.assert_array_equal(fast.labels(params), direct.labels(params))
    # The chunked path's expanded form (x'Px - 2x'P mu + mu'P mu) cancels terms of about 2e4 here (centres 30
    # apart, spread 0.2) to values near 1: a few times 2e4 * eps, 1.2e-11 seen with AVX2's kernels.
    np.testing.assert_allclose(fast.log_prob_norm(params), direct.log_prob_norm(params), rtol=1e-12, atol=1e-10)
    resp = fast.responsibilities(params)
    np.testing.assert_array_equal(resp == 0.0, direct.responsibilities(params) == 0.0)
    np.testing.assert_allclose(resp, direct.responsibilities(params), rtol=1e-11, atol=0.0)
    # A component of weight 0 gets a floored 1e-304 a row too: its statistics are still the direct path's.
    absent = MixtureParams.from_covariances([0.5, 0.5, 0.0], params.means, params.covariances, covariance_type)
    e_fast, e_direct = fast.e_step(absent).stats, direct.e_step(absent).stats
    assert e_fast.nk[2] == e_direct.nk[2] and np.array_equal(e_fast.means[2], e_direct.means[2])


def test_the_floor_is_used_by_the_summing_passes_only(monkeypatch):
    """E-steps and labels run with the floor, returned responsibilities without it."""
    rng = np.random.default_rng(4)
    X = np.concatenate([rng.normal(size=(2000, 2)) * 0.2 + centre for centre in ([0, 0], [30, 0], [0, 30])])
    params = start_params(X, "full")
    fast = ChunkedBackend(X, chunk_rows=512)
    seen = []
    original = ChunkedBackend._chunk

    def spy(self, *args, **kwargs):
        seen.append(kwargs.get("floored", args[7] if len(args) > 7 else False))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(ChunkedBackend, "_chunk", spy)
    for run, floored in ((lambda: fast.e_step(params), True), (lambda: fast.labels_and_log_prob_norm(params), True),
                         (lambda: fast.responsibilities(params), False)):
        seen.clear()
        run()
        assert seen and all(flag is floored for flag in seen)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("covariance_type", TYPES)
def test_features_kept_between_e_steps_change_no_digit(covariance_type, dtype, monkeypatch):
    """A float32 backend made with ``keep_features`` (the robust start's sample) keeps its chunks' features
    instead of making and widening them at every E-step: each chunk's are the same contiguous numbers, so
    every result is the same to the last bit; all it keeps stays within ``KEPT_FEATURES_BYTES``. A float64
    backend keeps none."""
    X = mixture_data(3000, 3)
    params = start_params(X, covariance_type)

    def results(backend):
        e = backend.e_step(params)
        return (e.stats.nk, e.stats.means, e.stats.covariances, e.mean_log_likelihood, e.labels,
                *backend.labels_and_log_prob_norm(params))

    made = results(ChunkedBackend(X, dtype=dtype, chunk_rows=512))
    backend = ChunkedBackend(X, dtype=dtype, chunk_rows=512, keep_features=True)
    first, again = results(backend), results(backend)
    kept = backend.__dict__.get("_features_kept", {})
    assert bool(kept) == (dtype is np.float32)  # kept: the second E-step read them
    for expected, got_first, got_again in zip(made, first, again, strict=True):
        assert np.array_equal(got_first, expected) and np.array_equal(got_again, expected)
    # Another split of the rows into chunks keeps new ones only within the bound, and changes no digit either.
    monkeypatch.setattr(chunked_module, "KEPT_FEATURES_BYTES", sum(array.nbytes for array in kept.values()))
    backend.n_threads = 1
    made_on_one = results(ChunkedBackend(X, dtype=dtype, chunk_rows=512, n_threads=1))
    assert all(np.array_equal(got, expected) for got, expected in zip(results(backend), made_on_one, strict=True))
    assert sum(array.nbytes for array in kept.values()) <= chunked_module.KEPT_FEATURES_BYTES


def test_a_weight_beyond_the_floors_bounds_turns_the_floor_off():
    """A row weighing 1e300 would lend a floored responsibility (1e-304) of 1e-4 to components far from it:
    such weights turn the floor off, and the statistics stay the direct path's."""
    rng = np.random.default_rng(4)
    X = np.concatenate([rng.normal(size=(2000, 2)) * 0.2 + centre for centre in ([0, 0], [30, 0], [0, 30])])
    weights = np.ones(len(X))
    weights[0] = 1e300
    params = start_params(X, "full")
    fast, direct = ChunkedBackend(X, chunk_rows=512, sample_weight=weights), DirectBackend(X, sample_weight=weights)
    assert ChunkedBackend(X, sample_weight=np.ones(len(X)))._floored and not fast._floored
    np.testing.assert_allclose(fast.e_step(params).stats.nk, direct.e_step(params).stats.nk, rtol=1e-12)


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
    """float32 against float64 on small, well-separated data, at any offset: parameters within 1e-5 and the
    reported log-likelihood (float64 from the stored rows) within 1e-7 (``test_float32_accuracy.py`` holds
    the documented figures on the benchmark's data). 5000 rows: float32 rows not standardised fail every case at
    offset 1e6 here (parameters 1e-3 to 2e-2 apart), as with 20 000."""
    X = mixture_data(5000, 2, seed=4, offset=offset)
    start = start_params(X, covariance_type)
    config = FitConfig(3, covariance_type, tol=0, max_iter=9, init="given", init_params=start)
    single = fit(X, config, backend=ChunkedBackend(X, dtype=np.float32))
    double = fit(X, config, backend=ChunkedBackend(X))
    spread = X.std(axis=0)
    assert relative(single.params.weights, double.params.weights) < 1e-5
    assert np.max(np.abs(single.params.means - double.params.means) / spread) < 1e-5
    assert relative(single.params.full_covariances(), double.params.full_covariances()) < 1e-5
    assert single.mean_log_likelihood == pytest.approx(double.mean_log_likelihood, rel=1e-7)


def test_float32_mode_is_not_float64():
    """Guards the test above: float32 must really change the numbers a little."""
    X = mixture_data(5000, 2, seed=4)
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
    # Each thread's chunk buffers (K x chunk_rows responsibilities and the feature rows): about 8 MiB on two
    # cores; an N x K array, even in single precision, would be 32 or 16 MiB.
    assert peak < n_by_k_bytes / 3, f"peak {peak / 2**20:.1f} MiB for an N x K of {n_by_k_bytes / 2**20:.1f} MiB"


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


# --- the hard cases of issue 10 item 19: near-singular full components, tight tied clusters -----------------


def _few_samples_many_features(n_samples, n_features, n_components, seed, offset=0.0):
    """Fewer samples per component than features: every component's sample covariance is singular."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform(-5, 5, (n_components, n_features))
    labels = rng.integers(n_components, size=n_samples)
    return centres[labels] + rng.normal(size=(n_samples, n_features)) * rng.uniform(0.01, 3, n_features) + offset


def _chunked_and_direct(X, n_components, covariance_type, reg_covar):
    start = fit(X, FitConfig(n_components, covariance_type, reg_covar=reg_covar, max_iter=1, tol=0, seed=3),
                backend=DirectBackend(X)).params
    config = FitConfig(n_components, covariance_type, reg_covar=reg_covar, tol=0, max_iter=9, init="given",
                       init_params=start)
    return fit(X, config, backend=ChunkedBackend(X, chunk_rows=256)), fit(X, config, backend=DirectBackend(X))


def _assert_equal_fits(fast, direct, X, tolerance):
    spread = X.std(axis=0)
    assert relative(fast.params.weights, direct.params.weights) < tolerance
    assert np.max(np.abs(fast.params.means - direct.params.means) / spread) < tolerance
    scaled = np.outer(spread, spread)
    assert relative(fast.params.full_covariances() / scaled, direct.params.full_covariances() / scaled) < tolerance
    assert fast.mean_log_likelihood == pytest.approx(direct.mean_log_likelihood, rel=tolerance)


@pytest.mark.parametrize("shape, seed, offset", [((60, 12, 6), 2, 1e6), ((60, 12, 6), 2, 0.0), ((25, 8, 5), 0, 0.0)])
def test_near_singular_full_components_keep_their_digits(shape, seed, offset):
    """Singular sample covariances plus reg_covar = 1e-6: the expanded terms and sums lose up to 3e-9
    (their terms are as large as trace(A) |z|^2); such components are whitened and summed directly."""
    n_samples, n_features, n_components = shape
    X = _few_samples_many_features(n_samples, n_features, n_components, seed, offset)
    _assert_equal_fits(*_chunked_and_direct(X, n_components, "full", 1e-6), X, 1e-9)


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("spread, reg_covar", [(1e-3, 1e-10), (1e-4, 1e-10), (1e-4, 1e-6)])
def test_tight_tied_clusters_keep_their_digits(seed, spread, reg_covar):
    """Six clusters of spread 1e-4 a hundred apart, one shared covariance: X^T X - sum_k n_k m_k m_k^T
    cancels about 1e10 to 1e-8; the pooled scatter is then summed about each mean (it lost 4e-5)."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform(-50, 50, (6, 2))
    X = centres[rng.integers(6, size=2000)] + spread * rng.normal(size=(2000, 2))
    _assert_equal_fits(*_chunked_and_direct(X, 6, "tied", reg_covar), X, 1e-9)


@pytest.mark.parametrize("shape, seed", [((40, 10, 4), 3), ((25, 8, 5), 0), ((25, 8, 5), 1)])
def test_below_the_rounding_of_reg_covar_both_paths_agree_to_the_stated_limit(shape, seed):
    """With reg_covar = 1e-12 a singular component's null variances are 1e-12 plus rounding of about
    eps x its spread^2 (1e-16) in either path: log-likelihoods agree only to about 1e-5 (the direct path
    itself moves by up to 1e-5 when the rows are permuted); the engine's docstring states 1e-4. (Before
    the near-singular components were summed about their means, these three differed by 2e-4 to 5e-4.)"""
    n_samples, n_features, n_components = shape
    X = _few_samples_many_features(n_samples, n_features, n_components, seed)
    fast, direct = _chunked_and_direct(X, n_components, "full", 1e-12)
    assert fast.mean_log_likelihood == pytest.approx(direct.mean_log_likelihood, rel=1e-4)


def _rows_and_a_tight_distant_group(covariance_type="full", weights=(0.8, 0.2 - 1e-4, 1e-4)):
    """4000 rows about 0 and a group of 1000 of spread 1e-3 at 999999 (a missing-value code), and a start
    with a component on the group and (with three ``weights``) another holding about half a row of it."""
    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal(size=(4000, 2)), 999999.0 + 1e-3 * rng.normal(size=(1000, 2))])
    scales = np.array([1.0, 1e-6, 1e-6])[:len(weights)]
    covariances = {"full": scales[:, None, None] * np.eye(2), "diag": scales[:, None] * np.ones(2),
                   "spherical": scales}[covariance_type]
    start = MixtureParams.from_covariances(list(weights), [[0.0, 0.0], [999999.0] * 2, [999999.0] * 2][:len(weights)],
                                           covariances, covariance_type)
    return X, start


@pytest.mark.parametrize("covariance_type", ["full", "diag", "spherical"])
def test_a_component_holding_less_than_a_row_of_a_tight_distant_group_keeps_its_digits(covariance_type):
    """Only components the M-step re-seeds (below a thousandth of a row) are left to the expanded sums: one
    holding half a row of the group got a covariance 3000 times the group's from them, and was re-seeded
    at every later iteration."""
    X, start = _rows_and_a_tight_distant_group(covariance_type)
    config = FitConfig(3, covariance_type, tol=0, max_iter=5, init="given", init_params=start)
    fast, direct = fit(X, config, backend=ChunkedBackend(X)), fit(X, config, backend=DirectBackend(X))
    assert not fast.reseed_events and not direct.reseed_events
    # 1e-12 seen (the moments are summed from each row's offset from the group's centre, in the data's coordinates;
    # from the standardised rows, each rounded once already, they kept 6e-9)
    assert relative(fast.params.covariances, direct.params.covariances) < 1e-10
    # 4e-10 seen: the direct path's own means of the group are some 1e-8 off (ours are the two-pass means)
    assert fast.mean_log_likelihood == pytest.approx(direct.mean_log_likelihood, rel=1e-9)


def test_weights_on_any_scale_keep_a_tight_distant_groups_digits():
    """Frequencies (weights summing to 1) count samples in their own unit: the group is summed about its mean
    as without weights (below one unit weight, every component was left to the expanded sums)."""
    X, start = _rows_and_a_tight_distant_group(weights=(0.8, 0.2))
    config = FitConfig(2, "full", tol=0, max_iter=5, init="given", init_params=start)
    unweighted = fit(X, config, backend=ChunkedBackend(X))
    frequencies = fit(X, config, backend=ChunkedBackend(X, sample_weight=np.full(len(X), 1.0 / len(X))))
    assert relative(frequencies.params.covariances, unweighted.params.covariances) < 1e-12
    assert frequencies.mean_log_likelihood == pytest.approx(unweighted.mean_log_likelihood, rel=1e-12)


@pytest.mark.parametrize("move", [0.5, 1000.0], ids=["summed-in-the-e-step", "second-pass"])
@pytest.mark.parametrize("covariance_type", ["full", "tied"])
def test_fragile_components_summed_about_their_old_means_equal_direct(move, covariance_type):
    """Points near a plane in 3-D (variance 1e-8 across it): the component is fragile already under its
    parameters, so the E-step sums its scatter about the old mean and moves it to the new one
    (S/n - d d^T). A mean that moves by more than one standard deviation would cancel S against d d^T
    (here 1e6 times the variance across the plane), so it takes a second pass. Either way: the direct path."""
    rng = np.random.default_rng(7)
    in_plane = np.array([[1.0, 0.5, -0.3], [0.0, 0.8, 0.6]])
    normal = np.cross(*in_plane) / np.linalg.norm(np.cross(*in_plane))
    X = rng.normal(size=(800, 2)) @ in_plane + 1e-4 * rng.normal(size=(800, 1)) * normal + [20.0, 0.0, 0.0]
    direction = in_plane[0] / np.linalg.norm(in_plane[0])
    covariance = np.cov(X.T, bias=True) + 1e-9 * np.eye(3)
    params = MixtureParams.from_covariances([1.0], [X.mean(axis=0) + move * direction],
                                            covariance[None] if covariance_type == "full" else covariance,
                                            covariance_type)
    fast = ChunkedBackend(X, chunk_rows=128)
    assert len(watched_components(params, fast.shift, fast.scale, fast._scatter, fast.n_samples)[0]) == 1
    fast_stats, direct_stats = fast.e_step(params).stats, DirectBackend(X).e_step(params).stats
    np.testing.assert_allclose(fast_stats.means, direct_stats.means, rtol=1e-12)
    # Every eigenvalue, the 1e-8 across the plane included, to 1e-6 (each path's rounding is about 2e-8).
    np.testing.assert_allclose(np.linalg.eigvalsh(fast_stats.covariances), np.linalg.eigvalsh(direct_stats.covariances),
                               rtol=1e-6)


@functools.cache
def _zeros_backends(n_features: int) -> tuple[ChunkedBackend, ChunkedBackend]:
    """Backends over ``MAX_CHUNK_ROWS + 1`` rows of zeros (more than any chunk), (n_features) wide: chunk rows of
    its own, and 100 given. Made once for every K of the test below (building one over 64 features costs about
    0.1 s); it only reads them."""
    from engine.backends.chunked import MAX_CHUNK_ROWS

    X = np.zeros((MAX_CHUNK_ROWS + 1, n_features))
    return ChunkedBackend(X), ChunkedBackend(X, chunk_rows=100)


@pytest.mark.parametrize("n_components", [1, 6, 100])
@pytest.mark.parametrize("n_features", [1, 2, 3, 5, 8, 10, 20, 64])
def test_chunks_hold_about_chunk_bytes_of_features_and_responsibilities_within_the_row_limits(n_features,
                                                                                              n_components):
    from engine.backends.chunked import CHUNK_BYTES, CHUNK_ROWS, MAX_CHUNK_ROWS, chunk_rows_for

    # the widest (full covariance) feature rows and the responsibilities
    width = n_features * (n_features + 1) // 2 + n_features + 1 + n_components
    rows = chunk_rows_for(n_features, 10**9, n_components)
    assert CHUNK_ROWS <= rows <= MAX_CHUNK_ROWS and rows % 1024 == 0
    assert rows * width * 8 <= CHUNK_BYTES or rows == CHUNK_ROWS
    assert rows == MAX_CHUNK_ROWS or (rows + 1024) * width * 8 > CHUNK_BYTES
    assert chunk_rows_for(n_features, 5000, n_components) == min(rows, 5000)
    backend, given = _zeros_backends(n_features)
    assert backend.n_samples > rows and backend._step(n_components) == rows
    assert given._step(n_components) == 100  # as given


@pytest.mark.parametrize("covariance_type", list(CovarianceType), ids=str)
@pytest.mark.parametrize("n_features", [1, 2, 3, 4, 7])
def test_the_runs_of_products_are_the_quadratic_features_pairs_in_order(covariance_type, n_features):
    """A chunk computes its quadratic features by runs (``Layout.runs``): they must be the pairs, in order, and
    few (one per feature for full covariances, one in all for the diagonal types)."""
    layout = feature_layout(covariance_type, n_features)
    rows, pairs = [], []
    for first_row, a, a_step, b, count in layout.runs:
        rows.extend(range(first_row, first_row + count))
        pairs.extend((a + a_step * i, b + i) for i in range(count))
    assert rows == list(range(layout.n_quadratic))
    assert pairs == list(zip(layout.pairs_a.tolist(), layout.pairs_b.tolist(), strict=True))
    expected_runs = {CovarianceType.FULL: n_features, CovarianceType.TIED: 0}.get(covariance_type, 1)
    assert len(layout.runs) == expected_runs


def test_a_tight_distant_group_gets_its_two_pass_mean_and_covariance():
    """One E-step and M-step on a group of spread 1e-3 at 999999 beside rows about 0: the group's mean and
    covariance are those of its rows' offsets from 999999 (a two-pass sum), as scikit-learn's formulas give
    them only to about 1e-8 and 5e-13 here. (From the standardised rows they were 9e-10 and 6e-9 off.)"""
    X, start = _rows_and_a_tight_distant_group(weights=(0.8, 0.2))
    config = FitConfig(2, "full", tol=0, max_iter=1, init="given", init_params=start)
    fast = fit(X, config, backend=ChunkedBackend(X))
    offsets = X[4000:] - 999999.0  # every responsibility of the group is 1 to the last bit
    mean = 999999.0 + offsets.mean(axis=0)
    deviations = X[4000:] - mean
    covariance = deviations.T @ deviations / len(deviations) + 1e-6 * np.eye(2)
    np.testing.assert_allclose(fast.params.means[1], mean, rtol=2e-16)
    np.testing.assert_allclose(fast.params.covariances[1], covariance, rtol=1e-12, atol=1e-12 * covariance.max())


def test_a_tied_start_with_an_empty_component_stays_finite_for_the_m_step_to_reseed():
    """Tied covariances recentre every component, an empty one too (a k-means start may leave one without rows):
    its moments are zero, and its mean and the pooled covariance stay finite (0 / 0 made them NaN, and the M-step
    refused the shared covariance instead of re-seeding the component)."""
    from engine.stats import Reseed, m_step

    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal(0.0, 1e-3, (20, 2)), rng.normal(1e4, 1e-3, (20, 2))])
    backend = ChunkedBackend(X)
    labels = np.repeat([0, 1], 20)
    stats = backend.stats_from_assignment(labels, (3, CovarianceType.TIED))
    assert np.all(np.isfinite(stats.means)) and np.all(np.isfinite(stats.covariances))
    pooled = np.cov(np.vstack([X[:20] - X[:20].mean(axis=0), X[20:] - X[20:].mean(axis=0)]).T, bias=True)
    np.testing.assert_allclose(stats.covariances, pooled, rtol=1e-10)
    _, reseeded = m_step(stats, 1e-6, Reseed(lambda count: X[:count], backend.data_covariance, 40.0))
    assert reseeded == (2,)
