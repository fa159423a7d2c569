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


#: A fresh interpreter that enters the limit as the first thing it does with the engine (numpy not imported by
#: the test itself), then reports BLAS's threads inside the limit.
FIRST_USE = """
import json, sys
from engine.blas import single_threaded_blas
with single_threaded_blas():
    import numpy
    from threadpoolctl import threadpool_info
    print(json.dumps([(pool["user_api"], pool["num_threads"]) for pool in threadpool_info()]))
"""


def test_the_limit_holds_when_it_is_the_engines_first_use_of_numpy(tmp_path):
    """threadpoolctl's controller, made once, sees only the libraries already loaded: made before numpy had
    loaded OpenBLAS it limited nothing, for the rest of the process (a segmentation's fit ran at half speed)."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    environment = {key: value for key, value in os.environ.items() if not key.endswith("_NUM_THREADS")}
    proc = subprocess.run([sys.executable, "-c", FIRST_USE], cwd=root, env=environment, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    blas_threads = [threads for api, threads in json.loads(proc.stdout) if api == "blas"]
    assert blas_threads == [1], proc.stdout  # numpy's OpenBLAS, limited to one thread
