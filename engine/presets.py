"""Generated teaching data sets: samples of known Gaussian mixtures, with their true labels.

Every preset draws from ``numpy.random.default_rng(seed)`` (never a global seed): first its true
parameters (for the random presets), then the component sizes, then the samples, then a shuffle. So
``generate`` and ``preset_truth`` with the same arguments agree, and the same seed gives the same data.

=============  ===========  ==================================================================
preset         uses k, d    mixture
=============  ===========  ==================================================================
three-blobs    no (2-D)     3 correlated blobs, weights .3/.5/.2
two-1d         no (1-D)     weights .3/.7, means -2 and 0.5, standard deviations 0.5 and 1
four-2d        no (2-D)     4 components sharing covariance 30 I, weights .1/.2/.3/.4
blobs          yes          k unit-variance clusters, centres uniform in [-10, 10]^d, equal sizes
random         yes          k components: Dirichlet(2) weights, spread means, random SPD covariances
=============  ===========  ==================================================================

The fixed presets ignore ``k`` and ``d`` (they are still checked).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from engine.checks import is_int
from engine.errors import InputError
from engine.io.tables import Dataset
from engine.params import frozen_array

#: Limits that keep a typo from exhausting the memory: n * d values, k components, d dimensions.
MAX_VALUES = 50_000_000
MAX_COMPONENTS = 1000
MAX_DIMENSIONS = 100
#: Minimum distance wanted between the means of the ``random`` preset.
RANDOM_SEPARATION = 5.0
#: Candidate positions tried for each mean of the ``random`` preset.
RANDOM_CANDIDATES = 64


class Truth(NamedTuple):
    """The true parameters of a preset, read-only; unpacks as ``weights, means, covariances``.

    Attributes
    ----------
    weights : ndarray of shape (n_components,)
    means : ndarray of shape (n_components, n_features)
    covariances : ndarray of shape (n_components, n_features, n_features)
    """

    weights: NDArray[np.float64]
    means: NDArray[np.float64]
    covariances: NDArray[np.float64]


def _truth(weights, means, covariances) -> Truth:
    return Truth(frozen_array(weights), frozen_array(means), frozen_array(covariances))


def _three_blobs(k: int, d: int, rng: np.random.Generator) -> Truth:
    covariances = [[[1.0, 0.3], [0.3, 1.0]], [[1.0, -0.5], [-0.5, 1.0]], [[0.8, 0.0], [0.0, 0.8]]]
    return _truth([0.3, 0.5, 0.2], [[2.0, 2.0], [8.0, 3.0], [3.0, 8.0]], covariances)


def _two_1d(k: int, d: int, rng: np.random.Generator) -> Truth:
    return _truth([0.3, 0.7], [[-2.0], [0.5]], [[[0.5**2]], [[1.0]]])


def _four_2d(k: int, d: int, rng: np.random.Generator) -> Truth:
    means = [[5.0, 35.0], [30.0, 40.0], [20.0, 20.0], [45.0, 15.0]]
    return _truth([0.1, 0.2, 0.3, 0.4], means, np.broadcast_to(30.0 * np.eye(2), (4, 2, 2)))


def _blobs(k: int, d: int, rng: np.random.Generator) -> Truth:
    """As scikit-learn's ``make_blobs``: centres uniform in [-10, 10]^d, standard deviation 1."""
    centres = rng.uniform(-10.0, 10.0, size=(k, d))
    return _truth(np.full(k, 1.0 / k), centres, np.broadcast_to(np.eye(d), (k, d, d)))


def _random(k: int, d: int, rng: np.random.Generator) -> Truth:
    """Dirichlet(2) weights, spread-out means and covariances with eigenvalues in [0.3, 2]."""
    weights = rng.dirichlet(np.full(k, 2.0))
    return _truth(weights, _spread_means(k, d, rng), _random_spd(k, d, rng))


def _spread_means(k: int, d: int, rng: np.random.Generator) -> NDArray:
    """``k`` means in a box sized for them, each the first of ``RANDOM_CANDIDATES`` draws that is at least
    ``RANDOM_SEPARATION`` from the others (or else the farthest draw); shape (k, d)."""
    half_width = max(10.0, RANDOM_SEPARATION * k ** (1.0 / d))
    means = np.empty((k, d))
    for index in range(k):
        candidates = rng.uniform(-half_width, half_width, size=(RANDOM_CANDIDATES, d))
        if index == 0:
            means[0] = candidates[0]
            continue
        placed = means[:index]
        squared = (candidates**2).sum(axis=1)[:, None] + (placed**2).sum(axis=1) - 2.0 * candidates @ placed.T
        gaps = np.sqrt(np.maximum(squared, 0.0)).min(axis=1)
        far_enough = np.flatnonzero(gaps >= RANDOM_SEPARATION)
        means[index] = candidates[far_enough[0] if len(far_enough) else int(np.argmax(gaps))]
    return means


def _random_spd(k: int, d: int, rng: np.random.Generator) -> NDArray:
    """``k`` random covariances ``Q diag(eigenvalues) Q^T`` with random rotations ``Q``; shape (k, d, d)."""
    q, r = np.linalg.qr(rng.standard_normal((k, d, d)))
    q = q * np.sign(np.diagonal(r, axis1=1, axis2=2))[:, None, :]  # each Q uniform (Haar) over orthogonal matrices
    eigenvalues = rng.uniform(0.3, 2.0, size=(k, 1, d))
    covariances = (q * eigenvalues) @ q.transpose(0, 2, 1)
    return (covariances + covariances.transpose(0, 2, 1)) / 2.0


@dataclass(frozen=True, slots=True)
class Preset:
    """One generated data set: call it as ``generate`` without the name.

    Attributes
    ----------
    name : str
        The key in ``PRESETS``.
    description : str
        One line for menus and tooltips.
    uses_k_d : bool
        False for the fixed presets, which ignore ``k`` and ``d``.
    truth : callable (k, d, rng) -> Truth
        Draws (or returns) the true parameters, using ``rng`` before the samples are drawn.
    equal_sizes : bool
        Components get ``n // k`` samples each (the first ``n % k`` one more) instead of sizes drawn
        by ``rng.multinomial(n, weights)``.
    """

    name: str
    description: str
    uses_k_d: bool
    truth: Callable[[int, int, np.random.Generator], Truth]
    equal_sizes: bool = False

    def __call__(self, n: int = 500, k: int = 3, d: int = 2, seed: int = 0) -> Dataset:
        return generate(self.name, n, k, d, seed)


#: Name -> preset, in the order menus should list them.
PRESETS: dict[str, Preset] = {preset.name: preset for preset in (
    Preset("three-blobs", "three correlated 2-D blobs, weights .3/.5/.2", False, _three_blobs),
    Preset("two-1d", "two 1-D Gaussians, weights .3/.7", False, _two_1d),
    Preset("four-2d", "four 2-D components sharing a covariance, weights .1/.2/.3/.4", False, _four_2d),
    Preset("blobs", "k unit-variance clusters in d dimensions, equal sizes (like make_blobs)", True, _blobs,
           equal_sizes=True),
    Preset("random", "a random mixture of k components in d dimensions", True, _random),
)}


def _check(name: str, n: int, k: int, d: int, seed: int) -> None:
    if name not in PRESETS:
        raise InputError(f"there is no preset {name!r}; choose one of {', '.join(PRESETS)}.")
    for label, value in (("the number of samples n", n), ("the number of components k", k),
                         ("the dimension d", d)):
        if not is_int(value) or value < 1:
            raise InputError(f"{label} must be a whole number >= 1, not {value!r}.")
    if not is_int(seed) or seed < 0:
        raise InputError(f"the seed must be a whole number >= 0, not {seed!r}.")
    if k > MAX_COMPONENTS or d > MAX_DIMENSIONS:
        raise InputError(f"k = {k} components in d = {d} dimensions is too large; keep k <= {MAX_COMPONENTS} and "
                         f"d <= {MAX_DIMENSIONS}.")
    if n * (d if PRESETS[name].uses_k_d else 2) > MAX_VALUES:
        raise InputError(f"n = {n} samples in {d} dimensions is too much data; keep n * d at most {MAX_VALUES}.")


def preset_truth(name: str, k: int = 3, d: int = 2, seed: int = 0) -> Truth:
    """The true parameters behind ``generate(name, n, k, d, seed)`` (for any ``n``).

    Returns
    -------
    Truth
        ``weights`` (K,), ``means`` (K, D) and full ``covariances`` (K, D, D).
    """
    _check(name, 1, k, d, seed)
    return PRESETS[name].truth(int(k), int(d), np.random.default_rng(seed))


def generate(name: str, n: int = 500, k: int = 3, d: int = 2, seed: int = 0) -> Dataset:
    """Sample ``n`` points of a preset mixture, shuffled, with their true labels.

    Parameters
    ----------
    name : str
        A key of ``PRESETS``.
    n : int
        Number of samples, >= 1.
    k, d : int
        Components and dimensions of ``blobs`` and ``random`` (>= 1); the fixed presets ignore them.
    seed : int
        Seed of ``numpy.random.default_rng``, >= 0.

    Returns
    -------
    Dataset
        ``X`` of shape (n, D), ``labels`` of shape (n,), ``source`` ``"preset:<name>"``, features
        ``x0``, ``x1``, ...
    """
    _check(name, n, k, d, seed)
    preset = PRESETS[name]
    rng = np.random.default_rng(seed)
    weights, means, covariances = preset.truth(int(k), int(d), rng)
    n_components, n_features = means.shape
    sizes = _equal_sizes(int(n), n_components) if preset.equal_sizes else rng.multinomial(n, weights)
    chols = np.linalg.cholesky(covariances)
    X = np.concatenate([means[j] + rng.standard_normal((size, n_features)) @ chols[j].T
                        for j, size in enumerate(sizes)])
    labels = np.repeat(np.arange(n_components), sizes)
    order = rng.permutation(int(n))
    return Dataset(X[order], tuple(f"x{j}" for j in range(n_features)), 0, f"preset:{name}", labels[order])


def _equal_sizes(n: int, k: int) -> NDArray[np.int64]:
    """``n // k`` per component, the first ``n % k`` components one more; shape (k,)."""
    sizes = np.full(k, n // k, dtype=np.int64)
    sizes[: n % k] += 1
    return sizes
