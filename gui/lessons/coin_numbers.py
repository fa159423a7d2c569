"""The numbers the coins view shows, without Qt: the paper's table of an E-step and the log-likelihood plane.

``e_step_table`` is what Do and Batzoglou's figure shows for one E-step (and what
``engine.cli.coins.e_step_table`` prints): per observation its heads and tails, each coin's responsibility
and the heads and tails credited to it; the totals are the statistics the M-step divides. ``plane_field``
is the log-likelihood over the plane of the first two coins' head probabilities, for the contours.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from engine.families.binomial import BinomialParams, CoinData, log_binomial_coefficients, log_responsibilities
from gui.views.geometry import grid_points

#: Cells of the plane's grid along each axis.
PLANE_GRID = 120
#: The contours lie this far below the grid's highest log-likelihood (a total over the observations).
CONTOUR_DROPS = (0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0)


@dataclass(frozen=True, slots=True)
class CoinTable:
    """One E-step in the paper's form.

    Attributes
    ----------
    heads, tails : ndarray of shape (n_observations,)
    resp : ndarray of shape (n_observations, n_coins)
        Each coin's responsibility for each observation, under the parameters the E-step used.
    credited_heads, credited_tails : ndarray of shape (n_observations, n_coins)
        ``resp`` times the heads and the tails.
    total_heads, total_tails : ndarray of shape (n_coins,)
        Their sums: the M-step's ``theta_k = H_k / (H_k + T_k)``.
    total_resp : ndarray of shape (n_coins,)
        Each coin's share of the observations: the M-step's weight ``N_k / N``.
    """

    heads: NDArray[np.float64]
    tails: NDArray[np.float64]
    resp: NDArray[np.float64]
    credited_heads: NDArray[np.float64]
    credited_tails: NDArray[np.float64]
    total_heads: NDArray[np.float64]
    total_tails: NDArray[np.float64]
    total_resp: NDArray[np.float64]

    def theta(self) -> NDArray[np.float64]:
        """The head probabilities the M-step makes of these totals, shape (n_coins,)."""
        return self.total_heads / (self.total_heads + self.total_tails)


def e_step_table(data: CoinData, params: BinomialParams) -> CoinTable:
    """The E-step under ``params`` as the paper's table (see ``CoinTable``)."""
    resp = np.exp(log_responsibilities(data, params)[0])
    heads, tails = data.heads.astype(float), data.tails.astype(float)
    credited_heads, credited_tails = resp * heads[:, None], resp * tails[:, None]
    return CoinTable(heads, tails, resp, credited_heads, credited_tails, credited_heads.sum(axis=0),
                     credited_tails.sum(axis=0), resp.sum(axis=0))


def total_log_likelihood(data: CoinData, params: BinomialParams) -> float:
    """The log-likelihood of all the counts (natural log, binomial coefficients included), as ``coins`` prints it."""
    return float(log_responsibilities(data, params)[1].sum())


def plane_field(data: CoinData, weights: NDArray[np.floating], grid: int = PLANE_GRID) -> NDArray[np.float64]:
    """The total log-likelihood of two coins with ``weights`` (2,) over the plane of their head probabilities.

    Returns
    -------
    ndarray of shape (grid, grid)
        At the cell centres of ``gui.views.geometry.grid_points((0, 1), (0, 1), (grid, grid))``: row ``i`` has
        the second coin's theta, column ``j`` the first's.
    """
    from scipy.special import logsumexp  # imported when needed: the window imports this module at start-up

    centres = (np.arange(grid) + 0.5) / grid
    h, t = data.heads.astype(float)[:, None], data.tails.astype(float)[:, None]
    per_theta = h * np.log(centres)[None, :] + t * np.log1p(-centres)[None, :]  # (n_observations, grid)
    with np.errstate(divide="ignore"):
        log_weights = np.log(np.asarray(weights, dtype=float))
    first = per_theta[:, None, :] + log_weights[0]  # varies along columns
    second = per_theta[:, :, None] + log_weights[1]  # varies along rows
    per_observation = logsumexp(np.stack(np.broadcast_arrays(first, second)), axis=0)
    return per_observation.sum(axis=0) + log_binomial_coefficients(data).sum()


def plane_points(grid: int = PLANE_GRID) -> NDArray[np.float64]:
    """The plane's cell centres (grid * grid, 2) in the order of ``plane_field``'s cells, for checks."""
    return grid_points((0.0, 1.0), (0.0, 1.0), (grid, grid))


def contour_levels(field: NDArray[np.floating]) -> NDArray[np.float64]:
    """Levels ``CONTOUR_DROPS`` below the field's highest value, lowest first."""
    top = float(np.max(field))
    return np.sort(top - np.asarray(CONTOUR_DROPS))
