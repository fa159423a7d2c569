"""Each package's docstring maps its modules: every module on disk is named there, and nothing else is.

A package's ``__init__.py`` docstring has a section

    Modules
    -------
    name          what it does, on one line
    subpackage/   what it holds

listing its modules (``name`` for ``name.py``) and its sub-packages (``name/``). The docstrings are read
with ``ast``, without importing anything, so the check can cover packages that import Qt too: add their
roots to ``ROOTS``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
#: Top-level packages whose every package must carry a module map.
ROOTS = ("engine", "gui")


def _packages(root: str) -> list[str]:
    """Paths (relative to the repository) of ``root`` and every package below it."""
    return sorted(str(init.parent.relative_to(REPOSITORY)) for init in (REPOSITORY / root).rglob("__init__.py")
                  if "__pycache__" not in init.parts)


PACKAGES = [package for root in ROOTS for package in _packages(root)]


def on_disk(package: Path) -> set[str]:
    """The package's modules (``name``) and sub-packages (``name/``)."""
    modules = {path.stem for path in package.glob("*.py") if path.name != "__init__.py"}
    subpackages = {f"{path.name}/" for path in package.iterdir() if (path / "__init__.py").is_file()}
    return modules | subpackages


def mapped(package: Path) -> list[str]:
    """The names in the ``Modules`` section of the package's docstring, in order."""
    docstring = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8"))) or ""
    lines = docstring.splitlines()
    try:
        start = next(i for i, line in enumerate(lines[:-1]) if line.strip() == "Modules"
                     and set(lines[i + 1].strip()) == {"-"})
    except StopIteration:
        return []
    names = []
    for line in lines[start + 2:]:
        if not line.strip():
            break
        names.append(line.split()[0])
    return names


def test_every_package_is_checked():
    assert "engine" in PACKAGES and "engine/backends" in PACKAGES


@pytest.mark.parametrize("package", PACKAGES)
def test_the_docstring_maps_every_module_on_disk(package):
    path = REPOSITORY / package
    names = mapped(path)
    assert names, f"{package}/__init__.py has no 'Modules' section in its docstring"
    assert len(names) == len(set(names)), f"{package}: a module is named twice"
    missing = sorted(on_disk(path) - set(names))
    assert not missing, f"{package}/__init__.py does not name {missing}"
    gone = sorted(set(names) - on_disk(path))
    assert not gone, f"{package}/__init__.py names {gone}, which are not on disk"


def test_the_readme_code_map_names_every_module():
    """README.md's "Code map" names every module of every package (a name, or a comma-separated list)."""
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Code map", 1)[1].split("\n## ", 1)[0]
    named = {word.strip(" ,") for line in section.splitlines() for word in line.split() if word.strip(" ,")}
    missing = [str(path.relative_to(REPOSITORY)) for root in ROOTS for path in (REPOSITORY / root).rglob("*.py")
               if path.name != "__init__.py" and "__pycache__" not in path.parts and path.name not in named]
    assert not missing, f"README's code map does not name {missing}"
