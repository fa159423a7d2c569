"""Hostile files given to the loaders and the atomic writer (issue 10): pipes, names too long, CSV fields
too long, model documents nested too deeply, a Ctrl-C between two renames, and Qt's probing of plugins.

Every refusal is one ``InputError`` sentence. A load that could wait for ever runs in a worker thread
that must end within ``HANG_SECONDS``, so a regression fails the test instead of stalling the suite.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from factories import random_params

from engine.errors import InputError
from engine.io import atomic
from engine.io.model_json import load_model, model_from_dict, model_to_dict
from engine.io.tables import load_data
from gui.image.codec import load_picture, picture_reader
from gui.image.exports import save_picture

HANG_SECONDS = 20.0


def refusal_of_pipe(load: Callable[[Path], object], pipe: Path) -> str:
    """The ``InputError`` message ``load(pipe)`` gives; fails if it opened the pipe (and so waited)."""
    refused: list[str] = []

    def work() -> None:
        with pytest.raises(InputError) as caught:
            load(pipe)
        refused.append(str(caught.value))

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(timeout=HANG_SECONDS)
    if worker.is_alive():
        for _ in range(3):  # a writer appears and leaves, so each blocked open() returns
            with contextlib.suppress(OSError):
                os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
            worker.join(timeout=1)
        pytest.fail(f"{load.__name__} opened the pipe and waited for a writer")
    assert len(refused) == 1
    return refused[0]


# --- pipes -----------------------------------------------------------------------------------------------------


def test_a_pipe_is_refused_as_a_model_without_opening_it(tmp_path):
    os.mkfifo(tmp_path / "m.json")
    message = refusal_of_pipe(load_model, tmp_path / "m.json")
    assert message.endswith("it is not a regular file (a pipe or a device?).")


def test_a_pipe_named_like_a_picture_is_refused_without_opening_it(tmp_path):
    os.mkfifo(tmp_path / "x.png")
    assert refusal_of_pipe(load_picture, tmp_path / "x.png") == (
        f"cannot read the picture {tmp_path / 'x.png'}: it is not a regular file (a pipe or a device?); give a "
        "picture file (PNG, JPEG, BMP or TIFF).")


# --- names too long ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["a" * 300 + ".csv", "a" * 300 + "/data.csv", "b" * 256 + ".npy"])
def test_a_data_file_name_too_long_is_refused(tmp_path, name):
    with pytest.raises(InputError, match=r"is too long .*at most 255 bytes") as error:
        load_data(tmp_path / name)
    assert len(str(error.value)) < 300 and name.split("/")[0] not in str(error.value)  # the name is shortened


@pytest.mark.parametrize("name", ["m" * 300 + ".json", "d" * 256 + "/m.json"])
def test_a_model_file_name_too_long_is_refused(tmp_path, name):
    with pytest.raises(InputError, match=r"cannot load the model file .*: the name m{0,20}d{0,20}\.\.\..* is too "
                                         r"long \((305|256) bytes; a file or folder name can have at most 255 bytes\)"):
        load_model(tmp_path / name)


# --- CSV fields too long -----------------------------------------------------------------------------------------

HUGE = "1" * 140_000  # longer than the 131 072 characters Python's csv module reads in one field


@pytest.mark.parametrize(("text", "place"), [
    (f'x,y\n1,2\n"{HUGE}",2\n', "line 3, column 'x' (1)"),
    (f"x,y\n1,2\n3,{HUGE}\n", "line 3, column 'y' (2)"),
    (f"x;y\n1;2\n3;4\n5;{HUGE}\n", "line 4, column 'y' (2)"),
    (f"x,{HUGE}\n1,2\n", "line 1, column 2"),
    ('x,y\n1,2\n"3,4\n' + "5,6\n" * 50_000, "line 3, column 'x' (1)"),  # a quote never closed
], ids=["quoted", "unquoted", "semicolons", "header", "unclosed quote"])
def test_a_field_too_long_for_csv_names_its_line_and_column(tmp_path, text, place):
    (tmp_path / "data.csv").write_text(text, encoding="utf-8", newline="")
    with pytest.raises(InputError) as error:
        load_data(tmp_path / "data.csv")
    message = str(error.value)
    assert f"data.csv {place}" in message, message
    assert "more than 131072 characters" in message and "quote" in message


# --- model documents nested too deeply -----------------------------------------------------------------------------


def _valid_document() -> dict:
    document = model_to_dict(random_params("diag"))
    document["fit"] = {"n_iter": 3}
    return document


def _nested(depth: int, leaf: object = 1.0) -> tuple[object, str]:
    """Lists nested ``depth`` deep around ``leaf``, as Python and as JSON text (built without recursion)."""
    value = leaf
    for _ in range(depth):
        value = [value]
    return value, "[" * depth + json.dumps(leaf) + "]" * depth


def _nested_objects(depth: int) -> tuple[object, str]:
    value: object = {}
    for _ in range(depth):
        value = {"a": value}
    return value, '{"a": ' * depth + "{}" + "}" * depth


@pytest.mark.parametrize("depth", [40, 600, 5000])
@pytest.mark.parametrize("where", ["extra list", "extra object", "fit block", "weights", "format"])
def test_a_document_nested_too_deeply_is_refused(tmp_path, where, depth):
    data = _valid_document()
    nested, text = _nested_objects(depth) if where == "extra object" else _nested(
        depth, "gmm-explorer.model" if where == "format" else 1.0)
    placeholder = dict(data)
    if where == "fit block":
        data["fit"] = {"n_iter": 3, "history": nested}
        placeholder["fit"] = {"n_iter": 3, "history": "@DEEP@"}
    else:
        key = "notes" if where.startswith("extra") else where
        data[key], placeholder[key] = nested, "@DEEP@"
    (tmp_path / "m.json").write_text(json.dumps(placeholder).replace('"@DEEP@"', text), encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_model(tmp_path / "m.json")
    message = str(error.value)
    assert "nested more than 32 levels deep" in message or (depth > 900 and "nested too deeply" in message), message
    with pytest.raises(InputError, match="nested more than 32 levels deep"):
        model_from_dict(data)


def test_extra_blocks_may_nest_a_little_deeper_than_the_format():
    data = _valid_document()
    data["notes"] = _nested(30)[0]
    assert model_from_dict(data).extra["notes"] == _nested(30)[0]


# --- the atomic writer and Ctrl-C ----------------------------------------------------------------------------------


def test_a_ctrl_c_while_renaming_waits_until_every_file_is_in_place(tmp_path, monkeypatch):
    """Two outputs are both replaced or neither: the interrupt is raised once the renames are done."""
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("old a")
    second.write_text("old b")
    replace = atomic.os.replace

    def replace_then_interrupt(source, target):
        if target == first:
            signal.raise_signal(signal.SIGINT)  # Ctrl-C between the two renames
        replace(source, target)

    monkeypatch.setattr(atomic.os, "replace", replace_then_interrupt)
    mark = atomic.written_count()
    with pytest.raises(KeyboardInterrupt):
        atomic.write_all({first: "new a", second: "new b"})
    assert (first.read_text(), second.read_text()) == ("new a", "new b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]
    assert atomic.written_since(mark) == [first, second]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler



@pytest.mark.parametrize("character, count", [("é", 120), ("字", 83), ("a", 251)])
def test_a_name_of_up_to_255_bytes_in_any_script_is_written(tmp_path, character, count):
    """The temporary file's name starts with at most 200 bytes of the target's: 200 characters of "é" took 400
    bytes, and a valid name of 244 bytes was refused as too long."""
    target = tmp_path / (character * count + ".png")
    assert len(os.fsencode(target.name)) <= 255
    atomic.write_all({target: b"content"})
    assert target.read_bytes() == b"content"
    assert [path.name for path in tmp_path.iterdir()] == [target.name]


def test_a_pipe_is_never_replaced_by_an_output(tmp_path, qapp):
    """The CLI refused a pipe or a device as an output; the window's exports renamed a regular file over it (as
    root, over /dev/full). Every writer goes through ``write_all``, which refuses it and leaves it as it was."""
    import stat

    from PySide6.QtGui import QPixmap

    from gui.main.exports import save_png

    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    with pytest.raises(InputError, match="not a regular file"):
        atomic.write_all({pipe: "x\n"})
    pixmap = QPixmap(4, 4)
    pixmap.fill()
    with pytest.raises(InputError, match="not a regular file"):
        save_png(str(pipe), pixmap)
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert [path.name for path in tmp_path.iterdir()] == ["pipe.csv"]

# --- Qt's plugins --------------------------------------------------------------------------------------------------


def test_common_formats_go_straight_to_their_own_reader(tmp_path):
    """Only ``read()`` releases Python's lock: ``canRead()`` must not ask every plugin (the SVG one takes a
    lock Qt shares with the main thread, which deadlocked a decoding thread against widgets being deleted)."""
    pixels = np.random.default_rng(0).integers(0, 256, (8, 8, 3), dtype=np.uint8)
    for suffix, name in (("png", b"png"), ("jpg", b"jpeg"), ("bmp", b"bmp"), ("tiff", b"tiff")):
        path = tmp_path / f"p.{suffix}"
        save_picture(path, pixels)
        reader = picture_reader(path, path.read_bytes()[:16])
        assert (bytes(reader.format().data()), reader.autoDetectImageFormat()) == (name, False), suffix
        assert reader.canRead() and load_picture(path).format == name.decode()
    (tmp_path / "odd.xpm").write_bytes(b"/* XPM */\n")
    reader = picture_reader(tmp_path / "odd.xpm", b"/* XPM */\n")
    assert reader.autoDetectImageFormat() and reader.decideFormatFromContent()
