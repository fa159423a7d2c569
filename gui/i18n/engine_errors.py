"""The engine's English error sentences in the window's language, at the boundary where the window shows them.

The engine raises ``engine.errors.GMMError`` with English sentences (the command line's contract); the window
passes the text of such an error through ``translated_error`` before a dialog shows it. The sentences it
knows are the tables of ``gui.i18n.engine_sentences``: a sentence matches one pattern exactly, its variable
parts (file names, numbers, column names) are kept as they are and put into the translated template. A
sentence no pattern matches, or whose template has no translation in the current language (English), comes
back unchanged, so nothing is ever lost.
"""

from __future__ import annotations

import itertools
import re
from functools import cache
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication

from gui.i18n.engine_sentences import KNOWN_VALUES, PARTS, SENTENCES, Sentence

CONTEXT = "engine_errors"
#: A slot in a pattern: ``<<name>>`` stands for one of ``PARTS[name]``.
SLOT = re.compile(r"<<(\w+)>>")


class CompiledSentence(NamedTuple):
    """A sentence with its slots filled by one choice of parts.

    Attributes
    ----------
    regex : re.Pattern
        The whole pattern; each slot's text is also captured in the group named after the slot.
    template : str
        The sentence's English template.
    parts : tuple of (str, str)
        (slot name, the chosen part's English template), one per slot.
    """

    regex: re.Pattern[str]
    template: str
    parts: tuple[tuple[str, str], ...]


def _expansions(sentence: Sentence) -> list[CompiledSentence]:
    """``sentence`` once for every choice of parts for its slots (itself alone if it has none)."""
    slots = SLOT.findall(sentence.pattern)
    compiled = []
    for choice in itertools.product(*(PARTS[slot] for slot in slots)):
        pattern = sentence.pattern
        for slot, part in zip(slots, choice, strict=True):
            pattern = pattern.replace(f"<<{slot}>>", f"(?P<{slot}>{part.pattern})", 1)
        parts = tuple((slot, part.template) for slot, part in zip(slots, choice, strict=True))
        compiled.append(CompiledSentence(re.compile(pattern), sentence.template, parts))
    return compiled


@cache
def compiled_sentences() -> tuple[CompiledSentence, ...]:
    """Every sentence of ``SENTENCES`` with its slots filled in every way, compiled once."""
    return tuple(itertools.chain.from_iterable(_expansions(sentence) for sentence in SENTENCES))


def matching_sentences(message: str) -> list[tuple[CompiledSentence, re.Match[str]]]:
    """Every compiled sentence that matches the whole of ``message``, with its match (at most one, by design)."""
    found = []
    for sentence in compiled_sentences():
        match = sentence.regex.fullmatch(message)
        if match is not None:
            found.append((sentence, match))
    return found


def _translate(template: str) -> str:
    return QCoreApplication.translate(CONTEXT, template)


def shown_value(group: str, value: str) -> str:
    """A variable part as the translation shows it: translated if ``KNOWN_VALUES`` knows it, else as it is."""
    template = KNOWN_VALUES.get(group, {}).get(value)
    return value if template is None else _translate(template)


def translated_error(message: str) -> str:
    """``message``, an engine error's sentence, in the window's language.

    Parameters
    ----------
    message : str
        The text of a ``GMMError`` (``str(error)``).

    Returns
    -------
    str
        The translated sentence with the variable parts of ``message`` in it (the system's and the JSON
        parser's reasons translated where ``KNOWN_VALUES`` knows them); ``message`` itself when no table entry
        matches it or its template is not translated (in English).
    """
    for sentence, match in matching_sentences(message):
        translated = _translate(sentence.template)
        if translated == sentence.template:
            return message  # English, or a sentence not translated yet: the engine's own words
        values = {group: shown_value(group, value) for group, value in match.groupdict().items()}
        for slot, part in sentence.parts:
            values[slot] = _translate(part).format(**values)
        return translated.format(**values)
    return message
