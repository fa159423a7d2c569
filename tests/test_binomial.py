"""Mixtures of binomials on the one EM loop: the textbooks' numbers, a step by hand, and EM's guarantees.

Two coins: Do and Batzoglou, "What is the expectation maximization algorithm?", Nature Biotechnology 26
(2008): heads 5, 9, 8, 4, 7 of 10 tosses, start theta_A 0.6, theta_B 0.5, each coin picked with
probability 1/2. Three coins: Li Hang, Statistical Learning Methods, section 9.1.1: observations
1,1,0,1,0,0,1,0,1,1, coin A picks B with probability pi, else C.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import binom

from engine.em import HalfStep, fit_family, run_em
from engine.errors import InputError
from engine.families.base import MixtureFamily
from engine.families.binomial import (
    BinomialConfig,
    BinomialFamily,
    BinomialParams,
    CoinData,
    complete_data_estimate,
    log_responsibilities,
)

TWO_COINS = CoinData(np.array([5, 9, 8, 4, 7]), np.array(10))
THREE_COINS = CoinData(np.array([1, 1, 0, 1, 0, 0, 1, 0, 1, 1]), np.array(1))


def _two_coins_config(max_iter: int) -> BinomialConfig:
    return BinomialConfig(2, tol=0.0, max_iter=max_iter, init_params=BinomialParams.checked([0.6, 0.5], [0.5, 0.5]),
                          fixed_weights=True)


def _m_snapshots(family, config):
    return [s for s in run_em(family, config) if s.half_step is HalfStep.M]


def test_two_coins_give_the_papers_numbers_after_one_and_after_ten_iterations():
    config = _two_coins_config(10)
    steps = _m_snapshots(BinomialFamily(TWO_COINS, config), config)
    np.testing.assert_allclose(steps[0].params.theta, [0.7130, 0.5813], atol=1e-4)
    np.testing.assert_allclose(steps[9].params.theta, [0.7967, 0.5197], atol=1e-4)
    assert np.array_equal(steps[-1].params.weights, [0.5, 0.5])  # held fixed throughout
    assert len(steps) == 10


def test_knowing_the_coins_gives_the_papers_complete_data_answer():
    np.testing.assert_allclose(complete_data_estimate(TWO_COINS, [1, 0, 0, 1, 0], 2), [0.80, 0.45])


@pytest.mark.parametrize(("start", "answer"), [((0.5, 0.5, 0.5), (0.5, 0.6, 0.6)),
                                               ((0.4, 0.6, 0.7), (0.4064, 0.5368, 0.6432))])
def test_three_coins_give_li_hangs_numbers_and_depend_on_the_start(start, answer):
    pi, p, q = start
    config = BinomialConfig(2, tol=1e-12, max_iter=200, init_params=BinomialParams.checked([p, q], [pi, 1 - pi]))
    result = fit_family(BinomialFamily(THREE_COINS, config), config)
    found = (result.params.weights[0], *result.params.theta)
    np.testing.assert_allclose(found, answer, atol=1e-4)


def test_one_iteration_equals_a_computation_by_hand():
    theta, weights = np.array([0.6, 0.5]), np.array([0.3, 0.7])
    heads, tosses = np.array([5, 9, 8, 4, 7]), np.array([10, 12, 9, 10, 7])
    config = BinomialConfig(2, tol=0.0, max_iter=1, init_params=BinomialParams.checked(theta, weights))
    data = CoinData(heads, tosses)
    snapshots = list(run_em(BinomialFamily(data, config), config, view_indices=np.arange(5)))
    e, m = snapshots[1], snapshots[2]
    # By hand, with scipy's binomial pmf: the E-step's responsibilities and log-likelihood ...
    joint = weights * binom.pmf(heads[:, None], tosses[:, None], theta)
    resp = joint / joint.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(e.view_resp, resp, rtol=1e-12)
    assert e.mean_log_likelihood == pytest.approx(np.log(joint.sum(axis=1)).mean(), rel=1e-12)
    # ... and the M-step: expected heads over expected tosses, expected share.
    np.testing.assert_allclose(e.stats.heads, resp.T @ heads, rtol=1e-12)
    np.testing.assert_allclose(e.stats.tails, resp.T @ (tosses - heads), rtol=1e-12)
    np.testing.assert_allclose(m.params.theta, (resp.T @ heads) / (resp.T @ tosses), rtol=1e-12)
    np.testing.assert_allclose(m.params.weights, resp.mean(axis=0), rtol=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_the_log_likelihood_never_decreases(seed):
    rng = np.random.default_rng(seed)
    tosses = rng.integers(1, 30, size=40)
    heads = rng.binomial(tosses, rng.choice([0.2, 0.5, 0.85], size=40))
    config = BinomialConfig(3, tol=0.0, max_iter=60, seed=seed)
    history = _m_snapshots(BinomialFamily(CoinData(heads, tosses), config), config)[-1].history
    assert np.all(np.diff(history) >= -1e-12)


def test_one_toss_each_is_the_bernoulli_mixture():
    """Binomial with n = 1 is Bernoulli: p(y | k) = theta_k^y (1 - theta_k)^(1 - y), no coefficient."""
    params = BinomialParams.checked([0.3, 0.8], [0.4, 0.6])
    y = THREE_COINS.heads
    bernoulli = params.weights * np.where(y[:, None] == 1, params.theta, 1 - params.theta)
    log_resp, log_norm = log_responsibilities(THREE_COINS, params)
    np.testing.assert_allclose(log_norm, np.log(bernoulli.sum(axis=1)), rtol=1e-14)
    np.testing.assert_allclose(np.exp(log_resp), bernoulli / bernoulli.sum(axis=1, keepdims=True), rtol=1e-14)


def test_a_coin_at_zero_or_one_gives_no_nan():
    """EM may drive theta to exactly 0 or 1 (a coin credited only with all-heads observations)."""
    data = CoinData(np.array([10, 10, 0, 3]), np.array(10))
    log_resp, log_norm = log_responsibilities(data, BinomialParams.of([1.0, 0.0], [0.5, 0.5]))
    assert not np.isnan(log_resp).any()
    assert np.isneginf(log_norm[3]) and np.isfinite(log_norm[:3]).all()


def test_the_binomial_family_is_a_mixture_family():
    config = _two_coins_config(1)
    assert isinstance(BinomialFamily(TWO_COINS, config), MixtureFamily)


@pytest.mark.parametrize(("make", "message"), [
    (lambda: CoinData(np.array([11]), np.array(10)), "between 0 and the number of tosses"),
    (lambda: CoinData(np.array([1, 2]), np.array([3, 4, 5])), "one number of tosses"),
    (lambda: CoinData(np.array([1.5]), np.array(3)), "whole numbers"),
    (lambda: CoinData(np.array([0]), np.array(0)), "at least one toss"),
    (lambda: BinomialParams.checked([0.5, 1.0]), "strictly between 0 and 1"),
    (lambda: BinomialParams.checked([0.5, 0.4], [0.5, 0.6]), "sum to 1"),
    (lambda: BinomialParams.checked([0.5, 0.4], [1.0]), "one weight per coin"),
    (lambda: BinomialConfig(3, init_params=BinomialParams.checked([0.5, 0.4])), "2 coins but K is 3"),
])
def test_bad_coins_input_is_one_sentence(make, message):
    with pytest.raises(InputError, match=message):
        make()
