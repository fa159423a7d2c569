"""Views draw and the engine computes: no view or panel imports a worker, the window's wiring or another window.

Checked on the source (every ``import`` and ``from ... import`` anywhere in the file, including those inside
functions), so it needs no Qt.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: What a view or panel may not import: the worker pattern, the main window's wiring (with the fit job), Image mode.
FORBIDDEN = ("gui.threads", "gui.main", "gui.image")
VIEW_FILES = sorted((ROOT / "gui" / "views").glob("*.py")) + sorted((ROOT / "gui" / "panels").glob("*.py"))


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return modules


def test_the_check_sees_the_imports_of_a_view():
    assert len(VIEW_FILES) >= 10
    assert "engine.density" in imported_modules(ROOT / "gui" / "views" / "geometry.py")


@pytest.mark.parametrize("path", VIEW_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_views_and_panels_import_no_workers(path):
    bad = sorted(module for module in imported_modules(path)
                 if any(module == root or module.startswith(root + ".") for root in FORBIDDEN))
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}"
