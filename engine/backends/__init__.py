"""The E-step engines: they hold the data and compute everything that needs all of it.

Every backend offers what ``engine.backends.base.Backend`` lists; ``make_backend`` gives the default one.

Modules
-------
base        the ``Backend`` protocol, ``EStepResult`` and the worst-explained samples
direct      ``DirectBackend``: whole N x K arrays, scikit-learn's formulas (the reference for tests)
chunked     ``ChunkedBackend``: chunks of rows on all cores, in bounded memory (the default for large data)
small       ``SmallBackend``: whole arrays, every component at once (the default up to one chunk of rows)
expanded    the chunked backend's per-covariance-type formulas: features, coefficients, statistics from sums
recentre    the covariances those sums cannot give accurately, summed about each mean instead
reductions  a chunk's max, sum and first component at 1 over its components, in numpy's order
streamed    ``StreamedBackend``: data not in memory, blocks of rows whose chunked sums are added up
block_tasks the streamed backend's work on one block of rows (its sums), as functions a cluster can ship
cluster     a Dask cluster as the streamed backend's runner: one task per block of a ``dask.array``
applying    the engine for applying a model to data: the chunked one standardised by the model, not the data
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from engine.backends.base import Backend
from engine.backends.chunked import ChunkedBackend
from engine.backends.cluster import dask_backend, is_dask_array
from engine.backends.small import SMALL_ROWS, SmallBackend
from engine.checks import real_table


def make_backend(X: NDArray[np.floating], dtype: type = np.float64,
                 sample_weight: NDArray[np.floating] | None = None,
                 standardisation: tuple[NDArray[np.float64], NDArray[np.float64]] | None = None) -> Backend:
    """The E-step engine for ``X`` of shape (n_samples, n_features), with optional ``sample_weight`` of shape
    (n_samples,) (``engine.weights``). ``standardisation`` (shift, scale), each of shape (n_features,), is the
    chunked backend's instead of the data's own (``engine.backends.applying``: a model's, to apply it).

    ``SmallBackend`` for float64 data of at most ``SMALL_ROWS`` rows (the chunked engine's chunks and
    threads only cost there), the chunked one otherwise. ``engine.backends.direct.DirectBackend`` is the
    reference the tests hold both to. A ``dask.array`` gets a ``StreamedBackend`` running one task per
    block on the Dask client (``engine.backends.cluster``), its blocks weighted by ``sample_weight`` if given.

    Raises
    ------
    InputError
        If ``X`` is not a 2-D table of real numbers (text, ragged rows, complex numbers, a 1-D array).
    """
    if is_dask_array(X):
        return dask_backend(X, dtype=dtype, sample_weight=sample_weight)
    X = real_table(X)  # a clear InputError for text, ragged rows or a 1-D array, before any backend sees them
    if np.dtype(dtype) == np.float64 and np.shape(X)[0] <= SMALL_ROWS:
        return SmallBackend(X, sample_weight=sample_weight)
    return ChunkedBackend(X, dtype=dtype, sample_weight=sample_weight, standardisation=standardisation)
