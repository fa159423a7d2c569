"""The engine's BLAS limit is counted: overlapping users in several threads set it once and restore it once."""

from __future__ import annotations

import threading

import pytest

import engine.blas as blas


class RecordingController:
    """Stands in for threadpoolctl's controller and records what the limiter does, and when."""

    def __init__(self):
        self.events: list[str] = []

    def limit(self, limits, user_api):
        assert (limits, user_api) == (1, "blas")
        self.events.append("limit")
        controller = self

        class Limiter:
            def restore_original_limits(self):
                controller.events.append("restore")

        return Limiter()


@pytest.fixture
def controller(monkeypatch):
    recording = RecordingController()
    monkeypatch.setattr(blas, "_controller", recording)
    return recording


def test_nested_use_limits_once(controller):
    with blas.single_threaded_blas():
        with blas.single_threaded_blas():
            assert controller.events == ["limit"]
        assert controller.events == ["limit"]
    assert controller.events == ["limit", "restore"]


def test_overlapping_threads_restore_only_after_the_last_leaves(controller):
    first_inside, second_inside, first_left = threading.Event(), threading.Event(), threading.Event()
    seen_by_second: list[list[str]] = []

    def first():
        with blas.single_threaded_blas():
            first_inside.set()
            second_inside.wait(5)
        first_left.set()

    def second():
        first_inside.wait(5)
        with blas.single_threaded_blas():
            second_inside.set()
            first_left.wait(5)
            seen_by_second.append(list(controller.events))  # the first has left: the limit must still hold

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert seen_by_second == [["limit"]]
    assert controller.events == ["limit", "restore"]


def test_an_error_inside_still_restores(controller):
    with pytest.raises(RuntimeError), blas.single_threaded_blas():
        raise RuntimeError("boom")
    assert controller.events == ["limit", "restore"]
