"""The sequential bootstrap likelihood-ratio test of K against K + 1 components (mclust's ``mclustBootstrapLRT``).

For one covariance type, starting at K = 1: fit K and K + 1 components to the data (the cell procedure of
``engine.selection.cells``, without cross-validation) and take ``LRT = 2 (L_{K+1} - L_K)``. Then ``B``
times: draw N rows from the fitted K-component model (``engine.model.sample``), fit K and K + 1 to them the
same way, and take ``LRT*``. The p-value is ``(1 + #{LRT* >= LRT}) / (B + 1)``. The test moves on to
K + 1 while ``p < alpha``, and stops at the first step that is not significant: K components are enough.

A step whose K or K + 1 fit to the data is degenerate (``engine.selection.criteria``: a component on a few
tied rows has a likelihood that grows without bound) ends the test at K, with a note: its likelihood ratio
measures the collapse, not structure. A replicate whose fits fail is left out (the p-value then counts the
replicates that were fitted); a replicate's degenerate fit is kept as it is, which can only make LRT*
larger and the test more cautious about adding a component. Every
replicate's data and starts come from its own seed (``SeedSequence(seed, spawn_key=(3, K, type, b))``),
so the test gives the same numbers serial or parallel. It is a generator like the selection: a progress
event per replicate, an ``LRTStep`` per step, the ``LRTResult`` last; closing it stops the work.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from engine.blas import single_threaded_blas
from engine.covariance import CovarianceType
from engine.errors import InputError
from engine.model import sample
from engine.params import MixtureParams
from engine.selection.cells import BOOT_KEY, COVARIANCE_INDEX, CellData, fit_cell
from engine.selection.grid import SelectionConfig
from engine.selection.pool import run_tasks, usable_processes
from engine.selection.results import CellResult
from engine.selection.run import distinct_rows_up_to, selection_data

DEFAULT_ALPHA = 0.05
DEFAULT_BOOT = 99


@dataclass(frozen=True, slots=True)
class LRTProgress:
    """A replicate of the step K against K + 1 is done (``replicate`` of ``replicates``)."""

    n_components: int
    replicate: int
    replicates: int


@dataclass(frozen=True, slots=True)
class LRTStep:
    """One step of the test: K against K + 1.

    Attributes
    ----------
    n_components : int
        K, the null hypothesis.
    log_likelihoods : (float, float)
        Total log-likelihoods of the fitted K and K + 1 models.
    statistic : float
        ``2 (L_{K+1} - L_K)``.
    p_value : float
    replicates : tuple of float
        ``LRT*`` of every replicate that was fitted.
    """

    n_components: int
    log_likelihoods: tuple[float, float]
    statistic: float
    p_value: float
    replicates: tuple[float, ...]

    def significant(self, alpha: float) -> bool:
        return self.p_value < alpha


@dataclass(frozen=True, slots=True)
class LRTResult:
    """The finished test.

    Attributes
    ----------
    covariance_type : CovarianceType
    steps : tuple of LRTStep
    n_components : int
        The K the test settles on: the null of the first non-significant step, or the largest K tested.
    alpha : float
    boot : int
    stopped_at_limit : bool
        Every step was significant up to the largest K allowed.
    note : str or None
        Why the test stopped early: a fit of the step was degenerate (or could not be made).
    """

    covariance_type: CovarianceType
    steps: tuple[LRTStep, ...]
    n_components: int
    alpha: float
    boot: int
    stopped_at_limit: bool
    note: str | None = None


def p_value(statistic: float, replicates: Sequence[float]) -> float:
    """``(1 + #{LRT* >= LRT}) / (B + 1)`` over the ``B`` replicates."""
    values = np.asarray(replicates, dtype=float)
    return float((1 + np.count_nonzero(values >= statistic)) / (len(values) + 1))


def replicate_seed(seed: int, n_components: int, covariance_type: CovarianceType, replicate: int) -> int:
    key = (BOOT_KEY, int(n_components), COVARIANCE_INDEX[CovarianceType(covariance_type)], int(replicate))
    return int(np.random.SeedSequence(int(seed), spawn_key=key).generate_state(1)[0])


def _fitted(data: CellData, n_components: int, covariance_type: CovarianceType) -> CellResult:
    result = None
    for event in fit_cell(data, 0, n_components, covariance_type, cross_validate=False):
        result = event
    return result


def bootstrap_replicate(data: CellData, null: MixtureParams, replicate: int, seed: int) -> Iterator[tuple]:
    """One replicate (a pool task): rows drawn from ``null``, K and K + 1 fitted; yields ``(replicate, LRT*)``.

    ``LRT*`` is NaN when either fit failed.
    """
    n_components, covariance_type = null.n_components, null.covariance_type
    X, _ = sample(null, len(data.X), seed)
    replicate_data = CellData(X, dataclasses.replace(data.config, seed=seed), n_threads=data.n_threads)
    small = _fitted(replicate_data, n_components, covariance_type)
    large = _fitted(replicate_data, n_components + 1, covariance_type)
    yield replicate, float(2.0 * (large.log_likelihood - small.log_likelihood))


def iterate_bootstrap_lrt(X: ArrayLike, covariance_type: CovarianceType | str, config: SelectionConfig,
                          boot: int = DEFAULT_BOOT, alpha: float = DEFAULT_ALPHA,
                          fitted: dict[int, CellResult] | None = None, processes: int | None = None,
                          start_method: str | None = None) -> Iterator[LRTProgress | LRTStep | LRTResult]:
    """The sequential bootstrap LRT for one covariance type, as a generator (see the module docstring).

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    covariance_type : CovarianceType or str
    config : SelectionConfig
        How every model is fitted (``n_init``, ``tol``, ``max_iter``, ``reg_covar``, ``seed``); K runs
        from 1 up to ``max(config.ks)`` at most.
    boot : int
        Replicates per step, >= 1.
    alpha : float
        Significance level, in (0, 1).
    fitted : dict of K to CellResult, optional
        Fits of this type already made on ``X`` (a selection's cells) to reuse instead of fitting again.
    processes, start_method
        As for ``engine.selection.run.iterate_selection``.

    Raises
    ------
    InputError
        For an unknown type, ``boot`` < 1 or ``alpha`` outside (0, 1) (when first advanced).
    """
    try:
        covariance_type = CovarianceType(covariance_type)
    except ValueError:
        choices = ", ".join(t.value for t in CovarianceType)
        raise InputError(f"the likelihood-ratio test needs one covariance type, one of {choices}, not "
                         f"{covariance_type!r}.") from None
    if isinstance(boot, bool) or not isinstance(boot, (int, np.integer)) or boot < 1:
        raise InputError(f"the number of bootstrap replicates must be a whole number >= 1, not {boot!r}.")
    if not 0.0 < alpha < 1.0:
        raise InputError(f"alpha must be between 0 and 1, not {alpha!r}.")
    X = selection_data(X)
    largest = min(max(config.ks), distinct_rows_up_to(X, max(config.ks)))
    data = CellData(X, config, n_threads=1)
    fits = dict(fitted or {})
    steps: list[LRTStep] = []
    n_components = 1
    note = None
    while n_components < largest:
        for k in (n_components, n_components + 1):
            if k not in fits or fits[k].params is None:
                with single_threaded_blas():
                    fits[k] = _fitted(data, k, covariance_type)
        small, large = fits[n_components], fits[n_components + 1]
        unusable = next((cell for cell in (small, large) if cell.degenerate), None)
        if unusable is not None:
            note = (f"the test stops at {n_components} component{'s' if n_components != 1 else ''}: the "
                    f"{unusable.n_components}-component fit is degenerate ({unusable.degenerate_reason}), so "
                    "its likelihood measures a collapse, not structure.")
            break
        statistic = float(2.0 * (large.log_likelihood - small.log_likelihood))
        seeds = [replicate_seed(config.seed, n_components, covariance_type, b) for b in range(boot)]
        tasks = [(bootstrap_replicate, (small.params, b, seeds[b])) for b in range(boot)]
        values = [float("nan")] * boot
        done = 0
        for replicate, value in _run(data, tasks, processes, start_method):
            values[replicate] = value
            done += 1
            yield LRTProgress(n_components, done, boot)
        replicates = tuple(value for value in values if np.isfinite(value))
        step = LRTStep(n_components, (small.log_likelihood, large.log_likelihood), statistic,
                       p_value(statistic, replicates), replicates)
        steps.append(step)
        yield step
        if not step.significant(alpha):
            break
        n_components += 1
    stopped_at_limit = bool(steps) and steps[-1].significant(alpha) and note is None
    yield LRTResult(covariance_type, tuple(steps), n_components, float(alpha), int(boot), stopped_at_limit, note)


def _run(data: CellData, tasks: list, processes: int | None, start_method: str | None) -> Iterator[tuple]:
    n_processes = usable_processes(processes, len(tasks), len(data.X))
    if n_processes > 1:
        yield from run_tasks(CellData, (data.X, data.config, 1), tasks, n_processes, start_method)
        return
    for task, args in tasks:
        with single_threaded_blas():
            events = list(task(data, *args))
        yield from events


__all__ = ["DEFAULT_ALPHA", "DEFAULT_BOOT", "LRTProgress", "LRTResult", "LRTStep", "iterate_bootstrap_lrt",
           "p_value", "replicate_seed"]
