"""Covariance types and the maths that depends on them.

Every operation whose formula depends on the covariance type is a table
``dict[CovarianceType, Callable]`` of functions sharing one signature, as in scikit-learn's mixture
module; ``tests/test_covariance.py`` checks that every table covers every type.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

import numpy as np
from numpy.typing import NDArray
from scipy import linalg

from engine.errors import FitError

FloatArray = NDArray[np.floating]


class CovarianceType(StrEnum):
    """How the components' covariances are constrained.

    With ``K`` components in ``D`` dimensions, the arrays have these shapes
    (``covariances`` as scikit-learn's ``covariances_``, ``precisions_chol`` as its
    ``precisions_cholesky_``):

    ==========  =====================  ====================================================
    type        covariances            meaning
    ==========  =====================  ====================================================
    full        (K, D, D)              each component has its own general covariance
    tied        (D, D)                 all components share one general covariance
    diag        (K, D)                 each component has its own diagonal covariance
    spherical   (K,)                   each component has its own variance times identity
    ==========  =====================  ====================================================

    ``precisions_chol`` has the same shape as ``covariances``. For full and tied it is the upper
    triangular ``U`` with ``precision = U @ U.T`` (``X @ U`` whitens the data); for diag and
    spherical it is ``1 / sqrt(covariance)``.
    """

    FULL = "full"
    TIED = "tied"
    DIAG = "diag"
    SPHERICAL = "spherical"


_REMEDY = "use fewer components, a larger reg_covar, or rescale the data"


def _cholesky_of_precision(covariance: FloatArray, component: int | None) -> FloatArray:
    """Upper-triangular ``U`` with ``inv(covariance) = U @ U.T``, by a triangular solve."""
    try:
        cov_chol = linalg.cholesky(covariance, lower=True)
    except (linalg.LinAlgError, ValueError):  # ValueError: scipy refuses NaN and infinity up front
        cov_chol = None
    if cov_chol is None or not np.all(np.isfinite(cov_chol)):
        which = "the shared covariance" if component is None else f"the covariance of component {component}"
        raise FitError(f"{which} is not positive definite (a collapsed component): {_REMEDY}.")
    dim = covariance.shape[0]
    return linalg.solve_triangular(cov_chol, np.eye(dim), lower=True).T


def _precisions_chol_full(covariances: FloatArray) -> FloatArray:
    return np.stack([_cholesky_of_precision(cov, k) for k, cov in enumerate(covariances)])


def _precisions_chol_tied(covariances: FloatArray) -> FloatArray:
    return _cholesky_of_precision(covariances, None)


def _precisions_chol_scaled(covariances: FloatArray) -> FloatArray:
    if np.any(covariances <= 0.0) or not np.all(np.isfinite(covariances)):
        bad = np.flatnonzero(~(covariances > 0.0).reshape(len(covariances), -1).all(axis=1) |
                             ~np.isfinite(covariances).reshape(len(covariances), -1).all(axis=1))
        raise FitError(
            f"the variance of component {int(bad[0])} is not positive (a collapsed component): {_REMEDY}."
        )
    return 1.0 / np.sqrt(covariances)


#: covariances -> precisions_chol (raises ``FitError`` naming the component that is not SPD).
PRECISIONS_CHOL: dict[CovarianceType, Callable[[FloatArray], FloatArray]] = {
    CovarianceType.FULL: _precisions_chol_full,
    CovarianceType.TIED: _precisions_chol_tied,
    CovarianceType.DIAG: _precisions_chol_scaled,
    CovarianceType.SPHERICAL: _precisions_chol_scaled,
}


def _covariances_full(precisions_chol: FloatArray) -> FloatArray:
    return np.stack([_covariances_tied(u) for u in precisions_chol])


def _covariances_tied(precisions_chol: FloatArray) -> FloatArray:
    # precision = U U^T, so covariance = inv(U)^T inv(U); inv(U) by a triangular solve.
    u_inv = linalg.solve_triangular(precisions_chol, np.eye(len(precisions_chol)), lower=False)
    return u_inv.T @ u_inv


def _covariances_scaled(precisions_chol: FloatArray) -> FloatArray:
    return 1.0 / precisions_chol**2


#: precisions_chol -> covariances (the inverse of ``PRECISIONS_CHOL``).
COVARIANCES_FROM_PRECISIONS_CHOL: dict[CovarianceType, Callable[[FloatArray], FloatArray]] = {
    CovarianceType.FULL: _covariances_full,
    CovarianceType.TIED: _covariances_tied,
    CovarianceType.DIAG: _covariances_scaled,
    CovarianceType.SPHERICAL: _covariances_scaled,
}


def _log_det_full(precisions_chol: FloatArray, n_features: int) -> FloatArray:
    return np.log(np.diagonal(precisions_chol, axis1=1, axis2=2)).sum(axis=1)


def _log_det_tied(precisions_chol: FloatArray, n_features: int) -> FloatArray:
    return np.log(np.diag(precisions_chol)).sum()


def _log_det_diag(precisions_chol: FloatArray, n_features: int) -> FloatArray:
    return np.log(precisions_chol).sum(axis=1)


def _log_det_spherical(precisions_chol: FloatArray, n_features: int) -> FloatArray:
    return n_features * np.log(precisions_chol)


#: (precisions_chol, n_features) -> log det of each component's precision Cholesky factor,
#: that is half the log-determinant of its precision: shape (K,) or a scalar for tied.
LOG_DET_PRECISIONS_CHOL: dict[CovarianceType, Callable[[FloatArray, int], FloatArray]] = {
    CovarianceType.FULL: _log_det_full,
    CovarianceType.TIED: _log_det_tied,
    CovarianceType.DIAG: _log_det_diag,
    CovarianceType.SPHERICAL: _log_det_spherical,
}


def full_covariances(
    covariances: FloatArray, covariance_type: CovarianceType, n_components: int, n_features: int
) -> FloatArray:
    """Expand covariances of any type to full matrices.

    Parameters
    ----------
    covariances : ndarray, shaped for ``covariance_type`` (see ``CovarianceType``)
    covariance_type : CovarianceType
    n_components, n_features : int

    Returns
    -------
    ndarray of shape (n_components, n_features, n_features)
    """
    covariances = np.asarray(covariances, dtype=float)
    eye = np.eye(n_features)
    return {
        CovarianceType.FULL: lambda: covariances.copy(),
        CovarianceType.TIED: lambda: np.broadcast_to(covariances, (n_components, n_features, n_features)).copy(),
        CovarianceType.DIAG: lambda: covariances[:, :, None] * eye,
        CovarianceType.SPHERICAL: lambda: covariances[:, None, None] * eye,
    }[CovarianceType(covariance_type)]()


def n_covariance_parameters(covariance_type: CovarianceType, n_components: int, n_features: int) -> int:
    """Number of free parameters in the covariances of ``n_components`` components."""
    per_matrix = n_features * (n_features + 1) // 2
    return {
        CovarianceType.FULL: n_components * per_matrix,
        CovarianceType.TIED: per_matrix,
        CovarianceType.DIAG: n_components * n_features,
        CovarianceType.SPHERICAL: n_components,
    }[CovarianceType(covariance_type)]


def covariance_shape(covariance_type: CovarianceType, n_components: int, n_features: int) -> tuple[int, ...]:
    """Expected shape of ``covariances`` (and ``precisions_chol``) for a covariance type."""
    return {
        CovarianceType.FULL: (n_components, n_features, n_features),
        CovarianceType.TIED: (n_features, n_features),
        CovarianceType.DIAG: (n_components, n_features),
        CovarianceType.SPHERICAL: (n_components,),
    }[CovarianceType(covariance_type)]
