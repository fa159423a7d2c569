"""What an E-step hands on, whichever backend computed it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from engine.stats import SufficientStats


@dataclass(frozen=True, slots=True)
class EStepResult:
    """Outcome of one E-step.

    Attributes
    ----------
    mean_log_likelihood : float
        Mean over samples of ``log p(x_i)`` under the parameters the E-step used.
    labels : ndarray of shape (n_samples,) or None
        Most responsible component of each sample (None when the caller did not ask for labels).
    view_resp : ndarray of shape (n_view, n_components) or None
        Responsibilities of the samples a view asked for (none are kept otherwise).
    stats : SufficientStats
        What the M-step needs.
    """

    mean_log_likelihood: float
    labels: NDArray[np.intp] | None
    view_resp: NDArray[np.float64] | None
    stats: SufficientStats


def worst_explained(log_prob_norm: NDArray[np.floating], count: int) -> NDArray[np.intp]:
    """Indices of the ``count`` samples with the lowest log-likelihood, lowest first."""
    count = min(count, len(log_prob_norm))
    candidates = np.argpartition(log_prob_norm, count - 1)[:count]
    return candidates[np.argsort(log_prob_norm[candidates], kind="stable")]


def worst_points(backend, params, count: int) -> NDArray[np.float64]:
    """The ``count`` samples of ``backend.X`` worst explained by ``params``, shape (count, n_features)."""
    return np.asarray(backend.X[worst_explained(backend.log_prob_norm(params), count)], dtype=np.float64)
