"""Hostile inputs of the streamed commands (``engine.io.streams``, ``engine.cli.streaming``): a ``.npy`` file that is
not one refused as when it is loaded whole, a folder of Parquet files that do not agree, an output inside the
folder it reads, a ``--scheduler`` that is not an address: exit 2, one ``error:`` line, nothing written."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from factories import write_parquet

import main
from engine.errors import InputError
from engine.io.streams import open_rows

KEEP = b"existing output, must survive a failed command\n"


def _refused(argv, capsys) -> str:
    """Run a command that must fail as bad input; its one error line."""
    status = main.main([str(a) for a in argv])
    captured = capsys.readouterr()
    assert status == 2, captured.err
    assert captured.err.startswith("error: ") and captured.err.count("\n") == 1, captured.err
    return captured.err


def _rows(n_rows: int = 60) -> np.ndarray:
    return np.random.default_rng(2).normal(size=(n_rows, 2)) + [0.0, 3.0]


def _npz(path):
    np.savez(path.with_suffix(".npz"), a=_rows())
    path.with_suffix(".npz").rename(path)


NOT_NPY = {
    "a zip archive (.npz)": (_npz, "zip archive"),
    "a pickle": (lambda path: path.write_bytes(pickle.dumps(_rows())), "header is damaged"),
    "truncated": (lambda path: (np.save(path, _rows()), path.write_bytes(path.read_bytes()[:-9])), "truncated"),
    "booleans": (lambda path: np.save(path, _rows() > 0), "bool values, not numbers"),
    "no columns": (lambda path: np.save(path, np.empty((5, 0))), "empty array of shape (5, 0)"),
    "3-D": (lambda path: np.save(path, np.zeros((2, 2, 2))), "3-D array"),
}


@pytest.mark.parametrize("case", sorted(NOT_NPY))
@pytest.mark.parametrize("stream", [[], ["--stream"]])
def test_a_file_that_is_not_a_npy_data_array_is_refused_streamed_or_not(tmp_path, capsys, case, stream):
    make, problem = NOT_NPY[case]
    data, out = tmp_path / "data.npy", tmp_path / "model.json"
    make(data)
    out.write_bytes(KEEP)
    error = _refused(["fit", data, "--k", "2", "--out", out, *stream], capsys)
    assert problem in error
    assert out.read_bytes() == KEEP


def _folder(tmp_path, second: dict):
    """A folder of two Parquet files: 30 rows of columns x and y, then ``second`` (column name -> values)."""
    folder = tmp_path / "events"
    folder.mkdir()
    X = _rows()
    write_parquet(folder / "part-0.parquet", {"x": X[:30, 0], "y": X[:30, 1]})
    write_parquet(folder / "part-1.parquet", second)
    return folder


@pytest.mark.parametrize("second, problem", [
    ({"x": [1.0, 2.0], "y": ["a", "b"]}, "part-1.parquet: column 'y' holds string, not numbers"),
    ({"x": [1.0, 2.0]}, "part-1.parquet: there is no column 'y'"),
])
def test_a_parquet_folder_whose_files_disagree_is_refused_naming_the_file(tmp_path, capsys, second, problem):
    folder = _folder(tmp_path, second)
    out = tmp_path / "labels.csv"
    error = _refused(["fit", folder, "--k", "2", "--out", out], capsys)
    assert problem in error
    assert not out.exists()


def test_a_parquet_file_that_fails_in_the_middle_of_a_pass_is_input_error(tmp_path):
    folder = _folder(tmp_path, {"x": [1.0, 2.0], "y": [3.0, 4.0]})
    rows = open_rows(folder)
    (folder / "part-1.parquet").write_bytes(b"no longer Parquet")
    with pytest.raises(InputError, match="the Parquet data cannot be read"):
        list(rows.blocks(8))


@pytest.mark.parametrize("command", ["fit", "predict", "select"])
def test_an_output_inside_the_parquet_folder_read_is_refused(tmp_path, capsys, command):
    folder = _folder(tmp_path, {"x": [1.0, 2.0], "y": [3.0, 4.0]})
    model = tmp_path / "model.json"
    assert main.main(["fit", str(folder), "--k", "2", "--seed", "0", "--quiet", "--out", str(model)]) == 0
    capsys.readouterr()
    inside = folder / "part-0.parquet"
    before = inside.read_bytes()
    argv = {"fit": ["fit", folder, "--k", "2", "--out", inside],
            "predict": ["predict", model, folder, "--out", inside],
            "select": ["select", folder, "--k", "1-2", "--jobs", "1", "--table", folder / "grid.pq"]}[command]
    assert "inside the input data folder" in _refused(argv, capsys)
    assert inside.read_bytes() == before
    assert sorted(path.name for path in folder.iterdir()) == ["part-0.parquet", "part-1.parquet"]


@pytest.mark.parametrize("address, problem", [
    ("", "needs an address"),
    ("nonsense", "not a Dask scheduler's address"),
    ("http://host:8786", "not a Dask scheduler's address"),
    ("tcp://host:port", "not a Dask scheduler's address"),
])
def test_a_scheduler_that_is_not_an_address_is_refused(tmp_path, capsys, address, problem):
    data, out = tmp_path / "data.npy", tmp_path / "model.json"
    np.save(data, _rows())
    assert problem in _refused(["fit", data, "--k", "2", "--scheduler", address, "--out", out], capsys)
    assert not out.exists()


def test_parquet_data_is_refused_for_a_cluster_before_one_is_started(tmp_path, capsys, monkeypatch):
    folder = _folder(tmp_path, {"x": [1.0, 2.0], "y": [3.0, 4.0]})

    def never(address):
        raise AssertionError("a cluster was started for data it cannot take")

    monkeypatch.setattr("engine.backends.cluster.connect", never)
    error = _refused(["fit", folder, "--k", "2", "--scheduler", "local:1", "--out", tmp_path / "m.json"], capsys)
    assert "convert the Parquet data to .npy" in error


def test_a_folder_holding_a_spark_style_parquet_folder_reads_its_files(tmp_path, capsys):
    """Spark writes a table as a folder ``name.parquet/`` of part files: the folder above it is read as those files."""
    X = _rows()
    table = tmp_path / "spark" / "table.parquet"
    table.mkdir(parents=True)
    write_parquet(table / "part-00000.snappy.parquet", {"x": X[:30, 0], "y": X[:30, 1]})
    write_parquet(table / "part-00001.snappy.parquet", {"x": X[30:, 0], "y": X[30:, 1]})
    (table / "_SUCCESS").touch()
    rows = open_rows(tmp_path / "spark")
    assert rows.n_samples == len(X)
    np.testing.assert_array_equal(np.concatenate(list(rows.blocks(16))), X)


@pytest.mark.parametrize("options, problem", [
    ([], "column 'b' holds bool, not numbers; choose numeric columns with --columns"),
    (["--weights", "b"], "column 'b' holds bool, not numbers; choose a numeric weights column with --weights"),
])
def test_a_parquet_column_of_booleans_is_refused_as_in_a_npy_file(tmp_path, capsys, options, problem):
    """True/false is not a measurement: a .npy file of booleans was refused, the same column in Parquet was fitted
    (as a feature of 0s and 1s, or as weights)."""
    data, out = tmp_path / "data.parquet", tmp_path / "model.json"
    X = _rows()
    write_parquet(data, {"x": X[:, 0], "y": X[:, 1], "b": X[:, 0] > 0})
    error = _refused(["fit", data, "--k", "2", "--out", out, *options], capsys)
    assert problem in error
    assert not out.exists()
