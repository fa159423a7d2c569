"""One cell of a selection, fitted to its optimum by the one EM loop, then scored and cross-validated.

How a cell (K, covariance type) is fitted, and why (measured on the 272 Old Faithful eruptions, 36 cells
of 10 starts; see ``engine.selection.grid`` for the tolerance):

1. ``n_init`` starts (k-means++), each run by ``engine.em.iterate_em`` as scikit-learn runs its starts
   (until the mean log-likelihood per row changes by less than 1e-3, at most 100 iterations); the start
   with the highest log-likelihood is kept. Shorter starts (5, 10 or 20 iterations, or tol 1e-2) were
   cheaper by up to 1 s of 4 but ended, after the continuation, below the optimum found this way in 7 or
   8 of the 36 cells (by up to 12.5 in log-likelihood), and their continuations took longer.
2. That start is continued by EM (initialisation "given") to the tight ``tol``, at most ``max_iter``
   iterations.
3. Cross-validation: for each fold, EM on the other rows starts from the cell's fitted parameters
   (initialisation "given") and runs to the same tight ``tol``; the fold's rows are scored under the
   result. Starting from the cell's own optimum measures the model structure (K and the covariance type),
   not the luck of the starts, at a fraction of the cost of new starts per fold. The fold fits run to the
   tight tolerance because the start has seen the held-out rows, and a fit stopped early still remembers
   them: against fold fits to 1e-10, the held-out log-likelihood per row came out too high by up to 0.21
   at tol 1e-3, 0.056 at 1e-5 and 0.016 at 1e-7 (more than the differences between the best cells), and
   by at most 2.3e-4 at 1e-8 (Old Faithful, 36 cells of 10 starts).

Every random number of a cell comes from its own seed, ``cell_seed(seed, K, type)``: a cell's result does
not depend on the grid around it, on the order cells are computed in, or on which process computes them.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from engine.backends import make_backend
from engine.backends.base import Backend, StreamedData
from engine.backends.chunked import ChunkedBackend
from engine.backends.small import SMALL_ROWS
from engine.config import FitConfig, InitMethod
from engine.covariance import CovarianceType, n_covariance_parameters
from engine.em import EMSnapshot, FitResult, HalfStep, ReseedEvent, StopReason, iterate_em
from engine.errors import GMMError
from engine.selection.criteria import (
    data_spread,
    degenerate_reason,
    fold_of_rows,
    icl_from,
    information_criteria,
    sum_log_max_responsibility,
)
from engine.selection.grid import START_MAX_ITER, START_TOL, SelectionConfig
from engine.selection.results import CellPhase, CellProgress, CellResult
from engine.weights import backend_weights, total_weight, weighted_mean

COVARIANCE_INDEX = {covariance_type: index for index, covariance_type in enumerate(CovarianceType)}
#: SeedSequence spawn keys: 1 for cells, 2 for the folds, 3 for bootstrap replicates.
CELL_KEY, FOLD_KEY, BOOT_KEY = 1, 2, 3


def cell_seed(seed: int, n_components: int, covariance_type: CovarianceType) -> int:
    """The seed of cell (K, type), derived from the selection's ``seed`` by ``numpy.random.SeedSequence``."""
    key = (CELL_KEY, int(n_components), COVARIANCE_INDEX[CovarianceType(covariance_type)])
    return int(np.random.SeedSequence(int(seed), spawn_key=key).generate_state(1)[0])


def folds_for(n_samples: int, folds: int, seed: int) -> NDArray[np.intp]:
    """Each row's cross-validation fold, the same for every cell of a selection, shape (n_samples,)."""
    rng = np.random.default_rng(np.random.SeedSequence(int(seed), spawn_key=(FOLD_KEY,)))
    return fold_of_rows(n_samples, folds, rng)


@dataclass
class CellData:
    """The data every cell of one selection shares, with its backends (built once per process).

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    config : SelectionConfig
    n_threads : int, optional
        Threads of the backends' E-steps (1 in a worker process: the cells are the parallel work).
    feature_names : sequence of str, optional
    sample_weight : ndarray of shape (n_samples,), optional
        Weights of the rows (``engine.weights``): every fit, log-likelihood and criterion is weighted,
        BIC's n and the degenerate rule's rows are the weights' sum, and a cross-validation fold keeps
        each row whole with its weight.
    """

    X: NDArray[np.float64]
    config: SelectionConfig
    n_threads: int | None = None
    feature_names: Sequence[str] | None = None
    sample_weight: NDArray[np.float64] | None = None
    _backend: Backend | None = field(default=None, repr=False)
    _folds: list[tuple[Backend, Backend]] | None = field(default=None, repr=False)
    _spread: NDArray[np.float64] | None = field(default=None, repr=False)

    @property
    def backend(self) -> Backend:
        if self._backend is None:
            self._backend = self._make(self.X, self.sample_weight)
        return self._backend

    @property
    def spread(self) -> NDArray[np.float64]:
        if self._spread is None:
            self._spread = data_spread(self.X, self.sample_weight)
        return self._spread

    @property
    def n_samples(self) -> int:
        """Rows of the data (``engine.selection.streamed`` counts rows that are not in ``X``)."""
        return len(self.X)

    @property
    def total_weight(self) -> float:
        """``W``: the weights' sum (the number of rows without weights)."""
        return total_weight(self.sample_weight, self.n_samples)

    def mean_log_likelihood(self, params) -> float:
        """Mean log-likelihood of the rows under ``params`` (per unit of weight)."""
        return weighted_mean(self.backend.log_prob_norm(params), self.sample_weight)

    def sum_log_max_responsibility(self, params) -> float:
        """ICL's ``sum_i w_i log max_k r_ik`` over the rows."""
        return sum_log_max_responsibility(self.X, params, self.sample_weight)

    def _make(self, X: NDArray[np.float64], sample_weight: NDArray[np.float64] | None = None) -> Backend:
        if self.n_threads is None or len(X) <= SMALL_ROWS:  # small data: one thread anyway
            return make_backend(X, sample_weight=sample_weight)
        return ChunkedBackend(X, n_threads=self.n_threads, sample_weight=sample_weight)

    def _rows(self, rows: NDArray[np.bool_]) -> Backend:
        weights = None if self.sample_weight is None else self.sample_weight[rows]
        return self._make(np.ascontiguousarray(self.X[rows]), weights)

    def fold(self, index: int) -> tuple[Backend, Backend]:
        """Backends of fold ``index``'s training rows and of its held-out rows."""
        if self._folds is None:
            fold = folds_for(len(self.X), self.config.folds, self.config.seed)
            self._folds = [(self._rows(fold != f), self._rows(fold == f)) for f in range(self.config.folds)]
        return self._folds[index]


def _last(snapshots: Iterator[EMSnapshot]) -> EMSnapshot:
    """The last snapshot of a run (its ``done`` one)."""
    return deque(snapshots, maxlen=1)[0]


def fit_cell(data: CellData, cell_index: int, n_components: int, covariance_type: CovarianceType,
             cross_validate: bool = True) -> Iterator[CellProgress | CellResult]:
    """Fit one cell (see the module docstring), yielding progress and, last, its ``CellResult``.

    Without ``cross_validate`` (a bootstrap replicate's fits) the held-out log-likelihood is NaN.

    A cell that EM cannot fit (a tied covariance that turns singular, say) ends as a ``CellResult`` with
    ``error`` set and NaN criteria, marked degenerate; it does not stop the selection.
    """
    config = data.config
    covariance_type = CovarianceType(covariance_type)
    seed = cell_seed(config.seed, n_components, covariance_type)

    def progress(phase: CellPhase, step: int, steps: int) -> CellProgress:
        return CellProgress(cell_index, config.n_cells, n_components, covariance_type, phase, step, steps)

    clock = [time.perf_counter()]

    def lap() -> float:
        now = time.perf_counter()
        elapsed, clock[0] = now - clock[0], now
        return elapsed

    try:
        start_config = FitConfig(n_components, covariance_type, tol=START_TOL, max_iter=START_MAX_ITER,
                                 reg_covar=config.reg_covar, init=config.init, n_init=config.n_init, seed=seed)
        best = None
        for snapshot in iterate_em(data.X, start_config, backend=data.backend, with_labels=False,
                                   feature_names=data.feature_names):
            if snapshot.half_step is HalfStep.INIT:
                yield progress(CellPhase.START, snapshot.start + 1, config.n_init)
            if snapshot.done:
                best = snapshot
        starts_seconds = lap()
        yield progress(CellPhase.REFINE, 1, 1)
        refine_config = FitConfig(n_components, covariance_type, tol=config.tol, max_iter=config.max_iter,
                                  reg_covar=config.reg_covar, init=InitMethod.GIVEN, init_params=best.params,
                                  accelerate=True)
        refined = _last(iterate_em(data.X, refine_config, backend=data.backend, with_labels=False))
        params = refined.params
        mean_log_likelihood = data.mean_log_likelihood(params)
    except GMMError as problem:
        yield _failed(cell_index, n_components, covariance_type, data.X.shape[1], seed, str(problem))
        return
    n_samples = data.n_samples
    refine_seconds = lap()
    fit = FitResult(
        params=params,
        n_iter=best.iteration + refined.iteration,
        converged=refined.converged,
        history=best.history + refined.history,
        mean_log_likelihood=mean_log_likelihood,
        n_samples=n_samples,
        config=FitConfig(n_components, covariance_type, tol=config.tol, max_iter=config.max_iter,
                         reg_covar=config.reg_covar, init=config.init, n_init=config.n_init, seed=seed),
        start_log_likelihoods=best.start_log_likelihoods,
        total_weight=None if data.sample_weight is None else data.total_weight,
        reseed_events=best.reseed_events + tuple(
            ReseedEvent(event.component, event.iteration + best.iteration) for event in refined.reseed_events),
    )
    n_parameters, bic, aic = information_criteria(params, mean_log_likelihood, fit.weight_sum)
    icl = icl_from(bic, data.sum_log_max_responsibility(params))
    reason = degenerate_reason(params, fit.weight_sum, config.reg_covar, data.spread)
    cv, cv_note = (yield from _cross_validate(data, params, progress)) if cross_validate else (float("nan"), None)
    yield CellResult(
        cell_index=cell_index, n_components=n_components, covariance_type=covariance_type, params=params, fit=fit,
        log_likelihood=fit.log_likelihood, n_parameters=n_parameters, bic=bic, aic=aic, icl=icl,
        cv_log_likelihood=cv, degenerate=reason is not None, degenerate_reason=reason,
        converged=refined.converged, n_iter=fit.n_iter,
        hit_max_iter=refined.stop_reason is StopReason.MAX_ITER and not refined.converged, seed=seed,
        cv_note=cv_note, seconds=(starts_seconds, refine_seconds, lap()),
    )


def _cross_validate(data: CellData, params, progress) -> Iterator[CellProgress]:
    """Held-out log-likelihood per row over the folds, and a note when a fold could not be fitted."""
    config = data.config
    total = 0.0
    for index in range(config.folds):
        yield progress(CellPhase.FOLD, index + 1, config.folds)
        train, held_out = data.fold(index)
        fold_config = FitConfig(params.n_components, params.covariance_type, tol=config.tol, max_iter=config.max_iter,
                                reg_covar=config.reg_covar, init=InitMethod.GIVEN, init_params=params,
                                accelerate=True)
        try:
            fitted = _last(iterate_em(train.X, fold_config, backend=train, with_labels=False)).params
        except GMMError as problem:
            return float("nan"), f"fold {index + 1} of {config.folds} could not be fitted: {problem}"
        total += _total_log_likelihood(held_out, fitted)
    if not np.isfinite(total):
        return float("nan"), "a held-out row has no density left under the fitted model"
    return total / data.total_weight, None


def _total_log_likelihood(backend: Backend, params) -> float:
    """Summed (weighted) log-likelihood of the backend's rows (block by block for a streamed backend)."""
    if isinstance(backend, StreamedData):
        return float(backend.mean_log_likelihood(params)) * backend.n_samples
    weights = backend_weights(backend)
    log_likelihood = backend.log_prob_norm(params)
    return float(log_likelihood.sum() if weights is None else weights @ log_likelihood)


def _failed(cell_index: int, n_components: int, covariance_type: CovarianceType, n_features: int, seed: int,
            problem: str) -> CellResult:
    nan = float("nan")
    count = n_covariance_parameters(covariance_type, n_components, n_features) + n_components * (n_features + 1) - 1
    return CellResult(cell_index=cell_index, n_components=n_components, covariance_type=covariance_type,
                      params=None, fit=None, log_likelihood=nan, n_parameters=int(count), bic=nan, aic=nan, icl=nan,
                      cv_log_likelihood=nan, degenerate=True, degenerate_reason=f"not fitted: {problem}",
                      converged=False, n_iter=0, hit_max_iter=False, seed=seed, error=problem)


__all__ = ["CellData", "cell_seed", "fit_cell", "folds_for"]
