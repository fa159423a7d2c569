"""Where a data set's columns sit and how widely they spread, computed safely, and whether a fit can hold them.

Centring keeps the digits of data far from the origin, but the mean is a poor centre when a few rows lie
far from the rest: with one row at 1e200 among values near 1, ``x - mean`` is the same number for every
other row, and all their digits are gone. The centre here is the median of an evenly strided sample of
at most ``SAMPLE_ROWS`` rows, so it lies among the bulk of the data whatever a few rows do.

Spreads are root mean squares computed through powers of two (exact scalings), so they neither overflow
nor underflow on the way: ``column_rms`` of values near 1e308 is their true spread, not infinity.

``check_fit_data`` is where data enters a fit (``engine.em.iterate_em`` calls it): EM sums squares of
deviations over the rows, so a column whose variance, times the number of rows, overflows a double, or
whose variance is below the smallest normal double (a spread under about 1.5e-154, subnormal values such
as 5e-324), cannot be fitted: it is refused with a sentence naming the column and saying how to rescale it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from engine.errors import InputError

#: The centre is the median of at most this many rows, evenly strided.
SAMPLE_ROWS = 16384
#: Rows per block when a column statistic is computed over the whole data (bounds the temporaries).
BLOCK_ROWS = 65536
_MAX = np.finfo(np.float64).max
_TINY = np.finfo(np.float64).tiny  # the smallest normal double, 2.2e-308
#: A fit's sums of squares over N rows stay below ``_MAX / SUM_HEADROOM``.
SUM_HEADROOM = 16.0
#: ``standardisation`` scales a column by its root mean square about the centre, unless that is more than
#: this many times its robust spread (a few far rows): the bulk's squares would then underflow.
OUTLIER_SCALE_RATIO = 1e100


def strided_sample(X: NDArray[np.floating], rows: int = SAMPLE_ROWS) -> NDArray[np.floating]:
    """At most ``rows`` rows of ``X`` of shape (n_samples, n_features), evenly strided (a view)."""
    step = max(1, -(-X.shape[0] // rows))
    return X[::step]


def robust_centre(X: NDArray[np.floating]) -> NDArray[np.float64]:
    """Median of each column over an evenly strided sample (the lower one: a data value), shape (n_features,).

    Among the bulk of the data even when a few rows lie far away, so ``X - centre`` keeps the bulk's
    digits. Finite for finite data (a median never overflows).
    """
    if X.shape[0] == 0:
        return np.zeros(X.shape[1])
    # The lower median: a value of the data itself (no average of two values near 1e308 to overflow).
    return np.quantile(np.asarray(strided_sample(X), dtype=np.float64), 0.5, axis=0, method="lower")


def column_medians(A: NDArray[np.floating]) -> NDArray[np.floating]:
    """``numpy.median(A, axis=0)`` of ``A`` of shape (n_rows, n_columns) without NaN, shape (n_columns,).

    The same values (the middle one, or the mean of the middle two), by ``numpy.partition``: ``numpy.median``
    imports ``numpy.ma`` on first use, a few hundredths of a second of every command's start-up.
    """
    n_rows = A.shape[0]
    middle = n_rows // 2
    if n_rows == 0:  # as numpy.median: NaN (the data's own checks then name the problem)
        return np.full(A.shape[1:], np.nan)
    if n_rows % 2:
        return np.partition(A, middle, axis=0)[middle]
    halves = np.partition(A, [middle - 1, middle], axis=0)
    return (halves[middle - 1] + halves[middle]) / 2


def largest_magnitudes(X: NDArray[np.floating]) -> NDArray[np.float64]:
    """``max |x|`` of each column of ``X`` (n_samples, n_features), shape (n_features,); NaN when the column
    holds a NaN or an infinity. By blocks, without a temporary of the data's size."""
    largest = np.zeros(X.shape[1])
    for start in range(0, X.shape[0], BLOCK_ROWS):
        block = X[start:start + BLOCK_ROWS]
        largest = np.maximum(largest, np.maximum(np.abs(block.max(axis=0)), np.abs(block.min(axis=0))))
    return np.where(np.isfinite(largest), largest, np.nan)


#: Sums of squares from ``2**-SAFE_EXPONENT`` to ``2**SAFE_EXPONENT`` need no scaling (what underflowed is negligible).
SAFE_EXPONENT = 800


def column_rms(X: NDArray[np.floating], centre: NDArray[np.float64]) -> NDArray[np.float64]:
    """Root mean square of ``X - centre`` per column, shape (n_features,), without overflow on the way.

    Directly when the sum of squares lands safely inside the range of doubles (the usual case: one
    pass); otherwise the column is first scaled by a power of two (exact) that brings its largest magnitude
    below 1, so the squares neither overflow nor underflow. Infinite only when the spread itself exceeds the
    largest double; NaN for a column holding NaN or infinity.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    centre : ndarray of shape (n_features,)
        Finite.
    """
    n_samples, n_features = X.shape
    squares = np.zeros(n_features)
    with np.errstate(over="ignore", invalid="ignore"):
        for start in range(0, n_samples, BLOCK_ROWS):
            block = X[start:start + BLOCK_ROWS] - centre
            squares += np.einsum("ij,ij->j", block, block)
    rms = np.sqrt(squares / max(n_samples, 1))
    unsafe = ~((squares >= 2.0**-SAFE_EXPONENT) & (squares <= 2.0**SAFE_EXPONENT))
    if unsafe.any():
        rms[unsafe] = _scaled_rms(X[:, unsafe], centre[unsafe])
    return rms


def _scaled_rms(X: NDArray[np.floating], centre: NDArray[np.float64]) -> NDArray[np.float64]:
    """``column_rms`` through a power of two per column (see there); NaN for non-finite columns."""
    n_samples, n_features = X.shape
    largest = largest_magnitudes(X)
    finite = np.isfinite(largest)
    exponents = np.frexp(np.maximum(np.where(finite, largest, 0.0), np.abs(centre)))[1].astype(np.intp)
    scaled_centre = np.ldexp(centre, -exponents)
    squares = np.zeros(n_features)
    with np.errstate(over="ignore", invalid="ignore"):
        for start in range(0, n_samples, BLOCK_ROWS):
            block = np.ldexp(np.asarray(X[start:start + BLOCK_ROWS], dtype=np.float64), -exponents) - scaled_centre
            squares += np.einsum("ij,ij->j", block, block)
        rms = np.ldexp(np.sqrt(squares / max(n_samples, 1)), exponents)
    return np.where(finite, rms, np.nan)


def standardisation(X: NDArray[np.floating]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Per-feature centre and spread for standardising ``X`` of shape (n_samples, n_features), in float64.

    The centre is ``robust_centre``, so a few far rows cannot take the other rows' digits; the spread is
    ``column_rms`` about it, or the robust spread (1.4826 times the median absolute deviation of a sample)
    when a few far rows inflate the root mean square by more than ``OUTLIER_SCALE_RATIO``; 1 for a
    column with neither.

    Returns
    -------
    shift, scale : ndarray of shape (n_features,)
    """
    shift = robust_centre(X)
    rms = column_rms(X, shift)
    with np.errstate(over="ignore"):
        robust = 1.4826 * column_medians(np.abs(np.asarray(strided_sample(X), dtype=np.float64) - shift))
    usable_rms = (rms > 0) & np.isfinite(rms) & ~((robust > 0) & (robust < rms / OUTLIER_SCALE_RATIO))
    usable_robust = (robust > 0) & np.isfinite(robust)
    return shift, np.where(usable_rms, rms, np.where(usable_robust, robust, 1.0))


def _column_name(index: int, feature_names: Sequence[str] | None) -> str:
    if feature_names is not None and index < len(feature_names):
        return f"feature {feature_names[index]!r} (column {index})"
    return f"feature {index}"


def check_fit_data(X: NDArray[np.floating], feature_names: Sequence[str] | None = None) -> None:
    """Raise ``InputError`` unless every column of ``X`` can be fitted in double precision.

    A column must be finite; its spread (root mean square about its centre) may be zero (a constant
    column), and otherwise its variance must be a normal double (at least 2.2e-308: a spread of at
    least about 1.5e-154) and its variance times the number of rows at most 1.8e308 / 16, the sums of
    squares EM forms. Subnormal values (5e-324), values near +-1e308 and columns mixing 1e300 with
    1e-300 fail this; rescaling the column fixes it.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    feature_names : sequence of str, optional
        Names of the columns, for the message.
    """
    centre = robust_centre(X)
    finite = np.isfinite(centre)
    if finite.all():
        spread = column_rms(X, centre)
    else:  # NaN: a column holding NaN or infinity
        spread = np.full(X.shape[1], np.nan)
        spread[finite] = column_rms(X[:, finite], centre[finite])
    if np.isnan(spread).any():
        column = int(np.flatnonzero(np.isnan(spread))[0])
        raise InputError(f"{_column_name(column, feature_names)} holds NaN or infinite values: remove those "
                         "rows or fill them in.")
    limit = np.sqrt(_MAX / (SUM_HEADROOM * max(X.shape[0], 1)))
    too_large = ~(spread <= limit)
    too_small = (spread > 0.0) & (spread < np.sqrt(_TINY))
    if too_large.any():
        column = int(np.flatnonzero(too_large)[0])
        name = _column_name(column, feature_names)
        far_row = _far_row(X, column, limit)
        if far_row is not None:
            raise InputError(
                f"{name} spreads too widely for double precision: row {far_row} ({float(X[far_row, column]):.3g}) "
                "lies so far from the other rows that the sums of squares EM needs overflow: remove such rows.")
        power = _power_of_ten(spread[column]) if np.isfinite(spread[column]) else 308
        raise InputError(
            f"{name} spreads too widely for double precision (standard deviation about 1e{power:+d}: the sums "
            f"of squares EM needs overflow): rescale that column, for example divide it by 1e{power:+d}.")
    if too_small.any():
        column = int(np.flatnonzero(too_small)[0])
        power = _power_of_ten(spread[column])
        raise InputError(
            f"{_column_name(column, feature_names)} varies too little for double precision (standard deviation "
            f"about 1e{power:+d}: its variance underflows): rescale that column, for example multiply it by "
            f"1e{-power:+d}, or drop it if it is meant to be constant.")


def _far_row(X: NDArray[np.floating], column: int, limit: float) -> int | None:
    """The row farthest from the centre of ``column``, when the column without it spreads less than ``limit``.

    A column that overflows because of a few far rows (a value of 1e200 among values near 1) needs those
    rows removed, not a rescaling, which would crush the others; None when the whole column is wide.
    """
    values = np.asarray(X[:, column], dtype=np.float64)
    centre = robust_centre(values[:, None])
    with np.errstate(over="ignore"):
        robust = 1.4826 * column_medians(np.abs(strided_sample(values[:, None]) - centre))[0]
    if not (0.0 < robust < limit / 1e3):
        return None
    return int(np.argmax(np.abs(values / 2 - centre[0] / 2)))


def _power_of_ten(value: float) -> int:
    return int(np.round(np.log10(value)))
