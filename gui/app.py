"""Start the window: ``main(argv)`` makes the application, the window and its controller, then runs Qt."""

from __future__ import annotations

import sys

import pyqtgraph as pg
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from gui.main.controller import SHUTDOWN_TIMEOUT_MS, Controller
from gui.main.window import MainWindow
from gui.settings import Settings

ORGANIZATION = "GMM Explorer"
APPLICATION = "GMM Explorer"
#: How soon (seconds) a thread holding Python's GIL must hand it over to another that waits for it (CPython's
#: default is 5 ms). The window's main thread competes with the fit's and the loaders' threads for the GIL, and
#: every numpy call it makes may end in such a wait: with 5 ms, laying out a million points while EM starts took
#: 60-120 ms instead of 25-35 ms (benchmarks/open_speed.py).
GIL_SWITCH_INTERVAL_S = 0.001


def create_window(settings: Settings, path: str | None = None) -> tuple[MainWindow, Controller]:
    """The main window and its controller, showing the demo data (and ``path``, if given).

    Also shortens the interpreter's GIL switch interval to ``GIL_SWITCH_INTERVAL_S`` for the whole process.
    """
    sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL_S))
    pg.setConfigOptions(antialias=False, foreground=(40, 40, 40))
    window = MainWindow()
    controller = Controller(window, settings)
    controller.start(path)
    return window, controller


def main(argv: list[str]) -> int:
    """Run the window; ``argv[0]``, if given, is a data file (CSV, NPY) or a model (JSON) to open."""
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "gmm-explorer"])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    window, controller = create_window(Settings(QSettings()), argv[0] if argv else None)
    window.show()
    window.raise_()
    window.activateWindow()  # keys work at once (without a window manager, nothing else gives the focus)
    status = app.exec()
    controller.shutdown(SHUTDOWN_TIMEOUT_MS)  # normally done on close already; covers other exits
    return status
