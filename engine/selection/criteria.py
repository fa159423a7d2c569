"""The numbers that rank a selection's cells: BIC, AIC, ICL, held-out log-likelihood, and degeneracy.

Signs (ours, as scikit-learn's ``bic()`` and ``aic()``: lower is better), with ``L`` the total
log-likelihood of the N rows, ``p`` the number of free parameters (``engine.model.n_parameters``) and
``r_ik`` the responsibilities:

    BIC = -2 L + p log N                AIC = -2 L + 2 p
    ICL = BIC - 2 sum_i log(max_k r_ik)  (>= BIC: the classification's entropy penalty)

mclust reports the same quantities with the opposite sign (higher is better): mclust's BIC = -ours, and
mclust's ICL = -ours. ``log(max_k r_ik)`` is computed in log space, as the largest weighted
log-density of row i minus their log-sum-exp, never as the log of a rounded responsibility.

The cross-validated held-out log-likelihood (higher is better) is the sum over the v folds of the
log-likelihood of the fold's rows under the model fitted to the other rows, divided by N: a mean per row,
each row held out once. The folds come from one seeded permutation (row ``perm[j]`` is in fold ``j mod
v``), the same for every cell.

A fitted mixture is *degenerate* (marked, never chosen) when one of its components

- sits at the ``reg_covar`` floor in some direction: the smallest eigenvalue of its covariance minus
  ``reg_covar`` (the variance the data itself gave it there) is at most ``FLOOR_MARGIN`` times ``reg_covar``,
  or, measured in units of the data's own spread (each feature divided by its standard deviation), at most
  ``RELATIVE_FLOOR`` (what rounding leaves of a variance the data did not give: this catches collapses when
  ``reg_covar`` is 0 or tiny against the data's scale);
- explains fewer than D + 1 rows' worth of weight (``N * weight < D + 1``: fewer than a full covariance
  needs to be non-singular).

For a tied covariance the floor test applies to the one shared matrix.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from engine.density import log_resp_and_norm
from engine.model import aic_from, bic_from, n_parameters
from engine.params import MixtureParams

#: The data gave a component at most this fraction of reg_covar as variance in some direction: degenerate.
FLOOR_MARGIN = 0.1
#: ... or at most this variance in units of the data's own variance (rounding of a zero variance).
RELATIVE_FLOOR = 1e-10
#: Rows per block when responsibilities are computed for ICL (bounds the rows x K temporaries).
ICL_BLOCK_ROWS = 65536


def information_criteria(params: MixtureParams, mean_log_likelihood: float,
                         n_samples: int) -> tuple[int, float, float]:
    """``(n_parameters, BIC, AIC)`` of fitted parameters, exactly as scikit-learn's ``bic()`` and ``aic()``.

    Parameters
    ----------
    params : MixtureParams
    mean_log_likelihood : float
        Mean per-row log-likelihood of the data under ``params``.
    n_samples : int
    """
    return (n_parameters(params), bic_from(mean_log_likelihood, n_samples, params),
            aic_from(mean_log_likelihood, n_samples, params))


def sum_log_max_responsibility(X: NDArray[np.floating], params: MixtureParams,
                               sample_weight: NDArray[np.float64] | None = None) -> float:
    """``sum_i w_i log(max_k r_ik)`` over the rows of ``X`` (n_samples, n_features), in log space; <= 0
    (``w_i = 1`` without ``sample_weight``, shape (n_samples,))."""
    total = 0.0
    for start in range(0, X.shape[0], ICL_BLOCK_ROWS):
        log_resp, _ = log_resp_and_norm(np.asarray(X[start:start + ICL_BLOCK_ROWS], dtype=np.float64), params)
        best = np.max(log_resp, axis=1)
        total += float(best.sum() if sample_weight is None else sample_weight[start:start + ICL_BLOCK_ROWS] @ best)
    return min(total, 0.0)


def icl_from(bic: float, log_max_responsibility: float) -> float:
    """ICL in our sign (lower is better): ``BIC - 2 sum_i log(max_k r_ik)``."""
    return float(bic - 2.0 * log_max_responsibility)


def data_spread(X: NDArray[np.floating], sample_weight: NDArray[np.float64] | None = None) -> NDArray[np.float64]:
    """Standard deviation of each column of ``X`` (n_samples, n_features), weighted by ``sample_weight``
    (n_samples,) if given; 1 where a column is constant."""
    X = np.asarray(X, dtype=np.float64)
    if sample_weight is None:
        spread = np.std(X, axis=0)
    else:
        mean = sample_weight @ X / sample_weight.sum()
        spread = np.sqrt(sample_weight @ (X - mean) ** 2 / sample_weight.sum())
    return np.where(spread > 0, spread, 1.0)


def degenerate_reason(params: MixtureParams, n_samples: int, reg_covar: float,
                      spread: NDArray[np.float64]) -> str | None:
    """Why a fitted mixture is degenerate (see the module docstring), or None when it is not.

    Parameters
    ----------
    params : MixtureParams
    n_samples : int or float
        Rows it was fitted to (with sample weights, their sum).
    reg_covar : float
        What the fit added to every variance.
    spread : ndarray of shape (n_features,)
        The data's standard deviation per feature (``data_spread``).

    Returns
    -------
    str or None
        One phrase naming the first such component, e.g. ``"component 2 explains 1.9 rows (fewer than
        D + 1 = 3)"``.
    """
    n_features = params.n_features
    weights = np.asarray(params.weights, dtype=float) * n_samples
    light = np.flatnonzero(weights < n_features + 1)
    if light.size:
        k = int(light[0])
        return f"component {k} explains {weights[k]:.3g} rows (fewer than D + 1 = {n_features + 1})"
    own = params.full_covariances() - reg_covar * np.eye(n_features)  # what the data gave: (K, D, D)
    if params.covariance_type.value == "tied":
        own = own[:1]
    smallest = np.linalg.eigvalsh(own)[:, 0]
    relative = np.linalg.eigvalsh(own / np.outer(spread, spread))[:, 0]
    floored = np.flatnonzero((smallest <= FLOOR_MARGIN * reg_covar) | (relative <= RELATIVE_FLOOR))
    if floored.size:
        k = int(floored[0])
        who = "the shared covariance" if params.covariance_type.value == "tied" else f"component {k}"
        return (f"{who} has variance {max(float(smallest[k]), 0.0):.3g} beyond reg_covar in some direction "
                "(at the reg_covar floor)")
    return None


def fold_of_rows(n_samples: int, folds: int, rng: np.random.Generator) -> NDArray[np.intp]:
    """Each row's fold, 0 to ``folds - 1``, from one permutation: shape (n_samples,); sizes differ by at most 1."""
    fold = np.empty(n_samples, dtype=np.intp)
    fold[rng.permutation(n_samples)] = np.arange(n_samples) % folds
    return fold


__all__ = [
    "FLOOR_MARGIN",
    "RELATIVE_FLOOR",
    "data_spread",
    "degenerate_reason",
    "fold_of_rows",
    "icl_from",
    "information_criteria",
    "sum_log_max_responsibility",
]
