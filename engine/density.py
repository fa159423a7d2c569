"""Log-densities of the mixture's components: the direct, per-component path.

This is the reference computation, written as scikit-learn writes it: for each component, whiten the
data with the precision's Cholesky factor and take the squared norm. ``engine.backends.chunked`` computes the same
numbers by chunks and matrix products; the tests hold the two equal.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from scipy.special import logsumexp

from engine.covariance import LOG_DET_PRECISIONS_CHOL, CovarianceType
from engine.params import MixtureParams

LOG_2PI = np.log(2.0 * np.pi)


def _squared_mahalanobis_full(X, means, precisions_chol):
    out = np.empty((X.shape[0], means.shape[0]))
    for k, (mean, chol) in enumerate(zip(means, precisions_chol, strict=True)):
        whitened = X @ chol - mean @ chol
        out[:, k] = np.einsum("ij,ij->i", whitened, whitened)
    return out


def _squared_mahalanobis_tied(X, means, precisions_chol):
    whitened_X = X @ precisions_chol
    whitened_means = means @ precisions_chol
    out = np.empty((X.shape[0], means.shape[0]))
    for k, mean in enumerate(whitened_means):
        diff = whitened_X - mean
        out[:, k] = np.einsum("ij,ij->i", diff, diff)
    return out


def _squared_mahalanobis_diag(X, means, precisions_chol):
    out = np.empty((X.shape[0], means.shape[0]))
    for k, (mean, scale) in enumerate(zip(means, precisions_chol, strict=True)):
        whitened = (X - mean) * scale
        out[:, k] = np.einsum("ij,ij->i", whitened, whitened)
    return out


def _squared_mahalanobis_spherical(X, means, precisions_chol):
    return _squared_mahalanobis_diag(X, means, precisions_chol[:, None] * np.ones(X.shape[1]))


_SQUARED_MAHALANOBIS = {
    CovarianceType.FULL: _squared_mahalanobis_full,
    CovarianceType.TIED: _squared_mahalanobis_tied,
    CovarianceType.DIAG: _squared_mahalanobis_diag,
    CovarianceType.SPHERICAL: _squared_mahalanobis_spherical,
}


def log_gaussian_prob(X: NDArray[np.floating], params: MixtureParams) -> NDArray[np.float64]:
    """Log-density of each sample under each component (weights not included).

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    params : MixtureParams

    Returns
    -------
    ndarray of shape (n_samples, n_components)
    """
    n_features = X.shape[1]
    squared = _SQUARED_MAHALANOBIS[params.covariance_type](X, params.means, params.precisions_chol)
    log_det = LOG_DET_PRECISIONS_CHOL[params.covariance_type](params.precisions_chol, n_features)
    return -0.5 * (n_features * LOG_2PI + squared) + log_det


def weighted_log_prob(X: NDArray[np.floating], params: MixtureParams) -> NDArray[np.float64]:
    """``log(weight_k) + log N(x | mean_k, cov_k)``, shape (n_samples, n_components)."""
    with np.errstate(divide="ignore"):
        return log_gaussian_prob(X, params) + np.log(params.weights)


def log_resp_and_norm(
    X: NDArray[np.floating], params: MixtureParams
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Log-responsibilities and per-sample log-likelihood (the direct E-step).

    Returns
    -------
    log_resp : ndarray of shape (n_samples, n_components)
    log_prob_norm : ndarray of shape (n_samples,)
        ``log p(x_i)`` under the mixture.
    """
    weighted = weighted_log_prob(X, params)
    log_prob_norm = logsumexp(weighted, axis=1)
    with np.errstate(under="ignore", invalid="ignore"):
        log_resp = weighted - log_prob_norm[:, None]
    return log_resp, log_prob_norm
