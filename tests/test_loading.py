"""Data files open, and exports write, off the main thread; the window stays usable; errors give one dialog.

``gui.main.loading.load_data`` is replaced here by a wrapper that records the thread and can hold the load
back until the test lets it go, so a load is observed while it is still running.
"""

from __future__ import annotations

import multiprocessing
import threading

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from test_gui_window import TIMEOUT_MS, on_screen, open_and_wait, press

from engine.em import HalfStep
from engine.io.tables import load_data
from gui.main import exports, loading


@pytest.fixture
def app(restored_app):
    """One window for the module's tests, taken back to the demo data at EM's start after each (``restored_app``)."""
    return restored_app


def _write_csv(path, n_rows: int = 60, seed: int = 0) -> None:
    X = np.random.default_rng(seed).normal(size=(n_rows, 2)).tolist()
    path.write_text("u,v\n" + "\n".join(f"{x!r},{y!r}" for x, y in X) + "\n")


class HeldLoads:
    """Stands in for ``load_data`` in the job: records each load's thread, and holds back loads of ``held`` files."""

    def __init__(self, *held: str) -> None:
        self.held = set(held)
        self.release = threading.Event()
        self.on_main_thread: list[bool] = []

    def __call__(self, path, *args, **kwargs):
        self.on_main_thread.append(threading.current_thread() is threading.main_thread())
        if str(path) in self.held:
            assert self.release.wait(TIMEOUT_MS / 1000), "the test never let the load go"
        return load_data(path, *args, **kwargs)


@pytest.fixture
def held_loads(monkeypatch):
    """Makes the ``HeldLoads`` that stands in for ``load_data``; lets every held load go at the end, so a failed
    test does not leave a job waiting while the window closes."""
    made: list[HeldLoads] = []

    def make(*held: str) -> HeldLoads:
        loads = HeldLoads(*held)
        made.append(loads)
        monkeypatch.setattr(loading, "load_data", loads)
        return loads

    yield make
    for loads in made:
        loads.release.set()


def test_a_file_loads_on_another_thread_while_the_window_stays_usable(app, held_loads, qtbot, tmp_path, messages):
    window, controller = app
    path = tmp_path / "points.csv"
    _write_csv(path)
    loads = held_loads(str(path))
    controller.open_path(str(path))
    qtbot.waitUntil(lambda: bool(loads.on_main_thread), timeout=TIMEOUT_MS)  # the job is loading
    assert controller.sources.is_loading()
    assert QApplication.overrideCursor().shape() == Qt.CursorShape.BusyCursor
    # Meanwhile EM takes a step on the data on screen and it is drawn.
    press(qtbot, window, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.E, 1), timeout=TIMEOUT_MS)
    assert controller.sources.is_loading() and controller.dataset.source == "preset:three-blobs"
    with qtbot.waitSignal(controller.io_finished, timeout=TIMEOUT_MS):
        loads.release.set()
    assert loads.on_main_thread == [False]
    assert controller.dataset.source == str(path) and not controller.sources.is_loading()
    assert QApplication.overrideCursor() is None and not messages


@pytest.mark.parametrize("stale", ["loads", "fails"])
@pytest.mark.parametrize("newer", ["file", "preset"])
def test_a_load_replaced_by_newer_data_is_ignored(app, held_loads, qtbot, tmp_path, messages, stale, newer):
    window, controller = app
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    _write_csv(new, seed=1)
    if stale == "loads":
        _write_csv(old)
    else:
        old.write_text("u,v\n1,2\n3,oops\n")
    loads = held_loads(str(old))
    finished = []
    controller.io_finished.connect(lambda: finished.append(True))
    controller.open_path(str(old))
    qtbot.waitUntil(lambda: bool(loads.on_main_thread), timeout=TIMEOUT_MS)
    if newer == "file":
        open_and_wait(qtbot, controller, new)
        expected, jobs = str(new), 2
    else:
        window.data_panel.generate.click()  # a small preset: generated at once
        expected, jobs = "preset:three-blobs", 1
    shown = controller.dataset
    assert shown.source == expected and not controller.sources.is_loading()
    loads.release.set()
    qtbot.waitUntil(lambda: len(finished) == jobs, timeout=TIMEOUT_MS)  # the old job has ended too
    assert controller.dataset is shown
    assert not messages  # nor does a replaced load's error reach a dialog
    assert str(old) not in controller.settings.recent_files()
    assert QApplication.overrideCursor() is None


def test_a_late_answer_of_a_replaced_load_reaches_nothing(app, held_loads, qtbot, tmp_path, messages):
    """The job layer drops a replaced load's answers before they reach the data sources; should one still arrive
    (its job id no longer the current job's), the sources drop it themselves: nothing shown, no dialog, and the
    current load still running, busy cursor and all, until its own answer."""
    window, controller = app
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    _write_csv(old)
    _write_csv(new, seed=1)
    loads = held_loads(str(old), str(new))
    sources = controller.sources
    controller.open_path(str(old))
    replaced = sources._current.job_id
    controller.open_path(str(new))
    assert sources._current.job_id != replaced
    shown = controller.dataset
    late = load_data(old)
    sources._on_returned(replaced, late)  # as if the replaced job's answers came after all
    sources._on_errored(replaced, "the replaced load failed")
    sources._on_finished(replaced)
    QApplication.processEvents()
    assert controller.dataset is shown and not messages
    assert sources.is_loading() and QApplication.overrideCursor().shape() == Qt.CursorShape.BusyCursor
    with qtbot.waitSignal(controller.io_finished, timeout=TIMEOUT_MS):
        loads.release.set()
    qtbot.waitUntil(lambda: controller.dataset.source == str(new), timeout=TIMEOUT_MS)
    assert not sources.is_loading() and QApplication.overrideCursor() is None and not messages


def test_a_large_text_file_is_parsed_in_a_child_process(app, held_loads, qtbot, tmp_path, monkeypatch, messages):
    window, controller = app
    path, broken = tmp_path / "points.csv", tmp_path / "broken.csv"
    _write_csv(path, n_rows=500)
    broken.write_text("u,v\n1,2\n3,oops\n")
    monkeypatch.setattr(loading, "CHILD_PROCESS_MIN_BYTES", 1)
    loads = held_loads()  # in this process only: the child has its own load_data
    open_and_wait(qtbot, controller, path)
    assert loads.on_main_thread == []  # nothing was parsed here
    expected = load_data(path)
    np.testing.assert_array_equal(controller.dataset.X, expected.X)
    assert controller.dataset.feature_names == ("u", "v") and controller.dataset.source == str(path)
    open_and_wait(qtbot, controller, broken)
    assert len(messages) == 1 and "line 3" in messages[0][1] and "oops" in messages[0][1]
    assert controller.dataset.source == str(path)


def test_an_aborted_load_ends_its_child_process(tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    # 200,000 rows, as 200 copies of 1,000 (the child is stopped long before it parses them all): writing as
    # many distinct rows cost this test most of its time.
    rows = "\n".join(f"{x!r},{y!r}" for x, y in np.random.default_rng(0).normal(size=(1000, 2)).tolist())
    path.write_text("u,v\n" + (rows + "\n") * 200)
    monkeypatch.setattr(loading, "CHILD_PROCESS_MIN_BYTES", 1)
    job = loading.load_dataset(str(path))
    assert next(job) is None  # the child is still parsing (starting it alone takes longer than a poll)
    assert multiprocessing.active_children()
    job.close()  # what the worker does on abort
    assert not multiprocessing.active_children()


def test_exports_write_on_another_thread_and_report_errors(app, qtbot, tmp_path, monkeypatch, messages):
    window, controller = app
    threads = []
    real_save_labels = exports.save_labels

    def recording_save_labels(path, resp):
        threads.append(threading.current_thread() is threading.main_thread())
        real_save_labels(path, resp)

    monkeypatch.setattr(exports, "save_labels", recording_save_labels)
    target = tmp_path / "labels.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), "")))
    with qtbot.waitSignal(controller.io_finished, timeout=TIMEOUT_MS):
        window.export_labels_action.trigger()
    assert threads == [False] and target.exists() and not messages
    missing = tmp_path / "no such folder" / "labels.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(missing), "")))
    with qtbot.waitSignal(controller.io_finished, timeout=TIMEOUT_MS):
        window.export_labels_action.trigger()
    assert len(messages) == 1 and messages[0][0] == "Cannot export the labels"
    assert QApplication.overrideCursor() is None
