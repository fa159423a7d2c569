"""The engine's error sentences in Chinese and Korean (``gui.i18n.engine_errors``).

Every case below raises a real engine error (the engine's own function on a hostile input) and names the table
entry (and the clause of a slot) it must match. So a change of the engine's wording fails here instead of
going untranslated, and every entry of the tables is raised by some case. With the Chinese and Korean
translators installed, each sentence comes out translated, with its file names and numbers and without the
English words of its template; in English, and for a sentence no entry knows, it comes back unchanged.

A little over 400 lines: most of it is the two case tables, one entry per engine sentence, which read best
side by side with ``gui/i18n/engine_sentences.py``.
"""

from __future__ import annotations

import errno
import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import test_gui_window
from test_gui_window import TIMEOUT_MS

from engine.config import FitConfig
from engine.covariance import CovarianceType
from engine.errors import GMMError
from engine.imaging.segmentation import start_params
from engine.init import require_distinct_rows
from engine.io import csv_reader, paths, tables
from engine.io.atomic import EncodeError, write_all
from engine.io.model_json import FORMAT, load_model, model_from_dict
from engine.io.tables import load_data
from engine.params import MixtureParams
from engine.scales import check_fit_data
from engine.stats import SufficientStats, m_step
from gui.i18n.engine_errors import matching_sentences, shown_value, translated_error
from gui.i18n.engine_sentences import KNOWN_VALUES, PARTS, SENTENCES
from gui.i18n.languages import TRANSLATORS

LANGUAGES = ("zh_CN", "ko")
#: Names, symbols and command-line options that stay as they are in every language (taken out of a template
#: before its English words are listed).
KEPT = ("--drop-invalid", "--columns", "numpy.save", ".npy", ".npz", "UTF-8", "UTF-16", "CSV", "NaN", "JSON",
        "EM", "K", "reg_covar", "'label'", "feature_names", "n_features", "covariance_type", '"format"', "zip",
        "NUL")
PLACEHOLDER = re.compile(r"\{\w+\}")

app = test_gui_window.app


# --- the cases: each raises one engine error --------------------------------------------------------------


def _write(path: Path, content: bytes | str) -> Path:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def _csv(content: bytes | str, name: str = "data.csv") -> Callable[[Path], object]:
    return lambda tmp: load_data(_write(tmp / name, content))


def _npy(array: np.ndarray) -> Callable[[Path], object]:
    def load(tmp: Path) -> object:
        np.save(tmp / "data.npy", array)
        return load_data(tmp / "data.npy")
    return load


def _npy_bytes(content: bytes) -> Callable[[Path], object]:
    return lambda tmp: load_data(_write(tmp / "data.npy", content))


def _truncated_npy(tmp: Path) -> object:
    np.save(tmp / "data.npy", np.ones((10, 2)))
    content = (tmp / "data.npy").read_bytes()
    return load_data(_write(tmp / "data.npy", content[:-8]))


def _npz(tmp: Path) -> object:
    np.savez(tmp / "data.npz", np.ones(3))
    return load_data((tmp / "data.npz").rename(tmp / "data.npy"))


def _model(document: object) -> Callable[[Path], object]:
    def load(tmp: Path) -> object:
        text = document if isinstance(document, str) else json.dumps(document)
        return load_model(_write(tmp / "model.json", text))
    return load


def _good_model(**changes: object) -> dict:
    document = {"format": FORMAT, "version": 1, "covariance_type": "full", "n_components": 1,
                "n_features": 2, "weights": [1.0], "means": [[0.0, 0.0]], "covariances": [[[1.0, 0.0], [0.0, 1.0]]]}
    document.update(changes)
    return {key: value for key, value in document.items() if value is not None}


def _os_error(number: int, where: str) -> Callable[..., object]:
    def fail(*args: object, **kwargs: object) -> object:
        raise OSError(number, os.strerror(number), where)
    return fail


def _loop(tmp: Path) -> object:
    os.symlink(tmp / "b.csv", tmp / "a.csv")
    os.symlink(tmp / "a.csv", tmp / "b.csv")
    return load_data(tmp / "a.csv")


def _collapse(tmp: Path) -> object:
    stats = SufficientStats(CovarianceType.FULL, nk=np.array([5.0, 0.0]), means=np.zeros((2, 1)),
                            covariances=np.ones((2, 1, 1)))
    return m_step(stats, 1e-6)


def _params(n_components: int) -> MixtureParams:
    """``n_components`` full unit covariances at the origin, in 2-D."""
    covariances = np.broadcast_to(np.eye(2), (n_components, 2, 2)).copy()
    return MixtureParams.from_covariances(np.full(n_components, 1 / n_components), np.zeros((n_components, 2)),
                                          covariances, CovarianceType.FULL)


def _wide_column(scale: float) -> Callable[[Path], object]:
    return lambda tmp: check_fit_data(np.random.default_rng(0).normal(size=(50, 2)) * [1.0, scale], ["u", "v"])


def _far_row(tmp: Path) -> object:
    X = np.random.default_rng(0).normal(size=(50, 1))
    X[7, 0] = 1e300
    return check_fit_data(X)


#: (id, the call raising the error (given a temporary folder and pytest's monkeypatch), the entry's template,
#: the templates of its slots' clauses)
CASES: list[tuple[str, Callable[..., object], str, tuple[str, ...]]] = [
    ("missing", lambda tmp: load_data(tmp / "missing.csv"), "{path}: no such file; check the path.", ()),
    ("folder", lambda tmp: load_data((tmp / "folder.csv").mkdir() or tmp / "folder.csv"),
     "{path} is a folder, not a data file; choose a CSV/text or .npy file.", ()),
    ("pipe", lambda tmp: load_data(os.mkfifo(tmp / "pipe.csv") or tmp / "pipe.csv"),
     "{path} is not a regular file (a device or a pipe?); choose a CSV/text or .npy file.", ()),
    ("name too long", lambda tmp: load_data(tmp / ("a" * 300 + ".csv")),
     "cannot read the data file {path}: {path_problem}; choose another name.",
     ("the name {long_name} is too long ({size} bytes; a file or folder name can have at most {limit} bytes)",)),
    ("path too long", lambda tmp: load_data(tmp.joinpath(*["b" * 200] * 30, "data.csv")),
     "cannot read the data file {path}: {path_problem}; choose another name.",
     ("the path is too long ({size} bytes, more than the system allows; each name may have at most {limit} "
      "bytes)",)),
    ("link loop", _loop, "cannot read the data file {path}: {path_problem}; choose another name.",
     ("its symbolic links form a loop",)),
    ("stat fails", lambda tmp, patch: patch.setattr(paths.os, "stat", _os_error(errno.EACCES, "x"))
     or load_data(tmp / "data.csv"), "cannot read the data file {path}: {path_problem}; choose another name.",
     ("it cannot be looked at ({reason})",)),
    ("NUL in name", lambda tmp: load_data(str(tmp / "a\0b.csv")),
     "cannot read the data file {path}: {path_problem}; choose another name.", ("its name holds a NUL character",)),
    ("unreadable", lambda tmp, patch: patch.setattr(csv_reader.Path, "read_bytes", _os_error(errno.EACCES, "x"))
     or load_data(_write(tmp / "data.csv", "1,2\n")),
     "cannot read {path}: {reason}; check the file's permissions.", ()),
    ("bad UTF-16", _csv(b"\xff\xfe\x00\xd8"), "{name} is not valid UTF-16 text; save it as UTF-8 CSV.", ()),
    ("binary", _csv(b"1,2\n\x00\x01\n"),
     "{name} is not a text file (it holds binary data); choose a CSV/text or .npy file.", ()),
    ("not UTF-8", _csv(b"u,v\n1,\xff\n"),
     "{name} is not UTF-8 text (bad byte at position {position}); save it as UTF-8 CSV.", ()),
    ("empty", _csv(""), "{name} is empty; choose a file with data.", ()),
    ("header only", _csv("u,v\n"), "{name} has a header but no data rows; add rows of numbers below the header.", ()),
    ("field too long", _csv('u,v\n1,"' + "2" * 140_000 + "\n"),
     "{name} line {line}, column {column}: a field of more than {limit} characters, most likely from a quote "
     "that is never closed; check the quotes from that line on (a value must be a number).", ()),
    ("ragged", _csv("u,v\n1,2\n3\n"),
     "{name} line {line} has {count} field(s) but line {first} has {expected} field(s); every row must have the "
     "same number of fields.", ()),
    ("missing value", _csv("u,v\n1,2\n3,\n"),
     "{name} line {line}, column {column} ({index}): the value is missing; fix the file or use --drop-invalid to "
     "skip such rows.", ()),
    ("text cell", _csv("u,v\n1,2\n3,abc\n"),
     "{name} line {line}, column {column} ({index}): {value} is not a number; fix the file or use --drop-invalid "
     "to skip such rows.", ()),
    ("NaN cell", _csv("u,v\n1,2\n3,nan\n"),
     "{name} line {line}, column {column} ({index}): {value} is not a finite number; fix the file or use "
     "--drop-invalid to skip such rows.", ()),
    ("NaN in .npy", _npy(np.array([[1.0, 2.0], [np.inf, 1.0]])),
     "{name} row {row}, column {column} ({index}): {value} is not a finite number; fix the file or use "
     "--drop-invalid to skip such rows.", ()),
    ("nothing left", lambda tmp: load_data(_write(tmp / "data.csv", "u,v\nx,1\n"), drop_invalid=True),
     "{name}: all {count} rows have missing, non-numeric or non-finite values, so nothing is left; check the file "
     "and the columns chosen.", ()),
    ("label missing", _csv("u,label\n1,a\n2,\n"),
     "{name} line {line}, column 'label': the true label is missing; fill it in, use --drop-invalid to skip such "
     "rows, or choose the feature columns with --columns.", ()),
    ("text .npy", _npy(np.array(["a", "b"])),
     "{name} holds {dtype} values, not numbers; save a numeric (integer or float) array.", ()),
    ("3-D .npy", _npy(np.zeros((2, 2, 2))),
     "{name} holds a {ndim}-D array of shape {shape}; save a 1-D or 2-D array (one row per sample).", ()),
    ("empty .npy", _npy(np.zeros((0, 2))),
     "{name} holds an empty array of shape {shape}; it needs at least one row and column.", ()),
    (".npz", _npz,
     "{name} is not a valid .npy file but a zip archive (a .npz file?); save one array with numpy.save.", ()),
    ("format version", _npy_bytes(b"\x93NUMPY\x07\x00" + b"\x00" * 20),
     "{name} is not a valid .npy file (format version {version}); save it with numpy.save.", ()),
    ("damaged header", _npy_bytes(b"\x93NUMPY\x01\x00\x10\x00{'descr': <<<<   \n"),
     "{name} is not a valid .npy file (its header is damaged); save the array again with numpy.save.", ()),
    ("truncated", _truncated_npy,
     "{name} is not a valid .npy file (it is truncated); save the array again with numpy.save.", ()),
    ("unreadable data", lambda tmp, patch: patch.setattr(tables.np, "load", _os_error(errno.EIO, "x"))
     or _npy(np.ones(3))(tmp),
     "{name} is not a valid .npy file (its data cannot be read); save the array again with numpy.save.", ()),
    # --- fit settings and data checks
    ("K > samples", lambda tmp: require_distinct_rows(np.zeros((3, 2)), 5),
     "K = {k} is larger than the number of samples ({n}): use a smaller K.", ()),
    ("K > distinct", lambda tmp: require_distinct_rows(np.zeros((30, 2)), 4),
     "K = {k} is larger than the number of distinct points in the data: use a smaller K.", ()),
    ("given without model", lambda tmp: FitConfig(n_components=2, init="given"),
     "initialisation 'given' needs starting parameters (a model file).", ()),
    ("given with other K", lambda tmp: FitConfig(n_components=3, init="given", init_params=_params(2)),
     "the starting model has {model_k} components but K is {k}.", ()),
    ("given with other type", lambda tmp: FitConfig(n_components=2, init="given", init_params=_params(2),
                                                    covariance_type="diag"),
     "the starting model has {model_type} covariances but the fit asks for {fit_type}.", ()),
    ("NaN feature", lambda tmp: check_fit_data(np.array([[1.0, np.nan], [2.0, 3.0]]), ["u", "v"]),
     "{feature} holds NaN or infinite values: remove those rows or fill them in.",
     ("feature {column} (column {index})",)),
    ("NaN feature without a name", lambda tmp: check_fit_data(np.array([[np.inf, 1.0], [2.0, 3.0]])),
     "{feature} holds NaN or infinite values: remove those rows or fill them in.", ("feature {index}",)),
    ("far row", _far_row,
     "{feature} spreads too widely for double precision: row {row} ({value}) lies so far from the other rows that "
     "the sums of squares EM needs overflow: remove such rows.", ("feature {index}",)),
    ("wide column", _wide_column(1e200),
     "{feature} spreads too widely for double precision (standard deviation about {power}: the sums of squares EM "
     "needs overflow): rescale that column, for example divide it by {divisor}.",
     ("feature {column} (column {index})",)),
    ("narrow column", _wide_column(1e-170),
     "{feature} varies too little for double precision (standard deviation about {power}: its variance "
     "underflows): rescale that column, for example multiply it by {factor}, or drop it if it is meant to be "
     "constant.", ("feature {column} (column {index})",)),
    ("collapse", _collapse,
     "component {component} collapsed (no samples or a singular covariance): use fewer components, a larger "
     "reg_covar, or rescale the data.", ()),
    ("one-colour picture", lambda tmp: start_params(np.zeros((40, 3)), FitConfig(n_components=3),
                                                    np.random.default_rng(0)),
     "the picture has fewer than {k} distinct colours, so it cannot have {segments} segments: use a smaller K.", ()),
    # --- writing
    ("no folder", lambda tmp: write_all({tmp / "no" / "such" / "out.csv": "1\n"}),
     "cannot write {path}: {write_problem}; the existing file, if any, is unchanged.",
     ("{reason}; check that the folder exists and is writable",)),
    ("encoding fails", lambda tmp: write_all({tmp / "out.csv": _raise(EncodeError("the labels do not fit"))}),
     "cannot write {path}: {write_problem}; the existing file, if any, is unchanged.", ("{reason}",)),
]


def _raise(error: Exception) -> Callable[[Path], None]:
    def content(path: Path) -> None:
        raise error
    return content


def _nested_objects(depth: int) -> dict:
    value: dict = {"a": 1}
    for _ in range(depth):
        value = {"a": value}
    return value


_MODEL_FRAME = "cannot load the model file {path}: {model_problem}."
_FULL_COVARIANCE = [[[1.0, 0.0], [0.0, 1.0]]]
#: (id, the model document (or text) or a call, the clause)
MODEL_CASES: list[tuple[str, object, str]] = [
    ("missing", lambda tmp: load_model(tmp / "missing.json"), "it does not exist"),
    ("folder", lambda tmp: load_model((tmp / "m.json").mkdir() or tmp / "m.json"), "it is not a file but a folder"),
    ("pipe", lambda tmp: load_model(os.mkfifo(tmp / "m.json") or tmp / "m.json"),
     "it is not a regular file (a pipe or a device?)"),
    ("not UTF-8", lambda tmp: load_model(_write(tmp / "m.json", b"{\xff}")), "it is not a text file (UTF-8)"),
    ("unreadable", lambda tmp, patch: patch.setattr(Path, "read_text", _os_error(errno.EACCES, "x"))
     or load_model(_write(tmp / "m.json", "{}")),
     "it cannot be read ({reason})"),
    ("NUL in name", lambda tmp: load_model(str(tmp / "a\0b.json")), "its name holds a NUL character"),
    ("Infinity", '{"format": Infinity}', "it holds the number {number}, but every number must be finite"),
    ("truncated", '{"format": "gmm-explorer.model", "ver',
     "it is not valid JSON ({json_reason} at line {line}, column {column})"),
    ("nested too deeply", "[" * 100_000 + "]" * 100_000, "it is not valid JSON (nested too deeply)"),
    ("nested objects", _good_model(extra=_nested_objects(40)),
     'its "{key}" is nested more than {depth} levels deep, deeper than any model needs; remove that nesting'),
    ("a list", [1, 2], "it holds a JSON {kind}, not an object with the model's keys"),
    ("no format", {"version": 1}, "it has no \"format\" key, so it is not a {format} file"),
    ("other format", _good_model(format="other"), "its format is {value}, not \"{format}\""),
    ("other version", _good_model(version=7), "its format version is {value}, but only version {version} is supported"),
    ("no weights", _good_model(weights=None), "it lacks the key(s) {keys}"),
    ("bad type", _good_model(covariance_type="round"), "its covariance_type {value} is not one of {choices}"),
    ("K of 0", _good_model(n_components=0), "its {key} is {value}, but it must be a whole number >= 1"),
    ("names not strings", _good_model(feature_names=[1, 2]), "its feature_names must be a list of strings"),
    ("three names", _good_model(feature_names=["a", "b", "c"]),
     "it has {count} feature_names but n_features is {n_features}"),
    ("means of a wrong shape", _good_model(means=[[0.0, 0.0, 0.0]]),
     "its {key} should have shape {expected} {meaning} but has shape {got}"),
    ("ragged means", _good_model(means=[[0.0], [0.0, 1.0]]),
     "its {key} should have shape {expected} {meaning} but has lists of different lengths"),
    ("text means", _good_model(means=[["a", 0.0]]), "its {key} must hold numbers, but it holds {value}"),
    ("huge mean", '{"format": "' + FORMAT + '", "version": 1, "covariance_type": "full", "n_components": 1, '
                  '"n_features": 1, "weights": [1], "means": [[' + "9" * 400 + ']], "covariances": [[[1]]]}',
     "its {key} holds a number too large for a float"),
    ("infinite mean", lambda tmp: model_from_dict(_good_model(means=[[np.inf, 0.0]]), "the model file m.json"),
     "its {key} holds NaN or infinity, but every number must be finite"),
    ("negative weight", _good_model(n_components=2, weights=[1.5, -0.5], means=[[0, 0], [1, 1]],
                                    covariances=_FULL_COVARIANCE * 2),
     "the weight of component {component} is negative ({weight})"),
    ("weights off", _good_model(weights=[0.9]), "its weights sum to {total}, not 1"),
    ("asymmetric", _good_model(covariances=[[[1.0, 0.5], [0.0, 1.0]]]),
     "the covariance of component {component} is not symmetric"),
    ("asymmetric tied", _good_model(covariance_type="tied", covariances=[[1.0, 0.5], [0.0, 1.0]]),
     "the shared covariance is not symmetric"),
    ("not definite", _good_model(covariances=[[[1.0, 2.0], [2.0, 1.0]]]),
     "the covariance of component {component} is not positive definite"),
    ("not definite tied", _good_model(covariance_type="tied", covariances=[[1.0, 2.0], [2.0, 1.0]]),
     "the shared covariance is not positive definite"),
    ("zero variance", _good_model(covariance_type="diag", covariances=[[1.0, 0.0]]),
     "the variances of component {component} must all be positive"),
]


def _call(call: object, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], object]:
    """A call of no arguments raising the case's error: a model document is written and loaded."""
    if not callable(call):
        return lambda: _model(call)(tmp)
    if call.__code__.co_argcount == 2:
        return lambda: call(tmp, monkeypatch)
    return lambda: call(tmp)


ALL_CASES = [pytest.param(call, template, parts, id=name) for name, call, template, parts in CASES] + [
    pytest.param(call, _MODEL_FRAME, (part,), id=f"model: {name}") for name, call, part in MODEL_CASES]


@pytest.fixture(scope="module")
def raised(tmp_path_factory) -> Callable[[Callable[..., object]], str]:
    """Run a case's call and return the message of the engine error it raised.

    Each case is raised once per module, in a folder of its own, and its message (a string the tests only read)
    kept for the module's other tests of that case: the match, the two languages and English ask for the same
    message, and raising it again three times cost about half of the module's CPU time."""
    messages: dict[int, str] = {}

    def run(call: object) -> str:
        if id(call) not in messages:  # the cases' calls live as long as ALL_CASES: their ids stay theirs
            with pytest.MonkeyPatch.context() as monkeypatch, pytest.raises(GMMError) as caught:
                _call(call, tmp_path_factory.mktemp("case"), monkeypatch)()
            messages[id(call)] = str(caught.value)
        return messages[id(call)]
    return run


# --- the tests -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("call", "template", "parts"), ALL_CASES)
def test_each_engine_error_matches_exactly_its_entry(raised, call, template, parts):
    message = raised(call)
    matches = matching_sentences(message)
    assert len(matches) == 1, f"{message!r} matches {len(matches)} entries"
    sentence, _ = matches[0]
    assert (sentence.template, tuple(part for _, part in sentence.parts)) == (template, parts), message


def test_every_entry_is_raised_by_some_case():
    raised_templates = {template for _, _, template, _ in CASES} | {_MODEL_FRAME}
    raised_parts = {part for _, _, _, parts in CASES for part in parts} | {part for _, _, part in MODEL_CASES}
    assert {sentence.template for sentence in SENTENCES} - raised_templates == set()
    assert {part.template for table in PARTS.values() for part in table} - raised_parts == set()


@pytest.fixture(scope="module", params=LANGUAGES)
def _module_language(request, qapp):
    """Each language installed once for the module's few hundred cases, not once per case: an install (and
    taking it back) sends every live widget a language and a font change, about 10 ms of CPU each time."""
    TRANSLATORS.install(qapp, request.param)
    yield request.param
    TRANSLATORS.install(qapp, "en")


@pytest.fixture
def language(_module_language, qapp):
    """The window's language for one test: installed again when an earlier test installed another (English,
    say), so a test that installs English cannot leak into the next."""
    if TRANSLATORS.language != _module_language:
        TRANSLATORS.install(qapp, _module_language)
    return _module_language


def english_words(template: str) -> list[str]:
    """The English words of a template, without its placeholders and the names that stay (``KEPT``)."""
    text = PLACEHOLDER.sub(" ", template)
    for kept in KEPT:
        text = text.replace(kept, " ")
    return re.findall(r"[A-Za-z]{2,}", text)


@pytest.mark.parametrize(("call", "template", "parts"), ALL_CASES)
def test_each_engine_error_is_translated_with_its_values(language, raised, call, template, parts):
    message = raised(call)
    translated = translated_error(message)
    assert translated != message
    (sentence, match), = matching_sentences(message)
    rest = translated
    slots = {slot for slot, _ in sentence.parts}
    for group, value in match.groupdict().items():
        if group not in slots:
            shown = shown_value(group, value)
            assert shown in translated, f"{group}={value!r} is lost: {translated!r}"
            assert (shown != value) == (value in KNOWN_VALUES.get(group, {})), f"{group}={value!r} -> {shown!r}"
            rest = rest.replace(shown, " ")
    for kept in KEPT:
        rest = rest.replace(kept, " ")
    for english in (template, *parts):
        for word in english_words(english):
            assert not re.search(rf"(?<![A-Za-z]){word}(?![A-Za-z])", rest), f"{word!r} left in {translated!r}"


@pytest.mark.parametrize(("call", "template", "parts"), ALL_CASES)
def test_in_english_the_engine_sentence_is_shown_as_it_is(qapp, raised, call, template, parts):
    """Word for word, even where the template is not (``field(s)``)."""
    if TRANSLATORS.language != "en":  # installed once for all the cases, not once each
        TRANSLATORS.install(qapp, "en")
    message = raised(call)
    assert translated_error(message) == message


def test_a_sentence_no_entry_knows_comes_back_unchanged(language):
    message = "the moon is made of cheese: 42 rows of it."
    assert translated_error(message) == message
    assert translated_error("") == ""


def test_a_hostile_data_file_gives_a_dialog_in_chinese(qapp, app, qtbot, tmp_path, messages):
    """The whole way: a file opened in a Chinese window fails to load in a job, and the dialog says why in
    Chinese, with the file's name and line number."""
    _window, controller = app
    TRANSLATORS.install(qapp, "zh_CN")
    try:
        path = _write(tmp_path / "scores.csv", "u,v\n1,2\n3,abc\n")
        controller.open_path(str(path))
        qtbot.waitUntil(lambda: bool(messages), timeout=TIMEOUT_MS)
    finally:
        TRANSLATORS.install(qapp, "en")
    (title, text), = messages
    assert "scores.csv" in text and "3" in text and "'abc'" in text
    assert re.search(r"[\u4e00-\u9fff]", title) and re.search(r"[\u4e00-\u9fff]", text), (title, text)
    assert "is not a number" not in text


#: A document for each JSON parser's reason that ``KNOWN_VALUES`` translates.
JSON_MISTAKES = ("", '{"a" 1}', '{"a": 1 "b": 2}', "{a: 1}", '{"a": 1} x', '"abc', '"a\x01"', '"\\q"')
#: The errors behind the system's reasons that ``KNOWN_VALUES`` translates.
SYSTEM_ERRORS = (errno.EACCES, errno.EPERM, errno.ENOENT, errno.EISDIR, errno.ENOTDIR, errno.ENOSPC, errno.EDQUOT,
                 errno.EROFS, errno.EIO)


def test_the_known_values_are_the_system_s_and_the_json_parser_s_words():
    parsed = set()
    for document in JSON_MISTAKES:
        with pytest.raises(json.JSONDecodeError) as caught:
            json.loads(document)
        parsed.add(caught.value.msg)
    assert set(KNOWN_VALUES["json_reason"]) == parsed
    assert set(KNOWN_VALUES["reason"]) == {os.strerror(number) for number in SYSTEM_ERRORS}


@pytest.mark.parametrize(("group", "value"), [(group, value) for group, table in KNOWN_VALUES.items()
                                               for value in table])
def test_each_known_value_is_translated(language, group, value):
    shown = shown_value(group, value)
    assert shown != value and not re.search(r"[a-z]{3,}", shown.replace("'", " ")), shown
