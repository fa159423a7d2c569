"""``gui.collector``: Python's cycle collector runs on the main thread only (see its docstring for the deadlock)."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject

from gui.collector import collect_now_if_due, collect_on_main_thread


class _Cycle(QObject):
    """A Qt object in a reference cycle: only the cycle collector frees it."""

    def __init__(self) -> None:
        super().__init__()
        self.me = self


def test_automatic_collection_is_off_and_due_garbage_is_collected_on_the_main_thread(qtbot):
    collector = collect_on_main_thread()
    assert collect_on_main_thread() is collector  # once per process
    assert not gc.isenabled()
    collected_on: list[str] = []
    cycle = _Cycle()
    cycle.destroyed.connect(lambda: collected_on.append(threading.current_thread().name))
    del cycle
    # Automatic collection being off, only the main thread collects, when a collection is due (the timer's
    # check, or between tests):
    kept = [[] for _ in range(gc.get_threshold()[0] + 1)]  # alive: the count stays past the threshold
    collect_now_if_due()
    del kept
    qtbot.waitUntil(lambda: bool(collected_on), timeout=5000)
    assert collected_on == [threading.main_thread().name]


def test_collection_turned_back_on_by_dask_is_turned_off_again(qtbot):
    """dask's ``disable_gc`` decorator (on dask.array's slicing) turns automatic collection on after every call,
    because it was on when dask was imported; a main-thread check turns it off again. (Left on, a later test's
    window hung for good: a collection started inside a Qt ``disconnect`` destroyed an old menu, which waited
    for the mutex that ``disconnect`` held.)"""
    from dask.utils import disable_gc

    collect_on_main_thread()
    gc.enable()
    try:
        sliced = disable_gc()(lambda: None)  # as dask.array.slicing's slice_array, made at import
    finally:
        gc.disable()
    sliced()
    assert gc.isenabled()  # what dask does: the reason for the check
    collect_now_if_due()
    assert not gc.isenabled()
