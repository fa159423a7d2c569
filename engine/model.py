"""What fitted parameters can do: label, score, sample, and count themselves for BIC and AIC.

Every function takes a ``MixtureParams`` and, where it needs data, checks ``X`` once on the way in and
hands it to ``engine.backends.applying.backend_for_model`` (the engines a fit uses, the chunked one
standardised by the model rather than by the data, so that a row's results do not depend on the other
rows of the file). The results match scikit-learn's ``GaussianMixture`` methods of the same names on the
same parameters.

Any finite row can be labelled: a row so far from every component that it has no density left under
any of them gets the limit (all its responsibility to the component with the smallest Mahalanobis
distance; see ``engine.density``), never NaN. Its log-likelihood is reported whenever a double holds it;
one below -1.8e308 cannot be, so ``score_samples``, ``score``, ``bic`` and ``aic`` refuse such data with
an ``InputError`` naming the row (rather than return -inf, which JSON cannot hold).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from engine.backends.applying import backend_for_model
from engine.backends.base import Backend
from engine.checks import real_table
from engine.covariance import COVARIANCE_CHOLESKY, n_covariance_parameters
from engine.errors import InputError
from engine.params import MixtureParams
from engine.weights import check_sample_weight, weighted_mean


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def check_data(X: ArrayLike, n_features: int) -> NDArray[np.float64]:
    """Data as a float64 array the model can use, or an ``InputError`` saying what is wrong with it.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    n_features : int
        The number of features the model expects.

    Returns
    -------
    ndarray of shape (n_samples, n_features)
        C-contiguous float64 (a copy only when ``X`` was not one already).
    """
    X = np.asarray(real_table(X), dtype=float)
    if X.shape[0] == 0:
        raise InputError("the data has no samples.")
    if X.shape[1] != n_features:
        raise InputError(
            f"the data has {_plural(X.shape[1], 'feature')} but the model expects {n_features}."
        )
    bad_rows = np.flatnonzero(~np.isfinite(X).all(axis=1))
    if bad_rows.size:
        raise InputError(
            f"the data holds NaN or infinite values ({_plural(bad_rows.size, 'row')}, the first is row "
            f"{int(bad_rows[0])}): remove those rows or fill them in."
        )
    return np.ascontiguousarray(X)


def _backend(params: MixtureParams, X: ArrayLike) -> Backend:
    return backend_for_model(check_data(X, params.n_features), params)


def predict(params: MixtureParams, X: ArrayLike) -> NDArray[np.intp]:
    """Most responsible component of each sample.

    Parameters
    ----------
    params : MixtureParams
    X : array-like of shape (n_samples, n_features)

    Returns
    -------
    ndarray of shape (n_samples,)
        Component indices in ``0 .. n_components - 1``.
    """
    return np.asarray(_backend(params, X).labels(params), dtype=np.intp)


def predict_proba(params: MixtureParams, X: ArrayLike) -> NDArray[np.float64]:
    """Responsibilities: the posterior probability of each component for each sample.

    Parameters
    ----------
    params : MixtureParams
    X : array-like of shape (n_samples, n_features)

    Returns
    -------
    ndarray of shape (n_samples, n_components)
        Each row sums to 1.
    """
    return _backend(params, X).responsibilities(params)


def score_samples(params: MixtureParams, X: ArrayLike) -> NDArray[np.float64]:
    """Log-likelihood ``log p(x_i)`` of each sample under the mixture.

    Parameters
    ----------
    params : MixtureParams
    X : array-like of shape (n_samples, n_features)

    Returns
    -------
    ndarray of shape (n_samples,)
        Finite.

    Raises
    ------
    InputError
        If a row's log-likelihood is below -1.8e308 (beyond double precision): the sentence names the row.
    """
    return representable(_backend(params, X).log_prob_norm(params))


def representable(log_likelihoods: NDArray[np.float64]) -> NDArray[np.float64]:
    """``log_likelihoods`` of shape (n_samples,), or an ``InputError`` naming the first that is not finite.

    A backend gives -inf for a row whose log-likelihood is below what a double holds (-1.8e308).
    """
    lost = np.flatnonzero(~np.isfinite(log_likelihoods))
    if lost.size:
        rows = f"row {int(lost[0])} of the data" + (f" (and {lost.size - 1} more)" if lost.size > 1 else "")
        raise InputError(f"{rows} lies so far from every component that its log-likelihood is below -1.8e+308, "
                         f"beyond double precision: remove {'that row' if lost.size == 1 else 'those rows'} "
                         "or rescale the data.")
    return log_likelihoods


def score(params: MixtureParams, X: ArrayLike, sample_weight: ArrayLike | None = None) -> float:
    """Mean log-likelihood per sample of ``X`` under the mixture (per unit of weight with ``sample_weight``).

    Parameters
    ----------
    params : MixtureParams
    X : array-like of shape (n_samples, n_features)
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative, not all zero (``engine.weights``): ``sum_i w_i log p(x_i) / sum_i w_i``.
    """
    log_likelihood = score_samples(params, X)
    return weighted_mean(log_likelihood, check_sample_weight(sample_weight, len(log_likelihood)))


def n_parameters(params: MixtureParams) -> int:
    """Number of free parameters: covariances, ``K * D`` means and ``K - 1`` weights.

    The count scikit-learn's ``GaussianMixture._n_parameters`` gives, the penalty of BIC and AIC.
    """
    n_components, n_features = params.n_components, params.n_features
    covariance_params = n_covariance_parameters(params.covariance_type, n_components, n_features)
    return int(covariance_params + n_components * n_features + n_components - 1)


def bic_from(mean_log_likelihood: float, n_samples: float, params: MixtureParams) -> float:
    """Bayesian information criterion from a log-likelihood already computed (lower is better).

    Parameters
    ----------
    mean_log_likelihood : float
        Mean per-sample log-likelihood of the data under ``params``.
    n_samples : int or float
        Number of samples it was averaged over (with sample weights, their sum).
    params : MixtureParams
        Only its shape and covariance type are used (for ``n_parameters``).
    """
    return float(-2.0 * mean_log_likelihood * n_samples + n_parameters(params) * np.log(n_samples))


def aic_from(mean_log_likelihood: float, n_samples: float, params: MixtureParams) -> float:
    """Akaike information criterion from a log-likelihood already computed (lower is better).

    Parameters are as for ``bic_from``.
    """
    return float(-2.0 * mean_log_likelihood * n_samples + 2 * n_parameters(params))


def _weighted_score(params: MixtureParams, X: ArrayLike, sample_weight: ArrayLike | None) -> tuple[float, float]:
    """(mean log-likelihood per unit of weight, sum of the weights) of ``X`` under ``params``."""
    log_likelihood = score_samples(params, X)
    weights = check_sample_weight(sample_weight, len(log_likelihood))
    n = float(len(log_likelihood)) if weights is None else float(weights.sum())
    return weighted_mean(log_likelihood, weights), n


def bic(params: MixtureParams, X: ArrayLike, sample_weight: ArrayLike | None = None) -> float:
    """Bayesian information criterion of the mixture on ``X``, shape (n_samples, n_features); with
    ``sample_weight`` (n_samples,) the weighted log-likelihood and ``n = sum_i w_i``."""
    return bic_from(*_weighted_score(params, X, sample_weight), params)


def aic(params: MixtureParams, X: ArrayLike, sample_weight: ArrayLike | None = None) -> float:
    """Akaike information criterion of the mixture on ``X``, shape (n_samples, n_features); weighted as ``bic``."""
    return aic_from(*_weighted_score(params, X, sample_weight), params)


def covariance_cholesky(params: MixtureParams) -> NDArray[np.float64]:
    """Lower-triangular ``L_k`` with ``covariance_k = L_k @ L_k.T``, for every component and any type.

    Derived from ``precisions_chol`` without an inverse (see ``engine.covariance.COVARIANCE_CHOLESKY``).

    Returns
    -------
    ndarray of shape (n_components, n_features, n_features)
    """
    return COVARIANCE_CHOLESKY[params.covariance_type](params.precisions_chol, params.n_components, params.n_features)


def sample(
    params: MixtureParams, n: int, seed: int | np.random.Generator | None = None
) -> tuple[NDArray[np.float64], NDArray[np.intp]]:
    """Draw samples from the mixture.

    As in scikit-learn, the number of samples of each component is drawn from a multinomial with the
    mixture's weights, and the samples come out grouped by component (component 0 first).

    Parameters
    ----------
    params : MixtureParams
    n : int
        Number of samples, >= 0.
    seed : int, numpy.random.Generator or None
        Passed to ``numpy.random.default_rng``; the same seed gives the same samples.

    Returns
    -------
    X : ndarray of shape (n, n_features)
    labels : ndarray of shape (n,)
        The component each sample was drawn from.
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
        raise InputError(f"the number of samples must be a whole number >= 0, not {n!r}.")
    rng = np.random.default_rng(seed)
    weights = np.asarray(params.weights, dtype=float)
    counts = rng.multinomial(int(n), weights / weights.sum())
    cholesky = covariance_cholesky(params)
    blocks = [
        mean + rng.standard_normal((count, params.n_features)) @ chol.T
        for mean, chol, count in zip(params.means, cholesky, counts, strict=True)
    ]
    X = np.concatenate(blocks, axis=0) if blocks else np.empty((0, params.n_features))
    labels = np.repeat(np.arange(params.n_components, dtype=np.intp), counts)
    return X, labels


__all__ = [
    "aic",
    "aic_from",
    "bic",
    "bic_from",
    "check_data",
    "covariance_cholesky",
    "n_parameters",
    "predict",
    "predict_proba",
    "representable",
    "sample",
    "score",
    "score_samples",
]
