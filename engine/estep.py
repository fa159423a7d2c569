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
    labels : ndarray of shape (n_samples,)
        Most responsible component of each sample.
    view_resp : ndarray of shape (n_view, n_components) or None
        Responsibilities of the samples a view asked for (none are kept otherwise).
    worst_points : ndarray of shape (n_worst, n_features)
        The samples with the lowest mixture density, worst first (where collapsed components go).
    stats : SufficientStats
        What the M-step needs.
    """

    mean_log_likelihood: float
    labels: NDArray[np.intp]
    view_resp: NDArray[np.float64] | None
    worst_points: NDArray[np.float64]
    stats: SufficientStats


def worst_explained(log_prob_norm: NDArray[np.floating], count: int) -> NDArray[np.intp]:
    """Indices of the ``count`` samples with the lowest log-likelihood, lowest first."""
    count = min(count, len(log_prob_norm))
    candidates = np.argpartition(log_prob_norm, count - 1)[:count]
    return candidates[np.argsort(log_prob_norm[candidates], kind="stable")]
