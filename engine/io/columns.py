"""Choosing the columns of a table by header name or 0-based index, for every kind of data file.

Messages here name a column by its 0-based index, as ``--columns`` and ``--weights`` take it; messages about a
value in a file give its line and column counted from 1, as editors count them (``engine.io.csv_reader``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from engine.errors import InputError

#: The column that holds true labels, never a feature unless chosen (``engine.io.true_labels``).
LABEL_COLUMN = "label"


@dataclass(frozen=True, slots=True)
class WithWeights:
    """A choice of feature columns followed by a weights column that is never a feature.

    Attributes
    ----------
    features : sequence of str or int, or None
        The features, as for ``resolve_columns``; None: every column but the weights.
    weights : str or int
        The weights column, by header name or 0-based index.
    """

    features: Sequence[str | int] | None
    weights: str | int


def resolve_columns(columns: Sequence[str | int] | WithWeights | None, names: list[str], source: str) -> list[int]:
    """0-based indices of the chosen columns (all by default), each given as a name or an index.

    Parameters
    ----------
    columns : sequence of str or int, a single str or int, or None
        Header names or 0-based indices (a string of digits is an index unless a header has that name).
    names : list of str
        The table's column names.
    source : str
        What messages call the table.

    Raises
    ------
    InputError
        For a column that does not exist, is named by several headers, or is chosen twice.
    """
    if columns is None:
        return list(range(len(names)))
    if isinstance(columns, WithWeights):
        return _with_weights(columns, names, source)
    if isinstance(columns, (str, int)):
        columns = [columns]
    if len(columns) == 0:
        raise InputError(f"{source}: no columns were chosen; name at least one column or leave the choice empty.")
    indices = [_resolve_column(column, names, source) for column in columns]
    for position, index in enumerate(indices):
        if index in indices[:position]:
            raise InputError(f"{source}: column {names[index]!r} (index {index}) is chosen twice; choose it once.")
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


def _with_weights(columns: WithWeights, names: list[str], source: str) -> list[int]:
    """The feature columns' indices, then the weights column's (last)."""
    weights = _resolve_column(columns.weights, names, source)
    if columns.features is None:
        # A column named "label" holds true labels (engine.io.true_labels), not a feature, here too.
        label = names.index(LABEL_COLUMN) if names.count(LABEL_COLUMN) == 1 else None
        features = [j for j in range(len(names)) if j not in (weights, label)]
        if not features:
            raise InputError(f"{source}: the weights column {names[weights]!r} is its only column; the data needs "
                             "at least one feature column besides the weights.")
        return features + [weights]
    features = resolve_columns(columns.features, names, source)
    if weights in features:
        raise InputError(f"{source}: column {names[weights]!r} (index {weights}) is chosen both as a feature and as "
                         "the weights (--weights); leave it out of --columns.")
    return features + [weights]
