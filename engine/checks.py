"""Small checks and helpers every part of the engine shares: whole numbers, finite reals, data tables, fresh
seeds."""

from __future__ import annotations

import math
import numbers

import numpy as np
from numpy.typing import ArrayLike, NDArray

from engine.errors import InputError


def is_int(value: object) -> bool:
    """True for a whole number (Python or numpy integer), False for booleans and everything else."""
    return isinstance(value, numbers.Integral) and not isinstance(value, (bool, np.bool_))


def is_real(value: object) -> bool:
    """True for a finite real number (integers included), False for booleans, NaN and infinity."""
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_)) and math.isfinite(value)


def is_number(value: object) -> bool:
    """True for any real number, finite or not (not a boolean)."""
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def draw_seed() -> int:
    """A fresh seed from the operating system's entropy, a whole number in [0, 2**32), to record and reuse."""
    return int(np.random.SeedSequence().generate_state(1)[0])


def real_table(X: ArrayLike) -> NDArray:
    """``X`` as a 2-D array of real numbers, or an ``InputError`` saying what is wrong with it.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        An array, or nested lists or tuples of numbers.

    Returns
    -------
    ndarray of shape (n_samples, n_features)
        ``X`` itself when it is already an array of a real dtype (booleans, integers or floats: no copy,
        float32 stays float32); otherwise a float64 array. Complex numbers, text, ragged rows and a table
        without columns are refused.
    """
    if not (isinstance(X, np.ndarray) and X.dtype.kind in "biuf"):
        try:
            array = np.asarray(X)
            if array.dtype.kind == "c":
                raise TypeError("complex")
            X = array.astype(float, copy=False)
        except (TypeError, ValueError):
            raise InputError("the data must be a table of numbers (one row per sample).") from None
    if X.ndim != 2:
        raise InputError(
            f"the data must be a 2-D array of shape (n_samples, n_features), not one of shape {X.shape}."
        )
    if X.shape[1] == 0:
        raise InputError(f"the data has no features (shape {X.shape}): give at least one column.")
    return X
