"""Reading a CSV/text data file: its encoding, delimiter, header and values, checked line by line.

Text files are decoded as UTF-8 (a byte-order mark is skipped; UTF-16 with a byte-order mark is read
too). The delimiter is sniffed from the first non-blank lines: semicolon, tab, comma or runs of
whitespace, preferring the first of these that splits every sampled line into the same number (> 1)
of fields; a file none of them splits is one column. The first row is a header when any of its fields
is not a number. Blank lines are skipped but still counted, so line numbers in messages are the ones
an editor shows. A field longer than the csv module reads (``FIELD_LIMIT``, 131 072 characters; in a
numeric file, a quote never closed) is refused with the line its row starts on and its column.

Every value used must be a finite number: an empty field, text, ``nan`` or ``inf`` is an invalid value,
reported with its line and column, or (with ``drop_invalid``) its row is marked invalid for the caller
to drop and count (``engine.io.tables`` builds the ``Dataset``). A column named ``label`` holds the true
labels unless the columns are chosen (``engine.io.true_labels``): ``read_table`` returns its texts apart.
"""

from __future__ import annotations

import contextlib
import csv
import io
import math
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from engine.errors import InputError
from engine.io.true_labels import choose_columns

#: Candidate delimiters in order of preference; ``None`` stands for runs of whitespace.
DELIMITERS: tuple[str | None, ...] = (";", "\t", ",", None)
#: How many non-blank lines the delimiter is sniffed from.
SNIFF_LINES = 20
#: The longest field Python's csv module reads (its default ``field_size_limit``, 131 072 characters).
#: A longer one is refused with its line and column: in a numeric file it is a quote never closed.
FIELD_LIMIT = csv.field_size_limit()
#: How a message about an invalid value ends.
DROP_HINT = "fix the file or use --drop-invalid to skip such rows"


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
    counts = {delimiter: _field_counts(lines, delimiter) for delimiter in DELIMITERS}
    for delimiter, per_line in counts.items():
        if per_line and min(per_line) > 1 and len(set(per_line)) == 1:
            return delimiter
    for delimiter, per_line in counts.items():
        if max(per_line, default=0) > 1:
            return delimiter
    return ","


def _field_counts(lines: list[str], delimiter: str | None) -> list[int]:
    """Fields per row of ``lines``; a line the csv module cannot read (a field too long) is left out."""
    try:
        return [len(fields) for fields in _split(lines, delimiter)]
    except csv.Error:
        counts = []
        for line in lines:
            with contextlib.suppress(csv.Error):
                counts.extend(len(fields) for fields in _split([line], delimiter))
        return counts


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


def read_text(file: Path, columns: Sequence[str | int] | None,
              drop_invalid: bool) -> tuple[NDArray[np.float64], NDArray[np.bool_], list[str]]:
    """The features of a CSV/text file: ``read_table`` without the true labels."""
    X, valid, kept, _ = read_table(file, columns, drop_invalid)
    return X, valid, kept


def read_table(file: Path, columns: Sequence[str | int] | None, drop_invalid: bool
               ) -> tuple[NDArray[np.float64], NDArray[np.bool_], list[str], list[tuple[int, str]] | None]:
    """Parse a CSV/text file; see the module docstring for the rules.

    Returns
    -------
    X : ndarray of shape (n_rows, n_columns)
        The chosen columns of every data row (rows with an invalid value hold NaN, with ``drop_invalid``).
    valid : ndarray of shape (n_rows,), bool
        Which rows hold finite numbers only.
    names : list of str, length n_columns
        The chosen columns' names.
    label_texts : list of (int, str), length n_rows, or None
        Each data row's line number and the text of its ``label`` field, when the file has true labels
        (``engine.io.true_labels.choose_columns``); ``None`` otherwise.

    Raises
    ------
    InputError
        With one sentence naming the problem, the line and the column.
    """
    text = io.StringIO(_decode(file), newline=None).read()  # universal newlines: \r\n and \r become \n
    lines = [(number, line) for number, line in enumerate(text.split("\n"), 1) if line.strip()]
    if not lines:
        raise InputError(f"{file.name} is empty; choose a file with data.")
    delimiter = _sniff_delimiter([line for _, line in lines[:SNIFF_LINES]])
    rows = _numbered_rows(lines, delimiter, file.name)
    try:
        first_number, first = next(rows)
    except _FieldTooLongError as problem:
        raise _field_too_long_error(problem, None, file.name) from None
    has_header = any(field.strip() and not _is_number(field) for field in first)
    names = [name.strip() or f"x{j}" for j, name in enumerate(first)] if has_header else \
        [f"x{j}" for j in range(len(first))]
    selected, label = choose_columns(columns, names, file.name)
    kept = [names[j] for j in selected]
    X = _fast_parse([line for _, line in lines[has_header:]], delimiter, len(names), selected)
    if X is not None:
        valid = np.isfinite(X).all(axis=1)
        if drop_invalid or valid.all():
            return X, valid, kept, _label_texts(lines, delimiter, label, file.name)
    body = rows if has_header else _chain_first((first_number, first), rows)
    try:
        values, valid = _parse_body(body, names, selected, first_number, drop_invalid, file.name)
    except _FieldTooLongError as problem:
        raise _field_too_long_error(problem, names, file.name) from None
    if not values:
        raise InputError(f"{file.name} has a header but no data rows; add rows of numbers below the header.")
    X = np.array(values, dtype=np.float64).reshape(len(values), len(selected))
    return X, np.array(valid), kept, _label_texts(lines, delimiter, label, file.name)


def _label_texts(lines: list[tuple[int, str]], delimiter: str | None, label: int | None,
                 name: str) -> list[tuple[int, str]] | None:
    """(line number, text of field ``label``) of every data row after the header; ``None`` without labels.

    Called once the features have been read, so every row has the header's number of fields.
    """
    if label is None:
        return None
    rows = _numbered_rows(lines, delimiter, name)
    next(rows)  # the header
    return [(number, fields[label]) for number, fields in rows]


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


class _FieldTooLongError(Exception):
    """A field longer than ``FIELD_LIMIT``: the line its row starts on and its 0-based column."""

    def __init__(self, line_number: int, column: int) -> None:
        super().__init__(line_number, column)
        self.line_number = line_number
        self.column = column


@contextlib.contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    """The csv module's field limit (process-wide) raised for a moment, to measure a field too long."""
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _numbered_rows(lines: list[tuple[int, str]], delimiter: str | None, name: str):
    """Yield (line number, fields) for each row; a quoted field may span lines.

    Raises ``_FieldTooLongError`` for a field longer than the csv module reads (``FIELD_LIMIT``), naming the
    line its row starts on and its column, for the caller to report with the column's name.
    """
    reader = _split([line for _, line in lines], delimiter)
    consumed = 0  # lines taken by the rows read so far
    try:
        for fields in reader:
            yield lines[reader.line_num - 1][0], fields
            consumed = reader.line_num
    except csv.Error as error:
        if "field larger than field limit" not in str(error):
            raise InputError(f"{name} line {lines[reader.line_num - 1][0]} cannot be read as CSV ({error}); "
                             "fix the quoting on that line.") from None
        with _field_limit(sys.maxsize):
            fields = next(_split([line for _, line in lines[consumed:]], delimiter), [])
        column = next((j for j, field in enumerate(fields) if len(field) > FIELD_LIMIT), max(len(fields) - 1, 0))
        raise _FieldTooLongError(lines[consumed][0], column) from None


def _field_too_long_error(problem: _FieldTooLongError, names: list[str] | None, name: str) -> InputError:
    j = problem.column
    column = f"{names[j]!r} ({j + 1})" if names is not None and j < len(names) else f"{j + 1}"
    return InputError(f"{name} line {problem.line_number}, column {column}: a field of more than {FIELD_LIMIT} "
                      "characters, most likely from a quote that is never closed; check the quotes from that line "
                      "on (a value must be a number).")


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
            raise InputError(f"{name} line {number}, column {names[j]!r} ({j + 1}): {problem}; {DROP_HINT}.")
