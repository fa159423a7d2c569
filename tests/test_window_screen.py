"""Issue 13: the main window fits the screen it opens on (down to 1280 x 720), keeps a saved layout on it, and
leaves the data view at least half its width.

The screen sizes are real offscreen screens (``QT_QPA_PLATFORM=offscreen:configfile=...``), so each size runs
in a process of its own, forked (``forked.ForkParent``, the session's ``window_forks``) from a parent that has
imported what a window process imports first and made no QApplication: each child makes its own, on its own
screen. A child ends with ``os._exit`` once it has printed what it measured and its window has saved the settings
and stopped its jobs: Python's own finalization (0.15 CPU-seconds, most of it collecting garbage) measures nothing
here. (The real window process's exit is test_window_process's.)
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from forked import ForkParent

from gui.main.screen_fit import CONVERGENCE_MIN_HEIGHT

pytestmark = pytest.mark.slow  # real processes: run first (see tests/conftest.py)

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import json, os, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.app import create_window
from gui.settings import Settings
settings = Settings(QSettings(sys.argv[1], QSettings.Format.IniFormat))
window, controller = create_window(settings)
window.show()
app.processEvents()
area = app.primaryScreen().availableGeometry()
frame = window.frameGeometry()
view = window.current_view()
print(json.dumps({"area": [area.x(), area.y(), area.width(), area.height()],
                  "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
                  "window_width": window.width(), "view_width": view.width(),
                  "convergence_bottom": window.convergence.mapTo(window, window.convergence.rect().bottomLeft()).y(),
                  "status_bottom": window.statusBar().geometry().bottom(), "height": window.height(),
                  "convergence_height": window.convergence.height(),
                  "scipy": sorted(m for m in ("scipy.special", "scipy.optimize", "scipy.stats") if m in sys.modules)}))
window.close()
assert controller.shutdown(2000)
sys.stdout.flush()
os._exit(0)
"""


@pytest.fixture
def window_parent(window_forks) -> ForkParent:
    return window_forks


def open_on_screen(window_parent: ForkParent, tmp_path: Path, width: int, height: int, settings_file: Path) -> dict:
    config = tmp_path / f"screen{width}x{height}.json"
    config.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(ROOT)}
    outputs = tmp_path / f"stdout{width}x{height}.txt", tmp_path / f"stderr{width}x{height}.txt"
    child = window_parent.start([settings_file], env, outputs, code=SCRIPT)
    try:
        stdout, stderr = child.communicate(timeout=120)
    finally:
        child.kill()  # only if it is still running: a window left behind by a failed test
    assert child.returncode == 0, stderr
    return json.loads(stdout.strip().splitlines()[-1])


def inside(frame: list[int], area: list[int]) -> bool:
    return (frame[0] >= area[0] and frame[1] >= area[1] and frame[0] + frame[2] <= area[0] + area[2]
            and frame[1] + frame[3] <= area[1] + area[3])


def fits(shown: dict) -> None:
    """The whole window on the screen, the data view at least half its width, the convergence plot above the
    status bar."""
    assert inside(shown["frame"], shown["area"]), shown
    assert shown["view_width"] >= shown["window_width"] / 2, shown
    assert shown["convergence_bottom"] <= shown["status_bottom"] <= shown["height"], shown
    # The convergence plot keeps the height its two plots need; the data view gives way (it once lost a fifth of
    # it on a small screen, and the tick labels ran into each other).
    assert shown["convergence_height"] >= CONVERGENCE_MIN_HEIGHT, shown


def test_the_window_fits_a_small_screen_and_the_data_view_keeps_half_of_it(window_parent, tmp_path):
    shown = open_on_screen(window_parent, tmp_path, 1366, 768, tmp_path / "settings.ini")
    fits(shown)
    # And it opened without scipy's special functions, optimisers or distributions (0.2 s or more each to
    # import): the lessons and the true-labels agreement import them when first used.
    assert shown["scipy"] == []


def test_a_layout_saved_on_a_large_screen_is_kept_on_a_small_one(window_parent, tmp_path):
    """First launch on 1920 x 1080, then the same settings on 1280 x 720 (the smallest screen we support)."""
    settings = tmp_path / "settings.ini"
    large = open_on_screen(window_parent, tmp_path, 1920, 1080, settings)
    assert large["frame"][2] > 1280  # the preferred size, saved on closing
    assert "geometry=" in settings.read_text()  # saved before the child's os._exit: what the small screen gets
    fits(open_on_screen(window_parent, tmp_path, 1280, 720, settings))


def test_keep_on_screen_shrinks_and_moves_a_window_onto_a_smaller_area(qtbot):
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QMainWindow

    from gui.main.screen_fit import first_size, keep_on_screen

    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.move(600, 400)
    area = QRect(0, 0, 1280, 720)
    keep_on_screen(window, area)
    assert area.contains(window.frameGeometry())
    assert first_size(area).width() <= 1280 and first_size(QRect(0, 0, 2560, 1440)).width() == 1400
