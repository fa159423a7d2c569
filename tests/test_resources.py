"""``engine.resources.resource_path``: the data files from a checkout, an installed package and a zip.

The installed case is also run for real, from a built wheel in a fresh virtual environment, by
``tests/test_wheel.py``; here a stand-in package on ``sys.path`` makes it quick and independent of how
the test environment installed this project.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from engine import resources
from engine.resources import RESOURCE_PACKAGE, resource_path

ROOT = Path(__file__).resolve().parent.parent


def test_a_checkout_uses_its_own_resources_folder():
    assert resources.checkout_resources() == ROOT / "resources"
    assert resource_path("images/china.jpg") == ROOT / "resources" / "images" / "china.jpg"
    assert resource_path("images").is_dir()


def test_a_missing_resource_says_which_and_where():
    with pytest.raises(FileNotFoundError, match=r"no resource 'images/missing\.png' \(looked in .*resources\)"):
        resource_path("images/missing.png")


@pytest.mark.parametrize("name", ["", "/etc/passwd", "../main.py", "images/../../main.py", "images\\china.jpg"])
def test_names_outside_the_resources_are_refused(name):
    with pytest.raises(ValueError, match="relative path inside resources/"):
        resource_path(name)


@pytest.fixture
def installed(monkeypatch):
    """Run as an installed copy: no checkout beside ``engine``, the package found on ``sys.path`` only."""
    monkeypatch.setattr(resources, "checkout_resources", lambda: None)
    monkeypatch.delitem(sys.modules, RESOURCE_PACKAGE, raising=False)
    return monkeypatch


def test_an_installed_copy_finds_the_package_on_sys_path(installed, tmp_path):
    package = tmp_path / RESOURCE_PACKAGE
    (package / "images").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "images" / "dot.png").write_bytes(b"png bytes")
    installed.syspath_prepend(str(tmp_path))

    assert resource_path("images/dot.png") == package / "images" / "dot.png"
    with pytest.raises(FileNotFoundError, match=f"the installed package {RESOURCE_PACKAGE}"):
        resource_path("images/missing.png")


def test_an_installed_copy_inside_a_zip_gets_a_real_file(installed, tmp_path):
    archive = tmp_path / "installed.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr(f"{RESOURCE_PACKAGE}/__init__.py", "")
        zipped.writestr(f"{RESOURCE_PACKAGE}/images/dot.png", b"png bytes")
    installed.syspath_prepend(str(archive))

    path = resource_path("images/dot.png")
    assert path.is_file() and path.read_bytes() == b"png bytes"
    assert archive not in path.parents  # a temporary copy, which lives until the interpreter exits
