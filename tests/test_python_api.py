"""The engine's Python API as README.md documents it, called the way a user calls it.

Data of the wrong shape or kind gets an ``InputError`` (a ``ValueError``) with one sentence from every
documented entry point, never a traceback from deep inside numpy.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from engine.backends import make_backend
from engine.config import FitConfig
from engine.covariance import CovarianceType
from engine.em import fit, iterate_em
from engine.errors import InputError
from engine.imaging.colour_index import PictureLabeller, colour_index
from engine.imaging.features import FeatureSpec
from engine.imaging.segmentation import segment_image
from engine.selection.grid import SelectionConfig
from engine.selection.run import iterate_selection


def _data(seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.concatenate([rng.normal(0.0, 1.0, (30, 2)), rng.normal(5.0, 1.0, (30, 2))])


X = _data()
CONFIG = FitConfig(2, seed=0, max_iter=5)

BAD_DATA = {
    "1-D": (X[:, 0], "must be a 2-D array of shape (n_samples, n_features), not one of shape (60,)"),
    "3-D": (X[None], "not one of shape (1, 60, 2)"),
    "text": ([["a", "b"], ["c", "d"], ["e", "f"]], "must be a table of numbers"),
    "ragged rows": ([[1.0, 2.0], [3.0], [4.0, 5.0]], "must be a table of numbers"),
    "complex": (X + 1j, "must be a table of numbers"),
    "no columns": (np.empty((10, 0)), "the data has no features (shape (10, 0)): give at least one column."),
}


@pytest.mark.parametrize("name", list(BAD_DATA))
def test_fit_refuses_data_that_is_not_a_table_with_a_sentence(name):
    data, expected = BAD_DATA[name]
    with pytest.raises(InputError, match=re.escape(expected)):
        fit(data, CONFIG)
    with pytest.raises(InputError, match="the data (must be|has no features)"):
        next(iterate_em(data, CONFIG))
    with pytest.raises(InputError, match="the data (must be|has no features)"):
        make_backend(data)


def test_fit_takes_lists_int_float32_and_fortran_data_as_the_same_table():
    expected = fit(X, CONFIG).params.means
    for data in (X.tolist(), np.asfortranarray(X), tuple(map(tuple, X))):
        np.testing.assert_array_equal(fit(data, CONFIG).params.means, expected)
    single = X.astype(np.float32)
    np.testing.assert_array_equal(fit(single, CONFIG).params.means, fit(single.astype(float), CONFIG).params.means)
    whole = np.round(X * 10).astype(int)
    np.testing.assert_array_equal(fit(whole, CONFIG).params.means, fit(whole.astype(float), CONFIG).params.means)


def test_rng_may_be_a_generator_or_an_int_seed():
    config = FitConfig(2, init="random", max_iter=3)
    by_seed = fit(X, FitConfig(2, init="random", max_iter=3, seed=7))
    by_int = fit(X, config, rng=7)
    by_generator = fit(X, config, rng=np.random.default_rng(7))
    for result in (by_int, by_generator):
        np.testing.assert_array_equal(result.params.means, by_seed.params.means)
    first = [snapshot.params.means for snapshot in iterate_em(X, config, rng=7)]
    assert np.array_equal(first[-1], by_seed.params.means)


def test_a_selection_takes_one_covariance_type_by_name():
    assert SelectionConfig(ks=(1, 2), covariance_types="diag").covariance_types == (CovarianceType.DIAG,)
    assert SelectionConfig(ks=(1, 2), covariance_types=["full", "tied"]).covariance_types == (
        CovarianceType.FULL, CovarianceType.TIED)


@pytest.mark.parametrize("name", ["text", "ragged rows", "complex"])
def test_a_selection_refuses_data_that_is_not_a_table_of_real_numbers(name):
    data, _ = BAD_DATA[name]
    config = SelectionConfig(ks=(1, 2), covariance_types="full", n_init=1, folds=2, seed=0)
    with pytest.raises(InputError, match="the data must be a table of numbers"):
        next(iterate_selection(data, config, processes=1))


def _picture() -> np.ndarray:
    pixels = np.zeros((12, 16, 3), np.uint8)
    pixels[:, :8] = [200, 30, 30]
    pixels[:, 8:] = [20, 40, 220]
    return pixels + np.random.default_rng(0).integers(0, 4, pixels.shape).astype(np.uint8)


PICTURE = _picture()
BAD_PIXELS = {
    "floats": PICTURE.astype(float),
    "grey": PICTURE[:, :, 0],
    "RGBA": np.dstack([PICTURE, PICTURE[:, :, :1]]),
    "nested lists": PICTURE.tolist(),
}


@pytest.mark.parametrize("name", list(BAD_PIXELS))
def test_segmentation_refuses_pixels_that_are_not_rgb_of_a_picture_with_a_sentence(name):
    pixels = BAD_PIXELS[name]
    expected = r"the pixels must be an array of shape \(height, width, 3\) of uint8 or uint16"
    with pytest.raises(InputError, match=expected):
        segment_image(pixels, FeatureSpec("lab", 0.1), FitConfig(2, seed=0))
    with pytest.raises(InputError, match=expected):
        colour_index(pixels)
    with pytest.raises(InputError, match=expected):
        PictureLabeller(pixels, FeatureSpec())


def test_segmentation_takes_an_int_seed_as_rng():
    by_seed = segment_image(PICTURE, FeatureSpec(), FitConfig(2, seed=3))
    by_int = segment_image(PICTURE, FeatureSpec(), FitConfig(2), rng=3)
    np.testing.assert_array_equal(by_int.params.means, by_seed.params.means)
    np.testing.assert_array_equal(by_int.labels, by_seed.labels)


@pytest.mark.parametrize("weights", [np.ones(60) + 1j, ["a"] * 60, [[1.0, 2.0]] * 30 + [[1.0]] * 30],
                         ids=["complex", "text", "ragged"])
def test_sample_weights_that_are_not_real_numbers_are_refused_with_a_sentence(weights):
    with pytest.raises(InputError, match="the sample weights must be numbers"):
        fit(X, CONFIG, sample_weight=weights)
