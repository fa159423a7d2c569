"""What each lesson sets up, without Qt: its data, the Model settings and locks, the start and the view.

Every set-up is deterministic (seeded ``numpy.random.Generator``s), so the numbers a lesson's text names
are the numbers EM gives on screen; ``tests/test_lessons.py`` checks them against the engine. The texts
themselves are in ``gui.lessons.catalogue``.

Gaussian lessons give a ``GaussianSetup``: a data set, the window's controls as ``MainWindow.controls``
names them (the Model settings and locks, the Display options and the delay per iteration) and, for
initialisation "given", the start. Coin lessons give a ``CoinsSetup``: the counts, the starts to choose
from, the loop's settings and, when the textbook gives it, the answer that knowing the coins would give.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from engine.config import FitConfig
from engine.em import fit
from engine.families.binomial import BinomialConfig, BinomialParams, CoinData, complete_data_estimate
from engine.init import random_distinct_rows
from engine.io.tables import Dataset
from engine.locks import CovarianceLock, Locks
from engine.params import MixtureParams
from engine.presets import generate

#: The controls every Gaussian lesson starts from (a lesson changes some of them).
BASE_CONTROLS: dict[str, Any] = {
    "n_components": 3, "covariance_type": "full", "tol": 1e-3, "max_iter": 100, "init": "kmeans++", "seed": 0,
    "reg_covar": 1e-6, "n_init": 1, "equal_weights": False, "covariance_lock": "free", "frozen": (),
    "hard_labels": 0, "three_sigma": 0, "density": "off", "delay_ms": 150,
}


@dataclass(frozen=True, slots=True)
class GaussianSetup:
    """A Gaussian lesson's data, controls and start.

    Attributes
    ----------
    dataset : Dataset
    controls : dict
        ``BASE_CONTROLS`` with the lesson's changes (keys of ``MainWindow.controls``).
    start : MixtureParams or None
        The start of initialisation "given" (``controls["init"] == "given"``), else None.
    """

    dataset: Dataset
    controls: dict[str, Any]
    start: MixtureParams | None = None

    def config(self) -> FitConfig:
        """The ``FitConfig`` the Model panel gives for these controls."""
        c = self.controls
        locks = Locks(bool(c["equal_weights"]), CovarianceLock(c["covariance_lock"]), tuple(c["frozen"]))
        return FitConfig(c["n_components"], c["covariance_type"], c["tol"], c["max_iter"], c["reg_covar"], c["init"],
                         c["n_init"], c["seed"], self.start, locks)


def _controls(**changes: Any) -> dict[str, Any]:
    unknown = set(changes) - set(BASE_CONTROLS)
    if unknown:
        raise KeyError(f"not a control: {sorted(unknown)}")
    return {**BASE_CONTROLS, **changes}


def _lesson_dataset(X: NDArray[np.floating], labels: NDArray[np.integer], name: str) -> Dataset:
    names = tuple(f"x{j}" for j in range(X.shape[1])) if X.shape[1] > 1 else ("x",)
    return Dataset(np.asarray(X, dtype=float), names, 0, f"lesson:{name}", np.asarray(labels, dtype=np.int64))


# --- 1. three blobs from the tutorial start ---------------------------------------------------------------------

def three_blobs_tutorial() -> GaussianSetup:
    """The three-blobs preset (500 points, seed 0), K = 3 full, initialisation "tutorial" with seed 3."""
    return GaussianSetup(generate("three-blobs", n=500, seed=0), _controls(init="tutorial", seed=3))


# --- 2. two Gaussians in 1-D: tol stops EM early -----------------------------------------------------------------

#: The data: 400 points, a quarter from N(-2, 0.5^2) and the rest from N(1, 1), seed 1.
ONE_D_WEIGHTS = (0.25, 0.75)
ONE_D_MEANS = (-2.0, 1.0)
ONE_D_DEVIATIONS = (0.5, 1.0)
ONE_D_POINTS = 400
ONE_D_SEED = 1


def two_gaussians_1d() -> GaussianSetup:
    """The classic start (weights 0.5 / 0.5, means 0 and 1, variances 1) on 1-D data of weights 0.25 / 0.75.

    At tol 1e-3 EM stops after 6 iterations near weights 0.51 / 0.49; run on (tol 0), it reaches weights
    0.25 / 0.75 with means -2.04 and 0.91.
    """
    rng = np.random.default_rng(ONE_D_SEED)
    n_first = int(rng.binomial(ONE_D_POINTS, ONE_D_WEIGHTS[0]))
    X = np.concatenate([rng.normal(ONE_D_MEANS[0], ONE_D_DEVIATIONS[0], n_first),
                        rng.normal(ONE_D_MEANS[1], ONE_D_DEVIATIONS[1], ONE_D_POINTS - n_first)])[:, None]
    labels = np.repeat([0, 1], [n_first, ONE_D_POINTS - n_first])
    start = MixtureParams.from_covariances([0.5, 0.5], [[0.0], [1.0]], [[[1.0]], [[1.0]]], "full")
    return GaussianSetup(_lesson_dataset(X, labels, "two-gaussians-1d"),
                         _controls(n_components=2, init="given", delay_ms=100), start)


# --- 3. four clusters with a known covariance --------------------------------------------------------------------

#: The four-2d preset's shared covariance, 30 I.
FOUR_2D_VARIANCE = 30.0


def four_clusters_known_covariance() -> GaussianSetup:
    """The four-2d preset (500 points, seed 0), K = 4, covariances fixed at the known 30 I; the start's means are
    four data points chosen with seed 0, its weights equal."""
    dataset = generate("four-2d", n=500, seed=0)
    means = _distinct_rows(dataset.X, 4, seed=0)
    start = MixtureParams.from_covariances(np.full(4, 0.25), means, np.stack([FOUR_2D_VARIANCE * np.eye(2)] * 4),
                                           "full")
    return GaussianSetup(dataset, _controls(n_components=4, init="given", covariance_lock="fixed", delay_ms=250),
                         start)


def _distinct_rows(X: NDArray[np.floating], count: int, seed: int) -> NDArray[np.float64]:
    return random_distinct_rows(np.asarray(X), count, np.random.default_rng(seed))


# --- 4. EM and k-means -------------------------------------------------------------------------------------------

#: The fixed spherical variance that makes every responsibility 0 or 1 on the three-blobs data.
KMEANS_VARIANCE = 1e-5


def em_and_kmeans() -> GaussianSetup:
    """The three-blobs preset (300 points, seed 2), K = 3 spherical with equal weights and the covariances fixed
    at ``KMEANS_VARIANCE``: the centres start at three data points (seed 9), as Lloyd's k-means starts."""
    dataset = generate("three-blobs", n=300, seed=2)
    centres = _distinct_rows(dataset.X, 3, seed=9)
    start = MixtureParams.from_covariances(np.full(3, 1 / 3), centres, np.full(3, KMEANS_VARIANCE), "spherical")
    controls = _controls(covariance_type="spherical", init="given", equal_weights=True, covariance_lock="fixed",
                         tol=1e-6, hard_labels=1, delay_ms=400)
    return GaussianSetup(dataset, controls, start)


# --- 5. local optima ---------------------------------------------------------------------------------------------

def local_optima() -> GaussianSetup:
    """The blobs preset (four clusters, 400 points, seed 0), K = 4 full, eight tutorial starts with seed 1."""
    dataset = generate("blobs", n=400, k=4, d=2, seed=0)
    return GaussianSetup(dataset, _controls(n_components=4, init="tutorial", seed=1, n_init=8, tol=1e-6,
                                            max_iter=300, delay_ms=0))


# --- 6. singularities --------------------------------------------------------------------------------------------

#: The small data set (three-blobs, 60 points, seed 4), the point the fourth component starts on, its variance.
SINGULAR_POINTS = 60
SINGULAR_SEED = 4
SINGULAR_ROW = 9
SINGULAR_VARIANCE = 0.5
#: The reg_covar the lesson's switch turns on.
SINGULAR_REG_COVAR = 1e-2


def singularities() -> GaussianSetup:
    """Three spherical components fitted to the blobs and a fourth, small one (variance 0.5, weight 0.05) on one
    point at the edge; reg_covar 0 and tol 0, so EM runs until the fourth collapses onto the point."""
    dataset = generate("three-blobs", n=SINGULAR_POINTS, seed=SINGULAR_SEED)
    three = fit(dataset.X, FitConfig(3, "spherical", tol=1e-10, max_iter=500, seed=0)).params
    start = MixtureParams.from_covariances(np.append(0.95 * three.weights, 0.05),
                                           np.vstack([three.means, dataset.X[SINGULAR_ROW]]),
                                           np.append(three.covariances, SINGULAR_VARIANCE), "spherical")
    controls = _controls(n_components=4, covariance_type="spherical", init="given", reg_covar=0.0, tol=0.0,
                         max_iter=40, delay_ms=500)
    return GaussianSetup(dataset, controls, start)


# --- 7. and 8. coins ---------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class CoinsSetup:
    """A coin lesson: the counts, its starts, the loop's settings and, if known, the complete-data answer.

    Attributes
    ----------
    data : CoinData
    starts : tuple of BinomialParams
        The starts the lesson offers (the first is where it begins).
    fixed_weights : bool
        Keep each start's weights (only the thetas are estimated).
    tol, max_iter : float, int
    complete_data : ndarray of shape (n_coins,) or None
        Each coin's head probability when it is known which coin made each observation.
    delay_ms : int
        The delay per iteration the lesson sets, so that Space draws EM's path dot by dot.
    """

    data: CoinData
    starts: tuple[BinomialParams, ...]
    fixed_weights: bool
    tol: float = 1e-8
    max_iter: int = 100
    complete_data: NDArray[np.float64] | None = field(default=None)
    delay_ms: int = 300

    def config(self, start: int) -> BinomialConfig:
        """The loop's settings from start number ``start``."""
        params = self.starts[start]
        return BinomialConfig(params.n_components, tol=self.tol, max_iter=self.max_iter, init_params=params,
                              fixed_weights=self.fixed_weights)


#: Do and Batzoglou's five sets of ten tosses, and the coin that made each (hidden from EM): B, A, A, B, A.
TWO_COINS_HEADS = (5, 9, 8, 4, 7)
TWO_COINS_TOSSES = 10
TWO_COINS_USED = (1, 0, 0, 1, 0)


def two_coins() -> CoinsSetup:
    """Do and Batzoglou (2008): start theta_A 0.6, theta_B 0.5, each coin picked with probability 1/2 (fixed)."""
    data = CoinData(np.array(TWO_COINS_HEADS), np.array(TWO_COINS_TOSSES))
    return CoinsSetup(data, (BinomialParams.of([0.6, 0.5], [0.5, 0.5]),), fixed_weights=True,
                      complete_data=complete_data_estimate(data, TWO_COINS_USED, 2))


#: Li Hang's ten results of coin B or C (one toss each).
THREE_COINS_RESULTS = (1, 1, 0, 1, 0, 0, 1, 0, 1, 1)
#: His two starts (pi, p, q): coin A picks coin B (heads probability p) with probability pi, else coin C (q).
THREE_COINS_STARTS = ((0.5, 0.5, 0.5), (0.4, 0.6, 0.7))


def three_coins() -> CoinsSetup:
    """Li Hang's three coins: a two-component Bernoulli mixture with a free weight, from both of his starts."""
    data = CoinData(np.array(THREE_COINS_RESULTS), np.array(1))
    starts = tuple(BinomialParams.of([p, q], [pi, 1.0 - pi]) for pi, p, q in THREE_COINS_STARTS)
    return CoinsSetup(data, starts, fixed_weights=False)
