"""Hostile input to the command line (issue 10): outputs that are inputs, names too long, model files
nested too deeply, and a standard output that cannot be written.

Each case must give exit status 2 and one ``error:`` line, never a traceback, and leave every input and
every earlier output exactly as it was.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import main
from engine.io.model_json import load_model

ROOT = Path(__file__).resolve().parent.parent
LONG_NAME = "a" * 300  # over the 255 bytes a file name may have


def run(argv: list, capsys) -> tuple[int, str, str]:
    status = main.main([str(a) for a in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def assert_one_error_line(status: int, stderr: str, fragment: str) -> None:
    assert status == 2, stderr
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    assert fragment in stderr, stderr


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    """A data file, a model fitted to it, and links to both (hard and symbolic)."""
    folder = tmp_path_factory.mktemp("hostile")
    data, model = folder / "data.csv", folder / "model.json"
    assert main.main(["generate", "blobs", "--n", "120", "--k", "2", "--d", "2", "--seed", "3",
                      "--out", str(data)]) == 0
    assert main.main(["fit", str(data), "--k", "2", "--seed", "0", "--quiet", "--out", str(model)]) == 0
    os.link(data, folder / "data-hardlink.csv")
    os.symlink(data, folder / "data-symlink.csv")
    os.link(model, folder / "model-hardlink.json")
    return {"data": data, "model": model, "data_hard": folder / "data-hardlink.csv",
            "data_sym": folder / "data-symlink.csv", "model_hard": folder / "model-hardlink.json"}


# --- an output that is an input ------------------------------------------------------------------------------

SAME_FILE_CASES = {
    "fit --out DATA": (["fit", "{data}", "--k", "2", "--out", "{data}"], "input data file"),
    "fit --out a hard link to DATA": (["fit", "{data}", "--k", "2", "--out", "{data_hard}"], "input data file"),
    "fit --out a symbolic link to DATA": (["fit", "{data}", "--k", "2", "--out", "{data_sym}"], "input data file"),
    "fit on a symbolic link --out DATA": (["fit", "{data_sym}", "--k", "2", "--out", "{data}"], "input data file"),
    "fit --init-model M --out M": (["fit", "{data}", "--init-model", "{model}", "--out", "{model}"],
                                   "input starting model"),
    "fit --init-model M --out a hard link to M": (["fit", "{data}", "--init-model", "{model}", "--out",
                                                   "{model_hard}"], "input starting model"),
    "predict --out MODEL": (["predict", "{model}", "{data}", "--out", "{model}"], "input model file"),
    "predict --out DATA": (["predict", "{model}", "{data}", "--out", "{data}"], "input data file"),
    "predict --out a hard link to DATA": (["predict", "{model}", "{data}", "--out", "{data_hard}"], "input data file"),
    "predict --proba --out a hard link to MODEL": (["predict", "{model}", "{data}", "--proba", "--out",
                                                    "{model_hard}"], "input model file"),
}


@pytest.mark.parametrize("case", list(SAME_FILE_CASES), ids=list(SAME_FILE_CASES))
def test_an_output_that_is_an_input_is_refused_and_nothing_is_written(case, files, capsys):
    argv, named = SAME_FILE_CASES[case]
    before = {path: path.read_bytes() for path in files.values()}
    listing = sorted(p.name for p in files["data"].parent.iterdir())
    status, stdout, stderr = run([arg.format(**files) for arg in argv], capsys)
    assert_one_error_line(status, stderr, "would overwrite the input")
    assert named in stderr and "choose another" in stderr
    assert stdout == ""
    assert {path: path.read_bytes() for path in files.values()} == before
    assert files["data_sym"].is_symlink()
    assert sorted(p.name for p in files["data"].parent.iterdir()) == listing  # no temporary file left


def test_an_output_is_not_confused_with_an_input_of_the_same_name_elsewhere(files, tmp_path, capsys):
    out = tmp_path / files["data"].name  # same name, other folder: a different file
    status, _, stderr = run(["predict", files["model"], files["data"], "--out", out], capsys)
    assert (status, stderr) == (0, "")
    assert out.read_text().startswith("label\n")


def test_a_pipe_is_refused_as_an_output(files, tmp_path, capsys):
    """A pipe or a device (``--out /dev/null`` run as root) would be replaced by a regular file."""
    os.mkfifo(tmp_path / "pipe.csv")
    status, _, stderr = run(["predict", files["model"], files["data"], "--out", tmp_path / "pipe.csv"], capsys)
    assert_one_error_line(status, stderr, "is not a regular file")
    assert (tmp_path / "pipe.csv").is_fifo()


# --- names too long ------------------------------------------------------------------------------------------

LONG_NAME_CASES = {
    "fit: data file": ["fit", "{folder}/{long}.csv", "--k", "2", "--out", "{folder}/m.json"],
    "fit: --init-model": ["fit", "{data}", "--init-model", "{folder}/{long}.json", "--out", "{folder}/m.json"],
    "fit: --out": ["fit", "{data}", "--k", "2", "--out", "{folder}/{long}.json"],
    "fit: --out in a folder named too long": ["fit", "{data}", "--k", "2", "--out", "{folder}/{long}/m.json"],
    "predict: model": ["predict", "{folder}/{long}.json", "{data}", "--out", "{folder}/p.csv"],
    "predict: data": ["predict", "{model}", "{folder}/{long}.csv", "--out", "{folder}/p.csv"],
    "predict: --out": ["predict", "{model}", "{data}", "--out", "{folder}/{long}.csv"],
    "score: data": ["score", "{model}", "{folder}/{long}.npy"],
    "generate: --out": ["generate", "blobs", "--out", "{folder}/{long}.csv"],
    "segment: picture": ["segment", "{folder}/{long}.png", "--k", "2", "--out", "{folder}/s.png"],
    "segment: --model": ["segment", "{folder}/pic.png", "--model", "{folder}/{long}.json", "--out", "{folder}/s.png"],
    "segment: --labels-out": ["segment", "{folder}/pic.png", "--k", "2", "--out", "{folder}/s.png",
                              "--labels-out", "{folder}/{long}.npy"],
}


@pytest.mark.parametrize("case", list(LONG_NAME_CASES), ids=list(LONG_NAME_CASES))
def test_a_name_too_long_is_one_error_line(case, files, tmp_path, capsys):
    (tmp_path / "pic.png").write_bytes(b"")  # never read: the long name is refused first
    places = {"folder": tmp_path, "long": LONG_NAME, "data": files["data"], "model": files["model"]}
    status, stdout, stderr = run([arg.format(**places) for arg in LONG_NAME_CASES[case]], capsys)
    assert_one_error_line(status, stderr, "is too long")
    assert "255 bytes" in stderr and "Traceback" not in stderr
    assert stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pic.png"]


# --- model files nested too deeply ---------------------------------------------------------------------------


def _deep(depth: int) -> object:
    value: object = 1.0
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("where", ["extra key", "fit block", "weights"])
@pytest.mark.parametrize("command", ["predict", "score", "fit --init-model"])
def test_a_model_nested_too_deeply_is_one_error_line(where, command, files, tmp_path, capsys):
    document = json.loads(files["model"].read_text())
    if where == "extra key":
        document["notes"] = _deep(600)
    elif where == "fit block":
        document["fit"]["history"] = _deep(600)
    else:
        document["weights"] = _deep(600)
    deep = tmp_path / "deep.json"
    deep.write_text(json.dumps(document))
    argv = {"predict": ["predict", deep, files["data"], "--out", tmp_path / "p.csv"],
            "score": ["score", deep, files["data"]],
            "fit --init-model": ["fit", files["data"], "--init-model", deep, "--out", tmp_path / "m.json"]}[command]
    status, stdout, stderr = run(argv, capsys)
    assert_one_error_line(status, stderr, "nested more than")
    assert stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep.json"]


# --- a standard output that cannot be written ----------------------------------------------------------------


def _child_to_full_device(*args, unbuffered: bool = False) -> subprocess.CompletedProcess:
    """``python main.py ARGS > /dev/full``, its standard output block-buffered as in a user's shell, or unbuffered
    (``PYTHONUNBUFFERED``, which some environments set: this machine's does)."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    with open("/dev/full", "w") as full:
        return subprocess.run([sys.executable, "main.py", *map(str, args)], cwd=ROOT, stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120, env=env)


def _full_device_as_a_child_opens_it() -> io.TextIOWrapper:
    """``/dev/full`` opened as a child interpreter opens its standard output there by default: block-buffered
    (what is left in the buffer is flushed on the way out)."""
    return open("/dev/full", "w", encoding="utf-8")  # noqa: SIM115


def _to_full_device(in_child: bool, monkeypatch, capsys, *args) -> subprocess.CompletedProcess:
    """``main.py ARGS > /dev/full`` in a child (each command keeps such a case: the process's own exit status, and
    its last flush on the way out), or ``main.main(ARGS)`` in this process with ``/dev/full`` as its standard
    output, flushed once more afterwards as the interpreter does on its way out (where a failing flush would
    print "Exception ignored" and exit with status 120)."""
    if in_child:
        return _child_to_full_device(*args)
    full = _full_device_as_a_child_opens_it()
    try:
        with monkeypatch.context() as patch:
            patch.setattr(sys, "stdout", full)
            status = main.main([str(a) for a in args])
    except BaseException:
        with contextlib.suppress(OSError):
            full.close()
        raise
    stderr = capsys.readouterr().err
    try:
        full.close()  # flushes first
    except OSError as problem:
        status, stderr = 120, f"{stderr}Exception ignored in: {full!r}\n{problem!r}\n"
    return subprocess.CompletedProcess(args, status, "", stderr)


@pytest.mark.parametrize(("options", "in_child"), [([], True), (["--quiet"], False), (["--json", "--quiet"], False)],
                         ids=["progress", "quiet", "json"])
def test_fit_to_a_full_standard_output_is_one_error_line(options, in_child, files, tmp_path, monkeypatch, capsys):
    out = tmp_path / "m.json"
    proc = _to_full_device(in_child, monkeypatch, capsys, "fit", files["data"], "--k", "2", "--seed", "0", *options,
                           "--out", out)
    assert_one_error_line(proc.returncode, proc.stderr, "cannot write to standard output")
    assert "No space left on device" in proc.stderr and "Traceback" not in proc.stderr
    if options:  # the model is saved before the summary or the JSON is printed: complete
        assert load_model(out).params.n_components == 2
        assert f"{out} was written" in proc.stderr
    else:  # the first progress line fails, before anything is saved
        assert not out.exists() and "nothing was written" in proc.stderr
    assert [p.name for p in tmp_path.iterdir()] == ([out.name] if out.exists() else [])


@pytest.mark.parametrize(("options", "in_child"), [([], True), (["--json"], False)], ids=["text", "json"])
def test_score_to_a_full_standard_output_is_one_error_line(options, in_child, files, monkeypatch, capsys):
    proc = _to_full_device(in_child, monkeypatch, capsys, "score", files["model"], files["data"], *options)
    assert_one_error_line(proc.returncode, proc.stderr, "cannot write to standard output (No space left on device)")


@pytest.mark.parametrize("command", [[], ["select"]], ids=["gmm-explorer", "select"])
def test_help_to_a_full_standard_output_is_one_error_line(command, monkeypatch, capsys):
    proc = _to_full_device(False, monkeypatch, capsys, *command, "--help")
    assert_one_error_line(proc.returncode, proc.stderr, "cannot write to standard output (No space left on device)")


def test_generate_and_predict_to_a_full_standard_output_keep_their_complete_file(files, tmp_path):
    proc = _child_to_full_device("generate", "blobs", "--n", "50", "--seed", "1", "--out", tmp_path / "d.csv",
                                 unbuffered=True)
    assert_one_error_line(proc.returncode, proc.stderr, "cannot write to standard output")
    assert len(np.loadtxt(tmp_path / "d.csv", delimiter=",", skiprows=1)) == 50
    proc = _child_to_full_device("predict", files["model"], files["data"], "--out", tmp_path / "p.csv")
    assert_one_error_line(proc.returncode, proc.stderr, "cannot write to standard output")
    assert len((tmp_path / "p.csv").read_text().splitlines()) == 121


# --- file names that are not UTF-8 ---------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["generate", "fit", "predict"])
def test_a_file_name_that_is_not_utf8_is_printed_escaped_on_a_strict_standard_output(command, files, tmp_path,
                                                                                     monkeypatch):
    """Such a name reaches Python as a lone surrogate, which a strict UTF-8 stdout (PYTHONIOENCODING=utf-8,
    or any UTF-8 locale but C) refused with a traceback after the file was written."""
    out = tmp_path / os.fsdecode(b"out\xff.csv")
    argv = {"generate": ["generate", "blobs", "--n", "20", "--seed", "1", "--out", out],
            "fit": ["fit", files["data"], "--k", "2", "--seed", "0", "--quiet", "--out", out],
            "predict": ["predict", files["model"], files["data"], "--out", out]}[command]
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    monkeypatch.setattr(sys, "stdout", stdout)
    assert main.main([str(a) for a in argv]) == 0
    stdout.flush()
    assert "out\\udcff.csv" in stdout.buffer.getvalue().decode("utf-8")
    assert out.exists()


# --- empty names ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("argv, option", [
    (["generate", "blobs", "--out", ""], "--out"),
    (["fit", "{data}", "--k", "2", "--out", ""], "--out"),
    (["predict", "{model}", "{data}", "--out", ""], "--out"),
], ids=["generate", "fit", "predict"])
def test_an_empty_output_name_is_one_error_line_naming_the_option(argv, option, files, capsys):
    """Path("") is the current folder: the message said 'the output  is a folder'."""
    status, out, err = run([a.format(**files) for a in argv], capsys)
    assert_one_error_line(status, err, f"{option} is empty")
    assert out == ""


def test_an_empty_starting_model_is_refused_not_ignored(files, tmp_path, capsys):
    """``--init-model ""`` ran a k-means++ fit as if the option had not been given."""
    out = tmp_path / "m.json"
    status, _, err = run(["fit", files["data"], "--k", "2", "--init-model", "", "--out", out], capsys)
    assert_one_error_line(status, err, "cannot load the model file")
    assert not out.exists()
