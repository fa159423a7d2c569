"""Mixtures of binomials ("K coins") as a family of the one EM loop: the textbooks' first EM examples.

Each observation ``i`` is a number of heads ``h_i`` out of ``n_i`` tosses of one of K coins, chosen with
probability ``w_k``; coin ``k`` shows heads with probability ``theta_k``. One toss per observation
(``n_i = 1``) is the Bernoulli mixture of Li Hang's three coins. With ``t_i = n_i - h_i`` tails:

    log p(h_i | k) = log C(n_i, h_i) + h_i log theta_k + t_i log(1 - theta_k)

E-step: ``r_ik = w_k p(h_i | k) / sum_j w_j p(h_i | j)``, computed in log space.
M-step: ``theta_k = sum_i r_ik h_i / sum_i r_ik n_i`` (the expected heads credited to coin k over its
expected tosses) and ``w_k = sum_i r_ik / N``, unless the weights are held fixed (Do and Batzoglou's two
coins pick each coin with probability 1/2 and never re-estimate it).

The log-likelihood is that of the counts, with the binomial coefficient (the probability of the observed
sequence of tosses leaves it out; the difference is a constant, so EM's steps and the responsibilities are
the same). No component is ever re-seeded: a coin that explains nothing keeps its ``theta``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from engine.backends.base import EStepResult
from engine.checks import is_int, is_real
from engine.errors import InputError
from engine.params import frozen_array

#: The weights given must sum to 1 within this.
WEIGHT_SUM_TOLERANCE = 1e-9
#: A random start draws each theta uniformly from this interval (away from 0 and 1, where EM is stuck).
RANDOM_THETA = (0.2, 0.8)


@dataclass(frozen=True, slots=True)
class CoinData:
    """Observations: heads out of tosses. Construction checks them (``InputError``, one sentence).

    Attributes
    ----------
    heads : ndarray of shape (n_observations,), int64
    tosses : ndarray of shape (n_observations,), int64
        At least 1 each, and at least ``heads``.
    """

    heads: NDArray[np.int64]
    tosses: NDArray[np.int64]

    def __post_init__(self) -> None:
        heads, tosses = np.asarray(self.heads), np.asarray(self.tosses)
        if tosses.ndim == 0:
            tosses = np.full(heads.shape, tosses)
        if heads.ndim != 1 or heads.size == 0:
            raise InputError("give at least one observation (a number of heads).")
        if tosses.shape != heads.shape:
            raise InputError(f"give one number of tosses for every observation, or one for all: {heads.size} "
                             f"observations but {tosses.size} numbers of tosses.")
        for name, values in (("heads", heads), ("tosses", tosses)):
            if not all(is_int(value) or (is_real(value) and float(value).is_integer()) for value in values.tolist()):
                raise InputError(f"the {name} must be whole numbers.")
        heads, tosses = heads.astype(np.int64), tosses.astype(np.int64)
        if np.any(tosses < 1):
            raise InputError(f"every observation needs at least one toss (observation {int(np.argmin(tosses))} "
                             f"has {int(tosses.min())}).")
        bad = np.flatnonzero((heads < 0) | (heads > tosses))
        if bad.size:
            i = int(bad[0])
            raise InputError(f"observation {i} has {int(heads[i])} heads out of {int(tosses[i])} tosses: heads "
                             "must be between 0 and the number of tosses.")
        object.__setattr__(self, "heads", frozen_array(heads, np.int64))
        object.__setattr__(self, "tosses", frozen_array(tosses, np.int64))

    @property
    def n_observations(self) -> int:
        return int(self.heads.size)

    @property
    def tails(self) -> NDArray[np.int64]:
        return self.tosses - self.heads


@dataclass(frozen=True, slots=True)
class BinomialParams:
    """Each coin's head probability and how often it is chosen. Arrays are read-only.

    Build it with ``BinomialParams.checked`` where values come from a user (it validates).

    Attributes
    ----------
    theta : ndarray of shape (n_components,)
        Head probability of each coin, in [0, 1] (EM may reach 0 or 1 exactly).
    weights : ndarray of shape (n_components,)
        Mixing weights, summing to 1.
    """

    theta: NDArray[np.float64]
    weights: NDArray[np.float64]

    @property
    def n_components(self) -> int:
        return int(self.theta.size)

    @classmethod
    def of(cls, theta: ArrayLike, weights: ArrayLike) -> BinomialParams:
        return cls(frozen_array(theta), frozen_array(weights))

    @classmethod
    def checked(cls, theta: ArrayLike, weights: ArrayLike | None = None) -> BinomialParams:
        """Parameters a user gave: every theta strictly between 0 and 1, weights >= 0 summing to 1 (equal
        weights when None). Raises ``InputError`` with one sentence."""
        theta = np.asarray(theta, dtype=float).ravel()
        if theta.size == 0:
            raise InputError("give at least one coin's head probability (theta).")
        if not np.all(np.isfinite(theta)) or np.any((theta <= 0.0) | (theta >= 1.0)):
            bad = theta[~(np.isfinite(theta) & (theta > 0.0) & (theta < 1.0))][0]
            raise InputError(f"a coin's head probability must lie strictly between 0 and 1, not {bad:g}.")
        if weights is None:
            weights = np.full(theta.size, 1.0 / theta.size)
        weights = np.asarray(weights, dtype=float).ravel()
        if weights.size != theta.size:
            raise InputError(f"give one weight per coin: {theta.size} thetas but {weights.size} weights.")
        if not np.all(np.isfinite(weights)) or np.any(weights < 0.0):
            raise InputError("the weights must be numbers >= 0.")
        if abs(weights.sum() - 1.0) > WEIGHT_SUM_TOLERANCE:
            raise InputError(f"the weights must sum to 1, not {weights.sum():.10g}.")
        return cls.of(theta, weights)


@dataclass(frozen=True, slots=True)
class BinomialStats:
    """What an E-step hands to the M-step: each coin's expected share of the observations, heads and tails.

    Attributes
    ----------
    nk : ndarray of shape (n_components,)
        ``sum_i r_ik``: how many observations the coin is credited with.
    heads : ndarray of shape (n_components,)
        ``sum_i r_ik h_i``: expected heads credited to each coin.
    tails : ndarray of shape (n_components,)
        ``sum_i r_ik t_i``: expected tails credited to each coin.
    """

    nk: NDArray[np.float64]
    heads: NDArray[np.float64]
    tails: NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class BinomialConfig:
    """Settings of a binomial-mixture fit. Construction checks every value (``InputError``).

    Attributes
    ----------
    n_components : int
        K, the number of coins.
    tol : float
        Stop when the mean log-likelihood per observation changes by less (0: run ``max_iter`` iterations).
    max_iter : int
    n_init : int
        Random starts (only without ``init_params``); the best is kept.
    seed : int or None
        Seed of the random starts.
    init_params : BinomialParams or None
        The start; None draws each theta from ``RANDOM_THETA`` and uses equal weights.
    fixed_weights : bool
        Keep the weights of the start (the two-coins example), re-estimating only the thetas.
    """

    n_components: int
    tol: float = 1e-8
    max_iter: int = 100
    n_init: int = 1
    seed: int | None = None
    init_params: BinomialParams | None = None
    fixed_weights: bool = False

    def __post_init__(self) -> None:
        if not is_int(self.n_components) or self.n_components < 1:
            raise InputError(f"the number of coins must be a whole number >= 1, not {self.n_components!r}.")
        if not is_real(self.tol) or self.tol < 0:
            raise InputError(f"tol must be a number >= 0, not {self.tol!r}.")
        if not is_int(self.max_iter) or self.max_iter < 0:
            raise InputError(f"max_iter must be a whole number >= 0, not {self.max_iter!r}.")
        if not is_int(self.n_init) or self.n_init < 1:
            raise InputError(f"n_init must be a whole number >= 1, not {self.n_init!r}.")
        if self.seed is not None and (not is_int(self.seed) or self.seed < 0):
            raise InputError(f"the seed must be a whole number >= 0, not {self.seed!r}.")
        if self.init_params is not None and self.init_params.n_components != self.n_components:
            raise InputError(f"the start has {self.init_params.n_components} coins but K is {self.n_components}.")
        for name in ("n_components", "max_iter", "n_init", "seed"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, int(value))
        object.__setattr__(self, "tol", float(self.tol))


def log_binomial_coefficients(data: CoinData) -> NDArray[np.float64]:
    """``log C(n_i, h_i)`` of every observation, shape (n_observations,)."""
    from scipy.special import gammaln  # imported when needed: every command imports this module
    n, h = data.tosses.astype(float), data.heads.astype(float)
    return gammaln(n + 1.0) - gammaln(h + 1.0) - gammaln(n - h + 1.0)


def weighted_log_prob(data: CoinData, params: BinomialParams) -> NDArray[np.float64]:
    """``log w_k + log p(h_i | k)``, shape (n_observations, n_components); ``0 log 0`` counts as 0."""
    from scipy.special import xlog1py, xlogy  # imported when needed, as above
    h, t = data.heads.astype(float)[:, None], data.tails.astype(float)[:, None]
    with np.errstate(divide="ignore"):
        log_weights = np.log(params.weights)
    return (log_binomial_coefficients(data)[:, None] + xlogy(h, params.theta[None, :])
            + xlog1py(t, -params.theta[None, :]) + log_weights[None, :])


def log_responsibilities(data: CoinData, params: BinomialParams) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Log-responsibilities, shape (n_observations, n_components), and each observation's log-likelihood.

    An observation no coin can produce (every term ``-inf``, e.g. a tail when every theta is 1) gets a
    log-likelihood of ``-inf`` and equal responsibilities, never NaN.
    """
    from scipy.special import logsumexp  # imported when needed, as above
    weighted = weighted_log_prob(data, params)
    log_norm = logsumexp(weighted, axis=1)
    impossible = ~np.isfinite(log_norm)
    with np.errstate(invalid="ignore"):
        log_resp = weighted - log_norm[:, None]
    if impossible.any():
        log_resp[impossible] = -np.log(params.n_components)
    return log_resp, log_norm


def sufficient_stats(data: CoinData, resp: NDArray[np.float64]) -> BinomialStats:
    """Each coin's credited observations, heads and tails from responsibilities (n_observations, K)."""
    return BinomialStats(frozen_array(resp.sum(axis=0)), frozen_array(resp.T @ data.heads.astype(float)),
                         frozen_array(resp.T @ data.tails.astype(float)))


def m_step(stats: BinomialStats, previous: BinomialParams, n_observations: int,
           fixed_weights: bool) -> BinomialParams:
    """New thetas (expected heads over expected tosses) and weights (expected share), from ``stats``.

    A coin credited with no tosses keeps its theta.
    """
    tosses = stats.heads + stats.tails
    with np.errstate(invalid="ignore", divide="ignore"):
        theta = np.where(tosses > 0, stats.heads / np.where(tosses > 0, tosses, 1.0), previous.theta)
    weights = previous.weights if fixed_weights else stats.nk / n_observations
    return BinomialParams.of(theta, weights)


def complete_data_estimate(data: CoinData, coins: ArrayLike, n_components: int) -> NDArray[np.float64]:
    """Each coin's head probability when it is known which coin made each observation: its heads over its
    tosses (NaN for a coin that made none), shape (n_components,)."""
    coins = np.asarray(coins, dtype=np.intp)
    heads = np.bincount(coins, weights=data.heads, minlength=n_components)
    tosses = np.bincount(coins, weights=data.tosses, minlength=n_components)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(tosses > 0, heads / np.where(tosses > 0, tosses, 1.0), np.nan)


class BinomialFamily:
    """A mixture of binomials over coin data, for ``engine.em.run_em``.

    Parameters
    ----------
    data : CoinData
    config : BinomialConfig
    """

    def __init__(self, data: CoinData, config: BinomialConfig) -> None:
        self.data = data
        self.config = config

    @property
    def n_samples(self) -> int:
        return self.data.n_observations

    def check(self) -> None:
        """Nothing to refuse: any coin data can be fitted with any K (extra coins just share the work)."""

    def start(self, rng: np.random.Generator) -> tuple[BinomialParams, tuple[int, ...]]:
        config = self.config
        if config.init_params is not None:
            return config.init_params, ()
        k = config.n_components
        return BinomialParams.of(np.sort(rng.uniform(*RANDOM_THETA, size=k)), np.full(k, 1.0 / k)), ()

    def e_step(self, params: BinomialParams, view_indices: NDArray[np.intp] | None,
               with_labels: bool) -> EStepResult:
        log_resp, log_norm = log_responsibilities(self.data, params)
        resp = np.exp(log_resp)
        return EStepResult(
            mean_log_likelihood=float(log_norm.mean()),
            labels=log_resp.argmax(axis=1) if with_labels else None,
            view_resp=None if view_indices is None else resp[view_indices],
            stats=sufficient_stats(self.data, resp),
        )

    def m_step(self, stats: BinomialStats, params: BinomialParams) -> tuple[BinomialParams, tuple[int, ...]]:
        return m_step(stats, params, self.data.n_observations, self.config.fixed_weights), ()

    def mean_log_likelihood(self, params: BinomialParams) -> float:
        return float(log_responsibilities(self.data, params)[1].mean())
