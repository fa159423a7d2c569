"""What a kind of mixture gives the one EM loop: the ``MixtureFamily`` protocol.

``engine.em.run_em`` is the only EM loop. It knows nothing of Gaussians or coins: it asks a family for a
start, then alternates the family's E-step and M-step, applies the stopping rule, keeps the best of
several starts and yields a snapshot per half-step. A family holds the data and the model-specific
settings and does the maths; its parameters and statistics are immutable.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray

from engine.backends.base import EStepResult


class LoopSettings(Protocol):
    """The settings the loop itself uses (``FitConfig`` and ``BinomialConfig`` both have them).

    Attributes
    ----------
    n_components : int
    n_init : int
        Number of starts; the one with the highest final log-likelihood is kept.
    max_iter : int
        At most this many iterations per start (0 only makes the start).
    tol : float
        Stop when the mean log-likelihood per sample changes by less (scikit-learn's rule).
    seed : int or None
        Seed of the loop's ``numpy.random.Generator`` when the caller gives none.
    """

    n_components: int
    n_init: int
    max_iter: int
    tol: float
    seed: int | None


@runtime_checkable
class MixtureFamily(Protocol):
    """One kind of mixture over one data set, as the EM loop uses it.

    ``Params`` is the family's immutable parameters type (``MixtureParams``, ``BinomialParams``); it has
    ``weights`` (shape (n_components,)) and ``n_components``. ``e_step`` returns an ``EStepResult`` whose
    ``stats`` is what the family's ``m_step`` takes.
    """

    @property
    def n_samples(self) -> int:
        """Number of observations."""
        ...

    def check(self) -> None:
        """Raise ``InputError`` (one sentence) if the data cannot be fitted with these settings."""
        ...

    def start(self, rng: np.random.Generator) -> tuple[Any, tuple[int, ...]]:
        """Starting parameters of one start, and the components their making re-seeded."""
        ...

    def e_step(self, params: Any, view_indices: NDArray[np.intp] | None, with_labels: bool) -> EStepResult:
        """Responsibilities under ``params``: mean log-likelihood, optional labels and views, statistics."""
        ...

    def m_step(self, stats: Any, params: Any) -> tuple[Any, tuple[int, ...]]:
        """New parameters from an E-step's statistics (``params`` are those the E-step used), and the
        components re-seeded because they collapsed."""
        ...

    def mean_log_likelihood(self, params: Any) -> float:
        """Mean log-likelihood per observation of the data under ``params``."""
        ...
