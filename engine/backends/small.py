"""The small-data E-step: whole arrays, vectorised over the components, for data of at most a few thousand rows.

On a few hundred rows an E-step's arithmetic takes microseconds; what costs is the number of numpy calls.
``engine.backends.chunked`` pays for chunks, threads and its expanded form's accuracy checks on every
step, and ``engine.backends.direct`` loops over the components in Python. This backend computes every
component at once on arrays of shape (K, N, D): the whitened differences, the log-sum-exp, the
responsibilities from the differences ``x - m_k`` in the data's own coordinates, and each covariance summed
about its own mean, on data centred at a robust centre (so offset data keeps its digits, as in the direct
reference, which the tests hold it to). Rows without a finite log-likelihood take the direct path's limit
(``engine.density.limit_log_resp_and_norm``), also in the data's own coordinates.

``engine.backends.make_backend`` gives it for data of at most ``SMALL_ROWS`` rows (one chunk of the
chunked backend: there, chunks and threads cannot help).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np
from numpy.typing import NDArray

from engine.backends.base import EStepResult, worst_points
from engine.backends.direct import EPS10, responsibilities_from_assignment
from engine.covariance import LOG_DET_PRECISIONS_CHOL, CovarianceType
from engine.density import LOG_2PI, limit_log_resp_and_norm
from engine.params import MixtureParams
from engine.scales import robust_centre
from engine.stats import SufficientStats
from engine.weights import check_sample_weight, total_weight, weighted_mean

#: ``make_backend`` gives this backend for data of at most this many rows.
SMALL_ROWS = 4096


def _squared_full(X: NDArray, means: NDArray, chol: NDArray) -> NDArray:
    whitened = (X[None, :, :] - means[:, None, :]) @ chol  # (K, N, D)
    return np.einsum("knd,knd->kn", whitened, whitened)


def _squared_tied(X: NDArray, means: NDArray, chol: NDArray) -> NDArray:
    whitened = (X[None, :, :] - means[:, None, :]) @ chol  # whitening the difference keeps its digits
    return np.einsum("knd,knd->kn", whitened, whitened)


def _squared_diag(X: NDArray, means: NDArray, chol: NDArray) -> NDArray:
    whitened = (X[None, :, :] - means[:, None, :]) * chol[:, None, :]
    return np.einsum("knd,knd->kn", whitened, whitened)


def _squared_spherical(X: NDArray, means: NDArray, chol: NDArray) -> NDArray:
    diff = X[None, :, :] - means[:, None, :]
    return np.einsum("knd,knd->kn", diff, diff) * (chol * chol)[:, None]


#: (X (N, D), means (K, D), precisions_chol) -> squared Mahalanobis distances (K, N), from the differences
#: ``x - m_k`` in the data's own coordinates (one rounding each, whatever the centre).
_SQUARED: dict[CovarianceType, Callable[[NDArray, NDArray, NDArray], NDArray]] = {
    CovarianceType.FULL: _squared_full,
    CovarianceType.TIED: _squared_tied,
    CovarianceType.DIAG: _squared_diag,
    CovarianceType.SPHERICAL: _squared_spherical,
}


def _scatter_full(weighted: NDArray, diff: NDArray, nk: NDArray) -> NDArray:
    return np.swapaxes(weighted, 1, 2) @ diff / nk[:, None, None]


def _scatter_tied(weighted: NDArray, diff: NDArray, nk: NDArray) -> NDArray:
    return (np.swapaxes(weighted, 1, 2) @ diff).sum(axis=0) / nk.sum()


def _scatter_diag(weighted: NDArray, diff: NDArray, nk: NDArray) -> NDArray:
    return np.einsum("knd,knd->kd", weighted, diff) / nk[:, None]


def _scatter_spherical(weighted: NDArray, diff: NDArray, nk: NDArray) -> NDArray:
    return _scatter_diag(weighted, diff, nk).mean(axis=1)


#: (resp-weighted differences (K, N, D), differences about each mean (K, N, D), nk (K,)) -> covariances,
#: summed about each component's own mean (the direct reference's formulas, all components at once).
_SCATTER: dict[CovarianceType, Callable[[NDArray, NDArray, NDArray], NDArray]] = {
    CovarianceType.FULL: _scatter_full,
    CovarianceType.TIED: _scatter_tied,
    CovarianceType.DIAG: _scatter_diag,
    CovarianceType.SPHERICAL: _scatter_spherical,
}


def stats_of(centred: NDArray[np.float64], resp_kn: NDArray[np.float64],
             covariance_type: CovarianceType) -> SufficientStats:
    """Weighted counts, means and covariances of centred data, from responsibilities of shape (K, N)."""
    nk = resp_kn.sum(axis=1) + EPS10
    means = resp_kn @ centred / nk[:, None]
    diff = centred[None, :, :] - means[:, None, :]
    covariances = _SCATTER[covariance_type](resp_kn[:, :, None] * diff, diff, nk)
    return SufficientStats(covariance_type, nk, means, covariances)


class SmallBackend:
    """E-steps and statistics over the whole (small) data at once, every component together.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    sample_weight : ndarray of shape (n_samples,), optional
        Non-negative weights of the rows, not all zero (``engine.weights``); every row weighs 1 by default.
    """

    def __init__(self, X: NDArray[np.floating], sample_weight: NDArray[np.floating] | None = None) -> None:
        self.X = np.asarray(X, dtype=float)
        self.sample_weight = check_sample_weight(sample_weight, self.X.shape[0])
        #: ``W``, the sum of the weights (the number of rows without weights).
        self.total_weight = total_weight(self.sample_weight, self.X.shape[0])
        self._centre = robust_centre(self.X)
        with np.errstate(over="ignore"):  # data spanning more than a double (refused by any fit) stays quiet
            self._centred = self.X - self._centre
        self._data_covariance: NDArray[np.float64] | None = None

    @property
    def n_samples(self) -> int:
        return self.X.shape[0]

    def _unshifted(self, stats: SufficientStats) -> SufficientStats:
        return replace(stats, means=stats.means + self._centre)

    def _log_resp(self, params: MixtureParams) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """Log-responsibilities of shape (K, N) and each row's log-likelihood (N,); never NaN."""
        # Densities need no centring: the differences x - m_k are taken in the data's own coordinates. (A
        # centre far from the components, such as a row at -1e200 that is the lower median of a small file
        # to predict, cost every other row the digits of its differences.)
        covariance_type, n_features = params.covariance_type, params.n_features
        log_det = LOG_DET_PRECISIONS_CHOL[covariance_type](params.precisions_chol, n_features)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
            # Far rows overflow here (inf or NaN): they take the limit below.
            squared = _SQUARED[covariance_type](self.X, params.means, params.precisions_chol)
            constant = np.log(params.weights) + log_det - 0.5 * n_features * LOG_2PI
            weighted = constant[:, None] - 0.5 * squared  # (K, N)
            top = weighted.max(axis=0)
            shifted = weighted - np.where(np.isfinite(top), top, 0.0)
            log_sum = np.log(np.exp(shifted).sum(axis=0))
            log_norm = top + log_sum
            # Normalised about the largest term, not by log_norm: for a row whose log-densities are huge
            # (-5e299), top + log(2) rounds to top, and weighted - log_norm would make every responsibility 1.
            log_resp = shifted - log_sum
        bad = ~np.isfinite(log_norm) | np.isnan(weighted).any(axis=0)
        if bad.any():
            limit_resp, limit_norm = limit_log_resp_and_norm(self.X[bad], params)
            log_resp[:, bad], log_norm[bad] = limit_resp.T, limit_norm
        return log_resp, log_norm

    def data_covariance(self) -> NDArray[np.float64]:
        """Covariance of the whole data, shape (n_features, n_features)."""
        if self._data_covariance is None:
            self._data_covariance = np.atleast_2d(np.cov(self._centred, rowvar=False, bias=True,
                                                         aweights=self.sample_weight))
        return self._data_covariance

    def stats_from_assignment(self, assignment: NDArray, params_like: tuple[int, CovarianceType]) -> SufficientStats:
        """Statistics of a starting assignment: labels of shape (n_samples,) or responsibilities (n_samples, K)."""
        n_components, covariance_type = params_like
        resp = responsibilities_from_assignment(assignment, n_components)
        return self._unshifted(stats_of(self._centred, self._weighted(np.ascontiguousarray(resp.T)), covariance_type))

    def _weighted(self, resp_kn: NDArray[np.float64]) -> NDArray[np.float64]:
        """``resp_kn`` (K, n_samples) with each sample's column multiplied by its weight (itself without weights)."""
        return resp_kn if self.sample_weight is None else resp_kn * self.sample_weight

    def e_step(self, params: MixtureParams, view_indices: NDArray | None = None,
               with_labels: bool = True) -> EStepResult:
        """Responsibilities under ``params`` and the statistics of the next M-step."""
        log_resp, log_norm = self._log_resp(params)
        resp = np.exp(log_resp)
        return EStepResult(
            mean_log_likelihood=weighted_mean(log_norm, self.sample_weight),
            labels=log_resp.argmax(axis=0) if with_labels else None,
            view_resp=None if view_indices is None else np.ascontiguousarray(resp[:, view_indices].T),
            stats=self._unshifted(stats_of(self._centred, self._weighted(resp), params.covariance_type)),
        )

    def log_prob_norm(self, params: MixtureParams) -> NDArray[np.float64]:
        """Log-likelihood of each sample under the mixture, shape (n_samples,)."""
        return self._log_resp(params)[1]

    def responsibilities(self, params: MixtureParams) -> NDArray[np.float64]:
        """Responsibilities of every sample, shape (n_samples, n_components)."""
        return np.ascontiguousarray(np.exp(self._log_resp(params)[0]).T)

    def worst_points(self, params: MixtureParams, count: int) -> NDArray[np.float64]:
        """The ``count`` samples worst explained by ``params``, shape (count, n_features)."""
        return worst_points(self, params, count)

    def labels(self, params: MixtureParams) -> NDArray[np.intp]:
        """Most responsible component of every sample, shape (n_samples,)."""
        return self._log_resp(params)[0].argmax(axis=0)
