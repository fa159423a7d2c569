"""Draw only the newest update, and never faster than the screen can take: the window's frame throttle.

Workers send snapshots far faster than a person can see (a small fit runs thousands of half-steps a
second). ``FrameThrottle`` keeps only the newest submitted item and draws it from a single-shot timer:
at most every ``min_interval_ms``, and after a frame that took longer to draw and paint, only after as
long as that frame took (up to ``max_interval_ms``), so a slow screen drops frames instead of building a
queue and the window stays responsive. This is napari's "drop frames on purpose" and superqt's "the
latest call wins".
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

#: Shortest time between two frames, in milliseconds (at most ~60 a second).
MIN_INTERVAL_MS = 16
#: Longest wait between two frames, in milliseconds.
MAX_INTERVAL_MS = 200


class FrameThrottle(QObject):
    """Calls ``draw(item)`` with the newest submitted item, at most once per interval.

    Parameters
    ----------
    draw : callable (item) -> None
        Draws one item on the main thread.
    min_interval_ms, max_interval_ms : int
        Bounds of the interval, which follows the cost of the previous frame (draw plus paint).
    parent : QObject, optional

    Attributes
    ----------
    frame_started, frame_painted : callable () -> None, or None
        Called just before a frame is drawn, and once the paint events it caused were handled (a worker
        can hold back while the window paints; see ``gui.main.fit_worker.RunControl``).
    """

    def __init__(self, draw: Callable[[Any], None], min_interval_ms: int = MIN_INTERVAL_MS,
                 max_interval_ms: int = MAX_INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._draw = draw
        self._min = int(min_interval_ms)
        self._max = int(max_interval_ms)
        self._pending: tuple[Any] | None = None
        self.frame_started: Callable[[], None] | None = None
        self.frame_painted: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self._min)
        self._timer.timeout.connect(self._on_timeout)

    @property
    def has_pending(self) -> bool:
        """True while a submitted item waits to be drawn."""
        return self._pending is not None

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def submit(self, item: Any) -> None:
        """Draw ``item`` at the next frame, replacing any item still waiting."""
        self._pending = (item,)
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Draw the waiting item now (if any)."""
        self._timer.stop()
        self._on_timeout()

    def clear(self) -> None:
        """Forget the waiting item (a replaced run's snapshot, say) and stop the timer."""
        self._pending = None
        self._timer.stop()

    def _on_timeout(self) -> None:
        pending, self._pending = self._pending, None
        if pending is None:
            return
        started_hook, painted_hook = self.frame_started, self.frame_painted
        if started_hook is not None:
            started_hook()
        started = time.perf_counter()
        self._draw(pending[0])
        # A zero timer fires once the paint events the draw caused have been handled.
        QTimer.singleShot(0, self, lambda: self._on_painted(started, painted_hook))

    def _on_painted(self, started: float, painted_hook: Callable[[], None] | None) -> None:
        if painted_hook is not None:
            painted_hook()
        cost_ms = 1000.0 * (time.perf_counter() - started)
        self._timer.setInterval(int(min(self._max, max(self._min, cost_ms))))
