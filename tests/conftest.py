"""Shared pytest set-up for GMM Explorer.

Qt must run without a screen in the tests (CI has none), so the offscreen platform is chosen here, at
import time, before pytest-qt or any test module imports PySide6, with one screen of 1600 x 1000 (plain
``offscreen`` gets that screen too). Any other QT_QPA_PLATFORM in the
environment (say ``xcb`` to watch a test under a real display) still wins.
"""

import json
import os
import signal
import sys
import tempfile
from pathlib import Path

# Compiled bytecode is written (in the usual ``__pycache__`` folders, which git ignores) even where the
# environment sets PYTHONDONTWRITEBYTECODE, as this machine's does: the suite starts about 150 interpreters
# (the commands' and the window's own processes), and each recompiled every module of the checkout it
# imported, about 0.2 s of CPU apiece; pytest's rewritten test modules are cached the same way. The
# libraries' bytecode is the one pip compiled when it installed them. (A PYTHONPYCACHEPREFIX folder would
# hide that: under a prefix Python reads bytecode only there, so on a fresh machine every worker compiled
# numpy, scipy, scikit-learn, PySide6's and pyqtgraph's modules again, about 3 s of CPU each.) Set here,
# before any test module is imported and before pytest-xdist starts its workers, so that they and every
# child inherit it.
if sys.dont_write_bytecode:
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.dont_write_bytecode = False

# Ctrl-C reaches the suite's processes even when it was started with SIGINT ignored (as a shell starts a command
# in the background, `pytest &`, and as ``nohup`` may): an ignored SIGINT is inherited by every process started from
# here, Python then installs no KeyboardInterrupt handler in it, and every Ctrl-C test failed with its children hung.
# Python's own handler here; a process started from here begins with the default disposition, as from a terminal.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    # One offscreen screen of a common desktop size (the plugin's default is 800 x 800): the window fits the
    # screen it opens on (``gui.main.screen_fit``), and the window tests place the mouse on a canvas of this size.
    _screen = Path(tempfile.gettempdir()) / f"gmm-explorer-test-screen-{os.getpid()}.json"
    _screen.write_text(json.dumps({"screens": [{"name": "test", "x": 0, "y": 0, "width": 1600, "height": 1000,
                                                "logicalDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"

#: The main window's pause after a change of its Model settings in the tests (``_settings_settle_quickly``).
TEST_SETTINGS_QUIET_MS = 20

# CI runs each property test on the same examples every time (a red CI must mean a change broke
# something, not that a new random example turned up); local runs keep exploring new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_configure(config):
    """In the controlling process only (not in pytest-xdist's workers): the checkout's bytecode and the rewritten
    test modules, made once before the workers start (``bytecode_ahead``)."""
    if not hasattr(config, "workerinput"):
        from bytecode_ahead import prepare

        prepare(config)


def pytest_collection_modifyitems(config, items):
    """Tests marked ``slow`` run first, in their order; the rest keep theirs.

    pytest-xdist hands each worker a contiguous share of the list and lets an idle worker take over the end
    of a busy one's: slow tests left at the end (the window's processes, the wheel, Ctrl-C at random moments
    all sort last by name) ran alone on one core while the other had nothing left to do, and a module
    fixture split between two workers (the wheel) was made twice. First, they run beside the quick ones.
    """
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True, scope="session")
def _one_thread_per_pool():
    """Tests use small arrays, where BLAS threads only cost: on a shared 2-core machine the suite ran
    several times slower with them. (The engine limits BLAS inside its own threads by itself.) OpenMP too:
    scikit-learn's k-means start (every GaussianMixture's default) runs on OpenMP threads that spin while
    they wait, and with the suite's workers already on both cores its reference fits took twice as long."""
    with threadpool_limits(limits=1):
        yield


@pytest.fixture
def messages(monkeypatch):
    """Capture message boxes instead of showing them (a shown box would block the test): (title, text) pairs."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def capture(parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(capture))
    return shown


@pytest.fixture(autouse=True, scope="session")
def _garbage_on_the_main_thread(qapp):
    """As in the app (``gui.collector``): Python's cycle collector never runs on a worker thread, where Qt
    objects left by earlier tests would deadlock the process (seen once: a segmentation's M-step collected a
    previous window's menu while the main thread waited for it)."""
    from gui.collector import collect_on_main_thread

    collect_on_main_thread()
    yield


@pytest.fixture(autouse=True, scope="session")
def _settings_settle_quickly(qapp):
    """The main window resets EM 20 ms after the last change of its Model settings instead of 250 ms.

    The pause is there for a user who spins a spin box through several values (one reset, not one each);
    the tests make their changes in code, at once. They waited about 0.5 s of an idle core at every test that
    changes a setting and puts it back: some 150 tests, 6 s of a serial run. Its value is the product's pause:
    what the pause does is tested with that (``test_gui_window.test_quick_changes_of_the_settings_reset_em_once``).
    """
    from gui.main import controller

    product = controller.SETTINGS_QUIET_MS
    controller.SETTINGS_QUIET_MS = TEST_SETTINGS_QUIET_MS
    yield product
    controller.SETTINGS_QUIET_MS = product


@pytest.fixture(autouse=True)
def _collect_between_tests():
    """Collect what is due after each test, on the main thread: tests without an event loop never let the
    collector's timer fire."""
    yield
    from gui.collector import collect_now_if_due

    collect_now_if_due()


@pytest.fixture(scope="module")
def _unchanged_window(qapp, request, tmp_path_factory):
    """The window of ``unchanged_app``: made once per module, closed after its last test."""
    from pytestqt.qtbot import QtBot
    from test_gui_window import close_shared_window, open_window

    qtbot = QtBot(request)
    window, controller, _ = open_window(qtbot, tmp_path_factory.mktemp("unchanged_app") / "settings.ini",
                                        close_with_test=False)
    yield window, controller
    close_shared_window(qtbot, window, controller)


@pytest.fixture
def unchanged_app(qtbot, _unchanged_window):
    """As ``test_gui_window.app`` (the window on the demo data, paused at EM's start, active), but one window for
    all the tests of a module that leave it as they found it: tests that only read it, whose file or model is
    refused, or that take it back to EM's start (each such test asserts that the window kept its data, and its
    fit or its start). Opening a window costs about 0.2 s of CPU; a test that leaves what is shown changed
    takes ``app``. A test's monkeypatches and its ``messages`` capture are its own, undone after it."""
    from test_gui_window import activate

    window, _ = _unchanged_window
    activate(qtbot, window)  # another test's window may have been the active one since
    return _unchanged_window


@pytest.fixture(scope="module")
def _restored_window(qapp, request, tmp_path_factory):
    """The window of ``restored_app`` and its fresh state (``restored_window.window_state``): made once per module,
    closed after its last test."""
    from pytestqt.qtbot import QtBot
    from restored_window import wait_for_criteria, window_state
    from test_gui_window import close_shared_window, open_window

    qtbot = QtBot(request)
    window, controller, _ = open_window(qtbot, tmp_path_factory.mktemp("restored_app") / "settings.ini",
                                        close_with_test=False)
    wait_for_criteria(qtbot, controller)
    yield window, controller, window_state(window, controller)
    close_shared_window(qtbot, window, controller)


@pytest.fixture
def restored_app(qtbot, _restored_window, messages):
    """As ``test_gui_window.app`` (the window on the demo data, paused at EM's start, active, message boxes
    captured), but one window for all the tests of a module: after each test it is taken back to the demo data at
    EM's start and asserted to be as it was made (``restored_window``); a test that leaves it otherwise fails
    there. Opening a window costs about 0.2 CPU-seconds, taking it back a fraction of that."""
    from restored_window import restore
    from test_gui_window import activate

    window, controller, fresh = _restored_window
    activate(qtbot, window)
    yield window, controller
    restore(qtbot, window, controller, fresh)


@pytest.fixture(scope="session")
def window_forks(tmp_path_factory):
    """A ``forked.ForkParent`` that has imported what a window process imports first (``forked.WINDOW_IMPORTS``),
    for every module that forks window processes (test_window_process, test_window_screen, test_cli_interrupt).

    Its imports cost 0.9 CPU-seconds: once per pytest worker, not once per module. Its own HOME is a temporary
    folder (no child uses it: each brings its own environment). Closed when the session ends, which is when its
    children's CPU time is counted.
    """
    from forked import WINDOW_IMPORTS, ForkParent

    home = tmp_path_factory.mktemp("window-forks")
    parent = ForkParent(WINDOW_IMPORTS, {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
                                         "QT_QPA_PLATFORM": "offscreen"})
    yield parent
    parent.close(timeout=120)


@pytest.fixture(scope="session")
def command_forks():
    """A ``forked.ForkParent`` that has imported what a command's process imports first (``forked.COMMAND_IMPORTS``)
    and what ``fit``, ``score`` and ``predict`` import once they run (``engine.cli.fitting``; scipy's linalg, which
    checking a model needs, and special, which scoring needs: 0.3 CPU-seconds of each such child), for every
    module that forks ``python main.py COMMAND`` processes (test_cli, test_cli_interrupt): 0.6 CPU-seconds of
    imports once per pytest worker. (Never Qt, nor scipy.optimize: test_cli checks that the commands import
    neither.)"""
    from forked import COMMAND_IMPORTS, ForkParent

    parent = ForkParent((*COMMAND_IMPORTS, "engine.cli.fitting", "scipy.linalg", "scipy.special"), dict(os.environ))
    yield parent
    parent.close(timeout=120)


@pytest.hookimpl(tryfirst=True)
def pytest_unconfigure(config):
    """In a pytest-xdist worker: run the ``atexit`` functions and end the process at once.

    By then the worker has sent its last report and "workerfinished" (in ``pytest_sessionfinish``), and the
    controller takes nothing more from it: what a worker's own unconfiguring would still find (the
    unraisable exceptions that pytest's last, fivefold garbage collection turns up, 0.3 CPU-seconds) never
    reached the controller's report. That and the interpreter's teardown (freeing thousands of Qt and numpy
    objects one by one) took about a second, and the controller waits for every worker's process to end before
    it prints the summary: the whole suite ended that much later. Nothing is left to flush: pytest still captures
    the worker's standard streams here, into files no one reads. (The controller itself, and a run without
    workers, unconfigure and end as usual.)
    """
    if not hasattr(config, "workerinput"):
        return
    import atexit

    atexit._run_exitfuncs()
    os._exit(0)
