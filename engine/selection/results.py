"""What a selection yields: progress within a cell, a ``CellResult`` per cell, and the ``SelectionResult``.

Every object is an immutable dataclass whose arrays are read-only, so a window can keep them, draw from
them on another thread, and put any cell's model on its canvas (``CellResult.fit`` is the ``FitResult``
a plain ``fit`` would have given: parameters, history, starts' log-likelihoods, re-seeds).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum

from engine.covariance import CovarianceType
from engine.em import FitResult
from engine.params import MixtureParams
from engine.selection.grid import Criterion, SelectionConfig


class CellPhase(StrEnum):
    """Which part of a cell's work a progress event announces."""

    START = "start"  #: start ``step`` of ``steps`` (n_init) begins
    REFINE = "refine"  #: the best start is being continued (screening), or a screened cell to the tight tolerance
    FOLD = "fold"  #: cross-validation fold ``step`` of ``steps`` begins


@dataclass(frozen=True, slots=True)
class CellProgress:
    """Progress within one cell.

    Attributes
    ----------
    cell_index : int
        Position of the cell in the grid (types outer, K inner), 0-based.
    n_cells : int
    n_components : int
    covariance_type : CovarianceType
    phase : CellPhase
    step, steps : int
        ``step`` of ``steps`` (1-based) of the phase; 1 of 1 for ``REFINE``.
    """

    cell_index: int
    n_cells: int
    n_components: int
    covariance_type: CovarianceType
    phase: CellPhase
    step: int
    steps: int


@dataclass(frozen=True, slots=True)
class CellResult:
    """One finished cell: the fitted model and every number the table and the plots show.

    Attributes
    ----------
    cell_index : int
        Position in the grid (types outer, K inner).
    n_components : int
    covariance_type : CovarianceType
    params : MixtureParams or None
        The fitted parameters (None when the cell could not be fitted: see ``error``).
    fit : FitResult or None
        The whole fit: ``history`` (the best start's E-steps, then the continuation's),
        ``start_log_likelihoods``, ``reseed_events``, ``n_iter``, ``converged`` and a ``config`` that
        describes it (tight ``tol``, ``n_init`` starts, the cell's ``seed``).
    log_likelihood : float
        Total log-likelihood of the data (NaN when not fitted).
    n_parameters : int
    bic, aic, icl : float
        Lower is better (see ``engine.selection.criteria``).
    cv_log_likelihood : float
        Held-out log-likelihood per row (higher is better); NaN when a fold could not be fitted.
    degenerate : bool
    degenerate_reason : str or None
    converged : bool
        Whether the continuation reached ``fit_tol``.
    n_iter : int
        EM iterations of the best start plus the continuation.
    hit_max_iter : bool
        The continuation stopped at ``max_iter`` (not converged). A screened cell whose screening stopped at
        its own iteration cap has ``converged`` False but not ``hit_max_iter``.
    seed : int
        The cell's seed (derived from the selection's): ``fit --seed`` with it repeats the starts.
    cv_note : str or None
        Why the held-out log-likelihood is missing, when it is.
    error : str or None
        Why the cell could not be fitted at all (it then counts as degenerate).
    seconds : (float, float, float)
        Time spent on the starts, the continuation and the cross-validation (for progress displays and
        benchmarks; the only field that differs between two runs of the same cell). A refined cell's are
        the screening's plus the refinement's.
    tight : bool
        Whether the continuation and the cross-validation fits ran to the tight ``tol`` (False: a screened
        cell, fitted to ``fit_tol``; see ``engine.selection.screening``).
    fit_tol : float
        The tolerance (per row) the continuation and the cross-validation fits ran to.
    refined : bool
        Whether this result is a screened cell's refinement to the tight ``tol`` (emitted again, with the
        same ``cell_index``, after its screened result).
    continued_iter : int
        Iterations of the continuation (after the best start), refinement included.
    """

    cell_index: int
    n_components: int
    covariance_type: CovarianceType
    params: MixtureParams | None
    fit: FitResult | None
    log_likelihood: float
    n_parameters: int
    bic: float
    aic: float
    icl: float
    cv_log_likelihood: float
    degenerate: bool
    degenerate_reason: str | None
    converged: bool
    n_iter: int
    hit_max_iter: bool
    seed: int
    cv_note: str | None = None
    error: str | None = None
    seconds: tuple[float, float, float] = (0.0, 0.0, 0.0)
    tight: bool = True
    fit_tol: float = math.nan
    refined: bool = False
    continued_iter: int = 0

    @property
    def label(self) -> str:
        """``"K=3 full"``."""
        return f"K={self.n_components} {self.covariance_type.value}"

    @property
    def history(self) -> tuple[float, ...]:
        """Mean log-likelihood of every E-step of the kept fit (empty when not fitted)."""
        return () if self.fit is None else self.fit.history

    def value(self, criterion: Criterion) -> float:
        """The cell's value of ``criterion`` in its own sign (BIC, AIC, ICL lower, cv higher is better)."""
        return {Criterion.BIC: self.bic, Criterion.AIC: self.aic, Criterion.ICL: self.icl,
                Criterion.CV: self.cv_log_likelihood}[Criterion(criterion)]

    def loss(self, criterion: Criterion) -> float:
        """``value`` turned lower-is-better (the held-out log-likelihood negated); +inf when missing."""
        value = self.value(criterion)
        if math.isnan(value):
            return math.inf
        return -value if Criterion(criterion) is Criterion.CV else value


@dataclass(frozen=True, slots=True)
class SelectionResult:
    """The whole grid and the choice.

    Attributes
    ----------
    config : SelectionConfig
        The settings, with the seed that was used.
    cells : tuple of CellResult
        In grid order (types outer, K inner), whatever order they were computed in.
    best : dict of Criterion to CellResult or None
        The best non-degenerate cell by each criterion (None when every cell is degenerate or missing).
    chosen : CellResult or None
        ``best[config.criterion]``.
    ks : tuple of int
        The numbers of components that were tried.
    capped_note : str or None
        Says so when the default range of K was cut to the number of distinct rows.
    n_samples : int
    n_features : int
    """

    config: SelectionConfig
    cells: tuple[CellResult, ...]
    best: dict[Criterion, CellResult | None]
    chosen: CellResult | None
    ks: tuple[int, ...]
    capped_note: str | None
    n_samples: int
    n_features: int
    feature_names: tuple[str, ...] = field(default=())

    def ranked(self, criterion: Criterion | None = None) -> list[CellResult]:
        """Non-degenerate cells with a value of ``criterion`` (the config's by default), best first."""
        criterion = self.config.criterion if criterion is None else Criterion(criterion)
        usable = [cell for cell in self.cells if not cell.degenerate and math.isfinite(cell.loss(criterion))]
        return sorted(usable, key=lambda cell: (cell.loss(criterion), cell.cell_index))


def best_by(cells: tuple[CellResult, ...], criterion: Criterion) -> CellResult | None:
    """The non-degenerate cell with the lowest ``loss(criterion)`` (grid order breaks ties), or None."""
    usable = [cell for cell in cells if not cell.degenerate and math.isfinite(cell.loss(criterion))]
    return min(usable, key=lambda cell: (cell.loss(criterion), cell.cell_index), default=None)


__all__ = ["CellPhase", "CellProgress", "CellResult", "SelectionResult", "best_by"]
