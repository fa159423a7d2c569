"""Sufficient statistics of an E-step and the M-step that turns them into parameters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from engine.covariance import (
    FROM_FULL,
    PRECISIONS_CHOL,
    CovarianceType,
    batched_cholesky,
    full_covariances,
    precisions_chol_from_cholesky,
)
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
    n_samples : float
        A re-seeded component gets the weight of one sample (``sample / n_samples``); with sample weights
        this is their sum ``W``.
    sample : float
        The weight of one sample (``engine.weights.sample_unit``: 1, or the mean positive weight when that
        is smaller). A component collapses below ``COLLAPSED_NK`` samples' worth: ``COLLAPSED_NK * sample``.
    """

    points: Callable[[int], NDArray[np.float64]]
    data_covariance: Callable[[], NDArray[np.float64]]
    n_samples: float
    sample: float = 1.0


def _add_to_diagonals(covariances: NDArray, reg_covar: float) -> None:
    n_features = covariances.shape[-1]
    covariances.reshape(len(covariances), -1)[:, :: n_features + 1] += reg_covar


def _add_to_diagonal(covariances: NDArray, reg_covar: float) -> None:
    covariances.flat[:: covariances.shape[0] + 1] += reg_covar


def _add_to_variances(covariances: NDArray, reg_covar: float) -> None:
    covariances += reg_covar


#: (covariances, reg_covar) -> None: adds ``reg_covar`` to every variance of ``covariances``, in place.
_ADD_REG_COVAR: dict[CovarianceType, Callable[[NDArray, float], None]] = {
    CovarianceType.FULL: _add_to_diagonals,
    CovarianceType.TIED: _add_to_diagonal,
    CovarianceType.DIAG: _add_to_variances,
    CovarianceType.SPHERICAL: _add_to_variances,
}


def add_reg_covar(covariances: NDArray, covariance_type: CovarianceType, reg_covar: float) -> NDArray:
    """Covariances (shaped for ``covariance_type``) with ``reg_covar`` added to every variance: a new array."""
    covariances = np.array(covariances, dtype=float, copy=True)
    _ADD_REG_COVAR[covariance_type](covariances, reg_covar)
    return covariances


def _second_moments(stats: SufficientStats) -> NDArray:
    """Each component's mean square about the data's centre, per feature: shape (n_components, n_features).

    The data's centre is the responsibility-weighted mean of the component means. A covariance computed
    from expanded sums carries a rounding error of about ``eps`` times this.
    """
    centre = stats.nk @ stats.means / stats.nk.sum()
    n_components, n_features = stats.means.shape
    full = full_covariances(stats.covariances, stats.covariance_type, n_components, n_features)
    variances = FROM_FULL[CovarianceType.DIAG](full, None)  # (n_components, n_features)
    return np.maximum(variances, 0.0) + (stats.means - centre) ** 2


def _units(second_moments: NDArray | None, n_components: int, n_features: int) -> NDArray:
    """Each component's scale per feature (the root of its second moment), ones without second moments."""
    if second_moments is None:
        return np.ones((n_components, n_features))
    return np.sqrt(np.where(second_moments > 0, second_moments, 1.0))


def _flagged(relative: NDArray, floor: float) -> list[int]:
    """Rows of ``relative`` (n_components, n) with a value that is not finite or not above ``floor``."""
    collapsed = ~np.all(np.isfinite(relative), axis=1) | np.any(~(relative > floor), axis=1)
    return np.flatnonzero(collapsed).tolist()


def _collapsed_full(covariances: NDArray, second_moments: NDArray | None, floor: float,
                    factor: tuple[NDArray, NDArray] | None = None) -> list[int]:
    # The Cholesky factor of the standardised matrix D^-1 C D^-1 is D^-1 L: its pivots (conditional
    # standard deviations, in the component's own units) are diag(L) / units, so one batched
    # factorisation of the covariances answers for every component.
    units = _units(second_moments, len(covariances), covariances.shape[-1])
    chol, ok = batched_cholesky(covariances) if factor is None else factor
    pivots = np.diagonal(chol, axis1=1, axis2=2) / units
    return np.flatnonzero(~ok | ~(np.min(pivots**2, axis=1, initial=np.inf) > floor)).tolist()


def _collapsed_tied(covariances: NDArray, second_moments: NDArray | None, floor: float,
                    factor: tuple[NDArray, NDArray] | None = None) -> list[int]:
    return []  # shared, so it cannot be re-seeded: a singular one fails as a whole when it is factorised


def _collapsed_diag(covariances: NDArray, second_moments: NDArray | None, floor: float,
                    factor: tuple[NDArray, NDArray] | None = None) -> list[int]:
    units = _units(second_moments, len(covariances), covariances.shape[-1])
    return _flagged(covariances / units**2, floor)


def _collapsed_spherical(covariances: NDArray, second_moments: NDArray | None, floor: float,
                         factor: tuple[NDArray, NDArray] | None = None) -> list[int]:
    units = _units(second_moments, len(covariances), 1)
    return _flagged((covariances / np.mean(units**2, axis=1))[:, None], floor)


#: (covariances, second_moments or None, floor) -> the components whose covariance has collapsed, in
#: order (see ``_collapsed_components``). ``second_moments`` has shape (n_components, n_features).
_COLLAPSED: dict[CovarianceType, Callable[[NDArray, NDArray | None, float], list[int]]] = {
    CovarianceType.FULL: _collapsed_full,
    CovarianceType.TIED: _collapsed_tied,
    CovarianceType.DIAG: _collapsed_diag,
    CovarianceType.SPHERICAL: _collapsed_spherical,
}


def _collapsed_components(covariances: NDArray, covariance_type: CovarianceType,
                          second_moments: NDArray | None,
                          factor: tuple[NDArray, NDArray] | None = None) -> list[int]:
    """Components whose covariance is singular, or singular up to rounding.

    A covariance that cannot be factorised (or is not finite) has collapsed. Without ``reg_covar``
    (``second_moments`` given), so has one whose variance, or for full covariances a squared Cholesky
    pivot (a conditional variance), is below ``COLLAPSED_VARIANCE`` times the component's own second
    moment: what is left is rounding, as when a component sits on one sample. With ``reg_covar > 0``
    every covariance that factorises is kept, as scikit-learn keeps it. A tied covariance is shared
    and cannot be re-seeded: it is left to fail as a whole.
    """
    floor = 0.0 if second_moments is None else COLLAPSED_VARIANCE
    return _COLLAPSED[covariance_type](covariances, second_moments, floor, factor)


def m_step(stats: SufficientStats, reg_covar: float, reseed: Reseed | None = None) -> tuple[MixtureParams, tuple]:
    """New parameters from sufficient statistics, re-seeding collapsed components.

    A component has collapsed when its summed responsibility is below ``COLLAPSED_NK`` or its
    covariance is singular even after ``reg_covar`` (with ``reg_covar = 0``, singular up to rounding;
    see ``_collapsed_components``). It is moved to one of the
    worst-explained samples, with the covariance of the whole data set (plus ``reg_covar``) and the
    weight of one sample; the weights are then normalised again. Without ``reseed`` (or with a tied
    covariance that is singular) a collapse raises ``FitError``.

    This is a choice of ours, not scikit-learn's: ``GaussianMixture`` keeps a component whose summed
    responsibility falls below ``COLLAPSED_NK`` (with a weight near 0, a mean and covariance from its
    few remaining responsibilities), so a fit in which a component is re-seeded differs from
    scikit-learn's from that iteration on. The re-seeds are reported: ``engine.em`` records each as a
    ``ReseedEvent`` (component, iteration) on the snapshots and on ``FitResult``, and
    ``gmm-explorer fit`` names them.

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
    # Full covariances are factorised once, for the collapse check and, when nothing collapsed, the precisions.
    factor = batched_cholesky(covariances) if covariance_type is CovarianceType.FULL else None
    sample = 1.0 if reseed is None else reseed.sample
    collapsed = sorted(set(np.flatnonzero(stats.nk < COLLAPSED_NK * sample).tolist())
                       | set(_collapsed_components(covariances, covariance_type, second_moments, factor)))
    if collapsed and reseed is not None:
        weights, means = weights.copy(), means.copy()
        fallback = FROM_FULL[covariance_type](
            add_reg_covar(reseed.data_covariance(), CovarianceType.TIED, reg_covar), None)
        points = reseed.points(len(collapsed))
        for slot, k in enumerate(collapsed):
            means[k] = points[slot % len(points)]
            weights[k] = sample / reseed.n_samples
            if covariance_type is not CovarianceType.TIED:
                covariances[k] = fallback
        weights /= weights.sum()
    elif collapsed:
        raise FitError(f"component {collapsed[0]} collapsed (no samples or a singular covariance): use fewer "
                       "components, a larger reg_covar, or rescale the data.")
    if factor is not None and not collapsed:
        precisions_chol = precisions_chol_from_cholesky(factor[0])
    else:
        precisions_chol = PRECISIONS_CHOL[covariance_type](covariances)
    params = MixtureParams(covariance_type, frozen_array(weights), frozen_array(means), frozen_array(covariances),
                           frozen_array(precisions_chol))
    return params, tuple(collapsed)
