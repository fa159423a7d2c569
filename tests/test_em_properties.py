"""Properties every EM run must have, checked on generated mixtures; and what happens when a component collapses.

EM never lowers the likelihood (without ``reg_covar``, which changes the objective), keeps the weights a
probability vector and the covariances symmetric positive definite, and does not depend on the order
of the samples. A component that loses all its samples, or shrinks onto one point, is re-seeded by the
M-step instead of ending the fit.
"""

from __future__ import annotations

import functools

import numpy as np
import pytest
from factories import BACKEND_CLASSES, BACKENDS
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from engine.backends.direct import DirectBackend
from engine.config import FitConfig, InitMethod
from engine.covariance import CovarianceType
from engine.em import HalfStep, fit, iterate_em
from engine.params import MixtureParams

PROPERTY_SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: Fewer examples where exact tests check the same property too: a likelihood that never drops (every step of
#: 324 cases of tests/test_em_sklearn.py equals scikit-learn's history to 1e-10; tests/test_locks.py's
#: ``history_never_decreases``) and valid parameters (``assert_valid`` on every snapshot of the collapse tests
#: below, every type and backend). Fifteen still fail on an M-step that jitters diagonal means by 1e-4 (the
#: likelihood drops) or leaves spherical weights summing to 1 + 1e-9.
COVERED_PROPERTY_SETTINGS = settings(PROPERTY_SETTINGS, max_examples=15)





def assert_valid(params: MixtureParams) -> None:
    """Weights a probability vector, everything finite, covariances symmetric positive definite."""
    assert np.all(params.weights >= 0.0)
    np.testing.assert_allclose(params.weights.sum(), 1.0, rtol=1e-12)
    assert np.all(np.isfinite(params.means))
    assert np.all(np.isfinite(params.covariances))
    assert np.all(np.isfinite(params.precisions_chol))
    full = params.full_covariances()
    np.testing.assert_allclose(full, np.swapaxes(full, 1, 2), rtol=1e-12, atol=0.0)
    assert np.all(np.linalg.eigvalsh(full) > 0.0)


@st.composite
def separated_mixtures(draw):
    """Data from K well-separated, well-conditioned Gaussians, with K and a covariance type to fit."""
    n_components = draw(st.integers(1, 3))
    n_features = draw(st.integers(1, 3))
    covariance_type = draw(st.sampled_from(list(CovarianceType)))
    seed = draw(st.integers(0, 2**32 - 1))
    sizes = draw(st.lists(st.integers(25, 60), min_size=n_components, max_size=n_components))
    offset = draw(st.sampled_from([0.0, 5.0, -40.0]))
    rng = np.random.default_rng(seed)
    direction = rng.normal(size=n_features)
    direction /= np.linalg.norm(direction)
    parts = []
    for k, size in enumerate(sizes):
        A = np.eye(n_features) + 0.3 * rng.normal(size=(n_features, n_features))
        parts.append(rng.normal(size=(size, n_features)) @ A + 12.0 * k * direction + offset)
    X = rng.permutation(np.concatenate(parts))
    return X, n_components, covariance_type, seed


def _snapshots(X, n_components, covariance_type, seed, backend_class=DirectBackend, **overrides):
    config = FitConfig(n_components, covariance_type, **{"tol": 0.0, "max_iter": 20, "seed": seed, **overrides})
    return list(iterate_em(X, config, backend=backend_class(X)))


@COVERED_PROPERTY_SETTINGS
@given(separated_mixtures(), st.sampled_from(BACKEND_CLASSES))
def test_log_likelihood_never_decreases(mixture, backend_class):
    X, n_components, covariance_type, seed = mixture
    snapshots = _snapshots(X, n_components, covariance_type, seed, backend_class, reg_covar=0.0)
    # A re-seeded component jumps somewhere new, which may lower the likelihood: not EM's monotone step.
    assume(not any(snapshot.reseeded for snapshot in snapshots))
    history = np.array(snapshots[-1].history)
    assert len(history) == 20
    assert np.all(np.isfinite(history))
    drops = history[:-1] - history[1:]
    assert np.all(drops <= 1e-10 * np.abs(history[:-1])), history


@COVERED_PROPERTY_SETTINGS
@given(separated_mixtures(), st.sampled_from([0.0, 1e-6, 1e-2]))
def test_every_snapshot_has_valid_parameters(mixture, reg_covar):
    X, n_components, covariance_type, seed = mixture
    for snapshot in _snapshots(X, n_components, covariance_type, seed, reg_covar=reg_covar, max_iter=10):
        assert snapshot.params.covariance_type is covariance_type
        assert snapshot.params.means.shape == (n_components, X.shape[1])
        assert_valid(snapshot.params)


@PROPERTY_SETTINGS
@given(separated_mixtures(), st.sampled_from(BACKEND_CLASSES), st.randoms(use_true_random=False))
def test_the_order_of_the_samples_does_not_change_the_fit(mixture, backend_class, random):
    X, n_components, covariance_type, seed = mixture
    (init,) = _snapshots(X, n_components, covariance_type, seed, max_iter=0)
    config = FitConfig(n_components, covariance_type, tol=0.0, max_iter=15, init=InitMethod.GIVEN,
                       init_params=init.params)
    permutation = np.array(random.sample(range(len(X)), len(X)))
    ours = fit(X, config, backend=backend_class(X))
    permuted = fit(X[permutation], config, backend=backend_class(X[permutation]))
    scale = np.abs(X).max()
    np.testing.assert_allclose(permuted.params.weights, ours.params.weights, rtol=1e-10, atol=1e-14)
    np.testing.assert_allclose(permuted.params.means, ours.params.means, rtol=1e-10, atol=1e-12 * scale)
    np.testing.assert_allclose(permuted.params.covariances, ours.params.covariances, rtol=1e-10,
                               atol=1e-12 * scale**2)
    np.testing.assert_allclose(permuted.history, ours.history, rtol=1e-10)


# --- collapsed components ------------------------------------------------------------------------------------


def _three_clusters(seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = np.array([[0.0, 0.0], [6.0, 0.0], [0.0, 6.0]])
    return np.concatenate([rng.normal(size=(60, 2)) + centre for centre in centres])


def _covariances(covariance_type: CovarianceType, variances: list[float], n_features: int) -> np.ndarray:
    """Isotropic starting covariances with the given variances, shaped for the type."""
    variances = np.asarray(variances, dtype=float)
    return {
        CovarianceType.FULL: variances[:, None, None] * np.eye(n_features),
        CovarianceType.TIED: variances.max() * np.eye(n_features),
        CovarianceType.DIAG: variances[:, None] * np.ones(n_features),
        CovarianceType.SPHERICAL: variances,
    }[covariance_type]


@BACKENDS
@pytest.mark.parametrize("covariance_type", list(CovarianceType), ids=str)
def test_a_component_far_from_all_data_is_reseeded(covariance_type, backend_class):
    X = _three_clusters()
    start = MixtureParams.from_covariances(
        [0.4, 0.4, 0.2], [[0.0, 0.0], [6.0, 0.0], [1e6, 1e6]], _covariances(covariance_type, [1.0, 1.0, 1.0], 2),
        covariance_type,
    )
    config = FitConfig(3, covariance_type, tol=0.0, max_iter=20, init=InitMethod.GIVEN, init_params=start)
    snapshots = list(iterate_em(X, config, backend=backend_class(X)))

    first_m = next(snapshot for snapshot in snapshots if snapshot.half_step is HalfStep.M)
    assert first_m.reseeded == (2,)
    moved = first_m.params.means[2]
    assert np.any(np.all(X == moved, axis=1)), "a re-seeded component moves onto a sample"
    for snapshot in snapshots:
        assert np.all(np.isfinite(snapshot.history))
        assert_valid(snapshot.params)
    final = snapshots[-1]
    assert final.done
    assert np.all(np.abs(final.params.means) < 100.0)


@functools.cache
def _lonely_point_fit(covariance_type, backend_class, lonely):
    """A cluster of 100 samples around (50, 50) and one sample alone, owned by component 1; reg_covar = 0.

    Run once for the two tests that read its snapshots (read-only)."""
    rng = np.random.default_rng(1)
    X = np.concatenate([rng.normal(size=(100, 2)) + 50.0, [lonely]])
    start = MixtureParams.from_covariances(
        [0.5, 0.5], [[50.0, 50.0], lonely], _covariances(covariance_type, [1.0, 0.01], 2), covariance_type
    )
    config = FitConfig(2, covariance_type, tol=0.0, max_iter=6, reg_covar=0.0, init=InitMethod.GIVEN,
                       init_params=start)
    return tuple(iterate_em(X, config, backend=backend_class(X)))


LONELY = pytest.mark.parametrize("lonely", [(0.0, 0.0), (3.0, -7.0)], ids=["at-origin", "off-origin"])
#: Tied covariances are shared, so one component cannot make them singular.
NOT_TIED = pytest.mark.parametrize(
    "covariance_type", [CovarianceType.FULL, CovarianceType.DIAG, CovarianceType.SPHERICAL], ids=str
)


@BACKENDS
@NOT_TIED
@LONELY
def test_a_component_on_a_single_point_without_reg_covar_does_not_crash(covariance_type, backend_class, lonely):
    snapshots = _lonely_point_fit(covariance_type, backend_class, lonely)
    assert snapshots[-1].done
    for snapshot in snapshots:
        assert np.all(np.isfinite(snapshot.history))
        assert_valid(snapshot.params)


@BACKENDS
@NOT_TIED
@LONELY
def test_a_component_on_a_single_point_without_reg_covar_is_reseeded(covariance_type, backend_class, lonely):
    """Its covariance is zero up to rounding (1e-26 or 1e-12 here, not exactly 0): it has collapsed."""
    snapshots = _lonely_point_fit(covariance_type, backend_class, lonely)
    reseeded = [snapshot.reseeded for snapshot in snapshots if snapshot.reseeded]
    assert reseeded and all(names == (1,) for names in reseeded), (
        f"component 1 sits on one sample, but re-seeded: {reseeded}; its final covariance is "
        f"{snapshots[-1].params.covariances[1]!r}"
    )


@BACKENDS
@pytest.mark.parametrize("covariance_type", list(CovarianceType), ids=str)
@pytest.mark.parametrize("init", [InitMethod.KMEANS_PP, InitMethod.RANDOM, InitMethod.RANDOM_FROM_DATA], ids=str)
def test_duplicated_points_and_a_tiny_reg_covar_do_not_crash(covariance_type, init, backend_class):
    """Four distinct points, each repeated 40 times, fitted with K = 4 and reg_covar = 1e-12.

    One run: ``fit`` hands every snapshot of its EM loop (``iterate_em``'s, without the labels) to
    ``on_snapshot``, and then scores the data."""
    X = np.repeat(np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [5.0, 5.0]]), 40, axis=0)
    config = FitConfig(4, covariance_type, tol=0.0, max_iter=15, reg_covar=1e-12, init=init, seed=3)
    snapshots = []
    result = fit(X, config, backend=backend_class(X), on_snapshot=snapshots.append)
    assert len(snapshots) == 1 + 2 * 15
    for snapshot in snapshots:
        assert_valid(snapshot.params)
        assert np.all(np.isfinite(snapshot.history))
    assert np.isfinite(result.mean_log_likelihood)
    assert_valid(result.params)
