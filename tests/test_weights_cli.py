"""``--weights COLUMN`` of ``fit``, ``score`` and ``select``: weighted as the rows repeated, recorded in the
model, never a feature, and bad weights refused with exit 2, one ``error:`` line and nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import main

KEEP = b"existing output, must survive a failed command\n"


def run(argv, capsys) -> tuple[int, str, str]:
    status = main.main([str(a) for a in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    """A data file with a weights column ``w`` (integers 0..3), and the same rows repeated by it."""
    folder = tmp_path_factory.mktemp("weights")
    rng = np.random.default_rng(0)
    X = np.concatenate([rng.normal(0.0, 1.0, (40, 2)), rng.normal(5.0, 0.7, (30, 2))])
    weights = rng.integers(0, 4, len(X))
    weighted, repeated = folder / "weighted.csv", folder / "repeated.csv"
    rows = [(float(a), int(w), float(b)) for (a, b), w in zip(X, weights, strict=True)]
    weighted.write_text("x,w,y\n" + "".join(f"{a!r},{w},{b!r}\n" for a, w, b in rows))
    repeated.write_text("x,y\n" + "".join(f"{a!r},{b!r}\n" for a, w, b in rows for _ in range(w)))
    return {"weighted": weighted, "repeated": repeated, "folder": folder}


@pytest.fixture(scope="module")
def model(files) -> Path:
    """``fit --weights w`` of the weighted file."""
    path = files["folder"] / "weighted.json"
    assert main.main(["fit", str(files["weighted"]), "--k", "2", "--weights", "w", "--seed", "0", "--tol", "0",
                      "--max-iter", "15", "--quiet", "--out", str(path)]) == 0
    return path


def test_fit_and_score_with_weights_are_the_repeated_rows(files, model, capsys):
    again = files["folder"] / "repeated.json"
    status, out, _ = run(["fit", files["weighted"], "--k", "2", "--weights", "w", "--seed", "0", "--tol", "0",
                          "--max-iter", "15", "--out", files["folder"] / "shown.json"], capsys)
    assert status == 0 and "sample weights: column 'w'" in out
    document = json.loads(model.read_text())
    assert document["feature_names"] == ["x", "y"]  # the weights are not a feature
    assert document["fit"]["sample_weights"]["column"] == "w"
    # The same iterations on the repeated rows, from the weighted fit's own start, give the same model.
    assert run(["fit", files["repeated"], "--init-model", model, "--tol", "0", "--max-iter", "0", "--quiet",
                "--out", again], capsys)[0] == 0
    repeated = json.loads(again.read_text())
    assert document["fit"]["sample_weights"]["sum"] == repeated["fit"]["n_samples"]
    status, out, _ = run(["score", model, files["weighted"], "--weights", "1", "--json"], capsys)
    scored = json.loads(out)
    status, out, _ = run(["score", model, files["repeated"], "--json"], capsys)
    plain = json.loads(out)
    assert scored["weight_sum"] == plain["n_samples"]
    assert scored["log_likelihood"] == pytest.approx(plain["log_likelihood"], rel=1e-12)
    assert scored["mean_log_likelihood"] == pytest.approx(plain["mean_log_likelihood"], rel=1e-12)
    assert document["fit"]["log_likelihood"] == pytest.approx(plain["log_likelihood"], rel=1e-10)
    assert document["fit"]["bic"] == pytest.approx(repeated["fit"]["bic"], rel=1e-10)


def test_select_with_weights_records_them(files, capsys):
    out_path = files["folder"] / "best.json"
    status, out, _ = run(["select", files["weighted"], "--weights", "w", "--k", "1-2", "--covariance", "full",
                          "--n-init", "1", "--folds", "2", "--seed", "0", "--jobs", "1", "--quiet", "--json",
                          "--out", out_path], capsys)
    assert status == 0
    assert json.loads(out)["feature_names"] == ["x", "y"]
    assert json.loads(out_path.read_text())["fit"]["sample_weights"]["column"] == "w"


@pytest.mark.parametrize("extra, problem", [
    (["--k", "4", "--folds", "2"], "K = 4 is larger than the number of distinct rows of positive weight in the "
                                   "data (3)"),
    (["--k", "1", "--folds", "4"], "4 cross-validation folds need at least 4 rows of positive weight, but the data "
                                   "has 3"),
])
def test_select_counts_the_rows_of_positive_weight_and_says_so(capsys, tmp_path, extra, problem):
    """K and the folds are checked against the rows that weigh something (3 of 20 here), and the message says so."""
    data = tmp_path / "few.csv"
    data.write_text("x,w,y\n" + "".join(f"{i}.5,{int(i < 3)},{i * i}.25\n" for i in range(20)))
    status, out, err = run(["select", data, "--weights", "w", *extra, "--covariance", "full", "--n-init", "1",
                            "--seed", "0", "--jobs", "1", "--quiet"], capsys)
    assert status == 2 and out == ""
    assert len(err.splitlines()) == 1 and problem in err


@pytest.mark.parametrize("change, problem", [
    (lambda w: w.replace(",0,", ",-1,", 1), "must not be negative"),
    (lambda w: w.replace(",1,", ",nan,", 1), "not a finite number"),
    (lambda w: w.replace(",2,", ",inf,", 1), "not a finite number"),
    (lambda w: "\n".join(line.split(",")[0] + ",0," + line.split(",")[2] if i else line
                         for i, line in enumerate(w.splitlines())) + "\n", "are all zero"),
    (None, "there is no column 'weight'"),
])
@pytest.mark.parametrize("command", ["fit", "score", "select"])
def test_bad_weights_exit_2_and_write_nothing(files, model, capsys, tmp_path, change, problem, command):
    data = tmp_path / "data.csv"
    text = files["weighted"].read_text()
    data.write_text(text if change is None else change(text))
    column = "weight" if change is None else "w"
    out = tmp_path / "out.json"
    out.write_bytes(KEEP)
    argv = {"fit": ["fit", data, "--k", "2", "--out", out],
            "score": ["score", model, data],
            "select": ["select", data, "--k", "1-2", "--jobs", "1", "--out", out]}[command]
    status, stdout, stderr = run(argv + ["--weights", column], capsys)
    assert status == 2
    assert stderr.count("\n") == 1 and stderr.startswith("error: ") and problem in stderr
    assert out.read_bytes() == KEEP


def test_the_weights_column_is_not_a_feature(files, capsys):
    status, _, stderr = run(["fit", files["weighted"], "--k", "2", "--weights", "w", "--columns", "x", "w",
                             "--out", files["folder"] / "never.json"], capsys)
    assert status == 2 and "both as a feature and as the weights" in stderr
    # by its 0-based index, as --columns and --weights take it (a file's lines and columns in a message about a
    # value in the file count from 1, as editors do)
    assert "column 'w' (index 1)" in stderr
    assert not (files["folder"] / "never.json").exists()


def test_select_refuses_lrt_with_weights(files, capsys):
    status, _, stderr = run(["select", files["weighted"], "--weights", "w", "--lrt", "full"], capsys)
    assert status == 2 and "--lrt does not take --weights" in stderr


def test_a_label_column_is_neither_a_feature_nor_a_weight(files, capsys, tmp_path):
    """Our exports write a ``label`` column: with ``--weights`` it stays out of the features as it does without, and
    ``fit`` compares with its labels as without (the weights lost them: no agreement was printed or saved)."""
    labelled = tmp_path / "labelled.csv"
    lines = files["weighted"].read_text().splitlines()
    labelled.write_text("\n".join([lines[0] + ",label"] + [f"{line},{i % 2}" for i, line in enumerate(lines[1:])])
                        + "\n")
    out = tmp_path / "model.json"
    status, _, stderr = run(["fit", labelled, "--k", "2", "--weights", "w", "--seed", "0", "--tol", "0",
                             "--max-iter", "15", "--quiet", "--out", out], capsys)
    assert status == 0, stderr
    model = json.loads(out.read_text())
    assert model["feature_names"] == ["x", "y"]
    assert np.sum(model["agreement"]["confusion"]) == len(lines) - 1


def _parquet(files, tmp_path) -> Path:
    """The weighted file as Parquet, in two files of a folder (columns x, w, y)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = np.loadtxt(files["weighted"], delimiter=",", skiprows=1)
    folder = tmp_path / "weighted"
    folder.mkdir()
    for part, rows in enumerate((table[:25], table[25:])):
        pq.write_table(pa.table({"x": rows[:, 0], "w": rows[:, 1], "y": rows[:, 2]}), folder / f"part-{part}.parquet")
    return folder


def test_streamed_data_with_weights_fits_and_scores_as_in_memory(files, model, capsys, tmp_path):
    folder = _parquet(files, tmp_path)
    npy = tmp_path / "weighted.npy"
    np.save(npy, np.loadtxt(files["weighted"], delimiter=",", skiprows=1))
    expected = json.loads(model.read_text())
    common = ["--k", "2", "--seed", "0", "--tol", "0", "--max-iter", "15", "--quiet"]
    for data, extra in ((folder, ["--weights", "w"]), (npy, ["--stream", "--weights", "1"])):
        out = tmp_path / "streamed.json"
        status, _, stderr = run(["fit", data, *common, *extra, "--out", out], capsys)
        assert status == 0, stderr
        got = json.loads(out.read_text())
        for key in ("weights", "means", "covariances"):
            np.testing.assert_allclose(got[key], expected[key], rtol=0, atol=1e-10, err_msg=key)
        assert got["fit"]["sample_weights"]["sum"] == expected["fit"]["sample_weights"]["sum"]
        assert got["fit"]["bic"] == pytest.approx(expected["fit"]["bic"], rel=1e-12)
        assert got["feature_names"] == (["x", "y"] if data == folder else ["x0", "x2"])
    status, out, _ = run(["score", model, folder, "--weights", "w", "--json"], capsys)
    scored = json.loads(out)
    status, out, _ = run(["score", model, files["weighted"], "--weights", "w", "--json"], capsys)
    assert scored == pytest.approx(json.loads(out), rel=1e-12)
    assert set(scored) == {"log_likelihood", "mean_log_likelihood", "n_samples", "weight_sum"}


@pytest.mark.parametrize("value, problem", [(-1.0, "must not be negative: row 30"), (np.nan, "must be finite: row 30")])
def test_bad_weights_of_streamed_data_exit_2_naming_the_row(files, model, capsys, tmp_path, value, problem):
    import pyarrow.parquet as pq

    folder = _parquet(files, tmp_path)
    second = pq.read_table(folder / "part-1.parquet")
    weights = second.column("w").to_numpy().copy()
    weights[5] = value  # row 25 + 5 of the whole set
    pq.write_table(second.set_column(1, "w", [weights]), folder / "part-1.parquet")
    out = tmp_path / "out.json"
    out.write_bytes(KEEP)
    for argv in (["fit", folder, "--k", "2", "--out", out], ["score", model, folder]):
        status, _, stderr = run([*argv, "--weights", "w"], capsys)
        assert status == 2 and stderr.count("\n") == 1 and problem in stderr, stderr
    assert out.read_bytes() == KEEP


def test_select_on_streamed_data_takes_no_weights_yet(files, capsys, tmp_path):
    out = tmp_path / "never.json"
    status, _, stderr = run(["select", _parquet(files, tmp_path), "--k", "1-2", "--weights", "w", "--out", out], capsys)
    assert status == 2 and stderr.startswith("error: ") and "--weights" in stderr, stderr
    assert not out.exists()
