"""How long the window takes to turn one EM snapshot into pixels, and how long EM work stalls the main thread.

Run from the repository's root (no screen needed):

    python benchmarks/gui_refresh.py [--sizes 1000 10000 100000 1000000] [--components 8]

For each N it builds the real window and controller (with throw-away settings), loads N points of the
``random`` preset with K = 8, and takes real snapshots from ``engine.em.iterate_em``. "update" is the
controller's draw of one snapshot (canvas items, legend, convergence plot, status bar), "grab" is
``QWidget.grab()`` of the data view (900 x 700 plot area), which makes Qt paint it. Then a live fit runs
on the worker thread while a 5 ms timer on the main thread records the longest gap between its ticks:
"stall" is that gap, the longest the window could not respond (drawing included).
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

from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from engine.config import FitConfig  # noqa: E402
from engine.em import iterate_em  # noqa: E402
from engine.presets import generate  # noqa: E402
from gui.app import create_window  # noqa: E402
from gui.main.fit_worker import FitProgress  # noqa: E402
from gui.settings import Settings  # noqa: E402

REPEATS = 12


def _process_events(app: QApplication, milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def measure_refresh(app, window, controller, n_samples: int, n_components: int) -> tuple[list[float], list[float]]:
    """Milliseconds to draw one snapshot, and to grab the view, for ``REPEATS`` real snapshots."""
    dataset = generate("random", n=n_samples, k=n_components, d=2, seed=0)
    window.model_panel.n_components.setValue(n_components)
    controller._set_dataset(dataset, f"random n={n_samples}", reset=False)
    controller._stop_active()
    config = FitConfig(n_components, tol=0.0, max_iter=REPEATS, seed=0)
    controller.session.config = config
    snapshots = [s for s in iterate_em(dataset.X, config, view_indices=controller.session.view_indices)
                 if s.labels is not None][:REPEATS]
    view = window.current_view()
    controller._draw(FitProgress(snapshots[0], 1.0))  # first draw makes the items
    view.grab()
    update_ms, grab_ms = [], []
    for snapshot in snapshots:
        started = time.perf_counter()
        controller._draw(FitProgress(snapshot, 1.0))
        drawn = time.perf_counter()
        view.grab()
        done = time.perf_counter()
        update_ms.append(1000 * (drawn - started))
        grab_ms.append(1000 * (done - drawn))
    return update_ms, grab_ms


def measure_stall(app, window, controller, seconds: float) -> tuple[float, int]:
    """Longest gap (ms) between 5 ms timer ticks on the main thread during a live fit, and iterations done."""
    window.model_panel.tol.setValue(0.0)
    window.model_panel.max_iter.setValue(10_000)
    controller._settings_timer.stop()
    ticks = QElapsedTimer()
    ticks.start()
    gaps = [0]
    last = [0]

    def tick() -> None:
        now = ticks.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    controller._start_run(None)
    last[0] = ticks.elapsed()
    timer.start()
    _process_events(app, int(seconds * 1000))
    timer.stop()
    iterations = controller.shown.snapshot.iteration if controller.shown is not None else 0
    controller._stop_active()
    controller.shutdown(60_000)
    return float(max(gaps)), iterations


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000, 1_000_000])
    parser.add_argument("--components", type=int, default=8)
    parser.add_argument("--stall-seconds", type=float, default=3.0)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(QSettings(os.path.join(folder, "settings.ini"), QSettings.Format.IniFormat))
        window, controller = create_window(settings)
        window.resize(1300, 1000)
        window.show()
        window.main_splitter.setSizes([300, 1000])
        window.right_splitter.setSizes([760, 240])
        _process_events(app, 200)
        plot = window.canvas.plot.getViewBox().sceneBoundingRect()
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        print(f"offscreen, K = {args.components}, plot area {plot.width():.0f} x {plot.height():.0f} px, "
              f"median (max) of {REPEATS} snapshots; {os.cpu_count()} cores, load average {load}")
        print(f"{'N':>9} | {'path':>7} | {'update ms':>14} | {'grab ms':>14} | {'total ms':>14} | "
              f"{'stall ms':>8} | {'iterations':>10}")
        print("-" * 95)
        for n_samples in args.sizes:
            update_ms, grab_ms = measure_refresh(app, window, controller, n_samples, args.components)
            total_ms = [u + g for u, g in zip(update_ms, grab_ms, strict=True)]
            path = "raster" if window.canvas.uses_raster() else "scatter"
            stall_ms, iterations = measure_stall(app, window, controller, args.stall_seconds)
            cells = [f"{statistics.median(v):6.1f} ({max(v):5.1f})" for v in (update_ms, grab_ms, total_ms)]
            print(f"{n_samples:>9} | {path:>7} | {cells[0]:>14} | {cells[1]:>14} | {cells[2]:>14} | "
                  f"{stall_ms:8.0f} | {iterations:>10}")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
