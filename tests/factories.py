"""Things several test modules build the same way: random parameters and the list of backends."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.mixture import GaussianMixture

from engine.backends.chunked import ChunkedBackend
from engine.backends.direct import DirectBackend
from engine.backends.small import SmallBackend
from engine.covariance import CovarianceType
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


def sklearn_model(params: MixtureParams) -> GaussianMixture:
    """A scikit-learn mixture holding exactly ``params`` (its fitted attributes assigned directly)."""
    gm = GaussianMixture(n_components=params.n_components, covariance_type=params.covariance_type.value)
    chol = np.array(params.precisions_chol)
    gm.weights_ = np.array(params.weights)
    gm.means_ = np.array(params.means)
    gm.covariances_ = np.array(params.covariances)
    gm.precisions_cholesky_ = chol
    if params.covariance_type is CovarianceType.FULL:
        gm.precisions_ = chol @ chol.transpose(0, 2, 1)
    elif params.covariance_type is CovarianceType.TIED:
        gm.precisions_ = chol @ chol.T
    else:
        gm.precisions_ = chol**2
    gm.n_features_in_ = params.n_features
    gm.converged_, gm.n_iter_, gm.lower_bound_ = True, 1, 0.0
    return gm


#: Three well-separated colours (red, green, blue) for pictures of flat bands.
BAND_COLOURS = np.array([(230, 30, 30), (30, 200, 40), (20, 40, 220)], dtype=np.uint8)


def band_picture(height: int, width: int, edges: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """A picture of three flat colour bands, the second from column ``edges[0]`` and the third from
    ``edges[1]``, with a little noise (seed 1): pixels (height, width, 3) uint8 and each pixel's band
    (height, width) uint8."""
    truth = np.zeros((height, width), dtype=np.uint8)
    truth[:, edges[0]:edges[1]] = 1
    truth[:, edges[1]:] = 2
    noise = np.random.default_rng(1).integers(-6, 7, size=(height, width, 3))
    return np.clip(BAND_COLOURS[truth].astype(int) + noise, 0, 255).astype(np.uint8), truth


def write_parquet(path, columns: dict, **options) -> None:
    """Write ``columns`` (name -> values) as one Parquet table to ``path`` (``options`` as for
    ``pyarrow.parquet.write_table``). pyarrow is imported here, by the tests that write Parquet, rather than
    when the suite is collected: every pytest-xdist worker collects every module."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table(columns), path, **options)
