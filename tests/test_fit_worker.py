"""The fit job (``gui.main.fit_worker``) without Qt or threads: what it yields, when it pauses, stops and fails.

The job is a generator, so these tests drive it with ``next`` on the test's own thread; a fake clock that
never advances stands for a fit much faster than the emit interval.
"""

from __future__ import annotations

import threading
from functools import partial

import numpy as np
import pytest

from engine.config import FitConfig
from engine.em import HalfStep, fit, iterate_em
from engine.errors import FitError
from engine.families.binomial import BinomialConfig, BinomialFamily, BinomialParams, CoinData
from gui.main.fit_worker import (
    PAUSED,
    FitProgress,
    RunControl,
    StepTarget,
    family_steps,
    fit_steps,
    gaussian_family,
    throttled_steps,
)

X = np.concatenate([np.random.default_rng(0).normal(0.0, 1.0, (60, 2)),
                    np.random.default_rng(1).normal(6.0, 1.0, (60, 2))])
CONFIG = FitConfig(2, seed=0, tol=0.0, max_iter=4)
#: Do and Batzoglou's two coins: each picked with probability 1/2, ten iterations.
COINS = BinomialConfig(2, tol=0.0, max_iter=10, init_params=BinomialParams.of([0.6, 0.5], [0.5, 0.5]),
                       fixed_weights=True)


def _frozen_clock() -> float:
    return 0.0


def _kinds(items) -> list[str]:
    return ["paused" if item is PAUSED else f"{item.snapshot.half_step.value}{item.snapshot.iteration}"
            for item in items]


def _take(steps, count: int, control: RunControl) -> list:
    """The job's next ``count`` items; fails (and stops the job) if it blocks waiting for an order instead."""
    items: list = []

    def take() -> None:
        for item in steps:
            items.append(item)
            if len(items) == count:
                return

    taker = threading.Thread(target=take, daemon=True)
    taker.start()
    taker.join(30.0)  # a safety net only: the items come at once unless the job waits for an order
    if taker.is_alive():
        seen = _kinds(items)  # before the stop below lets the job end (and flush what it held)
        control.request_stop()
        taker.join(30.0)
        pytest.fail(f"the job waited for an order after {seen}")
    return items


def test_a_fast_free_run_yields_its_first_and_last_snapshots_only():
    items = list(throttled_steps(iterate_em(X, CONFIG), RunControl(), clock=_frozen_clock))
    assert _kinds(items) == ["init0", "M4"]
    assert items[-1].snapshot.done and np.isfinite(items[-1].ms_per_iteration)


def test_every_snapshot_goes_out_once_the_interval_has_passed():
    ticks = iter(range(0, 10_000, 1))
    items = list(throttled_steps(iterate_em(X, CONFIG), RunControl(), clock=lambda: float(next(ticks))))
    assert len(items) == 1 + 2 * CONFIG.max_iter


def test_stepping_yields_the_target_then_pauses_until_the_next_order():
    control = RunControl(step_target=StepTarget.E)
    steps = throttled_steps(iterate_em(X, CONFIG), control, clock=_frozen_clock)
    assert _kinds(_take(steps, 3, control)) == ["init0", "E1", "paused"]
    control.step_to(StepTarget.M)
    assert _kinds(_take(steps, 2, control)) == ["M1", "paused"]
    control.step_to(StepTarget.E)
    assert _kinds(_take(steps, 2, control)) == ["E2", "paused"]
    control.request_stop()
    assert list(steps) == []  # a stop ends the job without another snapshot


def test_the_held_back_snapshot_goes_out_before_the_job_waits():
    control = RunControl()

    def pause_after_the_first_e_step():
        for snapshot in iterate_em(X, CONFIG):
            if snapshot.half_step is HalfStep.E:
                control.pause()  # as if the user pressed Space while EM computed this E-step
            yield snapshot

    steps = throttled_steps(pause_after_the_first_e_step(), control, clock=_frozen_clock)
    assert _kinds(_take(steps, 2, control)) == ["init0", "E1"]  # E1 was held back (the clock stood still)
    control.request_stop()
    assert list(steps) == []


def test_with_a_delay_every_snapshot_goes_out():
    items = list(throttled_steps(iterate_em(X, CONFIG), RunControl(delay_s=1e-4), clock=_frozen_clock))
    assert len(items) == 1 + 2 * CONFIG.max_iter and PAUSED not in items


def test_an_error_comes_after_the_snapshot_held_back():
    def failing():
        snapshots = iterate_em(X, CONFIG)
        yield next(snapshots)
        yield next(snapshots)
        raise FitError("the covariance of component 1 is not positive definite")

    steps = throttled_steps(failing(), RunControl(), clock=_frozen_clock)
    assert _kinds([next(steps), next(steps)]) == ["init0", "E1"]
    with pytest.raises(FitError, match="component 1"):
        next(steps)


def test_the_job_ends_on_the_engines_result():
    items = list(fit_steps(X, CONFIG, None, RunControl()))
    assert all(isinstance(item, FitProgress) for item in items)
    expected = fit(X, CONFIG)
    assert items[-1].snapshot.done
    np.testing.assert_allclose(items[-1].snapshot.params.means, expected.params.means, rtol=1e-12)


def test_the_job_runs_any_family_a_builder_makes():
    """``family_steps``: Do and Batzoglou's two coins through the same job, every half-step sent (interval 0)."""
    built_on: list[str] = []

    def two_coins() -> BinomialFamily:
        built_on.append(threading.current_thread().name)
        return BinomialFamily(CoinData(np.array([5, 9, 8, 4, 7]), np.array(10)), COINS)

    items = list(family_steps(two_coins, COINS, None, RunControl(), emit_interval_s=0.0))
    assert len(built_on) == 1
    assert _kinds(items) == ["init0"] + [f"{half}{i}" for i in range(1, 11) for half in ("E", "M")]
    np.testing.assert_allclose(items[2].snapshot.params.theta, [0.7130, 0.5813], atol=5e-5)
    np.testing.assert_allclose(items[-1].snapshot.params.theta, [0.7967, 0.5197], atol=5e-5)
    np.testing.assert_array_equal(items[-1].snapshot.params.weights, [0.5, 0.5])
    # The Gaussian job is the same job with the Gaussian family: the same snapshots as before.
    # Every half-step sent (interval 0): with the default interval, which snapshots are sent depends on time.
    gaussian = list(family_steps(partial(gaussian_family, X, CONFIG), CONFIG, None, RunControl(), 0.0))
    assert _kinds(gaussian) == _kinds(list(fit_steps(X, CONFIG, None, RunControl(), emit_interval_s=0.0)))
