"""Data files larger than memory for ``fit``, ``score``, ``predict`` and ``select``; Dask clusters for ``fit``.

A Parquet file or folder is always streamed; a ``.npy`` file is streamed with ``--stream`` or when it is
larger than ``STREAM_ABOVE_BYTES`` (``engine.io.streams``, ``engine.backends.streamed``): the fit runs
through the one EM loop with a ``StreamedBackend``, ``score`` sums the log-likelihood block by block and
``predict`` writes its CSV block by block into the temporary file that is renamed into place at the end
(``engine.io.atomic.write_all``); ``select`` fits its cells on streamed data (``engine.selection.streamed``).
A pass longer than a second shows a progress bar on stderr (``engine.progress``) unless ``--quiet`` or
stderr is not a terminal.

``fit --scheduler ADDRESS`` (``local:N`` for a local cluster of N workers) fits on a Dask cluster
(``engine.backends.cluster``); the data is read as without it and sent to the cluster in blocks.
"""

from __future__ import annotations

import argparse
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine.errors import InputError
from engine.io.atomic import write_all
from engine.io.columns import WithWeights
from engine.io.streams import RowSource, is_parquet, open_rows
from engine.io.tables import Dataset, load_data
from engine.params import MixtureParams

#: A ``.npy`` file larger than this is streamed even without ``--stream``.
STREAM_ABOVE_BYTES = 1 << 30


@dataclass(frozen=True)
class StreamedDataset:
    """A data file read block by block: what the commands use of a ``Dataset``, and its ``RowSource``.

    Attributes
    ----------
    rows : RowSource
    X : ndarray of shape (n_sample, n_features)
        The backend's in-memory sample of the rows (not every row).
    backend : StreamedBackend
    weighted : bool
        The rows' last column is their sample weights (``--weights``), not a feature.
    """

    rows: RowSource
    backend: object
    n_dropped: int = 0
    weighted: bool = False

    @property
    def X(self) -> np.ndarray:  # noqa: N802 (the Dataset attribute it stands in for)
        return self.backend.X

    @property
    def feature_names(self) -> tuple[str, ...]:
        return self.rows.feature_names[:-1] if self.weighted else self.rows.feature_names

    @property
    def weights_column(self) -> str | None:
        """The name of the weights' column (None without weights)."""
        return self.rows.feature_names[-1] if self.weighted else None

    @property
    def n_samples(self) -> int:
        return self.rows.n_samples

    @property
    def n_features(self) -> int:
        return len(self.feature_names)

    @property
    def source(self) -> str:
        return self.rows.source


def add_stream_options(parser: argparse.ArgumentParser, quiet: bool = True) -> None:
    """``--stream`` (and ``--quiet`` for the commands that have none): how a large data file is read."""
    parser.add_argument("--stream", action="store_true",
                        help="read a .npy file block by block through a memory map (automatic above 1 GiB; "
                             "Parquet files and folders are always streamed)")
    if quiet:
        parser.add_argument("--quiet", action="store_true", help="no progress bar")


def add_scheduler_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="fit on a Dask cluster: a scheduler's address (tcp://host:8786) or local:N for a "
                             "local cluster of N workers (needs the dask extra)")


def wants_stream(path: str, stream: bool) -> bool:
    """Whether ``path`` is read block by block (see the module docstring)."""
    if is_parquet(path):
        return True
    file = Path(path)
    try:
        return file.suffix.lower() == ".npy" and file.is_file() and (stream or file.stat().st_size > STREAM_ABOVE_BYTES)
    except OSError:  # a name too long, say: load_data reports it in one sentence
        return False


def load_input(args, columns: Sequence[str | int] | None, drop_invalid: bool = False) -> Dataset | StreamedDataset:
    """The command's data: a ``Dataset`` in memory, or a ``StreamedDataset`` (see the module docstring)."""
    if not wants_stream(args.data, getattr(args, "stream", False)):
        return load_data(args.data, columns=columns, drop_invalid=drop_invalid)
    return load_stream(args, columns, drop_invalid)


def load_stream(args, columns: Sequence[str | int] | None, drop_invalid: bool = False,
                weights: str | None = None) -> StreamedDataset:
    """``args.data`` read block by block; with ``weights`` (``--weights COLUMN``) that column weighs the rows."""
    if drop_invalid:
        raise InputError(f"{args.data} is streamed, and streamed rows cannot be dropped: remove --drop-invalid "
                         "(and the rows with missing values from the file).")
    from engine.backends.streamed import SourceRunner, StreamedBackend

    rows = open_rows(args.data, columns if weights is None else WithWeights(columns, weights))
    if rows.n_samples < 1:
        raise InputError(f"{args.data}: no rows to read.")
    progress = not getattr(args, "quiet", False)
    described = None if weights is None else f"the weights (column {rows.feature_names[-1]!r} of {args.data})"
    return StreamedDataset(rows, StreamedBackend(SourceRunner(rows, progress=progress), weights=described),
                           weighted=weights is not None)


def fit_backend(args, dataset: Dataset | StreamedDataset, sample_weight: np.ndarray | None = None):
    """The backend ``fit`` runs on: a Dask cluster's with ``--scheduler``, the streamed one, or None (default).

    ``sample_weight`` (n_samples,): the in-memory data's weights (``--weights``); streamed data carries its own.
    """
    address = getattr(args, "scheduler", None)
    if address is not None:
        from engine.backends.cluster import connect, dask_array, dask_backend

        streamed = isinstance(dataset, StreamedDataset)
        mapped = getattr(dataset.rows, "mapped", None) if streamed else None  # a .npy file's memory map
        if streamed and mapped is None:  # refused before a cluster is started or reached for nothing
            raise InputError("--scheduler reads .npy and CSV files; convert the Parquet data to .npy first.")
        client = connect(address)
        client.opened_by_gmm = True
        if not streamed:
            return dask_backend(dask_array(dataset.X), client, sample_weight=sample_weight)
        columns = getattr(dataset.rows, "_columns", None)  # with --weights, the weights' column comes last
        array = dask_array(mapped())
        return dask_backend(array if columns is None else array[:, columns], client, weights=dataset.backend.weights)
    return dataset.backend if isinstance(dataset, StreamedDataset) else None


def release_backend(backend) -> None:
    """Close the Dask client ``fit_backend`` opened (and the local cluster it started), if any."""
    client = getattr(getattr(backend, "runner", None), "client", None)
    if client is not None and getattr(client, "opened_by_gmm", False):
        cluster = client.cluster if getattr(client, "cluster_opened_by_gmm", False) else None
        client.close()
        if cluster is not None:
            cluster.close()


def check_streamed_rows(dataset: StreamedDataset) -> None:
    """Every row finite (one pass): ``score`` and ``predict`` need finite values as ``fit`` does."""
    dataset.backend.check_data(dataset.feature_names, 1)


def mean_log_likelihood(params: MixtureParams, dataset: StreamedDataset) -> float:
    """Mean log-likelihood of every row under ``params``, one pass."""
    check_streamed_rows(dataset)
    return float(dataset.backend.mean_log_likelihood(params, by_model=True))


def write_predictions(out: Path, params: MixtureParams, dataset: StreamedDataset, proba: bool) -> list[str]:
    """Write ``predict``'s CSV block by block into a temporary file renamed over ``out`` at the end; the header."""
    check_streamed_rows(dataset)
    header = ["label"] + ([f"p{k}" for k in range(params.n_components)] if proba else [])

    def content(temp: Path) -> None:
        with open(temp, "w", encoding="utf-8", newline="") as handle:
            handle.write(",".join(header) + "\n")
            what = "labels+resp" if proba else "labels"
            for result in dataset.backend.blocks_applied(params, what):
                labels, resp = result if proba else (result, None)
                handle.write(_csv_block(labels, resp))

    write_all({out: content})
    return header


def _csv_block(labels: np.ndarray, resp: np.ndarray | None) -> str:
    """Rows ``label[,p0,p1,...]`` as ``engine.io.tables.save_csv_atomic`` writes them (floats by ``repr``)."""
    out = io.StringIO()
    if resp is None:
        out.write("\n".join(map(str, labels.tolist())))
    else:
        for label, row in zip(labels.tolist(), resp.tolist(), strict=True):
            out.write(f"{label}," + ",".join(map(repr, row)) + "\n")
        return out.getvalue()
    out.write("\n")
    return out.getvalue() if len(labels) else ""


__all__ = ["STREAM_ABOVE_BYTES", "StreamedDataset", "add_scheduler_option", "add_stream_options", "fit_backend",
           "load_input", "load_stream", "mean_log_likelihood", "release_backend", "wants_stream", "write_predictions"]
