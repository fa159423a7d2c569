"""The E-step engine for applying fitted parameters to data: standardised by the model, not by the data.

Fitting standardises the data by its own robust centre and spread (``engine.scales.standardisation``):
the parameters are not known yet, and the spread of the data is what the expanded squares of
``engine.backends.chunked`` must hold. Applying a model (``engine.model``'s ``predict``, ``predict_proba``,
``score_samples``, ``score``, and the commands that call them) is not fitting: the parameters are given,
and a row's log-densities are a property of that row and the model alone. Standardised by the data, they
were not: when half or more of a file's rows lay far away (at 1e100, say), the data's centre or spread came
from those rows, every ordinary row's standardised value lost its digits, and its responsibilities could be
off by 0.8.

``model_standardisation`` derives the shift and scale from the model instead (the mixture's mean and the
square root of its per-feature variance), so the standardised value of a row does not depend on the other
rows of the file. Far rows then only make the expansion's bound large (``expanded_terms_bound``), so their
file's components are whitened directly, and rows beyond any double take the limit
(``engine.density.limit_log_resp_and_norm``), as in a fit.

``backend_for_model`` gives the backend ``make_backend`` would, with that standardisation for the chunked one
(``SmallBackend`` needs none: it takes the differences ``x - m_k`` in the data's own coordinates).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from engine.backends.base import Backend
from engine.params import MixtureParams


def model_standardisation(params: MixtureParams) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Per-feature shift and scale of the mixture ``params`` itself, for standardising rows it is applied to.

    The shift is the mixture's mean ``sum_k w_k m_k``; the scale the square root of the mixture's variance
    of each feature, ``sum_k w_k (S_k,dd + (m_kd - shift_d)^2)``, computed relative to its largest term so
    that means and variances near the largest double do not overflow on the way. A feature whose scale is
    not a positive finite number (a model of zero spread) is scaled by 1.

    Parameters
    ----------
    params : MixtureParams

    Returns
    -------
    shift, scale : ndarray of shape (n_features,)
        Finite; ``scale`` positive.
    """
    weights = np.asarray(params.weights, dtype=np.float64)
    weights = weights / weights.sum()
    means = np.asarray(params.means, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        shift = weights @ means
        if not np.isfinite(shift).all():  # means near +-1.8e308 whose weighted sum rounds over: halve first
            shift = 2.0 * (weights @ (means / 2.0))
        spreads = np.sqrt(np.diagonal(params.full_covariances(), axis1=1, axis2=2))  # (K, D)
        offsets = np.abs(means - shift)  # (K, D)
        largest = np.maximum(spreads, offsets).max(axis=0)  # (D,)
        unit = np.where((largest > 0) & np.isfinite(largest), largest, 1.0)
        relative = (spreads / unit) ** 2 + (offsets / unit) ** 2
        scale = unit * np.sqrt(weights @ relative)
    usable = (scale > 0) & np.isfinite(scale)
    return np.where(np.isfinite(shift), shift, 0.0), np.where(usable, scale, 1.0)


def backend_for_model(X: NDArray[np.float64], params: MixtureParams) -> Backend:
    """The E-step engine for applying ``params`` to ``X`` of shape (n_samples, n_features), float64 and finite.

    ``engine.backends.make_backend``'s choice (``SmallBackend`` for small data, which needs no standardisation),
    with the chunked backend standardised by ``model_standardisation(params)`` rather than by ``X``.
    """
    from engine.backends import make_backend  # here: the package imports streamed.py, which imports this module

    return make_backend(X, standardisation=model_standardisation(params))
