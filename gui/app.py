"""Start and end the window: ``main(argv)`` makes the application, the window and its controller, runs Qt, and quits.

Quitting never hangs and never aborts. Closing the window (Ctrl+Q, the close button, SIGTERM or SIGINT,
which close it as Quit does) saves the settings and stops every job, waiting for their threads at most
``QUIT_WAIT_MS``. A job can be inside one long engine call that cannot be interrupted (the robust start
of a large picture, a read blocked on a pipe); its thread then outlives that wait, and destroying a
running ``QThread`` would abort the process. So ``main`` then ends the process at once with
``os._exit`` (output flushed, settings already written), without destroying any thread object. Otherwise it
leaves the interpreter's exit little to do (``end_cleanly``).
"""

from __future__ import annotations

import gc
import os
import signal
import socket
import sys

import pyqtgraph as pg
from PySide6.QtCore import QObject, QSettings, QSocketNotifier
from PySide6.QtWidgets import QApplication

from engine.io.atomic import interrupts_held
from gui.choosek.chooser import KChooser
from gui.collector import collect_on_main_thread
from gui.i18n.languages import TRANSLATORS, normalise, resolve, saved_choice
from gui.i18n.switching import LanguageMenu
from gui.lessons.guide import LessonGuide
from gui.main.agreement import AgreementPanel
from gui.main.controller import SHUTDOWN_TIMEOUT_MS, Controller
from gui.main.criteria import FitCriteria
from gui.main.first_run import FirstRun
from gui.main.window import MainWindow
from gui.settings import Settings

ORGANIZATION = "GMM Explorer"
APPLICATION = "GMM Explorer"
#: How soon (seconds) a thread holding Python's GIL must hand it over to another that waits for it (CPython's
#: default is 5 ms). The window's main thread competes with the fit's and the loaders' threads for the GIL, and
#: every numpy call it makes may end in such a wait: with 5 ms, laying out a million points while EM starts took
#: 60-120 ms instead of 25-35 ms (benchmarks/open_speed.py).
GIL_SWITCH_INTERVAL_S = 0.001
#: Longest quitting waits for the jobs' threads before the process ends without them.
QUIT_WAIT_MS = SHUTDOWN_TIMEOUT_MS
#: Signals that close the window as Quit does.
QUIT_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def create_window(settings: Settings, path: str | None = None, teach: bool = False) -> tuple[MainWindow, Controller]:
    """The main window and its controller (with its lessons, ``gui.lessons.guide.LessonGuide``, and Choose K,
    ``gui.choosek.chooser.KChooser``), showing the demo data (and ``path``, if given); ``teach`` gives the first
    launch the demo's moving start at a followable pace (``gui.main.first_run``).

    Also shortens the interpreter's GIL switch interval to ``GIL_SWITCH_INTERVAL_S`` for the whole process.
    """
    sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL_S))
    pg.setConfigOptions(antialias=False, foreground=(40, 40, 40))
    window = MainWindow()
    controller = Controller(window, settings)
    LessonGuide(window, controller)  # the Lessons menu and panel; a child of the controller
    KChooser(window, controller)  # Run > Choose K and its panel; a child of the controller
    FitCriteria(window, controller)  # BIC and AIC of the fit on the canvas, in the status bar
    AgreementPanel(window, controller)  # the fit against true labels; a child of the controller
    window.language_menu = LanguageMenu(window, settings.store)  # before Help; switches the language at once
    # The saved controls and layout, once every dock exists: Qt's restoreState places only the docks it finds
    # (Choose K and True labels made later came back as tabs of Formulas, however they were left). The layout as
    # made is kept first, for View > Restore defaults.
    window.remember_first_layout()
    window.restore_settings(settings)
    controller.first_run = FirstRun(window, controller, settings, teach)  # before the demo's first start
    controller.start(path)
    return window, controller


class QuitSignals(QObject):
    """Closes ``window`` and leaves the event loop when the process gets SIGTERM or SIGINT.

    Python runs its signal handlers only between bytecodes, never while Qt's event loop waits in C++; so
    the handler's only effect is the byte ``signal.set_wakeup_fd`` writes to a socket, which a
    ``QSocketNotifier`` turns into a call on the main thread at once, in any event loop (a dialog's too).
    """

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        super().__init__(app)
        self._app = app
        self._window = window
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {number: signal.signal(number, lambda *_: None) for number in QUIT_SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_signal)

    def _on_signal(self) -> None:
        try:
            self._reader.recv(64)
        except BlockingIOError:
            return
        self._window.close()  # saves the settings and stops the jobs, as Quit does
        self._app.exit(0)  # also leaves a dialog's event loop, if one is open

    def restore(self) -> None:
        """Give the signals back to their earlier handlers."""
        self._notifier.setEnabled(False)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()


#: The exit status after a Ctrl-C during the start-up (as the commands': 128 + SIGINT).
INTERRUPTED = 130


def main(argv: list[str], language: str | None = None) -> int:
    """Run the window; ``argv[0]``, if given, is a data file (CSV, NPY) or a model (JSON) to open.

    ``language`` (``gmm-explorer --lang CODE``) overrides, for this run only, the language chosen in the
    Language menu or the system's (``gui.i18n.languages``); an unknown one ends with status 2.
    """
    chosen = None if language is None else normalise(language)
    if language is not None and chosen is None:
        print(f"gmm-explorer: error: unknown language {language!r} (choose zh_CN, ko or en)", file=sys.stderr)
        return 2
    # Until QuitSignals takes Ctrl-C over, one is held back: raised in the middle of building the window (in a
    # slot Qt calls, say) it was lost, or crashed the process; held, it ends the start-up with status 130.
    try:
        with interrupts_held():
            app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "gmm-explorer"])
            app.setOrganizationName(ORGANIZATION)
            app.setApplicationName(APPLICATION)
            collect_on_main_thread()  # never on a worker thread: Qt objects in the garbage would deadlock it
            settings = Settings(QSettings())
            TRANSLATORS.install(app, chosen or resolve(saved_choice(settings.store)))
            window, controller = create_window(settings, argv[0] if argv else None, teach=True)
    except KeyboardInterrupt:
        window.close()
        if not controller.shutdown(QUIT_WAIT_MS):
            end_now(INTERRUPTED)
        return INTERRUPTED
    quit_signals = QuitSignals(app, window)
    window.show()
    window.raise_()
    window.activateWindow()  # keys work at once (without a window manager, nothing else gives the focus)
    status = app.exec()
    quit_signals.restore()
    if not controller.shutdown(QUIT_WAIT_MS):  # normally done on close already; covers other exits
        end_now(status)
    return end_cleanly(status)


def end_cleanly(status: int) -> int:
    """``status``, once every object Python tracks is frozen (``gc.freeze``), for the interpreter's exit that follows.

    The jobs have ended and the settings are written. The interpreter's exit then collected reference cycles over
    the whole heap (numpy, scipy, PySide6, pyqtgraph and the window), several times: 0.15 of the 0.2 CPU-seconds
    (and of the wall time) between the window closing and the process ending. Frozen objects are left out of those
    collections. Each is still freed when its last reference goes, and Qt's objects when PySide6 destroys the
    application at exit; objects held only by reference cycles are left to the operating system, with the rest of
    the process's memory.
    """
    gc.freeze()
    return status


def end_now(status: int) -> None:
    """End the process at once: a job's thread is still in a call that cannot be interrupted (see the docstring)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
    os._exit(status)
