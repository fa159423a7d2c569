"""How long the main thread goes unserved while the window opens a large data file.

Run from the repository's root (no screen needed):

    python benchmarks/open_speed.py [--rows 1000000] [--repeats 3]

It writes a CSV of ``--rows`` x 2 random points (and the same points as ``.npy``) to a temporary folder,
builds the real window and controller (throw-away settings) and opens the file in several ways while a
5 ms timer on the main thread records the gaps between its ticks. "read" runs from the request to the data set
reaching the window's session, "show" on to the starting parameters drawn (the window's own work with the
new data, and the first snapshot of the run it starts, whose initialisation runs on the fit's thread). The
longest gap is the longest the window could not respond (repaint, take a key press) in that span; the
timer's own 5 ms are included. On a machine shared with other work, the operating system's scheduling adds
gaps of its own: read the medians, and the maxima as what a busy machine can add.

Ways of opening:

first       as "child", but the first large data set this process shows (fresh memory, first raster layout)
before      ``engine.io.tables.load_data`` on the main thread, as the window did before it used jobs
thread      the load job with the parse on the job's thread (numpy's text parser holds Python's GIL)
child       the load job as the window does it: a text file this large is parsed in a child process
npy         the load job on the ``.npy`` file (read on the job's thread; nothing to parse)
idle        nothing at all for 2 s: the gaps the machine itself adds (other processes, the OS scheduler)
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from engine.io.tables import load_data  # noqa: E402
from gui.app import create_window  # noqa: E402
from gui.main import loading  # noqa: E402
from gui.main.session import RunState  # noqa: E402
from gui.settings import Settings  # noqa: E402

TICK_MS = 5
TIMEOUT_S = 300.0


def _process_events(milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


class GapMeter:
    """Records the gaps between the ticks of a ``TICK_MS`` timer on the main thread."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.clock.start()
        self.ticks: list[int] = []
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(lambda: self.ticks.append(self.clock.elapsed()))

    def start(self) -> int:
        self.ticks = [self.clock.elapsed()]
        self._timer.start()
        return self.ticks[0]

    def stop(self) -> None:
        self._timer.stop()

    def longest_gap(self, start_ms: int, end_ms: int) -> int:
        """Longest gap between ticks (and the span's ends) from ``start_ms`` to ``end_ms``."""
        times = [start_ms] + [t for t in self.ticks if start_ms < t < end_ms] + [end_ms]
        return int(max(np.diff(times))) if len(times) > 1 else 0


def open_once(app: QApplication, window, controller, path: Path, way: str, meter: GapMeter) -> tuple[float, int, int]:
    """Open ``path`` one ``way``; returns (read seconds, longest gap while reading ms, longest gap while showing ms).

    "Reading" ends when the data set reaches the session (``Session.set_dataset``), "showing" runs from there to
    the starting parameters drawn: the main thread's own work plus the first snapshot of the new run.
    """
    arrived: list[int] = []
    session = controller.session
    set_dataset = session.set_dataset

    def recording_set_dataset(dataset) -> None:  # runs on the main thread, first thing when data arrives
        arrived.append(meter.clock.elapsed())
        set_dataset(dataset)

    session.set_dataset = recording_set_dataset
    started = meter.start()
    if way == "before":
        # What Controller.open_path did before: everything on the main thread.
        QTimer.singleShot(0, lambda: controller._set_dataset(load_data(str(path)), path.name))
    else:
        controller.open_path(str(path))
    deadline = time.monotonic() + TIMEOUT_S
    while not (arrived and controller.dataset is not None and controller.dataset.source == str(path)
               and controller.shown is not None and controller.state is RunState.PAUSED and controller.is_settled()):
        if time.monotonic() > deadline:
            raise TimeoutError(f"opening {path} ({way}) did not finish")
        app.processEvents()
        time.sleep(0.001)
    _process_events(50)  # the first frame's paint
    opened = meter.clock.elapsed() - 50
    meter.stop()
    del session.set_dataset
    return ((arrived[0] - started) / 1000.0, meter.longest_gap(started, arrived[0]),
            meter.longest_gap(arrived[0], opened))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        X = np.random.default_rng(0).normal(size=(args.rows, 2)) * [3.0, 1.0] + [10.0, -5.0]
        csv_path, npy_path = Path(folder) / "points.csv", Path(folder) / "points.npy"
        np.savetxt(csv_path, X, delimiter=",", header="x,y", comments="", fmt="%.9g")
        np.save(npy_path, X)
        settings = Settings(QSettings(os.path.join(folder, "settings.ini"), QSettings.Format.IniFormat))
        window, controller = create_window(settings)
        window.resize(1300, 1000)
        window.show()
        _process_events(300)
        meter = GapMeter()
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        size_mb = csv_path.stat().st_size / 1e6
        print(f"offscreen, {args.rows:,} rows x 2 ({size_mb:.0f} MB CSV), median (max) of {args.repeats} opens ("
              f"first: one), {TICK_MS} ms timer; {os.cpu_count()} cores, load average {load}")
        print(f"{'way':>7} | {'file':>4} | {'read s':>12} | {'longest gap ms, read':>21} | "
              f"{'longest gap ms, show':>21}")
        print("-" * 79)
        idle = []
        for _ in range(args.repeats):  # the machine's own noise: the same span with nothing to do
            started = meter.start()
            _process_events(2000)
            idle.append(meter.longest_gap(started, meter.clock.elapsed()))
            meter.stop()
        print(f"{'idle':>7} | {'-':>4} | {'2.00':>12} | {f'{statistics.median(idle):.0f} ({max(idle)})':>21} | "
              f"{'-':>21}")
        child_min_bytes = loading.CHILD_PROCESS_MIN_BYTES
        ways = [("first", csv_path, 1)] + [(way, path, args.repeats) for way, path in (
            ("before", csv_path), ("thread", csv_path), ("child", csv_path), ("npy", npy_path))]
        for way, path, repeats in ways:
            loading.CHILD_PROCESS_MIN_BYTES = sys.maxsize if way == "thread" else child_min_bytes
            results = [open_once(app, window, controller, path, "child" if way == "first" else way, meter)
                       for _ in range(repeats)]
            loading.CHILD_PROCESS_MIN_BYTES = child_min_bytes
            seconds, read_gaps, show_gaps = zip(*results, strict=True)
            cells = [f"{statistics.median(seconds):.2f} ({max(seconds):.2f})"]
            cells += [f"{statistics.median(gaps):.0f} ({max(gaps)})" for gaps in (read_gaps, show_gaps)]
            print(f"{way:>7} | {path.suffix[1:]:>4} | {cells[0]:>12} | {cells[1]:>21} | {cells[2]:>21}")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
