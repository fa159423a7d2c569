"""An import-linter contract type for submodules of external packages, such as ``PySide6.QtWidgets``.

import-linter keeps each external package as one node of its import graph (``PySide6``), so its own
``forbidden`` contract cannot tell ``from PySide6.QtGui import QImage`` from
``from PySide6.QtWidgets import QWidget`` and refuses a forbidden module like ``PySide6.QtWidgets``
("subpackages of external packages are not valid"). This contract takes the modules a source reaches
(itself, its sub-modules and everything they import, directly or not) from import-linter's graph, and
reads their ``import`` statements (all of them, also those inside functions) to see the full dotted
names they import from outside the root packages.

Registered in ``pyproject.toml`` (``[tool.importlinter] contract_types``) and loaded by ``lint-imports``
from the repository's root, which import-linter puts on ``sys.path``::

    [[tool.importlinter.contracts]]
    type = "forbidden_external_submodules"
    source_modules = ["gui.image.codec"]
    forbidden_modules = ["PySide6.QtWidgets", "pyqtgraph"]
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output


class ForbiddenExternalSubmodulesContract(Contract):
    """The source modules never import the forbidden external modules, directly or through other modules.

    Options: ``source_modules`` (modules of the root packages, each with its sub-modules) and
    ``forbidden_modules`` (dotted names outside the root packages; a name also forbids its sub-modules).
    """

    type_name = "forbidden_external_submodules"

    source_modules = fields.ListField(subfield=fields.ModuleField())
    forbidden_modules = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        roots = set(self.session_options["root_packages"])
        forbidden: list[str] = list(self.forbidden_modules)  # type: ignore[arg-type]
        violations = []
        for source in self.source_modules:  # type: ignore[attr-defined]
            if source.name not in graph.modules:
                raise ValueError(f"Module '{source.name}' does not exist.")
            own = {source.name} | graph.find_descendants(source.name)
            reached = own | graph.find_upstream_modules(source.name, as_package=True)
            for module in sorted(name for name in reached if name.split(".")[0] in roots):
                for line_number, line, imported in _external_imports(_module_file(module), roots):
                    banned = [name for name in forbidden for dotted in imported
                              if dotted == name or dotted.startswith(name + ".")]
                    if not banned:
                        continue
                    chain = (module,) if module in own else graph.find_shortest_chain(source.name, module)
                    violations.append({"source": source.name, "forbidden": banned[0], "chain": list(chain or ()),
                                       "line_number": line_number, "line": line})
                    output.verbose_print(verbose, f"{module}:{line_number} imports {banned[0]}")
        return ContractCheck(kept=not violations, metadata={"violations": violations})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for violation in check.metadata["violations"]:
            output.print_error(f"{violation['source']} is not allowed to import {violation['forbidden']}:")
            output.new_line()
            chain = " -> ".join(violation["chain"])
            output.print_error(f"-   {chain} (l.{violation['line_number']}): {violation['line']}", bold=False)
            output.new_line()


def _module_file(module: str) -> Path:
    """The source file of ``module`` (a module of a root package), found without importing anything."""
    root, *rest = module.split(".")
    spec = importlib.util.find_spec(root)
    if spec is None:
        raise ValueError(f"Module '{root}' cannot be found.")
    if spec.submodule_search_locations is None:
        return Path(spec.origin)
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*rest)
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def _external_imports(file: Path, roots: set[str]) -> list[tuple[int, str, list[str]]]:
    """``(line number, source line, dotted names)`` of each statement in ``file`` importing from outside ``roots``.

    ``from a.b import c`` names both ``a.b`` and ``a.b.c`` (``c`` may be a module); relative imports and
    those of the root packages are left out.
    """
    source = file.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source, filename=str(file))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names if alias.name != "*"]
        else:
            continue
        external = [name for name in names if name.split(".")[0] not in roots]
        if external:
            found.append((node.lineno, lines[node.lineno - 1].strip(), external))
    return found
