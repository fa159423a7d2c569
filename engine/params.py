"""``MixtureParams``: the parameters of a Gaussian mixture, immutable."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from engine.covariance import (
    COVARIANCES_FROM_PRECISIONS_CHOL,
    PRECISIONS_CHOL,
    CovarianceType,
    covariance_shape,
    full_covariances,
)


def frozen_array(values: ArrayLike, dtype: type = float) -> NDArray:
    """A read-only float64 copy of ``values`` (data that travels between threads is never mutated)."""
    array = np.array(values, dtype=dtype, copy=True)
    array.flags.writeable = False
    return array


@dataclass(frozen=True, slots=True)
class MixtureParams:
    """Weights, means and covariances of a Gaussian mixture, with the precisions' Cholesky factors.

    Build it with ``from_covariances`` (which factorises) or ``from_precisions_chol``; the arrays are
    read-only. Construction does not validate user input (``model_io`` and the GUI do that where the
    input enters); it only factorises, raising ``FitError`` for a covariance that is not SPD.

    Attributes
    ----------
    covariance_type : CovarianceType
    weights : ndarray of shape (n_components,)
    means : ndarray of shape (n_components, n_features)
    covariances : ndarray, shaped for ``covariance_type`` (see ``CovarianceType``)
    precisions_chol : ndarray, same shape as ``covariances``
    """

    covariance_type: CovarianceType
    weights: NDArray[np.float64]
    means: NDArray[np.float64]
    covariances: NDArray[np.float64]
    precisions_chol: NDArray[np.float64]

    @classmethod
    def from_covariances(
        cls, weights: ArrayLike, means: ArrayLike, covariances: ArrayLike, covariance_type: CovarianceType | str
    ) -> MixtureParams:
        """Parameters from covariances; the Cholesky factors of the precisions are computed here."""
        covariance_type = CovarianceType(covariance_type)
        covariances = np.asarray(covariances, dtype=float)
        return cls(
            covariance_type,
            frozen_array(weights),
            frozen_array(np.atleast_2d(means)),
            frozen_array(covariances),
            frozen_array(PRECISIONS_CHOL[covariance_type](covariances)),
        )

    @classmethod
    def from_precisions_chol(
        cls, weights: ArrayLike, means: ArrayLike, precisions_chol: ArrayLike, covariance_type: CovarianceType | str
    ) -> MixtureParams:
        """Parameters from the precisions' Cholesky factors; the covariances are computed here."""
        covariance_type = CovarianceType(covariance_type)
        precisions_chol = np.asarray(precisions_chol, dtype=float)
        return cls(
            covariance_type,
            frozen_array(weights),
            frozen_array(np.atleast_2d(means)),
            frozen_array(COVARIANCES_FROM_PRECISIONS_CHOL[covariance_type](precisions_chol)),
            frozen_array(precisions_chol),
        )

    @property
    def n_components(self) -> int:
        return self.means.shape[0]

    @property
    def n_features(self) -> int:
        return self.means.shape[1]

    def full_covariances(self) -> NDArray[np.float64]:
        """Covariances as full matrices, shape (n_components, n_features, n_features), whatever the type."""
        return full_covariances(self.covariances, self.covariance_type, self.n_components, self.n_features)

    def expected_covariance_shape(self) -> tuple[int, ...]:
        return covariance_shape(self.covariance_type, self.n_components, self.n_features)
