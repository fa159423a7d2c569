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


def batched_cholesky(matrices: FloatArray) -> tuple[FloatArray, NDArray[np.bool_]]:
    """Lower Cholesky factors of a stack of symmetric matrices, and which of them have one.

    One LAPACK call for the whole stack (``numpy.linalg.cholesky``), so a mixture of many small
    components is not dominated by per-call overhead; only when some matrix is not positive definite
    are they factorised one by one, to tell which.

    Parameters
    ----------
    matrices : ndarray of shape (n_matrices, n_features, n_features)

    Returns
    -------
    chol : ndarray of shape (n_matrices, n_features, n_features)
        ``L`` with ``matrix = L @ L.T`` where ``ok``; NaN elsewhere.
    ok : ndarray of shape (n_matrices,), bool
        Whether the matrix is finite and positive definite (its factor finite).
    """
    matrices = np.asarray(matrices, dtype=float)
    finite = np.isfinite(matrices).all(axis=(1, 2))
    try:
        chol = np.linalg.cholesky(np.where(finite[:, None, None], matrices, np.eye(matrices.shape[-1])))
    except np.linalg.LinAlgError:
        chol = np.full_like(matrices, np.nan)
        for k in np.flatnonzero(finite):
            try:
                chol[k] = np.linalg.cholesky(matrices[k])
            except np.linalg.LinAlgError:
                pass
    ok = finite & np.isfinite(chol).all(axis=(1, 2))
    chol[~ok] = np.nan
    return chol, ok


def precisions_chol_from_cholesky(chol: FloatArray) -> FloatArray:
    """Upper ``U`` with ``inv(C) = U @ U.T`` from lower ``L`` with ``C = L @ L.T``, stacked: ``U = inv(L).T``.

    Found by solving ``L X = I`` (never by inverting ``C``); shape as ``chol``, (..., D, D).
    """
    eye = np.broadcast_to(np.eye(chol.shape[-1]), chol.shape)
    # The solve is a general one (batched): its result is triangular up to rounding below the diagonal,
    # where the exact inverse of a triangular factor has zeros.
    return np.triu(np.swapaxes(np.linalg.solve(chol, eye), -1, -2))


def _not_positive_definite(component: int | None) -> FitError:
    which = "the shared covariance" if component is None else f"the covariance of component {component}"
    return FitError(f"{which} is not positive definite (a collapsed component): {_REMEDY}.")


def _precisions_chol_full(covariances: FloatArray) -> FloatArray:
    chol, ok = batched_cholesky(covariances)
    if not ok.all():
        raise _not_positive_definite(int(np.flatnonzero(~ok)[0]))
    return precisions_chol_from_cholesky(chol)


def _precisions_chol_tied(covariances: FloatArray) -> FloatArray:
    chol, ok = batched_cholesky(np.asarray(covariances, dtype=float)[None])
    if not ok[0]:
        raise _not_positive_definite(None)
    return precisions_chol_from_cholesky(chol)[0]


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
    # precision = U U^T, so covariance = inv(U)^T inv(U); inv(U) by solving U X = I, for the whole stack.
    eye = np.broadcast_to(np.eye(precisions_chol.shape[-1]), precisions_chol.shape)
    u_inv = np.triu(np.linalg.solve(precisions_chol, eye))  # upper triangular, as inv(U) is exactly
    return np.swapaxes(u_inv, -1, -2) @ u_inv


def _covariances_tied(precisions_chol: FloatArray) -> FloatArray:
    return _covariances_full(np.asarray(precisions_chol)[None])[0]


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


def _expand_full(covariances: FloatArray, n_components: int, n_features: int) -> FloatArray:
    return covariances.copy()


def _expand_tied(covariances: FloatArray, n_components: int, n_features: int) -> FloatArray:
    return np.broadcast_to(covariances, (n_components, n_features, n_features)).copy()


def _expand_diag(covariances: FloatArray, n_components: int, n_features: int) -> FloatArray:
    return covariances[:, :, None] * np.eye(n_features)


def _expand_spherical(covariances: FloatArray, n_components: int, n_features: int) -> FloatArray:
    return covariances[:, None, None] * np.eye(n_features)


#: (covariances, n_components, n_features) -> full matrices of shape (n_components, n_features, n_features),
#: a new array.
TO_FULL: dict[CovarianceType, Callable[[FloatArray, int, int], FloatArray]] = {
    CovarianceType.FULL: _expand_full,
    CovarianceType.TIED: _expand_tied,
    CovarianceType.DIAG: _expand_diag,
    CovarianceType.SPHERICAL: _expand_spherical,
}


def _reduce_to_full(full: FloatArray, weights: FloatArray | None) -> FloatArray:
    return np.array(full, dtype=float, copy=True)


def _reduce_to_tied(full: FloatArray, weights: FloatArray | None) -> FloatArray:
    if full.ndim == 2:
        return np.array(full, dtype=float, copy=True)
    weights = np.full(len(full), 1.0 / len(full)) if weights is None else weights
    return np.tensordot(weights, full, axes=1)


def _reduce_to_diag(full: FloatArray, weights: FloatArray | None) -> FloatArray:
    return np.diagonal(full, axis1=-2, axis2=-1).copy()


def _reduce_to_spherical(full: FloatArray, weights: FloatArray | None) -> FloatArray:
    return np.diagonal(full, axis1=-2, axis2=-1).mean(axis=-1)


#: (full, weights) -> the covariance type's nearest shape: ``full`` is one matrix (D, D) or a stack
#: (K, D, D); the result is shaped for the type per matrix (full: the same matrices, diag: their diagonals,
#: spherical: their mean variances). Tied pools a stack by ``weights`` of shape (K,) (equal weights when
#: None) into one (D, D) matrix; ``weights`` is ignored otherwise. Always a new array.
FROM_FULL: dict[CovarianceType, Callable[[FloatArray, FloatArray | None], FloatArray]] = {
    CovarianceType.FULL: _reduce_to_full,
    CovarianceType.TIED: _reduce_to_tied,
    CovarianceType.DIAG: _reduce_to_diag,
    CovarianceType.SPHERICAL: _reduce_to_spherical,
}


def _cholesky_full(precisions_chol: FloatArray, n_components: int, n_features: int) -> FloatArray:
    from scipy import linalg  # imported when needed: scipy costs a command's start-up 0.1 to 0.3 s

    eye = np.eye(n_features)
    return np.stack([linalg.solve_triangular(u, eye, lower=False).T for u in precisions_chol])


def _cholesky_tied(precisions_chol: FloatArray, n_components: int, n_features: int) -> FloatArray:
    from scipy import linalg  # imported when needed, as above

    shared = linalg.solve_triangular(precisions_chol, np.eye(n_features), lower=False).T
    return np.broadcast_to(shared, (n_components, n_features, n_features)).copy()


def _cholesky_diag(precisions_chol: FloatArray, n_components: int, n_features: int) -> FloatArray:
    return (1.0 / precisions_chol)[:, :, None] * np.eye(n_features)


def _cholesky_spherical(precisions_chol: FloatArray, n_components: int, n_features: int) -> FloatArray:
    return (1.0 / precisions_chol)[:, None, None] * np.eye(n_features)


#: (precisions_chol, n_components, n_features) -> lower-triangular ``L_k`` with ``covariance_k = L_k @ L_k.T``,
#: shape (n_components, n_features, n_features). Without an inverse: for full and tied ``precision = U @ U.T``
#: gives ``L = inv(U).T`` by a triangular solve; for diag and spherical ``L`` is diagonal, ``1 / precisions_chol``.
COVARIANCE_CHOLESKY: dict[CovarianceType, Callable[[FloatArray, int, int], FloatArray]] = {
    CovarianceType.FULL: _cholesky_full,
    CovarianceType.TIED: _cholesky_tied,
    CovarianceType.DIAG: _cholesky_diag,
    CovarianceType.SPHERICAL: _cholesky_spherical,
}


def _per_matrix(n_features: int) -> int:
    return n_features * (n_features + 1) // 2


#: (n_components, n_features) -> number of free parameters in the covariances.
N_COVARIANCE_PARAMETERS: dict[CovarianceType, Callable[[int, int], int]] = {
    CovarianceType.FULL: lambda n_components, n_features: n_components * _per_matrix(n_features),
    CovarianceType.TIED: lambda n_components, n_features: _per_matrix(n_features),
    CovarianceType.DIAG: lambda n_components, n_features: n_components * n_features,
    CovarianceType.SPHERICAL: lambda n_components, n_features: n_components,
}

#: (n_components, n_features) -> shape of ``covariances`` (and of ``precisions_chol``).
COVARIANCE_SHAPE: dict[CovarianceType, Callable[[int, int], tuple[int, ...]]] = {
    CovarianceType.FULL: lambda n_components, n_features: (n_components, n_features, n_features),
    CovarianceType.TIED: lambda n_components, n_features: (n_features, n_features),
    CovarianceType.DIAG: lambda n_components, n_features: (n_components, n_features),
    CovarianceType.SPHERICAL: lambda n_components, n_features: (n_components,),
}


def full_covariances(
    covariances: FloatArray, covariance_type: CovarianceType, n_components: int, n_features: int
) -> FloatArray:
    """Expand covariances of any type to full matrices (``TO_FULL``).

    Parameters
    ----------
    covariances : ndarray, shaped for ``covariance_type`` (see ``CovarianceType``)
    covariance_type : CovarianceType
    n_components, n_features : int

    Returns
    -------
    ndarray of shape (n_components, n_features, n_features)
        A new array.
    """
    return TO_FULL[CovarianceType(covariance_type)](np.asarray(covariances, dtype=float), n_components, n_features)


def n_covariance_parameters(covariance_type: CovarianceType, n_components: int, n_features: int) -> int:
    """Number of free parameters in the covariances of ``n_components`` components."""
    return N_COVARIANCE_PARAMETERS[CovarianceType(covariance_type)](n_components, n_features)


def covariance_shape(covariance_type: CovarianceType, n_components: int, n_features: int) -> tuple[int, ...]:
    """Expected shape of ``covariances`` (and ``precisions_chol``) for a covariance type."""
    return COVARIANCE_SHAPE[CovarianceType(covariance_type)](n_components, n_features)
