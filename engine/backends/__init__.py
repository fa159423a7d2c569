"""The E-step engines: they hold the data and compute everything that needs all of it.

Every backend offers what ``engine.backends.base.Backend`` lists; ``make_backend`` gives the default one.

Modules
-------
base        the ``Backend`` protocol, ``EStepResult`` and the worst-explained samples
direct      ``DirectBackend``: whole N x K arrays, scikit-learn's formulas (the reference for tests)
chunked     ``ChunkedBackend``: chunks of rows on all cores, in bounded memory (the default)
expanded    the chunked backend's per-covariance-type formulas: features, coefficients, statistics from sums
recentre    the covariances those sums cannot give accurately, summed about each mean instead
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from engine.backends.base import Backend
from engine.backends.chunked import ChunkedBackend


def make_backend(X: NDArray[np.floating], dtype: type = np.float64) -> Backend:
    """The E-step engine for ``X`` of shape (n_samples, n_features): the chunked one.

    ``engine.backends.direct.DirectBackend`` is the reference the tests hold it to.
    """
    return ChunkedBackend(X, dtype=dtype)
