"""CPU time of opening the main window: built, shown, its first frame drawn, closed.

Run from the repository's root (no screen needed):

    python benchmarks/window_start.py [--windows 15] [--profile]

Each window is what a window test makes: ``gui.app.create_window`` with throw-away settings, ``show()``, events
processed until the demo's run is paused, settled and its first frame drawn, then closed and deleted (with the
cycle collection the tests do between tests). The offscreen screen is the tests' (1600 x 1000,
``tests/conftest.py``). It prints the median and the least CPU time (user + system of the whole process,
``time.process_time``) per window, and where it went: building (``create_window``), ``show()``, the events up to
the first frame, closing. CPU time, not wall time, so other work on the machine disturbs it less; a loaded
machine still adds some (caches, memory bandwidth): compare runs taken under the same load. ``--profile`` prints
cProfile's 40 most expensive calls (cumulative) over the windows instead.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
_screen = Path(tempfile.mkdtemp()) / "screen.json"
_screen.write_text(json.dumps({"screens": [{"name": "bench", "x": 0, "y": 0, "width": 1600, "height": 1000,
                                            "logicalDpi": 96, "dpr": 1}]}))
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_screen}")

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.app import create_window  # noqa: E402
from gui.collector import collect_now_if_due, collect_on_main_thread  # noqa: E402
from gui.main.session import RunState  # noqa: E402
from gui.settings import Settings  # noqa: E402

TIMEOUT_S = 60.0
PHASES = ("build", "show", "first frame", "close")


def open_one(app: QApplication, settings_path: str) -> dict[str, float]:
    """Open, show and close one window; the CPU seconds of each phase."""
    marks = [time.process_time()]
    window, controller = create_window(Settings(QSettings(settings_path, QSettings.Format.IniFormat)))
    marks.append(time.process_time())
    window.show()
    marks.append(time.process_time())
    deadline = time.monotonic() + TIMEOUT_S
    while not (controller.state is RunState.PAUSED and controller.is_settled() and controller.shown is not None):
        app.processEvents()
        if time.monotonic() > deadline:
            raise SystemExit("the window's first frame did not come")
    marks.append(time.process_time())
    window.close()
    window.deleteLater()
    app.processEvents()
    QCoreApplication.sendPostedEvents(None, 0)  # the deferred deletes
    app.processEvents()
    collect_now_if_due()
    marks.append(time.process_time())
    return {phase: end - start for phase, start, end in zip(PHASES, marks[:-1], marks[1:], strict=True)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--windows", type=int, default=15)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    collect_on_main_thread()
    settings_path = str(Path(tempfile.mkdtemp()) / "settings.ini")
    open_one(app, settings_path)  # the first window pays for imports, fonts and caches
    if args.profile:
        profile = cProfile.Profile(time.process_time)
        profile.enable()
        for _ in range(args.windows):
            open_one(app, settings_path)
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
        return
    runs = [open_one(app, settings_path) for _ in range(args.windows)]
    totals = [sum(run.values()) for run in runs]
    print(f"{args.windows} windows, CPU ms per window: median {statistics.median(totals) * 1000:.1f}, "
          f"least {min(totals) * 1000:.1f}")
    for phase in PHASES:
        print(f"  {phase:12s} median {statistics.median(run[phase] for run in runs) * 1000:6.1f}")


if __name__ == "__main__":
    main()
