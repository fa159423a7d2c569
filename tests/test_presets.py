"""Generated teaching data sets: shapes, reproducibility, agreement with their true parameters."""

from __future__ import annotations

import numpy as np
import pytest

from engine.errors import InputError
from engine.presets import MAX_VALUES, PRESETS, RANDOM_SEPARATION, generate, preset_truth

FIXED = {"three-blobs": 2, "two-1d": 1, "four-2d": 2}


@pytest.mark.parametrize("name", list(PRESETS))
def test_shapes_labels_and_names(name):
    dataset = generate(name, n=300, k=4, d=3, seed=1)
    n_features = FIXED.get(name, 3)
    n_components = len(preset_truth(name, k=4, d=3, seed=1).weights)
    assert dataset.X.shape == (300, n_features)
    assert dataset.X.dtype == np.float64 and np.all(np.isfinite(dataset.X))
    assert dataset.feature_names == tuple(f"x{j}" for j in range(n_features))
    assert dataset.source == f"preset:{name}"
    assert dataset.n_dropped == 0
    assert dataset.labels.shape == (300,) and dataset.labels.dtype == np.int64
    assert set(dataset.labels.tolist()) <= set(range(n_components))
    assert not dataset.X.flags.writeable and not dataset.labels.flags.writeable


def test_defaults():
    assert generate("blobs").X.shape == (500, 2)
    assert len(set(generate("random").labels.tolist())) == 3
    assert generate("two-1d").X.shape == (500, 1)


@pytest.mark.parametrize("name", list(FIXED))
def test_fixed_presets_ignore_k_and_d(name):
    default = generate(name, n=50, seed=3)
    other = generate(name, n=50, k=7, d=5, seed=3)
    np.testing.assert_array_equal(default.X, other.X)
    assert preset_truth(name, k=7, d=5).means.shape == preset_truth(name).means.shape


@pytest.mark.parametrize("name", list(PRESETS))
def test_reproducible_with_a_seed_and_different_with_another(name):
    first = generate(name, n=200, seed=11)
    again = generate(name, n=200, seed=11)
    other = generate(name, n=200, seed=12)
    np.testing.assert_array_equal(first.X, again.X)
    np.testing.assert_array_equal(first.labels, again.labels)
    assert not np.array_equal(first.X, other.X)


@pytest.mark.parametrize("name", list(PRESETS))
def test_calling_a_preset_is_generate(name):
    np.testing.assert_array_equal(PRESETS[name](n=40, k=2, d=2, seed=5).X, generate(name, 40, 2, 2, 5).X)
    assert PRESETS[name].name == name and PRESETS[name].description
    assert PRESETS[name].uses_k_d == (name not in FIXED)


def test_global_random_state_untouched():
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    generate("random", n=100, seed=1)
    assert np.array_equal(np.random.get_state()[1], before)


def test_points_are_shuffled():
    labels = generate("three-blobs", n=1000).labels
    assert np.count_nonzero(np.diff(labels)) > 300  # sorted labels would change only twice


def test_fixed_truths():
    weights, means, covariances = preset_truth("three-blobs")
    np.testing.assert_array_equal(weights, [0.3, 0.5, 0.2])
    np.testing.assert_array_equal(means, [[2, 2], [8, 3], [3, 8]])
    np.testing.assert_array_equal(covariances[1], [[1, -0.5], [-0.5, 1]])
    weights, means, covariances = preset_truth("two-1d")
    np.testing.assert_array_equal(weights, [0.3, 0.7])
    np.testing.assert_array_equal(means, [[-2.0], [0.5]])
    np.testing.assert_array_equal(covariances, [[[0.25]], [[1.0]]])
    weights, means, covariances = preset_truth("four-2d")
    np.testing.assert_array_equal(weights, [0.1, 0.2, 0.3, 0.4])
    np.testing.assert_array_equal(means, [[5, 35], [30, 40], [20, 20], [45, 15]])
    np.testing.assert_array_equal(covariances, np.broadcast_to(30 * np.eye(2), (4, 2, 2)))


@pytest.mark.parametrize(("k", "d", "seed"), [(1, 1, 0), (3, 2, 1), (6, 5, 2), (20, 2, 3)])
def test_random_truths_are_valid_mixtures(k, d, seed):
    for name in ("blobs", "random"):
        weights, means, covariances = preset_truth(name, k=k, d=d, seed=seed)
        assert weights.shape == (k,) and means.shape == (k, d) and covariances.shape == (k, d, d)
        assert np.all(weights > 0) and weights.sum() == pytest.approx(1.0)
        np.testing.assert_allclose(covariances, covariances.transpose(0, 2, 1))
        assert np.all(np.linalg.eigvalsh(covariances) > 0)
        assert not weights.flags.writeable
    blob_means = preset_truth("blobs", k=k, d=d, seed=seed).means
    assert np.all(np.abs(blob_means) <= 10)
    means = preset_truth("random", k=k, d=d, seed=seed).means
    gaps = np.linalg.norm(means[:, None] - means[None], axis=2) + np.diag(np.full(k, np.inf))
    assert np.all(gaps >= RANDOM_SEPARATION)


def test_blobs_have_equal_sizes():
    sizes = np.bincount(generate("blobs", n=1001, k=4, seed=0).labels, minlength=4)
    assert sorted(sizes.tolist()) == [250, 250, 250, 251]
    assert generate("blobs", n=2, k=5).X.shape == (2, 2)


@pytest.mark.parametrize(("name", "k", "d"), [
    ("three-blobs", 3, 2), ("two-1d", 3, 2), ("four-2d", 3, 2), ("blobs", 4, 3), ("random", 4, 3), ("random", 2, 1),
])
def test_large_sample_matches_the_truth(name, k, d):
    n = 200_000
    dataset = generate(name, n=n, k=k, d=d, seed=7)
    weights, means, covariances = preset_truth(name, k=k, d=d, seed=7)
    counts = np.bincount(dataset.labels, minlength=len(weights))
    # A proportion's standard deviation is at most sqrt(0.25 / n) ~ 0.0011; 0.006 is over 5 of them.
    np.testing.assert_allclose(counts / n, weights, atol=0.006)
    for j in range(len(weights)):
        points = dataset.X[dataset.labels == j]
        spread = np.sqrt(np.diag(covariances[j]).max() / len(points))
        np.testing.assert_allclose(points.mean(axis=0), means[j], atol=6 * spread)
        empirical = np.atleast_2d(np.cov(points, rowvar=False))
        np.testing.assert_allclose(empirical, covariances[j], atol=0.05 * np.abs(covariances[j]).max())
    # The mixture's overall mean, without the labels.
    np.testing.assert_allclose(dataset.X.mean(axis=0), weights @ means, atol=0.05 * (1 + np.abs(means).max()))


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"name": "nope"}, "three-blobs, two-1d, four-2d, blobs, random"),
    ({"n": 0}, "number of samples"),
    ({"n": -5}, "number of samples"),
    ({"n": 2.5}, "number of samples"),
    ({"n": True}, "number of samples"),
    ({"k": 0}, "number of components"),
    ({"d": 0}, "dimension"),
    ({"d": "2"}, "dimension"),
    ({"seed": -1}, "seed"),
    ({"n": MAX_VALUES}, "too much data"),
    ({"k": 5000}, "too large"),
])
def test_bad_arguments(kwargs, words):
    arguments = {"name": "blobs", **kwargs}
    with pytest.raises(InputError, match=words):
        generate(**arguments)


def test_truth_of_an_unknown_preset():
    with pytest.raises(InputError, match="no preset 'nope'"):
        preset_truth("nope")


def test_numpy_integers_are_accepted():
    assert generate("blobs", n=np.int64(10), k=np.int32(2), d=np.uint8(3), seed=np.uint32(4)).X.shape == (10, 3)
