"""SQUAREM: fewer EM iterations where EM crawls, with EM's own guarantee that the likelihood never drops.

Plain EM converges linearly, and slowly where components overlap: an over-fitted mixture can creep along
a ridge of the likelihood for thousands of iterations. SQUAREM (Varadhan and Roland, "Simple and globally
convergent methods for accelerating the convergence of any EM algorithm", Scandinavian Journal of
Statistics 35, 2008; their scheme S3) extrapolates along EM's own path. From parameters ``p0`` it takes
two EM steps, ``p1 = F(p0)`` and ``p2 = F(p1)``; with ``r = p1 - p0``, ``v = p2 - 2 p1 + p0`` and the step
length ``a = -|r| / |v|`` (at most -1), the point ``p0 - 2 a r + a^2 v`` is one EM step away from the
next parameters (``a = -1`` is exactly ``p2``). The loop (``engine.em``) accepts that step only if the
log-likelihood did not drop below that of ``p1``, halving the step towards -1 otherwise, and falls back to
plain EM's ``p2`` after a failed try or whenever an M-step re-seeded a component. Every accepted point is
an M-step's output, so it carries ``reg_covar`` and the locks like any EM iterate.

The extrapolation works on an unconstrained vector of the parameters, so any step gives valid ones:
log-weights, means, and each covariance's Cholesky factor with a log diagonal (positive definite by
construction). A family that cannot be vectorised (no ``to_vector``) is not accelerated.

It is off by default: the window shows plain EM, half-step by half-step, to teach it. ``select`` turns
it on for the continuation of each cell to its optimum and for the cross-validation fits.
"""

from __future__ import annotations

import functools

import numpy as np
from numpy.typing import NDArray

from engine.covariance import CovarianceType, batched_cholesky
from engine.params import MixtureParams

#: Halvings of a failed step towards -1 (plain EM) before falling back to plain EM.
MAX_BACKTRACKS = 3


@functools.cache
def _lower_triangle(n_features: int) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """``np.tril_indices(n_features)``, made once per width (read-only): every SQUAREM step vectorises the
    parameters several times, and building the indices cost about a tenth of a small data set's selection."""
    rows, columns = np.tril_indices(n_features)
    rows.flags.writeable = columns.flags.writeable = False
    return rows, columns


def _log_cholesky(matrices: NDArray, tri: tuple[NDArray, NDArray]) -> NDArray | None:
    """Lower-triangle entries of each matrix's Cholesky factor, the diagonal's logarithm; None if not SPD."""
    chol, ok = batched_cholesky(matrices)
    if not ok.all():
        return None
    diagonal = np.arange(matrices.shape[-1])
    chol[:, diagonal, diagonal] = np.log(chol[:, diagonal, diagonal])
    return chol[:, tri[0], tri[1]].ravel()


def _from_log_cholesky(values: NDArray, count: int, n_features: int, tri: tuple[NDArray, NDArray]) -> NDArray:
    chol = np.zeros((count, n_features, n_features))
    chol[:, tri[0], tri[1]] = values.reshape(count, -1)
    diagonal = np.arange(n_features)
    chol[:, diagonal, diagonal] = np.exp(chol[:, diagonal, diagonal])
    return chol @ np.swapaxes(chol, 1, 2)


def gaussian_to_vector(params: MixtureParams) -> NDArray[np.float64] | None:
    """The parameters as one unconstrained vector, or None when they have a zero weight (or a covariance
    that is not positive definite): then they are not extrapolated."""
    if not np.all(params.weights > 0):
        return None
    d = params.n_features
    covariance_type = params.covariance_type
    tri = _lower_triangle(d)
    if covariance_type is CovarianceType.FULL:
        covariances = _log_cholesky(params.covariances, tri)
    elif covariance_type is CovarianceType.TIED:
        covariances = _log_cholesky(params.covariances[None], tri)
    else:
        covariances = 0.5 * np.log(np.asarray(params.covariances).ravel()) if np.all(params.covariances > 0) else None
    if covariances is None:
        return None
    return np.concatenate([np.log(params.weights), params.means.ravel(), covariances])


def gaussian_from_vector(vector: NDArray[np.float64], like: MixtureParams) -> MixtureParams | None:
    """Parameters shaped like ``like`` from a vector of ``gaussian_to_vector``; None if they are not finite."""
    if not np.all(np.isfinite(vector)):
        return None
    k, d = like.n_components, like.n_features
    log_weights, means, rest = vector[:k], vector[k:k + k * d], vector[k + k * d:]
    weights = np.exp(log_weights - log_weights.max())
    weights /= weights.sum()
    tri = _lower_triangle(d)
    covariance_type = like.covariance_type
    with np.errstate(over="ignore", invalid="ignore"):
        if covariance_type is CovarianceType.FULL:
            covariances = _from_log_cholesky(rest, k, d, tri)
        elif covariance_type is CovarianceType.TIED:
            covariances = _from_log_cholesky(rest, 1, d, tri)[0]
        else:
            covariances = np.exp(2.0 * rest).reshape(np.shape(like.covariances))
    if not (np.all(np.isfinite(covariances)) and np.all(np.isfinite(weights))):
        return None
    try:
        return MixtureParams.from_covariances(weights, means.reshape(k, d), covariances, covariance_type)
    except ArithmeticError:  # FitError: a covariance that rounding made singular
        return None


def step_length(p0: NDArray, p1: NDArray, p2: NDArray) -> float:
    """SQUAREM's S3 step length ``-|r| / |v|``, at most -1 (-1: plain EM's two steps)."""
    r, v = p1 - p0, p2 - 2.0 * p1 + p0
    norm_v = float(np.linalg.norm(v))
    if not norm_v > 0.0:
        return -1.0
    return min(-1.0, -float(np.linalg.norm(r)) / norm_v)


def extrapolate(p0: NDArray, p1: NDArray, p2: NDArray, alpha: float) -> NDArray:
    """``p0 - 2 alpha r + alpha^2 v`` with ``r = p1 - p0`` and ``v = p2 - 2 p1 + p0``."""
    r, v = p1 - p0, p2 - 2.0 * p1 + p0
    return p0 - 2.0 * alpha * r + alpha * alpha * v
