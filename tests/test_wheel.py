"""GMM Explorer installs like a real package: a wheel, built from this checkout and installed into a fresh
virtual environment, runs the commands and the window from a folder outside the checkout.

Steps (about 10 s): copy the sources to a temporary folder (so no ``build/`` folder of the checkout, old or new,
can leak into the wheel), build the wheel there with this environment's ``build`` and setuptools
(``--no-isolation``: no downloads; ``--skip-dependency-check``: the build itself fails if setuptools is missing,
and asking the backend what it needs first cost a second interpreter, 0.25 CPU-seconds), check that it holds
every module and data file, install it with ``--no-deps`` into a fresh virtual environment, and let that
environment import the dependencies from this one through a ``.pth`` file naming this environment's
``site-packages``. ``.pth`` files inside a folder named that way are not read, so this environment's editable
install of the project (its own ``.pth`` file and import hook) does not come along; the children check that
``engine``, ``gui`` and ``main`` are the installed copies.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

pytestmark = pytest.mark.slow  # real processes: run first (see tests/conftest.py)

ROOT = Path(__file__).resolve().parent.parent
RESOURCE_PACKAGE = "gmm_explorer_resources"
#: Files of the checkout that a wheel must not carry (README pictures) or that are build by-products.
LEFT_OUT = ("screenshots", "__pycache__")
COPY_IGNORED = shutil.ignore_patterns(".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__",
                                      ".pytest_cache", ".ruff_cache", ".hypothesis", ".import_linter_cache")

# Run by the fresh environment's python from outside the checkout: the window (offscreen) with settings
# in a temporary INI file, and where the modules and the sample picture were found.
WINDOW_SMOKE = """
import json, os, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
import engine, gui, main
from engine.resources import checkout_resources, resource_path
from gui.app import create_window
from gui.main.controller import SHUTDOWN_TIMEOUT_MS
from gui.settings import Settings

app = QApplication(["gmm-explorer"])
window, controller = create_window(Settings(QSettings(sys.argv[1], QSettings.Format.IniFormat)))
window.show()
for _ in range(20):
    app.processEvents()
shown = window.isVisible() and not window.isMinimized()
stopped = controller.shutdown(SHUTDOWN_TIMEOUT_MS)
window.close()
app.processEvents()
print(json.dumps({
    "shown": shown, "stopped": stopped, "title": window.windowTitle(),
    "files": [engine.__file__, gui.__file__, main.__file__],
    "china": str(resource_path("images/china.jpg")), "checkout": checkout_resources() is not None,
    "finders": [type(finder).__module__ for finder in sys.meta_path],
    "path": sys.path,
}))
sys.stdout.flush()
os._exit(0)  # the report is out, the jobs stopped: Python's own finalization (0.15 CPU-seconds) is not tested here
"""


def run(command: list, cwd: Path, env: dict[str, str] | None = None, hint: str = "") -> subprocess.CompletedProcess:
    proc = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, (f"{' '.join(map(str, command))} exited with {proc.returncode}:\n"
                                  f"{proc.stdout}\n{proc.stderr}\n{hint}")
    return proc


def expected_wheel_files() -> set[str]:
    """Every module of engine/ and gui/, main.py, and every file under resources/ but the screenshots."""
    modules = {path.relative_to(ROOT).as_posix() for package in ("engine", "gui")
               for path in (ROOT / package).rglob("*.py") if "__pycache__" not in path.parts}
    data = {f"{RESOURCE_PACKAGE}/{path.relative_to(ROOT / 'resources').as_posix()}"
            for path in (ROOT / "resources").rglob("*")
            if path.is_file() and not set(path.relative_to(ROOT / "resources").parts) & set(LEFT_OUT)}
    return modules | data | {"main.py"}


def outer_site_packages() -> list[str]:
    """This interpreter's ``sys.path`` folders, but for the checkout's own (pytest puts the checkout and tests/
    there); a virtual environment inside the checkout (CI's .venv) is kept. The standard library's folders
    come along too, and the fresh interpreter skips them: it has them on its path already."""
    environment = Path(sys.prefix).resolve()
    folders = []
    for entry in sys.path:
        path = Path(entry or ".").resolve()
        if not path.is_dir() or str(path) in folders:
            continue
        if (path == ROOT or ROOT in path.parents) and environment not in path.parents:
            continue
        folders.append(str(path))
    return folders


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=COPY_IGNORED)
    run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--skip-dependency-check", "--outdir",
         work / "dist", source], cwd=work,
        hint="The test extra brings the build tools this needs: pip install -e '.[test]'")
    (built,) = (work / "dist").glob("gmm_explorer-*.whl")
    return built


@pytest.fixture(scope="module")
def fresh_venv(wheel, tmp_path_factory) -> Path:
    """A new virtual environment with only the wheel installed, importing the dependencies from this one."""
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=venv.parent)
    python = venv / "bin" / "python"
    # Installed before the .pth file exists, so pip sees an empty environment (and never this one's copy).
    run([sys.executable, "-m", "pip", "--python", python, "--disable-pip-version-check", "install", "--no-deps",
         "--no-index", "--no-compile", wheel], cwd=venv.parent)
    site_packages = run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], cwd=venv.parent)
    (Path(site_packages.stdout.strip()) / "outer_environment.pth").write_text("\n".join(outer_site_packages()) + "\n")
    return venv


@pytest.fixture
def outside(tmp_path) -> tuple[Path, dict[str, str]]:
    """A working folder outside the checkout, and an environment without PYTHONPATH, offscreen Qt."""
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return tmp_path, env


def test_the_wheel_holds_every_module_and_data_file(wheel):
    with zipfile.ZipFile(wheel) as archive:
        shipped = {name for name in archive.namelist() if ".dist-info/" not in name}
    expected = expected_wheel_files()
    assert f"{RESOURCE_PACKAGE}/images/china.jpg" in expected
    assert shipped == expected, (
        f"missing from the wheel (a new sub-package goes into [tool.setuptools] packages in pyproject.toml): "
        f"{sorted(expected - shipped)}; unexpected: {sorted(shipped - expected)}")


def test_the_installed_commands_run_outside_the_checkout(fresh_venv, outside):
    folder, env = outside
    program = fresh_venv / "bin" / "gmm-explorer"
    run([program, "generate", "three-blobs", "--n", "50", "--seed", "1", "--out", "X.csv"], cwd=folder, env=env)
    assert (folder / "X.csv").read_text().splitlines()[0] == "x0,x1"
    assert np.loadtxt(folder / "X.csv", delimiter=",", skiprows=1).shape == (50, 2)

    run([program, "fit", "X.csv", "--k", "3", "--seed", "0", "--quiet", "--out", "model.json"], cwd=folder, env=env)
    model = json.loads((folder / "model.json").read_text())
    assert model["n_components"] == 3 and model["fit"]["n_samples"] == 50
    assert sum(model["weights"]) == pytest.approx(1.0)

    located = run([fresh_venv / "bin" / "python", "-c",
                   "from engine.resources import resource_path; print(resource_path('images/china.jpg'))"],
                  cwd=folder, env=env)
    china = Path(located.stdout.strip())
    assert fresh_venv in china.parents and china.parent.parent.name == RESOURCE_PACKAGE, china
    # Fitted on a sample of its pixels (what is tested is the installed command, its codec and the installed
    # picture, not the fit); every pixel is still labelled and painted.
    run([program, "segment", china, "--k", "3", "--seed", "0", "--max-iter", "5", "--sample", "2000",
         "--out", "segmented.png", "--labels-out", "labels.npy"], cwd=folder, env=env)
    assert (folder / "segmented.png").read_bytes().startswith(b"\x89PNG")
    labels = np.load(folder / "labels.npy")
    assert labels.shape == (427, 640) and set(np.unique(labels)) <= {0, 1, 2}


def test_the_installed_window_opens_outside_the_checkout(fresh_venv, outside):
    folder, env = outside
    proc = run([fresh_venv / "bin" / "python", "-c", WINDOW_SMOKE, folder / "settings.ini"], cwd=folder, env=env)
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["shown"] and report["stopped"] and report["title"], report
    for file in report["files"]:  # engine, gui and main are the wheel's copies, not the checkout's
        assert fresh_venv in Path(file).parents, report["files"]
    assert fresh_venv in Path(report["china"]).parents and not report["checkout"], report["china"]
    # This environment's editable install left no import hook and no path to the checkout behind.
    assert not [finder for finder in report["finders"] if "editable" in finder], report["finders"]
    assert not [entry for entry in report["path"] if (folder / entry).resolve() == ROOT], report["path"]
