"""engine.selection.screening: screening every cell, refining the decisive ones, chooses what fitting every
cell tightly chooses; each CellResult says its precision; refined cells come again with their index."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import numpy as np
import pytest

from engine.covariance import CovarianceType
from engine.presets import generate
from engine.selection import screening
from engine.selection.grid import Criterion, SelectionConfig
from engine.selection.results import CellResult
from engine.selection.run import effective_config, iterate_selection, select
from engine.selection.screening import BIC_MARGIN, CV_MARGIN, SCREEN_MIN_ROWS, SCREEN_TOL, cells_to_refine

FAITHFUL = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "faithful.csv"


def assert_same_choice(screened, tight, n_samples: int) -> None:
    """Every criterion's best cell is the same and tight; BIC, AIC and ICL the same or better (up to what
    one more iteration at ``tol`` could change), CV the same up to 1e-4 per row (a refined cell's folds go
    on from their screened fits instead of starting again)."""
    for criterion in Criterion:
        ours, reference = screened.best[criterion], tight.best[criterion]
        assert ours.label == reference.label, criterion
        assert ours.tight and (ours.refined or ours.fit_tol == screened.config.tol)
        if criterion is Criterion.CV:
            assert ours.cv_log_likelihood == pytest.approx(reference.cv_log_likelihood, abs=1e-4)
        else:
            assert ours.loss(criterion) <= reference.loss(criterion) + 2 * screened.config.tol * n_samples, criterion


@pytest.mark.parametrize("data, config", [
    pytest.param(lambda: np.loadtxt(FAITHFUL, delimiter=",", skiprows=1),
                 dict(ks=(2, 3, 4), n_init=2, folds=2), id="old-faithful"),
    pytest.param(lambda: generate("random", 240, k=3, d=2, seed=7).X,
                 dict(ks=(1, 2, 3, 4), n_init=1, folds=2), id="generated"),
])
def test_screening_chooses_what_fitting_every_cell_tightly_chooses(data, config):
    X = data()
    screened = select(X, SelectionConfig(seed=0, screen=True, **config), processes=1)
    tight = select(X, SelectionConfig(seed=0, screen=False, **config), processes=1)
    assert_same_choice(screened, tight, len(X))
    assert any(not cell.tight for cell in screened.cells)  # the screening did save work
    assert all(cell.tight for cell in tight.cells)


def test_a_refined_cell_comes_again_with_its_index_and_says_its_precision():
    X = generate("three-blobs", 150, seed=3).X
    config = SelectionConfig(ks=(1, 2, 3, 4), covariance_types=("full", "spherical"), n_init=1, folds=2, seed=0,
                             screen=True)
    results = [event for event in iterate_selection(X, config, processes=1) if isinstance(event, CellResult)]
    first = {}
    for event in results:
        first.setdefault(event.cell_index, event)
    assert all(not cell.tight and not cell.refined and cell.fit_tol == SCREEN_TOL for cell in first.values())
    again = results[len(first):]
    assert again and {cell.cell_index for cell in again} <= set(first)
    assert all(cell.refined and cell.tight and cell.fit_tol == config.tol for cell in again)
    for cell in again:
        screened = first[cell.cell_index]
        assert cell.log_likelihood >= screened.log_likelihood  # EM went on from the screened optimum
        assert cell.fit.history[:len(screened.fit.history)] == screened.fit.history
        assert cell.n_iter == len(cell.fit.history) and cell.continued_iter > screened.continued_iter


def test_hit_max_iter_is_only_said_of_the_selections_max_iter(monkeypatch):
    X = generate("three-blobs", 150, seed=3).X
    base = dict(ks=(3,), covariance_types=("full",), n_init=1, folds=2, seed=0, screen=True)
    monkeypatch.setattr(screening, "SCREEN_MAX_ITER", 1)  # one cycle: the screening cannot have converged
    events = [event for event in iterate_selection(X, SelectionConfig(**base), processes=1)
              if isinstance(event, CellResult)]
    screened, refined = events
    assert (screened.continued_iter, screened.converged, screened.hit_max_iter, screened.tight) == (1, False, False,
                                                                                                  False)
    assert refined.refined and refined.converged and not refined.hit_max_iter
    # max_iter 2: one screening cycle, one refining cycle (a first cycle never converges): stopped at max_iter
    (stopped,) = select(X, SelectionConfig(max_iter=2, **base), processes=1).cells
    assert stopped.hit_max_iter and not stopped.converged and stopped.continued_iter == 2 and stopped.tight


def fake_cell(index: int, bic: float, cv: float = -1.0, degenerate: bool = False, tight: bool = False) -> CellResult:
    return CellResult(cell_index=index, n_components=index + 1, covariance_type=CovarianceType.FULL, params=None,
                      fit=None, log_likelihood=0.0, n_parameters=1, bic=bic, aic=bic, icl=3.0 * bic,
                      cv_log_likelihood=cv, degenerate=degenerate, degenerate_reason=None, converged=True, n_iter=1,
                      hit_max_iter=False, seed=0, tight=tight)


def test_cells_within_a_margin_of_the_best_by_any_criterion_are_refined():
    cells = [fake_cell(0, 100.0), fake_cell(1, 100.0 + BIC_MARGIN * 0.9), fake_cell(2, 100.0 + BIC_MARGIN * 1.1),
             fake_cell(3, 500.0, cv=-1.0 + CV_MARGIN / 100 * 2), fake_cell(4, 50.0, degenerate=True),
             fake_cell(5, 100.5, tight=True)]
    # 0 and 1 by BIC; 3 by CV (the best CV); 2 is too far by every criterion; degenerate and tight cells never
    assert [cell.cell_index for cell in cells_to_refine(cells, 100)] == [0, 1, 3]
    missing = dataclasses.replace(cells[2], cv_log_likelihood=math.nan)
    assert cells_to_refine([missing], 100) == [missing]  # alone it is the best by BIC


def test_refinement_on_the_same_workers_gives_the_serial_cells():
    X = generate("three-blobs", 120, seed=2).X
    config = SelectionConfig(ks=(1, 2, 3), covariance_types=("full", "diag"), n_init=1, folds=2, seed=0,
                             screen=True)
    serial, parallel = select(X, config, processes=1), select(X, config, processes=2)
    assert any(cell.refined for cell in serial.cells) and any(not cell.tight for cell in serial.cells)
    for one, other in zip(serial.cells, parallel.cells, strict=True):
        assert (one.cell_index, one.refined, one.tight, one.bic, one.cv_log_likelihood) == (
            other.cell_index, other.refined, other.tight, other.bic, other.cv_log_likelihood)


def test_by_default_only_data_larger_than_the_small_backend_is_screened():
    rng = np.random.default_rng(0)
    small, large = rng.normal(size=(SCREEN_MIN_ROWS, 2)), rng.normal(size=(SCREEN_MIN_ROWS + 1, 2))
    assert effective_config(small, SelectionConfig(seed=0))[0].screen is False
    assert effective_config(large, SelectionConfig(seed=0))[0].screen is True
    assert effective_config(large, SelectionConfig(seed=0, screen=False))[0].screen is False
    assert effective_config(small, SelectionConfig(seed=0, screen=True))[0].screen is True
