"""Refresh the translations: extract every string of ``gui/`` into the ``.ts`` files, then compile the ``.qm`` files.

    python -m gui.i18n.update            extract (pyside6-lupdate) and compile (pyside6-lrelease)
    python -m gui.i18n.update --status   list the entries still unfinished, per language (exit 1 if any)
    python -m gui.i18n.update --compile  compile only (after filling in translations)
    python -m gui.i18n.update --todo ko > ko.tsv       the unfinished entries of one language, as a table to fill
    python -m gui.i18n.update --fill ko ko.tsv          put the filled table's translations in, then compile

Run it from a source checkout (it writes ``resources/i18n/``). The tools come with PySide6-Essentials and are
looked up beside this interpreter first (a virtual environment's ``bin/``), then on ``PATH``.

Why not ``pyside6-lupdate gui/`` alone: many modules translate through a module-level helper,
``_tr("...")`` returning ``QCoreApplication.translate("Context", text)``. lupdate does not know such helpers
(an unknown name is skipped, a bare ``tr`` lands in the empty context, which never matches at run time). So
``extract`` copies the sources to a temporary folder with each helper call ``_tr("`` rewritten, on the same
line, to ``QCoreApplication.translate("Context", "`` (the helper's own context, read from its body), and runs
lupdate on the copy; locations in the ``.ts`` are relative to it and so point at the real files. Existing
translations are merged by lupdate; entries whose source is gone are dropped (``-no-obsolete``).
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
#: Where the ``.ts`` sources and compiled ``.qm`` files live (installed as ``gmm_explorer_resources/i18n``).
I18N_FOLDER = REPOSITORY / "resources" / "i18n"
#: The languages translated, as in the file names ``gmm_explorer_<language>.ts``.
LANGUAGES = ("zh_CN", "ko")
SOURCE_FOLDERS = ("gui",)


def ts_path(language: str, folder: Path = I18N_FOLDER) -> Path:
    return folder / f"gmm_explorer_{language}.ts"


def qm_path(language: str, folder: Path = I18N_FOLDER) -> Path:
    return folder / f"gmm_explorer_{language}.qm"


def tool(name: str) -> str:
    """The path of a PySide6 tool (``pyside6-lupdate``), beside this interpreter or on ``PATH``."""
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"error: {name} not found (it comes with PySide6-Essentials: pip install -e .)")
    return found


# --- the helpers' calls, rewritten for lupdate ------------------------------------------------------


def _helper_context(function: ast.FunctionDef) -> str | None:
    """The context of a helper ``def f(text): return QCoreApplication.translate("Context", text)``, else None."""
    if len(function.args.args) != 1 or len(function.body) < 1:
        return None
    returned = function.body[-1]
    if not (isinstance(returned, ast.Return) and isinstance(returned.value, ast.Call)):
        return None
    call = returned.value
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", None)
    if name != "translate" or len(call.args) != 2:
        return None
    context, text = call.args
    if isinstance(context, ast.Constant) and isinstance(context.value, str) and isinstance(text, ast.Name) \
            and text.id == function.args.args[0].arg:
        return context.value
    return None


def module_helpers(tree: ast.Module) -> dict[str, str]:
    """The module-level translation helpers a module defines: name -> context."""
    return {node.name: context for node in tree.body if isinstance(node, ast.FunctionDef)
            and (context := _helper_context(node)) is not None}


def _module_name(path: Path, root: Path) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts)


def helpers_in_scope(tree: ast.Module, defined: dict[str, dict[str, str]]) -> dict[str, str]:
    """The helpers a module can call: its own and those it imports by name from other modules of ``defined``."""
    helpers = dict(defined.get("", {}))
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module in defined:
            for alias in node.names:
                if alias.name in defined[node.module]:
                    helpers[alias.asname or alias.name] = defined[node.module][alias.name]
    return helpers


def rewrite_helper_calls(source: bytes, helpers: dict[str, str]) -> bytes:
    """``source`` with each ``helper("...`` call whose first argument is a string literal turned into
    ``QCoreApplication.translate("Context", "...``, every line kept where it was."""
    if not helpers:
        return source
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    edits: list[tuple[int, int, int, str]] = []  # line index, start byte, end byte, replacement
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in helpers \
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            line = node.func.lineno - 1
            start, end = node.func.col_offset, node.func.end_col_offset
            if lines[line][end:end + 1] != b"(":
                continue
            edits.append((line, start, end + 1,
                          f'QCoreApplication.translate("{helpers[node.func.id]}", '))
    for line, start, end, replacement in sorted(edits, reverse=True):
        lines[line] = lines[line][:start] + replacement.encode() + lines[line][end:]
    return b"".join(lines)


def mirror_sources(root: Path, target: Path) -> list[Path]:
    """Copy the ``.py`` files of ``SOURCE_FOLDERS`` under ``root`` to ``target``, helper calls rewritten."""
    files = sorted(path for folder in SOURCE_FOLDERS for path in (root / folder).rglob("*.py")
                   if "__pycache__" not in path.parts)
    trees = {path: ast.parse(path.read_bytes()) for path in files}
    defined = {_module_name(path, root): module_helpers(tree) for path, tree in trees.items()}
    copies = []
    for path, tree in trees.items():
        helpers = {**defined[_module_name(path, root)], **helpers_in_scope(tree, defined)}
        copy = target / path.relative_to(root)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(rewrite_helper_calls(path.read_bytes(), helpers))
        copies.append(copy)
    return copies


# --- the commands -------------------------------------------------------------------------------------


def extract(root: Path = REPOSITORY, languages: tuple[str, ...] = LANGUAGES) -> None:
    """Update the ``.ts`` files under ``root/resources/i18n`` from the sources under ``root``."""
    folder = root / "resources" / "i18n"
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gmm-i18n-") as scratch:
        scratch_root = Path(scratch)
        copies = mirror_sources(root, scratch_root)
        scratch_folder = scratch_root / "resources" / "i18n"
        scratch_folder.mkdir(parents=True)
        targets = []
        for language in languages:
            if ts_path(language, folder).is_file():
                shutil.copyfile(ts_path(language, folder), ts_path(language, scratch_folder))
            targets.append(ts_path(language, scratch_folder))
        subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "absolute", *map(str, copies),
                        "-ts", *map(str, targets)], check=True)
        for language in languages:
            shutil.copyfile(ts_path(language, scratch_folder), ts_path(language, folder))


def compile_qm(source_folder: Path = I18N_FOLDER, target_folder: Path | None = None,
               languages: tuple[str, ...] = LANGUAGES) -> list[Path]:
    """Compile each ``.ts`` of ``source_folder`` into a ``.qm`` in ``target_folder`` (the same by default)."""
    target_folder = source_folder if target_folder is None else target_folder
    outputs = []
    for language in languages:
        output = qm_path(language, target_folder)
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_path(language, source_folder)), "-qm",
                        str(output)], check=True)
        outputs.append(output)
    return outputs


def unfinished(ts_file: Path) -> list[tuple[str, str, str]]:
    """The entries of ``ts_file`` that are unfinished, obsolete or vanished: (context, source, state)."""
    entries = []
    for context in ElementTree.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            state = translation.get("type", "") if translation is not None else "missing"
            forms = [translation.text or ""] if translation is not None else []
            if message.get("numerus") == "yes" and translation is not None:
                forms = [form.text or "" for form in translation.iter("numerusform")] or [""]
            if state or not forms or not all(form.strip() for form in forms):
                entries.append((name, message.findtext("source", ""), state or "empty"))
    return entries


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def _unescape(text: str) -> str:
    return re.sub(r"\\([\\tn])", lambda match: {"\\": "\\", "t": "\t", "n": "\n"}[match.group(1)], text)


def todo_table(language: str, folder: Path = I18N_FOLDER) -> str:
    """The unfinished entries of ``language`` as lines ``context<TAB>source<TAB>`` (a translation goes after the
    last tab; newlines and tabs are written ``\\n`` and ``\\t``)."""
    entries = unfinished(ts_path(language, folder))
    return "".join(f"{context}\t{_escape(source)}\t\n" for context, source, _state in entries)


def fill(language: str, table: Path, folder: Path = I18N_FOLDER) -> int:
    """Put the translations of a ``todo_table`` whose last column is filled into ``language``'s ``.ts``.

    Lines with an empty translation are skipped. Returns how many entries were filled. The file is written by
    ElementTree; the next ``extract`` gives it lupdate's layout again (``main`` runs both).
    """
    translations = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[2].strip():
            translations[(parts[0], _unescape(parts[1]))] = _unescape(parts[2])
    path = ts_path(language, folder)
    tree = ElementTree.parse(path)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            text = translations.get((name, message.findtext("source", "")))
            translation = message.find("translation")
            if text is None or translation is None:
                continue
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                for form in list(translation):
                    translation.remove(form)
                ElementTree.SubElement(translation, "numerusform").text = text
                translation.text = None
            else:
                translation.text = text
            filled += 1
    body = ElementTree.tostring(tree.getroot(), encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")
    return filled


def status(folder: Path = I18N_FOLDER) -> int:
    """Print the unfinished entries of each language; 1 if there are any."""
    total = 0
    for language in LANGUAGES:
        entries = unfinished(ts_path(language, folder))
        total += len(entries)
        print(f"{ts_path(language, folder).name}: {len(entries)} unfinished")
        for context, source, state in entries:
            print(f"  [{state}] {context}: {source!r}")
    return 1 if total else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gui.i18n.update", description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--status", action="store_true", help="list the unfinished entries (exit 1 if any)")
    group.add_argument("--compile", action="store_true", help="compile the .qm files only")
    group.add_argument("--todo", metavar="LANGUAGE", choices=LANGUAGES,
                       help="print LANGUAGE's unfinished entries as a table: context, source, (translation)")
    group.add_argument("--fill", nargs=2, metavar=("LANGUAGE", "TABLE"),
                       help="take the translations of a filled --todo table, then extract and compile")
    args = parser.parse_args(argv)
    if args.status:
        return status()
    if args.todo:
        sys.stdout.write(todo_table(args.todo))
        return 0
    if args.fill:
        language, table = args.fill
        if language not in LANGUAGES:
            parser.error(f"unknown language {language!r} (choose from {', '.join(LANGUAGES)})")
        print(f"{ts_path(language).name}: {fill(language, Path(table))} entries filled")
    if not args.compile:
        extract()
    for output in compile_qm():
        print(f"compiled {output.relative_to(REPOSITORY)}")
    return status()


if __name__ == "__main__":
    sys.exit(main())
