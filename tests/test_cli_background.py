"""``engine.cli.background.in_background``: what ``segment`` imports while Qt decodes on the main thread."""

from __future__ import annotations

import threading

import pytest

from engine.cli.background import in_background
from engine.errors import InputError


def test_the_task_runs_beside_the_caller_and_is_waited_for():
    started, go, done = threading.Event(), threading.Event(), threading.Event()

    def task() -> None:
        started.set()
        assert go.wait(10), "the caller never went on: the task did not run beside it"
        done.set()

    wait = in_background(task)
    assert started.wait(10)  # the task runs while the caller goes on (a synchronous call would block here)
    assert not done.is_set()
    go.set()
    wait()
    assert done.is_set()


def test_what_the_task_raises_is_raised_by_the_wait():
    def task() -> None:
        raise InputError("no such module")

    wait = in_background(task)
    with pytest.raises(InputError, match="no such module"):
        wait()
