"""The import boundaries in ``pyproject.toml`` (``[tool.importlinter]``) hold, and would catch a breach.

``lint-imports`` runs in a child process from the repository's root, as a developer would run it. To show
that the contracts bite, the same ``pyproject.toml`` is copied beside a tiny fake ``engine``/``gui``
layout that keeps every contract, and then one forbidden import at a time is added to it: each fake
project in a folder of its own. One child runs lint-imports' command in the root and in each fake
project's folder in turn, as if started there (import-linter's own start-up was most of the cost of a
child per folder).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The lint-imports console script, run by this interpreter (so the virtual environment's import-linter).
LINT_IMPORTS = [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; "
                "sys.exit(lint_imports_command())", "--no-cache"]

CONTRACTS = [contract["name"] for contract in
             tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]]
ENGINE_NO_QT = "engine never imports Qt, pyqtgraph or gui"
VIEWS_NO_WORKERS = "views and panels never import the workers"
CODEC_NO_WIDGETS = "the picture codec never imports QtWidgets or pyqtgraph"
NOTHING_IMPORTS_MAIN = "nothing in engine or gui imports main"
#: The key of the repository's own report among the fake projects' (whose keys are breaches, or None).
PROJECT = "the project"

# A fake project that keeps every contract, with the imports allowed next to the forbidden ones: gui's
# windows import Qt widgets, pyqtgraph, workers and the codec; the codec imports QtCore and QtGui.
FAKE_LAYOUT = {
    "engine/__init__.py": "",
    "engine/em.py": "import numpy\n",
    "engine/stats.py": "import math\n",
    "gui/__init__.py": "",
    "gui/threads.py": "from PySide6.QtCore import QObject\nimport engine.em\n",
    "gui/colors.py": "from PySide6.QtGui import QColor\n",
    "gui/views/__init__.py": "",
    "gui/views/canvas.py": ("import pyqtgraph as pg\nfrom PySide6.QtWidgets import QWidget\n"
                            "from gui.colors import QColor\n"),
    "gui/panels/__init__.py": "",
    "gui/panels/run.py": "from PySide6.QtWidgets import QWidget\nfrom gui.views import canvas\n",
    "gui/main/__init__.py": "",
    "gui/main/fit_worker.py": "from gui.threads import QObject\n",
    "gui/main/window.py": "from gui.main import fit_worker\nfrom gui.panels import run\n",
    "gui/image/__init__.py": "",
    "gui/image/worker.py": "from gui.threads import QObject\nfrom gui.image import codec\n",
    "gui/image/codec.py": "from PySide6 import QtCore\nfrom PySide6.QtGui import QImage\nimport engine.em\n",
    "gui/image/window.py": ("import pyqtgraph\nfrom PySide6.QtWidgets import QWidget\n"
                            "from gui.image import codec, worker\n"),
}

# (file, the forbidden import added to it, the one contract it must break). The engine's breaches go into
# engine/stats.py, which the codec does not import (through engine/em.py they would break its contract too).
BREACHES = {
    "engine imports QtCore": ("engine/stats.py", "from PySide6.QtCore import QObject", ENGINE_NO_QT),
    "engine imports shiboken6": ("engine/stats.py", "import shiboken6", ENGINE_NO_QT),
    "engine imports pyqtgraph inside a function": ("engine/stats.py", "def plot():\n    import pyqtgraph",
                                                   ENGINE_NO_QT),
    "engine imports a gui module": ("engine/stats.py", "from gui import colors", ENGINE_NO_QT),
    "a view imports the thread workers": ("gui/views/canvas.py", "from gui.threads import QObject", VIEWS_NO_WORKERS),
    "a view imports the image worker": ("gui/views/canvas.py", "import gui.image.worker", VIEWS_NO_WORKERS),
    "a panel reaches the fit worker through the window": ("gui/panels/run.py", "def window():\n"
                                                          "    from gui.main import window", VIEWS_NO_WORKERS),
    "the codec imports QtWidgets": ("gui/image/codec.py", "from PySide6.QtWidgets import QApplication",
                                    CODEC_NO_WIDGETS),
    "the codec imports the QtWidgets module": ("gui/image/codec.py", "from PySide6 import QtCore, QtWidgets",
                                               CODEC_NO_WIDGETS),
    "the codec imports pyqtgraph inside a function": ("gui/image/codec.py", "def show():\n"
                                                      "    import pyqtgraph.exporters", CODEC_NO_WIDGETS),
    "the codec reaches QtWidgets through a view": ("gui/image/codec.py", "from gui.colors import QColor\n"
                                                   "from gui.views import canvas", CODEC_NO_WIDGETS),
    "gui imports main": ("gui/main/window.py", "import main", NOTHING_IMPORTS_MAIN),
    "engine imports main": ("engine/stats.py", "from main import run", NOTHING_IMPORTS_MAIN),
}


#: Runs lint-imports' command (as the console script does, with ``--no-cache``) in each folder given, in turn,
#: and prints ``{folder: [exit status, stdout, stderr]}`` as JSON. Between folders it forgets the fake
#: project's packages (``engine``, ``gui``, ``tests``), which import-linter imports to find their files, so
#: each folder is seen as a fresh process would see it.
LINT_EACH_FOLDER = """
import contextlib, importlib, io, json, os, sys
from importlinter.cli import lint_imports_command

reports = {}
for folder in sys.argv[1:]:
    os.chdir(folder)
    for name in [name for name in sys.modules if name.split(".")[0] in ("engine", "gui", "tests")]:
        del sys.modules[name]
    importlib.invalidate_caches()
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            lint_imports_command.main(["--no-cache"], prog_name="lint-imports")
            status = 0
        except SystemExit as exit_:
            status = exit_.code
    reports[folder] = [status, stdout.getvalue(), stderr.getvalue()]
print(json.dumps(reports))
"""


def lint_imports_in_each(folders: list[Path]) -> dict[Path, subprocess.CompletedProcess]:
    """lint-imports' result in each folder, as if run there by itself, from one child process."""
    proc = subprocess.run([sys.executable, "-c", LINT_EACH_FOLDER, *map(str, folders)], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    reports = json.loads(proc.stdout)
    return {Path(folder): subprocess.CompletedProcess(LINT_IMPORTS, status, stdout, stderr)
            for folder, (status, stdout, stderr) in reports.items()}


def verdicts(proc: subprocess.CompletedProcess) -> dict[str, str]:
    """``{contract name: "KEPT" or "BROKEN"}`` from lint-imports' report."""
    found = {}
    for line in proc.stdout.splitlines():
        for name in CONTRACTS:
            for verdict in ("KEPT", "BROKEN"):
                if line.strip() == f"{name} {verdict}":
                    found[name] = verdict
    return found


def write_fake_project(folder: Path, layout: dict[str, str]) -> None:
    for relative, text in layout.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "pyproject.toml", folder / "pyproject.toml")
    (folder / "tests").mkdir()
    shutil.copy(ROOT / "tests" / "import_contracts.py", folder / "tests" / "import_contracts.py")


def test_contract_names_are_the_ones_these_tests_break():
    assert sorted(CONTRACTS) == sorted([ENGINE_NO_QT, VIEWS_NO_WORKERS, CODEC_NO_WIDGETS, NOTHING_IMPORTS_MAIN])


def test_the_project_keeps_every_import_contract(lint_reports):
    proc = lint_reports[PROJECT]
    report = f"lint-imports in {ROOT} exited with {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    assert proc.returncode == 0, report
    assert verdicts(proc) == dict.fromkeys(CONTRACTS, "KEPT"), report


@pytest.fixture(scope="module")
def lint_reports(tmp_path_factory) -> dict[str | None, subprocess.CompletedProcess]:
    """lint-imports' result in the repository's root (key ``PROJECT``), on the valid fake layout (key None) and on
    it with each breach (key: the breach)."""
    projects: dict[str | None, Path] = {PROJECT: ROOT}
    for number, breach in enumerate([None, *BREACHES]):
        layout = dict(FAKE_LAYOUT)
        if breach is not None:
            file, line, _ = BREACHES[breach]
            layout[file] += line + "\n"
        projects[breach] = tmp_path_factory.mktemp(f"fake{number}")
        write_fake_project(projects[breach], layout)
    reports = lint_imports_in_each(list(projects.values()))
    return {breach: reports[folder] for breach, folder in projects.items()}


def test_the_fake_project_keeps_every_contract(lint_reports):
    """The fake layout below is valid, so a breach added to it is what breaks a contract."""
    proc = lint_reports[None]
    assert proc.returncode == 0, f"{proc.stdout}\n{proc.stderr}"
    assert verdicts(proc) == dict.fromkeys(CONTRACTS, "KEPT"), proc.stdout


@pytest.mark.parametrize("breach", BREACHES)
def test_a_forbidden_import_breaks_its_contract(breach, lint_reports):
    contract = BREACHES[breach][2]
    proc = lint_reports[breach]
    assert proc.returncode == 1, f"{proc.stdout}\n{proc.stderr}"
    expected = {name: "BROKEN" if name == contract else "KEPT" for name in CONTRACTS}
    assert verdicts(proc) == expected, proc.stdout
