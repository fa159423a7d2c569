"""The EM loop, written once, as a generator of immutable snapshots.

``run_em`` is the loop, for any kind of mixture (a ``MixtureFamily``: Gaussians, ``engine.families.gaussian``;
coins, ``engine.families.binomial``). It yields a snapshot after the initialisation and after every
half-step (E, then M), so the window, the command line, the lessons and the tests all drive the same code
and any caller can stop between two half-steps. ``iterate_em`` is the loop on Gaussian mixtures of data
``X``; ``fit`` and ``fit_family`` drive it to the end.

Convergence follows scikit-learn exactly: iteration ``n`` runs an E-step with the current parameters
(its mean log-likelihood is ``history[n - 1]``) and then an M-step; EM stops after iteration ``n``
when ``|history[n - 1] - history[n - 2]| < tol`` (with ``history[-1] = -inf`` before the first), or
after ``max_iter`` iterations. So ``tol = 0`` runs exactly ``max_iter`` iterations. With several starts
the one with the highest last ``history`` value is kept.

Longer than the 400-line guide (about 470 lines) on purpose: the loop, its snapshot and result types, the
SQUAREM-accelerated cycle and the several-starts driver are one piece that is easiest to check read
together; the maths each half-step calls lives elsewhere (``engine.stats``, ``engine.backends``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum

import numpy as np
from numpy.typing import NDArray

from engine.acceleration import MAX_BACKTRACKS, extrapolate, step_length
from engine.backends import make_backend
from engine.backends.base import Backend, EStepResult
from engine.blas import single_threaded_blas
from engine.config import FitConfig
from engine.families.base import LoopSettings, MixtureFamily
from engine.families.binomial import BinomialConfig, BinomialParams, BinomialStats
from engine.families.gaussian import GaussianFamily
from engine.params import MixtureParams, frozen_array
from engine.stats import SufficientStats


class HalfStep(StrEnum):
    """Which part of EM a snapshot follows."""

    INIT = "init"  #: starting parameters of a start, before any E-step
    E = "E"  #: an E-step: new responsibilities and log-likelihood, parameters unchanged
    M = "M"  #: an M-step: new parameters from the latest responsibilities
    BEST = "best"  #: the end of several starts: the parameters of the best one


class StopReason(StrEnum):
    CONVERGED = "converged"
    MAX_ITER = "max_iter"


@dataclass(frozen=True, slots=True)
class ReseedEvent:
    """One collapsed component that an M-step moved (see ``engine.stats.m_step``).

    Attributes
    ----------
    component : int
        Which component (0-based).
    iteration : int
        The EM iteration whose M-step re-seeded it; 0 for the M-step that made the starting parameters.
    """

    component: int
    iteration: int


@dataclass(frozen=True, slots=True)
class EMSnapshot:
    """State of EM after one half-step. Arrays are read-only; nothing N x K is kept unless asked for.

    Attributes
    ----------
    start : int
        Which start (0 to n_init - 1) this snapshot belongs to.
    iteration : int
        The EM iteration the half-step belongs to (0 for ``INIT``).
    half_step : HalfStep
    params : MixtureParams or BinomialParams
        The family's parameters (``MixtureParams`` for Gaussian mixtures): after ``E``, the parameters the
        E-step used; after ``M``, the new ones.
    mean_log_likelihood : float
        Of the latest E-step of this start (NaN before the first).
    history : tuple of float
        Mean log-likelihood of every E-step of this start so far.
    converged : bool
    done : bool
        True on the last snapshot of the whole run (its ``params`` are the result).
    stop_reason : StopReason or None
        Set when this start has stopped.
    labels : ndarray of shape (n_samples,) or None
        Most responsible component of each sample, from the latest E-step.
    view_resp : ndarray of shape (n_view, n_components) or None
        Responsibilities of the samples at ``view_indices``, from the latest E-step.
    reseeded : tuple of int
        Components this half-step's M-step re-seeded because they collapsed (see ``engine.stats.m_step``).
    reseed_events : tuple of ReseedEvent
        Every re-seed of this start so far, this snapshot's included, in order.
    start_log_likelihoods : tuple of float
        Final mean log-likelihood of each finished start.
    stats : SufficientStats, BinomialStats or None
        What the latest E-step handed to the M-step (for Gaussians ``nk``, weighted means and covariances,
        before ``reg_covar`` and locks): the numbers of the M-step's formulas, for a view that explains them.
    e_step_params : MixtureParams, BinomialParams or None
        The parameters the latest E-step used (the ones ``view_resp``, ``labels`` and ``stats`` come from):
        ``params`` itself after ``E``, the parameters before the M-step after ``M``; None before the first.
    """

    start: int
    iteration: int
    half_step: HalfStep
    params: MixtureParams | BinomialParams
    mean_log_likelihood: float = float("nan")
    history: tuple[float, ...] = ()
    converged: bool = False
    done: bool = False
    stop_reason: StopReason | None = None
    labels: NDArray[np.intp] | None = None
    view_resp: NDArray[np.float64] | None = None
    reseeded: tuple[int, ...] = ()
    start_log_likelihoods: tuple[float, ...] = field(default=())
    stats: SufficientStats | BinomialStats | None = None
    reseed_events: tuple[ReseedEvent, ...] = ()
    e_step_params: MixtureParams | BinomialParams | None = None

    @property
    def change(self) -> float:
        """Change of the mean log-likelihood in the latest E-step (NaN before the second)."""
        return self.history[-1] - self.history[-2] if len(self.history) >= 2 else float("nan")


def initial_params(backend: Backend, config: FitConfig, rng: np.random.Generator) -> MixtureParams:
    """Starting parameters of one start of a Gaussian fit (see ``engine.init``)."""
    return GaussianFamily(backend, config).start(rng)[0]


def _frozen(array: NDArray | None) -> NDArray | None:
    if array is None:
        return None
    array.flags.writeable = False
    return array


def _frozen_stats(stats: SufficientStats | BinomialStats | None) -> SufficientStats | BinomialStats | None:
    """``stats`` (an E-step's statistics, any family) with its arrays made read-only, so that a caller holding a
    snapshot cannot change the M-step that reads them after the snapshot is yielded."""
    if stats is not None:
        for stats_field in fields(stats):
            value = getattr(stats, stats_field.name)
            if isinstance(value, np.ndarray):
                _frozen(value)
    return stats


def iterate_em(
    X: NDArray[np.floating],
    config: FitConfig,
    rng: np.random.Generator | int | None = None,
    view_indices: NDArray[np.intp] | None = None,
    backend: Backend | None = None,
    with_labels: bool = True,
    feature_names: Sequence[str] | None = None,
    sample_weight: NDArray[np.floating] | None = None,
) -> Iterator[EMSnapshot]:
    """Run EM on a Gaussian mixture of ``X``, yielding a snapshot after the initialisation and after every
    E- and M-step (``run_em`` with an ``engine.families.gaussian.GaussianFamily``).

    This is where data enters every Gaussian fit (the command line, the window, the picture
    segmentation), so the data is checked here, before the first snapshot: ``engine.scales.check_fit_data``
    (finite, and every column's spread within double precision) and ``engine.init.require_distinct_rows``
    (at least K distinct rows, whatever the initialisation).

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    config : FitConfig
    rng : numpy.random.Generator or int, optional
        The random numbers of the starts (an int seeds a new generator); defaults to
        ``numpy.random.default_rng(config.seed)``.
    view_indices : ndarray of shape (n_view,), optional
        Samples whose responsibilities the snapshots carry.
    backend : Backend, optional
        The E-step engine over ``X`` (``engine.backends.make_backend(X)`` by default, the chunked one;
        ``engine.backends.direct.DirectBackend`` is the reference).
    with_labels : bool
        Whether E snapshots carry every sample's label (``fit`` does not need them).
    feature_names : sequence of str, optional
        Names of the columns, for the messages of the data checks.
    sample_weight : ndarray of shape (n_samples,), optional
        Non-negative weights of the rows, not all zero (``engine.weights``); ignored when ``backend`` is
        given (the backend holds its own).

    Yields
    ------
    EMSnapshot
        The last one has ``done=True`` and the parameters of the best start.

    Raises
    ------
    InputError
        From the data checks, when the generator is first advanced.
    """
    backend = make_backend(X, sample_weight=sample_weight) if backend is None else backend
    yield from run_em(GaussianFamily(backend, config, feature_names), config, rng, view_indices, with_labels)


def run_em(
    family: MixtureFamily,
    settings: LoopSettings,
    rng: np.random.Generator | int | None = None,
    view_indices: NDArray[np.intp] | None = None,
    with_labels: bool = True,
) -> Iterator[EMSnapshot]:
    """The EM loop: ``settings.n_init`` starts of the family's E- and M-steps, a snapshot per half-step.

    Parameters
    ----------
    family : MixtureFamily
        The kind of mixture and its data.
    settings : LoopSettings
        ``n_init``, ``max_iter``, ``tol`` and ``seed`` (a ``FitConfig`` or ``BinomialConfig``).
    rng : numpy.random.Generator or int, optional
        The random numbers of the starts (an int seeds a new generator); defaults to
        ``numpy.random.default_rng(settings.seed)``.
    view_indices : ndarray of shape (n_view,), optional
        Observations whose responsibilities the snapshots carry.
    with_labels : bool
        Whether E snapshots carry every observation's label.

    Yields
    ------
    EMSnapshot
        The last one has ``done=True`` and the parameters of the best start.

    Raises
    ------
    InputError
        From ``family.check()``, when the generator is first advanced.
    """
    family.check()
    rng = np.random.default_rng(settings.seed if rng is None else rng)  # a Generator is used as it is, not copied
    best: EMSnapshot | None = None
    finished: list[float] = []
    for start in range(settings.n_init):
        params, reseeded = family.start(rng)
        last_start = start == settings.n_init - 1
        events = tuple(ReseedEvent(k, 0) for k in reseeded)
        snapshot = EMSnapshot(start, 0, HalfStep.INIT, params, start_log_likelihoods=tuple(finished),
                              reseeded=reseeded, reseed_events=events)
        if settings.max_iter == 0:
            snapshot = _finish(snapshot, StopReason.MAX_ITER, False, finished, last_start and settings.n_init == 1)
            yield snapshot
        else:
            yield snapshot
            for snapshot in _iterations(family, settings, params, start, view_indices, finished, with_labels,
                                        events):
                if snapshot.stop_reason is not None:
                    snapshot = _finish(snapshot, snapshot.stop_reason, snapshot.converged, finished,
                                       last_start and settings.n_init == 1)
                yield snapshot
        if best is None or snapshot.mean_log_likelihood > best.mean_log_likelihood or np.isnan(
            best.mean_log_likelihood
        ):
            best = snapshot
    if settings.n_init > 1:
        yield replace(best, half_step=HalfStep.BEST, done=True, reseeded=(), start_log_likelihoods=tuple(finished))


def _finish(snapshot: EMSnapshot, reason: StopReason, converged: bool, finished: list[float], done: bool):
    finished.append(snapshot.mean_log_likelihood)
    return replace(snapshot, converged=converged, done=done, stop_reason=reason, start_log_likelihoods=tuple(finished))


def _iterations(family: MixtureFamily, settings: LoopSettings, params, start: int,
                view_indices: NDArray[np.intp] | None, finished: list[float],
                with_labels: bool, events: tuple[ReseedEvent, ...]) -> Iterator[EMSnapshot]:
    """E and M snapshots of one start; the last one carries its stop reason. ``events``: re-seeds so far."""
    if getattr(settings, "accelerate", False) and hasattr(family, "to_vector"):
        yield from _accelerated_iterations(family, settings, params, start, view_indices, finished, with_labels,
                                           events)
        return
    history: list[float] = []
    previous = -np.inf
    for iteration in range(1, settings.max_iter + 1):
        e_result: EStepResult = family.e_step(params, view_indices, with_labels)
        history.append(e_result.mean_log_likelihood)
        labels, view_resp = _frozen(e_result.labels), _frozen(e_result.view_resp)
        common = dict(start_log_likelihoods=tuple(finished), labels=labels, view_resp=view_resp,
                      stats=_frozen_stats(e_result.stats), e_step_params=params)
        yield EMSnapshot(start, iteration, HalfStep.E, params, history[-1], tuple(history), reseed_events=events,
                         **common)
        params, reseeded = family.m_step(e_result.stats, params)
        events += tuple(ReseedEvent(k, iteration) for k in reseeded)
        converged = abs(history[-1] - previous) < settings.tol
        previous = history[-1]
        reason = StopReason.CONVERGED if converged else (StopReason.MAX_ITER if iteration == settings.max_iter
                                                         else None)
        yield EMSnapshot(start, iteration, HalfStep.M, params, history[-1], tuple(history), converged,
                         stop_reason=reason, reseeded=reseeded, reseed_events=events, **common)
        if converged:
            return


def _accelerated_iterations(family: MixtureFamily, settings: LoopSettings, params, start: int,
                            view_indices: NDArray[np.intp] | None, finished: list[float],
                            with_labels: bool, events: tuple[ReseedEvent, ...]) -> Iterator[EMSnapshot]:
    """As ``_iterations``, each iteration a SQUAREM cycle (``engine.acceleration``): two EM steps and, where
    it does not lower the log-likelihood, an extrapolation along their path followed by one more EM step.

    The E snapshot is the cycle's first E-step (its log-likelihood is the history's); the M snapshot
    carries the accepted parameters, always an M-step's output. The stopping rule is the loop's, applied to
    the log-likelihood at the start of each cycle.
    """
    history: list[float] = []
    previous = -np.inf
    e_result: EStepResult = family.e_step(params, view_indices, with_labels)
    for iteration in range(1, settings.max_iter + 1):
        history.append(e_result.mean_log_likelihood)
        labels, view_resp = _frozen(e_result.labels), _frozen(e_result.view_resp)
        common = dict(start_log_likelihoods=tuple(finished), labels=labels, view_resp=view_resp,
                      stats=_frozen_stats(e_result.stats), e_step_params=params)
        yield EMSnapshot(start, iteration, HalfStep.E, params, history[-1], tuple(history), reseed_events=events,
                         **common)
        accepted, reseeded = family.m_step(e_result.stats, params)
        next_e = None
        if not reseeded:
            first = accepted
            e_first = family.e_step(first, None, False)
            accepted, reseeded = family.m_step(e_first.stats, first)
            if not reseeded:
                floor = max(e_result.mean_log_likelihood, e_first.mean_log_likelihood)
                jump = _squarem_step(family, params, first, accepted, floor, view_indices, with_labels)
                if jump is not None:
                    accepted, next_e = jump
        events += tuple(ReseedEvent(k, iteration) for k in reseeded)
        converged = abs(history[-1] - previous) < settings.tol
        previous = history[-1]
        reason = StopReason.CONVERGED if converged else (StopReason.MAX_ITER if iteration == settings.max_iter
                                                         else None)
        yield EMSnapshot(start, iteration, HalfStep.M, accepted, history[-1], tuple(history), converged,
                         stop_reason=reason, reseeded=reseeded, reseed_events=events, **common)
        if reason is not None:
            return
        params = accepted
        e_result = next_e if next_e is not None else family.e_step(params, view_indices, with_labels)


def _squarem_step(family: MixtureFamily, p0, p1, p2, floor: float, view_indices: NDArray[np.intp] | None,
                  with_labels: bool) -> tuple[object, EStepResult] | None:
    """SQUAREM's extrapolated step from ``p0`` along ``p1 = F(p0)``, ``p2 = F(p1)``, then one EM step: the new
    parameters and their E-step, or None to keep plain EM's ``p2`` (a step that cannot reach ``floor``, the
    log-likelihood of ``p0`` and of ``p1``, after ``MAX_BACKTRACKS`` halvings towards plain EM)."""
    vectors = [family.to_vector(p) for p in (p0, p1, p2)]
    if any(vector is None for vector in vectors):
        return None
    alpha = step_length(*vectors)
    for _ in range(MAX_BACKTRACKS + 1):
        if alpha > -1.0 - 1e-9:
            return None  # plain EM's own two steps: nothing to gain
        candidate = family.from_vector(extrapolate(*vectors, alpha), p0)
        if candidate is not None:
            e_candidate = family.e_step(candidate, None, False)
            if np.isfinite(e_candidate.mean_log_likelihood) and e_candidate.mean_log_likelihood >= floor:
                stabilised, reseeded = family.m_step(e_candidate.stats, candidate)
                if not reseeded:
                    e_stabilised = family.e_step(stabilised, view_indices, with_labels)
                    if e_stabilised.mean_log_likelihood >= floor:
                        return stabilised, e_stabilised
        alpha = (alpha - 1.0) / 2.0
    return None


@dataclass(frozen=True, slots=True)
class FitResult:
    """The outcome of ``fit``.

    Attributes
    ----------
    params : MixtureParams
    n_iter : int
        Iterations of the kept start.
    converged : bool
    history : tuple of float
        Mean log-likelihood of every E-step of the kept start.
    mean_log_likelihood : float
        Mean log-likelihood of the data under ``params`` (the returned, final parameters); with sample
        weights the weighted mean ``sum_i w_i log p(x_i) / W``.
    n_samples : int
        Rows of the data.
    config : FitConfig
    start_log_likelihoods : tuple of float
        Final ``history`` value of every start.
    reseed_events : tuple of ReseedEvent
        Every collapsed component the kept start re-seeded, and when (see ``engine.stats.m_step``: a
        choice of ours, where scikit-learn keeps the component).
    total_weight : float or None
        ``W`` of a weighted fit; None for an unweighted one (``weight_sum`` is then ``n_samples``).
    """

    params: MixtureParams | BinomialParams
    n_iter: int
    converged: bool
    history: tuple[float, ...]
    mean_log_likelihood: float
    n_samples: int
    config: FitConfig | BinomialConfig
    start_log_likelihoods: tuple[float, ...]
    reseed_events: tuple[ReseedEvent, ...] = ()
    total_weight: float | None = None

    @property
    def weight_sum(self) -> float:
        """``W``, the sum of the sample weights (``n_samples`` for an unweighted fit): BIC's n."""
        return float(self.n_samples) if self.total_weight is None else float(self.total_weight)

    @property
    def log_likelihood(self) -> float:
        """Total (with sample weights, weighted) log-likelihood of the data under ``params``."""
        return self.mean_log_likelihood * self.weight_sum


def fit(X: NDArray[np.floating], config: FitConfig, rng: np.random.Generator | int | None = None,
        backend: Backend | None = None, on_snapshot: Callable[[EMSnapshot], object] | None = None,
        feature_names: Sequence[str] | None = None, sample_weight: NDArray[np.floating] | None = None) -> FitResult:
    """Run EM on a Gaussian mixture of ``X`` to the end (see ``iterate_em``) and score the data under the result.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    config : FitConfig
    rng : numpy.random.Generator or int, optional
        As for ``iterate_em``.
    backend : Backend, optional
        As for ``iterate_em``.
    on_snapshot : callable, optional
        Called with every snapshot (the command line prints progress with it).
    feature_names : sequence of str, optional
        Names of the columns, for the messages of the data checks.
    sample_weight : ndarray of shape (n_samples,), optional
        As for ``iterate_em``.

    Raises
    ------
    InputError
        If the data cannot be fitted (see ``iterate_em``).
    """
    backend = make_backend(X, sample_weight=sample_weight) if backend is None else backend
    return fit_family(GaussianFamily(backend, config, feature_names), config, rng, on_snapshot)


def fit_family(family: MixtureFamily, settings: LoopSettings, rng: np.random.Generator | int | None = None,
               on_snapshot: Callable[[EMSnapshot], object] | None = None) -> FitResult:
    """Run ``run_em`` to the end and score the data under the result (any family)."""
    snapshot = None
    with single_threaded_blas():  # held for the whole fit: taking it per M-step costs more than a small E-step
        for snapshot in run_em(family, settings, rng, with_labels=False):
            if on_snapshot is not None:
                on_snapshot(snapshot)
        final_mean = family.mean_log_likelihood(snapshot.params)
    weighted = getattr(getattr(family, "backend", None), "sample_weight", None) is not None
    return FitResult(snapshot.params, snapshot.iteration, snapshot.converged, snapshot.history, final_mean,
                     family.n_samples, settings, snapshot.start_log_likelihoods, snapshot.reseed_events,
                     family.total_weight if weighted else None)


__all__ = ["EMSnapshot", "FitResult", "HalfStep", "ReseedEvent", "StopReason", "fit", "fit_family", "iterate_em",
           "run_em", "frozen_array"]
