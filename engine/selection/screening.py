"""Precision where the decision is made: which cells of a selection are refined to the tight tolerance.

A selection fits in two phases (``engine.selection.run``):

1. *Screening*: every cell's best start is continued to ``SCREEN_TOL`` (per row), at most
   ``SCREEN_MAX_ITER`` iterations, and its cross-validation fits run to the same moderate precision.
2. *Refinement*: only the cells that can still decide the choice are continued to the tight ``tol`` (and
   cross-validated at it): the non-degenerate cells whose value of ANY criterion is within the margin of
   the best (``BIC_MARGIN`` for BIC, AIC and ICL; ``CV_MARGIN`` per row for the held-out log-likelihood).
   Refinement repeats until no cell is left within the margins of the refined best.

Why this chooses what fitting every cell tightly chooses: EM never lowers the log-likelihood, so a
screened cell's BIC and AIC can only fall when it is refined, and only by what the continuation still
gains. Measured (every cell screened, then refined, compared): on Old Faithful (36 cells of 10 starts)
the largest fall of a BIC was 7.2, of an ICL 16.5 and the largest change of a held-out log-likelihood
0.042 per row, all on K = 6 full, a cell crawling along a likelihood ridge (every other BIC moved by less
than 0.001); on 1e5 rows of three blobs, K = 9 full's BIC fell by 32.5 (screening stopped after 29
cycles, the tight fit after 950). The margins are about 1.5 to 5 times that. Degenerate screened cells are
not refined: EM only deepens a collapse, and a degenerate cell is never chosen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from engine.selection.grid import Criterion
from engine.selection.results import CellResult

#: By default a selection screens data of more rows than this (``engine.backends.small.SMALL_ROWS``): on fewer,
#: a cell's tight fit costs little more than its screening, and most cells of a grid end near the best by
#: some criterion, so screening and then refining cost more than fitting every cell tightly (Old Faithful,
#: 36 cells of 10 starts, one process: 5.13 s of CPU screened, 4.93 s every cell tight). On 1e5 rows one
#: cell, K = 9 full, took 2.9 s screened and 38.6 s tight.
SCREEN_MIN_ROWS = 4096
#: Screening: continuation and cross-validation fits stop at this change of the mean log-likelihood per row ...
SCREEN_TOL = 1e-6
#: ... or after this many (SQUAREM) iterations.
SCREEN_MAX_ITER = 200
#: A cell is refined when its BIC or AIC is at most this far above the best ...
BIC_MARGIN = 50.0
#: ... or its ICL at most this far above the best ...
ICL_MARGIN = 80.0
#: ... or its held-out log-likelihood at most this far below the best, in total over the rows (the margin per
#: row is this divided by the number of rows: 0.1 on Old Faithful's 272; a fixed margin per row refined
#: every cell of 1e5 rows, whose held-out log-likelihoods per row differ by less).
CV_MARGIN = 27.0


def screen_settings(tol: float, max_iter: int) -> tuple[float, int]:
    """The tolerance and iteration cap of the screening phase for a selection's tight ``tol`` and ``max_iter``."""
    return max(float(tol), SCREEN_TOL), min(int(max_iter), SCREEN_MAX_ITER)


def margin(criterion: Criterion, n_samples: int) -> float:
    """The refinement margin of ``criterion`` on ``n_samples`` rows, in the units of its ``CellResult.loss``."""
    return {Criterion.BIC: BIC_MARGIN, Criterion.AIC: BIC_MARGIN, Criterion.ICL: ICL_MARGIN,
            Criterion.CV: CV_MARGIN / max(int(n_samples), 1)}[Criterion(criterion)]


def cells_to_refine(cells: Sequence[CellResult], n_samples: int) -> list[CellResult]:
    """The cells that are not yet tight and can still decide the choice (see the module docstring).

    Parameters
    ----------
    cells : sequence of CellResult
        The latest result of every cell so far (screened or tight).
    n_samples : int
        Rows of the data (the held-out log-likelihood's margin is per row).

    Returns
    -------
    list of CellResult
        Non-degenerate cells not at the tight tolerance whose loss by some criterion is within its margin of
        the best non-degenerate cell by that criterion (tight or not), in the order given.
    """
    usable = [cell for cell in cells if not cell.degenerate]
    best = {criterion: min((cell.loss(criterion) for cell in usable), default=math.inf) for criterion in Criterion}
    return [cell for cell in usable if not cell.tight and any(
        math.isfinite(best[criterion]) and cell.loss(criterion) <= best[criterion] + margin(criterion, n_samples)
        for criterion in Criterion)]


__all__ = ["BIC_MARGIN", "CV_MARGIN", "ICL_MARGIN", "SCREEN_MAX_ITER", "SCREEN_MIN_ROWS", "SCREEN_TOL",
           "cells_to_refine", "margin", "screen_settings"]
