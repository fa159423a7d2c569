"""Hostile values: far points, zero weights, the smallest variances, spreads beyond a double (issue 10 items 12,
13 and 15).

A point can lie so far from every component that its squared distances overflow: its responsibilities are
then the limit (all of it to the component with the smallest Mahalanobis distance), never NaN. Its
log-likelihood is computed exactly when a double holds it; when it is below -1.8e308 the model functions
refuse with an ``InputError`` naming the row, rather than return -inf (which JSON cannot hold). Models with
a zero weight or a variance of 5e-324 are valid and give no warnings (warnings are errors in the tests).
Data whose spread does not fit a double cannot be fitted: the fit refuses it, naming the column and the
rescaling, instead of warning and blaming the number of distinct points.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from factories import BACKEND_CLASSES, BACKENDS
from scipy.special import logsumexp
from scipy.stats import multivariate_normal

import main
from engine import model
from engine.backends.chunked import ChunkedBackend
from engine.backends.direct import DirectBackend
from engine.config import FitConfig
from engine.covariance import CovarianceType
from engine.em import fit, iterate_em
from engine.errors import InputError
from engine.io.model_json import save_model
from engine.params import MixtureParams

LOG_2PI = np.log(2.0 * np.pi)


def reference_log_prob_terms(X: np.ndarray, params: MixtureParams) -> np.ndarray:
    """``log w_k + log N(x | k)`` by scipy, in the data's own coordinates, shape (n_samples, n_components)."""
    full = params.full_covariances()
    with np.errstate(divide="ignore"):
        terms = [np.log(w) + multivariate_normal(m, c, allow_singular=False).logpdf(X)
                 for w, m, c in zip(params.weights, params.means, full, strict=True)]
    return np.stack(terms, axis=1)


def reference_log_prob(X: np.ndarray, params: MixtureParams) -> np.ndarray:
    """``log p(x)`` by scipy, component by component, in the data's own coordinates, shape (n_samples,)."""
    return logsumexp(reference_log_prob_terms(X, params), axis=1)


def reference_log_prob_diag(X: np.ndarray, params: MixtureParams) -> np.ndarray:
    """``log p(x)`` by the diagonal formula, for variances scipy's conditioning check refuses (1e300 and 1)."""
    variances = params.covariances
    terms = [np.log(w) - 0.5 * np.sum(LOG_2PI + np.log(v) + (X - m) ** 2 / v, axis=1)
             for w, m, v in zip(params.weights, params.means, variances, strict=True)]
    return logsumexp(np.stack(terms, axis=1), axis=1)


def bulk(n_samples: int = 60, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).normal(size=(n_samples, 2)) * [1.5, 1.0] + [1.0, -0.5]


def three_full() -> MixtureParams:
    """Component 1 has the largest variance along the first axis, so points far out on it belong to it."""
    covariances = np.array([np.eye(2), np.diag([4.0, 1.0]), [[2.0, 0.5], [0.5, 1.0]]])
    return MixtureParams.from_covariances([0.5, 0.2, 0.3], [[0.0, 0.0], [2.0, 1.0], [-1.0, 0.5]], covariances,
                                          CovarianceType.FULL)


def three_tied() -> MixtureParams:
    """With a shared covariance the component whose mean lies furthest along a far point's direction wins."""
    return MixtureParams.from_covariances([0.5, 0.2, 0.3], [[0.0, 0.0], [2.0, 1.0], [-1.0, 0.5]],
                                          [[2.0, 0.5], [0.5, 1.0]], CovarianceType.TIED)


FAR = 7  #: the row of the far point


def with_far_point(value: list[float]) -> np.ndarray:
    X = bulk()
    X[FAR] = value
    return X


# --- a point with no density under any component -------------------------------------------------------------


# Along a direction v the squared distances grow as v^T A_k v: (1, 0) gives 1, 0.25, 0.57 (component 1 wins),
# (1, -1) gives 2, 1.25, 2.29 (component 1) and (1, 1) gives 2, 1.25, 1.14 (component 2).
@pytest.mark.parametrize("far, winner", [([1e200, 3.0], 1), ([-1e300, 1e300], 1), ([1e300, 1e300], 2),
                                         ([-1.7e308, -1.7e308], 2), ([1.7e308, -1.7e308], 1)])
@pytest.mark.parametrize("backend_class", BACKEND_CLASSES, ids=lambda cls: cls.__name__)
def test_a_point_beyond_every_density_takes_the_limit(far, winner, backend_class):
    params = three_full()
    X = with_far_point(far)
    backend = backend_class(X)
    resp = backend.responsibilities(params)
    assert np.all(np.isfinite(resp))
    np.testing.assert_allclose(resp.sum(axis=1), 1.0, rtol=1e-12)
    np.testing.assert_array_equal(resp[FAR], np.eye(3)[winner])
    assert backend.labels(params)[FAR] == winner
    # The other rows keep every digit (the far point must not swamp the centring or the scaling).
    others = np.delete(np.arange(len(X)), FAR)
    expected = np.exp(reference_log_prob_components(X[others], params)
                      - reference_log_prob(X[others], params)[:, None])
    np.testing.assert_allclose(resp[others], expected, rtol=1e-11, atol=1e-15)


def reference_log_prob_components(X: np.ndarray, params: MixtureParams) -> np.ndarray:
    full = params.full_covariances()
    return np.stack([np.log(w) + multivariate_normal(m, c).logpdf(X)
                     for w, m, c in zip(params.weights, params.means, full, strict=True)], axis=1)


@BACKENDS
def test_ties_in_the_limit_are_broken_by_the_rest_of_the_log_density(backend_class):
    """Shared covariance, far along the first axis: the squared distances all round to the same 1e400,
    but their differences (2 x^T A (m_j - m_k)) are finite and decide: the mean furthest along x wins."""
    params = three_tied()
    X = with_far_point([1e200, 0.0])
    resp = backend_class(X).responsibilities(params)
    # A = inv([[2, .5], [.5, 1]]) = [[1, -.5], [-.5, 2]] / 1.75: x^T A m is largest for m = (2, 1).
    np.testing.assert_array_equal(resp[FAR], [0.0, 1.0, 0.0])
    X[FAR] = [-1e200, 0.0]
    np.testing.assert_array_equal(backend_class(X).responsibilities(params)[FAR], [0.0, 0.0, 1.0])


@BACKENDS
def test_responsibilities_of_a_row_with_huge_but_finite_log_densities_sum_to_one(backend_class):
    """At (-1e150, 3) the shared covariance's squared distances are about 1e300: finite, so no limit is taken,
    but log(2) is lost next to -5e299, and responsibilities normalised by the log-likelihood were all 1."""
    params = three_tied()
    resp = backend_class(with_far_point([-1e150, 3.0])).responsibilities(params)
    assert np.all(np.isfinite(resp))
    np.testing.assert_allclose(resp.sum(axis=1), 1.0, rtol=1e-12)


@BACKENDS
def test_responsibilities_that_underflow_are_zero_to_within_a_double_s_smallest_values(backend_class):
    """Components 40 standard deviations apart: most log-responsibilities are below -745, where exp gives 0.
    A backend may not raise them to a floor to spare numpy's slow exp of such arguments: a floor above the
    smallest normal double (2.2e-308) fails here, and see the far-row test below for what it would cost."""
    params = MixtureParams.from_covariances([0.3, 0.3, 0.4], [[0.0, 0.0], [40.0, 0.0], [0.0, 80.0]],
                                            np.array([np.eye(2)] * 3), CovarianceType.FULL)
    X = np.concatenate([bulk(20, seed) - 1.0 + mean for seed, mean in enumerate(params.means)])
    log_terms = reference_log_prob_terms(X, params)
    expected = np.exp(log_terms - logsumexp(log_terms, axis=1, keepdims=True))
    assert np.mean(expected == 0.0) > 0.5  # the case is what the test says it is
    smallest_normal = np.finfo(np.float64).smallest_normal
    np.testing.assert_allclose(backend_class(X).responsibilities(params), expected, rtol=1e-12,
                               atol=smallest_normal)


@pytest.mark.parametrize("covariance_type", ["full", "diag"])
@pytest.mark.parametrize("far", [1e150, 1e152, 1.2e154])
def test_a_far_row_adds_nothing_to_the_statistics_of_the_components_it_is_not_in(far, covariance_type):
    """A row at 1e152 has squares near 1e304, still finite: its responsibility for the other component must
    be exactly 0, not a tiny number that those squares make large (a floor of 1e-304 added 1e0 to a
    variance of 1). Both backends' statistics agree to the engine's stated accuracy."""
    rng = np.random.default_rng(0)
    X = np.concatenate([rng.normal(size=(3000, 2)), rng.normal(size=(3000, 2)) + [8.0, 0.0], [[far, 0.0]]])
    covariances = np.array([np.eye(2), 4.0 * np.eye(2)]) if covariance_type == "full" else np.array([[1.0, 1.0],
                                                                                                  [4.0, 4.0]])
    params = MixtureParams.from_covariances([0.5, 0.5], [[0.0, 0.0], [8.0, 0.0]], covariances, covariance_type)
    chunked = ChunkedBackend(X).e_step(params).stats
    direct = DirectBackend(X).e_step(params).stats
    np.testing.assert_allclose(chunked.nk, direct.nk, rtol=1e-12)
    np.testing.assert_allclose(chunked.covariances[0], direct.covariances[0], rtol=1e-9)


@pytest.mark.parametrize("params", [three_full(), three_tied()], ids=["full", "tied"])
@pytest.mark.parametrize("far", [[-1e200, -1e200], [-1e100, -1e100]])
def test_a_far_row_does_not_cost_the_other_rows_their_responsibilities(params, far):
    """The commands' backends centre the data on a data value, the lower median: here the far rows, half of
    the file. Densities measured from there lost the ordinary rows' digits (their probabilities came out
    near the weights, their labels wrong), and a lone far row's limit was the weights instead of the
    closest component."""
    ordinary = np.array([[2.0, -0.5], [-1.0, 0.8]])
    expected = np.exp(reference_log_prob_components(ordinary, params) - reference_log_prob(ordinary, params)[:, None])
    X = np.vstack([far, far, ordinary])
    np.testing.assert_allclose(model.predict_proba(params, X)[2:], expected, rtol=1e-12, atol=1e-300)
    np.testing.assert_array_equal(model.predict(params, X)[2:], np.argmax(expected, axis=1))
    # Alone, a far row still goes to the component closest to it (see test_ties_in_the_limit... for tied).
    np.testing.assert_array_equal(model.predict_proba(three_tied(), np.array([[1e200, 0.0]])), [[0.0, 1.0, 0.0]])


def test_the_model_functions_predict_far_points_and_refuse_to_score_them():
    params = three_full()
    X = with_far_point([1e200, 3.0])
    proba = model.predict_proba(params, X)
    assert np.all(np.isfinite(proba))
    np.testing.assert_array_equal(proba[FAR], [0.0, 1.0, 0.0])
    assert model.predict(params, X)[FAR] == 1
    for score in (model.score_samples, model.score, model.bic, model.aic):
        with pytest.raises(InputError, match=rf"row {FAR} .*below -1.8e\+308.*remove that row or rescale"):
            score(params, X)


@BACKENDS
def test_a_far_point_whose_log_likelihood_fits_in_a_double_is_scored_exactly(backend_class):
    """A broad component (variance 1e300 along x): at x = 1e200 its squared distance is 1e100, so
    log p(x) is about -5e99; the squares of the raw differences (1e400) overflow on the way."""
    params = MixtureParams.from_covariances([0.6, 0.4], [[0.0, 0.0], [1.0, 1.0]], [[1.0, 1.0], [1e300, 1.0]],
                                            CovarianceType.DIAG)
    X = with_far_point([1e200, 0.0])
    log_prob = backend_class(X).log_prob_norm(params)
    expected_far = np.log(0.4) - LOG_2PI - 0.5 * np.log(1e300) - 0.5 * ((1e200 - 1.0) / 1e150) ** 2 - 0.5
    assert log_prob[FAR] == pytest.approx(expected_far, rel=1e-14)
    others = np.delete(np.arange(len(X)), FAR)
    np.testing.assert_allclose(log_prob[others], reference_log_prob_diag(X[others], params), rtol=1e-12)


def test_the_model_functions_score_a_far_point_that_fits_in_a_double():
    params = MixtureParams.from_covariances([0.6, 0.4], [[0.0, 0.0], [1.0, 1.0]], [[1.0, 1.0], [1e300, 1.0]],
                                            CovarianceType.DIAG)
    X = with_far_point([1e200, 0.0])
    scores = model.score_samples(params, X)
    assert scores[FAR] == pytest.approx(-5e99, rel=1e-12)
    assert model.score(params, X) == pytest.approx(-5e99 / len(X), rel=1e-12)


def test_the_command_line_refuses_to_score_and_predicts_a_far_point(tmp_path, capsys):
    params = three_full()
    data, model_path = tmp_path / "far.npy", tmp_path / "model.json"
    np.save(data, with_far_point([1e200, 3.0]))
    save_model(model_path, params)
    assert main.main(["score", str(model_path), str(data), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: ") and f"row {FAR}" in captured.err
    out = tmp_path / "proba.csv"
    assert main.main(["predict", str(model_path), str(data), "--proba", "--out", str(out)]) == 0
    capsys.readouterr()
    rows = out.read_text().splitlines()
    assert "nan" not in out.read_text().lower()
    assert rows[1 + FAR].split(",") == ["1", "0.0", "1.0", "0.0"]
    # A data set without the far point scores as JSON (the refusal is about that row only).
    np.save(data, bulk())
    assert main.main(["score", str(model_path), str(data), "--json"]) == 0
    assert set(json.loads(capsys.readouterr().out)) == {"log_likelihood", "mean_log_likelihood", "n_samples"}


# --- valid models at the edges: a zero weight, the smallest variance -----------------------------------------


def _with_zero_weight(covariance_type: CovarianceType) -> tuple[MixtureParams, MixtureParams]:
    """A model whose component 1 has weight 0, and the same model without that component."""
    covariances = {
        CovarianceType.FULL: np.array([np.eye(2), [[2.0, 0.3], [0.3, 1.0]], np.diag([0.5, 2.0])]),
        CovarianceType.TIED: np.array([[2.0, 0.3], [0.3, 1.0]]),
        CovarianceType.DIAG: np.array([[1.0, 1.0], [2.0, 1.0], [0.5, 2.0]]),
        CovarianceType.SPHERICAL: np.array([1.0, 2.0, 0.5]),
    }[covariance_type]
    means = np.array([[0.0, 0.0], [1.0, 1.0], [3.0, -1.0]])
    kept = covariances if covariance_type is CovarianceType.TIED else covariances[[0, 2]]
    return (MixtureParams.from_covariances([0.4, 0.0, 0.6], means, covariances, covariance_type),
            MixtureParams.from_covariances([0.4, 0.6], means[[0, 2]], kept, covariance_type))


@BACKENDS
@pytest.mark.parametrize("covariance_type", list(CovarianceType), ids=str)
def test_a_zero_weight_component_is_never_chosen_and_warns_nothing(covariance_type, backend_class):
    params, without = _with_zero_weight(covariance_type)
    X = bulk()
    backend = backend_class(X)
    resp = backend.responsibilities(params)
    np.testing.assert_array_equal(resp[:, 1], 0.0)
    np.testing.assert_allclose(resp[:, [0, 2]], backend.responsibilities(without), rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(backend.log_prob_norm(params), reference_log_prob(X, without), rtol=1e-12)
    assert not np.any(backend.labels(params) == 1)


@BACKENDS
@pytest.mark.parametrize("covariance_type, winner", [("full", 0), ("tied", 2), ("diag", 0), ("spherical", 0)])
def test_a_far_point_never_goes_to_a_zero_weight_component(covariance_type, winner, backend_class):
    """Far out along the first axis component 1 (weight 0) has the smallest Mahalanobis distance, except
    for tied covariances; the limit goes to the nearest component that has a weight."""
    params, _ = _with_zero_weight(CovarianceType(covariance_type))
    X = with_far_point([1e200, 0.0])
    resp = backend_class(X).responsibilities(params)
    np.testing.assert_array_equal(resp[FAR], np.eye(3)[winner])
    assert np.all(np.isfinite(resp))


@pytest.mark.parametrize("covariance_type", list(CovarianceType), ids=str)
def test_the_model_functions_accept_a_zero_weight(covariance_type):
    params, without = _with_zero_weight(covariance_type)
    X = bulk()
    np.testing.assert_allclose(model.score_samples(params, X), reference_log_prob(X, without), rtol=1e-12)
    assert model.score(params, X) == pytest.approx(reference_log_prob(X, without).mean(), rel=1e-12)
    assert not np.any(model.predict(params, X) == 1)
    np.testing.assert_array_equal(model.predict_proba(params, X)[:, 1], 0.0)


TINY = 5e-324  #: the smallest positive double (a subnormal)


def _tiny_variance(covariance_type: CovarianceType) -> MixtureParams:
    """Component 0 has variance 5e-324 along the first axis (all of it for spherical), at mean (0, 0)."""
    covariances = {
        CovarianceType.FULL: np.array([np.diag([TINY, 1.0]), np.eye(2)]),
        CovarianceType.DIAG: np.array([[TINY, 1.0], [1.0, 1.0]]),
        CovarianceType.SPHERICAL: np.array([TINY, 1.0]),
    }[covariance_type]
    return MixtureParams.from_covariances([0.5, 0.5], [[0.0, 0.0], [1.0, 1.0]], covariances, covariance_type)


def _tiny_expected(X: np.ndarray, covariance_type: CovarianceType) -> np.ndarray:
    """log p(x) by hand: component 0 has density only where x0 == 0 (and x1 == 0 for spherical)."""
    second = np.log(0.5) - LOG_2PI - 0.5 * ((X - 1.0) ** 2).sum(axis=1)
    if covariance_type is CovarianceType.SPHERICAL:  # density only at the mean itself
        first = np.log(0.5) - LOG_2PI - np.log(TINY) + np.zeros(len(X))
        on_support = np.all(X == 0.0, axis=1)
    else:  # density on the line x0 = 0
        first = np.log(0.5) - LOG_2PI - 0.5 * np.log(TINY) - 0.5 * X[:, 1] ** 2
        on_support = X[:, 0] == 0.0
    return np.logaddexp(np.where(on_support, first, -np.inf), second)


@BACKENDS
@pytest.mark.parametrize("covariance_type", [CovarianceType.FULL, CovarianceType.DIAG, CovarianceType.SPHERICAL],
                         ids=str)
def test_the_smallest_variance_is_valid_and_warns_nothing(covariance_type, backend_class):
    params = _tiny_variance(covariance_type)
    X = bulk()
    X[3] = [0.0, 0.7]  # on component 0's line: a density of about 1e161
    X[4] = [0.0, 0.0]  # at component 0's mean
    backend = backend_class(X)
    expected = _tiny_expected(X, covariance_type)
    np.testing.assert_allclose(backend.log_prob_norm(params), expected, rtol=1e-12)
    resp = backend.responsibilities(params)
    assert np.all(np.isfinite(resp))
    np.testing.assert_allclose(resp.sum(axis=1), 1.0, rtol=1e-12)
    labels = backend.labels(params)
    assert labels[4] == 0 and np.all(labels[5:] == 1)
    assert labels[3] == (0 if covariance_type is not CovarianceType.SPHERICAL else 1)
    assert model.score(params, X) == pytest.approx(expected.mean(), rel=1e-12)


# --- data a fit cannot hold in double precision (issue 10 item 13) -------------------------------------------


def _hostile(name: str) -> np.ndarray:
    """40 distinct rows of 2 features whose spread does not fit a double, as the review found them."""
    base = np.random.default_rng(0).normal(size=(40, 2))
    return {
        "near 1e308": base * 1e307,
        "offset 1.7e308": np.full((40, 2), 1.7e308) - np.abs(base) * 1e300,
        "1e300 and 1e-300 in one column": np.where(base > 0, 1e300, 1e-300) * np.abs(base),
        "subnormal": np.arange(80.0).reshape(40, 2) * 5e-324,
        "1e-300 column": base * [1.0, 1e-300],
    }[name]


#: (data set, the column refused, what is wrong with it)
HOSTILE = [("near 1e308", 0, "spreads too widely"), ("offset 1.7e308", 0, "spreads too widely"),
           ("1e300 and 1e-300 in one column", 0, "spreads too widely"), ("subnormal", 0, "varies too little"),
           ("1e-300 column", 1, "varies too little")]


@pytest.mark.parametrize("name, column, problem", HOSTILE, ids=[case[0] for case in HOSTILE])
@pytest.mark.parametrize("covariance_type", ["full", "diag"])
def test_data_whose_spread_does_not_fit_a_double_is_refused_with_the_reason(name, column, problem, covariance_type):
    X = _hostile(name)
    assert len(np.unique(X, axis=0)) == 40  # 40 distinct rows: "K larger than the distinct points" is false
    config = FitConfig(2, covariance_type, seed=0)
    with pytest.raises(InputError, match=rf"^feature {column} {problem} for double precision .*rescale that column"):
        fit(X, config)
    with pytest.raises(InputError, match=problem):  # the window's path: the generator, with its own backend
        next(iterate_em(X, config, backend=ChunkedBackend(X, n_threads=1)))
    name = "ab"[column]
    with pytest.raises(InputError, match=rf"^feature '{name}' \(column {column}\) {problem}"):
        fit(X, config, feature_names=["a", "b"])


def test_the_suggested_rescaling_is_the_spread(capsys):
    with pytest.raises(InputError, match=r"standard deviation about 1e\+307.*divide it by 1e\+307"):
        fit(_hostile("near 1e308"), FitConfig(2, seed=0))
    with pytest.raises(InputError, match=r"standard deviation about 1e-300.*multiply it by 1e\+300"):
        fit(_hostile("1e-300 column"), FitConfig(2, seed=0))


@pytest.mark.parametrize("scale, offset", [(1e150, 0.0), (1e-150, 0.0), (1e100, 1e106), (1.0, 1e6)])
@pytest.mark.parametrize("covariance_type", ["full", "tied", "diag", "spherical"])
def test_data_within_double_precision_is_fitted_at_any_scale(scale, offset, covariance_type):
    """Spreads from 1e-150 to 1e150 (the squares EM sums reach 1e302): the fit is the fit of the unit data,
    scaled (reg_covar scaled with it), and nothing overflows on the way."""
    unit = np.random.default_rng(1).normal(size=(200, 2)) + np.repeat([[0.0, 0.0], [6.0, 3.0]], 100, axis=0)
    X = unit * scale + offset
    scaled = fit(X, FitConfig(2, covariance_type, seed=0, reg_covar=1e-6 * scale**2))
    reference = fit(unit, FitConfig(2, covariance_type, seed=0))
    assert scaled.n_iter == reference.n_iter
    order = np.argsort(scaled.params.means[:, 0])
    np.testing.assert_allclose((scaled.params.means[order] - offset) / scale,
                               reference.params.means[np.argsort(reference.params.means[:, 0])], atol=1e-6)
    log_jacobian = 2 * np.log(scale)
    assert scaled.mean_log_likelihood + log_jacobian == pytest.approx(reference.mean_log_likelihood, abs=1e-6)


def test_the_command_line_names_the_column_it_refuses(tmp_path, capsys):
    data = tmp_path / "huge.csv"
    X = _hostile("1e-300 column")
    data.write_text("height,weight\n" + "".join(f"{float(a)!r},{float(b)!r}\n" for a, b in X))
    assert main.main(["fit", str(data), "--k", "2", "--seed", "0", "--out", str(tmp_path / "m.json")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: feature 'weight' (column 1) varies too little for double precision")
    assert captured.err.count("\n") == 1  # one line, no warnings


@pytest.mark.parametrize("covariance_type", ["full", "diag"])
@pytest.mark.parametrize("init", ["kmeans++", "random_from_data"])
def test_one_far_row_does_not_merge_the_others(covariance_type, init):
    """One row at 1e100 among 39 near 1: centred on the mean (2.5e98) the 39 were one point, and K = 3
    was refused as "larger than the number of distinct points". Centred on the median they keep their digits."""
    X = np.concatenate([bulk(39), [[1e100, 0.0]]])
    result = fit(X, FitConfig(3, covariance_type, seed=0, init=init))
    assert np.all(np.isfinite(result.params.means))
    assert np.isfinite(result.mean_log_likelihood)


def test_a_column_widened_by_one_far_row_names_that_row():
    """Rescaling would crush the other rows: the row itself is what to remove."""
    X = with_far_point([1e200, 0.0])
    with pytest.raises(InputError, match=rf"^feature 0 spreads too widely .*: row {FAR} \(1e\+200\) lies so far "
                                         r"from the other rows .*: remove such rows\.$"):
        fit(X, FitConfig(2, seed=0))


@BACKENDS
def test_data_of_subnormal_spread_is_scored_by_an_ordinary_model(backend_class):
    """Standardising such data puts the model's means at z = 1e322: those terms go the direct way, quietly."""
    params = three_full()
    X = np.arange(80.0).reshape(40, 2) * 5e-324
    expected = reference_log_prob(np.zeros((2, 2)), params)[0]
    np.testing.assert_allclose(backend_class(X).log_prob_norm(params), expected, rtol=1e-12)
    assert model.score(params, X) == pytest.approx(expected, rel=1e-12)
    np.testing.assert_allclose(model.predict_proba(params, X), model.predict_proba(params, np.zeros((40, 2))),
                               rtol=1e-12)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_a_fit_refuses_non_finite_values_naming_the_column(bad):
    X = bulk()
    X[11, 1] = bad
    with pytest.raises(InputError, match=r"^feature 'b' \(column 1\) holds NaN or infinite values"):
        fit(X, FitConfig(2, seed=0), feature_names=["a", "b"])


@pytest.mark.parametrize("case", ["zero-weight-full", "zero-weight-tied", "tiny-variance-full",
                                  "tiny-variance-diag"])
def test_the_command_line_scores_and_predicts_edge_models_with_nothing_on_stderr(case, tmp_path, capsys):
    """Item 15 of the hardening issue, through the commands: valid edge models print no warnings."""
    kind, covariance_type = case.rsplit("-", 1)
    params = (_with_zero_weight(CovarianceType(covariance_type))[0] if kind == "zero-weight"
              else _tiny_variance(CovarianceType(covariance_type)))
    data, model_path, out = tmp_path / "data.npy", tmp_path / "model.json", tmp_path / "proba.csv"
    np.save(data, bulk())
    save_model(model_path, params)
    assert main.main(["score", str(model_path), str(data), "--json"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert np.isfinite(json.loads(captured.out)["mean_log_likelihood"])
    assert main.main(["predict", str(model_path), str(data), "--proba", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and "nan" not in out.read_text().lower()
