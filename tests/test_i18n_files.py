"""The translation files and the code that feeds them: no string escapes extraction, every ``.ts`` entry is
finished and keeps its source's placeholders and markup, the ``.qm`` files are compiled from the ``.ts``
files as they are, and the ``.ts`` files hold exactly the strings the code has (``python -m gui.i18n.update``
refreshes both; see ``resources/i18n/GLOSSARY.md``).
"""

from __future__ import annotations

import ast
import re
import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from engine.presets import PRESETS
from gui.i18n import update
from gui.i18n.outside import PRESET_DESCRIPTIONS

ROOT = Path(__file__).resolve().parents[1]
#: Calls that take a text to translate, and the position of the text among their arguments.
TRANSLATING = {"tr": 0, "_tr": 0, "translate": 1, "QT_TR_NOOP": 0, "QT_TRANSLATE_NOOP": 1}
PLACEHOLDER = re.compile(r"\{\d*(?::[^{}]*)?\}|%n|%\d")
TAG = re.compile(r"</?[A-Za-z][^>]*>")
MNEMONIC = re.compile(r"&(?!&)\S")


def _name(call: ast.Call) -> str | None:
    return call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", None)


def formatting_problems(source: str, filename: str = "<source>") -> list[str]:
    """``file:line: what`` for each translation call whose text is formatted before translating: an f-string,
    ``"..." % x`` or ``"...".format(x)`` inside the call, or a call of a literal text inside an f-string (which
    lupdate skips; a variable's text, marked with ``QT_TRANSLATE_NOOP`` where it is defined, may be translated
    there)."""
    problems = []
    tree = ast.parse(source)
    inside_fstring = {id(node) for joined in ast.walk(tree) if isinstance(joined, ast.JoinedStr)
                      for node in ast.walk(joined) if node is not joined}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _name(node) not in TRANSLATING:
            continue
        position = TRANSLATING[_name(node)]
        where = f"{filename}:{node.lineno}"
        if len(node.args) <= position:
            continue
        text = node.args[position]
        if id(node) in inside_fstring and isinstance(text, ast.Constant):
            problems.append(f"{where}: {_name(node)}() of a text inside an f-string (lupdate does not extract it)")
        if isinstance(text, ast.JoinedStr):
            problems.append(f"{where}: {_name(node)}() of an f-string: format after translating")
        elif isinstance(text, ast.BinOp) and isinstance(text.op, ast.Mod):
            problems.append(f"{where}: {_name(node)}() of '...' % x: format after translating")
        elif isinstance(text, ast.Call) and isinstance(text.func, ast.Attribute) and text.func.attr == "format":
            problems.append(f"{where}: {_name(node)}() of '...'.format(x): format after translating")
    return problems


def test_no_translation_call_gets_a_formatted_text():
    problems = [problem for path in sorted((ROOT / "gui").rglob("*.py"))
                for problem in formatting_problems(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("code", [
    'self.tr(f"Iteration {k}")',
    '_tr("Iteration %d" % k)',
    'QCoreApplication.translate("Ctx", "Iteration {0}".format(k))',
    "label = f'<b>{self.tr(\"Iteration\")}</b>'",
])
def test_the_lint_catches_each_kind_of_formatting(code):
    assert formatting_problems(code)


def test_the_lint_accepts_formatting_after_translating():
    assert not formatting_problems('self.tr("Iteration {0}").format(k)\n_tr("{0} points").format(n)\n'
                                   'x = f"<b>{title}</b>"')


def _messages(language: str) -> list[ElementTree.Element]:
    return list(ElementTree.parse(update.ts_path(language)).getroot().iter("message"))


def _translations(message: ElementTree.Element) -> list[str]:
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


@pytest.mark.parametrize("language", update.LANGUAGES)
def test_every_entry_is_finished_and_none_is_obsolete(language):
    assert _messages(language)
    assert not update.unfinished(update.ts_path(language)), "python -m gui.i18n.update --status lists them"


@pytest.mark.parametrize("language", update.LANGUAGES)
def test_translations_keep_the_placeholders_markup_and_mnemonics(language):
    wrong = []
    for message in _messages(language):
        source = message.findtext("source")
        for text in _translations(message):
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                wrong.append(f"placeholders: {source!r} -> {text!r}")
            if sorted(TAG.findall(text)) != sorted(TAG.findall(source)):
                wrong.append(f"tags: {source!r} -> {text!r}")
            if bool(MNEMONIC.search(text)) != bool(MNEMONIC.search(source)):
                wrong.append(f"mnemonic (&): {source!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


def test_the_compiled_files_are_current(tmp_path):
    compiled = update.compile_qm(update.I18N_FOLDER, tmp_path)
    stale = [path.name for path in compiled if path.read_bytes() != (update.I18N_FOLDER / path.name).read_bytes()]
    assert not stale, f"{stale} differ from their .ts: run python -m gui.i18n.update --compile"


def test_the_sources_hold_exactly_the_strings_of_the_code(tmp_path):
    """Extraction from the code as it is now gives the strings the .ts files have (no string new or gone)."""
    shutil.copytree(ROOT / "gui", tmp_path / "gui", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "resources" / "i18n").mkdir(parents=True)
    for language in update.LANGUAGES:
        shutil.copyfile(update.ts_path(language), update.ts_path(language, tmp_path / "resources" / "i18n"))
    update.extract(tmp_path)
    for language in update.LANGUAGES:
        now, fresh = _entries(update.ts_path(language)), _entries(update.ts_path(language, tmp_path / "resources/i18n"))
        assert now == fresh, (f"{language}: new {sorted(fresh - now)}, gone {sorted(now - fresh)}: run "
                              "python -m gui.i18n.update, then translate (--todo / --fill)")


def _entries(ts_file: Path) -> set[tuple[str, str]]:
    """(context, source) of every entry of ``ts_file``."""
    return {(context.findtext("name"), message.findtext("source"))
            for context in ElementTree.parse(ts_file).getroot().iter("context") for message in context.iter("message")}


def test_helper_calls_are_rewritten_on_their_own_lines():
    source = (b'def _tr(text):\n    return QCoreApplication.translate("Panel", text)\n\n'
              b'x = _tr("Run")\ny = _tr(\n    "Stop {0}").format(1)\nz = _tr(name)\n')
    helpers = update.module_helpers(ast.parse(source))
    assert helpers == {"_tr": "Panel"}
    rewritten = update.rewrite_helper_calls(source, helpers).decode()
    assert rewritten.splitlines()[3] == 'x = QCoreApplication.translate("Panel", "Run")'
    assert rewritten.splitlines()[4] == 'y = QCoreApplication.translate("Panel", '
    assert rewritten.splitlines()[6] == "z = _tr(name)"
    assert rewritten.count("\n") == source.decode().count("\n")


def test_the_preset_descriptions_marked_for_translation_are_the_engines():
    assert list(PRESET_DESCRIPTIONS) == [preset.description for preset in PRESETS.values()]


def test_the_glossary_terms_are_used():
    """The glossary's key terms appear in the translations (and the glossary names them)."""
    glossary = (update.I18N_FOLDER / "GLOSSARY.md").read_text(encoding="utf-8")
    for language, terms in {"zh_CN": ("高斯", "响应度", "对数似然", "协方差", "均值", "E 步", "M 步"),
                            "ko": ("가우시안", "책임도", "로그 가능도", "공분산", "평균", "E 단계", "M 단계")}.items():
        text = update.ts_path(language).read_text(encoding="utf-8")
        for term in terms:
            assert term in glossary and term in text, (language, term)
