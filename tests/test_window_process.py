"""The real window process (``python main.py FILE``, offscreen) with hostile start-up input, and quitting it.

Each case starts its own child with a temporary HOME and XDG_CONFIG_HOME, so the user's settings are never
read or written. The children run in parallel. One of them is a whole ``python main.py``; the others, and the
Image window test's child, are forked by a parent process that has already imported what every window
process imports first (``forked.ForkParent``, the session's ``window_forks``: 0.6 of the one CPU-second each
window process cost), and then each run ``main.run()`` with their own arguments and environment, to the
interpreter's usual exit. A child is
ready once it handles SIGTERM (the window installs that handler right after it is made: ``SigCgt`` in
``/proc/PID/status``); it must then still be running a few seconds later, by which time the start-up file
has been opened (a dialog says why it cannot be used). SIGTERM then closes it as Quit does: the test asks
for exit status 0, nothing on stderr but Qt's notes about the offscreen platform (no traceback, no warning,
no "QThread: Destroyed while thread is still running"), and the settings written on the way out.

The timeouts here only keep a hung child from hanging the suite; how long quitting takes is measured by
``benchmarks/quit_speed.py``. (The forked children's CPU time is counted when their parent ends, at the end of
the session: a per-test CPU profile charges it to the session's last test.)
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from forked import ForkedChild, ForkParent

from gui.image.exports import save_picture

pytestmark = pytest.mark.slow  # real processes: run first (see tests/conftest.py)

ROOT = Path(__file__).resolve().parent.parent
#: How long a ready child must stay up (the start-up file opens within this).
ALIVE_S = 2.0
#: Longest wait for a child to get ready, or to end: hang guards, far above what either takes.
HANG_GUARD_S = 60.0
#: Lines Qt's offscreen platform writes on stderr about window-manager calls it does not support.
PLATFORM_NOTES = ("This plugin does not support",)
#: What a clean run never prints.
TROUBLE = ("Traceback", "Error", "Warning", "QThread", "Fatal", "Abort")


def _handles_sigterm(pid: int) -> bool:
    """True once the process catches SIGTERM (bit 15 of the caught-signals mask, counting from 1)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = next(line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:"))
    return bool(int(caught, 16) >> (signal.SIGTERM - 1) & 1)


def _environment(home: Path) -> dict[str, str]:
    home.mkdir(parents=True, exist_ok=True)
    return {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
            "QT_QPA_PLATFORM": "offscreen"}


def _settings_file(home: Path) -> Path:
    return home / ".config" / "GMM Explorer" / "GMM Explorer.conf"


def _start(arguments: list[str], home: Path, code: str | None = None) -> subprocess.Popen:
    command = [sys.executable, "-c", code] if code is not None else [sys.executable, str(ROOT / "main.py")]
    return subprocess.Popen(command + arguments, cwd=ROOT, env=_environment(home), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


class WindowParent:
    """A ``forked.ForkParent`` that has imported what every window process imports first: ``start`` forks a
    window process from it, with a temporary HOME, writing its stdout and stderr to files in that HOME."""

    def __init__(self, forks: ForkParent) -> None:
        self.forks = forks

    def start(self, arguments: list[str], home: Path, code: str | None = None) -> ForkedChild:
        """As ``_start``, but forked: stdout and stderr go to files in ``home``, read once the child has ended."""
        environment = _environment(home)
        return self.forks.start(arguments, environment, (home / "stdout.txt", home / "stderr.txt"), code=code)


@pytest.fixture
def window_parent(window_forks) -> WindowParent:
    return WindowParent(window_forks)


def _trouble(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines()
            if line.strip() and not line.startswith(PLATFORM_NOTES) and any(word in line for word in TROUBLE)]


def _deep_model(path: Path, depth: int) -> None:
    path.write_text('{"format": "gmm-explorer.model", "version": 1, "covariance_type": "full", "n_components": 1, '
                    '"n_features": 2, "feature_names": ["x", "y"], "weights": [1.0], '
                    f'"means": {"[" * depth + "]" * depth}, "covariances": [[[1.0, 0.0], [0.0, 1.0]]]}}')


DAMAGED_SETTINGS = """[controls]
n_components=99999999999999999999
delay_ms=99999999999999999999
tol=1e400
reg_covar=nan
seed=text
max_iter=-5
n_init=1, 2
covariance_type=@Point(1 2)
init=@ByteArray(\\0\\xff)
hard_labels=@Size(3 4)
three_sigma=7
density=@Invalid()

[files]
recent=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x5QPoin)
last_folder=1, 2

[window]
geometry=@ByteArray(\\x1\\xd9\\xd0\\xcb\\xff\\xff)
state=hello
main_splitter=@ByteArray(\\0\\0\\0\\xff\\0\\0\\0\\x1\\0\\0\\0\\x2\\x7f\\xff\\xff\\xff)
data_splitter=1, 2, 3
"""


def _cases(folder: Path) -> dict[str, list[str]]:
    """Each start-up case: the arguments of ``main.py`` (files made here)."""
    cell = folder / "cell.csv"
    cell.write_text("x,y\n" + "1" * 200_000 + ",2\n1,2\n3,4\n")
    huge = folder / "huge.csv"
    values = (np.random.default_rng(0).uniform(-1.0, 1.0, size=(300, 2)) * 1.7e308).tolist()
    huge.write_text("x,y\n" + "\n".join(f"{x!r},{y!r}" for x, y in values) + "\n")
    deep = folder / "deep.json"
    _deep_model(deep, 600)
    fifo = folder / "fifo" / "x.csv"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    return {"cell": [str(cell)], "huge": [str(huge)], "deep": [str(deep)],
            "long-name": [str(folder / ("a" * 300 + ".csv"))], "fifo": [str(fifo)], "damaged-settings": []}


def _quit_and_check(name: str, child: subprocess.Popen | ForkedChild, home: Path) -> None:
    child.send_signal(signal.SIGTERM)
    try:
        _, stderr = child.communicate(timeout=HANG_GUARD_S)
    except subprocess.TimeoutExpired:
        child.kill()
        _, stderr = child.communicate()
        pytest.fail(f"{name}: the window did not end on SIGTERM\n{stderr}")
    assert child.returncode == 0, f"{name}: exit status {child.returncode}\n{stderr}"
    assert not _trouble(stderr), f"{name} printed:\n{stderr}"
    assert "n_components=" in _settings_file(home).read_text(), f"{name}: the settings were not written on the way out"


def test_the_window_starts_on_hostile_input_stays_up_and_ends_cleanly_on_sigterm(tmp_path, window_parent):
    files = tmp_path / "files"
    files.mkdir()
    cases = _cases(files)
    homes = {name: tmp_path / "homes" / name for name in cases}
    children: dict[str, subprocess.Popen | ForkedChild] = {}
    try:
        for name, arguments in cases.items():
            if name == "damaged-settings":  # the whole python main.py, from the interpreter's start
                _settings_file(homes[name]).parent.mkdir(parents=True)
                _settings_file(homes[name]).write_text(DAMAGED_SETTINGS)
                children[name] = _start(arguments, homes[name])
            else:
                children[name] = window_parent.start(arguments, homes[name])
        deadline = time.monotonic() + HANG_GUARD_S
        for child in children.values():
            while not _handles_sigterm(child.pid) and child.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
        time.sleep(ALIVE_S)
        ended = {name: child.returncode for name, child in children.items() if child.poll() is not None}
        assert not ended, (f"ended on their own: {ended}\n"
                           + "\n".join(f"--- {name}\n{children[name].communicate()[1]}" for name in ended))
        for name, child in children.items():
            _quit_and_check(name, child, homes[name])
    finally:
        for child in children.values():
            if child.poll() is None:
                child.kill()
                child.communicate()


#: The child of the Image window test: ``gui.app.main`` on a picture, with a driver that presses Segment, waits
#: until the job is inside the robust start, then closes the Image window and the main window. The robust start
#: is the real one, and then never returns: the worst case of an engine call that cannot be interrupted (as the
#: robust start of a large picture is; the picture is small, its size plays no part once the call never returns).
IMAGE_CHILD = """
import sys, threading, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from gui import app as gui_app
from gui.image import worker
from gui.image.window import ImageView
from gui.main.window import MainWindow

inside = threading.Event()
real_prepare_fit = worker.prepare_fit


def stuck_prepare_fit(*args, **kwargs):
    inside.set()
    plan = real_prepare_fit(*args, **kwargs)
    threading.Event().wait()
    return plan


worker.prepare_fit = stuck_prepare_fit
application = QApplication(["gmm-explorer"])
clicked = False


def drive():
    global clicked
    views = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImageView) and w.isVisible()]
    if not clicked and views and views[0].windowTitle().endswith("stuck.png") and views[0].run_button.isEnabled():
        views[0].run_button.click()
        clicked = True
    elif clicked and inside.wait(0.01):
        timer.stop()
        print("closing", flush=True)
        views[0].close()
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow):
                window.close()


timer = QTimer()
timer.timeout.connect(drive)
timer.start(50)
sys.exit(gui_app.main(sys.argv[1:]))
"""


def test_quitting_during_a_segmentation_stuck_in_an_engine_call_ends_the_process_cleanly(tmp_path, window_parent):
    """The window's process ends when its windows close, however long the Image window's job still needs."""
    picture = tmp_path / "stuck.png"
    rows, columns = np.mgrid[0:120, 0:180]
    pixels = np.stack([rows * 255 // 120, columns * 255 // 180, (rows + columns) % 256], axis=-1).astype(np.uint8)
    save_picture(picture, pixels)
    home = tmp_path / "home"
    child = window_parent.start([str(picture)], home, code=IMAGE_CHILD)
    try:
        stdout, stderr = child.communicate(timeout=HANG_GUARD_S)
    except subprocess.TimeoutExpired:
        child.kill()
        stdout, stderr = child.communicate()
        pytest.fail(f"the process outlived its closed windows\n{stdout}\n{stderr}")
    assert "closing" in stdout, f"the driver never closed the windows\n{stdout}\n{stderr}"
    assert child.returncode == 0, f"exit status {child.returncode}\n{stderr}"
    assert not _trouble(stderr), stderr
    assert "n_components=" in _settings_file(home).read_text()


def test_a_clean_quit_leaves_the_interpreters_exit_no_objects_to_go_over():
    """``gui.app.end_cleanly``, the window's last step once its jobs have ended and its settings are written, freezes
    every object Python tracks: the cycle collections of the interpreter's exit leave them out (they went over the
    whole heap: 0.15 of the 0.2 CPU-seconds from the windows closing to the process's end; benchmarks/quit_speed.py).
    The children above quit through it, cleanly."""
    import gc
    import weakref

    from gui.app import end_cleanly

    class Node:
        pass

    collecting = gc.isenabled()
    gc.disable()  # no automatic collection in between: only the ones asked for here
    try:
        node = Node()
        node.itself = node  # garbage only a cycle collection can free
        gone = weakref.ref(node)
        del node
        try:
            assert end_cleanly(7) == 7
            gc.collect()
            assert gone() is not None, "a collection after a clean quit still went over the objects made before it"
        finally:
            gc.unfreeze()
        gc.collect()
        assert gone() is None  # (the cycle was garbage: unfrozen, it is collected)
    finally:
        if collecting:
            gc.enable()
