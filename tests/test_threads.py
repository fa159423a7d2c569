"""The one worker pattern (``gui.threads``): yielded values in order, return, errors, abort and teardown."""

from __future__ import annotations

import threading

import pytest

from engine.errors import InputError
from gui.threads import GeneratorWorker, Jobs, error_message


def _count(n):
    yield from range(n)
    return "done"


def _fail_after(n, error):
    yield from range(n)
    raise error


def _forever(started: threading.Event, steps: list):
    started.set()
    while True:
        steps.append(len(steps))
        yield len(steps)


def _collector():
    events = []
    return events, dict(
        on_yielded=lambda job, value: events.append(("yielded", job, value)),
        on_returned=lambda job, value: events.append(("returned", job, value)),
        on_errored=lambda job, message: events.append(("errored", job, message)),
        on_finished=lambda job: events.append(("finished", job)),
    )


def test_values_come_in_order_then_the_return_value_then_finished(qtbot):
    jobs = Jobs("test")
    events, callbacks = _collector()
    worker = jobs.start(_count, 5, **callbacks)
    qtbot.waitUntil(lambda: ("finished", worker.job_id) in events, timeout=5000)
    qtbot.waitUntil(lambda: jobs.running == 0, timeout=5000)
    job = worker.job_id
    assert events == [("yielded", job, i) for i in range(5)] + [("returned", job, "done"), ("finished", job)]


@pytest.mark.parametrize(("error", "message"), [(InputError("the file is empty."), "the file is empty."),
                                                (ZeroDivisionError("oops"), "ZeroDivisionError: oops")])
def test_an_exception_becomes_one_errored_message_and_still_finished(qtbot, error, message):
    jobs = Jobs("test")
    events, callbacks = _collector()
    worker = jobs.start(_fail_after, 2, error, **callbacks)
    qtbot.waitUntil(lambda: ("finished", worker.job_id) in events, timeout=5000)
    job = worker.job_id
    assert events[-2:] == [("errored", job, message), ("finished", job)]
    assert [kind for kind, *_ in events].count("returned") == 0
    assert error_message(error) == message


def test_abort_stops_an_endless_generator_within_a_step_and_frees_its_thread(qtbot):
    jobs = Jobs("test")
    started, steps = threading.Event(), []
    events, callbacks = _collector()
    worker = jobs.start(_forever, started, steps, **callbacks)
    assert started.wait(5)
    qtbot.waitUntil(lambda: len(steps) > 3, timeout=5000)
    jobs.abort(worker.job_id)
    qtbot.waitUntil(lambda: ("finished", worker.job_id) in events, timeout=5000)
    qtbot.waitUntil(lambda: jobs.running == 0, timeout=5000)
    assert not [event for event in events if event[0] in ("returned", "errored")]
    assert events[-1] == ("finished", worker.job_id)


def test_many_started_and_aborted_jobs_leave_no_thread_behind(qtbot):
    jobs = Jobs("test")
    for _ in range(40):
        started = threading.Event()
        worker = jobs.start(_forever, started, [])
        started.wait(5)
        jobs.abort(worker.job_id)
    assert jobs.shutdown(5000)
    qtbot.waitUntil(lambda: jobs.running == 0, timeout=5000)


def test_shutdown_aborts_and_waits_for_every_thread(qtbot):
    jobs = Jobs("test")
    workers = []
    for _ in range(3):
        started = threading.Event()
        workers.append(jobs.start(_forever, started, []))
        started.wait(5)
    assert jobs.shutdown(5000)
    assert all(isinstance(worker, GeneratorWorker) and worker.abort_requested for worker in workers)


def test_ids_grow_so_stale_signals_can_be_told_apart():
    jobs = Jobs("test")
    first, second = jobs.new_id(), jobs.new_id()
    assert second > first


def test_callbacks_of_any_kind_run_on_the_thread_that_made_the_jobs(qtbot):
    """Lambdas and plain functions too: Qt would run them on the worker's thread if connected directly."""
    jobs = Jobs("test")
    threads = []
    record = lambda *args: threads.append(threading.current_thread())  # noqa: E731 - a lambda on purpose
    worker = jobs.start(_count, 3, on_yielded=record, on_returned=record, on_finished=record)
    qtbot.waitUntil(lambda: len(threads) == 5, timeout=5000)
    assert all(thread is threading.main_thread() for thread in threads), threads
    assert worker.job_id >= 1


#: A child process: a job blocked in one long call, its ``Jobs`` deleted and collected while the thread still
#: runs, then the call returns and the process quits normally.
ORPHANED_JOB = """
import gc, sys, threading
from PySide6.QtCore import QCoreApplication, QTimer
from gui.threads import Jobs

app = QCoreApplication([])
release, inside = threading.Event(), threading.Event()


def blocked():
    inside.set()
    release.wait(30)
    yield "done"


jobs = Jobs("orphan")
jobs.start(blocked)
inside.wait(30)
del jobs
gc.collect()
release.set()
QTimer.singleShot(500, app.quit)
app.exec()
print("ended")
"""


def test_a_running_thread_outlives_the_jobs_that_started_it_and_is_never_destroyed_running(tmp_path):
    """Python never deletes a QThread that still runs (Qt aborts the process): not even when its ``Jobs`` goes."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    child = subprocess.run([sys.executable, "-c", ORPHANED_JOB], cwd=root, capture_output=True, text=True, timeout=60,
                           env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert child.returncode == 0 and child.stdout.strip() == "ended", child.stderr
    assert "QThread" not in child.stderr
