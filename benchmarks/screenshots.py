"""Regenerate the README's screenshots of the window into resources/screenshots/ (no screen needed).

    python benchmarks/screenshots.py [--out resources/screenshots]

Each picture drives the real window through its controls (throw-away settings, fixed seeds) and grabs
it offscreen:

running.png      three-blobs from random responsibilities, paused mid-fit, density contours on
one_d.png        the two-1d preset fitted: histogram, weighted component densities and the mixture
projection.png   a 4-D data set on its first two principal components, with the density as a heat map
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from engine.em import HalfStep  # noqa: E402
from gui.app import create_window  # noqa: E402
from gui.main.controller import Controller, RunState  # noqa: E402
from gui.main.window import MainWindow  # noqa: E402
from gui.panels.display import DensityMode  # noqa: E402
from gui.settings import Settings  # noqa: E402

WINDOW_SIZE = (1400, 900)
#: Pictures are scaled to this width, which keeps each PNG well under 300 KB.
PICTURE_WIDTH = 1120


def wait_until(app: QApplication, predicate, timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")
        app.processEvents()
        time.sleep(0.002)


def paused_at(controller: Controller, iteration: int, half_step: HalfStep) -> bool:
    shown = controller.shown
    return (controller.state is RunState.PAUSED and shown is not None and controller.is_settled()
            and shown.snapshot.iteration == iteration and shown.snapshot.half_step is half_step)


def step_to(app: QApplication, window: MainWindow, controller: Controller, iteration: int) -> None:
    """Press Step until EM is paused after the M-step of ``iteration``."""
    wait_until(app, lambda: controller.state is RunState.PAUSED and controller.is_settled()
               and controller.shown is not None)
    while controller.shown.snapshot.iteration < iteration and not controller.shown.snapshot.done:
        current = controller.shown.snapshot.iteration
        window.step_action.trigger()
        wait_until(app, lambda current=current: controller.is_settled() and (
            paused_at(controller, current + 1, HalfStep.M) or controller.state is RunState.FINISHED))


def set_density(window: MainWindow, mode: DensityMode) -> None:
    window.display_panel.density.setCurrentIndex(window.display_panel.density.findData(mode.value))


def save(app: QApplication, window: MainWindow, path: Path) -> None:
    for _ in range(5):
        app.processEvents()
    picture = window.grab().scaledToWidth(PICTURE_WIDTH, Qt.TransformationMode.SmoothTransformation)
    if not picture.save(str(path), "PNG"):
        raise OSError(f"cannot write {path}")
    print(f"{path}  {path.stat().st_size // 1024} KB")


def shoot(app: QApplication, settings: Settings, out: Path) -> None:
    window, controller = create_window(settings)
    window.resize(*WINDOW_SIZE)
    window.show()
    model = window.model_panel

    # A fit in progress: random starting responsibilities take a while to separate the blobs.
    model.n_components.setValue(3)
    model.init.setCurrentIndex(model.init.findData("random"))
    set_density(window, DensityMode.CONTOURS)
    window.reset_action.trigger()
    step_to(app, window, controller, 5)
    window.e_step_action.trigger()
    wait_until(app, lambda: paused_at(controller, 6, HalfStep.E))
    save(app, window, out / "running.png")

    # 1-D: the two-1d preset, fitted to convergence.
    set_density(window, DensityMode.NONE)
    model.init.setCurrentIndex(model.init.findData("kmeans++"))
    model.n_components.setValue(2)
    data = window.data_panel
    data.preset.setCurrentIndex(data.preset.findData("two-1d"))
    data.n_samples.setValue(1000)
    data.generate.click()
    wait_until(app, lambda: controller.state is RunState.PAUSED)
    window.run_pause_action.trigger()
    wait_until(app, lambda: controller.state is RunState.FINISHED and controller.is_settled())
    save(app, window, out / "one_d.png")

    # More than two features: the random preset in 4-D, on its principal components.
    data.preset.setCurrentIndex(data.preset.findData("random"))
    data.n_samples.setValue(3000)
    data.k_true.setValue(4)
    data.d_true.setValue(4)
    data.seed.setValue(3)
    model.n_components.setValue(4)
    data.plane.setCurrentIndex(data.plane.findData("pca"))
    set_density(window, DensityMode.HEAT_MAP)
    data.generate.click()
    window.step_action.trigger()
    wait_until(app, lambda: paused_at(controller, 1, HalfStep.M))
    step_to(app, window, controller, 4)
    save(app, window, out / "projection.png")
    window.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        shoot(app, Settings(QSettings(os.path.join(folder, "settings.ini"), QSettings.Format.IniFormat)), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
