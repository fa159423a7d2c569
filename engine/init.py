"""Starting parameters for EM.

Every method except ``tutorial`` and ``given`` first chooses a hard or soft assignment of the samples to
components and then runs one M-step on it, as scikit-learn does:

kmeans++          k-means++ seeds (greedy, with ``2 + log K`` local trials); each sample goes to its
                  nearest seed. (scikit-learn assigns only the K seeds themselves; assigning every
                  sample gives covariances that describe the data instead of ``reg_covar``.)
kmeans            the same seeds refined by Lloyd iterations, then nearest-centre assignment.
random            random responsibilities, each row uniform on [0, 1) and normalised.
random_from_data  K distinct samples chosen at random as centres, then nearest-centre assignment.
tutorial          the textbooks' start, parameters at once (``tutorial_params``): K distinct samples chosen
                  at random as means (drawn as ``random_from_data`` draws its centres), identity
                  covariances, equal weights.
given             the parameters in ``FitConfig.init_params``.

With sample weights every method draws and sums weighted (``engine.weights`` says how); rows of weight 0
are never chosen as seeds, centres or means.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from engine.config import FitConfig, InitMethod
from engine.covariance import FROM_FULL
from engine.errors import InputError
from engine.params import MixtureParams
from engine.scales import robust_centre
from engine.weights import first_index, weighted_order

LLOYD_ITERATIONS = 10


def squared_distances(X: NDArray[np.floating], centres: NDArray[np.floating],
                      row_norms: NDArray[np.floating] | None = None) -> NDArray[np.float64]:
    """Squared Euclidean distances, shape (n_samples, n_centres), clipped at 0 (``row_norms``, of shape
    (n_samples,), are ``(X * X).sum(axis=1)`` when the caller already has them)."""
    if row_norms is None:
        row_norms = (X * X).sum(axis=1)
    distances = row_norms[:, None] - 2.0 * (X @ centres.T) + (centres * centres).sum(axis=1)[None, :]
    return np.maximum(distances, 0.0)


def nearest_centre(X: NDArray[np.floating], centres: NDArray[np.floating], block: int = 65536) -> NDArray[np.intp]:
    """Index of the nearest centre of every sample, shape (n_samples,), by blocks of rows.

    Memory stays ``block x n_centres`` whatever the number of samples.
    """
    labels = np.empty(X.shape[0], dtype=np.intp)
    for start in range(0, X.shape[0], block):
        labels[start:start + block] = np.argmin(squared_distances(X[start:start + block], centres), axis=1)
    return labels


def _not_enough_distinct(n_components: int) -> InputError:
    return InputError(
        f"K = {n_components} is larger than the number of distinct points in the data: use a smaller K."
    )


def kmeans_plusplus(
    X: NDArray[np.floating], n_components: int, rng: np.random.Generator, block: int = 65536,
    sample_weight: NDArray[np.float64] | None = None,
) -> NDArray[np.float64]:
    """Greedy k-means++ seeds.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    n_components : int
    rng : numpy.random.Generator
    sample_weight : ndarray of shape (n_samples,), optional
        Weighted D^2 sampling: row ``i`` is drawn with probability proportional to ``w_i d_i^2`` (the first
        seed to ``w_i``), and the potentials the candidates are compared by are weighted sums.

    Returns
    -------
    centres : ndarray of shape (n_components, n_features)
        Distinct rows of ``X``.

    Raises
    ------
    InputError
        If ``X`` has fewer than ``n_components`` distinct rows.
    """
    n_samples = X.shape[0]
    n_trials = 2 + int(np.log(n_components))
    centres = np.empty((n_components, X.shape[1]))
    centres[0] = X[first_index(n_samples, sample_weight, rng)]
    # Every distance below needs the rows' norms: computed once here (by blocks), not for each candidate.
    row_norms = np.empty(n_samples, dtype=X.dtype)
    for start in range(0, n_samples, block):
        rows = X[start:start + block]
        row_norms[start:start + block] = (rows * rows).sum(axis=1)
    closest = _closest_distances(X, centres[:1], None, row_norms)
    for index in range(1, n_components):
        cumulative = np.cumsum(closest if sample_weight is None else closest * sample_weight)
        if not cumulative[-1] > 0.0:
            raise _not_enough_distinct(n_components)
        candidates = np.searchsorted(cumulative, rng.random(n_trials) * cumulative[-1], side="right")
        candidates = np.minimum(candidates, n_samples - 1)
        potentials = np.zeros(n_trials)
        for start in range(0, n_samples, block):
            rows = slice(start, start + block)
            nearer = np.minimum(closest[rows, None], squared_distances(X[rows], X[candidates], row_norms[rows]))
            potentials += nearer.sum(axis=0) if sample_weight is None else sample_weight[rows] @ nearer
        centres[index] = X[candidates[int(np.argmin(potentials))]]
        closest = _closest_distances(X, centres[index:index + 1], closest, row_norms)
    return centres


def _closest_distances(X: NDArray, centre: NDArray, closest: NDArray | None, row_norms: NDArray,
                       block: int = 65536) -> NDArray:
    """Squared distance of every sample to its nearest centre so far, updated with ``centre`` (1, D)."""
    out = np.empty(X.shape[0]) if closest is None else closest
    for start in range(0, X.shape[0], block):
        rows = slice(start, start + block)
        distances = squared_distances(X[rows], centre, row_norms[rows])[:, 0]
        out[rows] = distances if closest is None else np.minimum(closest[rows], distances)
    return out


def lloyd(X: NDArray[np.floating], centres: NDArray[np.floating], n_iter: int = LLOYD_ITERATIONS,
          sample_weight: NDArray[np.float64] | None = None) -> NDArray:
    """Refine k-means centres by Lloyd iterations (weighted means with ``sample_weight`` of shape
    (n_samples,)); a centre that loses all its samples (or weight) stays put.

    Returns
    -------
    centres : ndarray of shape (n_components, n_features)
    """
    centres = centres.copy()
    n_components = len(centres)
    labels = None
    for _ in range(n_iter):
        new_labels = nearest_centre(X, centres)
        if labels is not None and np.array_equal(new_labels, labels):
            break
        labels = new_labels
        counts = np.bincount(labels, weights=sample_weight, minlength=n_components)
        sums = np.zeros_like(centres)
        _sum_by_label(X, labels, sums, sample_weight)
        filled = counts > 0
        centres[filled] = sums[filled] / counts[filled, None]
    return centres


def _sum_by_label(X: NDArray, labels: NDArray, out: NDArray, sample_weight: NDArray | None = None) -> None:
    for feature in range(X.shape[1]):
        values = X[:, feature] if sample_weight is None else X[:, feature] * sample_weight
        out[:, feature] = np.bincount(labels, weights=values, minlength=len(out))


def random_distinct_rows(X: NDArray[np.floating], n_components: int, rng: np.random.Generator,
                         sample_weight: NDArray[np.float64] | None = None) -> NDArray:
    """``n_components`` distinct rows of ``X`` chosen at random, shape (n_components, n_features); with
    ``sample_weight`` (n_samples,) without replacement in proportion to the weights (``weighted_order``)."""
    chosen: list[NDArray] = []
    seen: set[bytes] = set()
    for index in weighted_order(X.shape[0], sample_weight, rng):
        key = X[index].tobytes()
        if key not in seen:
            seen.add(key)
            chosen.append(X[index])
            if len(chosen) == n_components:
                return np.array(chosen)
    raise _not_enough_distinct(n_components)


#: Centred data whose largest magnitude lies outside [2**-LARGEST_EXPONENT, 2**LARGEST_EXPONENT] is scaled into it.
LARGEST_EXPONENT = 100


def centred_for_distances(X: NDArray[np.floating]) -> NDArray[np.float64]:
    """``X`` centred, and scaled by a power of two when its values are very large or very small.

    Distances are expanded as ``|x|^2 - 2 x.c + |c|^2``: centre first, or data far from the origin loses
    every digit of its spread (timestamps, say). The centre is robust (``engine.scales.robust_centre``),
    so one far row does not take the others' digits. Squares of values near 1e150 would overflow when
    summed over the rows: such data is multiplied by a power of two, which is exact, so every distance
    is scaled by the same factor and k-means++ and Lloyd make exactly the same choices.

    Returns
    -------
    ndarray of shape (n_samples, n_features)
        A new array.
    """
    return in_distance_frame(X, *distance_frame(X))


def distance_frame(X: NDArray[np.floating]) -> tuple[NDArray[np.float64], int]:
    """The centre, shape (n_features,), and the power of two ``centred_for_distances`` uses for ``X``.

    A streamed fit (``engine.backends.streamed``) takes them from a sample of the rows and moves every
    block of rows into the same frame with ``in_distance_frame``.
    """
    centre = robust_centre(X)
    largest = float(np.abs(X - centre).max(initial=0.0))
    exponent = int(np.frexp(largest)[1])
    return centre, (exponent if largest > 0.0 and abs(exponent) > LARGEST_EXPONENT else 0)


def in_distance_frame(X: NDArray[np.floating], centre: NDArray[np.float64], exponent: int) -> NDArray[np.float64]:
    """``(X - centre) * 2**-exponent`` of shape (n_samples, n_features), a new array (exact scaling)."""
    X = X - centre
    return np.ldexp(X, -exponent) if exponent else X


def initial_centres(X: NDArray[np.floating], config: FitConfig, rng: np.random.Generator,
                    sample_weight: NDArray[np.float64] | None = None) -> NDArray[np.float64]:
    """The centres the hard initialisations assign samples to, shape (n_components, n_features), from ``X``
    already in its distance frame: random distinct rows, k-means++ seeds, or those refined by Lloyd (each
    weighted by ``sample_weight``, shape (n_samples,), when given)."""
    if config.init is InitMethod.RANDOM_FROM_DATA:
        return random_distinct_rows(X, config.n_components, rng, sample_weight)
    centres = kmeans_plusplus(X, config.n_components, rng, sample_weight=sample_weight)
    return lloyd(X, centres, sample_weight=sample_weight) if config.init is InitMethod.KMEANS else centres


def initial_responsibilities(X: NDArray[np.floating], config: FitConfig, rng: np.random.Generator,
                             sample_weight: NDArray[np.float64] | None = None) -> NDArray:
    """Responsibilities to start from, shape (n_samples, n_components), or labels of shape (n_samples,).

    ``sample_weight`` (n_samples,) weights the seeding (see the module docstring); the assignment itself
    is per row, and the backend weights it when it sums the statistics.

    Hard assignments are returned as integer labels (an N x K one-hot array is never built); ``random``
    returns a float array of responsibilities. ``tutorial`` and ``given`` make parameters, not an
    assignment (``tutorial_params``, ``FitConfig.init_params``): asking for theirs is a programming error,
    after the check that the data has K distinct rows.
    """
    n_components = config.n_components
    if config.init in (InitMethod.TUTORIAL, InitMethod.GIVEN):
        require_distinct_rows(X, n_components, sample_weight=sample_weight)
        raise ValueError(f"initialisation {config.init.value!r} makes parameters, not an assignment.")
    X = centred_for_distances(X)
    if config.init is InitMethod.RANDOM:
        require_distinct_rows(X, n_components, sample_weight=sample_weight)
        resp = rng.uniform(size=(X.shape[0], n_components))
        return resp / resp.sum(axis=1, keepdims=True)
    return nearest_centre(X, initial_centres(X, config, rng, sample_weight))


def tutorial_params(X: NDArray[np.floating], config: FitConfig, rng: np.random.Generator,
                    sample_weight: NDArray[np.float64] | None = None) -> MixtureParams:
    """The textbooks' start: K distinct rows of ``X`` at random as means, identity covariances, equal weights.

    The identity is reshaped to ``config.covariance_type`` (tied: one identity; diag: ones; spherical: 1
    per component). The rows are drawn as ``random_from_data`` draws its centres.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    config : FitConfig
    rng : numpy.random.Generator

    Returns
    -------
    MixtureParams
        Weights (K,) all 1/K, means (K, D) rows of ``X``, covariances shaped for the type.

    Raises
    ------
    InputError
        If ``X`` has fewer than K distinct rows.
    """
    n_components, n_features = config.n_components, X.shape[1]
    means = random_distinct_rows(np.asarray(X, dtype=float), n_components, rng, sample_weight)
    identities = np.broadcast_to(np.eye(n_features), (n_components, n_features, n_features))
    covariances = FROM_FULL[config.covariance_type](identities, None)
    return MixtureParams.from_covariances(np.full(n_components, 1.0 / n_components), means, covariances,
                                          config.covariance_type)


def require_distinct_rows(X: NDArray[np.floating], n_components: int, block: int = 4096,
                          sample_weight: NDArray[np.float64] | None = None) -> None:
    """Raise ``InputError`` unless ``X`` has at least ``n_components`` distinct rows (of positive weight).

    Scans blocks of rows and stops as soon as enough distinct ones are found, so on ordinary data it
    reads only the first block.
    """
    if sample_weight is not None and not np.all(sample_weight > 0):
        X = X[sample_weight > 0]
    if X.shape[0] < n_components:
        raise InputError(f"K = {n_components} is larger than the number of samples ({X.shape[0]}): use a smaller K.")
    if distinct_rows_up_to(X, n_components, block) < n_components:
        raise _not_enough_distinct(n_components)


def distinct_rows_up_to(X: NDArray[np.floating], limit: int, block: int = 4096) -> int:
    """The number of distinct rows of ``X`` (shape (n_samples, n_features)), counted only up to ``limit``:
    blocks of rows are read until ``limit`` distinct ones are found, so on ordinary data only the first."""
    found = X[:0]
    for start in range(0, X.shape[0], block):
        found = _distinct_rows(np.concatenate([found, X[start:start + block]]))
        if len(found) >= limit:
            return limit
    return len(found)


def _distinct_rows(rows: NDArray[np.floating]) -> NDArray[np.floating]:
    """The distinct rows of ``rows`` (shape (n, n_features)), compared as numbers, in lexicographic order.

    (``numpy.unique(rows, axis=0)`` gives the same rows, but imports ``numpy.ma`` on first use: a tenth of the
    ``segment`` command's start-up on a 2-core machine.)
    """
    if len(rows) < 2:
        return rows
    ordered = rows[np.lexsort(rows.T[::-1])]
    differs = np.ones(len(ordered), dtype=bool)
    np.any(ordered[1:] != ordered[:-1], axis=1, out=differs[1:])
    return ordered[differs]
