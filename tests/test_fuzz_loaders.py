"""Fuzzing the loaders: any bytes give a result or the project's own ``InputError``, never another exception
and never a hang.

Random and mutated files (valid files truncated, random bytes inserted, quotes, huge fields, odd
delimiters, NaN and infinity, unicode, keys removed, wrong types, deep nesting, huge numbers) go through
``load_data`` (CSV/text and ``.npy``), ``load_model`` and ``load_picture``. Each load runs in a worker
thread that must finish within ``HANG_SECONDS``, so a load that waits for ever fails the example instead
of stalling the suite. ``tests/conftest.py`` makes the examples fixed under CI.
"""

from __future__ import annotations

import io
import json
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from factories import random_params
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.errors import InputError
from engine.io.model_json import load_model, model_to_dict
from engine.io.tables import load_data
from gui.image.codec import encode_picture, load_picture

#: A load still running after this long has hung (ordinary examples take milliseconds).
HANG_SECONDS = 20.0
#: Examples per loader. 60 for text, ``.npy`` and model files, whose refusals the exact tests of test_data.py,
#: test_hostile_files.py and test_model_io.py also pin down one by one; 60 still find a UTF-8 error, a damaged
#: ``.npy`` header or a deep document let through (each caught on the fixed CI examples). Pictures keep 120.
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.data_too_large])
PICTURE_FUZZ = settings(FUZZ, max_examples=120)


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def load_or_refuse(load: Callable[..., Any], *args, **kwargs) -> Any:
    """``load(*args, **kwargs)`` in a worker thread: its result, or None when it raised ``InputError``.

    Any other exception is raised again here; a load that does not end within ``HANG_SECONDS`` fails.
    """
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["result"] = load(*args, **kwargs)
        except BaseException as error:  # noqa: BLE001 - handed to the test's thread below
            outcome["error"] = error

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(HANG_SECONDS)
    if worker.is_alive():
        pytest.fail(f"{getattr(load, '__name__', load)} still running after {HANG_SECONDS:g} s")
    error = outcome.get("error")
    if isinstance(error, InputError):
        message = str(error)
        assert message and "\n" not in message, repr(message)
        return None
    if error is not None:
        raise error
    return outcome["result"]


#: Short stand-ins for long contents, so that examples stay short to show; ``written`` puts the real
#: content in the file. A field over the csv module's 131 072-character limit, and nesting far deeper
#: than Python's recursion limit.
HUGE = "<huge field>"
EXPANSIONS = {HUGE.encode(): b"7" * 140_000, b"<deep lists>": b"[" * 100_000,
              b"<deep objects>": b'{"a":' * 5000 + b"1" + b"}" * 5000}


def written(folder: Path, name: str, content: bytes) -> Path:
    for short, long in EXPANSIONS.items():
        content = content.replace(short, long)
    path = folder / name
    path.write_bytes(content)
    return path


# --- mutations -----------------------------------------------------------------------------------------------

INSERTS = ['"', "'", ",", ";", "\t", " ", "\n", "\r", "\x00", "nan", "inf", "-inf", "NaN", "1e999", "é", "∞", "\ufeff",
           "\u2028", "1_000", "0x10", HUGE, '"' + HUGE, "{", "]"]


@st.composite
def mutated(draw, original: bytes) -> bytes:
    """``original`` with a few mutations: truncated, bytes or text inserted or deleted, bytes flipped."""
    data = bytearray(original)
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["truncate", "insert text", "insert bytes", "delete", "flip"]))
        at = draw(st.integers(0, len(data)))
        if kind == "truncate":
            del data[at:]
        elif kind == "insert text":
            data[at:at] = draw(st.sampled_from(INSERTS)).encode("utf-8")
        elif kind == "insert bytes":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 16))]
        elif data:
            at = min(at, len(data) - 1)
            data[at] ^= draw(st.integers(1, 255))
    return bytes(data)


# --- CSV and text --------------------------------------------------------------------------------------------

CSV_ALPHABET = st.sampled_from(list("0123456789.-+eE,;\t \n\r\"'xyabnNaiIf_") + ["é", "∞", "\x00", "\ufeff"])


@st.composite
def valid_csv(draw) -> bytes:
    delimiter = draw(st.sampled_from([",", ";", "\t", " "]))
    n_columns = draw(st.integers(1, 4))
    values = draw(st.lists(st.lists(st.floats(allow_nan=False, allow_infinity=False, width=32),
                                    min_size=n_columns, max_size=n_columns), min_size=1, max_size=12))
    header = delimiter.join(f"c{j}" for j in range(n_columns)) + "\n" if draw(st.booleans()) else ""
    return (header + "".join(delimiter.join(repr(v) for v in row) + "\n" for row in values)).encode("utf-8")


@st.composite
def hostile_csv(draw) -> bytes:
    """A valid file with one hostile piece inserted: a huge field, a quote never closed, a NUL..."""
    text = draw(valid_csv())
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(st.sampled_from(INSERTS[:3] + INSERTS[8:])).encode("utf-8") + text[at:]


CSV_FILES = st.one_of(
    st.text(CSV_ALPHABET, max_size=300).map(lambda text: text.encode("utf-8")),
    st.binary(max_size=200),
    valid_csv().flatmap(mutated),
    hostile_csv(),
)


@FUZZ
@given(content=CSV_FILES, drop_invalid=st.booleans(), columns=st.sampled_from([None, ["0"], ["c1", "c0"], [0]]))
def test_csv_files_load_or_are_refused(folder, content, drop_invalid, columns):
    dataset = load_or_refuse(load_data, written(folder, "data.csv", content), columns=columns,
                             drop_invalid=drop_invalid)
    if dataset is not None:
        assert dataset.X.ndim == 2 and len(dataset.feature_names) == dataset.X.shape[1]
        assert np.isfinite(dataset.X).all()


# --- .npy ----------------------------------------------------------------------------------------------------


@st.composite
def valid_npy(draw) -> bytes:
    dtype = draw(st.sampled_from(["<f8", ">f4", "<i4", "|u1", "|b1", "<c16", "|S3", "<M8[s]"]))
    shape = draw(st.sampled_from([(3,), (4, 2), (2, 3, 2), (0, 2), (5, 0), ()]))
    array = np.zeros(shape, dtype=dtype)
    if array.dtype.kind == "f" and array.size:
        array.flat[draw(st.integers(0, array.size - 1))] = draw(st.sampled_from([np.nan, np.inf, 3e38, -0.0]))
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return buffer.getvalue()


NPY_FILES = st.one_of(
    st.binary(max_size=200),
    st.binary(max_size=120).map(lambda tail: b"\x93NUMPY\x01\x00" + tail),
    valid_npy().flatmap(mutated),
    valid_npy(),
)


@FUZZ
@given(content=NPY_FILES, drop_invalid=st.booleans())
def test_npy_files_load_or_are_refused(folder, content, drop_invalid):
    dataset = load_or_refuse(load_data, written(folder, "data.npy", content), drop_invalid=drop_invalid)
    if dataset is not None:
        assert dataset.X.ndim == 2 and np.isfinite(dataset.X).all()


# --- model JSON ----------------------------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=12,
)
ODD_VALUES = JSON_VALUES | st.sampled_from([10**400, -(10**30), 1e308, -1e308, 5e-324, "full", [], {}, [[[]]],
                                            "gmm-explorer.model", 0, -1, 1.5, True, None])


def _deep(depth: int) -> Any:
    value: Any = 1.0
    for _ in range(depth):
        value = [value]
    return value


@st.composite
def mutated_model(draw) -> bytes:
    """A valid model document with keys removed, values replaced, nested deeply, or its text mutated."""
    covariance_type = draw(st.sampled_from(["full", "tied", "diag", "spherical"]))
    document = model_to_dict(random_params(covariance_type, draw(st.integers(1, 3)), draw(st.integers(1, 3))))
    document["fit"] = {"n_iter": 3, "history": [-1.0, -0.5]}
    for _ in range(draw(st.integers(0, 3))):
        key = draw(st.sampled_from(sorted(document) + ["image", "extra"]))
        action = draw(st.sampled_from(["remove", "replace", "nest"]))
        if action == "remove":
            document.pop(key, None)
        elif action == "replace":
            document[key] = draw(ODD_VALUES)
        else:
            document[key] = _deep(draw(st.sampled_from([5, 31, 33, 600])))
    text = json.dumps(document).encode("utf-8")
    return draw(mutated(text)) if draw(st.booleans()) else text


@st.composite
def hostile_model(draw) -> bytes:
    """A valid model document with one value made hostile: nested deeply, or a huge number."""
    document = model_to_dict(random_params(draw(st.sampled_from(["full", "diag"])), 2, 2))
    document["fit"] = {"n_iter": 3}
    key = draw(st.sampled_from(["weights", "means", "covariances", "format", "feature_names", "extra"]))
    depth = draw(st.sampled_from([33, 600, 2000]))
    hostile = draw(st.sampled_from(["deep", "deep fit", "huge"]))
    deep = "[" * depth + "1" + "]" * depth  # as text: json.dumps itself would recurse too deeply
    if hostile == "deep":
        document[key] = "@DEEP@"
    elif hostile == "deep fit":
        document["fit"]["history"] = "@DEEP@"
    else:
        document[key] = draw(st.sampled_from([10**400, 1e308, [[10**40] * 2] * 2]))
    return json.dumps(document).replace('"@DEEP@"', deep).encode("utf-8")


MODEL_FILES = st.one_of(
    st.binary(max_size=200),
    JSON_VALUES.map(lambda value: json.dumps(value).encode("utf-8")),
    mutated_model(),
    hostile_model(),
    st.sampled_from([b"<deep lists>", b"<deep objects>", b"1" * 5000, b"NaN", b"-Infinity"]),
)


@FUZZ
@given(content=MODEL_FILES)
def test_model_files_load_or_are_refused(folder, content):
    loaded = load_or_refuse(load_model, written(folder, "model.json", content))
    if loaded is not None:
        assert np.isfinite(loaded.params.weights).all() and abs(loaded.params.weights.sum() - 1) < 1e-6


# --- pictures ------------------------------------------------------------------------------------------------


@st.composite
def valid_picture(draw) -> bytes:
    height, width = draw(st.integers(1, 12)), draw(st.integers(1, 12))
    seed = draw(st.integers(0, 2**16))
    pixels = np.random.default_rng(seed).integers(0, 256, (height, width, 3), dtype=np.uint8)
    return encode_picture(pixels, draw(st.sampled_from(["png", "jpg", "bmp", "tiff", "ppm"])))


PICTURE_FILES = st.one_of(
    st.binary(max_size=300),
    st.binary(max_size=200).map(lambda tail: b"\x89PNG\r\n\x1a\n" + tail),
    st.binary(max_size=200).map(lambda tail: b"\xff\xd8\xff\xe0" + tail),
    valid_picture().flatmap(mutated),
)


@PICTURE_FUZZ
@given(content=PICTURE_FILES)
def test_picture_files_load_or_are_refused(folder, content):
    picture = load_or_refuse(load_picture, written(folder, "picture.png", content))
    if picture is not None:
        assert picture.pixels.ndim == 3 and picture.pixels.shape[2] == 3 and picture.pixels.size > 0
