"""What every backend offers (the ``Backend`` protocol) and what its E-step hands on (``EStepResult``).

A backend holds the data and computes everything that needs all of it: E-steps and their sufficient
statistics, per-sample log-likelihoods, responsibilities and labels. The EM loop (``engine.em``), the
model functions (``engine.model``) and the picture segmentation (``engine.imaging``) use a backend only
through ``Backend``; ``engine.backends.chunked.ChunkedBackend`` is the fast one and
``engine.backends.direct.DirectBackend`` the reference.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray

from engine.covariance import CovarianceType
from engine.params import MixtureParams
from engine.stats import SufficientStats
from engine.weights import backend_weights, worst_weighted

if TYPE_CHECKING:
    from engine.config import FitConfig


@dataclass(frozen=True, slots=True)
class EStepResult:
    """Outcome of one E-step.

    Attributes
    ----------
    mean_log_likelihood : float
        Mean over samples of ``log p(x_i)`` under the parameters the E-step used (with sample weights
        ``sum_i w_i log p(x_i) / sum_i w_i``).
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


@runtime_checkable
class Backend(Protocol):
    """What the EM loop, the model functions and the picture segmentation use from a backend.

    Attributes
    ----------
    X : ndarray of shape (n_samples, n_features)
        The data, as given (re-seeding moves collapsed components to some of its rows).

    A backend may also hold ``sample_weight`` (ndarray of shape (n_samples,) or None: every row weighs 1);
    its statistics and mean log-likelihood are then the weighted ones (``engine.weights``). Read it with
    ``engine.weights.backend_weights``, which gives None for a backend without the attribute.
    """

    X: NDArray[np.floating]

    @property
    def n_samples(self) -> int:
        """Number of rows of ``X``."""
        ...

    def e_step(self, params: MixtureParams, view_indices: NDArray[np.intp] | None = None,
               with_labels: bool = True) -> EStepResult:
        """Responsibilities under ``params`` and the statistics of the next M-step.

        Parameters
        ----------
        params : MixtureParams
        view_indices : ndarray of shape (n_view,), optional
            Samples whose responsibilities the result carries as ``view_resp``, shape (n_view, n_components).
        with_labels : bool
            Whether the result carries every sample's label, shape (n_samples,).
        """
        ...

    def log_prob_norm(self, params: MixtureParams) -> NDArray[np.float64]:
        """Log-likelihood ``log p(x_i)`` of each sample under the mixture, shape (n_samples,)."""
        ...

    def responsibilities(self, params: MixtureParams) -> NDArray[np.float64]:
        """Responsibilities of every sample, shape (n_samples, n_components)."""
        ...

    def labels(self, params: MixtureParams) -> NDArray[np.intp]:
        """Most responsible component of every sample, shape (n_samples,)."""
        ...

    def worst_points(self, params: MixtureParams, count: int) -> NDArray[np.float64]:
        """The ``count`` samples worst explained by ``params`` (lowest first), shape (count, n_features)."""
        ...

    def stats_from_assignment(self, assignment: NDArray, params_like: tuple[int, CovarianceType]) -> SufficientStats:
        """Statistics of a starting assignment.

        Parameters
        ----------
        assignment : ndarray of shape (n_samples,) of labels, or (n_samples, n_components) of responsibilities
        params_like : (n_components, covariance_type)
        """
        ...

    def data_covariance(self) -> NDArray[np.float64]:
        """Covariance of the whole data, shape (n_features, n_features)."""
        ...


@runtime_checkable
class StreamedData(Protocol):
    """A backend whose data is not in memory (``engine.backends.streamed``): its ``X`` is a sample of the rows.

    ``engine.families.gaussian.GaussianFamily`` then checks the data, starts and scores through these
    instead of reading ``X`` whole.
    """

    def check_data(self, feature_names: Sequence[str] | None, n_components: int) -> None:
        """Raise ``InputError`` unless every row can be fitted with ``n_components`` components."""
        ...

    def initial_stats(self, config: FitConfig, rng: np.random.Generator) -> SufficientStats:
        """The first M-step's statistics for ``config.init`` (one of the assignment starts)."""
        ...

    def mean_log_likelihood(self, params: MixtureParams) -> float:
        """Mean of ``log p(x_i)`` over every row."""
        ...


def worst_explained(log_prob_norm: NDArray[np.floating], count: int,
                    sample_weight: NDArray[np.float64] | None = None) -> NDArray[np.intp]:
    """Indices of the ``count`` samples with the lowest log-likelihood, lowest first (with weights, a row of
    weight ``w`` counts ``ceil(w)`` times and one of weight 0 never: ``engine.weights.worst_weighted``)."""
    return worst_weighted(log_prob_norm, sample_weight, count)


def worst_points(backend: Backend, params: MixtureParams, count: int) -> NDArray[np.float64]:
    """The ``count`` samples of ``backend.X`` worst explained by ``params``, shape (count, n_features)."""
    worst = worst_explained(backend.log_prob_norm(params), count, backend_weights(backend))
    return np.asarray(backend.X[worst], dtype=np.float64)
