"""Find GMM Explorer's data files (sample pictures; later translations and lesson data) as real paths.

    resource_path("images/china.jpg")  ->  Path to the file, wherever the program runs from

Where the files live, and why
-----------------------------
The data sits in the top-level folder ``resources/`` of the repository. For wheels and ``pip install .``
``pyproject.toml`` maps that folder to the importable package ``gmm_explorer_resources``
(``[tool.setuptools] package-dir``; ``resources/__init__.py`` makes it a regular package) and ships
every file in it as package data (``**/*``), so new folders such as ``translations/*.qm`` or
``lessons/*`` travel without further configuration; only the README's ``screenshots/`` stay out. A
package name of our own keeps a generic top-level name like ``resources`` out of ``site-packages``.

At run time there are two cases:

- **A source checkout** (a clone, with or without ``pip install -e .``): this ``engine`` package sits
  next to ``pyproject.toml`` and ``resources/``, and that folder is used directly. Data and code then
  always come from the same tree, also when several checkouts share one virtual environment (whose
  editable install maps ``gmm_explorer_resources`` to one of them only).
- **An installed copy** (a wheel): ``importlib.resources`` finds the package ``gmm_explorer_resources``
  beside ``engine`` in ``site-packages``. ``importlib.resources.as_file`` turns a resource into a real
  file; for an ordinary installation that is the file itself, and for an installation inside a zip
  archive it is a temporary copy kept until the interpreter exits (directories inside a zip are not
  supported before Python 3.12).

This module imports neither Qt nor anything outside the standard library, so the engine and the
headless commands can use it.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.resources
from pathlib import Path, PurePosixPath

#: The importable name under which ``resources/`` is installed (see ``pyproject.toml``).
RESOURCE_PACKAGE = "gmm_explorer_resources"

_CHECKOUT_ROOT = Path(__file__).resolve().parent.parent
# Temporary copies made by ``as_file`` (only for a zipped installation) live until the interpreter exits.
_temporary_copies = contextlib.ExitStack()
atexit.register(_temporary_copies.close)


def resource_path(name: str) -> Path:
    """The real path of one of GMM Explorer's data files or folders.

    Parameters
    ----------
    name : str
        Path inside ``resources/`` with ``/`` separators, e.g. ``"images/china.jpg"`` or
        ``"translations"``.

    Returns
    -------
    Path
        An existing file or folder: inside the checkout's ``resources/`` when running from a source
        checkout, else inside the installed package ``gmm_explorer_resources``.

    Raises
    ------
    ValueError
        If ``name`` is empty, absolute or climbs out of ``resources/`` with ``..``.
    FileNotFoundError
        If there is no such resource (the message says where it was looked for).
    """
    parts = PurePosixPath(name).parts
    if not parts or PurePosixPath(name).is_absolute() or ".." in parts or "\\" in name:
        raise ValueError(f"a resource name is a relative path inside resources/ with / separators, not {name!r}")
    checkout = checkout_resources()
    if checkout is not None:
        path = checkout.joinpath(*parts)
        if not path.exists():
            raise FileNotFoundError(f"GMM Explorer has no resource {name!r} (looked in {checkout})")
        return path
    traversable = importlib.resources.files(RESOURCE_PACKAGE).joinpath(*parts)
    if not (traversable.is_file() or traversable.is_dir()):
        raise FileNotFoundError(f"GMM Explorer has no resource {name!r} (looked in the installed package "
                                f"{RESOURCE_PACKAGE})")
    return Path(_temporary_copies.enter_context(importlib.resources.as_file(traversable)))


def checkout_resources() -> Path | None:
    """The ``resources/`` folder of the source checkout this module runs from, or None when installed.

    A checkout is recognised by ``pyproject.toml`` and ``resources/__init__.py`` beside the ``engine``
    folder, which an installation in ``site-packages`` does not have.
    """
    folder = _CHECKOUT_ROOT / "resources"
    if (_CHECKOUT_ROOT / "pyproject.toml").is_file() and (folder / "__init__.py").is_file():
        return folder
    return None
