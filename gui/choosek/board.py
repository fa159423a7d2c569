"""What the Choose-K view shows of one selection run, without Qt: its cells so far, their ranking, its progress.

``SelectionBoard`` takes the events of ``engine.selection.iterate_selection`` as they come. A cell is kept
by its index in the grid: a ``CellResult`` that arrives again for the same cell (the engine may send a
cell first at a looser tolerance and later refined) replaces the earlier one, it is never counted twice.
The final ``SelectionResult`` replaces every cell with its own. The board answers what the plot and the
table draw: one series per covariance type over K, the best non-degenerate cell by a criterion, and every
finished cell ranked by it with its difference to the best.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from engine.covariance import CovarianceType
from engine.selection.grid import Criterion, SelectionConfig
from engine.selection.results import CellProgress, CellResult, SelectionResult, best_by


@dataclass(frozen=True, slots=True)
class Series:
    """One covariance type's line over K.

    Attributes
    ----------
    covariance_type : CovarianceType
    ks : ndarray of shape (n_points,)
        The numbers of components of its finished cells with a value of the criterion, increasing.
    values : ndarray of shape (n_points,)
        The criterion's value of each (in its own sign: BIC, AIC, ICL lower, held-out log-likelihood higher
        is better).
    degenerate : ndarray of bool, shape (n_points,)
    cell_indices : ndarray of int, shape (n_points,)
    """

    covariance_type: CovarianceType
    ks: NDArray[np.int64]
    values: NDArray[np.float64]
    degenerate: NDArray[np.bool_]
    cell_indices: NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Ranked:
    """A row of the table of models: the cell, its value of the criterion and how far it is from the best.

    Attributes
    ----------
    cell : CellResult
    value : float
        The criterion's value, in its own sign.
    difference : float
        ``value`` minus the best cell's value, in the criterion's sign (>= 0 for BIC, AIC and ICL, <= 0 for the
        held-out log-likelihood, for every cell that is not degenerate); NaN while there is no best cell.
    best : bool
        The cell is the best non-degenerate one.
    """

    cell: CellResult
    value: float
    difference: float
    best: bool


class SelectionBoard:
    """The cells of one selection run (see the module docstring).

    Parameters
    ----------
    config : SelectionConfig
        The run's settings, for the grid's size and its covariance types.
    """

    def __init__(self, config: SelectionConfig) -> None:
        self.config = config
        self.cells: dict[int, CellResult] = {}
        self.progress: CellProgress | None = None
        self.result: SelectionResult | None = None
        self.n_cells = config.n_cells

    def take(self, event: object) -> bool:
        """Take an event of the run; True if a cell or the result changed (the plot and table must be redrawn)."""
        if isinstance(event, CellProgress):
            self.progress = event
            self.n_cells = event.n_cells  # the grid may have been capped by the data's distinct rows
            return False
        if isinstance(event, CellResult):
            self.cells[event.cell_index] = event  # a refined result replaces the earlier one
            return True
        if isinstance(event, SelectionResult):
            self.result = event
            self.n_cells = len(event.cells)
            self.cells = {cell.cell_index: cell for cell in event.cells}
            return True
        return False

    @property
    def n_done(self) -> int:
        """How many cells have a result."""
        return len(self.cells)

    def cell(self, cell_index: int) -> CellResult | None:
        return self.cells.get(cell_index)

    def best(self, criterion: Criterion) -> CellResult | None:
        """The best non-degenerate finished cell by ``criterion`` (grid order breaks ties), or None."""
        return best_by(tuple(self.cells[index] for index in sorted(self.cells)), Criterion(criterion))

    def series(self, criterion: Criterion) -> list[Series]:
        """One ``Series`` per covariance type of the grid, in the grid's order (cells without a value left out)."""
        lines = []
        for covariance_type in self.config.covariance_types:
            cells = sorted((cell for cell in self.cells.values() if cell.covariance_type is covariance_type
                            and math.isfinite(cell.value(criterion))), key=lambda cell: cell.n_components)
            lines.append(Series(covariance_type,
                                np.array([cell.n_components for cell in cells], dtype=np.int64),
                                np.array([cell.value(criterion) for cell in cells], dtype=np.float64),
                                np.array([cell.degenerate for cell in cells], dtype=bool),
                                np.array([cell.cell_index for cell in cells], dtype=np.int64)))
        return lines

    def ranked(self, criterion: Criterion) -> list[Ranked]:
        """Every finished cell with a value of ``criterion``, best first (degenerate cells too, in their place by
        value, marked by their ``cell.degenerate``); then the cells without a value (failed, or no held-out
        log-likelihood)."""
        criterion = Criterion(criterion)
        best = self.best(criterion)
        best_value = best.value(criterion) if best is not None else math.nan
        cells = sorted(self.cells.values(), key=lambda cell: (cell.loss(criterion), cell.cell_index))
        return [Ranked(cell, cell.value(criterion), cell.value(criterion) - best_value, cell is best)
                for cell in cells]


__all__ = ["Ranked", "SelectionBoard", "Series"]
