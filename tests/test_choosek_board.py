"""What the Choose-K view shows of a selection, without Qt (``gui.choosek.board``), and a fit continued from
an earlier one's history (``gui.main.fit_worker.continued``)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine.config import FitConfig, InitMethod
from engine.covariance import CovarianceType
from engine.em import HalfStep, iterate_em
from engine.selection.grid import Criterion, SelectionConfig
from engine.selection.results import CellPhase, CellProgress, CellResult
from engine.selection.run import iterate_selection
from gui.choosek.board import SelectionBoard
from gui.main.fit_worker import continued

FULL, SPHERICAL = CovarianceType.FULL, CovarianceType.SPHERICAL


def cell(index: int, k: int, covariance_type: CovarianceType, bic: float, degenerate: bool = False,
         cv: float = -3.0) -> CellResult:
    return CellResult(cell_index=index, n_components=k, covariance_type=covariance_type, params=None, fit=None,
                      log_likelihood=-bic / 2, n_parameters=k, bic=bic, aic=bic - 1, icl=bic + 1,
                      cv_log_likelihood=cv, degenerate=degenerate, degenerate_reason="x" if degenerate else None,
                      converged=True, n_iter=3, hit_max_iter=False, seed=0)


@pytest.fixture
def board() -> SelectionBoard:
    board = SelectionBoard(SelectionConfig(ks=(1, 2, 3), covariance_types=(FULL, SPHERICAL), seed=0))
    for event in (cell(0, 1, FULL, 500.0), cell(1, 2, FULL, 300.0), cell(3, 1, SPHERICAL, 510.0),
                  cell(4, 2, SPHERICAL, 250.0, degenerate=True), cell(5, 3, SPHERICAL, 320.0, cv=math.nan)):
        assert board.take(event)
    return board


def test_a_refined_result_replaces_the_earlier_one(board):
    assert board.n_done == 5
    assert board.best(Criterion.BIC).cell_index == 1
    assert board.take(cell(5, 3, SPHERICAL, 290.0))  # cell 5 again, refined
    assert board.n_done == 5
    assert board.cell(5).bic == 290.0
    assert board.best(Criterion.BIC).cell_index == 5
    assert [row.cell.cell_index for row in board.ranked(Criterion.BIC)].count(5) == 1


def test_ranked_puts_the_best_first_and_keeps_degenerate_cells_marked(board):
    rows = board.ranked(Criterion.BIC)
    assert [row.cell.cell_index for row in rows] == [4, 1, 5, 0, 3]
    assert rows[0].cell.degenerate and not rows[0].best and rows[0].difference == -50.0  # lower, but never chosen
    assert rows[1].best and rows[1].difference == 0.0
    assert rows[2].difference == 20.0
    cv_rows = board.ranked(Criterion.CV)
    assert cv_rows[-1].cell.cell_index == 5 and math.isnan(cv_rows[-1].value)  # no held-out value: last


def test_series_are_one_line_per_type_over_k(board):
    full, spherical = board.series(Criterion.BIC)
    assert full.covariance_type is FULL and full.ks.tolist() == [1, 2] and full.values.tolist() == [500.0, 300.0]
    assert spherical.ks.tolist() == [1, 2, 3] and spherical.degenerate.tolist() == [False, True, False]
    assert spherical.cell_indices.tolist() == [3, 4, 5]
    assert board.series(Criterion.CV)[1].ks.tolist() == [1, 2]  # a missing value is left out


def test_progress_counts_the_capped_grid_and_the_result_replaces_the_cells():
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]] * 4)  # 3 distinct rows: K capped at 3
    board = SelectionBoard(SelectionConfig(covariance_types=(SPHERICAL,), n_init=1, folds=2, seed=0))
    assert board.n_cells == 9
    for event in iterate_selection(X, board.config, processes=1):
        board.take(event)
        if isinstance(event, CellProgress):
            assert board.n_cells == 3
            assert event.phase in tuple(CellPhase)
    assert board.result is not None and board.n_done == board.n_cells == 3
    assert board.cells[0] is board.result.cells[0]


def test_a_continued_fit_numbers_on_from_the_earlier_history():
    X = np.random.default_rng(0).standard_normal((60, 2))
    fitted = list(iterate_em(X, FitConfig(n_components=2, seed=0, max_iter=5, tol=0.0)))[-1]
    prior = fitted.history
    config = FitConfig(n_components=2, init=InitMethod.GIVEN, init_params=fitted.params, max_iter=2, tol=0.0)
    plain = list(iterate_em(X, config))
    snapshots = list(continued(iterate_em(X, config), prior))
    assert [s.half_step for s in snapshots] == [s.half_step for s in plain]
    assert [s.iteration for s in snapshots] == [s.iteration + len(prior) for s in plain]
    first_e = next(s for s in snapshots if s.half_step is HalfStep.E)
    assert first_e.history[:len(prior)] == prior and len(first_e.history) == len(prior) + 1
    assert snapshots[-1].history == prior + plain[-1].history
    np.testing.assert_array_equal(snapshots[-1].params.means, plain[-1].params.means)

