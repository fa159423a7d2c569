"""Data sets: the ``Dataset``, loading one from a ``.npy`` or CSV/text file, and saving CSV results atomically.

CSV/text files are parsed by ``engine.io.csv_reader`` (its docstring has the rules); columns are chosen
by ``engine.io.columns``. Every value used must be a finite number: an invalid value is reported with
its row (or line) and column, or (with ``drop_invalid``) the row is dropped and counted.
"""

from __future__ import annotations

import csv
import io
import math
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.lib import format as npy_format
from numpy.typing import ArrayLike, NDArray

from engine.errors import InputError
from engine.io.atomic import atomic_write_text
from engine.io.columns import WithWeights, resolve_columns
from engine.io.csv_reader import DROP_HINT, read_table
from engine.io.paths import file_status, is_regular, shown_path
from engine.io.true_labels import parse_labels


@dataclass(frozen=True, slots=True)
class Dataset:
    """A data set ready to fit: finite float64 samples and their feature names.

    Construction makes the arrays read-only (copying only arrays that are still writeable) and checks
    their shapes and that ``X`` is finite, raising ``InputError``.

    Attributes
    ----------
    X : ndarray of shape (n_samples, n_features)
        Read-only float64 samples, all finite.
    feature_names : tuple of str, length n_features
    n_dropped : int
        Rows dropped because they held invalid values (``drop_invalid``).
    source : str
        Where the data came from: the file path, or ``"preset:<name>"`` for generated data.
    labels : ndarray of shape (n_samples,) or None
        Read-only int64 true component of each sample, for generated data and files with a ``label``
        column (``engine.io.true_labels``); ``None`` otherwise.
    label_names : tuple of str or None
        For labels read as text, the name of each label code; ``None`` when the labels are numbers.
    """

    X: NDArray[np.float64]
    feature_names: tuple[str, ...]
    n_dropped: int = 0
    source: str = ""
    labels: NDArray[np.int64] | None = None
    label_names: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        X = _read_only(self.X, np.float64)
        if X.ndim != 2 or X.shape[0] < 1 or X.shape[1] < 1:
            raise InputError(f"a data set needs at least one row and one column, not an array of shape {X.shape}.")
        if not np.isfinite(X).all():
            raise InputError("a data set must hold finite numbers only; drop or fix the rows with NaN or infinity.")
        names = tuple(str(name) for name in self.feature_names)
        if len(names) != X.shape[1]:
            raise InputError(f"{len(names)} feature names were given for {X.shape[1]} columns.")
        object.__setattr__(self, "X", X)
        object.__setattr__(self, "feature_names", names)
        if self.labels is not None:
            labels = _read_only(self.labels, np.int64)
            if labels.shape != (X.shape[0],):
                raise InputError(f"labels of shape {labels.shape} do not match {X.shape[0]} samples.")
            object.__setattr__(self, "labels", labels)
        if self.label_names is not None:
            label_names = tuple(str(name) for name in self.label_names)
            if self.labels is None or (len(self.labels) and not 0 <= int(self.labels.min()) <= int(
                    self.labels.max()) < len(label_names)):
                raise InputError(f"{len(label_names)} label names do not name every label code.")
            object.__setattr__(self, "label_names", label_names)

    @property
    def n_samples(self) -> int:
        return self.X.shape[0]

    @property
    def n_features(self) -> int:
        return self.X.shape[1]


def _read_only(values: ArrayLike, dtype: type) -> NDArray:
    """``values`` as a read-only array of ``dtype``, copied only if it is writeable (or of another dtype)."""
    array = np.asarray(values, dtype=dtype)
    if array.flags.writeable:
        array = array.copy()
        array.flags.writeable = False
    return array


def load_data(path: str | os.PathLike, columns: Sequence[str | int] | None = None,
              drop_invalid: bool = False) -> Dataset:
    """Load a data set from a ``.npy`` file or a CSV/text file (any other extension).

    Parameters
    ----------
    path : str or path-like
    columns : sequence of str or int, optional
        The columns to keep, in this order: header names or 0-based indices (a string of digits is an
        index unless a header has that name). All columns by default. A ``.npy`` file's columns are
        named ``x0``, ``x1``, ... as are those of a text file without a header.
    drop_invalid : bool
        Drop rows with a missing, non-numeric or non-finite value in a kept column, instead of
        raising ``InputError``; ``Dataset.n_dropped`` counts them.

    Returns
    -------
    Dataset
        ``X`` of shape (n_samples, n_features); a 1-D ``.npy`` array is one column.

    Raises
    ------
    InputError
        With one sentence naming the problem (and the line and column of a bad value).
    """
    file = Path(path)
    status = file_status(file, lambda problem: InputError(f"cannot read the data file {shown_path(file)}: {problem};"
                                                          " choose another name."))
    if status is None:
        raise InputError(f"{file}: no such file; check the path.")
    if stat.S_ISDIR(status.st_mode):
        raise InputError(f"{file} is a folder, not a data file; choose a CSV/text or .npy file.")
    if not is_regular(status):  # checked before opening: opening a pipe waits for a writer for ever
        raise InputError(f"{file} is not a regular file (a device or a pipe?); choose a CSV/text or .npy file.")
    if file.suffix.lower() == ".npy":
        return _load_npy(file, columns, drop_invalid)
    X, valid, names, label_texts = read_table(file, columns, drop_invalid)
    if label_texts is None:
        return _finish(X, valid, names, str(file), file.name)
    labels, labelled, label_names = parse_labels(label_texts, drop_invalid, file.name)
    return _finish(X, valid & labelled, names, str(file), file.name, labels, label_names)


def load_weighted_data(path: str | os.PathLike, columns: Sequence[str | int] | None, weights: str | int,
                       drop_invalid: bool = False) -> tuple[Dataset, NDArray[np.float64], str]:
    """A data set and its sample weights, both from one file: ``weights`` names a column (header name or
    0-based index) that is read as the weights and is never a feature.

    Parameters are as for ``load_data``; ``columns`` (default: every column but the weights) must not
    name the weights column. Only the column is checked here (finite, or its row dropped with
    ``drop_invalid``); ``engine.weights.check_sample_weight`` checks the values.

    Returns
    -------
    dataset : Dataset
        ``X`` of shape (n_samples, n_features), without the weights.
    sample_weight : ndarray of shape (n_samples,)
    weights_name : str
        The weights column's name.
    """
    loaded = load_data(path, WithWeights(columns, weights), drop_invalid)
    features = Dataset(loaded.X[:, :-1], loaded.feature_names[:-1], loaded.n_dropped, loaded.source, loaded.labels,
                       loaded.label_names)  # a ``label`` column's true labels too (``fit`` compares with them)
    return features, np.array(loaded.X[:, -1]), loaded.feature_names[-1]


def from_array(values: ArrayLike, source: str = "array", feature_names: Sequence[str] | None = None,
               columns: Sequence[str | int] | None = None, drop_invalid: bool = False,
               name: str | None = None) -> Dataset:
    """A ``Dataset`` from a numeric array, checked as a ``.npy`` file is.

    Parameters
    ----------
    values : array_like of shape (n_samples,) or (n_samples, n_features)
        Integer or float numbers; a 1-D array is one column.
    source : str
        Named in messages and kept as ``Dataset.source``.
    feature_names : sequence of str, optional
        Defaults to ``x0``, ``x1``, ...
    columns, drop_invalid
        As for ``load_data``; bad values are reported by row (1-based) and column.
    name : str, optional
        What messages call the data (a file's name rather than its whole path); defaults to ``source``.
    """
    name = source if name is None else name
    array = np.asarray(values)
    _check_numeric(array.dtype, array.shape, name)
    X = array.reshape(len(array), -1).astype(np.float64)
    names = list(feature_names) if feature_names is not None else [f"x{j}" for j in range(X.shape[1])]
    selected = resolve_columns(columns, names, name)
    X = X if selected == list(range(X.shape[1])) else X[:, selected]
    valid = np.isfinite(X).all(axis=1)
    if not drop_invalid and not valid.all():
        row = int(np.argmin(valid))
        column = selected[int(np.argmin(np.isfinite(X[row])))]
        raise InputError(f"{name} row {row + 1}, column {names[column]!r} ({column + 1}): "
                         f"{array.reshape(len(array), -1)[row, column]} is not a finite number; {DROP_HINT}.")
    return _finish(X, valid, [names[j] for j in selected], source, name)


def _finish(X: NDArray, valid: NDArray, names: list[str], source: str, name: str,
            labels: NDArray[np.int64] | None = None, label_names: tuple[str, ...] | None = None) -> Dataset:
    """The ``Dataset`` of the valid rows of ``X`` (n_samples, n_features) and of ``labels`` (n_samples,).

    Raises ``InputError`` if no row is valid.
    """
    n_dropped = int(len(valid) - np.count_nonzero(valid))
    if n_dropped == len(valid):
        raise InputError(f"{name}: all {n_dropped} rows have missing, non-numeric or non-finite values, so "
                         "nothing is left; check the file and the columns chosen.")
    X = X[valid] if n_dropped else X
    X.flags.writeable = False
    if labels is not None and n_dropped:
        labels = labels[valid]
    return Dataset(X, tuple(names), n_dropped, source, labels, label_names)


# --- .npy --------------------------------------------------------------------------------------------------


def _check_numeric(dtype: np.dtype, shape: tuple[int, ...], source: str) -> None:
    """Raise ``InputError`` unless an array of this dtype and shape can be a data set."""
    if dtype.kind not in "iuf":
        raise InputError(f"{source} holds {dtype} values, not numbers; save a numeric (integer or float) array.")
    if len(shape) not in (1, 2):
        raise InputError(f"{source} holds a {len(shape)}-D array of shape {shape}; save a 1-D or 2-D array "
                         "(one row per sample).")
    if shape[0] == 0 or (len(shape) == 2 and shape[1] == 0):
        raise InputError(f"{source} holds an empty array of shape {shape}; it needs at least one row and column.")


def read_npy_header(file: Path) -> tuple[tuple[int, ...], np.dtype]:
    """The shape and dtype of the array in a ``.npy`` file, from its header alone, checked as a data set's.

    Used before the file is loaded or memory-mapped (``engine.io.streams``), so that a corrupt, truncated,
    zipped (``.npz``) or pickled file, or one of another dtype or shape, never reaches numpy's errors.

    Raises
    ------
    InputError
        With one sentence naming the problem: not a ``.npy`` file, a damaged header, a truncated file, not
        numbers, not 1-D or 2-D, or empty.
    """
    corrupt = f"{file.name} is not a valid .npy file"
    try:
        with file.open("rb") as handle:
            if handle.read(4) == b"PK\x03\x04":
                raise InputError(f"{corrupt} but a zip archive (a .npz file?); save one array with numpy.save.")
            handle.seek(0)
            version = npy_format.read_magic(handle)
            read_header = {(1, 0): npy_format.read_array_header_1_0, (2, 0): npy_format.read_array_header_2_0}
            if version not in read_header:
                raise InputError(f"{corrupt} (format version {version[0]}.{version[1]}); save it with numpy.save.")
            shape, _, dtype = read_header[version](handle)
            data_bytes = file.stat().st_size - handle.tell()
    except OSError as error:
        raise InputError(f"cannot read {file}: {error.strerror or error}; check the file's permissions.") from None
    except InputError:
        raise
    except Exception:  # numpy reports a bad header with ValueError, EOFError or a tokenizer error
        raise InputError(f"{corrupt} (its header is damaged); save the array again with numpy.save.") from None
    _check_numeric(dtype, shape, file.name)
    if data_bytes < math.prod(shape) * dtype.itemsize:
        raise InputError(f"{corrupt} (it is truncated); save the array again with numpy.save.")
    return shape, dtype


def _load_npy(file: Path, columns: Sequence[str | int] | None, drop_invalid: bool) -> Dataset:
    """Check the header of a ``.npy`` file before loading it, so a corrupt one never reaches numpy's errors."""
    read_npy_header(file)
    corrupt = f"{file.name} is not a valid .npy file"
    try:
        array = np.load(file, allow_pickle=False)
    except Exception:
        raise InputError(f"{corrupt} (its data cannot be read); save the array again with numpy.save.") from None
    return from_array(array, str(file), columns=columns, drop_invalid=drop_invalid, name=file.name)


# --- saving ------------------------------------------------------------------------------------------------


def save_csv_atomic(path: str | os.PathLike, header: Sequence[str] | None, rows: ArrayLike,
                    fmt: str | Sequence[str] = "%r") -> None:
    """Write a numeric table as CSV, atomically (an existing file is replaced whole or left untouched).

    Parameters
    ----------
    path : str or path-like
    header : sequence of str, length n_columns, or None
        Column names for the first line (quoted where needed); ``None`` writes no header.
    rows : array_like of shape (n_rows, n_columns), or (n_rows,) for one column
        Numbers. Floats are written as Python's ``repr`` writes them by default: the shortest text that
        reads back to exactly the same float.
    fmt : str or sequence of str
        A ``%``-format for every value, or one per column (for instance ``"%d"`` for a label column).
        Values are formatted as Python ``int`` and ``float`` objects.

    Raises
    ------
    InputError
        If the file cannot be written.
    """
    table = np.asarray(rows)
    table = table.reshape(len(table), -1) if table.ndim == 1 else table
    if table.ndim != 2 or (header is not None and len(header) != table.shape[1]):
        raise ValueError(f"rows of shape {np.shape(rows)} do not match a header of {len(header or [])} names")
    formats = [fmt] * table.shape[1] if isinstance(fmt, str) else list(fmt)
    out = io.StringIO()
    if header is not None:
        csv.writer(out, lineterminator="\n").writerow(header)
    for row in table.tolist():
        out.write(",".join(f % value for f, value in zip(formats, row, strict=True)))
        out.write("\n")
    atomic_write_text(path, out.getvalue())
