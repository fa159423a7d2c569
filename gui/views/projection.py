"""Which plane of the data the canvas shows: two features, or the first two principal components.

A projection is the linear map ``x -> P (x - c)`` with ``P`` of shape (2, n_features). Points, means and
covariances go through the same map (``P (mu - c)`` and ``P Sigma P^T``), so a projected ellipse is
exactly the ellipse of the projected (marginal) Gaussian and matches the projected points.

2-D data is shown as it is (the identity): its mixture is drawn from the snapshot's own parameters and
Cholesky factors. Only a projection of more features factorises its projected covariances. The module
loads Qt only to translate the principal components' axis names, so ``gui.main.session`` stays Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from engine.covariance import CovarianceType
from engine.params import MixtureParams

#: PCA directions are estimated from at most this many rows (a fixed, evenly spaced subset).
PCA_MAX_ROWS = 200_000


@dataclass(frozen=True, slots=True)
class Projection:
    """A linear map from the data's space onto the canvas plane.

    Attributes
    ----------
    matrix : ndarray of shape (2, n_features)
        Rows are the canvas axes in data coordinates.
    center : ndarray of shape (n_features,)
        Subtracted before projecting (zeros for a choice of features).
    axis_names : tuple of str
        Labels of the horizontal and vertical axes.
    """

    matrix: NDArray[np.float64]
    center: NDArray[np.float64]
    axis_names: tuple[str, str]

    def points(self, X: NDArray[np.floating]) -> NDArray[np.float64]:
        """Project samples: shape (n_samples, n_features) -> (n_samples, 2); the identity returns ``X`` itself.

        One matrix-vector product per axis: numpy's ``(n, 2) @ (2, 2)`` takes over 0.3 s for a million rows,
        two products of shape ``(n, d) @ (d,)`` take milliseconds (the window projects on its main thread).
        """
        X = np.asarray(X, dtype=float)
        if self.is_identity:
            return X
        return np.stack([X @ axis for axis in self.matrix], axis=1) - self.center @ self.matrix.T

    def means(self, means: NDArray[np.floating]) -> NDArray[np.float64]:
        """Project means: shape (n_components, n_features) -> (n_components, 2)."""
        return self.points(means)

    def covariances(self, covariances: NDArray[np.floating]) -> NDArray[np.float64]:
        """Project full covariances: shape (n_components, n_features, n_features) -> (n_components, 2, 2)."""
        return self.matrix @ np.asarray(covariances, dtype=float) @ self.matrix.T

    @property
    def is_identity(self) -> bool:
        """True if points are shown as they are (2-D data, its two features in order)."""
        return self.matrix.shape == (2, 2) and np.array_equal(self.matrix, np.eye(2)) and not self.center.any()

    def mixture(self, params: MixtureParams) -> MixtureParams:
        """The mixture in the plane: ``params`` itself for the identity, else the projected Gaussians.

        The projected Gaussians (weights, ``P (mu - c)``, ``P Sigma P^T``) are factorised here, once per call.

        Raises
        ------
        engine.errors.FitError
            If a projected covariance is not positive definite.
        """
        if self.is_identity:
            return params
        return MixtureParams.from_covariances(params.weights, self.means(params.means),
                                              self.covariances(params.full_covariances()), CovarianceType.FULL)


def feature_projection(feature_names: tuple[str, ...], first: int, second: int) -> Projection:
    """Show feature ``first`` horizontally and feature ``second`` vertically."""
    n_features = len(feature_names)
    matrix = np.zeros((2, n_features))
    matrix[0, first] = 1.0
    matrix[1, second] = 1.0
    return Projection(matrix, np.zeros(n_features), (feature_names[first], feature_names[second]))


def pca_projection(X: NDArray[np.floating]) -> Projection:
    """Project onto the first two principal components of ``X`` (shape (n_samples, n_features), D >= 2).

    The axis names give the share of the variance each component explains.
    """
    X = np.asarray(X, dtype=float)
    rows = X if len(X) <= PCA_MAX_ROWS else X[np.linspace(0, len(X) - 1, PCA_MAX_ROWS).astype(np.intp)]
    center = rows.mean(axis=0)
    centred = rows - center
    # Scaled to at most 1, so the squares cannot overflow for values up to the largest double; the
    # directions and the shares of the variance do not change.
    scale = float(np.abs(centred).max()) if centred.size else 1.0
    if np.isfinite(scale) and scale > 0:
        centred = centred / scale
    covariance = np.atleast_2d(np.cov(centred, rowvar=False, bias=True))
    variances, vectors = np.linalg.eigh(covariance)
    order = np.argsort(variances)[::-1][:2]
    matrix = vectors[:, order].T
    # A sign convention, so the picture does not flip between runs: the largest loading is positive.
    signs = np.sign(matrix[np.arange(2), np.abs(matrix).argmax(axis=1)])
    matrix = matrix * np.where(signs == 0, 1.0, signs)[:, None]
    total = max(float(variances.sum()), np.finfo(float).tiny)
    names = tuple(_component_name(index + 1, round(100 * float(variances[order[index]]) / total)) for index in range(2))
    return Projection(matrix, center, names)


def _component_name(number: int, percent: int) -> str:
    """The axis name of principal component ``number``, translated."""
    from PySide6.QtCore import QCoreApplication  # here, not at the top: the rest of the module is Qt-free

    return QCoreApplication.translate("Projection", "PC{0} ({1}% of the variance)").format(number, percent)
