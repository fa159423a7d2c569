"""Locked parameters: each lock is the constrained M-step it claims to be."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture

from engine.backends.direct import DirectBackend
from engine.config import FitConfig
from engine.covariance import CovarianceType
from engine.em import fit, iterate_em
from engine.errors import InputError
from engine.init import lloyd
from engine.locks import CovarianceLock, Locks, apply_locks
from engine.params import MixtureParams
from engine.presets import generate
from engine.stats import m_step


@pytest.fixture(scope="module", name="X")
def three_blobs() -> np.ndarray:
    return np.asarray(generate("three-blobs", n=900, seed=3).X)


def start(X: np.ndarray, covariance_type: str = "full") -> MixtureParams:
    return fit(X, FitConfig(3, covariance_type, max_iter=0, seed=5)).params


def locked_fit(X, params, locks, covariance_type="full", max_iter=30):
    config = FitConfig(3, covariance_type, tol=0, max_iter=max_iter, init="given", init_params=params, locks=locks)
    return fit(X, config)


def history_never_decreases(X, params, locks, covariance_type="full"):
    config = FitConfig(3, covariance_type, tol=0, max_iter=30, init="given", init_params=params, locks=locks)
    history = [s for s in iterate_em(X, config)][-1].history
    return np.all(np.diff(history) >= -1e-12 * np.abs(np.asarray(history[1:])))


def test_equal_weights(X):
    result = locked_fit(X, start(X), Locks(equal_weights=True))
    np.testing.assert_allclose(result.params.weights, np.full(3, 1 / 3), rtol=1e-15)
    assert history_never_decreases(X, start(X), Locks(equal_weights=True))


def test_fixed_covariances_keep_their_start_and_means_move(X):
    params = start(X)
    result = locked_fit(X, params, Locks(covariances=CovarianceLock.FIXED))
    np.testing.assert_array_equal(result.params.covariances, params.covariances)
    assert np.max(np.abs(result.params.means - params.means)) > 1e-3
    assert history_never_decreases(X, params, Locks(covariances=CovarianceLock.FIXED))


@pytest.mark.parametrize("covariance_type", ["full", "diag", "spherical"])
def test_shared_covariances_equal_the_tied_fit(X, covariance_type):
    """Shared full covariances are scikit-learn's tied type; the other shapes pool within their shape."""
    full_start = start(X, "full")
    shared_start = MixtureParams.from_covariances(full_start.weights, full_start.means,
                                                  np.broadcast_to(np.cov(X.T, bias=True), (3, 2, 2)), "full")
    tied_start = MixtureParams.from_covariances(full_start.weights, full_start.means, np.cov(X.T, bias=True), "tied")
    shared = locked_fit(X, shared_start, Locks(covariances=CovarianceLock.SHARED), "full", 15).params
    tied = locked_fit(X, tied_start, Locks(), "tied", 15).params
    if covariance_type == "full":
        np.testing.assert_allclose(shared.weights, tied.weights, rtol=1e-10)
        np.testing.assert_allclose(shared.means, tied.means, rtol=1e-10)
        for covariance in shared.covariances:
            np.testing.assert_allclose(covariance, tied.covariances, rtol=1e-10)
    else:
        params = start(X, covariance_type)
        result = locked_fit(X, params, Locks(covariances=CovarianceLock.SHARED), covariance_type).params
        assert np.ptp(result.covariances, axis=0).max() == 0.0
        assert history_never_decreases(X, params, Locks(covariances=CovarianceLock.SHARED), covariance_type)


def test_equal_weights_and_tiny_fixed_spherical_covariances_are_k_means(X):
    """The textbook limit: EM with equal weights and sigma^2 -> 0 is Lloyd's algorithm."""
    centres = X[[0, 1, 2]].copy()
    variance = 1e-4 * X.var()
    params = MixtureParams.from_covariances(np.full(3, 1 / 3), centres, np.full(3, variance), "spherical")
    locks = Locks(equal_weights=True, covariances=CovarianceLock.FIXED)
    result = locked_fit(X, params, locks, "spherical", max_iter=50).params
    np.testing.assert_allclose(np.sort(result.means, axis=0), np.sort(lloyd(X, centres, n_iter=50), axis=0),
                               rtol=1e-9)


def test_frozen_component_keeps_everything(X):
    params = start(X)
    result = locked_fit(X, params, Locks(frozen_components=(1,))).params
    assert result.weights[1] == params.weights[1]
    np.testing.assert_array_equal(result.means[1], params.means[1])
    np.testing.assert_array_equal(result.covariances[1], params.covariances[1])
    assert result.weights.sum() == pytest.approx(1.0, abs=1e-15)
    assert np.max(np.abs(result.means[[0, 2]] - params.means[[0, 2]])) > 1e-3
    assert history_never_decreases(X, params, Locks(frozen_components=(1,)))


def test_locks_are_checked():
    with pytest.raises(InputError, match="frozen components"):
        FitConfig(3, locks=Locks(frozen_components=(3,)))


def _precisions(params: MixtureParams) -> np.ndarray:
    """scikit-learn's ``precisions_init`` from the Cholesky factors of the precisions (no inverse taken)."""
    chol = params.precisions_chol
    if params.covariance_type is CovarianceType.FULL:
        return chol @ np.swapaxes(chol, 1, 2)
    if params.covariance_type is CovarianceType.TIED:
        return chol @ chol.T
    return chol**2


@pytest.mark.parametrize("covariance_type", list(CovarianceType), ids=str)
def test_no_locks_is_the_unconstrained_em_of_sklearn(X, covariance_type):
    """With ``Locks()`` EM is scikit-learn's: the same parameters after 30 iterations from the same start."""
    params = start(X, covariance_type)
    assert not Locks().any
    ours = locked_fit(X, params, Locks(), covariance_type)
    model = GaussianMixture(3, covariance_type=covariance_type.value, tol=0.0, max_iter=30, reg_covar=1e-6,
                            weights_init=np.array(params.weights), means_init=np.array(params.means),
                            precisions_init=_precisions(params), random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(X)
    np.testing.assert_allclose(ours.params.weights, model.weights_, rtol=1e-12, atol=0)
    np.testing.assert_allclose(ours.params.means, model.means_, rtol=1e-12, atol=0)
    np.testing.assert_allclose(ours.params.covariances, model.covariances_, rtol=1e-12, atol=0)
    np.testing.assert_allclose(ours.history, model.lower_bounds_, rtol=1e-12)


@pytest.mark.parametrize("covariance_type", list(CovarianceType), ids=str)
def test_apply_locks_without_locks_returns_the_m_steps_arrays_exactly(X, covariance_type):
    previous = start(X, covariance_type)
    stats = DirectBackend(X).e_step(previous, with_labels=False).stats
    unconstrained, _ = m_step(stats, 1e-6)
    result = apply_locks(unconstrained, previous, stats, Locks(), 1e-6)
    for name in ("weights", "means", "covariances", "precisions_chol"):
        assert not np.array_equal(getattr(unconstrained, name), getattr(previous, name)), "the M-step moved it"
        np.testing.assert_array_equal(getattr(result, name), getattr(unconstrained, name), err_msg=name)
    assert result.covariance_type is covariance_type


def test_shared_covariances_are_shared_from_the_start():
    """The first E-step must already see shared covariances, or the likelihood drops at the first M-step."""
    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal(0, 1, (200, 2)), rng.normal(5, 3, (200, 2))])
    config = FitConfig(2, seed=0, locks=Locks(covariances=CovarianceLock.SHARED), max_iter=6, tol=0)
    snapshots = list(iterate_em(X, config))
    assert np.ptp(snapshots[0].params.covariances, axis=0).max() == 0.0
    assert np.all(np.diff(snapshots[-1].history) >= 0)
