"""Log-densities of the mixture's components: the direct, per-component path, and its limit for far points.

This is the reference computation, written as scikit-learn writes it: for each component, whiten the
data with the precision's Cholesky factor and take the squared norm. ``engine.backends.chunked`` computes the same
numbers by chunks and matrix products; the tests hold the two equal.

A row so far from the components that its squared distances overflow (a point at 1e200, or one far
from a component of variance 5e-324) has no density left under any component, and the plain formulas
give -inf - (-inf) = NaN responsibilities. ``limit_log_resp_and_norm`` computes such rows through
powers of two instead (``engine.backends`` call it for exactly those rows):

- responsibilities are the limit: everything goes to the component with the smallest Mahalanobis
  distance; components whose distances round to the same value are told apart by the exact difference
  of their squared distances, ``(w_k - w_j) . (w_k + w_j)`` with ``w`` the whitened differences, and
  then by the rest of the log-density (weights and determinants). They are never NaN.
- the log-likelihood is exact whenever a double holds it (a point at 1e200 under a component of
  variance 1e300 scores about -5e99); below -1.8e308 it is -inf, which ``engine.model`` refuses to report.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

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
    """``log(weight_k) + log N(x | mean_k, cov_k)``, shape (n_samples, n_components).

    A squared distance that overflows gives -inf (and a far point may give NaN where infinities meet):
    ``log_resp_and_norm`` takes such rows to their limit.
    """
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        return log_gaussian_prob(X, params) + np.log(params.weights)


def log_resp_and_norm(
    X: NDArray[np.floating], params: MixtureParams
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Log-responsibilities and per-sample log-likelihood (the direct E-step).

    Rows without a finite log-likelihood (or with a NaN) are computed by ``limit_log_resp_and_norm``.

    Returns
    -------
    log_resp : ndarray of shape (n_samples, n_components)
        Never NaN.
    log_prob_norm : ndarray of shape (n_samples,)
        ``log p(x_i)`` under the mixture; -inf only below -1.8e308.
    """
    from scipy.special import logsumexp  # imported when needed: scipy costs a command's start-up 0.1 to 0.3 s

    weighted = weighted_log_prob(X, params)
    with np.errstate(under="ignore", invalid="ignore", divide="ignore"):
        log_prob_norm = logsumexp(weighted, axis=1)
        # Normalised about each row's largest term, not by log_prob_norm: for log-densities as large as
        # -5e299, top + log(2) rounds to top, and weighted - log_prob_norm would make every responsibility 1.
        top = weighted.max(axis=1, keepdims=True)
        shifted = weighted - np.where(np.isfinite(top), top, 0.0)
        log_resp = shifted - logsumexp(shifted, axis=1, keepdims=True)
    bad = ~np.isfinite(log_prob_norm) | np.isnan(weighted).any(axis=1)
    if bad.any():
        log_resp[bad], log_prob_norm[bad] = limit_log_resp_and_norm(X[bad], params)
    return log_resp, log_prob_norm


#: Rows per block of ``limit_log_resp_and_norm`` (its temporaries are rows x K x D).
_LIMIT_BLOCK = 256
_LOG2 = np.log(2.0)


def _whiteners(params: MixtureParams) -> NDArray[np.float64]:
    """``U_k`` with ``w = (x - m_k) @ U_k`` the whitened difference, for any type: shape (K, D, D)."""
    chol, n_components, n_features = params.precisions_chol, params.n_components, params.n_features
    if params.covariance_type is CovarianceType.FULL:
        return chol
    if params.covariance_type is CovarianceType.TIED:
        return np.broadcast_to(chol, (n_components, n_features, n_features))
    scales = chol if params.covariance_type is CovarianceType.DIAG else chol[:, None] * np.ones(n_features)
    return scales[:, :, None] * np.eye(n_features)


def _exponent(values: NDArray[np.float64], axis: int) -> NDArray[np.intp]:
    """``e`` with ``max |values| < 2**e`` along ``axis`` (0 where all are zero)."""
    return np.frexp(np.max(np.abs(values), axis=axis))[1].astype(np.intp)


def _scaled_dot(a: NDArray[np.float64], b: NDArray[np.float64], exponent: NDArray[np.intp]) -> NDArray[np.float64]:
    """``sum(a * b, axis=-1) * 2**exponent`` without overflow on the way (+-inf when the result overflows)."""
    ea, eb = _exponent(a, -1), _exponent(b, -1)
    dot = np.einsum("...d,...d->...", np.ldexp(a, -ea[..., None]), np.ldexp(b, -eb[..., None]))
    with np.errstate(over="ignore"):
        return np.ldexp(dot, ea + eb + exponent)


def limit_log_resp_and_norm(X: NDArray[np.floating],
                            params: MixtureParams) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Log-responsibilities and log-likelihoods of rows whose squared distances may overflow.

    Every difference is scaled by a power of two (exact) before it is whitened and squared, so nothing
    overflows on the way; see the module docstring for what the results are.

    Parameters
    ----------
    X : ndarray of shape (n_rows, n_features)
        Finite rows, in the coordinates of ``params``.
    params : MixtureParams

    Returns
    -------
    log_resp : ndarray of shape (n_rows, n_components)
        Never NaN; each row's exponentials sum to 1.
    log_prob_norm : ndarray of shape (n_rows,)
        -inf where the log-likelihood is below what a double holds (-1.8e308).
    """
    X = np.asarray(X, dtype=np.float64)
    log_resp = np.empty((X.shape[0], params.n_components))
    log_prob_norm = np.empty(X.shape[0])
    for start in range(0, X.shape[0], _LIMIT_BLOCK):
        rows = slice(start, start + _LIMIT_BLOCK)
        log_resp[rows], log_prob_norm[rows] = _limit_block(X[rows], params)
    return log_resp, log_prob_norm


def _limit_block(X: NDArray[np.float64], params: MixtureParams) -> tuple[NDArray, NDArray]:
    whiteners, means = _whiteners(params), params.means
    n_features = params.n_features
    log_det = LOG_DET_PRECISIONS_CHOL[params.covariance_type](params.precisions_chol, n_features)
    with np.errstate(divide="ignore"):
        constants = np.log(params.weights) + log_det - 0.5 * n_features * LOG_2PI  # (K,)
    present = constants > -np.inf
    # One power of two per row brings the row and every mean below 1: differences cannot overflow.
    row_exponent = np.frexp(np.maximum(np.abs(X).max(axis=1), np.abs(means).max()))[1].astype(np.intp)  # (n,)
    x_scaled = np.ldexp(X, -row_exponent[:, None])  # (n, D)
    means_scaled = np.ldexp(means[None, :, :], -row_exponent[:, None, None])  # (n, K, D)
    whitened = np.einsum("nkd,kde->nke", x_scaled[:, None, :] - means_scaled, whiteners)  # w / 2**e
    # Squared distances q = |w|^2 = |v|^2 * 4**(e + f), with v = w / 2**(e + f) below 1.
    norm_exponent = _exponent(whitened, 2)  # (n, K)
    unit = np.ldexp(whitened, -norm_exponent[:, :, None])
    unit_squares = np.einsum("nkd,nkd->nk", unit, unit)
    with np.errstate(divide="ignore"):
        log_q = np.log(unit_squares) + 2.0 * (row_exponent[:, None] + norm_exponent) * _LOG2
    log_q[:, ~present] = np.inf
    # Whitened x and means, apart: (w_k - w_j) = (x U_k - x U_j) - (m_k U_k - m_j U_j), exactly 0 - (...) when
    # U_k = U_j (tied), so the difference of two squared distances that both overflow keeps its digits.
    x_whitened = np.einsum("nd,kde->nke", x_scaled, whiteners)
    means_whitened = np.einsum("nkd,kde->nke", means_scaled, whiteners)
    rows = np.arange(X.shape[0])
    reference = np.argmin(log_q, axis=1)
    for _ in range(2):  # the exact differences may find a closer component than the rounded logs did
        differences = ((x_whitened - x_whitened[rows, reference][:, None, :])
                       - (means_whitened - means_whitened[rows, reference][:, None, :]))
        sums = whitened + whitened[rows, reference][:, None, :]
        delta = _scaled_dot(differences, sums, 2 * row_exponent[:, None])  # q_k - q_ref, (n, K)
        delta[rows, reference] = 0.0
        delta[:, ~present] = np.inf
        closer = np.argmin(delta, axis=1)
        if not np.any(delta[rows, closer] < 0.0):
            break
        reference = np.where(delta[rows, closer] < 0.0, closer, reference)
    with np.errstate(invalid="ignore", over="ignore"):
        relative = (constants - constants[reference][:, None]) - 0.5 * delta
    relative[:, ~present] = -np.inf
    relative = np.minimum(relative, np.finfo(np.float64).max)
    from scipy.special import logsumexp  # imported when needed, as above

    log_norm = logsumexp(relative, axis=1)  # >= 0: the reference term is exp(0)
    log_resp = relative - log_norm[:, None]
    with np.errstate(over="ignore"):
        half_q = np.ldexp(unit_squares[rows, reference],
                          2 * (row_exponent + norm_exponent[rows, reference]) - 1)
    log_prob_norm = constants[reference] - half_q + log_norm
    return log_resp, log_prob_norm
