"""``engine.model`` gives scikit-learn's answers on the same parameters, and samples what it describes."""

import numpy as np
import pytest
from factories import random_params, sklearn_model

from engine import model
from engine.backends.direct import DirectBackend
from engine.config import FitConfig
from engine.covariance import CovarianceType
from engine.em import fit
from engine.errors import InputError
from engine.params import MixtureParams

TYPES = [t.value for t in CovarianceType]
RTOL = 1e-10




def test_data(params: MixtureParams, seed: int = 1) -> np.ndarray:
    """Samples of the mixture plus far-out points (where responsibilities are extreme)."""
    X, _ = model.sample(params, 2000, seed)
    outliers = np.random.default_rng(seed).normal(scale=15.0, size=(50, params.n_features))
    return np.vstack([X, outliers])


test_data.__test__ = False  # a helper, not a test


@pytest.mark.parametrize("n_features", [1, 2, 4])
@pytest.mark.parametrize("covariance_type", TYPES)
def test_matches_scikit_learn(covariance_type, n_features):
    params = random_params(covariance_type, n_features=n_features)
    gm = sklearn_model(params)
    X = test_data(params)

    np.testing.assert_array_equal(model.predict(params, X), gm.predict(X))
    np.testing.assert_allclose(model.predict_proba(params, X), gm.predict_proba(X), rtol=RTOL, atol=1e-300)
    np.testing.assert_allclose(model.score_samples(params, X), gm.score_samples(X), rtol=RTOL)
    assert model.score(params, X) == pytest.approx(gm.score(X), rel=RTOL)
    assert model.bic(params, X) == pytest.approx(gm.bic(X), rel=RTOL)
    assert model.aic(params, X) == pytest.approx(gm.aic(X), rel=RTOL)
    assert model.n_parameters(params) == gm._n_parameters()


@pytest.mark.parametrize("covariance_type", TYPES)
def test_matches_the_direct_reference_backend(covariance_type):
    params = random_params(covariance_type, n_features=3)
    X = test_data(params)
    reference = DirectBackend(X)
    np.testing.assert_array_equal(model.predict(params, X), reference.labels(params))
    np.testing.assert_allclose(model.score_samples(params, X), reference.log_prob_norm(params), rtol=RTOL)


def test_output_shapes_and_types():
    params = random_params("full", n_components=3, n_features=2)
    X = test_data(params)[:17]
    labels = model.predict(params, X)
    assert labels.shape == (17,) and np.issubdtype(labels.dtype, np.integer)
    proba = model.predict_proba(params, X)
    assert proba.shape == (17, 3)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-12)
    assert model.score_samples(params, X).shape == (17,)
    assert isinstance(model.score(params, X), float)
    assert isinstance(model.bic(params, X), float) and isinstance(model.aic(params, X), float)


@pytest.mark.parametrize(
    ("covariance_type", "expected"),
    # K = 3, D = 2: covariances + 6 means + 2 weights.
    [("full", 9 + 8), ("tied", 3 + 8), ("diag", 6 + 8), ("spherical", 3 + 8)],
)
def test_n_parameters(covariance_type, expected):
    assert model.n_parameters(random_params(covariance_type, n_components=3, n_features=2)) == expected


@pytest.mark.parametrize("covariance_type", TYPES)
def test_criteria_from_a_fit_need_no_second_scoring(covariance_type):
    params = random_params(covariance_type, n_components=2, n_features=2, seed=3)
    X, _ = model.sample(params, 500, 4)
    result = fit(X, FitConfig(n_components=2, covariance_type=covariance_type, seed=0))
    bic = model.bic_from(result.mean_log_likelihood, result.n_samples, result.params)
    aic = model.aic_from(result.mean_log_likelihood, result.n_samples, result.params)
    assert bic == pytest.approx(model.bic(result.params, X), rel=RTOL)
    assert aic == pytest.approx(model.aic(result.params, X), rel=RTOL)
    n = len(X)
    assert bic - aic == pytest.approx(model.n_parameters(result.params) * (np.log(n) - 2.0), rel=1e-12)


# --- input checks ----------------------------------------------------------------------------------

@pytest.mark.parametrize("function", [model.predict, model.predict_proba, model.score_samples, model.score,
                                      model.bic, model.aic])
def test_wrong_number_of_features_is_refused(function):
    params = random_params("diag", n_features=2)
    with pytest.raises(InputError, match=r"^the data has 3 features but the model expects 2\.$"):
        function(params, np.zeros((5, 3)))


def test_one_feature_is_singular_in_the_message():
    params = random_params("diag", n_features=2)
    with pytest.raises(InputError, match="the data has 1 feature but the model expects 2"):
        model.predict(params, np.zeros((5, 1)))


@pytest.mark.parametrize(
    ("X", "phrase"),
    [
        (np.zeros(5), "2-D array"),
        (np.zeros((2, 3, 2)), "2-D array"),
        (np.zeros((0, 2)), "no samples"),
        ([["a", "b"]], "table of numbers"),
        (np.array([[0.0, 1.0], [np.nan, 1.0], [np.inf, 0.0]]), "NaN or infinite values (2 rows, the first is row 1)"),
    ],
)
def test_bad_data_is_refused(X, phrase):
    params = random_params("full", n_features=2)
    with pytest.raises(InputError) as error:
        model.score_samples(params, X)
    assert phrase in str(error.value)


def test_lists_are_accepted():
    params = random_params("spherical", n_features=2)
    X = [[0.0, 1.0], [2.0, 3.0]]
    np.testing.assert_allclose(model.score_samples(params, X), sklearn_model(params).score_samples(np.array(X)),
                               rtol=RTOL)


# --- sampling -------------------------------------------------------------------------------------

@pytest.mark.parametrize("covariance_type", TYPES)
def test_covariance_cholesky_factors_the_covariances(covariance_type):
    params = random_params(covariance_type, n_components=3, n_features=3)
    chol = model.covariance_cholesky(params)
    assert chol.shape == (3, 3, 3)
    np.testing.assert_array_equal(chol, np.tril(chol))
    np.testing.assert_allclose(chol @ chol.transpose(0, 2, 1), params.full_covariances(), rtol=1e-12, atol=1e-14)


def test_sample_is_reproducible_with_a_seed():
    params = random_params("full", n_features=3)
    X1, labels1 = model.sample(params, 300, seed=42)
    X2, labels2 = model.sample(params, 300, seed=42)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(labels1, labels2)
    X3, _ = model.sample(params, 300, seed=43)
    assert not np.array_equal(X1, X3)


def test_sample_shapes_and_grouping():
    params = random_params("tied", n_components=4, n_features=2)
    X, labels = model.sample(params, 1000, seed=0)
    assert X.shape == (1000, 2) and labels.shape == (1000,)
    assert np.issubdtype(labels.dtype, np.integer)
    assert np.all(np.diff(labels) >= 0), "samples come grouped by component, as in scikit-learn"
    assert set(np.unique(labels)) <= set(range(4))


def test_sample_zero_and_bad_counts():
    params = random_params("diag", n_features=2)
    X, labels = model.sample(params, 0, seed=0)
    assert X.shape == (0, 2) and labels.shape == (0,)
    for n in (-1, 2.5, True, "10"):
        with pytest.raises(InputError, match="number of samples"):
            model.sample(params, n, seed=0)


@pytest.mark.parametrize("covariance_type", TYPES)
def test_large_samples_have_the_mixture_moments(covariance_type):
    params = random_params(covariance_type, n_components=3, n_features=2, seed=5)
    n = 200_000
    X, labels = model.sample(params, n, seed=7)

    counts = np.bincount(labels, minlength=3) / n
    np.testing.assert_allclose(counts, params.weights, atol=0.01)

    covariances = params.full_covariances()
    for k in range(3):
        Xk = X[labels == k]
        np.testing.assert_allclose(Xk.mean(axis=0), params.means[k], atol=0.05)
        np.testing.assert_allclose(np.cov(Xk, rowvar=False), covariances[k], rtol=0.05, atol=0.05)

    mean = params.weights @ params.means
    second = np.einsum("k,kij->ij", params.weights, covariances + params.means[:, :, None] * params.means[:, None, :])
    np.testing.assert_allclose(X.mean(axis=0), mean, atol=0.05)
    np.testing.assert_allclose(np.cov(X, rowvar=False), second - np.outer(mean, mean), rtol=0.03, atol=0.05)
