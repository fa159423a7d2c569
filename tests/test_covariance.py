"""The covariance-type tables: complete, equal to scikit-learn's formulas, and to scipy's densities.

Every operation whose formula depends on the covariance type is a ``dict[CovarianceType, Callable]``;
a type missing from one table would only fail when a user picks it, so completeness is checked here,
for the tables named in the design and for any other such table in the engine.
"""

from __future__ import annotations

import importlib
import pkgutil
import warnings

import numpy as np
import pytest
from scipy.stats import multivariate_normal
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture
from sklearn.mixture._gaussian_mixture import _compute_log_det_cholesky, _compute_precision_cholesky

import engine
from engine import stats
from engine.backends import direct, expanded
from engine.cli import fitting
from engine.covariance import (
    COVARIANCE_CHOLESKY,
    COVARIANCE_SHAPE,
    COVARIANCES_FROM_PRECISIONS_CHOL,
    FROM_FULL,
    LOG_DET_PRECISIONS_CHOL,
    N_COVARIANCE_PARAMETERS,
    PRECISIONS_CHOL,
    TO_FULL,
    CovarianceType,
    covariance_shape,
    full_covariances,
    n_covariance_parameters,
)
from engine.density import log_gaussian_prob
from engine.errors import FitError
from engine.io import model_checks
from engine.params import MixtureParams

TYPES = pytest.mark.parametrize("covariance_type", list(CovarianceType), ids=str)
DIMENSIONS = pytest.mark.parametrize("n_features", [1, 2, 4])
N_COMPONENTS = 3


def _spd(rng: np.random.Generator, n_features: int, scale: float = 1.0) -> np.ndarray:
    A = rng.normal(size=(n_features, n_features))
    return scale * (A @ A.T / n_features + 0.2 * np.eye(n_features))


def random_covariances(covariance_type: CovarianceType, n_features: int, seed: int = 0) -> np.ndarray:
    """Well-conditioned covariances of varied scales, shaped for the type."""
    rng = np.random.default_rng(seed)
    scales = [0.01, 1.0, 250.0]
    if covariance_type is CovarianceType.FULL:
        return np.stack([_spd(rng, n_features, s) for s in scales])
    if covariance_type is CovarianceType.TIED:
        return _spd(rng, n_features, 3.0)
    if covariance_type is CovarianceType.DIAG:
        return rng.uniform(0.2, 2.0, size=(N_COMPONENTS, n_features)) * np.array(scales)[:, None]
    return rng.uniform(0.2, 2.0, size=N_COMPONENTS) * np.array(scales)


def random_params(covariance_type: CovarianceType, n_features: int, seed: int = 0) -> MixtureParams:
    rng = np.random.default_rng(seed + 100)
    return MixtureParams.from_covariances(
        [0.2, 0.5, 0.3], rng.normal(scale=3.0, size=(N_COMPONENTS, n_features)),
        random_covariances(covariance_type, n_features, seed), covariance_type,
    )


# --- the tables cover every type ----------------------------------------------------------------------------

NAMED_TABLES = {
    "covariance.PRECISIONS_CHOL": PRECISIONS_CHOL,
    "covariance.COVARIANCES_FROM_PRECISIONS_CHOL": COVARIANCES_FROM_PRECISIONS_CHOL,
    "covariance.LOG_DET_PRECISIONS_CHOL": LOG_DET_PRECISIONS_CHOL,
    "covariance.TO_FULL": TO_FULL,
    "covariance.FROM_FULL": FROM_FULL,
    "covariance.COVARIANCE_CHOLESKY": COVARIANCE_CHOLESKY,
    "covariance.N_COVARIANCE_PARAMETERS": N_COVARIANCE_PARAMETERS,
    "covariance.COVARIANCE_SHAPE": COVARIANCE_SHAPE,
    "direct._COVARIANCES": direct._COVARIANCES,
    "expanded.PAIRS": expanded.PAIRS,
    "expanded.PRECISION_TERMS": expanded.PRECISION_TERMS,
    "expanded.COVARIANCES_FROM_SUMS": expanded.COVARIANCES_FROM_SUMS,
    "stats._ADD_REG_COVAR": stats._ADD_REG_COVAR,
    "stats._COLLAPSED": stats._COLLAPSED,
    "fitting._PARAMS_LINES": fitting._PARAMS_LINES,
    "model_checks.COVARIANCE_CHECKS": model_checks.COVARIANCE_CHECKS,
}


@pytest.mark.parametrize("name", list(NAMED_TABLES))
def test_each_named_table_has_every_covariance_type(name):
    table = NAMED_TABLES[name]
    assert set(table) == set(CovarianceType)
    assert all(callable(function) for function in table.values())


def _type_tables():
    """Every module-level dict in the engine keyed by covariance types."""
    found = {}
    for module_info in pkgutil.walk_packages(engine.__path__, prefix="engine."):
        module = importlib.import_module(module_info.name)
        short = module_info.name.rsplit(".", 1)[-1]
        for name, value in vars(module).items():
            if isinstance(value, dict) and value and all(isinstance(key, CovarianceType) for key in value):
                found[f"{short}.{name}"] = value
    return found


def test_every_table_in_the_engine_has_every_covariance_type():
    tables = _type_tables()
    assert set(NAMED_TABLES) <= set(tables), "the named tables are found by the scan"
    incomplete = {name: sorted(set(CovarianceType) - set(table)) for name, table in tables.items()
                  if set(table) != set(CovarianceType)}
    assert not incomplete, f"tables missing covariance types: {incomplete}"


# --- precisions' Cholesky factors -----------------------------------------------------------------------------


@TYPES
@DIMENSIONS
def test_precisions_chol_equals_sklearn(covariance_type, n_features):
    covariances = random_covariances(covariance_type, n_features)
    ours = PRECISIONS_CHOL[covariance_type](covariances)
    theirs = _compute_precision_cholesky(covariances, covariance_type.value)
    assert ours.shape == covariances.shape == covariance_shape(covariance_type, N_COMPONENTS, n_features)
    np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=0.0)


@TYPES
@DIMENSIONS
def test_precisions_chol_factorises_the_precision(covariance_type, n_features):
    covariances = random_covariances(covariance_type, n_features, seed=1)
    chol = PRECISIONS_CHOL[covariance_type](covariances)
    full_cov = full_covariances(covariances, covariance_type, N_COMPONENTS, n_features)
    if covariance_type in (CovarianceType.FULL, CovarianceType.TIED):
        factors = full_covariances(chol, covariance_type, N_COMPONENTS, n_features)
        assert np.all(np.tril(factors, k=-1) == 0.0), "upper triangular"
        assert np.all(np.diagonal(factors, axis1=1, axis2=2) > 0.0)
    else:
        factors = full_covariances(chol, covariance_type, N_COMPONENTS, n_features)
    precisions = factors @ np.swapaxes(factors, 1, 2)
    identity = np.broadcast_to(np.eye(n_features), full_cov.shape)
    np.testing.assert_allclose(precisions @ full_cov, identity, atol=1e-10)


@TYPES
@DIMENSIONS
def test_covariances_round_trip_through_precisions_chol(covariance_type, n_features):
    covariances = random_covariances(covariance_type, n_features, seed=2)
    chol = PRECISIONS_CHOL[covariance_type](covariances)
    back = COVARIANCES_FROM_PRECISIONS_CHOL[covariance_type](chol)
    np.testing.assert_allclose(back, covariances, rtol=1e-12, atol=1e-14 * np.abs(covariances).max())
    again = PRECISIONS_CHOL[covariance_type](back)
    np.testing.assert_allclose(again, chol, rtol=1e-12, atol=1e-14 * np.abs(chol).max())

    from_chol = MixtureParams.from_precisions_chol([0.2, 0.5, 0.3], np.zeros((N_COMPONENTS, n_features)), chol,
                                                   covariance_type)
    np.testing.assert_allclose(from_chol.covariances, covariances, rtol=1e-12, atol=1e-14 * np.abs(covariances).max())


@TYPES
@DIMENSIONS
def test_log_det_equals_sklearn_and_half_the_log_det_of_the_precision(covariance_type, n_features):
    covariances = random_covariances(covariance_type, n_features, seed=3)
    chol = PRECISIONS_CHOL[covariance_type](covariances)
    ours = LOG_DET_PRECISIONS_CHOL[covariance_type](chol, n_features)
    np.testing.assert_allclose(ours, _compute_log_det_cholesky(chol, covariance_type.value, n_features), rtol=1e-12)
    full_cov = full_covariances(covariances, covariance_type, N_COMPONENTS, n_features)
    expected = -0.5 * np.linalg.slogdet(full_cov)[1]
    np.testing.assert_allclose(np.broadcast_to(ours, (N_COMPONENTS,)), expected, rtol=1e-10, atol=1e-12)


# --- not positive definite --------------------------------------------------------------------------------------


def _broken(covariance_type: CovarianceType, n_features: int, component: int, how: str) -> np.ndarray:
    covariances = np.array(random_covariances(covariance_type, n_features, seed=4))
    bad = {"negative": -1.0, "zero": 0.0, "nan": np.nan}[how]
    if covariance_type is CovarianceType.FULL:
        covariances[component] = bad * np.eye(n_features) if how != "nan" else np.nan
        if how == "negative" and n_features > 1:
            # Indefinite, not just negative: a positive diagonal with too strong a correlation.
            covariances[component] = np.eye(n_features) + 2.0 * (np.ones((n_features, n_features)) - np.eye(n_features))
    elif covariance_type is CovarianceType.TIED:
        covariances = bad * np.eye(n_features) if how != "nan" else np.full((n_features, n_features), np.nan)
    elif covariance_type is CovarianceType.DIAG:
        covariances[component, -1] = bad
    else:
        covariances[component] = bad
    return covariances


@TYPES
@DIMENSIONS
@pytest.mark.parametrize("how", ["negative", "zero", "nan"])
def test_a_covariance_that_is_not_spd_raises_fit_error_naming_the_component(covariance_type, n_features, how):
    component = 1
    covariances = _broken(covariance_type, n_features, component, how)
    with pytest.raises(FitError) as raised:
        PRECISIONS_CHOL[covariance_type](covariances)
    message = str(raised.value)
    if covariance_type is CovarianceType.TIED:
        assert "shared covariance" in message
    else:
        assert f"component {component}" in message
    assert message.endswith(".")
    with pytest.raises(FitError):
        MixtureParams.from_covariances([0.2, 0.5, 0.3], np.zeros((N_COMPONENTS, n_features)), covariances,
                                       covariance_type)


def test_the_first_bad_component_is_named():
    covariances = np.ones((4, 2))
    covariances[2, 0] = -1.0
    covariances[3, 1] = 0.0
    with pytest.raises(FitError, match="component 2"):
        PRECISIONS_CHOL[CovarianceType.DIAG](covariances)
    full = np.stack([np.eye(2)] * 4)
    full[3] = [[1.0, 1.0], [1.0, 1.0]]  # singular
    with pytest.raises(FitError, match="component 3"):
        PRECISIONS_CHOL[CovarianceType.FULL](full)


# --- log-densities --------------------------------------------------------------------------------------------------


@TYPES
@DIMENSIONS
def test_log_gaussian_prob_equals_scipy(covariance_type, n_features):
    params = random_params(covariance_type, n_features, seed=5)
    rng = np.random.default_rng(6)
    X = rng.normal(scale=4.0, size=(200, n_features)) + params.means[0]
    ours = log_gaussian_prob(X, params)
    assert ours.shape == (len(X), N_COMPONENTS)
    full = params.full_covariances()
    for k in range(N_COMPONENTS):
        expected = multivariate_normal(params.means[k], full[k]).logpdf(X).reshape(len(X))
        np.testing.assert_allclose(ours[:, k], expected, rtol=1e-10, atol=1e-10)


# --- shapes and parameter counts ----------------------------------------------------------------------------------


@TYPES
@DIMENSIONS
def test_full_covariances_expand_each_type(covariance_type, n_features):
    covariances = random_covariances(covariance_type, n_features, seed=7)
    original = covariances.copy()
    full = full_covariances(covariances, covariance_type, N_COMPONENTS, n_features)
    assert full.shape == (N_COMPONENTS, n_features, n_features)
    for k in range(N_COMPONENTS):
        if covariance_type is CovarianceType.FULL:
            expected = covariances[k]
        elif covariance_type is CovarianceType.TIED:
            expected = covariances
        elif covariance_type is CovarianceType.DIAG:
            expected = np.diag(covariances[k])
        else:
            expected = covariances[k] * np.eye(n_features)
        np.testing.assert_array_equal(full[k], expected)
    full[0, 0, 0] = -5.0  # a new, writable array: the input is untouched
    np.testing.assert_array_equal(covariances, original)


@TYPES
@DIMENSIONS
def test_from_full_undoes_to_full(covariance_type, n_features):
    covariances = random_covariances(covariance_type, n_features, seed=9)
    full = full_covariances(covariances, covariance_type, N_COMPONENTS, n_features)
    back = FROM_FULL[covariance_type](full, np.array([0.2, 0.5, 0.3]))
    assert back.shape == covariances.shape
    np.testing.assert_allclose(back, covariances, rtol=1e-15)
    full[0, 0, 0] += 1.0  # a new array: the stack it came from is untouched
    assert not np.shares_memory(back, full)


@DIMENSIONS
def test_from_full_reduces_each_matrix_to_what_the_type_keeps(n_features):
    rng = np.random.default_rng(10)
    stack = np.stack([_spd(rng, n_features) for _ in range(N_COMPONENTS)])
    weights = np.array([0.2, 0.5, 0.3])
    np.testing.assert_array_equal(FROM_FULL[CovarianceType.FULL](stack, weights), stack)
    np.testing.assert_array_equal(FROM_FULL[CovarianceType.DIAG](stack, weights),
                                  [np.diag(matrix) for matrix in stack])
    np.testing.assert_allclose(FROM_FULL[CovarianceType.SPHERICAL](stack, weights),
                               [np.trace(matrix) / n_features for matrix in stack], rtol=1e-15)
    np.testing.assert_allclose(FROM_FULL[CovarianceType.TIED](stack, weights),
                               sum(w * matrix for w, matrix in zip(weights, stack, strict=True)), rtol=1e-14)
    np.testing.assert_allclose(FROM_FULL[CovarianceType.TIED](stack, None), stack.mean(axis=0), rtol=1e-14)
    one = stack[1]  # one (D, D) matrix: shaped for the type per matrix
    np.testing.assert_array_equal(FROM_FULL[CovarianceType.TIED](one, None), one)
    np.testing.assert_array_equal(FROM_FULL[CovarianceType.DIAG](one, None), np.diag(one))
    assert FROM_FULL[CovarianceType.SPHERICAL](one, None).shape == ()


@TYPES
@DIMENSIONS
def test_parameter_counts_and_shapes_match_sklearn(covariance_type, n_features):
    rng = np.random.default_rng(8)
    X = rng.normal(size=(60, n_features))
    model = GaussianMixture(N_COMPONENTS, covariance_type=covariance_type.value, max_iter=2, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(X)
    free = n_covariance_parameters(covariance_type, N_COMPONENTS, n_features)
    assert free + N_COMPONENTS * n_features + N_COMPONENTS - 1 == model._n_parameters()
    assert covariance_shape(covariance_type, N_COMPONENTS, n_features) == model.covariances_.shape
    assert covariance_shape(covariance_type, N_COMPONENTS, n_features) == model.precisions_cholesky_.shape
