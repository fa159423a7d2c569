"""The ``segment`` command (``engine.cli.segment`` with Qt's codec, reached through ``main.py``).

Most tests call ``main.main`` in-process on small pictures made here; one runs ``python main.py segment``
in a child interpreter for the real exit status and stderr (Qt's and libpng's own messages must not
reach it). Every failure must give one ``error:`` line, exit status 2, and leave the output files
exactly as they were (or absent).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

import main
from engine.imaging import picture as picture_limits
from engine.io.model_json import load_model, save_model
from gui.image.codec import load_picture
from gui.image.exports import save_picture

ROOT = Path(__file__).resolve().parent.parent
KEEP = b"existing output, must survive a failed command\n"
REGION_COLOURS = np.array([(200, 40, 40), (40, 160, 60), (50, 60, 200), (230, 220, 90)])


def regions_picture(height: int = 48, width: int = 64) -> tuple[np.ndarray, np.ndarray]:
    """Four coloured regions (two halves, a block, a disc) with a little noise, and the true region of each pixel."""
    rows, columns = np.mgrid[0:height, 0:width]
    truth = np.zeros((height, width), dtype=np.intp)
    truth[:, width // 2:] = 1
    truth[height // 2:, : width // 3] = 2
    truth[(rows - 0.6 * height) ** 2 + (columns - 0.7 * width) ** 2 < (height / 5) ** 2] = 3
    noisy = REGION_COLOURS[truth] + np.random.default_rng(0).normal(0.0, 3.0, (height, width, 3))
    return np.clip(np.rint(noisy), 0, 255).astype(np.uint8), truth


def same_partition(labels: np.ndarray, truth: np.ndarray) -> bool:
    """True when ``labels`` equals ``truth`` up to renaming the components."""
    pairs = set(zip(labels.ravel().tolist(), truth.ravel().tolist(), strict=True))
    return len(pairs) == len(np.unique(truth)) == len(np.unique(labels))


def run(argv: list, capsys) -> tuple[int, str, str]:
    status = main.main(["segment", *map(str, argv)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture(scope="module")
def picture(tmp_path_factory) -> tuple[Path, np.ndarray]:
    """A 48 x 64 PNG of four coloured regions, and the true region of every pixel."""
    pixels, truth = regions_picture()
    path = tmp_path_factory.mktemp("segment") / "regions.png"
    save_picture(path, pixels)
    return path, truth


@pytest.fixture(scope="module")
def fitted(picture, tmp_path_factory):
    """A fit of the picture with every output, and what it printed."""
    folder = tmp_path_factory.mktemp("fitted")
    out, labels, model = folder / "seg.png", folder / "labels.npy", folder / "model.json"
    status = main.main(["segment", str(picture[0]), "--k", "4", "--seed", "1", "--out", str(out),
                        "--labels-out", str(labels), "--model-out", str(model)])
    assert status == 0
    return out, labels, model


def test_fit_writes_the_segmented_picture_labels_and_model(picture, fitted):
    path, truth = picture
    out, labels_path, model_path = fitted
    labels = np.load(labels_path)
    assert labels.dtype == np.uint8 and labels.shape == truth.shape
    assert same_partition(labels, truth)
    segmented = load_picture(out).pixels
    assert segmented.shape == (*truth.shape, 3)
    assert len(np.unique(segmented.reshape(-1, 3), axis=0)) == 4  # one mean colour per segment
    document = json.loads(model_path.read_text())
    assert document["image"] == {"space": "rgb", "scale": 1.0, "spatial_weight": 0.0, "n_features": 3}
    assert document["feature_names"] == ["r", "g", "b"]
    assert document["fit"]["seed"] == 1 and document["fit"]["n_samples"] == truth.size


def test_the_summary_gives_size_k_iterations_likelihood_and_shares(picture, tmp_path, capsys):
    status, stdout, stderr = run([picture[0], "--k", "4", "--seed", "0", "--out", tmp_path / "s.png"], capsys)
    assert status == 0 and stderr == ""
    assert "64 x 48 pixels" in stdout
    assert "fitted K = 4, full covariance, on all 3072 pixels" in stdout and "iterations" in stdout
    assert "log-likelihood per pixel:" in stdout
    shares = [float(line.split()[2]) for line in stdout.splitlines() if line.startswith("segment ")]
    assert len(shares) == 4 and abs(sum(shares) - 100.0) < 0.05


def test_a_picture_whose_name_is_not_utf8_is_read(picture, fitted, tmp_path, capsys):
    """Such a name reaches Python as a lone surrogate, which a QString cannot hold: Qt looked for another
    file and the command said the picture was not one it could decode."""
    named = tmp_path / os.fsdecode(b"caf\xe9.png")
    named.write_bytes(picture[0].read_bytes())
    labels = tmp_path / "labels.npy"
    status, _, stderr = run([named, "--k", "4", "--seed", "1", "--out", tmp_path / "s.png", "--labels-out", labels],
                            capsys)
    assert status == 0, stderr
    np.testing.assert_array_equal(np.load(labels), np.load(fitted[1]))
    np.testing.assert_array_equal(load_picture(named).pixels, load_picture(picture[0]).pixels)


def test_applying_the_saved_model_gives_identical_labels(picture, fitted, tmp_path, capsys):
    _, labels_path, model_path = fitted
    status, stdout, _ = run([picture[0], "--model", model_path, "--out", tmp_path / "again.png",
                             "--labels-out", tmp_path / "again.npy", "--model-out", tmp_path / "copy.json"], capsys)
    assert status == 0
    assert "applied the model" in stdout
    np.testing.assert_array_equal(np.load(tmp_path / "again.npy"), np.load(labels_path))
    assert load_model(tmp_path / "copy.json").extra == load_model(model_path).extra
    # The PNG label map holds the same indices as grey values.
    status, _, _ = run([picture[0], "--model", model_path, "--out", tmp_path / "again2.png",
                        "--labels-out", tmp_path / "labels.png"], capsys)
    assert status == 0
    np.testing.assert_array_equal(load_picture(tmp_path / "labels.png").pixels[..., 0], np.load(labels_path))


def test_lab_features_position_and_a_sample(picture, tmp_path, capsys):
    path, truth = picture
    status, stdout, _ = run([path, "--k", "4", "--features", "lab", "--spatial-weight", "0.05", "--sample", "1500",
                             "--covariance", "diag", "--seed", "2", "--out", tmp_path / "s.png",
                             "--labels-out", tmp_path / "l.npy", "--model-out", tmp_path / "m.json"], capsys)
    assert status == 0
    assert "a random sample of 1500 pixels" in stdout and "features: lab (L, a, b, x, y)" in stdout
    assert same_partition(np.load(tmp_path / "l.npy"), truth)
    assert json.loads((tmp_path / "m.json").read_text())["image"]["spatial_weight"] == 0.05


def test_a_real_photo_segments_and_reapplies(tmp_path, capsys):
    photo = ROOT / "resources" / "images" / "flower.jpg"
    status, stdout, _ = run([photo, "--k", "5", "--seed", "0", "--sample", "20000", "--out", tmp_path / "f.png",
                             "--labels-out", tmp_path / "f.npy", "--model-out", tmp_path / "f.json"], capsys)
    assert status == 0, stdout
    status, _, _ = run([photo, "--model", tmp_path / "f.json", "--out", tmp_path / "g.png", "--labels-out",
                        tmp_path / "g.npy"], capsys)
    assert status == 0
    np.testing.assert_array_equal(np.load(tmp_path / "f.npy"), np.load(tmp_path / "g.npy"))


# --------------------------------------------------------------------------------------- bad input
def _bad_files(folder: Path) -> dict[str, tuple[Path, str]]:
    pixels, _ = regions_picture()
    save_picture(folder / "whole.png", pixels)
    whole = (folder / "whole.png").read_bytes()
    (folder / "truncated.png").write_bytes(whole[: len(whole) // 2])
    (folder / "noise.png").write_bytes(np.random.default_rng(0).bytes(1500))
    (folder / "empty.png").write_bytes(b"")
    (folder / "notes.txt").write_text("not a picture\n" * 20)
    (folder / "folder.png").mkdir()
    return {
        "truncated png": (folder / "truncated.png", "truncated or damaged"),
        "random bytes": (folder / "noise.png", "not a picture Qt can decode"),
        "zero bytes": (folder / "empty.png", "empty (0 bytes)"),
        "text file": (folder / "notes.txt", "not a picture Qt can decode"),
        "directory": (folder / "folder.png", "is a folder"),
        "missing": (folder / "missing.png", "does not exist"),
    }


def _outputs(folder: Path) -> tuple[Path, Path, Path]:
    """An existing segmented picture (to keep) and two outputs that must not appear."""
    out = folder / "out.png"
    out.write_bytes(KEEP)
    return out, folder / "labels.npy", folder / "model.json"


def _assert_refused(status: int, stdout: str, stderr: str, fragment: str, outputs) -> None:
    out, labels, model = outputs
    assert status == 2
    assert stderr.startswith("error: ") and len(stderr.splitlines()) == 1 and fragment in stderr, stderr
    assert stdout == ""
    assert out.read_bytes() == KEEP and not labels.exists() and not model.exists()
    assert not [path for path in out.parent.iterdir() if path.name.endswith(".tmp")]


def test_each_bad_picture_is_refused_with_nothing_written(tmp_path, capsys):
    bad = _bad_files(tmp_path)
    outputs = _outputs(tmp_path)
    for name, (path, fragment) in bad.items():
        status, stdout, stderr = run([path, "--k", "3", "--out", outputs[0], "--labels-out", outputs[1],
                                      "--model-out", outputs[2]], capsys)
        _assert_refused(status, stdout, stderr, fragment, outputs)
        assert f"cannot read the picture {path}" in stderr, name


def test_a_picture_too_large_is_refused(picture, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(picture_limits, "MAX_PIXELS", 1000)
    outputs = _outputs(tmp_path)
    status, stdout, stderr = run([picture[0], "--k", "3", "--out", outputs[0], "--labels-out", outputs[1],
                                  "--model-out", outputs[2]], capsys)
    _assert_refused(status, stdout, stderr, "megapixels, more than the 0.0 megapixels", outputs)


def _data_model(path: Path) -> Path:
    """A model fitted to data, not to a picture: no image block."""
    from engine.params import MixtureParams

    params = MixtureParams.from_covariances([0.5, 0.5], [[0.2, 0.2, 0.2], [0.8, 0.8, 0.8]],
                                            [np.eye(3) * 0.01, np.eye(3) * 0.01], "full")
    save_model(path, params)
    return path


@pytest.mark.parametrize(("options", "fragment"), [
    (["--k", "0"], "--k: must be a whole number from 1 to 256"),
    (["--k", "300"], "from 1 to 256"),
    (["--k", "3", "--features", "hsv"], "invalid choice: 'hsv'"),
    (["--k", "3", "--spatial-weight", "-1"], "--spatial-weight: must be a number >= 0"),
    (["--k", "3", "--sample", "-5"], "--sample: must be a whole number >= 0"),
    (["--k", "3", "--covariance", "round"], "invalid choice: 'round'"),
    (["--k", "3", "--tol", "nan"], "--tol: must be a number >= 0"),
    (["--k", "3", "--max-iter", "x"], "--max-iter: must be a whole number >= 0"),
    ([], "give --k K"),
    (["--k", "9"], "fewer than 9 distinct colours"),
    (["--k", "3", "--spatial-weight", "1e200"], "--spatial-weight: must be a number >= 0 and at most 1e+06"),
    (["--k", "3", "--spatial-weight", "2e6"], "--spatial-weight: must be a number >= 0 and at most 1e+06"),
    (["--k", "3", "--sample", "1"], "--sample 1 is smaller than --k 3: a sample needs at least 3 pixels"),
    (["--k", "4", "--sample", "4", "--seed", "0"], "the random sample of 4 pixels (--sample 4) has fewer than 4 "
                                                    "distinct colours, though the picture has more"),
    (["--model", "{model}"], 'was not fitted to a picture (it has no "image" block)'),
])
def test_bad_options_are_refused_with_nothing_written(options, fragment, tmp_path, capsys):
    pixels = np.zeros((8, 8, 3), dtype=np.uint8)
    pixels[4:] = 200
    pixels[:, 4:, 2] = 90  # four colours
    save_picture(tmp_path / "four.png", pixels)
    outputs = _outputs(tmp_path)
    model = _data_model(tmp_path / "data_model.json")
    options = [str(option).format(model=model) for option in options]
    status, stdout, stderr = run([tmp_path / "four.png", *options, "--out", outputs[0], "--labels-out", outputs[1],
                                  "--model-out", outputs[2]], capsys)
    _assert_refused(status, stdout, stderr, fragment, outputs)


def test_unusable_models_and_outputs_are_refused(picture, fitted, tmp_path, capsys):
    path = picture[0]
    _, _, model = fitted
    outputs = _outputs(tmp_path)
    tail = ["--out", outputs[0], "--labels-out", outputs[1], "--model-out", outputs[2]]
    data_model = _data_model(tmp_path / "data_model.json")
    cases = [
        (["--model", data_model], 'was not fitted to a picture (it has no "image" block)'),
        (["--model", tmp_path / "none.json"], "does not exist"),
        (["--model", model, "--tol", "0.1"], "--tol has no effect with --model"),
        (["--model", model, "--features", "lab"], "--features has no effect with --model"),
        (["--model", model, "--k", "3"], "the model has 4 components but --k is 3"),
    ]
    document = json.loads(model.read_text())
    document["image"]["spatial_weight"] = 1.0  # the block now describes 5 features, the model has 3
    (tmp_path / "mismatch.json").write_text(json.dumps(document))
    cases.append((["--model", tmp_path / "mismatch.json"], "has 3 features but its \"image\" block describes 5"))
    for options, fragment in cases:
        status, stdout, stderr = run([path, *options, *tail], capsys)
        _assert_refused(status, stdout, stderr, fragment, outputs)
    saved = model.read_bytes()
    status, stdout, stderr = run([path, "--model", model, "--out", outputs[0], "--model-out", model], capsys)
    assert status == 2 and "--model-out" in stderr and "would overwrite the input model" in stderr, stderr
    assert model.read_bytes() == saved and outputs[0].read_bytes() == KEEP

    os.link(path, tmp_path / "same.png")
    os.symlink(tmp_path / "s.png", tmp_path / "s-link.png")
    for options, fragment in [
        (["--out", tmp_path / "nowhere" / "s.png"], "does not exist: create it"),
        (["--out", tmp_path / "s.jpg"], "must end in .png"),
        (["--out", tmp_path / "s.png", "--labels-out", tmp_path / "l.txt"], "must end in .npy or .png"),
        (["--out", tmp_path / "s.png", "--labels-out", tmp_path / "s.png"], "name the same file"),
        (["--out", path], "would overwrite the input picture"),
        (["--out", tmp_path / "same.png"], "would overwrite the input picture"),  # a hard link to the picture
        (["--out", tmp_path / "s.png", "--labels-out", tmp_path / "s-link.png"], "name the same file"),
    ]:
        status, _, stderr = run([path, "--k", "3", *options], capsys)
        assert status == 2 and stderr.startswith("error: ") and fragment in stderr, stderr
        assert not (tmp_path / "s.png").exists() and not (tmp_path / "s.jpg").exists()


def _child(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", "segment", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_python_main_py_segment_exit_codes(picture, tmp_path):
    proc = _child(picture[0], "--k", "4", "--seed", "0", "--out", tmp_path / "s.png", "--labels-out",
                  tmp_path / "l.npy")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "" and (tmp_path / "s.png").exists()

    (tmp_path / "bad").mkdir()
    outputs = _outputs(tmp_path / "bad")
    bad = _bad_files(tmp_path / "bad")
    proc = _child(bad["truncated png"][0], "--k", "3", "--out", outputs[0], "--labels-out", outputs[1])
    # libpng's own "libpng error: ..." line is kept off stderr: only ours.
    _assert_refused(proc.returncode, proc.stdout, proc.stderr, "truncated or damaged", outputs)


def test_a_pipe_named_like_a_picture_is_refused_at_once(tmp_path, capsys):
    pipe = tmp_path / "x.png"
    os.mkfifo(pipe)  # opening it for reading would wait for a writer for ever
    outputs = _outputs(tmp_path)
    released = []

    def release_a_waiting_reader() -> None:
        """The hang guard: a reader still waiting for a writer gets one (which writes nothing and leaves)."""
        try:
            os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))  # fails (ENXIO) unless a reader has it open
            released.append(pipe)
        except OSError:
            pass

    guard = threading.Timer(30.0, release_a_waiting_reader)
    guard.start()
    try:
        status, stdout, stderr = run([pipe, "--k", "3", "--out", outputs[0]], capsys)
    finally:
        guard.cancel()
    assert not released, "segment opened the pipe and waited for a writer"
    _assert_refused(status, stdout, stderr, "is not a regular file (a pipe or a device?)", outputs)


def test_help_and_the_top_level_help_mention_segment(capsys):
    status, stdout, _ = run(["--help"], capsys)
    assert status == 0 and "--spatial-weight" in stdout and "--model-out" in stdout
    assert main.main(["--help"]) == 0
    assert "segment   segment a picture" in capsys.readouterr().out
