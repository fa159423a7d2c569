"""The Image window's jobs (``gui.image.worker``), driven as plain generators: where they yield, what they return."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import gui.image.worker as worker
from engine.config import FitConfig
from engine.errors import InputError
from engine.imaging.features import FeatureSpec
from engine.imaging.picture import Picture
from engine.imaging.segmentation import segment_image
from gui.image.exports import save_picture
from gui.image.session import SegmentPreview
from gui.image.worker import PreviewOptions, decode_picture, segment_picture


def _picture() -> Picture:
    rng = np.random.default_rng(3)
    truth = np.repeat(np.arange(3), 8)[None, :].repeat(10, axis=0)
    colours = np.array([(230, 30, 30), (30, 200, 40), (20, 40, 220)])
    pixels = np.clip(colours[truth] + rng.integers(-8, 9, size=(*truth.shape, 3)), 0, 255).astype(np.uint8)
    return Picture(pixels, Path("bands.png"), "png", 8, False)


def _run(generator):
    """Every yielded value, and the return value."""
    values = []
    while True:
        try:
            values.append(next(generator))
        except StopIteration as stop:
            return values, stop.value


def test_decoding_yields_nothing_and_returns_the_picture(tmp_path):
    pixels = np.zeros((4, 5, 3), np.uint8)
    save_picture(tmp_path / "black.png", pixels)
    values, picture = _run(decode_picture(str(tmp_path / "black.png")))
    assert values == [] and picture.pixels.shape == (4, 5, 3)


def test_segmentation_yields_after_the_start_and_after_every_half_step(monkeypatch):
    """An abort takes effect at a yield: there must be one between any two steps of the engine."""
    events = []
    prepare, iterate, finish = worker.prepare_fit, worker.iterate_segmentation, worker.finish_segmentation

    def prepared(*args, **kwargs):
        plan = prepare(*args, **kwargs)
        events.append("start")
        return plan

    def snapshots(plan):
        for snapshot in iterate(plan):
            events.append("half-step")
            yield snapshot

    def finished(*args):
        events.append("finish")
        return finish(*args)

    monkeypatch.setattr(worker, "prepare_fit", prepared)
    monkeypatch.setattr(worker, "iterate_segmentation", snapshots)
    monkeypatch.setattr(worker, "finish_segmentation", finished)
    config = FitConfig(n_components=3, tol=0.0, max_iter=6, seed=0)
    generator = segment_picture(_picture(), FeatureSpec(), config, 0, PreviewOptions())
    while True:
        try:
            next(generator)
        except StopIteration:
            break
        events.append("yield")
    steps = [event for event in events if event != "yield"]
    assert steps.count("half-step") >= 2 * 6 and steps[0] == "start" and steps[-1] == "finish"
    for before, after in zip(events, events[1:], strict=False):
        assert not (before != "yield" and after != "yield"), f"no yield between {before} and {after}: {events}"


def test_segmentation_returns_what_segment_image_returns():
    picture, spec = _picture(), FeatureSpec()
    config = FitConfig(n_components=3, seed=0)
    values, segmentation = _run(segment_picture(picture, spec, config, 0, PreviewOptions()))
    expected = segment_image(picture.pixels, spec, config, sample_size=0)
    previews = [value for value in values if value is not None]
    assert previews and all(isinstance(value, SegmentPreview) for value in previews)
    assert previews[-1].iteration == segmentation.fit_result.n_iter  # the last half-step always goes out
    assert np.array_equal(segmentation.labels, expected.labels)
    assert segmentation.fit_result.n_iter == expected.fit_result.n_iter
    assert segmentation.fit_result.config == expected.fit_result.config


def test_the_soft_flag_is_read_at_every_preview(monkeypatch):
    monkeypatch.setattr(worker, "EMIT_INTERVAL_S", 0.0)  # a preview after every M-step
    options = PreviewOptions()
    config = FitConfig(n_components=3, tol=0.0, max_iter=10, seed=0)
    generator = segment_picture(_picture(), FeatureSpec(), config, 0, options)
    first = next(value for value in generator if value is not None)
    assert first.soft is None
    options.soft = True
    later = next(value for value in generator if value is not None)
    assert later.soft is not None and later.soft.shape == (10, 24, 3) and not later.soft.flags.writeable
    generator.close()


def test_a_picture_with_too_few_colours_raises_before_any_yield():
    flat = Picture(np.zeros((5, 5, 3), np.uint8), Path("flat.png"), "png", 8, False)
    with pytest.raises(InputError, match="distinct colours"):
        next(segment_picture(flat, FeatureSpec(), FitConfig(n_components=3, seed=0), 0, PreviewOptions()))
