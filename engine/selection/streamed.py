"""A selection over data that does not sit in memory: the cells' data as streamed backends.

``StreamedCellData`` is ``engine.selection.cells.CellData`` for a ``engine.io.streams.RowSource``: every
cell fits through a ``engine.backends.streamed.StreamedBackend`` over all the rows (the cells' ``X`` is
its in-memory sample), and every quantity a cell reports is summed block by block:

- the log-likelihood and ICL's ``sum_i log max_k r_ik``: one pass each;
- the spread of the data (the degenerate rule): from the backend's sums of squares;
- cross-validation: each row's fold is drawn block by block (a generator seeded by the selection's seed
  and the block's first row), so no per-row array exists; a fold's training rows and held-out rows are
  each a streamed backend over the blocks with the other rows masked out. The folds' sizes differ by
  chance (a few hundredths of a percent on large data), not by at most one row as in memory.

The bootstrap likelihood-ratio test draws replicate data sets of the fitted size and is not offered on
streamed data (``--lrt`` is refused).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial

import numpy as np
from numpy.typing import NDArray

from engine.backends.streamed import SourceRunner, StreamedBackend
from engine.io.streams import RowSource
from engine.params import MixtureParams
from engine.selection.cells import FOLD_KEY, CellData
from engine.selection.criteria import sum_log_max_responsibility


def _fold_of_block(seed: int, folds: int, first: int, rows: int) -> NDArray[np.intp]:
    """The folds of ``rows`` rows from row ``first`` on, shape (rows,): the same whichever pass reads them."""
    rng = np.random.default_rng(np.random.SeedSequence(int(seed), spawn_key=(FOLD_KEY, int(first))))
    return rng.integers(folds, size=rows)


class FoldRows(RowSource):
    """The rows of a ``RowSource`` in fold ``fold`` (``held_out``) or in every other fold (training)."""

    def __init__(self, rows: RowSource, seed: int, folds: int, fold: int, held_out: bool, block_rows: int) -> None:
        self.rows, self.seed, self.folds, self.fold, self.held_out = rows, seed, folds, fold, held_out
        self.block_rows = block_rows
        self.feature_names, self.source = rows.feature_names, rows.source
        self.n_samples = sum(len(block) for block in self.blocks(block_rows))

    def blocks(self, block_rows: int = 0) -> Iterator[NDArray[np.float64]]:
        """The chosen rows of the parent's blocks (the parent's block size: the folds depend on it)."""
        first = 0
        for block in self.rows.blocks(self.block_rows):
            in_fold = _fold_of_block(self.seed, self.folds, first, len(block)) == self.fold
            first += len(block)
            chosen = block[in_fold if self.held_out else ~in_fold]
            if len(chosen):
                yield chosen


def _log_max_responsibility(params: MixtureParams, X: NDArray, first: int) -> float:
    return sum_log_max_responsibility(X, params)


@dataclass
class StreamedCellData(CellData):
    """``CellData`` over a ``RowSource``: ``X`` is the streamed backend's sample (see the module docstring).

    Parameters
    ----------
    X : ndarray of shape (n_sample, n_features)
        The sample (``StreamedBackend(...).X``), for the grid's checks.
    rows : RowSource
    progress : bool
        Progress bars for the passes (serial selections only).
    """

    rows: RowSource | None = None
    progress: bool = False
    block_rows: int | None = None
    _stream: StreamedBackend | None = field(default=None, repr=False)

    def _streamed(self, rows: RowSource) -> StreamedBackend:
        backend = StreamedBackend(SourceRunner(rows, self.block_rows, self.progress))
        backend.check_data(self.feature_names, 1)
        return backend

    @property
    def backend(self) -> StreamedBackend:
        if self._stream is None:
            self._stream = self._streamed(self.rows)
        return self._stream

    @property
    def n_samples(self) -> int:
        return self.rows.n_samples

    @property
    def spread(self) -> NDArray[np.float64]:
        if self._spread is None:
            spread = np.sqrt(np.maximum(np.diag(self.backend.data_covariance()), 0.0))
            self._spread = np.where(spread > 0, spread, 1.0)
        return self._spread

    def mean_log_likelihood(self, params: MixtureParams) -> float:
        return float(self.backend.mean_log_likelihood(params))

    def sum_log_max_responsibility(self, params: MixtureParams) -> float:
        total = sum(self.backend.runner.map_blocks(partial(_log_max_responsibility, params), "ICL"))
        return min(float(total), 0.0)

    def fold(self, index: int) -> tuple[StreamedBackend, StreamedBackend]:
        block_rows = self.backend.runner.block_rows
        return tuple(self._streamed(FoldRows(self.rows, self.config.seed, self.config.folds, index, held_out,
                                             block_rows)) for held_out in (False, True))


def streamed_cell_data(X: NDArray[np.float64], config, n_threads: int | None, feature_names, rows: RowSource,
                       progress: bool = False) -> StreamedCellData:
    """A ``StreamedCellData`` (module-level: ``engine.selection.pool.run_tasks`` builds one per worker)."""
    return StreamedCellData(X, config, n_threads, feature_names, rows=rows, progress=progress)


__all__ = ["FoldRows", "StreamedCellData", "streamed_cell_data"]
