"""``iterate_selection``: a model selection over a grid of K x covariance types, as a generator of events.

Like ``engine.em.iterate_em`` it yields immutable objects a caller can show as they come: a
``CellProgress`` when a start, the continuation or a cross-validation fold of a cell begins, a
``CellResult`` when a cell is done, and last the ``SelectionResult`` (every cell in grid order, the best
non-degenerate cell by each criterion, the chosen one). A caller stops it between events by no longer
iterating (``generator.close()``): the work still pending is cancelled and no worker process is left.

Cells are independent, so with more than one core they run in worker processes
(``engine.selection.pool``), each cell entirely in one of them. Every cell's random numbers come from its
own seed (``engine.selection.cells.cell_seed``) and its E-steps run on one thread wherever it runs, so a
cell's numbers are the same bit for bit in any grid, in any order, serial or parallel.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike, NDArray

from engine.blas import single_threaded_blas
from engine.covariance import CovarianceType
from engine.errors import InputError
from engine.init import distinct_rows_up_to
from engine.scales import check_fit_data
from engine.selection.cells import CellData, fit_cell, refine_cell
from engine.selection.grid import Criterion, SelectionConfig, too_many_components
from engine.selection.pool import run_tasks, usable_processes
from engine.selection.results import CellProgress, CellResult, SelectionResult, best_by
from engine.selection.streamed import streamed_cell_data
from engine.weights import check_sample_weight

if TYPE_CHECKING:
    from engine.io.streams import RowSource
from engine.selection.screening import SCREEN_MIN_ROWS, cells_to_refine

#: What the rows counted against K and the folds are when rows of weight 0 are left out (for messages).
POSITIVE_ROWS = "rows of positive weight"
#: What ``iterate_selection`` yields.
SelectionEvent = CellProgress | CellResult | SelectionResult


def selection_data(X: ArrayLike, feature_names: Sequence[str] | None = None) -> NDArray[np.float64]:
    """``X`` as C-contiguous float64 of shape (n_samples, n_features), checked as a fit checks it.

    Raises
    ------
    InputError
        For data that is not a non-empty table of finite numbers whose spread fits in a double.
    """
    try:
        X = np.asarray(X)
        if np.iscomplexobj(X):
            raise TypeError("complex")
        X = np.ascontiguousarray(X, dtype=np.float64)
    except (TypeError, ValueError):  # text, ragged rows, complex numbers
        raise InputError("the data must be a table of numbers (one row per sample).") from None
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
        raise InputError(f"the data must be a non-empty 2-D table (rows x features), not one of shape {X.shape}.")
    check_fit_data(X, feature_names)
    return X


def effective_config(X: NDArray[np.floating], config: SelectionConfig,
                     rows: str = "rows") -> tuple[SelectionConfig, str | None]:
    """``config`` with its K range fitted to the data (and ``screen`` decided by its size), and a note when the
    default range was cut. ``rows`` says what the rows of ``X`` are, for the messages: ``"rows"``, or ``"rows of
    positive weight"`` when rows of weight 0 were left out.

    Raises
    ------
    InputError
        When an explicit K exceeds the number of distinct rows, or there are more folds than rows.
    """
    n_samples = X.shape[0]
    if config.folds > n_samples:
        raise InputError(f"{config.folds} cross-validation folds need at least {config.folds} {rows}, but the "
                         f"data has {n_samples}: use fewer folds.")
    if config.screen is None:  # decided by the data's size (replace() forgets default_ks: decided last)
        config = _with_screen(config, n_samples > SCREEN_MIN_ROWS)
    largest = max(config.ks)
    distinct = distinct_rows_up_to(X, largest)
    if distinct >= largest:
        return config, None
    if not config.default_ks:
        raise InputError(too_many_components(largest, distinct, rows))
    ks = tuple(k for k in config.ks if k <= distinct)
    counted = rows if distinct != 1 else rows.replace("rows", "row", 1)
    note = (f"K was tried from 1 to {max(ks)} only: the data has {distinct} distinct {counted}, and a mixture "
            "cannot have more components than that.")
    return dataclasses.replace(config, ks=ks), note


def _with_screen(config: SelectionConfig, screen: bool) -> SelectionConfig:
    """``config`` with ``screen`` set, keeping whether its K range was the default."""
    decided = dataclasses.replace(config, screen=screen)
    object.__setattr__(decided, "default_ks", config.default_ks)
    return decided


def grid_cells(config: SelectionConfig) -> list[tuple[int, int, object]]:
    """``(cell_index, K, covariance type)`` of every cell, in grid order: types outer, K inner."""
    cells = [(k, covariance_type) for covariance_type in config.covariance_types for k in config.ks]
    return [(index, k, covariance_type) for index, (k, covariance_type) in enumerate(cells)]


def iterate_selection(X: ArrayLike, config: SelectionConfig, feature_names: Sequence[str] | None = None,
                      processes: int | None = None, start_method: str | None = None,
                      rows: RowSource | None = None, progress: bool = False,
                      sample_weight: ArrayLike | None = None) -> Iterator[SelectionEvent]:
    """Fit every cell of the grid and choose, yielding progress, each ``CellResult``, then the ``SelectionResult``.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    config : SelectionConfig
    feature_names : sequence of str, optional
        Names of the columns, for messages and the result.
    processes : int, optional
        Worker processes: 1 computes every cell in this process; None uses one per core (at most one
        per cell) when the grid is large enough to repay starting them (``engine.selection.pool.
        worth_processes``), else 1.
    start_method : str, optional
        How workers start (``engine.selection.pool.default_start_method`` by default: fork, or
        forkserver when Qt is loaded).
    rows : RowSource, optional
        Data read block by block (``engine.selection.streamed``); ``X`` is then a sample of its rows (the
        streamed backend's), for the checks of the grid.
    progress : bool
        Progress bars for the passes over ``rows`` (in a serial selection).
    sample_weight : array-like of shape (n_samples,), optional
        Weights of the rows (``engine.weights``; see ``engine.selection.cells.CellData``); K is capped by
        the distinct rows of positive weight.

    Yields
    ------
    CellProgress, CellResult, SelectionResult
        Cells finish in any order when they run in parallel. With ``config.screen`` every cell comes first
        screened, and the cells that can decide the choice come again, refined, with the same
        ``cell_index`` (``engine.selection.screening``). ``SelectionResult`` comes last, with the latest
        result of every cell.

    Raises
    ------
    InputError
        From the checks of the data and the grid, before any cell is fitted (when first advanced).
    """
    X = selection_data(X, feature_names)
    weights = check_sample_weight(sample_weight, X.shape[0])
    if weights is None or weights.all():
        config, capped_note = effective_config(X, config)
    else:
        config, capped_note = effective_config(X[weights > 0], config, POSITIVE_ROWS)
    cells = grid_cells(config)
    names = None if feature_names is None else tuple(str(name) for name in feature_names)
    finished: dict[int, CellResult] = {}
    state, state_args = CellData, (X, config, 1, names, weights)
    n_processes = usable_processes(processes, len(cells), X.shape[0])
    if rows is not None:  # progress bars in a serial selection only: workers' bars would run into each other
        state, state_args = streamed_cell_data, (X, config, 1, names, rows, progress and n_processes == 1)
    # The CV margin of the refinement is per unit of weight: rows (all of them when streamed) or the weights' sum.
    n_total = rows.n_samples if rows is not None else (X.shape[0] if weights is None else float(weights.sum()))
    first = [(fit_cell, (index, k, covariance_type, True, config.screen)) for index, k, covariance_type in cells]

    def refinements() -> list:
        """Phase 2: the cells that can still decide the choice, given every cell so far (largest first)."""
        return sorted(((refine_cell, (cell,)) for cell in cells_to_refine(list(finished.values()), n_total)),
                      key=_expected_cost, reverse=True)

    events = _run_phases(state, state_args, n_processes, first, refinements, start_method)
    try:
        for event in events:
            if isinstance(event, CellResult):
                event = _read_only(event)
                finished[event.cell_index] = event
            yield event
    finally:
        events.close()
    ordered = tuple(finished[index] for index, _, _ in cells)
    best = MappingProxyType({criterion: best_by(ordered, criterion) for criterion in Criterion})
    yield SelectionResult(config=config, cells=ordered, best=best, chosen=best[config.criterion], ks=config.ks,
                          capped_note=capped_note, n_samples=X.shape[0] if rows is None else rows.n_samples,
                          n_features=X.shape[1],
                          feature_names=names or tuple(f"x{j}" for j in range(X.shape[1])))


def _run_phases(state, state_args: tuple, n_processes: int, tasks: list, next_tasks,
                start_method: str | None) -> Iterator[SelectionEvent]:
    """The events of ``tasks`` (``(task, args)`` over the ``CellData`` that ``state(*state_args)`` makes), then
    of ``next_tasks()`` while it gives more (asked when everything before has finished), in this process or on
    ``n_processes`` workers (the same workers for every phase).

    On workers the largest cells (most components; full before tied, diag, spherical) are handed out
    first, so that the slowest cells do not start last and leave one core idle at the end.
    """
    if n_processes > 1:
        return run_tasks(state, state_args, sorted(tasks, key=_expected_cost, reverse=True),
                         n_processes, start_method, next_tasks=next_tasks)
    data = state(*state_args)

    def serial() -> Iterator[SelectionEvent]:
        phase = tasks
        while phase:
            for task, args in phase:
                yield from task(data, *args)
            phase = next_tasks()

    return _single_threaded(serial())


#: Relative cost of a component's covariance, for the order in which cells are handed to workers.
_TYPE_COST = {CovarianceType.FULL: 4, CovarianceType.TIED: 3, CovarianceType.DIAG: 2, CovarianceType.SPHERICAL: 1}


def _expected_cost(task: tuple) -> tuple[int, int]:
    _, args = task
    if isinstance(args[0], CellResult):
        return args[0].n_components, _TYPE_COST[args[0].covariance_type]
    _, n_components, covariance_type = args[:3]
    return n_components, _TYPE_COST[CovarianceType(covariance_type)]


def select(X: ArrayLike, config: SelectionConfig, **options) -> SelectionResult:
    """Run ``iterate_selection`` to the end and return its ``SelectionResult`` (options as there)."""
    events = list(iterate_selection(X, config, **options))
    return events[-1]


def _single_threaded(events: Iterator[SelectionEvent]) -> Iterator[SelectionEvent]:
    """``events`` computed with BLAS at one thread (as in a worker), released between events."""
    try:
        while True:
            with single_threaded_blas():
                try:
                    event = next(events)
                except StopIteration:
                    return
            yield event
    finally:
        events.close()


def _read_only(cell: CellResult) -> CellResult:
    """The cell with its parameters' arrays read-only again (a worker's result arrives through pickle)."""
    if cell.params is not None:
        for name in ("weights", "means", "covariances", "precisions_chol"):
            getattr(cell.params, name).flags.writeable = False
    return cell


__all__ = ["POSITIVE_ROWS", "SelectionEvent", "distinct_rows_up_to", "effective_config", "grid_cells",
           "iterate_selection", "select", "selection_data"]
