"""``FitConfig``: the settings of one fit, checked when it is built."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from engine.checks import is_int, is_real
from engine.covariance import CovarianceType
from engine.errors import InputError
from engine.locks import Locks
from engine.params import MixtureParams


class InitMethod(StrEnum):
    """How EM's starting parameters are chosen.

    kmeans++          means at k-means++ seeds, hard assignment to the nearest seed (default)
    kmeans            k-means++ seeds refined by a few Lloyd iterations, then hard assignment
    random            random responsibilities (each row a random point of the simplex)
    random_from_data  K distinct data points as means, hard assignment to the nearest
    tutorial          the textbooks' start: K distinct data points at random as means, identity
                      covariances, equal weights
    given             the parameters in ``FitConfig.init_params`` (a JSON model, or placed by hand)
    """

    KMEANS_PP = "kmeans++"
    KMEANS = "kmeans"
    RANDOM = "random"
    RANDOM_FROM_DATA = "random_from_data"
    TUTORIAL = "tutorial"
    GIVEN = "given"


@dataclass(frozen=True, slots=True)
class FitConfig:
    """Settings of a fit. Construction checks every value and raises ``InputError`` with a sentence.

    Attributes
    ----------
    n_components : int
        K, at least 1.
    covariance_type : CovarianceType
    tol : float
        Stop when the mean per-sample log-likelihood changes by less than this (scikit-learn's rule);
        0 runs exactly ``max_iter`` iterations.
    max_iter : int
        At most this many EM iterations per start (0 only initialises).
    reg_covar : float
        Added to the diagonal of every covariance, >= 0.
    init : InitMethod
    n_init : int
        Number of starts; the one with the highest final log-likelihood is kept.
    seed : int or None
        Seed of the ``numpy.random.Generator``; ``None`` draws fresh entropy.
    init_params : MixtureParams or None
        Starting parameters, required for (and only used by) ``init="given"``.
    locks : Locks
        Parameters EM may not move (see ``engine.locks``); nothing by default.
    accelerate : bool
        Take SQUAREM's extrapolated steps where EM crawls (``engine.acceleration``); off by default, so the
        window shows plain EM. The log-likelihood still never decreases.
    """

    n_components: int
    covariance_type: CovarianceType = CovarianceType.FULL
    tol: float = 1e-3
    max_iter: int = 100
    reg_covar: float = 1e-6
    init: InitMethod = InitMethod.KMEANS_PP
    n_init: int = 1
    seed: int | None = None
    init_params: MixtureParams | None = None
    locks: Locks = Locks()
    accelerate: bool = False

    def __post_init__(self) -> None:
        try:
            covariance_type = CovarianceType(self.covariance_type)
        except ValueError:
            choices = ", ".join(t.value for t in CovarianceType)
            raise InputError(f"unknown covariance type {self.covariance_type!r}: choose one of {choices}.") from None
        try:
            init = InitMethod(self.init)
        except ValueError:
            choices = ", ".join(m.value for m in InitMethod)
            raise InputError(f"unknown initialisation {self.init!r}: choose one of {choices}.") from None
        object.__setattr__(self, "covariance_type", covariance_type)
        object.__setattr__(self, "init", init)
        for name in ("n_components", "max_iter", "n_init", "seed"):  # numpy integers become plain ints
            value = getattr(self, name)
            if is_int(value):
                object.__setattr__(self, name, int(value))
        for name in ("tol", "reg_covar"):
            value = getattr(self, name)
            if is_real(value):
                object.__setattr__(self, name, float(value))
        _require(is_int(self.n_components) and self.n_components >= 1,
                 f"the number of components must be a whole number >= 1, not {self.n_components!r}.")
        _require(is_real(self.tol) and self.tol >= 0, f"tol must be a number >= 0, not {self.tol!r}.")
        _require(is_int(self.max_iter) and self.max_iter >= 0,
                 f"max_iter must be a whole number >= 0, not {self.max_iter!r}.")
        _require(is_real(self.reg_covar) and self.reg_covar >= 0,
                 f"reg_covar must be a number >= 0, not {self.reg_covar!r}.")
        _require(is_int(self.n_init) and self.n_init >= 1, f"n_init must be a whole number >= 1, not {self.n_init!r}.")
        _require(self.seed is None or (is_int(self.seed) and self.seed >= 0),
                 f"the seed must be a whole number >= 0, not {self.seed!r}.")
        _require(all(is_int(k) and 0 <= k < self.n_components for k in self.locks.frozen_components),
                 f"frozen components must be numbers from 0 to {self.n_components - 1}.")
        if init is InitMethod.GIVEN:
            _require(self.init_params is not None, "initialisation 'given' needs starting parameters (a model file).")
            params = self.init_params
            _require(params.n_components == self.n_components,
                     f"the starting model has {params.n_components} components but K is {self.n_components}.")
            _require(params.covariance_type is covariance_type,
                     f"the starting model has {params.covariance_type.value} covariances but the fit asks for "
                     f"{covariance_type.value}.")


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise InputError(message)
