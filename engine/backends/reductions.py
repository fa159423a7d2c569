"""Reductions over the components of a chunk's responsibilities, shape (K, rows), one component at a time.

numpy reduces the first axis of a (K, rows) array of two or more rows with the same additions and
comparisons, in the same order (component 0, then 1, ...), but through its general reduction machinery, which was
slow on an AVX2 machine (AMD EPYC, 16384-row chunks, K = 6, float32): ``np.max(a, axis=0)`` took 70 us
where ``np.maximum`` of one component at a time took 24, ``np.sum(a, axis=0)`` 26 against 20, and
``(a == 1).argmax(axis=0)`` 467 against 167 for the loop below. The results are numpy's, bit for bit
(``tests/test_reductions.py`` checks them, NaN and infinities included; a chunk of one row goes to numpy
itself, which sums a lone row's values pairwise), so nothing else changes. The one exception is the sign of a
sum of negative zeros alone, -0.0 here and +0.0 in numpy (which adds from +0.0): responsibilities are never
negative.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray


def fold_components(combine: np.ufunc, values: NDArray, out: NDArray) -> NDArray:
    """``combine.reduce(values, axis=0, out=out)`` in numpy's order: ``combine`` of components 0 and 1, then
    of that and 2, ... (``np.maximum``: each row's largest value, NaN if any is NaN; ``np.add``: their sum).

    Parameters
    ----------
    combine : numpy.ufunc
        A binary ufunc, such as ``np.maximum`` or ``np.add``.
    values : ndarray of shape (n_components, rows)
    out : ndarray of shape (rows,), of ``values``' dtype

    Returns
    -------
    out
    """
    if values.shape[1] == 1:  # numpy reduces a single row's K values pairwise, not in order: its own call
        return combine.reduce(values, axis=0, out=out)
    if len(values) == 1:
        np.copyto(out, values[0])
        return out
    combine(values[0], values[1], out=out)
    for component in values[2:]:
        combine(out, component, out=out)
    return out


def first_component_at(values: NDArray[np.floating], target: float, out: NDArray[np.integer],
                       scratch: NDArray[np.bool_]) -> NDArray[np.integer]:
    """``(values == target).argmax(axis=0)``: each row's first component whose value is ``target`` (0 where
    none is).

    Parameters
    ----------
    values : ndarray of shape (n_components, rows)
    target : float
    out : ndarray of shape (rows,), integers
    scratch : ndarray of shape (rows,), bool
        Overwritten.

    Returns
    -------
    out
    """
    out.fill(0)  # where no component is at ``target``, as argmax gives
    # From the last component to the first, so that the first one at ``target`` is written last.
    for component in range(len(values) - 1, -1, -1):
        np.equal(values[component], target, out=scratch)
        np.putmask(out, scratch, component)
    return out
