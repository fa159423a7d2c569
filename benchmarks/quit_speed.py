"""How long the window's process takes to end once its windows close, while the Image window still works.

Run from the repository's root (no screen needed):

    python benchmarks/quit_speed.py [--width 3000] [--height 2000] [--repeats 3]

Each run is a real child process, ``gui.app.main`` on a generated picture of ``--width`` x ``--height``
pixels (6 megapixels by default) with throw-away settings (a temporary HOME). A driver in the child opens
the picture in the Image window, does what the case says, prints ``closing`` and closes the Image window
and the main window; the parent times from that line to the process's end. The robust start
(``prepare_fit``) is one engine call that cannot be stopped midway: quitting must not wait for it.

Cases:

idle        nothing running (the cost of ending the process itself)
segmenting  Segment, then close while the job is inside the robust start (on the default sample of pixels)
all-pixels  the same, fitting every pixel (Sample size 0): a robust start of several seconds
clicks      30 Segment/Stop clicks as fast as the event loop takes them, then close
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

from gui.image.exports import save_picture  # noqa: E402

TIMEOUT_S = 300.0

CHILD = """
import sys, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from gui import app as gui_app
from gui.image import worker
from gui.image.window import ImageView
from gui.main.window import MainWindow

CASE = sys.argv.pop(1)
inside = threading.Event()
real_prepare_fit = worker.prepare_fit


def watched_prepare_fit(*args, **kwargs):
    inside.set()
    return real_prepare_fit(*args, **kwargs)


worker.prepare_fit = watched_prepare_fit
application = QApplication(["gmm-explorer"])
step = {"clicked": False}


def close(view):
    timer.stop()
    print("closing", flush=True)
    view.close()
    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow):
            window.close()


def drive():
    views = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImageView) and w.isVisible()]
    if not views or not views[0].windowTitle().endswith(".png"):
        return
    view = views[0]
    if CASE == "idle":
        close(view)
    elif CASE == "clicks":
        for _ in range(30):
            view.run_button.click()
            view.stop_button.click()
        close(view)
    elif not step["clicked"] and view.run_button.isEnabled():
        if CASE == "all-pixels":
            view.sample_size.setValue(0)
        view.run_button.click()
        step["clicked"] = True
    elif step["clicked"] and inside.wait(0.01):
        close(view)


timer = QTimer()
timer.timeout.connect(drive)
timer.start(50)
sys.exit(gui_app.main(sys.argv[1:]))
"""


def quit_seconds(case: str, picture: Path, home: Path) -> tuple[float, int]:
    """Seconds from the driver's ``closing`` to the child's end, and its exit status."""
    environment = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
                   "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, "-c", CHILD, case, str(picture)], cwd=ROOT, env=environment,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    deadline = time.monotonic() + TIMEOUT_S
    for line in child.stdout:
        if line.strip() == "closing":
            break
    closed = time.monotonic()
    child.wait(max(1.0, deadline - time.monotonic()))
    return time.monotonic() - closed, child.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--width", type=int, default=3000)
    parser.add_argument("--height", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        picture = Path(folder) / "large.png"
        rows, columns = np.mgrid[0:args.height, 0:args.width]
        noise = np.random.default_rng(0).integers(0, 24, size=(args.height, args.width, 3))
        pixels = np.stack([rows * 200 // args.height, columns * 200 // args.width, (rows + columns) % 200], axis=-1)
        save_picture(picture, (pixels + noise).astype(np.uint8))
        print(f"picture: {args.width} x {args.height} pixels; seconds from closing the windows to the process's end")
        print(f"{'case':<12} {'median':>8} {'max':>8}  exit statuses")
        for case in ("idle", "segmenting", "all-pixels", "clicks"):
            results = [quit_seconds(case, picture, Path(folder) / f"home-{case}-{run}") for run in range(args.repeats)]
            seconds = [s for s, _ in results]
            print(f"{case:<12} {statistics.median(seconds):8.2f} {max(seconds):8.2f}  "
                  f"{sorted({status for _, status in results})}")


if __name__ == "__main__":
    main()
