"""Sufficient statistics of an E-step and the M-step that turns them into parameters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import linalg

from engine.covariance import PRECISIONS_CHOL, CovarianceType
from engine.errors import FitError
from engine.params import MixtureParams, frozen_array

#: A component whose summed responsibility falls below this many samples' worth has collapsed.
COLLAPSED_NK = 1e-3
#: ... and so has one with a variance below this fraction of the data's (see ``_collapsed_components``).
COLLAPSED_VARIANCE = 1e-10


@dataclass(frozen=True, slots=True)
class SufficientStats:
    """What the M-step needs from the data, for any way of computing it.

    Attributes
    ----------
    covariance_type : CovarianceType
    nk : ndarray of shape (n_components,)
        Summed responsibilities plus ``10 * eps`` (scikit-learn's guard against division by zero).
    means : ndarray of shape (n_components, n_features)
        Responsibility-weighted means.
    covariances : ndarray, shaped for ``covariance_type``
        Responsibility-weighted covariances about ``means``, before ``reg_covar`` is added.
    """

    covariance_type: CovarianceType
    nk: NDArray[np.float64]
    means: NDArray[np.float64]
    covariances: NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Reseed:
    """Where collapsed components go. Both callables run only when a component has collapsed.

    Attributes
    ----------
    points : callable (count) -> ndarray of shape (count, n_features)
        The worst-explained samples (lowest mixture density first); collapsed components move there.
    data_covariance : callable () -> ndarray of shape (n_features, n_features)
        Covariance of the whole data set, the covariance a re-seeded component starts from.
    n_samples : int
        A re-seeded component gets the weight of one sample.
    """

    points: Callable[[int], NDArray[np.float64]]
    data_covariance: Callable[[], NDArray[np.float64]]
    n_samples: int


def add_reg_covar(covariances: NDArray, covariance_type: CovarianceType, reg_covar: float) -> NDArray:
    """Covariances with ``reg_covar`` added to every diagonal (a new array)."""
    covariances = np.array(covariances, dtype=float, copy=True)
    if covariance_type is CovarianceType.FULL:
        n_features = covariances.shape[-1]
        covariances.reshape(len(covariances), -1)[:, :: n_features + 1] += reg_covar
    elif covariance_type is CovarianceType.TIED:
        covariances.flat[:: covariances.shape[0] + 1] += reg_covar
    else:
        covariances += reg_covar
    return covariances


def _component_covariance(data_covariance: NDArray, covariance_type: CovarianceType) -> NDArray:
    """One component's covariance, shaped for the type, from a full (D, D) covariance."""
    if covariance_type is CovarianceType.FULL:
        return data_covariance
    if covariance_type is CovarianceType.DIAG:
        return np.diag(data_covariance).copy()
    return np.asarray(np.diag(data_covariance).mean())


def _collapsed_components(covariances: NDArray, covariance_type: CovarianceType, data_variances: NDArray | None):
    """Components whose covariance is singular, or singular up to rounding.

    In each feature's own units (divided by the data's variance of that feature), a component has
    collapsed when a variance, or for full covariances a squared Cholesky pivot (a conditional
    variance), is below ``COLLAPSED_VARIANCE``: a component sitting on one sample has a covariance of
    zero only up to rounding, so "the Cholesky factorisation failed" alone would miss it. A tied
    covariance is shared and cannot be re-seeded: it is left to fail as a whole.
    """
    if covariance_type is CovarianceType.TIED:
        return []
    if data_variances is None:
        data_variances = np.ones(covariances.shape[-1] if covariances.ndim > 1 else 1)
    units = np.sqrt(np.where(data_variances > 0, data_variances, 1.0))
    if covariance_type is CovarianceType.FULL:
        standard = covariances / np.outer(units, units)
        return [k for k, matrix in enumerate(standard) if _smallest_pivot_squared(matrix) < COLLAPSED_VARIANCE]
    if covariance_type is CovarianceType.DIAG:
        relative = covariances / units**2
    else:
        relative = (covariances / np.mean(units**2))[:, None]
    collapsed = ~np.all(np.isfinite(relative), axis=1) | np.any(relative < COLLAPSED_VARIANCE, axis=1)
    return np.flatnonzero(collapsed).tolist()


def _smallest_pivot_squared(matrix: NDArray) -> float:
    """Smallest squared diagonal entry of the Cholesky factor; -inf when there is none."""
    try:
        pivots = np.diag(linalg.cholesky(matrix, lower=True))
    except (linalg.LinAlgError, ValueError):
        return -np.inf
    return float(np.min(pivots**2)) if np.all(np.isfinite(pivots)) else -np.inf


def m_step(stats: SufficientStats, reg_covar: float, reseed: Reseed | None = None) -> tuple[MixtureParams, tuple]:
    """New parameters from sufficient statistics, re-seeding collapsed components.

    A component has collapsed when its summed responsibility is below ``COLLAPSED_NK`` or its
    covariance is singular, or singular up to rounding, even after ``reg_covar`` (a variance below
    ``COLLAPSED_VARIANCE`` times the data's; see ``_collapsed_components``). It is moved to one of the
    worst-explained samples, with the covariance of the whole data set (plus ``reg_covar``) and the
    weight of one sample; the weights are then normalised again. Without ``reseed`` (or with a tied
    covariance that is singular) a collapse raises ``FitError``.

    Returns
    -------
    params : MixtureParams
    reseeded : tuple of int
        The components that were re-seeded (empty in a healthy iteration).
    """
    covariance_type = stats.covariance_type
    weights = stats.nk / stats.nk.sum()
    means = stats.means
    covariances = add_reg_covar(stats.covariances, covariance_type, reg_covar)
    data_variances = None if reseed is None else np.diag(reseed.data_covariance())
    collapsed = sorted(set(np.flatnonzero(stats.nk < COLLAPSED_NK).tolist())
                       | set(_collapsed_components(covariances, covariance_type, data_variances)))
    if collapsed and reseed is not None:
        weights, means = weights.copy(), means.copy()
        fallback = _component_covariance(add_reg_covar(reseed.data_covariance(), CovarianceType.TIED, reg_covar),
                                         covariance_type)
        points = reseed.points(len(collapsed))
        for slot, k in enumerate(collapsed):
            means[k] = points[slot % len(points)]
            weights[k] = 1.0 / reseed.n_samples
            if covariance_type is not CovarianceType.TIED:
                covariances[k] = fallback
        weights /= weights.sum()
    elif collapsed:
        raise FitError(f"component {collapsed[0]} collapsed (no samples or a singular covariance): use fewer "
                       "components, a larger reg_covar, or rescale the data.")
    params = MixtureParams(covariance_type, frozen_array(weights), frozen_array(means), frozen_array(covariances),
                           frozen_array(PRECISIONS_CHOL[covariance_type](covariances)))
    return params, tuple(collapsed)
