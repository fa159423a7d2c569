"""Applying a model to a file whose rows lie half or more very far away (``engine.backends.applying``).

Above 4096 rows ``engine.model`` (and the commands ``predict`` and ``score``) run the chunked engine. It
used to standardise the rows by the file's own robust centre and spread: with more than half of the rows
at 1e100 (or 1e15, or -1e200) the centre or the spread came from those rows, every ordinary row lost its
digits, and responsibilities were off by up to 0.8. A row's results must depend on that row and the model
only: the ordinary rows are held to the direct reference (``engine.density.log_resp_and_norm``, row by
row, in the data's coordinates) within 1e-10, the far rows to the documented limit (all their
responsibility to the nearest component, never NaN).
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import main
from engine import model
from engine.backends.applying import backend_for_model, model_standardisation
from engine.backends.small import SMALL_ROWS
from engine.density import log_resp_and_norm
from engine.errors import InputError
from engine.io.model_json import save_model
from engine.params import MixtureParams

#: Rows of a file: above ``SMALL_ROWS`` (4096), so the chunked engine applies the model, in two chunks.
N_ROWS = 5_000
TOLERANCE = 1e-10


def three_components(covariance_type: str = "full") -> MixtureParams:
    """Three components in 2-D, as a fit on ordinary data gives them."""
    means = [[0.0, 0.0], [3.0, 1.0], [-2.0, 4.0]]
    covariances = {
        "full": [[[1.0, 0.3], [0.3, 0.5]], [[0.4, -0.1], [-0.1, 0.8]], [[2.0, 0.0], [0.0, 0.3]]],
        "tied": [[1.0, 0.3], [0.3, 0.5]],
        "diag": [[1.0, 0.5], [0.4, 0.8], [2.0, 0.3]],
        "spherical": [1.0, 0.4, 2.0],
    }[covariance_type]
    return MixtureParams.from_covariances([0.5, 0.3, 0.2], means, covariances, covariance_type)


def ordinary_rows(count: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).normal(size=(count, 2)) * 2.0 + [0.5, 1.5]


def mixed_directions(count: int) -> np.ndarray:
    """Far rows in every direction, half at 1e100 and half at 1e200."""
    directions = np.random.default_rng(1).normal(size=(count, 2))
    directions /= np.linalg.norm(directions, axis=1)[:, None]
    return directions * np.where(np.arange(count) % 2 == 0, 1e100, 1e200)[:, None]


#: name -> far rows of an ``N_ROWS``-row file.
FAR_ROWS = {
    "just over half at 1e100": lambda: np.full((2501, 2), 1e100),
    "exactly half at 1e100": lambda: np.full((2500, 2), 1e100),
    "90 % at 1e100": lambda: np.full((4500, 2), 1e100),
    "just over half at -1e200": lambda: np.full((2501, 2), -1e200),
    "just over half at 1e15 (finite squares)": lambda: np.full((2501, 2), 1e15),
    "60 % in mixed directions": lambda: mixed_directions(3000),
    "60 % far in one feature only": lambda: np.column_stack([np.full(3000, 1e100), np.zeros(3000)]),
}


def shuffled_file(far_rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``N_ROWS`` rows, ordinary and far interleaved, and which are far."""
    X = np.concatenate([ordinary_rows(N_ROWS - len(far_rows)), far_rows])
    order = np.random.default_rng(2).permutation(N_ROWS)
    return X[order], order >= N_ROWS - len(far_rows)


@pytest.mark.parametrize("covariance_type", ["full", "tied", "diag", "spherical"])
@pytest.mark.parametrize("case", list(FAR_ROWS))
def test_ordinary_rows_score_as_alone_and_far_rows_take_the_limit(case, covariance_type):
    params = three_components(covariance_type)
    X, far = shuffled_file(FAR_ROWS[case]())
    reference_log_resp, reference_log_likelihood = log_resp_and_norm(X, params)  # row by row
    proba, labels = model.predict_proba(params, X), model.predict(params, X)
    log_likelihood = backend_for_model(X, params).log_prob_norm(params)  # -inf allowed for rows at 1e200

    assert not np.isnan(proba).any() and not np.isnan(log_likelihood).any()
    np.testing.assert_allclose(proba[~far], np.exp(reference_log_resp[~far]), rtol=0, atol=TOLERANCE)
    np.testing.assert_allclose(log_likelihood[~far], reference_log_likelihood[~far], rtol=TOLERANCE,
                               atol=TOLERANCE)
    np.testing.assert_array_equal(labels[~far], reference_log_resp[~far].argmax(axis=1))
    # Far rows as the reference computes them row by row; those beyond any density (log-likelihood below
    # -1.8e308) take the limit: everything to the nearest component.
    np.testing.assert_array_equal(labels[far], reference_log_resp[far].argmax(axis=1))
    np.testing.assert_allclose(proba[far], np.exp(reference_log_resp[far]), rtol=0, atol=TOLERANCE)
    np.testing.assert_allclose(log_likelihood[far], reference_log_likelihood[far], rtol=TOLERANCE)
    beyond = ~np.isfinite(reference_log_likelihood)
    np.testing.assert_allclose(proba[beyond].max(axis=1), 1.0, rtol=0, atol=TOLERANCE)
    if not beyond.any():
        np.testing.assert_allclose(model.score_samples(params, X), reference_log_likelihood, rtol=TOLERANCE,
                                   atol=TOLERANCE)
    else:  # beyond double precision: refused, naming the first such row (the documented behaviour)
        with pytest.raises(InputError, match=rf"^row {int(np.flatnonzero(beyond)[0])} of the data \(and "):
            model.score_samples(params, X)


def test_the_model_standardisation_is_the_mixtures_mean_and_spread_and_stays_finite():
    params = three_components()
    shift, scale = model_standardisation(params)
    np.testing.assert_allclose(shift, params.weights @ params.means, rtol=1e-15)
    X = model.sample(params, 200_000, seed=0)[0]
    np.testing.assert_allclose(scale, X.std(axis=0), rtol=1e-2)
    huge = MixtureParams.from_covariances([0.5, 0.5], [[1.7e308, 0.0], [-1.7e308, 1.0]],
                                          [[1e300, 1e-300], [1e300, 1e-300]], "diag")
    shift, scale = model_standardisation(huge)
    assert np.isfinite(shift).all() and np.isfinite(scale).all() and (scale > 0).all()


def test_a_large_file_is_standardised_by_the_model_whatever_its_rows():
    params = three_components()
    ordinary = backend_for_model(ordinary_rows(N_ROWS), params)
    mostly_far = backend_for_model(shuffled_file(FAR_ROWS["90 % at 1e100"]())[0], params)
    for backend in (ordinary, mostly_far):
        np.testing.assert_array_equal(backend.shift, model_standardisation(params)[0])
        np.testing.assert_array_equal(backend.scale, model_standardisation(params)[1])


# --- the commands ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def far_file(tmp_path_factory):
    """A model and a 5 000-row .npy file, 2 501 of its rows at 1e100; a last column weighs the far rows 0."""
    folder = tmp_path_factory.mktemp("far_rows")
    params = three_components()
    X, far = shuffled_file(FAR_ROWS["just over half at 1e100"]())
    model_path, data_path = folder / "model.json", folder / "data.npy"
    save_model(model_path, params)
    np.save(data_path, np.column_stack([X, (~far).astype(float)]))
    return params, X, far, model_path, data_path


@pytest.mark.parametrize("stream", [False, True], ids=["in memory", "streamed"])
def test_predict_proba_writes_the_ordinary_rows_probabilities(far_file, stream, tmp_path, capsys):
    params, X, far, model_path, data_path = far_file
    out = tmp_path / "proba.csv"
    argv = ["predict", str(model_path), str(data_path), "--columns", "0", "1", "--proba", "--out", str(out),
            "--quiet"] + (["--stream"] if stream else [])
    assert main.main(argv) == 0
    capsys.readouterr()
    table = np.loadtxt(out, delimiter=",", skiprows=1)
    reference_log_resp, _ = log_resp_and_norm(X, params)
    assert not np.isnan(table).any()
    np.testing.assert_allclose(table[:, 1:], np.exp(reference_log_resp), rtol=0, atol=TOLERANCE)
    np.testing.assert_array_equal(table[:, 0], reference_log_resp.argmax(axis=1))
    # Streamed or not, the same engine standardised by the model: the same numbers.
    np.testing.assert_array_equal(table[:, 1:], model.predict_proba(params, X))


@pytest.mark.parametrize("stream", [False, True], ids=["in memory", "streamed"])
def test_score_json_of_the_ordinary_rows_among_far_ones(far_file, stream, capsys):
    """The far rows weigh 0 (``--weights``), so the mean is the ordinary rows' own, which the far rows'
    -1e200 log-likelihoods would otherwise hide."""
    params, X, far, model_path, data_path = far_file
    argv = ["score", str(model_path), str(data_path), "--columns", "0", "1", "--weights", "2", "--json",
            "--quiet"] + (["--stream"] if stream else [])
    assert main.main(argv) == 0
    result = json.loads(capsys.readouterr().out)
    _, reference_log_likelihood = log_resp_and_norm(X[~far], params)
    assert result["n_samples"] == N_ROWS and result["weight_sum"] == (~far).sum()
    assert result["mean_log_likelihood"] == pytest.approx(reference_log_likelihood.mean(), rel=TOLERANCE)
    assert result["mean_log_likelihood"] == pytest.approx(model.score(params, X, (~far).astype(float)), rel=1e-15)


# --- a row's results are its own --------------------------------------------------------------------------------

FAR_FILLER = ordinary_rows(SMALL_ROWS + 904, seed=5)  # 5 000 rows in all with the row scored: the chunked engine


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(row=st.lists(st.floats(-1e4, 1e4), min_size=2, max_size=2),
       far_value=st.sampled_from([1e100, -1e50, 3e120, 1e15, -2e30]),
       far_share=st.sampled_from([0.5, 0.51, 0.75, 0.95]),
       covariance_type=st.sampled_from(["full", "tied", "diag", "spherical"]),
       position=st.integers(0, len(FAR_FILLER)))
def test_a_rows_results_do_not_depend_on_the_other_rows(row, far_value, far_share, covariance_type, position):
    params = three_components(covariance_type)
    alone = np.array([row])
    others = FAR_FILLER.copy()
    others[: int(far_share * len(others))] = far_value
    X = np.insert(others, position, row, axis=0)
    np.testing.assert_allclose(model.predict_proba(params, X)[position], model.predict_proba(params, alone)[0],
                               rtol=0, atol=TOLERANCE)
    log_likelihood_alone = model.score_samples(params, alone)[0]
    assert model.score_samples(params, X)[position] == pytest.approx(log_likelihood_alone, rel=TOLERANCE,
                                                                     abs=TOLERANCE)
    top_two = np.sort(model.predict_proba(params, alone)[0])[-2:]
    if top_two[1] - top_two[0] > 1e-9:  # a near tie may go either way by rounding
        assert model.predict(params, X)[position] == model.predict(params, alone)[0]


@pytest.mark.parametrize("separation", [1e8, 1e12])
def test_components_far_apart_keep_the_digits_of_rows_near_one_of_them(separation):
    """The model's own spread is then about the separation: a component whitened directly takes ``x - m_k``
    in the data's coordinates, not the standardised rows, whose digits near 0 would be rounded away."""
    params = MixtureParams.from_covariances([0.5, 0.5], [[0.0, 0.0], [separation, separation]],
                                            [[[1.0, 0.2], [0.2, 1.0]]] * 2, "full")
    X = ordinary_rows(N_ROWS)
    reference_log_resp, reference_log_likelihood = log_resp_and_norm(X, params)
    np.testing.assert_allclose(model.score_samples(params, X), reference_log_likelihood, rtol=TOLERANCE)
    np.testing.assert_allclose(model.predict_proba(params, X), np.exp(reference_log_resp), rtol=0, atol=TOLERANCE)
