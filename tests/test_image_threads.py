"""The Image window's threads: one segmentation at a time, and closing the window waits for none.

The robust start (``prepare_fit``) is one engine call that cannot be stopped midway; on a large picture it
takes seconds. It is replaced here by a stand-in that holds until the test lets it go, so a segmentation
is observed while it is stuck there: Stop cannot end it, and clicking Segment again must not pile up
threads beside it (30 Segment/Stop clicks once left 30 threads running the robust start at once).
"""

from __future__ import annotations

import threading

import numpy as np
import pytest
from test_image_mode import COLOURS

from engine.imaging.segmentation import prepare_fit
from gui.image import worker
from gui.image.controller import ImageMode
from gui.image.exports import save_picture
from gui.threads import Job

TIMEOUT_MS = 30_000


class HeldStart:
    """Stands in for ``prepare_fit``: counts the calls and holds each until ``release`` is set."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        assert self.release.wait(TIMEOUT_MS / 1000), "the test never let the robust start go"
        return prepare_fit(*args, **kwargs)


@pytest.fixture
def held(monkeypatch):
    start = HeldStart()
    monkeypatch.setattr(worker, "prepare_fit", start)
    yield start
    start.release.set()


@pytest.fixture
def mode(qtbot, tmp_path):
    """The Image window with a small picture of three colours open."""
    image_mode = ImageMode()
    qtbot.addWidget(image_mode.view)
    rng = np.random.default_rng(2)
    pixels = np.clip(COLOURS[rng.integers(0, 3, size=(12, 16))].astype(int) + rng.integers(-6, 7, size=(12, 16, 3)),
                     0, 255).astype(np.uint8)
    path = tmp_path / "small.png"
    save_picture(path, pixels)
    with qtbot.waitSignal(image_mode.picture_opened, timeout=TIMEOUT_MS):
        image_mode.open_path(str(path))
    qtbot.waitUntil(lambda: image_mode.jobs.running == 0, timeout=TIMEOUT_MS)
    image_mode.view.components.setValue(3)
    yield image_mode
    image_mode.shutdown(TIMEOUT_MS)


def test_rapid_segment_and_stop_clicks_run_one_segmentation_at_a_time(qtbot, mode, held):
    threads = []
    for click in range(30):
        mode.view.run_button.click()
        if click == 0:
            qtbot.waitUntil(lambda: held.calls == 1, timeout=TIMEOUT_MS)  # stuck in its robust start
        threads.append(mode.jobs.running)
        mode.view.stop_button.click()
        threads.append(mode.jobs.running)
    assert max(threads) == 1 and held.calls == 1
    assert not mode.running and mode.view.run_button.isEnabled()
    held.release.set()
    qtbot.waitUntil(lambda: mode.jobs.running == 0, timeout=TIMEOUT_MS)
    assert held.calls == 1 and mode.segmentation is None and not mode.running


def test_segment_while_a_stopped_one_is_stuck_starts_once_it_has_ended(qtbot, mode, held):
    mode.view.run_button.click()
    qtbot.waitUntil(lambda: held.calls == 1, timeout=TIMEOUT_MS)
    mode.view.stop_button.click()
    mode.view.run_button.click()  # the first is still in its robust start
    assert mode.running and mode.jobs.running == 1 and not mode.view.run_button.isEnabled()
    assert "Waiting" in mode.view.status.text()
    with qtbot.waitSignal(mode.segmentation_ready, timeout=TIMEOUT_MS):
        held.release.set()
    assert held.calls == 2 and mode.segmentation.n_components == 3
    qtbot.waitUntil(lambda: mode.jobs.running == 0, timeout=TIMEOUT_MS)


def test_closing_the_window_stops_its_jobs_and_waits_for_none(qtbot, mode, held, monkeypatch):
    """Closing the Image window must not freeze the main window while a job is stuck in one long engine call."""
    waits = []
    real_wait = Job.wait
    monkeypatch.setattr(Job, "wait", lambda job, timeout_ms: waits.append(timeout_ms) or real_wait(job, timeout_ms))
    mode.view.run_button.click()
    qtbot.waitUntil(lambda: held.calls == 1, timeout=TIMEOUT_MS)
    mode.view.close()
    assert waits == [] and not mode.running and mode.jobs.running == 1
    held.release.set()
    qtbot.waitUntil(lambda: mode.jobs.running == 0, timeout=TIMEOUT_MS)
    assert mode.segmentation is None
