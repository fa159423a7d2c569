"""Python's cyclic garbage collected on the main thread only.

Python runs its cycle collector in whichever thread happens to allocate when a threshold is crossed. When
that is a worker thread (an EM job, a picture's segmentation) and the garbage holds Qt objects made on the
main thread (a closed dialog's menus and actions, a replaced view), their destructors run on the worker:
each one locks its QObject's mutex and then waits for the GIL, while the main thread holds the GIL and waits
for that mutex. The window froze for good that way (seen once in the test suite: a segmentation's M-step
collected a previous window's menu). pyqtgraph's ``GarbageCollector`` turns automatic collection off and
collects on a timer of the main thread instead, with Python's own thresholds; ``collect_now_if_due`` does the
same check at a moment the caller chooses (the tests call it between tests, where no event loop runs).

Both checks turn automatic collection off again when a library has turned it back on: dask's ``disable_gc``
decorator (on dask.array's slicing) remembers at import that collection was on and turns it on after every
call. The test suite then hung for good: a later test's window, in the middle of a Qt ``disconnect`` that
holds Qt's connection mutex, allocated, and the collector Python started there destroyed an old menu, whose
destructor waited for that same mutex.
"""

from __future__ import annotations

import gc

from pyqtgraph.util.garbage_collector import GarbageCollector

#: How often (seconds) the main thread looks whether a collection is due.
INTERVAL_S = 1.0


class MainThreadCollector(GarbageCollector):
    """pyqtgraph's ``GarbageCollector``, keeping automatic collection off whoever turned it on."""

    def check(self) -> None:
        gc.disable()
        super().check()


_collector: MainThreadCollector | None = None


def collect_on_main_thread() -> MainThreadCollector:
    """Turn Python's automatic cycle collection off and collect on a main-thread timer instead (once per
    process; call it on the main thread, with a ``QApplication``)."""
    global _collector
    if _collector is None:
        _collector = MainThreadCollector(interval=INTERVAL_S)
    return _collector


def collect_now_if_due() -> None:
    """Collect the generations whose thresholds are crossed, as the automatic collector would (main thread)."""
    if _collector is not None:
        _collector.check()


__all__ = ["INTERVAL_S", "MainThreadCollector", "collect_now_if_due", "collect_on_main_thread"]
