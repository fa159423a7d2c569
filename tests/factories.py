"""Things several test modules build the same way: random parameters and the list of backends."""

from __future__ import annotations

import numpy as np
import pytest

from engine.backends.chunked import ChunkedBackend
from engine.backends.direct import DirectBackend
from engine.backends.small import SmallBackend
from engine.params import MixtureParams

#: The reference per-component backend and the chunked one the engine uses.
BACKEND_CLASSES: list[type] = [DirectBackend, ChunkedBackend, SmallBackend]
BACKENDS = pytest.mark.parametrize("backend_class", BACKEND_CLASSES, ids=lambda cls: cls.__name__)


def random_params(covariance_type: str, n_components: int = 3, n_features: int = 2, seed: int = 0) -> MixtureParams:
    """Well-separated components with random SPD covariances of the given type (full-mantissa floats)."""
    rng = np.random.default_rng(seed)
    weights = rng.dirichlet(np.ones(n_components) * 3)
    means = rng.normal(scale=4.0, size=(n_components, n_features))
    eye = np.eye(n_features)
    if covariance_type == "full":
        a = rng.normal(size=(n_components, n_features, n_features))
        covariances = a @ a.transpose(0, 2, 1) + 0.5 * eye
    elif covariance_type == "tied":
        a = rng.normal(size=(n_features, n_features))
        covariances = a @ a.T + 0.5 * eye
    elif covariance_type == "diag":
        covariances = rng.uniform(0.3, 2.0, size=(n_components, n_features))
    else:
        covariances = rng.uniform(0.3, 2.0, size=n_components)
    return MixtureParams.from_covariances(weights, means, covariances, covariance_type)
