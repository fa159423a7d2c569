"""E-steps over data that never sits in memory whole: blocks of rows whose sums are added up.

The chunked engine reduces rows to a fixed vector of sums (``R^T [quadratic, z, 1]``, the log-likelihood,
the watched components' scatters: ``engine.backends.chunked``); sums of blocks add up to the sums of the
whole. ``StreamedBackend`` does exactly that: a ``BlockRunner`` hands it blocks of rows, one pass per
E-step, and each block's sums come from ``ChunkedBackend.over_block`` (the chunked engine's own maths,
standardised as the whole data set is); the M-step statistics come from the summed sums as the chunked
backend makes them. The one EM loop (``engine.em``) drives it like any backend.

Runners: ``SourceRunner`` reads a file block by block (``engine.io.streams``: a ``.npy`` memory map,
Parquet batches), with a progress bar (``engine.progress``); ``engine.backends.cluster.DaskRunner`` runs
one task per block of a ``dask.array`` on a Dask cluster, each returning its block's sums.

What stays in memory is a sample of the rows (``X``: at most ``SAMPLE_ROWS`` rows, evenly strided from
the first; every row of smaller data), one block at a time, and K x D-sized sums. The sample gives

- the standardisation (``engine.scales.standardisation`` of the sample; on data of at most
  ``SAMPLE_ROWS`` rows exactly the in-memory one);
- the initialisation: k-means++ (and Lloyd, and ``random_from_data``'s rows) run on the sample, in the
  distance frame of ``engine.init``; one pass then assigns every row to its nearest centre and sums the
  first M-step's statistics. On data of at most ``SAMPLE_ROWS`` rows this is the in-memory start
  exactly. ``random`` draws each block's responsibilities from a generator seeded by the fit's
  generator and the block's first row; ``tutorial`` takes its means from the sample;
- the data checks' messages (``check_fit_data``, K distinct rows); one pass over all rows (the first
  E-step's setup) then checks that every value is finite and the sums of squares do not overflow, and
  keeps ``sum z``, ``sum z z^T`` and the largest ``|z|``.

Passes over the data: one to check and sum it, one for the start, one per E-step (two when a component
becomes fragile, as in the chunked engine), one to score the result. The work on each block is
``engine.backends.block_tasks``.

Sample weights (``weights=``): the source's last column weighs each row, as ``ChunkedBackend``'s
``sample_weight`` does; the first pass checks it and sums ``W``, every sum is weighted, and the starts draw
from the sample by its rows' weights. On data of at most ``SAMPLE_ROWS`` rows the fit is the in-memory
weighted fit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from engine.backends import block_tasks as tasks
from engine.backends.applying import model_standardisation
from engine.backends.base import EStepResult, worst_explained
from engine.backends.expanded import feature_coefficients, feature_layout, stats_from_sums
from engine.backends.recentre import (
    covariances_from_watched,
    fragile_components,
    recentred,
    watched_components,
)
from engine.config import FitConfig, InitMethod
from engine.covariance import CovarianceType
from engine.errors import InputError
from engine.init import distance_frame, in_distance_frame, initial_centres, require_distinct_rows
from engine.params import MixtureParams
from engine.scales import SUM_HEADROOM, check_fit_data, standardisation
from engine.stats import SufficientStats
from engine.weights import check_weight_sum, check_weight_values, sample_unit

#: Rows of the in-memory sample (standardisation, initialisation, re-seeding); 3.2 MB at D = 4.
SAMPLE_ROWS = 100_000
_MAX = np.finfo(np.float64).max


class BlockRunner(Protocol):
    """Hands out blocks of rows and runs a task on each (``SourceRunner``, ``engine.backends.cluster.DaskRunner``).

    Attributes
    ----------
    n_samples, n_features : int
    """

    n_samples: int
    n_features: int

    def sample(self, rows: int) -> NDArray[np.float64]:
        """At most ``rows`` rows, evenly strided from the first, shape (n_sample, n_features)."""
        ...

    def map_blocks(self, task: Callable[[NDArray[np.float64], int], object], what: str) -> Iterator:
        """``task(block, first_row)`` of every block, in block order; ``what`` names the pass (progress)."""
        ...


class SourceRunner:
    """Blocks read one after the other from an ``engine.io.streams.RowSource``, a progress bar over each pass.

    Parameters
    ----------
    source : RowSource
    block_rows : int, optional
    progress : bool
        Show a bar on stderr for passes longer than a second (``engine.progress``).
    """

    def __init__(self, source, block_rows: int | None = None, progress: bool = False) -> None:
        from engine.io.streams import BLOCK_ROWS

        self.source = source
        self.block_rows = BLOCK_ROWS if block_rows is None else int(block_rows)
        self.progress = progress
        self.n_samples, self.n_features = source.n_samples, source.n_features

    def sample(self, rows: int) -> NDArray[np.float64]:
        return self.source.sample(rows)

    def map_blocks(self, task, what: str) -> Iterator:
        from engine.progress import row_progress

        first = 0
        with row_progress(self.n_samples, what, self.progress) as bar:
            for block in self.source.blocks(self.block_rows):
                yield task(block, first)
                first += len(block)
                bar.update(len(block))


class StreamedBackend:
    """A backend over blocks of rows handed out by a ``BlockRunner`` (see the module docstring).

    Parameters
    ----------
    runner : BlockRunner
    dtype : numpy dtype, optional
        As for ``ChunkedBackend``.
    sample_rows : int, optional
    weights : str, optional
        The runner's last column holds the rows' sample weights (``engine.weights``), and this is what
        messages call them (``"the weights (column 'w' of data.parquet)"``); checked in the first pass.

    Attributes
    ----------
    X : ndarray of shape (n_sample, n_features)
        The in-memory sample (not the data: ``n_samples`` counts every row).
    sample_weight : ndarray of shape (n_sample,) or None
        The sample's rows' weights (what the starts draw by); ``total_weight`` is the whole data's ``W``.
    """

    def __init__(self, runner: BlockRunner, dtype: type = np.float64, sample_rows: int = SAMPLE_ROWS,
                 weights: str | None = None) -> None:
        self.runner = runner
        self.dtype = np.dtype(dtype)
        sample = np.asarray(runner.sample(sample_rows), dtype=np.float64)
        self.weights = weights
        self.X = sample if weights is None else sample[:, :-1]
        self.sample_weight = None if weights is None else np.ascontiguousarray(sample[:, -1])
        self.shift, self.scale = standardisation(self.X)
        self._summary: tuple[NDArray, NDArray, float] | None = None
        self._total_weight = float(self.n_samples)
        self.feature_names: tuple[str, ...] | None = None

    @property
    def n_samples(self) -> int:
        return self.runner.n_samples

    @property
    def total_weight(self) -> float:
        """``W``, the sum of every row's weight (``n_samples`` without weights; with them, from the first pass)."""
        if self.weights is not None:
            self._data_summary()
        return self._total_weight

    def _summed(self, task, what: str):
        """The sum over blocks of ``task``'s results (arrays, numbers, or tuples of them)."""
        total = None
        for result in self.runner.map_blocks(task, what):
            with np.errstate(over="ignore", invalid="ignore"):  # an overflow is reported by the checks that follow
                total = result if total is None else (tuple(a + b for a, b in zip(total, result, strict=True))
                                                      if isinstance(result, tuple) else total + result)
        return total

    # ------------------------------------------------------------------ the data
    def check_data(self, feature_names=None, n_components: int = 1) -> None:
        """The data checks of ``engine.families.gaussian.GaussianFamily.check``: those of the sample (with
        their messages), then one pass over every row (see ``_data_summary``)."""
        self.feature_names = tuple(feature_names) if feature_names is not None else None
        check_fit_data(self.X, feature_names)
        if self.sample_weight is not None:
            self._data_summary()  # the weights checked (all zero, say) before the rows of positive weight are counted
        require_distinct_rows(self.X, n_components, sample_weight=self.sample_weight)
        self._data_summary()

    def _column(self, index: int) -> str:
        names = self.feature_names
        return f"feature {names[index]!r} (column {index})" if names and index < len(names) else f"feature {index}"

    def _data_summary(self) -> tuple[NDArray, NDArray, float]:
        """``sum z`` (D,), ``sum z z^T`` (D, D) and the largest ``|z|``, from one pass that also checks the data."""
        if self._summary is None:
            if self.weights is None:
                bad, total, scatter, reach_sq = self._summed(partial(tasks.data_sums, self.shift, self.scale),
                                                             "checking")
            else:
                bad, total, scatter, reach_sq, weight_sum, bad_weights = self._summed(
                    partial(tasks.weighted_data_sums, self.shift, self.scale), "checking")
                if bad_weights:  # one more pass finds the first, for its message
                    row, value = next(found for found in self.runner.map_blocks(tasks.first_bad_weight, "checking")
                                      if found is not None)
                    check_weight_values(np.array([value]), self.weights, row)
                check_weight_sum(weight_sum, self.weights)
                self._total_weight = weight_sum
            if bad.any():
                column = int(np.flatnonzero(bad)[0])
                raise InputError(f"{self._column(column)} holds NaN or infinite values ({int(bad[column])} of "
                                 "them): remove those rows or fill them in.")
            spread_sq = np.diag(scatter) * self.scale**2
            too_wide = ~(spread_sq <= _MAX / SUM_HEADROOM) | ~np.isfinite(reach_sq)
            if too_wide.any():
                raise InputError(f"{self._column(int(np.flatnonzero(too_wide)[0]))} spreads too widely for double "
                                 "precision (the sums of squares EM needs overflow): rescale that column or "
                                 "remove its far rows.")
            self._summary = (total, scatter, float(np.sqrt(reach_sq)))
        return self._summary

    def _scatter(self) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        return self._data_summary()[:2]

    def _frame(self) -> tuple:
        return self.shift, self.scale, self._data_summary()[2], self.dtype, self.weights is not None

    def _model_frame(self, params: MixtureParams) -> tuple:
        """The frame for applying ``params``: standardised by the model (``engine.backends.applying``), each
        block's reach its own, so that a row's results do not depend on the other rows."""
        return *model_standardisation(params), None, self.dtype, self.weights is not None

    def data_covariance(self) -> NDArray[np.float64]:
        """Covariance of the whole data (weighted), shape (n_features, n_features)."""
        total, scatter = self._scatter()
        mean_z = total / self.total_weight
        return (scatter / self.total_weight - np.outer(mean_z, mean_z)) * np.outer(self.scale, self.scale)

    # ---------------------------------------------------------------- statistics
    def _statistics(self, sums: NDArray, covariance_type: CovarianceType) -> tuple[SufficientStats, NDArray]:
        """M-step statistics from summed ``R^T F`` (K, columns), and the components too fragile for them."""
        stats = stats_from_sums(sums, covariance_type, self.shift, self.scale, self._scatter)
        fragile = fragile_components(sums, covariance_type, self.X.shape[1], self._scatter, self.total_weight,
                                     sample_unit(self.sample_weight))
        return stats, fragile

    def _recentred(self, stats: SufficientStats, fragile: NDArray[np.intp], task) -> SufficientStats:
        centres = stats.means[fragile]
        return recentred(stats, fragile, centres, self._summed(partial(task, fragile, centres), "re-centring"),
                         self.scale)

    def initial_stats(self, config: FitConfig, rng: np.random.Generator) -> SufficientStats:
        """The first M-step's statistics of an assignment start (see the module docstring), in one pass."""
        n_components, covariance_type = config.n_components, config.covariance_type
        if config.init is InitMethod.RANDOM:
            start: tuple = ("random", int(rng.integers(2**63)))
        else:
            centre, exponent = distance_frame(self.X)
            start = ("centres", centre, exponent, initial_centres(in_distance_frame(self.X, centre, exponent),
                                                                  config, rng, self.sample_weight))
        return self._assignment_stats(start, n_components, covariance_type)

    def _assignment_stats(self, start: tuple, n_components: int, covariance_type: CovarianceType) -> SufficientStats:
        layout = feature_layout(covariance_type, self.X.shape[1])
        frame = self._frame()
        sums = self._summed(partial(tasks.assignment_sums, frame, start, layout, n_components), "starting")
        stats, fragile = self._statistics(sums, covariance_type)
        if fragile.size:
            stats = self._recentred(stats, fragile, lambda f, m, X, first: tasks.centred_assignment_sums(
                frame, start, n_components, f, m, X, first))
        return stats

    def stats_from_assignment(self, assignment: NDArray, params_like: tuple[int, CovarianceType]) -> SufficientStats:
        """Statistics of labels (n_samples,) or responsibilities (n_samples, K) of every row (held in memory)."""
        n_components, covariance_type = params_like
        layout, frame = feature_layout(covariance_type, self.X.shape[1]), self._frame()

        def sums(X, first):
            block = tasks.chunked_block(frame, X)
            return sum(block._map(block._assignment_range, assignment[first:first + len(X)], layout, n_components))

        stats, fragile = self._statistics(self._summed(sums, "starting"), covariance_type)
        if fragile.size:
            def centred(f, m, X, first):
                block = tasks.chunked_block(frame, X)
                return sum(block._map(block._centred_assignment_range, assignment[first:first + len(X)], f, m))
            stats = self._recentred(stats, fragile, centred)
        return stats

    # ------------------------------------------------------------------- E-step
    def e_step(self, params: MixtureParams, view_indices: NDArray | None = None,
               with_labels: bool = True) -> EStepResult:
        """Responsibilities under ``params`` and the next M-step's statistics, in one pass over the blocks.

        ``view_indices`` must be None: no rows are kept for a view.
        """
        if view_indices is not None:
            raise ValueError("a streamed backend keeps no rows in memory for a view; pass view_indices=None.")
        frame = self._frame()
        coefficients = feature_coefficients(params, self.shift, self.scale, self.dtype, frame[2])
        layout = feature_layout(params.covariance_type, self.X.shape[1])
        watched, centres = watched_components(params, self.shift, self.scale, self._scatter, self.total_weight)
        task = partial(tasks.estep_sums, frame, coefficients, layout, watched, centres, with_labels)
        sums, total, scatter, labels = 0.0, 0.0, 0.0, []
        for block_sums, block_total, block_scatter, block_labels in self.runner.map_blocks(task, "E-step"):
            sums, total, scatter = sums + block_sums, total + block_total, scatter + block_scatter
            labels.append(block_labels)
        stats, fragile = self._statistics(sums, params.covariance_type)
        if fragile.size:
            stats, fragile = covariances_from_watched(stats, fragile, watched, centres, scatter, self.scale)
        if fragile.size:
            stats = self._recentred(stats, fragile, partial(tasks.centred_sums, frame, coefficients, layout))
        return EStepResult(mean_log_likelihood=float(total / self.total_weight),
                           labels=np.concatenate(labels) if with_labels else None, view_resp=None, stats=stats)

    # ------------------------------------------------------------- per row
    def mean_log_likelihood(self, params: MixtureParams, by_model: bool = False) -> float:
        """Mean of ``log p(x_i)`` over every row, in float64, in one pass; standardised by the model with
        ``by_model`` (scoring a model on data, ``score``), by the data otherwise (a fit's final score)."""
        frame = self._model_frame(params) if by_model else self._frame()
        return self._summed(partial(tasks.log_likelihood_sum, frame, params), "scoring") / self.total_weight

    def blocks_applied(self, params: MixtureParams, what: str) -> Iterator:
        """Per block, in order: ``labels`` (rows,), ``log_prob_norm`` (rows,), ``responsibilities``
        (rows, K), or both labels and responsibilities for ``"labels+resp"`` (what ``predict`` writes);
        standardised by the model (``_model_frame``)."""
        return self.runner.map_blocks(partial(tasks.apply, self._model_frame(params), params, what), "predicting")

    def log_prob_norm(self, params: MixtureParams) -> NDArray[np.float64]:
        """Log-likelihood of every row, shape (n_samples,) (in memory: see ``mean_log_likelihood``)."""
        return np.concatenate(list(self.blocks_applied(params, "log_prob_norm")))

    def responsibilities(self, params: MixtureParams) -> NDArray[np.float64]:
        """Responsibilities of every row, shape (n_samples, n_components) (in memory)."""
        return np.concatenate(list(self.blocks_applied(params, "responsibilities")))

    def labels(self, params: MixtureParams) -> NDArray[np.intp]:
        """Most responsible component of every row, shape (n_samples,) (in memory)."""
        return np.concatenate(list(self.blocks_applied(params, "labels")))

    def worst_points(self, params: MixtureParams, count: int) -> NDArray[np.float64]:
        """The ``count`` rows worst explained by ``params`` (lowest first), shape (count, n_features), one pass."""
        log_prob, rows = [], []
        for block_log_prob, block_rows in self.runner.map_blocks(partial(tasks.worst, self._frame(), params, count),
                                                                 "re-seeding"):
            log_prob.append(block_log_prob)
            rows.append(block_rows)
        log_prob_all = np.concatenate(log_prob)
        return np.concatenate(rows)[worst_explained(log_prob_all, count)]
