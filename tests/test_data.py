"""Loading CSV/text and .npy data sets, and writing files atomically."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import numpy as np
import pytest
from numpy.lib import format as npy_format

from engine.errors import InputError
from engine.io import atomic
from engine.io.atomic import atomic_write_text
from engine.io.tables import Dataset, from_array, load_data, save_csv_atomic


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def load_text(tmp_path: Path, text: str | bytes, name: str = "data.csv", **kwargs) -> Dataset:
    return load_data(write(tmp_path, name, text), **kwargs)


def error_of(tmp_path: Path, text: str | bytes, name: str = "data.csv", **kwargs) -> str:
    with pytest.raises(InputError) as info:
        load_text(tmp_path, text, name, **kwargs)
    return str(info.value)


# --- header, delimiters, layout ----------------------------------------------------------------------------


def test_header_names_and_values(tmp_path):
    dataset = load_text(tmp_path, "x,y\n1,2\n3.5,-4e-3\n")
    assert dataset.feature_names == ("x", "y")
    np.testing.assert_array_equal(dataset.X, [[1.0, 2.0], [3.5, -4e-3]])
    assert dataset.X.dtype == np.float64
    assert dataset.n_dropped == 0
    assert dataset.source == str(tmp_path / "data.csv")
    assert dataset.labels is None


def test_without_header_names_are_x0_x1(tmp_path):
    dataset = load_text(tmp_path, "1,2,3\n4,5,6\n")
    assert dataset.feature_names == ("x0", "x1", "x2")
    np.testing.assert_array_equal(dataset.X, [[1, 2, 3], [4, 5, 6]])


def test_header_detected_when_any_field_is_text(tmp_path):
    dataset = load_text(tmp_path, "1,y\n1,2\n")
    assert dataset.feature_names == ("1", "y")
    assert dataset.X.shape == (1, 2)


@pytest.mark.parametrize("text", [
    "a,b\n1,2\n3,4\n",
    "a;b\n1;2\n3;4\n",
    "a\tb\n1\t2\n3\t4\n",
    "a b\n1 2\n3 4\n",
    "a   b\n  1 \t 2\n3\t\t4  \n",
    "a, b\n1, 2\n3,   4\n",
])
def test_every_delimiter(tmp_path, text):
    dataset = load_text(tmp_path, text)
    assert dataset.feature_names == ("a", "b")
    np.testing.assert_array_equal(dataset.X, [[1, 2], [3, 4]])


def test_semicolon_wins_over_decimal_commas(tmp_path):
    message = error_of(tmp_path, "a;b\n1,5;2,5\n3,5;4,5\n")
    assert "line 2, column 'a' (1): '1,5' is not a number" in message


def test_one_column_with_and_without_header(tmp_path):
    dataset = load_text(tmp_path, "height\n1.5\n2\n")
    assert dataset.feature_names == ("height",)
    np.testing.assert_array_equal(dataset.X, [[1.5], [2.0]])
    dataset = load_text(tmp_path, "1.5\n2\n", name="plain.txt")
    assert dataset.feature_names == ("x0",)
    assert dataset.X.shape == (2, 1)


def test_quoted_header_names(tmp_path):
    dataset = load_text(tmp_path, '"first, name","y"\n1,2\n')
    assert dataset.feature_names == ("first, name", "y")
    dataset = load_text(tmp_path, '"first name" "y"\n1 2\n', name="spaces.txt")
    assert dataset.feature_names == ("first name", "y")


def test_blank_lines_ignored_but_counted(tmp_path):
    text = "\nx,y\n\n1,2\n   \n3,4\n\n\n5,oops\n"
    message = error_of(tmp_path, text)
    assert message.startswith("data.csv line 9, column 'y' (2): 'oops' is not a number")
    dataset = load_text(tmp_path, text, drop_invalid=True)
    np.testing.assert_array_equal(dataset.X, [[1, 2], [3, 4]])


def test_bom_crlf_and_utf16(tmp_path):
    dataset = load_text(tmp_path, "\ufeffx,y\r\n1,2\r\n3,4\r\n".encode())
    assert dataset.feature_names == ("x", "y")
    assert dataset.X.shape == (2, 2)
    dataset = load_text(tmp_path, "x\ty\r\n1\t2\r\n".encode("utf-16"), name="excel.txt")
    assert dataset.feature_names == ("x", "y")
    np.testing.assert_array_equal(dataset.X, [[1, 2]])


def test_unnamed_header_column_gets_a_position_name(tmp_path):
    dataset = load_text(tmp_path, ",x\n0,1.5\n1,2.5\n")
    assert dataset.feature_names == ("x0", "x")


def test_large_file_round_trips_exactly(tmp_path):
    X = np.random.default_rng(1).standard_normal((20_000, 3)) * 10.0 ** np.arange(-100, 200, 100)
    path = tmp_path / "big.csv"
    save_csv_atomic(path, ["a", "b", "c"], X)
    np.testing.assert_array_equal(load_data(path).X, X)


# --- columns -----------------------------------------------------------------------------------------------


def test_columns_by_name_and_index(tmp_path):
    path = write(tmp_path, "data.csv", "a,b,c\n1,2,3\n4,5,6\n")
    dataset = load_data(path, columns=["c", "0"])
    assert dataset.feature_names == ("c", "a")
    np.testing.assert_array_equal(dataset.X, [[3, 1], [6, 4]])
    assert load_data(path, columns=[1]).feature_names == ("b",)
    assert load_data(path, columns=" b ").feature_names == ("b",)


def test_columns_by_index_without_header(tmp_path):
    dataset = load_text(tmp_path, "1,2,3\n4,5,6\n", columns=["2", "x0"])
    assert dataset.feature_names == ("x2", "x0")
    np.testing.assert_array_equal(dataset.X, [[3, 1], [6, 4]])


def test_a_header_named_with_digits_wins_over_the_index(tmp_path):
    dataset = load_text(tmp_path, "a,0\n1,2\n", columns=["0"])
    assert dataset.feature_names == ("0",)
    np.testing.assert_array_equal(dataset.X, [[2]])


@pytest.mark.parametrize("columns", [["z"], ["3"], [7], ["-1"]])
def test_unknown_column_lists_the_available_ones(tmp_path, columns):
    message = error_of(tmp_path, "a,b,c\n1,2,3\n", columns=columns)
    assert "no column" in message
    assert str(columns[0]) in message
    if not isinstance(columns[0], int):
        assert "0 'a', 1 'b', 2 'c'" in message


def test_column_chosen_twice_empty_choice_and_ambiguous_name(tmp_path):
    assert "column 'a' (index 0) is chosen twice" in error_of(tmp_path, "a,b\n1,2\n", columns=["a", "0"])
    assert "no columns were chosen" in error_of(tmp_path, "a,b\n1,2\n", columns=[])
    assert "2 columns are named 'a'" in error_of(tmp_path, "a,a\n1,2\n", columns=["a"])


def test_text_in_a_column_not_chosen_is_fine(tmp_path):
    dataset = load_text(tmp_path, "x,species\n1,setosa\n2,virginica\n", columns=["x"])
    np.testing.assert_array_equal(dataset.X, [[1], [2]])


# --- invalid values ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "problem"), [
    ("", "the value is missing"),
    ("  ", "the value is missing"),
    ("abc", "'abc' is not a number"),
    ("1_000", "'1_000' is not a number"),
    ("nan", "'nan' is not a finite number"),
    ("NaN", "'NaN' is not a finite number"),
    ("inf", "'inf' is not a finite number"),
    ("-Infinity", "'-Infinity' is not a finite number"),
    ("1e999", "'1e999' is not a finite number"),
])
def test_invalid_value_names_line_and_column(tmp_path, value, problem):
    text = f"x,y\n1,2\n3,4\n5,{value}\n7,8\n"
    message = error_of(tmp_path, text)
    assert message == (f"data.csv line 4, column 'y' (2): {problem}; fix the file or use --drop-invalid to skip "
                       "such rows.")
    dataset = load_text(tmp_path, text, drop_invalid=True)
    assert dataset.n_dropped == 1
    np.testing.assert_array_equal(dataset.X, [[1, 2], [3, 4], [7, 8]])


def test_invalid_value_without_header_counts_lines_from_one(tmp_path):
    message = error_of(tmp_path, "1;2\nx1;4\n")
    assert message.startswith("data.csv line 2, column 'x0' (1): 'x1' is not a number")


def test_long_garbage_is_shortened_in_the_message(tmp_path):
    message = error_of(tmp_path, "x\n" + "z" * 500 + "\n")
    assert len(message) < 200


def test_drop_invalid_counts_rows(tmp_path):
    text = "x,y\n1,2\n,3\nnan,4\n5,inf\n6,7\nabc,\n"
    dataset = load_text(tmp_path, text, drop_invalid=True)
    assert dataset.n_dropped == 4
    np.testing.assert_array_equal(dataset.X, [[1, 2], [6, 7]])
    assert not np.any(np.isnan(dataset.X))


def test_drop_invalid_with_nothing_left(tmp_path):
    message = error_of(tmp_path, "x,y\n1,\nnan,2\n", drop_invalid=True)
    assert "all 2 rows" in message and "nothing is left" in message


def test_ragged_row_names_the_line(tmp_path):
    message = error_of(tmp_path, "x,y\n1,2\n3,4,5\n")
    assert message.startswith("data.csv line 3 has 3 fields but line 1 has 2 fields")
    message = error_of(tmp_path, "x,y\n1,2\n\n3\n", drop_invalid=True)
    assert "line 4 has 1 field but" in message


# --- files that cannot be data -----------------------------------------------------------------------------


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_data(tmp_path / "nope.csv")


def test_directory(tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        load_data(tmp_path)


def test_special_file(tmp_path):
    os.mkfifo(tmp_path / "pipe.csv")
    with pytest.raises(InputError, match="not a regular file"):
        load_data(tmp_path / "pipe.csv")


# Permissions cannot make a file unreadable for root (CI runs as root), so the refusal is faked.
def test_read_error(tmp_path, monkeypatch):
    path = write(tmp_path, "data.csv", "x\n1\n")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError, match="cannot read .*Permission denied"):
        load_data(path)


@pytest.mark.parametrize("text", ["", "\n\n  \n"])
def test_empty_file(tmp_path, text):
    assert "is empty" in error_of(tmp_path, text)


def test_header_without_rows(tmp_path):
    assert "no data rows" in error_of(tmp_path, "x,y\n\n")


def test_binary_file(tmp_path):
    assert "binary data" in error_of(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", name="image.csv")


def test_undecodable_text(tmp_path):
    message = error_of(tmp_path, b"x\n1\n" + "é\n".encode("latin-1"))
    assert "not UTF-8" in message


def test_broken_quoting(tmp_path):
    message = error_of(tmp_path, 'x,y\n1,2\n"3,4\n')
    assert "data.csv line" in message


# --- .npy --------------------------------------------------------------------------------------------------


def save_npy(tmp_path: Path, array, name: str = "data.npy") -> Path:
    path = tmp_path / name
    with path.open("wb") as handle:  # a handle, so numpy does not append ".npy" to "X.NPY"
        np.save(handle, array)
    return path


def test_npy_2d_and_1d(tmp_path):
    X = np.arange(12.0).reshape(6, 2)
    dataset = load_data(save_npy(tmp_path, X))
    np.testing.assert_array_equal(dataset.X, X)
    assert dataset.feature_names == ("x0", "x1")
    dataset = load_data(save_npy(tmp_path, np.array([3, 1, 2], dtype=np.int32), "one.NPY"))
    assert dataset.X.dtype == np.float64
    np.testing.assert_array_equal(dataset.X, [[3], [1], [2]])
    assert dataset.feature_names == ("x0",)


def test_npy_columns(tmp_path):
    dataset = load_data(save_npy(tmp_path, np.arange(6.0).reshape(2, 3)), columns=["2", "x0"])
    assert dataset.feature_names == ("x2", "x0")
    np.testing.assert_array_equal(dataset.X, [[2, 0], [5, 3]])


@pytest.mark.parametrize(("array", "words"), [
    (np.array(["a", "b"]), "not numbers"),
    (np.array([True, False]), "not numbers"),
    (np.array([1 + 2j]), "not numbers"),
    (np.zeros((2, 2, 2)), "3-D"),
    (np.float64(1.0), "0-D"),
    (np.zeros((0, 2)), "empty"),
    (np.zeros((3, 0)), "empty"),
])
def test_npy_that_is_not_a_data_matrix(tmp_path, array, words):
    with pytest.raises(InputError, match=words):
        load_data(save_npy(tmp_path, array))


def test_npy_object_array(tmp_path):
    path = tmp_path / "objects.npy"
    np.save(path, np.array([1, "a"], dtype=object), allow_pickle=True)
    with pytest.raises(InputError, match="not numbers"):
        load_data(path)


@pytest.mark.parametrize("content", [
    b"",
    b"this is not numpy",
    b"\x93NUMPY\x01\x00",
    b"\x93NUMPY\x01\x00\x76\x00{'descr': '<f8', 'fortran_order': False, 'shape': (10,",
    b"\x93NUMPY\x09\x00\x00\x00",
    b"PK\x03\x04 a zip file",
])
def test_corrupt_npy(tmp_path, content):
    path = write(tmp_path, "data.npy", content)
    with pytest.raises(InputError, match="not a valid .npy file"):
        load_data(path)


def test_truncated_npy(tmp_path):
    path = save_npy(tmp_path, np.arange(100.0))
    path.write_bytes(path.read_bytes()[:-8])
    with pytest.raises(InputError, match="truncated"):
        load_data(path)


def test_npy_header_claiming_a_huge_array_is_refused_before_reading(tmp_path):
    header = io.BytesIO()
    npy_format.write_array_header_1_0(header, {"descr": "<f8", "fortran_order": False, "shape": (10**12, 2)})
    path = write(tmp_path, "huge.npy", header.getvalue() + bytes(64))
    with pytest.raises(InputError, match="truncated"):
        load_data(path)


def test_npy_damaged_header(tmp_path):
    path = save_npy(tmp_path, np.arange(10.0))
    path.write_bytes(path.read_bytes().replace(b"(10,)", b"(10,,"))
    with pytest.raises(InputError, match="header is damaged"):
        load_data(path)


def test_npy_with_nan_or_inf(tmp_path):
    X = np.array([[1.0, 2.0], [3.0, np.inf], [np.nan, 4.0], [5.0, 6.0]])
    path = save_npy(tmp_path, X)
    with pytest.raises(InputError, match=r"^data.npy row 2, column 'x1' \(2\): inf is not a finite number"):
        load_data(path)
    dataset = load_data(path, drop_invalid=True)
    assert dataset.n_dropped == 2
    np.testing.assert_array_equal(dataset.X, [[1, 2], [5, 6]])
    with pytest.raises(InputError, match="nothing is left"):
        load_data(save_npy(tmp_path, np.full(3, np.nan)), drop_invalid=True)


# --- Dataset and from_array --------------------------------------------------------------------------------


def test_dataset_arrays_are_read_only_copies():
    X = np.ones((3, 2))
    labels = np.array([0, 1, 0])
    dataset = Dataset(X, ("a", "b"), labels=labels)
    X[0, 0] = 5.0
    assert dataset.X[0, 0] == 1.0
    assert not dataset.X.flags.writeable and not dataset.labels.flags.writeable
    assert dataset.labels.dtype == np.int64
    with pytest.raises(ValueError):
        dataset.X[0, 0] = 2.0
    with pytest.raises(AttributeError):
        dataset.n_dropped = 3
    assert (dataset.n_samples, dataset.n_features) == (3, 2)


@pytest.mark.parametrize(("X", "names", "labels"), [
    (np.ones(3), ("a",), None),
    (np.ones((0, 2)), ("a", "b"), None),
    (np.ones((2, 2)), ("a",), None),
    (np.ones((2, 2)), ("a", "b"), np.zeros(3)),
    (np.array([[1.0, np.nan]]), ("a", "b"), None),
])
def test_dataset_checks_shapes(X, names, labels):
    with pytest.raises(InputError):
        Dataset(X, names, labels=labels)


def test_from_array():
    dataset = from_array([[1, 2], [3, 4]], "pixels", feature_names=["r", "g"], columns=["g"])
    assert dataset.feature_names == ("g",)
    assert dataset.source == "pixels"
    np.testing.assert_array_equal(dataset.X, [[2], [4]])


# --- atomic writes -----------------------------------------------------------------------------------------


def test_save_csv_round_trips_floats_exactly(tmp_path):
    rng = np.random.default_rng(0)
    rows = np.column_stack([rng.standard_normal(50) * 1e-300, rng.standard_normal(50) * 1e300, rng.random(50)])
    rows[0] = [0.1, 1 / 3, 2.0]
    path = tmp_path / "out.csv"
    save_csv_atomic(path, ["tiny", "huge", "unit"], rows)
    assert path.read_text().splitlines()[1] == "0.1,0.3333333333333333,2.0"
    dataset = load_data(path)
    assert dataset.feature_names == ("tiny", "huge", "unit")
    np.testing.assert_array_equal(dataset.X, rows)


def test_save_csv_formats_header_and_one_column(tmp_path):
    path = tmp_path / "labels.csv"
    save_csv_atomic(path, ["label", "p, first"], np.array([[1.0, 0.25], [0.0, 0.75]]), fmt=["%d", "%r"])
    assert path.read_text() == 'label,"p, first"\n1,0.25\n0,0.75\n'
    save_csv_atomic(path, None, np.array([3, 4]))
    assert path.read_text() == "3\n4\n"
    with pytest.raises(ValueError):
        save_csv_atomic(path, ["a", "b"], np.ones((2, 3)))


def test_save_csv_leaves_the_old_file_when_replacing_fails(tmp_path, monkeypatch):
    path = tmp_path / "out.csv"
    path.write_text("old contents\n")

    def fail(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", fail)
    with pytest.raises(InputError, match="No space left on device"):
        save_csv_atomic(path, ["x"], np.ones(3))
    assert path.read_text() == "old contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_save_csv_leaves_the_old_file_when_formatting_fails(tmp_path):
    path = tmp_path / "out.csv"
    path.write_text("old contents\n")
    with pytest.raises(ValueError):
        save_csv_atomic(path, ["x"], np.ones(3), fmt="%q")
    assert path.read_text() == "old contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_atomic_write_fsync_failure_removes_the_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "model.json"
    path.write_text("{}")

    def fail(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "fsync", fail)
    with pytest.raises(InputError, match="Input/output error"):
        atomic_write_text(path, "new")
    assert path.read_text() == "{}"
    assert [p.name for p in tmp_path.iterdir()] == ["model.json"]


def test_atomic_write_text_exact_and_keeps_permissions(tmp_path):
    path = tmp_path / "notes.txt"
    atomic_write_text(path, "a\r\nb\n")
    assert path.read_bytes() == b"a\r\nb\n"
    path.chmod(0o640)
    atomic_write_text(path, "é")
    assert path.read_text(encoding="utf-8") == "é"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_atomic_write_into_missing_folder(tmp_path):
    with pytest.raises(InputError, match="cannot write"):
        atomic_write_text(tmp_path / "no" / "such" / "file.txt", "x")


