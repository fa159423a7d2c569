"""True labels in a data file: the column named ``label`` is not a feature.

What our exports write (File > Export data as CSV in the window, ``generate --labels``) is the features
followed by a column ``label`` holding each row's true class. When the columns are not chosen, a column
named exactly ``label`` is therefore read as the true labels and left out of the features; choosing
columns (``--columns``) makes every chosen column a feature, ``label`` included, and reads no labels.

Labels are whole numbers (``0``, ``2``, ``-1``; ``1.0`` too) or, when any value is not a number, text
(``setosa``): each distinct text gets a code 0, 1, ... in sorted order and keeps its name. A missing
label is an invalid value, like a missing feature: reported with its line, or its row dropped with
``drop_invalid``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from engine.errors import InputError
from engine.io.columns import LABEL_COLUMN, WithWeights, resolve_columns  # LABEL_COLUMN: the true labels' header name


def choose_columns(columns: Sequence[str | int] | None, names: list[str],
                   source: str) -> tuple[list[int], int | None]:
    """The feature columns and the label column of a table with header ``names``.

    Parameters
    ----------
    columns : sequence of str or int, or None
        The columns chosen by the user (``engine.io.columns.resolve_columns``); ``None`` for all.
    names : list of str
        The table's column names.
    source : str
        What messages call the table.

    Returns
    -------
    features : list of int
        0-based indices of the feature columns.
    label : int or None
        0-based index of the true labels' column, when the columns were not chosen and exactly one is
        named ``label`` (and it is not the only column).
    """
    if columns is None and names.count(LABEL_COLUMN) == 1 and len(names) > 1:
        label = names.index(LABEL_COLUMN)
        return [j for j in range(len(names)) if j != label], label
    chosen = resolve_columns(columns, names, source)
    if isinstance(columns, WithWeights) and columns.features is None and names.count(LABEL_COLUMN) == 1:
        label = names.index(LABEL_COLUMN)  # only the weights were chosen: the labels are read as without them
        if label not in chosen:
            return chosen, label
    return chosen, None


def parse_labels(texts: Sequence[tuple[int, str]], drop_invalid: bool,
                 source: str) -> tuple[NDArray[np.int64], NDArray[np.bool_], tuple[str, ...] | None]:
    """The true labels of every data row, from the text of their ``label`` field.

    Parameters
    ----------
    texts : sequence of (int, str), length n_rows
        Each data row's line number and the text of its label field.
    drop_invalid : bool
        Mark a row with a missing label invalid instead of raising ``InputError``.
    source : str
        What messages call the file.

    Returns
    -------
    codes : ndarray of shape (n_rows,), int64
        Each row's label (0 where it is missing).
    valid : ndarray of shape (n_rows,), bool
        Which rows have a label.
    names : tuple of str or None
        For text labels, the name of each code; ``None`` for whole-number labels.
    """
    stripped = [text.strip() for _, text in texts]
    valid = np.array([bool(text) for text in stripped], dtype=bool)
    if not drop_invalid and not valid.all():
        line = texts[int(np.argmin(valid))][0]
        raise InputError(f"{source} line {line}, column {LABEL_COLUMN!r}: the true label is missing; fill it in, "
                         "use --drop-invalid to skip such rows, or choose the feature columns with --columns.")
    present = [text for text, ok in zip(stripped, valid, strict=True) if ok]
    numbers = [_whole_number(text) for text in present]
    codes = np.zeros(len(stripped), dtype=np.int64)
    if all(number is not None for number in numbers):
        codes[valid] = np.array(numbers, dtype=np.int64)
        return codes, valid, None
    names = sorted(set(present))
    code_of = {name: code for code, name in enumerate(names)}
    codes[valid] = np.array([code_of[text] for text in present], dtype=np.int64)
    return codes, valid, tuple(names)


def _whole_number(text: str) -> int | None:
    """``text`` as a whole number (``3``, ``-1``, ``2.0``), or ``None`` if it is not one."""
    try:
        value = float(text)
    except ValueError:
        return None
    if not math.isfinite(value) or value != int(value) or abs(value) > 2 ** 53:
        return None
    return int(value)
