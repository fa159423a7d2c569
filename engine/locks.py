"""Parameters held fixed or tied during EM: the classic constrained variants of the M-step.

Each lock replaces part of the M-step by the maximiser of the expected log-likelihood under that
constraint, so the log-likelihood still never decreases:

equal_weights       every weight is 1/K (with covariances fixed to a small sigma^2 I this is k-means' limit).
covariances FIXED   every covariance keeps its starting value (the textbook run with a known covariance).
covariances SHARED  one covariance for all components, the responsibility-weighted mean of theirs
                    (scikit-learn's "tied", but kept in the shape of the chosen covariance type).
frozen_components   these components keep weight, mean and covariance; the others share the rest of
                    the weight in proportion to their responsibilities.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from engine.covariance import PRECISIONS_CHOL, CovarianceType
from engine.params import MixtureParams, frozen_array
from engine.stats import SufficientStats


class CovarianceLock(StrEnum):
    FREE = "free"
    FIXED = "fixed"
    SHARED = "shared"


@dataclass(frozen=True, slots=True)
class Locks:
    """Which parameters EM may not move. The default locks nothing."""

    equal_weights: bool = False
    covariances: CovarianceLock = CovarianceLock.FREE
    frozen_components: tuple[int, ...] = ()

    @property
    def any(self) -> bool:
        return self.equal_weights or self.covariances is not CovarianceLock.FREE or bool(self.frozen_components)


def _shared(covariances: np.ndarray, fractions: np.ndarray) -> np.ndarray:
    """The ``fractions``-weighted mean of the covariances, repeated for every component (type-shaped).

    ``reg_covar`` is already in each covariance, and the fractions sum to one, so it stays as it is.
    """
    pooled = np.tensordot(fractions, covariances, axes=1)
    return np.broadcast_to(pooled, covariances.shape).copy()


def apply_locks(
    params: MixtureParams, previous: MixtureParams, stats: SufficientStats | None, locks: Locks, reg_covar: float
) -> MixtureParams:
    """The M-step's ``params`` with the locked parts taken from ``previous`` or recomputed.

    Parameters
    ----------
    params : MixtureParams
        What the unconstrained M-step gave.
    previous : MixtureParams
        The parameters before that M-step (the starting ones, for fixed covariances).
    stats : SufficientStats or None
        The statistics the M-step used (shared covariances are weighted by their ``nk``); None for
        starting parameters, whose covariances are then weighted by the weights.
    locks : Locks
    reg_covar : float
    """
    if not locks.any:
        return params
    covariance_type = params.covariance_type
    weights, means = params.weights.copy(), params.means.copy()
    covariances = params.covariances.copy()
    if locks.covariances is CovarianceLock.FIXED:
        covariances = previous.covariances.copy()
    elif locks.covariances is CovarianceLock.SHARED and covariance_type is not CovarianceType.TIED:
        fractions = params.weights if stats is None else stats.nk / stats.nk.sum()
        covariances = _shared(covariances, fractions)
    if locks.equal_weights:
        weights[:] = 1.0 / len(weights)
    frozen = [k for k in locks.frozen_components if 0 <= k < len(weights)]
    if frozen:
        free = np.setdiff1d(np.arange(len(weights)), frozen)
        weights[frozen] = previous.weights[frozen]
        if free.size and weights[free].sum() > 0:
            weights[free] *= (1.0 - weights[frozen].sum()) / weights[free].sum()
        means[frozen] = previous.means[frozen]
        if covariance_type is not CovarianceType.TIED:
            covariances[frozen] = previous.covariances[frozen]
    return MixtureParams(covariance_type, frozen_array(weights), frozen_array(means), frozen_array(covariances),
                         frozen_array(PRECISIONS_CHOL[covariance_type](covariances)))
