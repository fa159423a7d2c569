"""The streamed backend's work on one block of rows (``engine.backends.streamed``): each task reduces a block
to its sums (or its labels, log-likelihoods, worst-explained rows) with the chunked engine's own maths.

They are module-level functions, bound with ``functools.partial``, so that a Dask cluster can ship them to
its workers (``engine.backends.cluster``). Every task is called as ``task(..., X, first)``: ``X`` the
block, shape (rows, n_features), or (rows, n_features + 1) when the source's last column is the rows'
sample weights (``frame``'s last entry says so); ``first`` the index of its first row in the whole set.
A ``frame`` is ``(shift, scale, reach, dtype, weighted)``: the whole set's standardisation (or, applying a
model, the model's, with ``reach`` None: each block's own).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from engine.backends.base import worst_explained
from engine.backends.chunked import ChunkedBackend
from engine.backends.expanded import Coefficients, Layout
from engine.init import in_distance_frame, nearest_centre
from engine.params import MixtureParams
from engine.weights import worst_weighted


def chunked_block(frame: tuple, X: NDArray) -> ChunkedBackend:
    """The chunked engine over a block; of a weighted source, the block's last column is the rows' weights."""
    shift, scale, reach, dtype, weighted = frame
    if weighted:
        return ChunkedBackend.over_block(X[:, :-1], shift, scale, reach, dtype,
                                         sample_weight=np.ascontiguousarray(X[:, -1]))
    return ChunkedBackend.over_block(X, shift, scale, reach, dtype)


def data_sums(shift: NDArray, scale: NDArray, X: NDArray, first: int):
    """Non-finite values per column (D,), ``sum z`` (D,), ``sum z z^T`` (D, D) and the largest ``|z|^2``."""
    bad = (~np.isfinite(X)).sum(axis=0)
    with np.errstate(over="ignore", invalid="ignore"):
        z = (X - shift) / scale
        squares = np.einsum("ij,ij->i", z, z)
    return bad, z.sum(axis=0), z.T @ z, float(squares.max(initial=0.0))


def _bad_weights(weights: NDArray) -> NDArray[np.bool_]:
    """Which weights ``engine.weights.check_weight_values`` refuses: NaN or infinite, negative, subnormal."""
    return ~np.isfinite(weights) | (weights < 0) | ((weights > 0) & (weights < np.finfo(np.float64).tiny))


def weighted_data_sums(shift: NDArray, scale: NDArray, X: NDArray, first: int):
    """As ``data_sums`` of the features (all but the last column), each row weighted by the last; then ``W``
    and the number of bad weights (never raised here, on a cluster's worker: ``first_bad_weight`` finds them)."""
    weights = X[:, -1]
    bad_weights = int(np.count_nonzero(_bad_weights(weights)))
    weights = np.where(np.isfinite(weights), weights, 0.0)
    X = X[:, :-1]
    bad = (~np.isfinite(X)).sum(axis=0)
    with np.errstate(over="ignore", invalid="ignore"):  # weights whose sum overflows are refused after the pass
        z = (X - shift) / scale
        squares = np.einsum("ij,ij->i", z, z)
        weighted = z * weights[:, None]
        return (bad, weighted.sum(axis=0), weighted.T @ z, float(squares.max(initial=0.0)), float(weights.sum()),
                bad_weights)


def first_bad_weight(X: NDArray, first: int) -> tuple[int, float] | None:
    """The whole set's index and the value of the block's first refused weight (its last column), if any."""
    rows = np.flatnonzero(_bad_weights(X[:, -1]))
    return None if rows.size == 0 else (first + int(rows[0]), float(X[rows[0], -1]))


def estep_sums(frame: tuple, coefficients: Coefficients, layout: Layout, watched: NDArray, centres: NDArray,
                with_labels: bool, X: NDArray, first: int):
    block = chunked_block(frame, X)
    labels = np.empty(len(X), dtype=np.intp) if with_labels else None
    parts = block._map(block._estep_range, coefficients, layout, labels, watched, centres)
    return sum(p[0] for p in parts), sum(p[1] for p in parts), sum(p[2] for p in parts), labels


def centred_sums(frame: tuple, coefficients: Coefficients, layout: Layout, fragile: NDArray, means: NDArray,
                  X: NDArray, first: int):
    block = chunked_block(frame, X)
    return sum(block._map(block._centred_range, coefficients, layout, fragile, means))


def start_assignment(start: tuple, n_components: int, X: NDArray, first: int) -> NDArray:
    """A block's starting labels (nearest centre) or random responsibilities (rows, n_components)."""
    kind, *details = start
    if kind == "centres":
        centre, exponent, centres = details
        return nearest_centre(in_distance_frame(X, centre, exponent), centres)
    resp = np.random.default_rng([details[0], first]).uniform(size=(len(X), n_components))
    return resp / resp.sum(axis=1, keepdims=True)


def assignment_sums(frame: tuple, start: tuple, layout: Layout, n_components: int, X: NDArray, first: int):
    block = chunked_block(frame, X)
    return sum(block._map(block._assignment_range, start_assignment(start, n_components, block.X, first), layout,
                          n_components))


def centred_assignment_sums(frame: tuple, start: tuple, n_components: int, fragile: NDArray, means: NDArray,
                             X: NDArray, first: int):
    block = chunked_block(frame, X)
    assignment = start_assignment(start, n_components, block.X, first)
    return sum(block._map(block._centred_assignment_range, assignment, fragile, means))


def apply(frame: tuple, params: MixtureParams, what: str, X: NDArray, first: int):
    """``labels`` (rows,), ``log_prob_norm`` (rows,), ``responsibilities`` (rows, K) or ``labels+resp``."""
    block = chunked_block(frame, X)
    if what == "labels+resp":
        return block.labels(params), block.responsibilities(params)
    return getattr(block, what)(params)


def log_likelihood_sum(frame: tuple, params: MixtureParams, X: NDArray, first: int) -> float:
    block = chunked_block(frame, X)
    log_prob_norm = block.log_prob_norm(params)
    return float(log_prob_norm.sum() if block.sample_weight is None else np.dot(block.sample_weight, log_prob_norm))


def worst(frame: tuple, params: MixtureParams, count: int, X: NDArray, first: int):
    """The block's ``count`` worst-explained rows (a weighted row as ``ceil(w)`` copies, none of weight 0)."""
    block = chunked_block(frame, X)
    log_prob_norm = block.log_prob_norm(params)
    chosen = (worst_explained(log_prob_norm, count) if block.sample_weight is None
              else worst_weighted(log_prob_norm, block.sample_weight, count))
    return log_prob_norm[chosen], np.asarray(block.X[chosen], dtype=np.float64)
