"""The JSON model format: exact round trips, scikit-learn can read it, and every bad file is refused."""

import copy
import json
import os
from pathlib import Path

import numpy as np
import pytest
from factories import random_params
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import linalg
from sklearn.mixture import GaussianMixture

from engine import model
from engine.config import FitConfig
from engine.covariance import CovarianceType
from engine.em import fit
from engine.errors import InputError
from engine.io.model_json import (
    FORMAT,
    LoadedModel,
    fit_summary,
    load_model,
    model_from_dict,
    model_to_dict,
    save_model,
)
from engine.params import MixtureParams

TYPES = [t.value for t in CovarianceType]




def same_bits(a: np.ndarray, b: np.ndarray) -> bool:
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


# --- round trips ----------------------------------------------------------------------------------

@pytest.mark.parametrize("n_features", [1, 2, 4])
@pytest.mark.parametrize("covariance_type", TYPES)
def test_round_trip_is_bit_exact(tmp_path, covariance_type, n_features):
    params = random_params(covariance_type, n_features=n_features, seed=n_features)
    path = tmp_path / "model.json"
    save_model(path, params)
    loaded = load_model(path)

    assert isinstance(loaded, LoadedModel)
    assert loaded.params.covariance_type is params.covariance_type
    for name in ("weights", "means", "covariances", "precisions_chol"):
        assert same_bits(getattr(loaded.params, name), getattr(params, name)), name
    assert loaded.feature_names == tuple(f"x{j}" for j in range(n_features))
    assert loaded.fit is None
    assert loaded.extra == {}


def test_awkward_floats_round_trip_exactly(tmp_path):
    tiny, huge = 5e-324, 1.7976931348623157e308
    weights = [0.1, 0.2, 0.7000000000000001]
    means = [[tiny, -0.0], [1 / 3, huge], [-2.2250738585072014e-308, 123456789.123456789]]
    covariances = [[1e-300, 1 / 7], [np.nextafter(1.0, 2.0), 1e300], [3.0, 2 / 3]]
    params = MixtureParams.from_covariances(weights, means, covariances, "diag")
    save_model(tmp_path / "m.json", params)
    loaded = load_model(tmp_path / "m.json").params
    assert same_bits(loaded.means, params.means)
    assert same_bits(loaded.covariances, params.covariances)
    assert same_bits(loaded.weights, params.weights)


def test_file_layout_is_the_version_1_contract(tmp_path):
    params = random_params("full", n_components=3, n_features=2)
    save_model(tmp_path / "m.json", params, feature_names=["width", "height"])
    data = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert list(data) == ["format", "version", "covariance_type", "n_components", "n_features", "feature_names",
                          "weights", "means", "covariances"]
    assert data["format"] == "gmm-explorer.model" == FORMAT
    assert data["version"] == 1
    assert data["covariance_type"] == "full"
    assert data["n_components"] == 3 and data["n_features"] == 2
    assert data["feature_names"] == ["width", "height"]
    assert np.shape(data["weights"]) == (3,) and np.shape(data["means"]) == (3, 2)
    assert "fit" not in data


@pytest.mark.parametrize(
    ("covariance_type", "shape"), [("full", (3, 2, 2)), ("tied", (2, 2)), ("diag", (3, 2)), ("spherical", (3,))]
)
def test_covariances_are_shaped_as_scikit_learns(tmp_path, covariance_type, shape):
    save_model(tmp_path / "m.json", random_params(covariance_type, n_components=3, n_features=2))
    assert np.shape(json.loads((tmp_path / "m.json").read_text())["covariances"]) == shape


@pytest.mark.parametrize("covariance_type", TYPES)
def test_fit_block(tmp_path, covariance_type):
    truth = random_params(covariance_type, n_components=2, n_features=2, seed=2)
    X, _ = model.sample(truth, 400, seed=3)
    config = FitConfig(n_components=2, covariance_type=covariance_type, seed=11, n_init=2, tol=1e-4)
    result = fit(X, config)
    save_model(tmp_path / "m.json", result.params, ["a", "b"], fit_result=result)
    loaded = load_model(tmp_path / "m.json")

    info = loaded.fit
    assert info == fit_summary(result)
    assert info["mean_log_likelihood"] == pytest.approx(model.score(result.params, X), rel=1e-10)
    assert info["log_likelihood"] == pytest.approx(info["mean_log_likelihood"] * len(X), rel=1e-12)
    assert info["n_samples"] == len(X)
    assert info["n_iter"] == result.n_iter and info["converged"] is result.converged
    assert (info["tol"], info["reg_covar"], info["max_iter"]) == (1e-4, config.reg_covar, config.max_iter)
    assert (info["init"], info["seed"], info["n_init"]) == ("kmeans++", 11, 2)
    assert info["history"] == list(result.history)
    assert info["bic"] == pytest.approx(model.bic(result.params, X), rel=1e-10)
    assert info["aic"] == pytest.approx(model.aic(result.params, X), rel=1e-10)


def test_extra_keys_survive_a_round_trip(tmp_path):
    params = random_params("tied", n_components=2, n_features=3)
    image = {"source": "photo.png", "width": 64, "height": 48, "features": ["r", "g", "b"], "scale": 1.5}
    save_model(tmp_path / "a.json", params, ["r", "g", "b"], extra={"image": image, "note": None})
    first = load_model(tmp_path / "a.json")
    assert first.extra == {"image": image, "note": None}

    save_model(tmp_path / "b.json", first.params, first.feature_names, first.fit, first.extra)
    assert (tmp_path / "b.json").read_text() == (tmp_path / "a.json").read_text()


def test_a_loaded_fit_block_is_written_back_unchanged(tmp_path):
    params = random_params("diag", n_components=2, n_features=2)
    X, _ = model.sample(params, 200, seed=0)
    result = fit(X, FitConfig(n_components=2, covariance_type="diag", seed=0))
    save_model(tmp_path / "a.json", result.params, fit_result=result, extra={"image": {"w": 1}})
    loaded = load_model(tmp_path / "a.json")
    save_model(tmp_path / "b.json", loaded.params, loaded.feature_names, loaded.fit, loaded.extra)
    assert (tmp_path / "b.json").read_text() == (tmp_path / "a.json").read_text()


def test_model_to_dict_refuses_clashing_extra_keys_and_wrong_names():
    params = random_params("full", n_features=2)
    with pytest.raises(InputError, match="'weights' is a key of the model format"):
        model_to_dict(params, extra={"weights": [1.0]})
    with pytest.raises(InputError, match="2 features but 3 feature names"):
        model_to_dict(params, feature_names=["a", "b", "c"])


def test_model_from_dict_accepts_model_to_dict():
    params = random_params("spherical", n_features=2)
    loaded = model_from_dict(model_to_dict(params, ["u", "v"]))
    assert same_bits(loaded.params.covariances, params.covariances)
    assert loaded.feature_names == ("u", "v")


# --- scikit-learn reads our files -----------------------------------------------------------------

def sklearn_from_json(data: dict) -> GaussianMixture:
    """A scikit-learn mixture built only from a model file's contents (its own Cholesky factors)."""
    covariance_type = data["covariance_type"]
    covariances = np.array(data["covariances"], dtype=float)
    n_features = data["n_features"]

    def precision_chol(cov):
        cov_chol = linalg.cholesky(cov, lower=True)
        return linalg.solve_triangular(cov_chol, np.eye(n_features), lower=True).T

    if covariance_type == "full":
        chol = np.stack([precision_chol(c) for c in covariances])
    elif covariance_type == "tied":
        chol = precision_chol(covariances)
    else:
        chol = 1.0 / np.sqrt(covariances)
    gm = GaussianMixture(n_components=data["n_components"], covariance_type=covariance_type)
    gm.weights_ = np.array(data["weights"], dtype=float)
    gm.means_ = np.array(data["means"], dtype=float)
    gm.covariances_ = covariances
    gm.precisions_cholesky_ = chol
    gm.n_features_in_ = n_features
    return gm


@pytest.mark.parametrize("n_features", [1, 3])
@pytest.mark.parametrize("covariance_type", TYPES)
def test_scikit_learn_loads_a_saved_model(tmp_path, covariance_type, n_features):
    params = random_params(covariance_type, n_components=3, n_features=n_features, seed=9)
    path = tmp_path / "m.json"
    save_model(path, params)
    gm = sklearn_from_json(json.loads(path.read_text(encoding="utf-8")))

    loaded = load_model(path).params
    X, _ = model.sample(params, 1000, seed=1)
    X = np.vstack([X, np.random.default_rng(2).normal(scale=12.0, size=(50, n_features))])
    np.testing.assert_array_equal(gm.predict(X), model.predict(loaded, X))
    np.testing.assert_allclose(gm.score_samples(X), model.score_samples(loaded, X), rtol=1e-10)


# --- refusals -------------------------------------------------------------------------------------

def valid_dict(covariance_type: str = "full", n_components: int = 3, n_features: int = 2) -> dict:
    return model_to_dict(random_params(covariance_type, n_components, n_features))


def refusal(tmp_path: Path, content: str | bytes | dict) -> str:
    """Save ``content`` as a file, load it, and return the ``InputError`` message (which names the file)."""
    path = tmp_path / "bad model.json"
    if isinstance(content, dict):
        content = json.dumps(content)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    with pytest.raises(InputError) as error:
        load_model(path)
    message = str(error.value)
    assert str(path) in message
    assert message.count(". ") == 0 and message.endswith("."), "one sentence"
    return message


def changed(covariance_type: str = "full", **changes) -> dict:
    data = valid_dict(covariance_type)
    data.update(changes)
    return data


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_model(tmp_path / "nowhere.json")


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(InputError, match="it is not a file") as error:
        load_model(tmp_path)
    assert str(tmp_path) in str(error.value)


def test_unreadable_file_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "m.json"
    save_model(path, random_params("full"))

    def deny(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_text", deny)
    with pytest.raises(InputError, match=r"cannot be read \(Permission denied\)"):
        load_model(path)


def test_binary_file_is_refused(tmp_path):
    assert "not a text file" in refusal(tmp_path, b"\x89PNG\r\n\x1a\n\xff\xfe\x00")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("", "not valid JSON (Expecting value at line 1, column 1)"),
        ('{"format": "gmm-explorer.model",\n "version": 1,\n}', "line 3, column 1)"),
        ('{"format": "gmm-explorer.model"\n "version": 1}', "line 2, column 2"),
    ],
)
def test_text_that_is_not_json_is_refused_with_its_position(tmp_path, text, phrase):
    assert phrase in refusal(tmp_path, text)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity", "1e999", "-1e400"])
def test_nan_and_infinity_are_refused(tmp_path, constant):
    text = json.dumps(valid_dict("diag")).replace('"means": [[', f'"means": [[{constant}, ', 1)
    message = refusal(tmp_path, text)
    assert f"holds the number {constant}" in message and "finite" in message


def test_nan_in_a_dictionary_is_refused():
    data = valid_dict("spherical")
    data["covariances"][1] = float("nan")
    with pytest.raises(InputError, match="covariances holds NaN or infinity"):
        model_from_dict(data)


@pytest.mark.parametrize(("content", "phrase"), [([1, 2], "a JSON list, not an object"),
                                                  ("a string", "a JSON string, not an object")])
def test_json_that_is_not_an_object_is_refused(tmp_path, content, phrase):
    assert phrase in refusal(tmp_path, json.dumps(content))


def test_wrong_format_is_refused(tmp_path):
    assert 'its format is "sklearn.pickle", not "gmm-explorer.model"' in refusal(
        tmp_path, changed(format="sklearn.pickle"))
    data = valid_dict()
    del data["format"]
    assert 'no "format" key' in refusal(tmp_path, data)


@pytest.mark.parametrize(("version", "shown"), [(2, "2"), (0, "0"), ("1", '"1"'), (1.5, "1.5"), (True, "true"),
                                                (None, "null")])
def test_wrong_version_is_refused(tmp_path, version, shown):
    message = refusal(tmp_path, changed(version=version))
    assert f"version is {shown}, but only version 1 is supported" in message


def test_missing_version_is_refused(tmp_path):
    data = valid_dict()
    del data["version"]
    assert "version is missing, but only version 1 is supported" in refusal(tmp_path, data)


@pytest.mark.parametrize("value", ["banana", "Full", 3, None])
def test_unknown_covariance_type_is_refused(tmp_path, value):
    data = valid_dict()
    data["covariance_type"] = value
    message = refusal(tmp_path, data)
    assert "is not one of full, tied, diag, spherical" in message


def test_missing_keys_are_refused(tmp_path):
    data = valid_dict()
    del data["weights"]
    assert 'lacks the key "weights"' in refusal(tmp_path, data)
    del data["means"], data["n_features"]
    assert 'lacks the keys "n_features", "weights" and "means"' in refusal(tmp_path, data)


def test_missing_feature_names_get_default_names():
    data = valid_dict()
    del data["feature_names"]
    assert model_from_dict(data).feature_names == ("x0", "x1")


@pytest.mark.parametrize(
    ("key", "value", "phrase"),
    [
        ("weights", [0.5, 0.5], "weights should have shape (3,) (n_components,) but has shape (2,)"),
        ("weights", 1.0, "weights should have shape (3,) (n_components,) but has shape ()"),
        ("means", [[0.0, 0.0, 0.0]] * 3,
         "means should have shape (3, 2) (n_components, n_features) but has shape (3, 3)"),
        ("means", [[0.0, 0.0], [0.0], [0.0, 0.0]], "means should have shape (3, 2) (n_components, n_features) but has "
                                                   "lists of different lengths"),
        ("covariances", np.eye(2).tolist(), "covariances should have shape (3, 2, 2) "
                                            "(n_components, n_features, n_features) but has shape (2, 2)"),
    ],
)
def test_shapes_that_do_not_match_k_and_d_are_refused(tmp_path, key, value, phrase):
    assert phrase in refusal(tmp_path, changed(**{key: value}))


@pytest.mark.parametrize(
    ("covariance_type", "covariances", "expected"),
    [
        ("tied", np.ones((3, 2, 2)), "(2, 2) (n_features, n_features) but has shape (3, 2, 2)"),
        ("diag", np.ones((3, 3)), "(3, 2) (n_components, n_features) but has shape (3, 3)"),
        ("spherical", np.ones((3, 2)), "(3,) (n_components,) but has shape (3, 2)"),
    ],
)
def test_covariance_shapes_per_type(tmp_path, covariance_type, covariances, expected):
    data = changed(covariance_type, covariances=covariances.tolist())
    assert f"covariances should have shape {expected}" in refusal(tmp_path, data)


def test_n_components_and_n_features_are_checked_against_the_arrays(tmp_path):
    assert "weights should have shape (4,)" in refusal(tmp_path, changed(n_components=4))
    data = changed(n_features=5)
    del data["feature_names"]
    assert "means should have shape (3, 5)" in refusal(tmp_path, data)


@pytest.mark.parametrize(("value", "shown"), [(0, "0"), (-1, "-1"), (2.0, "2.0"), (True, "true"), ("3", '"3"')])
def test_counts_must_be_whole_numbers(tmp_path, value, shown):
    message = refusal(tmp_path, changed(n_components=value))
    assert f"n_components is {shown}, but it must be a whole number >= 1" in message


def test_negative_weights_are_refused(tmp_path):
    message = refusal(tmp_path, changed(weights=[0.6, -0.1, 0.5]))
    assert "the weight of component 1 is negative (-0.1)" in message


@pytest.mark.parametrize("weights", [[0.3, 0.3, 0.3], [0.5, 0.5, 0.000002]])
def test_weights_must_sum_to_one(tmp_path, weights):
    assert "weights sum to" in refusal(tmp_path, changed(weights=weights))


def test_weights_summing_to_one_within_the_tolerance_are_kept_as_written():
    data = changed(weights=[0.2, 0.3, 0.5000005])
    assert model_from_dict(data).params.weights.tolist() == [0.2, 0.3, 0.5000005]


def test_asymmetric_covariances_are_refused(tmp_path):
    data = valid_dict("full")
    data["covariances"][1][0][1] += 1e-6
    assert "the covariance of component 1 is not symmetric" in refusal(tmp_path, data)
    data = valid_dict("tied")
    data["covariances"][1][0] += 1e-3
    assert "the shared covariance is not symmetric" in refusal(tmp_path, data)


def test_rounding_level_asymmetry_is_accepted():
    data = valid_dict("full")
    data["covariances"][0][0][1] *= 1 + 1e-14
    model_from_dict(data)


@pytest.mark.parametrize(
    ("covariance_type", "edit", "phrase"),
    [
        ("full", lambda c: c[2].__setitem__(slice(None), [[1.0, 2.0], [2.0, 1.0]]),
         "the covariance of component 2 is not positive definite"),
        ("full", lambda c: c[0].__setitem__(slice(None), [[0.0, 0.0], [0.0, 0.0]]),
         "the covariance of component 0 is not positive definite"),
        ("tied", lambda c: c.__setitem__(slice(None), [[1.0, 0.0], [0.0, -1.0]]),
         "the shared covariance is not positive definite"),
        ("diag", lambda c: c[1].__setitem__(1, 0.0), "the variances of component 1 must all be positive"),
        ("spherical", lambda c: c.__setitem__(2, -1.0), "the variances of component 2 must all be positive"),
    ],
)
def test_covariances_that_are_not_positive_definite_are_refused(tmp_path, covariance_type, edit, phrase):
    data = valid_dict(covariance_type)
    edit(data["covariances"])
    assert phrase in refusal(tmp_path, data)


@pytest.mark.parametrize(
    ("key", "path", "value", "shown"),
    [
        ("weights", (0,), True, "true"),
        ("weights", (2,), "0.5", '"0.5"'),
        ("means", (1, 0), None, "null"),
        ("covariances", (0, 0, 0), False, "false"),
        ("covariances", (0, 1, 1), {"value": 1}, '{"value": 1}'),
    ],
)
def test_non_numbers_where_numbers_belong_are_refused(tmp_path, key, path, value, shown):
    data = valid_dict("full")
    target = data[key]
    for index in path[:-1]:
        target = target[index]
    target[path[-1]] = value
    assert f"its {key} must hold numbers, but it holds {shown}" in refusal(tmp_path, data)


def test_huge_integers_are_refused(tmp_path):
    data = valid_dict("spherical")
    data["means"][0][0] = 10**400
    assert "too large for a float" in refusal(tmp_path, data)


def test_feature_names_are_checked(tmp_path):
    assert "it has 3 feature_names but n_features is 2" in refusal(tmp_path, changed(feature_names=["a", "b", "c"]))
    assert "feature_names must be a list of strings" in refusal(tmp_path, changed(feature_names=["a", 1]))
    assert "feature_names must be a list of strings" in refusal(tmp_path, changed(feature_names="ab"))


def test_fit_must_be_an_object(tmp_path):
    assert 'its "fit" is a JSON list, not an object' in refusal(tmp_path, changed(fit=[1, 2]))
    assert model_from_dict(changed(fit=None)).fit is None


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=5),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(key=st.sampled_from(["format", "version", "covariance_type", "n_components", "n_features", "feature_names",
                            "weights", "means", "covariances", "fit"]),
       value=JSON_VALUES, covariance_type=st.sampled_from(TYPES))
def test_any_damaged_value_gives_an_input_error_or_a_model(key, value, covariance_type):
    data = valid_dict(covariance_type)
    data[key] = value
    try:
        loaded = model_from_dict(copy.deepcopy(data), source="the model file fuzz.json")
    except InputError as error:
        assert str(error).startswith("cannot load the model file fuzz.json: ")
    else:
        assert loaded.params.n_components == 3


# --- atomic saving --------------------------------------------------------------------------------

def test_a_failed_save_leaves_the_existing_file_untouched(tmp_path, monkeypatch):
    path = tmp_path / "m.json"
    save_model(path, random_params("full"))
    before = path.read_bytes()

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(InputError, match="No space left on device"):
        save_model(path, random_params("diag", seed=5))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.json"], "no temporary file is left behind"


def test_a_model_json_cannot_store_is_refused_before_writing(tmp_path):
    path = tmp_path / "m.json"
    save_model(path, random_params("spherical"))
    before = path.read_bytes()
    good = random_params("spherical")
    broken = MixtureParams(good.covariance_type, good.weights, good.means * np.nan, good.covariances,
                           good.precisions_chol)
    with pytest.raises(InputError, match="NaN or infinity"):
        save_model(path, broken)
    with pytest.raises(InputError, match="not JSON serializable"):
        save_model(path, good, extra={"image": object()})
    assert path.read_bytes() == before
