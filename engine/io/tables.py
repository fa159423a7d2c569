"""Loading data sets from CSV/text and ``.npy`` files, and saving CSV results atomically.

Text files are decoded as UTF-8 (a byte-order mark is skipped; UTF-16 with a byte-order mark is read
too). The delimiter is sniffed from the first non-blank lines: semicolon, tab, comma or runs of
whitespace, preferring the first of these that splits every sampled line into the same number (> 1)
of fields; a file none of them splits is one column. The first row is a header when any of its fields
is not a number. Blank lines are skipped but still counted, so line numbers in messages are the ones
an editor shows.

Every value used must be a finite number: an empty field, text, ``nan`` or ``inf`` is an invalid value,
reported with its line and column, or (with ``drop_invalid``) the row is dropped and counted.
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.lib import format as npy_format
from numpy.typing import ArrayLike, NDArray

from engine.errors import InputError
from engine.io.atomic import atomic_write_text

#: Candidate delimiters in order of preference; ``None`` stands for runs of whitespace.
DELIMITERS: tuple[str | None, ...] = (";", "\t", ",", None)
#: How many non-blank lines the delimiter is sniffed from.
SNIFF_LINES = 20
_DROP_HINT = "fix the file or use --drop-invalid to skip such rows"


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
        Read-only int64 true component of each sample, for generated data; ``None`` otherwise.
    """

    X: NDArray[np.float64]
    feature_names: tuple[str, ...]
    n_dropped: int = 0
    source: str = ""
    labels: NDArray[np.int64] | None = None

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
    if not file.exists():
        raise InputError(f"{file}: no such file; check the path.")
    if file.is_dir():
        raise InputError(f"{file} is a folder, not a data file; choose a CSV/text or .npy file.")
    if not file.is_file():
        raise InputError(f"{file} is not a regular file (a device or a pipe?); choose a CSV/text or .npy file.")
    if file.suffix.lower() == ".npy":
        return _load_npy(file, columns, drop_invalid)
    return _load_text(file, columns, drop_invalid)


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
    selected = _resolve_columns(columns, names, name)
    X = X if selected == list(range(X.shape[1])) else X[:, selected]
    valid = np.isfinite(X).all(axis=1)
    if not drop_invalid and not valid.all():
        row = int(np.argmin(valid))
        column = selected[int(np.argmin(np.isfinite(X[row])))]
        raise InputError(f"{name} row {row + 1}, column {names[column]!r} ({column + 1}): "
                         f"{array.reshape(len(array), -1)[row, column]} is not a finite number; {_DROP_HINT}.")
    return _finish(X, valid, [names[j] for j in selected], source, name)


def _finish(X: NDArray, valid: NDArray, names: list[str], source: str, name: str) -> Dataset:
    """The ``Dataset`` of the valid rows of ``X`` (n_samples, n_features); raises if none is valid."""
    n_dropped = int(len(valid) - np.count_nonzero(valid))
    if n_dropped == len(valid):
        raise InputError(f"{name}: all {n_dropped} rows have missing, non-numeric or non-finite values, so "
                         "nothing is left; check the file and the columns chosen.")
    X = X[valid] if n_dropped else X
    X.flags.writeable = False
    return Dataset(X, tuple(names), n_dropped, source)


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


def _load_npy(file: Path, columns: Sequence[str | int] | None, drop_invalid: bool) -> Dataset:
    """Check the header of a ``.npy`` file before loading it, so a corrupt one never reaches numpy's errors."""
    corrupt = f"{file.name} is not a valid .npy file"
    try:
        with file.open("rb") as handle:
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
    try:
        array = np.load(file, allow_pickle=False)
    except Exception:
        raise InputError(f"{corrupt} (its data cannot be read); save the array again with numpy.save.") from None
    return from_array(array, str(file), columns=columns, drop_invalid=drop_invalid, name=file.name)


# --- CSV and text ------------------------------------------------------------------------------------------


def _decode(file: Path) -> str:
    """The text of ``file``: UTF-8 (BOM skipped) or UTF-16 with a BOM; binary files are refused."""
    try:
        raw = file.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {file}: {error.strerror or error}; check the file's permissions.") from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{file.name} is not valid UTF-16 text; save it as UTF-8 CSV.") from None
    if b"\x00" in raw:
        raise InputError(f"{file.name} is not a text file (it holds binary data); choose a CSV/text or .npy file.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{file.name} is not UTF-8 text (bad byte at position {error.start}); save it as "
                         "UTF-8 CSV.") from None


def _sniff_delimiter(lines: list[str]) -> str | None:
    """The delimiter of ``lines`` (non-blank), ``None`` for whitespace; see ``DELIMITERS``.

    Falls back to the first delimiter that splits some line in two or more (so a ragged row is then
    reported by line), and to a comma when no line splits (one column).
    """
    counts = {delimiter: [len(fields) for fields in _split(lines, delimiter)] for delimiter in DELIMITERS}
    for delimiter, per_line in counts.items():
        if min(per_line) > 1 and len(set(per_line)) == 1:
            return delimiter
    for delimiter, per_line in counts.items():
        if max(per_line) > 1:
            return delimiter
    return ","


def _split(lines: list[str], delimiter: str | None) -> csv.reader:
    """A csv reader over ``lines``; ``None`` splits on runs of whitespace (quotes still honoured)."""
    if delimiter is None:
        return csv.reader((" ".join(line.split()) for line in lines), delimiter=" ", skipinitialspace=True)
    return csv.reader(lines, delimiter=delimiter, skipinitialspace=True)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _cell_problem(text: str) -> str | None:
    """What is wrong with one field as a value, or ``None`` if it is a finite number."""
    stripped = text.strip()
    if not stripped:
        return "the value is missing"
    shown = repr(stripped if len(stripped) <= 40 else stripped[:37] + "...")
    if "_" in stripped or not _is_number(stripped):
        return f"{shown} is not a number"
    if not math.isfinite(float(stripped)):
        return f"{shown} is not a finite number"
    return None


def _parse_row(fields: list[str], selected: list[int]) -> list[float] | None:
    """The selected fields as finite floats, or ``None`` if any is invalid (the fast path of parsing)."""
    try:
        values = [float(fields[j]) for j in selected]
    except ValueError:
        return None
    total = sum(values)
    if total - total != 0.0 and not all(map(math.isfinite, values)):  # inf or nan somewhere
        return None
    return values


def _load_text(file: Path, columns: Sequence[str | int] | None, drop_invalid: bool) -> Dataset:
    """Parse a CSV/text file; see the module docstring for the rules."""
    text = io.StringIO(_decode(file), newline=None).read()  # universal newlines: \r\n and \r become \n
    lines = [(number, line) for number, line in enumerate(text.split("\n"), 1) if line.strip()]
    if not lines:
        raise InputError(f"{file.name} is empty; choose a file with data.")
    delimiter = _sniff_delimiter([line for _, line in lines[:SNIFF_LINES]])
    rows = _numbered_rows(lines, delimiter, file.name)
    first_number, first = next(rows)
    has_header = any(field.strip() and not _is_number(field) for field in first)
    names = [name.strip() or f"x{j}" for j, name in enumerate(first)] if has_header else \
        [f"x{j}" for j in range(len(first))]
    selected = _resolve_columns(columns, names, file.name)
    kept = [names[j] for j in selected]
    X = _fast_parse([line for _, line in lines[has_header:]], delimiter, len(names), selected)
    if X is not None:
        valid = np.isfinite(X).all(axis=1)
        if drop_invalid or valid.all():
            return _finish(X, valid, kept, str(file), file.name)
    body = rows if has_header else _chain_first((first_number, first), rows)
    values, valid = _parse_body(body, names, selected, first_number, drop_invalid, file.name)
    if not values:
        raise InputError(f"{file.name} has a header but no data rows; add rows of numbers below the header.")
    return _finish(np.array(values, dtype=np.float64).reshape(len(values), len(selected)), np.array(valid), kept,
                   str(file), file.name)


def _fast_parse(lines: list[str], delimiter: str | None, n_fields: int, selected: list[int]) -> NDArray | None:
    """The selected columns of well-formed data ``lines`` by numpy's parser, shape (n_rows, n_selected).

    ``None`` when numpy refuses the lines (an empty or non-numeric field, a ragged row...); the slow
    parser then finds and reports the problem, or accepts what only Python's ``float`` reads. NaN and
    infinity come back as they are, for the caller to drop or report.
    """
    if not lines:
        return None
    try:
        table = np.loadtxt(io.StringIO("\n".join(lines)), dtype=np.float64, delimiter=delimiter, comments=None,
                           quotechar='"', ndmin=2)
    except ValueError:
        return None
    if table.shape[1] != n_fields:
        return None
    return table if selected == list(range(n_fields)) else table[:, selected]


def _chain_first(first, rest):
    yield first
    yield from rest


def _numbered_rows(lines: list[tuple[int, str]], delimiter: str | None, name: str):
    """Yield (line number, fields) for each row; a quoted field may span lines."""
    reader = _split([line for _, line in lines], delimiter)
    try:
        for fields in reader:
            yield lines[reader.line_num - 1][0], fields
    except csv.Error as error:
        raise InputError(f"{name} line {lines[reader.line_num - 1][0]} cannot be read as CSV ({error}); "
                         "fix the quoting on that line.") from None


def _parse_body(rows, names: list[str], selected: list[int], first_number: int, drop_invalid: bool,
                name: str) -> tuple[list[list[float]], list[bool]]:
    """Values of the selected columns row by row (NaN in an invalid row), and whether each row is valid."""
    n_fields = len(names)
    nan_row = [math.nan] * len(selected)
    values, valid = [], []
    for number, fields in rows:
        if len(fields) != n_fields:
            raise InputError(f"{name} line {number} has {_fields(len(fields))} but line {first_number} has "
                             f"{_fields(n_fields)}; every row must have the same number of fields.")
        row = _parse_row(fields, selected)
        if row is not None and any("_" in fields[j] for j in selected):
            row = None  # float() accepts "1_000"; a data file should not
        if row is None and not drop_invalid:
            _raise_cell_error(fields, names, selected, number, name)
        values.append(nan_row if row is None else row)
        valid.append(row is not None)
    return values, valid


def _fields(count: int) -> str:
    return f"{count} field" if count == 1 else f"{count} fields"


def _raise_cell_error(fields: list[str], names: list[str], selected: list[int], number: int, name: str) -> None:
    for j in selected:
        problem = _cell_problem(fields[j])
        if problem is not None:
            raise InputError(f"{name} line {number}, column {names[j]!r} ({j + 1}): {problem}; {_DROP_HINT}.")


def _resolve_columns(columns: Sequence[str | int] | None, names: list[str], source: str) -> list[int]:
    """0-based indices of the chosen columns (all by default), each given as a name or an index."""
    if columns is None:
        return list(range(len(names)))
    if isinstance(columns, (str, int)):
        columns = [columns]
    if len(columns) == 0:
        raise InputError(f"{source}: no columns were chosen; name at least one column or leave the choice empty.")
    indices = [_resolve_column(column, names, source) for column in columns]
    for position, index in enumerate(indices):
        if index in indices[:position]:
            raise InputError(f"{source}: column {names[index]!r} ({index + 1}) is chosen twice; choose it once.")
    return indices


def _resolve_column(column: str | int, names: list[str], source: str) -> int:
    if isinstance(column, (int, np.integer)) and not isinstance(column, bool):
        if 0 <= column < len(names):
            return int(column)
        raise InputError(f"{source}: there is no column index {column}; the indices go from 0 to {len(names) - 1}.")
    text = str(column).strip()
    matches = [j for j, name in enumerate(names) if name == text]
    if len(matches) > 1:
        raise InputError(f"{source}: {len(matches)} columns are named {text!r} (indices "
                         f"{', '.join(map(str, matches))}); choose one by its 0-based index.")
    if matches:
        return matches[0]
    if text.isascii() and text.isdigit() and int(text) < len(names):
        return int(text)
    shown = ", ".join(f"{j} {name!r}" for j, name in enumerate(names[:20]))
    more = f" and {len(names) - 20} more" if len(names) > 20 else ""
    raise InputError(f"{source}: there is no column {column!r}; the columns (0-based index and name) are "
                     f"{shown}{more}.")


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
