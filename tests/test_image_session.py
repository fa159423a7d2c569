"""The Image window's state without a window (``gui.image.session``): no Qt, what to draw, the mask view.

Nothing here imports PySide6; that ``gui.image.session`` itself loads no Qt is checked in a child
interpreter, since this process has Qt loaded by pytest-qt.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from engine.config import FitConfig
from engine.imaging.features import ColorSpace, FeatureSpec
from engine.imaging.picture import Picture
from engine.imaging.render import RenderMode
from engine.imaging.segmentation import Segmentation, segment_image
from gui.image.session import (
    ALL_PIXELS_UP_TO,
    DEFAULT_SAMPLE,
    MASKED_DARK,
    MASKED_LIGHT,
    SCATTER_POINTS,
    WINDOW_SEED,
    ImageSession,
    SegmentPreview,
    is_picture,
    masked,
    point_colours,
    preview_step,
    to_display,
)

ROOT = Path(__file__).resolve().parent.parent
QT_ROOTS = ("PySide6", "shiboken6", "pyqtgraph")
CHILD = """
import json, sys
import gui.image.session
roots = set(json.loads(sys.argv[1]))
print(json.dumps(sorted(name for name in sys.modules if name.split(".")[0] in roots)))
"""


def test_the_session_module_loads_no_qt():
    proc = subprocess.run([sys.executable, "-c", CHILD, json.dumps(QT_ROOTS)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []


def _picture(height=12, width=20, seed=0) -> Picture:
    """Left half red, right half blue, a little noise."""
    rng = np.random.default_rng(seed)
    pixels = np.zeros((height, width, 3), dtype=np.int64)
    pixels[:, : width // 2] = (220, 30, 30)
    pixels[:, width // 2:] = (30, 30, 220)
    pixels = np.clip(pixels + rng.integers(-5, 6, size=pixels.shape), 0, 255).astype(np.uint8)
    return Picture(pixels, Path("two.png"), "png", 8, False)


@pytest.fixture
def finished():
    """A session with a picture whose 2-segment fit has ended, and a preview of that fit."""
    session = ImageSession()
    picture = _picture()
    session.open(picture)
    spec = FeatureSpec()
    session.start_fit(spec)
    segmentation = segment_image(picture.pixels, spec, session.fit_config(2), sample_size=0)
    features = np.asarray(picture.pixels.reshape(-1, 3) / 255.0, dtype=np.float32)
    preview = SegmentPreview(3, segmentation.params, segmentation.labels, 1, features, (-1.0,))
    return session, segmentation, preview


def test_small_and_large_pictures_get_their_sample_size_and_grid():
    session = ImageSession()
    assert session.open(_picture()) == 0 and session.step == 1
    side = int(np.sqrt(ALL_PIXELS_UP_TO)) + 10
    big = Picture(np.zeros((side, side, 3), np.uint8), Path("big.png"), "png", 8, False)
    assert session.open(big) == DEFAULT_SAMPLE
    assert session.step == preview_step(side, side) == 2
    assert session.display_picture().shape == ((side + 1) // 2, (side + 1) // 2, 3)


def test_fit_config_is_seeded_with_the_commands_defaults():
    config = ImageSession().fit_config(5)
    default = FitConfig(n_components=5)
    assert (config.n_components, config.seed) == (5, WINDOW_SEED)
    assert (config.tol, config.max_iter) == (default.tol, default.max_iter)


def test_nothing_to_draw_before_the_first_preview():
    session = ImageSession()
    session.open(_picture())
    assert session.current_labels() is None and session.current_shares() is None
    assert session.segmented_rgb(RenderMode.MEAN) is None and session.ellipses() is None
    assert session.segment_at(0, 0) is None


def test_a_preview_then_the_segmentation_are_what_is_drawn(finished):
    session, segmentation, preview = finished
    assert session.take_preview(preview)  # the first preview of a fit: the scatter is to be drawn
    assert session.current_labels() is preview.labels
    session.finish(segmentation)
    assert np.array_equal(session.current_labels(), segmentation.labels)
    assert np.allclose(session.current_shares(), [0.5, 0.5])
    rgb = session.segmented_rgb(RenderMode.MEAN)
    assert rgb.shape == (12, 20, 3) and len(np.unique(rgb.reshape(-1, 3), axis=0)) == 2
    x, y = session.ellipses()
    assert x.shape == y.shape and np.isnan(x).any()  # outlines separated by NaN


def test_redrawing_a_finished_segmentation_counts_its_pixels_once(finished, monkeypatch):
    """Every redraw (a step of the before/after slider, a click in the legend) asks for the shares; counting
    every pixel each time took 62 ms at 24 megapixels."""
    session, segmentation, _ = finished
    counted = []
    shares = Segmentation.shares

    def counting(self):
        counted.append(self)
        return shares.fget(self)

    monkeypatch.setattr(Segmentation, "shares", property(counting))
    session.finish(segmentation)
    for _ in range(3):
        assert np.allclose(session.current_shares(), [0.5, 0.5])
    assert len(counted) == 1
    session.start_fit(FeatureSpec())
    assert session.current_shares() is None  # a new fit forgets them


def test_a_new_fit_forgets_the_old_one(finished):
    session, segmentation, preview = finished
    session.take_preview(preview)
    session.scatter()
    session.finish(segmentation)
    session.toggle_selected(1)
    session.start_fit(FeatureSpec(ColorSpace.LAB))
    assert session.segmentation is None and session.preview is None and session.selected is None
    assert session.scatter_rows is None and session.spec.space is ColorSpace.LAB


def test_the_scatter_keeps_its_rows_for_the_whole_fit(finished):
    session, _, preview = finished
    session.take_preview(preview)
    points, colours = session.scatter()
    rows = session.scatter_rows
    assert not session.take_preview(preview)  # later previews: the scatter is already drawn
    again, _ = session.scatter()
    assert session.scatter_rows is rows and np.array_equal(points, again)
    assert len(points) == min(SCATTER_POINTS, 240) and colours.dtype == np.uint8


def test_soft_preview_painted_by_the_worker_is_used_until_the_fit_ends(finished):
    session, segmentation, preview = finished
    painted = np.full((12, 20, 3), 7, np.uint8)
    session.take_preview(SegmentPreview(1, preview.params, preview.labels, 1, preview.features, (), painted))
    assert session.segmented_rgb(RenderMode.SOFT) is painted
    session.finish(segmentation)
    blended = session.segmented_rgb(RenderMode.SOFT)
    assert blended.shape == (12, 20, 3) and not np.all(blended == 7)


def test_mask_view_toggles_and_reads_the_segment_under_a_click(finished):
    session, segmentation, _ = finished
    session.finish(segmentation)
    left = session.segment_at(0, 0)
    assert left == int(segmentation.labels[0, 0]) and session.segment_at(0, 19) != left
    assert session.segment_at(12, 0) is None and session.segment_at(0, -1) is None
    session.toggle_selected(left)
    assert session.selected == left
    shown = session.segmented_rgb(RenderMode.PALETTE)
    outside = segmentation.labels != left
    assert np.all(np.isin(shown[outside], (MASKED_DARK, MASKED_LIGHT)))
    session.toggle_selected(left)  # the same segment again: all of them
    assert session.selected is None


def test_masked_picks_a_contrasting_grey():
    labels = np.array([[0, 1]])
    light = np.array([[[250, 250, 250], [0, 0, 0]]], np.uint8)
    assert masked(light, labels, 0)[0, 1].tolist() == [MASKED_DARK] * 3
    assert masked(light, labels, 1)[0, 0].tolist() == [MASKED_LIGHT] * 3
    assert masked(light, labels, None) is light


def test_small_helpers():
    assert is_picture("a/B.JPG") and is_picture("x.tiff") and not is_picture("model.json")
    assert to_display(np.array([[[0x1234, 0xFFFF, 0]]], np.uint16)).tolist() == [[[0x12, 0xFF, 0]]]
    assert preview_step(1000, 1000) == 1 and preview_step(1001, 1000) == 2
    lab_white = np.array([[100.0, 0.0, 0.0]])
    assert point_colours(lab_white, FeatureSpec(ColorSpace.LAB)).tolist() == [[255, 255, 255]]
    assert point_colours(np.array([[1.5, 0.5, -1.0]]), FeatureSpec()).tolist() == [[255, 128, 0]]
