"""Gaussian mixtures as a family of the one EM loop: the backends' E-steps, the M-step and the locks."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

from engine.acceleration import gaussian_from_vector, gaussian_to_vector
from engine.backends.base import Backend, EStepResult, StreamedData
from engine.blas import single_threaded_blas
from engine.config import FitConfig, InitMethod
from engine.init import initial_responsibilities, random_distinct_rows, require_distinct_rows, tutorial_params
from engine.locks import apply_locks
from engine.params import MixtureParams
from engine.scales import check_fit_data
from engine.stats import Reseed, SufficientStats, m_step
from engine.weights import backend_total_weight, backend_weights, sample_unit, weighted_mean


class GaussianFamily:
    """A Gaussian mixture over the data a backend holds, with a ``FitConfig``'s covariance type, reg_covar,
    initialisation and locks.

    Parameters
    ----------
    backend : Backend
        Holds the data ``X`` of shape (n_samples, n_features) and computes the E-steps.
    config : FitConfig
    feature_names : sequence of str, optional
        Names of the columns, for the messages of the data checks.
    """

    def __init__(self, backend: Backend, config: FitConfig, feature_names: Sequence[str] | None = None) -> None:
        self.backend = backend
        self.config = config
        self.feature_names = feature_names

    @property
    def n_samples(self) -> int:
        return self.backend.n_samples

    @cached_property
    def one_sample(self) -> float:
        """The weight of one sample for the collapse and re-seeding rules (``engine.weights.sample_unit``), once:
        the weights do not change while EM runs, and the M-step needs it every iteration."""
        return sample_unit(backend_weights(self.backend))

    @property
    def total_weight(self) -> float:
        """``W``, the sum of the sample weights (``n_samples`` without weights): BIC's n."""
        return backend_total_weight(self.backend)

    def check(self) -> None:
        """Finite data whose spread a double can hold, and at least K distinct rows (for every start:
        EM cannot keep more components than there are distinct points, a given start included)."""
        if isinstance(self.backend, StreamedData):  # not in memory: the backend checks every row in a pass
            self.backend.check_data(self.feature_names, self.config.n_components)
            return
        check_fit_data(self.backend.X, self.feature_names)
        require_distinct_rows(self.backend.X, self.config.n_components,
                              sample_weight=backend_weights(self.backend))

    def start(self, rng: np.random.Generator) -> tuple[MixtureParams, tuple[int, ...]]:
        """Starting parameters (see ``engine.init``) with the locks applied, and the components re-seeded."""
        config, backend = self.config, self.backend
        weights = backend_weights(backend)
        if config.init is InitMethod.GIVEN:
            return apply_locks(config.init_params, config.init_params, None, config.locks, config.reg_covar), ()
        if config.init is InitMethod.TUTORIAL:
            params = tutorial_params(backend.X, config, rng, weights)
            return apply_locks(params, params, None, config.locks, config.reg_covar), ()
        if isinstance(backend, StreamedData):  # centres from a sample of the rows, then one pass
            stats = backend.initial_stats(config, rng)
        else:
            assignment = initial_responsibilities(backend.X, config, rng, weights)
            stats = backend.stats_from_assignment(assignment, (config.n_components, config.covariance_type))
        # No parameters exist yet to say which samples are worst explained: start from random distinct ones.
        reseed = Reseed(lambda count: random_distinct_rows(backend.X, count, rng, weights), backend.data_covariance,
                        self.total_weight, self.one_sample)
        params, reseeded = m_step(stats, config.reg_covar, reseed)
        return apply_locks(params, params, None, config.locks, config.reg_covar), reseeded

    def e_step(self, params: MixtureParams, view_indices: NDArray[np.intp] | None,
               with_labels: bool) -> EStepResult:
        return self.backend.e_step(params, view_indices, with_labels)

    def m_step(self, stats: SufficientStats, params: MixtureParams) -> tuple[MixtureParams, tuple[int, ...]]:
        """The M-step, re-seeding collapsed components at the samples worst explained by ``params``, then
        the locks."""
        backend, config = self.backend, self.config
        reseed = Reseed(lambda count: backend.worst_points(params, count), backend.data_covariance,
                        self.total_weight, self.one_sample)
        with single_threaded_blas():  # D x D factorisations: BLAS threads would only cost
            updated, reseeded = m_step(stats, config.reg_covar, reseed)
            return apply_locks(updated, params, stats, config.locks, config.reg_covar), reseeded

    def mean_log_likelihood(self, params: MixtureParams) -> float:
        if isinstance(self.backend, StreamedData):
            return float(self.backend.mean_log_likelihood(params))
        return weighted_mean(self.backend.log_prob_norm(params), backend_weights(self.backend))

    def to_vector(self, params: MixtureParams) -> NDArray[np.float64] | None:
        """The parameters as an unconstrained vector for ``engine.acceleration`` (None: not extrapolated)."""
        return gaussian_to_vector(params)

    def from_vector(self, vector: NDArray[np.float64], like: MixtureParams) -> MixtureParams | None:
        """Parameters from ``to_vector``'s vector, with the locks of ``like``'s fit not yet applied (the
        loop's next M-step applies them); None when the vector gives no valid parameters."""
        return gaussian_from_vector(vector, like)
