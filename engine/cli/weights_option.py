"""``--weights COLUMN`` of ``fit``, ``score`` and ``select``: sample weights read from a column of the data file.

The column is named by header or 0-based index, is never a feature (``--columns`` may not name it, and
without ``--columns`` every other column is a feature), and its values must be finite, non-negative and
not all zero (``engine.weights.check_sample_weight``); anything else is bad input (exit 2, one
``error:`` line, nothing written). Streamed data (``engine.cli.streaming``) reads the column with the
features, block by block, and its first pass checks it (``fit --scheduler`` too, on the workers);
``select`` takes no weights on it yet.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from engine.cli.frontend import parse_columns
from engine.cli.streaming import StreamedDataset, load_input, load_stream, wants_stream
from engine.errors import InputError
from engine.io.tables import Dataset, load_weighted_data
from engine.weights import check_sample_weight


@dataclass(frozen=True, slots=True)
class WeightedData:
    """A command's data set and, with ``--weights``, its sample weights and their column's name.

    Attributes
    ----------
    dataset : Dataset
        ``X`` of shape (n_samples, n_features), without the weights column.
    sample_weight : ndarray of shape (n_samples,) or None
    column : str or None
    """

    dataset: Dataset | StreamedDataset
    sample_weight: NDArray[np.float64] | None = None
    column: str | None = None

    @property
    def weight_sum(self) -> float:
        """``W`` (the number of rows without weights; of streamed rows, known after the first pass)."""
        if self.sample_weight is None:
            return float(self.dataset.n_samples)
        if isinstance(self.dataset, StreamedDataset):  # sample_weight: the in-memory sample's only
            return float(self.dataset.backend.total_weight)
        return float(self.sample_weight.sum())

    def fit_block_entry(self) -> dict[str, Any]:
        """What the model's ``fit`` block records of the weights: ``{"sample_weights": {"column", "sum"}}``."""
        if self.sample_weight is None:
            return {}
        return {"sample_weights": {"column": self.column, "sum": self.weight_sum}}

    def summary_line(self) -> list[str]:
        """The text summary's line about the weights (none without them)."""
        if self.sample_weight is None:
            return []
        return [f"sample weights: column {self.column!r}, sum {self.weight_sum:.10g} (log-likelihoods are weighted; "
                "BIC's n is the sum)"]


def add_weights(parser: argparse.ArgumentParser) -> None:
    """Add ``--weights COLUMN`` to a command's parser."""
    parser.add_argument("--weights", metavar="COLUMN",
                        help="weigh each row by this column of the data file (name or 0-based index; not a "
                             "feature): non-negative, not all zero; integer weights fit as repeated rows")


def load_command_data(args: argparse.Namespace, drop_invalid: bool = False) -> WeightedData:
    """The data file of ``args.data`` with ``args.columns`` and, if given, ``args.weights`` checked."""
    columns = parse_columns(args.columns)
    if getattr(args, "weights", None) is None:
        return WeightedData(load_input(args, columns, drop_invalid))  # in memory, or streamed
    if wants_stream(args.data, getattr(args, "stream", False)):
        if args.command == "select":
            raise InputError(f"{args.data} is streamed (Parquet, a .npy file over 1 GiB, or --stream), and select "
                             "takes no --weights on streamed data yet: select on it in memory (a .npy or CSV file "
                             "without --stream) or drop --weights.")
        dataset = load_stream(args, columns, drop_invalid, args.weights)
        return WeightedData(dataset, dataset.backend.sample_weight, dataset.weights_column)
    dataset, weights, column = load_weighted_data(args.data, columns, args.weights, drop_invalid)
    checked = check_sample_weight(weights, dataset.n_samples, f"the weights (column {column!r} of {args.data})")
    return WeightedData(dataset, checked, column)
