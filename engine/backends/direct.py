"""The direct E-step: whole N x K arrays, per-component loops, scikit-learn's formulas.

It is the reference that the chunked engine (``engine.backends.chunked``) is tested against, and it is simple
enough to read side by side with ``sklearn/mixture/_gaussian_mixture.py``. Unlike scikit-learn, every
covariance is a sum of squares about its component's mean, so offset data keeps its digits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np
from numpy.typing import NDArray

from engine.backends.base import EStepResult, worst_points
from engine.covariance import CovarianceType
from engine.density import log_resp_and_norm
from engine.params import MixtureParams
from engine.scales import robust_centre
from engine.stats import SufficientStats
from engine.weights import check_sample_weight, total_weight, weighted_mean

EPS10 = 10 * np.finfo(float).eps


def _covariances_full(resp, X, nk, means):
    covariances = np.empty((len(means), X.shape[1], X.shape[1]))
    for k, mean in enumerate(means):
        diff = X - mean
        covariances[k] = (resp[:, k] * diff.T) @ diff / nk[k]
    return covariances


def _covariances_tied(resp, X, nk, means):
    # scikit-learn forms X^T X - sum_k nk mu_k mu_k^T, which loses every digit on data far from the
    # origin; summing the per-component scatter about each mean gives the same value, accurately.
    covariance = np.zeros((X.shape[1], X.shape[1]))
    for k, mean in enumerate(means):
        diff = X - mean
        covariance += (resp[:, k] * diff.T) @ diff
    return covariance / nk.sum()


def _covariances_diag(resp, X, nk, means):
    # As scikit-learn's, but centred on each mean (E[x^2] - mu^2 cancels badly on offset data).
    covariances = np.empty_like(means)
    for k, mean in enumerate(means):
        diff = X - mean
        covariances[k] = resp[:, k] @ (diff * diff) / nk[k]
    return covariances


def _covariances_spherical(resp, X, nk, means):
    return _covariances_diag(resp, X, nk, means).mean(axis=1)


_COVARIANCES: dict[CovarianceType, Callable] = {
    CovarianceType.FULL: _covariances_full,
    CovarianceType.TIED: _covariances_tied,
    CovarianceType.DIAG: _covariances_diag,
    CovarianceType.SPHERICAL: _covariances_spherical,
}


def responsibilities_from_assignment(assignment: NDArray, n_components: int) -> NDArray[np.float64]:
    """Responsibilities, shape (n_samples, n_components), from labels (n_samples,) or from themselves."""
    if assignment.ndim == 2:
        return assignment
    resp = np.zeros((len(assignment), n_components))
    resp[np.arange(len(assignment)), assignment] = 1.0
    return resp


def sufficient_stats(
    X: NDArray[np.floating], resp: NDArray[np.floating], covariance_type: CovarianceType
) -> SufficientStats:
    """Weighted counts, means and covariances, as scikit-learn's ``_estimate_gaussian_parameters``.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    resp : ndarray of shape (n_samples, n_components)
    covariance_type : CovarianceType
    """
    nk = resp.sum(axis=0) + EPS10
    means = resp.T @ X / nk[:, None]
    covariances = _COVARIANCES[covariance_type](resp, X, nk, means)
    return SufficientStats(covariance_type, nk, means, covariances)


class DirectBackend:
    """E-steps and statistics over the whole data at once (reference path).

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
        # Work on centred data (densities and covariances do not change under a shift), so that sums
        # such as resp^T X keep their digits on data far from the origin. The centre is robust (a
        # median): one row at 1e200 must not take every other row's digits (see ``engine.scales``).
        self._centre = robust_centre(self.X)
        with np.errstate(over="ignore"):  # data spanning more than a double (refused by any fit) stays quiet
            self._centred = self.X - self._centre
        self._data_covariance: NDArray[np.float64] | None = None

    def _shifted(self, params: MixtureParams) -> MixtureParams:
        return replace(params, means=params.means - self._centre)

    def _unshifted(self, stats: SufficientStats) -> SufficientStats:
        return replace(stats, means=stats.means + self._centre)

    @property
    def n_samples(self) -> int:
        return self.X.shape[0]

    def data_covariance(self) -> NDArray[np.float64]:
        """Covariance of the whole data, shape (n_features, n_features)."""
        if self._data_covariance is None:
            self._data_covariance = np.atleast_2d(np.cov(self._centred, rowvar=False, bias=True,
                                                         aweights=self.sample_weight))
        return self._data_covariance

    def stats_from_assignment(self, assignment: NDArray, params_like: tuple[int, CovarianceType]) -> SufficientStats:
        """Statistics of a starting assignment: labels of shape (n_samples,) or responsibilities."""
        n_components, covariance_type = params_like
        resp = self._weighted(responsibilities_from_assignment(assignment, n_components))
        return self._unshifted(sufficient_stats(self._centred, resp, covariance_type))

    def _weighted(self, resp: NDArray[np.float64]) -> NDArray[np.float64]:
        """``resp`` (n_samples, K) with each row multiplied by its weight (itself without weights)."""
        return resp if self.sample_weight is None else resp * self.sample_weight[:, None]

    def e_step(self, params: MixtureParams, view_indices: NDArray | None = None,
               with_labels: bool = True) -> EStepResult:
        """Responsibilities under ``params`` and the statistics of the next M-step."""
        log_resp, log_prob_norm = log_resp_and_norm(self._centred, self._shifted(params))
        resp = np.exp(log_resp)
        return EStepResult(
            mean_log_likelihood=weighted_mean(log_prob_norm, self.sample_weight),
            labels=log_resp.argmax(axis=1) if with_labels else None,
            view_resp=None if view_indices is None else resp[view_indices],
            stats=self._unshifted(sufficient_stats(self._centred, self._weighted(resp), params.covariance_type)),
        )

    def log_prob_norm(self, params: MixtureParams) -> NDArray[np.float64]:
        """Log-likelihood of each sample under the mixture, shape (n_samples,)."""
        return log_resp_and_norm(self._centred, self._shifted(params))[1]

    def responsibilities(self, params: MixtureParams) -> NDArray[np.float64]:
        """Responsibilities of every sample, shape (n_samples, n_components)."""
        return np.exp(log_resp_and_norm(self._centred, self._shifted(params))[0])

    def worst_points(self, params: MixtureParams, count: int) -> NDArray[np.float64]:
        """The ``count`` samples worst explained by ``params``, shape (count, n_features)."""
        return worst_points(self, params, count)

    def labels(self, params: MixtureParams) -> NDArray[np.intp]:
        """Most responsible component of every sample, shape (n_samples,)."""
        return log_resp_and_norm(self._centred, self._shifted(params))[0].argmax(axis=1)
