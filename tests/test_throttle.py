"""The frame throttle (``gui.throttle``): only the newest item is drawn, at most once per interval."""

from __future__ import annotations

from gui.throttle import FrameThrottle


def test_only_the_newest_of_many_submitted_items_is_drawn(qtbot):
    drawn = []
    throttle = FrameThrottle(drawn.append)
    for item in range(100):
        throttle.submit(item)
    qtbot.waitUntil(lambda: bool(drawn), timeout=2000)
    qtbot.waitUntil(lambda: not throttle.has_pending, timeout=2000)
    assert drawn == [99]


def test_flush_draws_at_once_and_clear_drops_the_waiting_item(qtbot):
    drawn = []
    throttle = FrameThrottle(drawn.append, min_interval_ms=10_000)
    throttle.submit("a")
    throttle.flush()
    assert drawn == ["a"]
    throttle.submit("b")
    throttle.clear()
    qtbot.wait(50)
    assert drawn == ["a"] and not throttle.has_pending


def test_hooks_bracket_each_frame_and_a_slow_frame_lengthens_the_interval(qtbot):
    events = []
    clock = {"cost_ms": 0}

    def draw(item):
        events.append(("draw", item))
        qtbot.wait(clock["cost_ms"])

    throttle = FrameThrottle(draw, min_interval_ms=5, max_interval_ms=80)
    throttle.frame_started = lambda: events.append("started")
    throttle.frame_painted = lambda: events.append("painted")
    clock["cost_ms"] = 60
    throttle.submit(1)
    qtbot.waitUntil(lambda: "painted" in events, timeout=2000)
    assert events == ["started", ("draw", 1), "painted"]
    assert 50 <= throttle.interval_ms <= 80
