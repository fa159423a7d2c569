"""Pictures by distinct colour (``engine.imaging.colour_index``): the index maps back to every pixel, and the
fit on the distinct colours weighted by their counts is the fit on every pixel, labels included."""

from __future__ import annotations

import collections

import numpy as np
import pytest

from engine.backends.chunked import ChunkedBackend
from engine.backends.small import SmallBackend
from engine.config import FitConfig
from engine.em import initial_params, iterate_em
from engine.imaging import segmentation as segmentation_module
from engine.imaging.colour_index import PictureLabeller, colour_index
from engine.imaging.features import FeatureSpec, pixel_features, sample_indices
from engine.imaging.render import mean_colours, render_labels
from engine.imaging.segmentation import iterate_segmentation, prepare_fit, segment_image, start_params
from engine.resources import resource_path


def photo_crop(height: int = 96, width: int = 128) -> np.ndarray:
    """A crop of the sample photograph (real colours: many distinct, many repeated)."""
    from gui.image.codec import load_picture

    pixels = np.asarray(load_picture(resource_path("images/china.jpg")).pixels)
    return np.ascontiguousarray(pixels[150:150 + height, 200:200 + width])


@pytest.fixture(scope="module")
def pixels() -> np.ndarray:
    return photo_crop()


@pytest.fixture
def short_start(monkeypatch):
    """The robust start's runs cut short: these tests compare paths, not the start's quality."""
    monkeypatch.setattr(segmentation_module, "INIT_ITERATIONS", 5)
    monkeypatch.setattr(segmentation_module, "INIT_REFINE_ITERATIONS", 5)


@pytest.mark.parametrize("dtype", [np.uint8, np.uint16])
def test_the_index_gives_back_every_pixel(pixels, dtype):
    picture = pixels.astype(dtype) * (257 if dtype is np.uint16 else 1)
    index = colour_index(picture)
    assert np.array_equal(index.colours[index.inverse].reshape(picture.shape), picture)
    assert index.counts.sum() == picture.shape[0] * picture.shape[1]
    assert len(np.unique(picture.reshape(-1, 3), axis=0)) == index.n_colours < index.n_pixels
    assert np.array_equal(index.counts, np.bincount(index.inverse))
    sample = np.array([0, 5, 5, 17])
    assert np.array_equal(colour_index(picture, sample).colours, np.unique(picture.reshape(-1, 3)[sample], axis=0))


def test_each_colour_is_ranked_by_its_bit_in_the_table_even_at_the_ends_of_its_word():
    """8-bit pictures: a colour's row is the count of present colours below it, read from a table of one bit a
    colour in 64-bit words. Colours at either end of a word, the first and last of all 2^24, and a word whose
    every bit is set are where a count off by one would show: rows, counts and the way back are those of a
    sort (``np.unique``)."""
    rng = np.random.default_rng(5)
    edges = [0, 1, 62, 63, 64, 65, 127, 128, 4095, 4096, (1 << 24) - 65, (1 << 24) - 64, (1 << 24) - 1]
    full_word = list(range(64 * 1000, 64 * 1001))
    codes = np.concatenate([edges, full_word, rng.integers(0, 1 << 24, 5000), edges[::2]])
    codes = rng.permutation(np.repeat(codes, rng.integers(1, 4, len(codes))))
    pixels = np.stack([codes >> 16, (codes >> 8) & 0xFF, codes & 0xFF], axis=-1).astype(np.uint8)
    index = colour_index(pixels.reshape(1, -1, 3))
    expected, inverse, counts = np.unique(codes, return_inverse=True, return_counts=True)
    assert np.array_equal(index.colours, pixels.reshape(-1, 3)[np.unique(codes, return_index=True)[1]])
    assert np.array_equal(index.colours.astype(np.int64) @ [1 << 16, 1 << 8, 1], expected)
    assert np.array_equal(index.inverse, inverse) and index.inverse.dtype == np.uint32
    assert np.array_equal(index.counts, counts)


def _all_pixels_fit(pixels, spec, start, covariance_type, iterations):
    """The fit on every pixel's own row, in float64, from ``start``."""
    X = pixel_features(pixels, spec)
    config = FitConfig(start.n_components, covariance_type, tol=0.0, max_iter=iterations, init="given",
                       init_params=start)
    last = collections.deque(iterate_em(X, config, backend=ChunkedBackend(X), with_labels=False), maxlen=1)[0]
    return last, X


@pytest.mark.parametrize("space, covariance_type", [("rgb", "full"), ("lab", "full"), ("rgb", "tied"),
                                                    ("lab", "diag"), ("rgb", "spherical")])
def test_fit_on_distinct_colours_is_the_fit_on_every_pixel(pixels, space, covariance_type):
    spec = FeatureSpec(space)
    sample = pixel_features(pixels, spec)[::7].astype(np.float64)
    start = initial_params(SmallBackend(sample[:2000]), FitConfig(4, covariance_type, seed=0), np.random.default_rng(0))
    config = FitConfig(4, covariance_type, tol=0.0, max_iter=6, init="given", init_params=start)
    plan = prepare_fit(pixels, spec, config, sample_size=0)
    assert plan.colours is not None and plan.X.shape[0] == plan.colours.n_colours < pixels.shape[0] * pixels.shape[1]
    fitted = collections.deque(iterate_segmentation(plan), maxlen=1)[0]
    reference, X = _all_pixels_fit(pixels, spec, plan.config.init_params, covariance_type, 6)
    for name in ("weights", "means", "covariances"):
        ours, theirs = getattr(fitted.params, name), getattr(reference.params, name)
        assert np.max(np.abs(ours - theirs)) <= 1e-10 * np.max(np.abs(theirs)), name
    assert np.allclose(fitted.history, reference.history, rtol=1e-12, atol=0)
    labeller = PictureLabeller(pixels, spec)
    labels, mean = labeller.labels_and_mean_log_likelihood(fitted.params)
    every_pixel = ChunkedBackend(X)
    assert np.array_equal(labels.ravel(), every_pixel.labels(fitted.params))
    assert mean == pytest.approx(float(every_pixel.log_prob_norm(fitted.params).mean()), rel=1e-12)
    assert np.array_equal(labeller.labels(fitted.params), labels)


def test_segment_image_labels_and_export_as_every_pixel(pixels, short_start):
    """The whole path (robust start included): the picture painted from the labels is the every-pixel one."""
    spec = FeatureSpec("lab")
    segmentation = segment_image(pixels[:48, :64], spec, FitConfig(5, seed=1, max_iter=5), sample_size=0)
    pixels = pixels[:48, :64]
    X = pixel_features(pixels, spec)
    labels = ChunkedBackend(X).labels(segmentation.params).astype(np.uint8).reshape(pixels.shape[:2])
    assert np.array_equal(segmentation.labels, labels)
    colours = mean_colours(segmentation.params, spec)
    assert np.array_equal(render_labels(segmentation.labels, colours), render_labels(labels, colours))
    assert segmentation.fit_result.n_samples == pixels.shape[0] * pixels.shape[1]
    assert segmentation.fit_result.total_weight is None  # a picture's fit records no sample weights


def test_a_sampled_fit_weighs_the_sampled_pixels_colours(pixels, short_start):
    spec = FeatureSpec("rgb")
    plan = prepare_fit(pixels, spec, FitConfig(3, seed=2, max_iter=3), sample_size=3000)
    assert plan.colours.n_pixels == 3000 == plan.n_fitted_pixels
    assert np.array_equal(plan.X, plan.colours.features(spec))
    scatter = plan.pixel_features(500, np.random.default_rng(0))
    assert scatter.shape == (500, 3)


def test_positions_are_fitted_pixel_by_pixel(pixels, short_start):
    pixels = pixels[:32, :32]
    plan = prepare_fit(pixels, FeatureSpec("rgb", 0.2), FitConfig(3, seed=0, max_iter=2), sample_size=0)
    assert plan.colours is None and plan.X.shape[0] == pixels.shape[0] * pixels.shape[1]


def _start_from_the_colours(pixels, spec, config, sample_size):
    """``start_params`` on the indexed colours, with the generator where ``prepare_fit`` leaves it for the start."""
    rng = np.random.default_rng(config.seed)
    indices = sample_indices(pixels.shape[0] * pixels.shape[1], sample_size, rng)
    colours = colour_index(pixels, indices)
    X = colours.features(spec)
    return start_params(X, config, rng, ChunkedBackend(X, sample_weight=colours.counts), pixel_rows=colours.inverse)


@pytest.mark.parametrize("space, sample_size", [("rgb", 0), ("lab", 0), ("rgb", 5000)])
def test_the_start_begun_beside_the_index_is_the_start_from_the_colours(pixels, short_start, monkeypatch, space,
                                                                         sample_size):
    """``prepare_fit`` draws the start's sample among the pixels while another thread indexes the colours."""
    monkeypatch.setattr(segmentation_module, "INIT_SAMPLE", 600)
    spec, config = FeatureSpec(space), FitConfig(4, seed=5)
    plan = prepare_fit(pixels, spec, config, sample_size=sample_size)
    expected = _start_from_the_colours(pixels, spec, config, sample_size)
    for name in ("weights", "means", "covariances"):
        assert np.array_equal(getattr(plan.config.init_params, name), getattr(expected, name)), name


def test_a_sample_that_misses_rare_colours_waits_for_the_index(short_start, monkeypatch):
    """Two colours and three single pixels of others: a 50-pixel sample holds fewer than K = 4 colours, so the
    start is made on every colour, weighted, with the generator drawing again from where it was."""
    monkeypatch.setattr(segmentation_module, "INIT_SAMPLE", 50)
    pixels = np.zeros((40, 50, 3), dtype=np.uint8)
    pixels[:, 25:] = 200
    pixels[0, 0], pixels[10, 10], pixels[20, 20] = (10, 250, 30), (250, 10, 30), (30, 10, 250)
    spec, config = FeatureSpec("rgb"), FitConfig(4, seed=1)
    plan = prepare_fit(pixels, spec, config, sample_size=0)
    expected = _start_from_the_colours(pixels, spec, config, 0)
    assert np.array_equal(plan.config.init_params.means, expected.means)
    assert plan.config.init_params.n_components == 4
