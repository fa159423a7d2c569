"""Data files read in blocks of rows, never whole: a ``.npy`` file through a memory map, Parquet through pyarrow.

A ``RowSource`` knows its number of rows and its column names without reading the data, and hands out
the chosen columns as float64 blocks of at most ``block_rows`` rows, as often as asked (one pass per EM
iteration). Memory is one block at a time, whatever the file's size:

npy      ``numpy.load(mmap_mode="r")``: the operating system pages the file in and out; a 2-D array of
         any numeric dtype (columns ``x0``, ``x1``, ...), or a 1-D one (one column).
parquet  a ``.parquet`` file or a folder of them (read as one ``pyarrow.dataset``, files in name order),
         only the chosen columns, batch by batch. pyarrow is the optional extra
         ``pip install -e ".[parquet]"``, imported only when a Parquet file is opened.

``open_rows`` opens either by the path's look (a folder or ``.parquet`` / ``.pq``: Parquet). Columns are
chosen by header name or 0-based index as everywhere (``engine.io.columns``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from engine.errors import InputError
from engine.io.columns import WithWeights, resolve_columns
from engine.io.paths import PARQUET_SUFFIXES
from engine.io.tables import read_npy_header
from engine.io.true_labels import choose_columns

#: Rows per block: 256 Ki rows of 3 doubles is 6 MB, large enough that a block's overheads do not show.
BLOCK_ROWS = 1 << 18


class RowSource:
    """The chosen columns of a data file, block by block.

    Attributes
    ----------
    n_samples : int
    n_features : int
    feature_names : tuple of str, length n_features
    source : str
        The path, for messages.
    """

    n_samples: int
    feature_names: tuple[str, ...]
    source: str

    @property
    def n_features(self) -> int:
        return len(self.feature_names)

    def blocks(self, block_rows: int = BLOCK_ROWS) -> Iterator[NDArray[np.float64]]:
        """Consecutive blocks of rows in file order, each of shape (rows, n_features), float64."""
        raise NotImplementedError

    def sample(self, rows: int) -> NDArray[np.float64]:
        """At most ``rows`` rows, evenly strided from the first (every row when there are no more),
        shape (n_sample, n_features): the same rows as ``engine.scales.strided_sample`` takes."""
        step = max(1, -(-self.n_samples // rows))
        parts, start = [np.empty((0, self.n_features))], 0
        for block in self.blocks():
            parts.append(np.array(block[(-start) % step::step]))  # a copy: the block (a map) can go
            start += len(block)
        return np.concatenate(parts)


class ArrayRows(RowSource):
    """An array (in memory or memory-mapped) of shape (n_samples, n_features) as a ``RowSource``."""

    def __init__(self, X: NDArray, feature_names: Sequence[str] | None = None, source: str = "array") -> None:
        self.X = X if X.ndim == 2 else X.reshape(-1, 1)
        self.n_samples = int(self.X.shape[0])
        names = feature_names if feature_names is not None else [f"x{j}" for j in range(self.X.shape[1])]
        self.feature_names = tuple(str(name) for name in names)
        self.source = source

    def blocks(self, block_rows: int = BLOCK_ROWS) -> Iterator[NDArray[np.float64]]:
        for start in range(0, self.n_samples, block_rows):
            yield np.asarray(self.X[start:start + block_rows], dtype=np.float64)

    def sample(self, rows: int) -> NDArray[np.float64]:
        step = max(1, -(-self.n_samples // rows))
        return np.array(self.X[::step], dtype=np.float64)


class NpyRows(RowSource):
    """The chosen columns of a ``.npy`` file through read-only memory maps (nothing is read up front).

    Each block is read through its own memory map of just its rows, copied, and unmapped: the pages of a
    mapping count in the process's resident memory until it is unmapped, so one map of the whole file
    would make the resident size grow to the file's size over a pass (the data stays in the page cache
    either way). A Fortran-ordered file has no contiguous rows and is read through one map.
    """

    def __init__(self, path: Path, columns: Sequence[str | int] | None = None) -> None:
        self.path = Path(path)
        read_npy_header(self.path)  # the checks of a .npy file loaded whole: numeric, 1-D or 2-D, not empty, whole
        mapped = self.mapped()
        names = [f"x{j}" for j in range(mapped.shape[1])]
        chosen = resolve_columns(columns, names, str(path))
        self._columns = None if chosen == list(range(len(names))) else chosen
        self.feature_names = tuple(names[j] for j in chosen)
        self.n_samples, self._width, self._dtype = int(mapped.shape[0]), int(mapped.shape[1]), mapped.dtype
        self._offset = int(getattr(mapped, "offset", 0))
        self._rows_contiguous = isinstance(mapped, np.memmap) and mapped.flags.c_contiguous
        self.source = str(path)

    def mapped(self) -> NDArray:
        """A fresh read-only memory map of the whole array, shape (n_samples, n_columns) (1-D: one column)."""
        try:
            mapped = np.load(self.path, mmap_mode="r", allow_pickle=False)
        except (OSError, ValueError) as error:
            raise InputError(f"{self.path}: not a readable .npy array ({error}).") from None
        return mapped.reshape(-1, 1) if mapped.ndim == 1 else mapped

    def _chosen(self, rows: NDArray) -> NDArray[np.float64]:
        """The chosen columns as float64: the mapped rows themselves when they already are (no copy)."""
        rows = rows if self._columns is None else rows[:, self._columns]
        return np.asarray(rows, dtype=np.float64)

    def blocks(self, block_rows: int = BLOCK_ROWS) -> Iterator[NDArray[np.float64]]:
        if not self._rows_contiguous:
            mapped = self.mapped()
            for start in range(0, self.n_samples, block_rows):
                yield self._chosen(mapped[start:start + block_rows])
            return
        row_bytes = self._width * self._dtype.itemsize
        for start in range(0, self.n_samples, block_rows):
            rows = min(block_rows, self.n_samples - start)
            mapped = np.memmap(self.path, dtype=self._dtype, mode="r", offset=self._offset + start * row_bytes,
                               shape=(rows, self._width))
            block = self._chosen(mapped)
            del mapped
            yield block  # unmapped, its pages leaving the resident set, once the reader lets go of it

    # ``sample`` is RowSource's, block by block: strided rows of one map of the whole file would bring
    # most of its pages into the resident set (the kernel maps the cached pages around each one read).


def import_pyarrow_dataset():
    """``pyarrow.dataset``, or ``InputError`` saying how to install the optional extra."""
    try:
        import pyarrow.dataset as dataset
    except ImportError:
        raise InputError('reading Parquet needs pyarrow: pip install -e ".[parquet]" (or pip install pyarrow).'
                         ) from None
    return dataset


class ParquetRows(RowSource):
    """The chosen columns of a Parquet file, or of a folder of Parquet files, batch by batch (pyarrow)."""

    def __init__(self, path: Path, columns: Sequence[str | int] | None = None) -> None:
        ds = import_pyarrow_dataset()
        if path.is_dir():
            files = sorted(str(file) for file in path.rglob("*")
                           if file.suffix.lower() in PARQUET_SUFFIXES and file.is_file())  # Spark: a.parquet/ folders
            if not files:
                raise InputError(f"{path}: a folder without .parquet files; choose a data file or a folder of them.")
        else:
            files = [str(path)]
        try:
            self._dataset = ds.dataset(files, format="parquet")
            names = list(self._dataset.schema.names)
            # A column named "label" holds true labels, not a feature (as for every data file); a streamed
            # fit does not read them.
            chosen, _ = choose_columns(columns, names, str(path))
            self.feature_names = tuple(names[j] for j in chosen)
            weights = self.feature_names[-1] if isinstance(columns, WithWeights) else None
            for name in self.feature_names:
                kind = self._dataset.schema.field(name).type
                if not _numeric(kind):
                    option = ("choose a numeric weights column with --weights" if name == weights else
                              "choose numeric columns with --columns")
                    raise InputError(f"{path}: column {name!r} holds {kind}, not numbers; {option}.")
            if len(files) > 1:
                self._check_every_file()
            self.n_samples = int(self._dataset.count_rows())
        except InputError:
            raise
        except Exception as error:  # pyarrow's ArrowInvalid, OSError and others: one sentence
            raise InputError(f"{path}: not a readable Parquet data set ({error}).") from None
        self.source = str(path)

    def _check_every_file(self) -> None:
        """Each file of a folder holds every chosen column, as numbers: the data set's schema is its first
        file's, and a later file that differs would otherwise fail in the middle of a pass."""
        for fragment in self._dataset.get_fragments():
            schema = fragment.physical_schema
            for name in self.feature_names:
                if schema.get_field_index(name) < 0:
                    raise InputError(f"{fragment.path}: there is no column {name!r} in this file of the folder; give "
                                     "every file the same columns, or choose columns they all have with --columns.")
                kind = schema.field(name).type
                if not _numeric(kind):
                    raise InputError(f"{fragment.path}: column {name!r} holds {kind}, not numbers; give every file "
                                     "of the folder numeric columns, or choose others with --columns.")

    def _batches(self, block_rows: int) -> Iterator[NDArray[np.float64]]:
        """pyarrow's record batches of the chosen columns as float64 arrays (rows, n_features); a file that
        cannot be read, in the middle of a pass too, is an ``InputError``."""
        batches = None
        while True:
            try:
                if batches is None:
                    batches = iter(self._dataset.to_batches(columns=list(self.feature_names),
                                                            batch_size=min(block_rows, 1 << 20)))
                batch = next(batches, None)
                if batch is None:
                    return
                block = np.column_stack([_column(batch.column(j)) for j in range(batch.num_columns)])
            except InputError:
                raise
            except Exception as error:  # pyarrow's ArrowInvalid, OSError (a file removed or damaged) and others
                raise InputError(f"{self.source}: the Parquet data cannot be read ({error}); check its files."
                                 ) from None
            yield block

    def blocks(self, block_rows: int = BLOCK_ROWS) -> Iterator[NDArray[np.float64]]:
        pending: list[NDArray[np.float64]] = []
        held = 0
        for block in self._batches(block_rows):
            if len(block) == 0:
                continue
            pending.append(block)
            held += len(block)
            while held >= block_rows:
                joined = np.concatenate(pending) if len(pending) > 1 else pending[0]
                yield joined[:block_rows]
                pending, held = ([joined[block_rows:]] if held > block_rows else []), held - block_rows
        if held:
            yield np.concatenate(pending)


def _numeric(kind) -> bool:
    import pyarrow.types as types

    # Booleans are refused, as in a .npy file (``engine.io.tables.read_npy_header``): true/false is not a measurement.
    return types.is_integer(kind) or types.is_floating(kind) or types.is_decimal(kind)


def _column(array) -> NDArray[np.float64]:
    """A pyarrow column as float64, its nulls as NaN (the data checks then name the column)."""
    import pyarrow as pa

    return np.asarray(array.cast(pa.float64()).to_numpy(zero_copy_only=False), dtype=np.float64)


def is_parquet(path: str | os.PathLike) -> bool:
    """Whether ``open_rows`` reads ``path`` as Parquet: a folder, or a ``.parquet`` / ``.pq`` file."""
    file = Path(path)
    try:
        return file.suffix.lower() in PARQUET_SUFFIXES or file.is_dir()
    except OSError:  # a name too long, say: the loaders report it in one sentence
        return False


def open_rows(path: str | os.PathLike, columns: Sequence[str | int] | None = None) -> RowSource:
    """The chosen columns of a ``.npy`` file, a Parquet file or a folder of Parquet files, as a ``RowSource``.

    Raises
    ------
    InputError
        For a missing file, another format, an unknown column, or Parquet without pyarrow.
    """
    file = Path(path)
    if not file.exists():
        raise InputError(f"{file}: no such file; check the path.")
    if is_parquet(file):
        return ParquetRows(file, columns)
    if file.suffix.lower() == ".npy":
        return NpyRows(file, columns)
    raise InputError(f"{file}: only .npy and Parquet files are streamed; load a CSV/text file whole instead.")
