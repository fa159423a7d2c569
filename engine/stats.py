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
#: ... and, without reg_covar, one whose variance is this small a fraction of its own second moment
#: (rounding is all that is left; see ``_collapsed_components``).
COLLAPSED_VARIANCE = 1e-12


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


def _second_moments(stats: SufficientStats) -> NDArray:
    """Each component's mean square about the data's centre, per feature: shape (n_components, n_features).

    The data's centre is the responsibility-weighted mean of the component means. A covariance computed
    from expanded sums carries a rounding error of about ``eps`` times this.
    """
    centre = stats.nk @ stats.means / stats.nk.sum()
    variances = {
        CovarianceType.FULL: lambda c: np.diagonal(c, axis1=1, axis2=2),
        CovarianceType.DIAG: lambda c: c,
        CovarianceType.SPHERICAL: lambda c: np.repeat(c[:, None], stats.means.shape[1], axis=1),
    }[stats.covariance_type](stats.covariances)
    return np.maximum(variances, 0.0) + (stats.means - centre) ** 2


def _collapsed_components(covariances: NDArray, covariance_type: CovarianceType, second_moments: NDArray | None):
    """Components whose covariance is singular, or singular up to rounding.

    A covariance that cannot be factorised (or is not finite) has collapsed. Without ``reg_covar``
    (``second_moments`` given), so has one whose variance, or for full covariances a squared Cholesky
    pivot (a conditional variance), is below ``COLLAPSED_VARIANCE`` times the component's own second
    moment: what is left is rounding, as when a component sits on one sample. With ``reg_covar > 0``
    every covariance that factorises is kept, as scikit-learn keeps it. A tied covariance is shared
    and cannot be re-seeded: it is left to fail as a whole.
    """
    if covariance_type is CovarianceType.TIED:
        return []
    n_features = second_moments.shape[1] if second_moments is not None else (
        covariances.shape[-1] if covariance_type is not CovarianceType.SPHERICAL else 1)
    if second_moments is None:
        floor, units = 0.0, np.ones((len(covariances), n_features))
    else:
        floor, units = COLLAPSED_VARIANCE, np.sqrt(np.where(second_moments > 0, second_moments, 1.0))
    if covariance_type is CovarianceType.FULL:
        standard = covariances / (units[:, :, None] * units[:, None, :])
        return [k for k, matrix in enumerate(standard) if not _smallest_pivot_squared(matrix) > floor]
    if covariance_type is CovarianceType.DIAG:
        relative = covariances / units**2
    else:
        relative = (covariances / np.mean(units**2, axis=1))[:, None]
    collapsed = ~np.all(np.isfinite(relative), axis=1) | np.any(~(relative > floor), axis=1)
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
    covariance is singular even after ``reg_covar`` (with ``reg_covar = 0``, singular up to rounding;
    see ``_collapsed_components``). It is moved to one of the
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
    second_moments = _second_moments(stats) if reg_covar == 0 and covariance_type is not CovarianceType.TIED else None
    collapsed = sorted(set(np.flatnonzero(stats.nk < COLLAPSED_NK).tolist())
                       | set(_collapsed_components(covariances, covariance_type, second_moments)))
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
