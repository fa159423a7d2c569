"""EM agrees with scikit-learn's ``GaussianMixture``: the acceptance criterion of the engine.

From the same starting parameters both run the same iterations, so the fitted weights, means and
covariances, the number of iterations, the convergence flag and the log-likelihood history must agree
to rounding, for every covariance type, in 1, 2 and 4 dimensions, on real and generated data. With
several starts and a tight tolerance both must reach the same maximum likelihood on standard data sets.

Every test runs on every backend (the direct reference path and, once it exists, the chunked one).
"""

from __future__ import annotations

import functools
import warnings

import numpy as np
import pytest
from factories import BACKENDS
from sklearn.datasets import load_iris, load_wine
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture

from engine.backends.direct import DirectBackend
from engine.config import FitConfig, InitMethod
from engine.covariance import CovarianceType
from engine.em import fit, iterate_em
from engine.params import MixtureParams

#: Fitted parameters of the two implementations agree to this relative tolerance ...
RTOL = 1e-7
#: ... with this absolute slack for entries that happen to be (nearly) zero, such as standardised means.
ATOL = 1e-12
N_COMPONENTS = 3
#: Iterations of the fixed-iteration comparison: every E- and M-step formula already shows in the first one
#: (a wrong regularisation or a dropped weight is off by far more than RTOL there), and four iterations let
#: the differences grow as EM moves the parameters: a 0.1% wrong reg_covar (diag/spherical) fails the same 78
#: cases as after ten, a dropped sample every Direct case. The comparison with a tolerance below runs each
#: case on to its convergence (3 to 27 iterations).
MAX_ITER = 4



COVARIANCE_TYPES = pytest.mark.parametrize("covariance_type", list(CovarianceType), ids=str)


def _standardise(X: np.ndarray) -> np.ndarray:
    return (X - X.mean(axis=0)) / X.std(axis=0)


def _blobs(n_features: int, seed: int) -> np.ndarray:
    """Three Gaussian clusters of different sizes and shapes, not centred, in ``n_features`` dimensions."""
    rng = np.random.default_rng(seed)
    parts = []
    for size, centre in zip((120, 90, 60), (0.0, 4.0, 8.0), strict=True):
        A = rng.normal(size=(n_features, n_features)) * 0.6 + np.eye(n_features)
        offset = centre + rng.normal(scale=0.5, size=n_features)
        parts.append(rng.normal(size=(size, n_features)) @ A + 3.0 + offset)
    return np.concatenate(parts)


_IRIS = load_iris().data
_WINE = load_wine().data

DATASETS: dict[str, np.ndarray] = {
    "iris-4d": _standardise(_IRIS),
    "iris-raw-4d": _IRIS.copy(),
    "iris-petal-length-1d": _standardise(_IRIS[:, [2]]),
    "iris-petal-2d": _standardise(_IRIS[:, 2:4]),
    "wine-4d": _standardise(_WINE[:, [0, 6, 9, 12]]),
    "wine-2d": _standardise(_WINE[:, [6, 12]]),
    "blobs-1d": _blobs(1, 1),
    "blobs-2d": _blobs(2, 2),
    "blobs-4d": _blobs(4, 4),
}
DATA = pytest.mark.parametrize("name", list(DATASETS))


def starting_params(X: np.ndarray, covariance_type: CovarianceType, n_components: int = N_COMPONENTS):
    """A deterministic k-means++ start (our initialisation, no EM iteration), rebuilt from covariances."""
    config = FitConfig(n_components, covariance_type, max_iter=0, seed=0, init=InitMethod.KMEANS_PP)
    (snapshot,) = iterate_em(X, config, backend=DirectBackend(X))
    params = snapshot.params
    return MixtureParams.from_covariances(params.weights, params.means, params.covariances, covariance_type)


def precisions(params: MixtureParams) -> np.ndarray:
    """The precisions scikit-learn's ``precisions_init`` takes, from the covariances."""
    if params.covariance_type in (CovarianceType.FULL, CovarianceType.TIED):
        return np.linalg.inv(params.covariances)
    return 1.0 / params.covariances


def sklearn_fit(X, start: MixtureParams, reg_covar: float, tol: float, max_iter: int) -> GaussianMixture:
    model = GaussianMixture(
        start.n_components,
        covariance_type=start.covariance_type.value,
        tol=tol,
        reg_covar=reg_covar,
        max_iter=max_iter,
        weights_init=np.array(start.weights),
        means_init=np.array(start.means),
        precisions_init=precisions(start),
        random_state=0,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(X)
    return model


@functools.cache
def start_of(name: str, covariance_type: CovarianceType) -> MixtureParams:
    """``starting_params`` of ``DATASETS[name]``, made once for every backend, tolerance and ``reg_covar`` (the
    parameters are read-only)."""
    return starting_params(DATASETS[name], covariance_type)


@functools.cache
def sklearn_reference(name: str, covariance_type: CovarianceType, reg_covar: float, tol: float,
                      max_iter: int) -> GaussianMixture:
    """``sklearn_fit`` of ``DATASETS[name]`` from ``start_of``, made once for every backend (the tests
    only read the fitted model)."""
    return sklearn_fit(DATASETS[name], start_of(name, covariance_type), reg_covar, tol, max_iter)


@functools.cache
def sklearn_reference_score(name: str, covariance_type: CovarianceType, reg_covar: float, tol: float,
                            max_iter: int) -> float:
    """``sklearn_reference(...).score`` of ``DATASETS[name]``, computed once for every backend."""
    return sklearn_reference(name, covariance_type, reg_covar, tol, max_iter).score(DATASETS[name])


def max_relative_difference(ours: np.ndarray, theirs: np.ndarray) -> float:
    ours, theirs = np.asarray(ours), np.asarray(theirs)
    return float(np.max(np.abs(ours - theirs) / np.maximum(np.abs(theirs), ATOL / RTOL)))


def assert_same_params(params: MixtureParams, model: GaussianMixture) -> None:
    np.testing.assert_allclose(params.weights, model.weights_, rtol=RTOL, atol=ATOL, err_msg="weights")
    np.testing.assert_allclose(params.means, model.means_, rtol=RTOL, atol=ATOL, err_msg="means")
    np.testing.assert_allclose(params.covariances, model.covariances_, rtol=RTOL, atol=ATOL, err_msg="covariances")


@BACKENDS
@COVARIANCE_TYPES
@DATA
@pytest.mark.parametrize("reg_covar", [1e-6, 1e-3])
def test_same_parameters_as_sklearn_after_fixed_iterations(name, covariance_type, backend_class, reg_covar):
    X = DATASETS[name]
    start = start_of(name, covariance_type)
    config = FitConfig(N_COMPONENTS, covariance_type, tol=0.0, max_iter=MAX_ITER, reg_covar=reg_covar,
                       init=InitMethod.GIVEN, init_params=start)
    result = fit(X, config, backend=backend_class(X))
    model = sklearn_reference(name, covariance_type, reg_covar, 0.0, MAX_ITER)

    assert result.n_iter == model.n_iter_ == MAX_ITER
    assert not result.converged and not model.converged_
    assert_same_params(result.params, model)
    np.testing.assert_allclose(result.history, model.lower_bounds_, rtol=1e-10)
    np.testing.assert_allclose(result.mean_log_likelihood, sklearn_reference_score(name, covariance_type, reg_covar,
                                                                                  0.0, MAX_ITER), rtol=1e-10)


@BACKENDS
@COVARIANCE_TYPES
@DATA
def test_same_stopping_as_sklearn_with_a_tolerance(name, covariance_type, backend_class):
    X = DATASETS[name]
    start = start_of(name, covariance_type)
    config = FitConfig(N_COMPONENTS, covariance_type, tol=1e-3, max_iter=200, init=InitMethod.GIVEN,
                       init_params=start)
    result = fit(X, config, backend=backend_class(X))
    model = sklearn_reference(name, covariance_type, 1e-6, 1e-3, 200)

    assert result.n_iter == model.n_iter_
    assert result.converged == model.converged_
    np.testing.assert_allclose(result.history[-1], model.lower_bound_, rtol=1e-10)
    np.testing.assert_allclose(result.history, model.lower_bounds_, rtol=1e-10)
    assert_same_params(result.params, model)


@BACKENDS
@COVARIANCE_TYPES
def test_stops_on_the_same_iteration_as_sklearn_when_it_runs_out(covariance_type, backend_class):
    """A tolerance that is not reached in ``max_iter`` iterations: neither converges."""
    X = DATASETS["blobs-2d"]
    start = start_of("blobs-2d", covariance_type)
    config = FitConfig(N_COMPONENTS, covariance_type, tol=1e-14, max_iter=3, init=InitMethod.GIVEN,
                       init_params=start)
    result = fit(X, config, backend=backend_class(X))
    model = sklearn_reference("blobs-2d", covariance_type, 1e-6, 1e-14, 3)
    assert (result.n_iter, result.converged) == (model.n_iter_, model.converged_) == (3, False)
    np.testing.assert_allclose(result.history, model.lower_bounds_, rtol=1e-10)


# --- several starts, tight tolerance: the same maximum likelihood that scikit-learn reports ----------------


def _two_gaussians_1d() -> np.ndarray:
    """The classic 1-D two-component mixture: 0.3 N(-2, 0.5^2) + 0.7 N(1.5, 1)."""
    rng = np.random.default_rng(12345)
    return np.concatenate([rng.normal(-2.0, 0.5, 150), rng.normal(1.5, 1.0, 350)])[:, None]


#: name -> (X, K, covariance type, scikit-learn's init_params). On iris with diagonal covariances
#: scikit-learn's default k-means start stops, from every seed, at a local maximum (-2.047850 per sample);
#: its k-means++, random and random_from_data starts all reach the global one (-2.045736), as ours does.
MAXIMUM_CASES = {
    "iris-4d-full-K3": (_IRIS, 3, CovarianceType.FULL, "kmeans"),
    "iris-4d-tied-K3": (_IRIS, 3, CovarianceType.TIED, "kmeans"),
    "iris-4d-diag-K3": (_IRIS, 3, CovarianceType.DIAG, "k-means++"),
    "iris-4d-spherical-K3": (_IRIS, 3, CovarianceType.SPHERICAL, "kmeans"),
    "two-gaussians-1d-K2": (_two_gaussians_1d(), 2, CovarianceType.FULL, "kmeans"),
    "iris-petal-length-1d-K2": (_IRIS[:, [2]], 2, CovarianceType.FULL, "kmeans"),
    "iris-petal-2d-K3": (_IRIS[:, 2:4], 3, CovarianceType.FULL, "kmeans"),
    "wine-2d-K3-tied": (_WINE[:, [6, 12]] / _WINE[:, [6, 12]].std(axis=0), 3, CovarianceType.TIED, "kmeans"),
}


#: Our starts in the tests below. Four reach every case's maximum; on iris with diagonal covariances only
#: start 3 does (starts 1, 2 and 4 stop at -2.047850), so the best start must be the one kept. Keeping the
#: first start or the last one instead fails 7 of the 8 cases on every backend (with five starts, a quarter
#: more work, keeping the last one failed 5 of the 8: start 5 reaches the maximum on more cases).
N_STARTS = 4


@functools.cache
def _our_best_fit(case: str, backend_class: type):
    """Our ``N_STARTS``-start fit of a case of MAXIMUM_CASES on a backend, made once for the two tests that
    read it."""
    X, n_components, covariance_type, _ = MAXIMUM_CASES[case]
    config = FitConfig(n_components, covariance_type, tol=1e-8, max_iter=1000, n_init=N_STARTS, seed=0)
    return fit(X, config, backend=backend_class(X))


#: scikit-learn's starts for its reference maximum of each case of MAXIMUM_CASES. With its start of each case
#: (k-means++ on iris with diagonal covariances) its first start reaches its best of ten on every case (to
#: 1e-9 relative, against the tests' 1e-6; on six of the eight it is its best of three bit for bit), at a
#: third of the cost of three starts.
SKLEARN_STARTS = 1


@functools.cache
def _sklearn_best_score_of(case: str) -> float:
    """scikit-learn's best score on a case of MAXIMUM_CASES, computed once for all backends."""
    return _sklearn_best_score(*MAXIMUM_CASES[case], n_init=SKLEARN_STARTS)


def _sklearn_best_score(X, n_components, covariance_type, init_params, n_init: int):
    model = GaussianMixture(n_components, covariance_type=covariance_type.value, tol=1e-8, max_iter=1000,
                            n_init=n_init, random_state=0, init_params=init_params)
    return model.fit(X).score(X)


@BACKENDS
@pytest.mark.parametrize("case", list(MAXIMUM_CASES))
def test_several_starts_reach_the_maximum_likelihood_sklearn_reports(case, backend_class):
    result = _our_best_fit(case, backend_class)
    assert result.converged
    np.testing.assert_allclose(result.mean_log_likelihood, _sklearn_best_score_of(case), rtol=1e-6)
    assert len(result.start_log_likelihoods) == N_STARTS
    assert max(result.start_log_likelihoods) == result.history[-1]


@functools.cache
def _sklearn_best_score_of_iris_diag_kmeans() -> float:
    """scikit-learn's default fit (one k-means start): its local maximum, -2.047850 per sample, the same to the
    last bit as its best of ten starts (every one stops there)."""
    return _sklearn_best_score(_IRIS, 3, CovarianceType.DIAG, "kmeans", n_init=1)


@BACKENDS
def test_several_starts_are_never_worse_than_sklearns_default(backend_class):
    """Where scikit-learn's default start finds only a local maximum, ours finds at least as much."""
    # The case's fit: iris, three components, diagonal covariances.
    ours = _our_best_fit("iris-4d-diag-K3", backend_class).mean_log_likelihood
    theirs = _sklearn_best_score_of_iris_diag_kmeans()
    assert ours >= theirs - 1e-6 * abs(theirs)
