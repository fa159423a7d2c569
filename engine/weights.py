"""Weighted samples: checking sample weights, and the weighted draws and choices of a fit's starts.

A weight ``w_i >= 0`` says how many times row ``i`` counts: every statistic, the log-likelihood (a
weighted sum; its mean per sample is divided by ``W = sum_i w_i``), BIC's ``n`` (``W``), the starts and
the re-seeding use it, so integer weights fit exactly as the rows repeated that many times would (to
rounding, from the same start). ``None`` everywhere means every row weighs 1.

How the random parts of a start honour the weights (each the same *in distribution* as on the repeated
rows, not draw for draw: the random numbers are consumed differently):

- k-means++ draws its first seed with probability ``w_i / W`` and the next ones by weighted D^2 sampling
  (probability proportional to ``w_i d_i^2``), and compares candidates by their weighted potential;
- ``random_from_data`` and ``tutorial`` take distinct rows in the order of exponential clocks
  ``E_i / w_i`` (sampling without replacement, proportional to the weights); rows of weight 0 are never
  chosen;
- ``random`` draws each row's responsibilities as before; they enter the statistics weighted.

Re-seeding a collapsed component takes the worst-explained rows, a row of weight ``w`` standing for
``ceil(w)`` copies (so with integer weights exactly the rows the repeated data would give).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from engine.errors import InputError

_TINY = float(np.finfo(np.float64).tiny)


def check_sample_weight(sample_weight: ArrayLike | None, n_samples: int,
                        what: str = "the sample weights") -> NDArray[np.float64] | None:
    """Sample weights as a read-only float64 array of shape (n_samples,), or None for unit weights.

    Raises
    ------
    InputError
        For weights of the wrong shape, NaN or infinite, negative, or all zero (one sentence naming the
        first bad row, 0-based).
    """
    if sample_weight is None:
        return None
    try:
        if np.iscomplexobj(sample_weight):  # casting would drop the imaginary part with only a warning
            raise TypeError("complex")
        weights = np.array(sample_weight, dtype=np.float64)
    except (TypeError, ValueError):
        raise InputError(f"{what} must be numbers.") from None
    if weights.shape != (n_samples,):
        raise InputError(f"{what} must be one number per row ({n_samples}), not an array of shape {weights.shape}.")
    check_weight_values(weights, what)
    with np.errstate(over="ignore"):
        check_weight_sum(float(weights.sum()), what)
    weights.flags.writeable = False
    return weights


def check_weight_values(weights: NDArray[np.float64], what: str = "the sample weights", first_row: int = 0) -> None:
    """Raise ``InputError`` for a weight that is NaN or infinite, negative, or positive but subnormal, naming the
    first such row (0-based; ``first_row`` is the index of ``weights[0]``, for the blocks of a larger set)."""
    for bad, problem in ((~np.isfinite(weights), "must be finite"), (weights < 0, "must not be negative"),
                         ((weights > 0) & (weights < _TINY), f"must be 0 or at least {_TINY:.3g} (a normal double)")):
        rows = np.flatnonzero(bad)
        if rows.size:
            more = f" (and {rows.size - 1} more)" if rows.size > 1 else ""
            remedy = "multiply the weights by a constant" if problem.startswith("must be 0") else \
                "fix or drop those rows"
            raise InputError(f"{what} {problem}: row {int(rows[0]) + first_row} (0-based) holds "
                             f"{float(weights[rows[0]])!r}{more}; {remedy}.")


def check_weight_sum(weight_sum: float, what: str = "the sample weights") -> None:
    """Raise ``InputError`` unless the weights' sum ``W`` is positive and finite."""
    if not weight_sum > 0.0:
        raise InputError(f"{what} are all zero: at least one row must weigh more than 0.")
    if not np.isfinite(weight_sum):
        raise InputError(f"{what} add up to more than a double can hold; divide them by a constant.")


def total_weight(sample_weight: NDArray[np.float64] | None, n_samples: int) -> float:
    """``W = sum_i w_i`` (``n_samples`` for unit weights)."""
    return float(n_samples) if sample_weight is None else float(sample_weight.sum())


def weighted_mean(values: NDArray[np.floating], sample_weight: NDArray[np.float64] | None) -> float:
    """``sum_i w_i v_i / W`` of ``values`` of shape (n_samples,); the plain mean for unit weights."""
    if sample_weight is None:
        return float(np.mean(values))
    return float(np.dot(sample_weight, values) / sample_weight.sum())


def backend_weights(backend) -> NDArray[np.float64] | None:
    """A backend's sample weights, shape (n_samples,), or None (unit weights; backends that predate them)."""
    return getattr(backend, "sample_weight", None)


def sample_unit(sample_weight: NDArray[np.float64] | None) -> float:
    """The weight of one sample, for the rules that count samples (a collapsed component explains less than
    a thousandth of one; a re-seeded one weighs one): 1, or the mean positive weight when that is smaller.

    Weights that count rows (integers, or any mean of at least 1) keep 1, so they fit as the repeated rows
    would; weights on a smaller scale (frequencies summing to 1, say) give the fit of the same weights
    scaled up, instead of every component looking collapsed.
    """
    if sample_weight is None:
        return 1.0
    return min(1.0, float(sample_weight.sum()) / int(np.count_nonzero(sample_weight)))


def backend_total_weight(backend) -> float:
    """A backend's ``W`` (its number of rows for unit weights): its own ``total_weight`` when it has one (a
    streamed backend's ``sample_weight`` are only its sample's)."""
    own = getattr(backend, "total_weight", None)
    return total_weight(backend_weights(backend), backend.n_samples) if own is None else float(own)


def first_index(n_samples: int, sample_weight: NDArray[np.float64] | None, rng: np.random.Generator) -> int:
    """One row drawn with probability ``w_i / W`` (uniformly for unit weights, as before)."""
    if sample_weight is None:
        return int(rng.integers(n_samples))
    cumulative = np.cumsum(sample_weight)
    return int(min(np.searchsorted(cumulative, rng.random() * cumulative[-1], side="right"), n_samples - 1))


def weighted_order(n_samples: int, sample_weight: NDArray[np.float64] | None,
                   rng: np.random.Generator) -> NDArray[np.intp]:
    """Rows in a random order, heavier rows earlier: a permutation for unit weights, else the order of the
    exponential clocks ``E_i / w_i`` (rows of weight 0 left out), shape (n_positive,)."""
    if sample_weight is None:
        return rng.permutation(n_samples)
    positive = np.flatnonzero(sample_weight > 0)
    clocks = rng.standard_exponential(len(positive)) / sample_weight[positive]
    return positive[np.argsort(clocks, kind="stable")]


def worst_weighted(log_prob_norm: NDArray[np.floating], sample_weight: NDArray[np.float64] | None,
                   count: int) -> NDArray[np.intp]:
    """Indices of the ``count`` worst-explained rows, lowest log-likelihood first, a row of weight ``w``
    counted ``ceil(w)`` times and rows of weight 0 never (what the repeated rows would give)."""
    if sample_weight is None:
        count = min(count, len(log_prob_norm))
        candidates = np.argpartition(log_prob_norm, count - 1)[:count]
        return candidates[np.argsort(log_prob_norm[candidates], kind="stable")]
    positive = np.flatnonzero(sample_weight > 0)
    scores = np.asarray(log_prob_norm)[positive]
    take = min(count, len(positive))
    candidates = np.argpartition(scores, take - 1)[:take]
    ordered = positive[candidates[np.argsort(scores[candidates], kind="stable")]]
    copies = np.minimum(np.ceil(sample_weight[ordered]).astype(np.int64), count)
    return np.repeat(ordered, copies)[:count]
