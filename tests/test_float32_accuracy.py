"""float32 mode (``ChunkedBackend(X, dtype=np.float32)``, used for picture pixels) to its stated accuracy.

Issue 10 item 18: the docstrings claimed parameters within about 1e-6 of float64 and log-likelihoods
within 1e-7; on the benchmark's own data the parameters were 2.2e-5 apart and the log-likelihood that
``segment`` prints and saves 2.4e-5. Now every log-likelihood that is reported (a fit's final one, a
picture's) is computed in float64 from the float32 backend's rows, and the parameters' figure is stated
as measured: within 1e-4 relative after 9 iterations (2.2e-5 at most seen on one CPU, 6.4e-5 on an AVX2
machine whose BLAS kernels round differently).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from engine.backends.chunked import ChunkedBackend
from engine.config import FitConfig
from engine.covariance import CovarianceType
from engine.em import fit
from engine.imaging.features import FeatureSpec, pixel_features
from engine.imaging.segmentation import segment_image
from engine.init import initial_responsibilities
from engine.params import MixtureParams
from engine.stats import m_step

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from em_speed import Case, make_data  # noqa: E402  (the benchmark's own data)

#: The stated accuracy of float32 mode (``engine.backends.chunked``): parameters, relative to each array's
#: largest entry, after 9 iterations from the same start; and the log-likelihoods it reports.
PARAMETERS_WITHIN = 1e-4
LOG_LIKELIHOOD_WITHIN = 1e-7
#: ... and the E-steps' own log-likelihoods (the ``history`` EM's convergence test reads), relative: 8e-6 seen.
HISTORY_WITHIN = 2e-5


def relative(a, b) -> float:
    return float(np.max(np.abs(np.asarray(a) - np.asarray(b))) / np.max(np.abs(b)))


@pytest.fixture(scope="module")
def benchmark_data() -> np.ndarray:
    return make_data(Case(200_000, 3, 8, "full"))


@pytest.fixture(scope="module")
def benchmark_starts(benchmark_data) -> dict[CovarianceType, MixtureParams]:
    """covariance type -> the start ``fit(X, FitConfig(8, covariance_type, max_iter=0, seed=0))`` returns,
    bit for bit: the k-means++ assignment of ``seed=0`` (the same for every type: seeding 200 000 rows
    is the costly part, 0.2 s) and each type's M-step from it, as ``engine.families.gaussian`` starts."""
    X = benchmark_data
    labels = initial_responsibilities(X, FitConfig(8, seed=0), np.random.default_rng(0))
    return {covariance_type: m_step(ChunkedBackend(X).stats_from_assignment(labels, (8, covariance_type)),
                                    FitConfig(8).reg_covar)[0]
            for covariance_type in CovarianceType}


@pytest.mark.parametrize("covariance_type", ["full", "tied", "diag", "spherical"])
def test_float32_fits_are_within_the_stated_figures_on_the_benchmark_data(benchmark_data, benchmark_starts,
                                                                          covariance_type):
    X = benchmark_data
    start = benchmark_starts[CovarianceType(covariance_type)]
    config = FitConfig(8, covariance_type, tol=0, max_iter=9, init="given", init_params=start)
    single = fit(X, config, backend=ChunkedBackend(X, dtype=np.float32))
    double = fit(X, config, backend=ChunkedBackend(X))
    for ours, reference in ((single.params.weights, double.params.weights), (single.params.means, double.params.means),
                            (single.params.covariances, double.params.covariances)):
        assert relative(ours, reference) < PARAMETERS_WITHIN
    assert single.mean_log_likelihood == pytest.approx(double.mean_log_likelihood, rel=LOG_LIKELIHOOD_WITHIN)
    np.testing.assert_allclose(single.history, double.history, rtol=HISTORY_WITHIN)


def test_a_float32_backend_scores_in_float64(benchmark_data, benchmark_starts):
    """The same parameters: float32 arithmetic was 3.8e-6 off here; widened rows are 4e-10 off."""
    X = benchmark_data
    # Three iterations from the k-means++ start: fit(X, FitConfig(8, "full", max_iter=3, seed=0))'s parameters.
    params = fit(X, FitConfig(8, "full", max_iter=3, init="given", init_params=benchmark_starts["full"])).params
    single, double = ChunkedBackend(X, dtype=np.float32), ChunkedBackend(X)
    expected = double.log_prob_norm(params).mean()
    assert single.log_prob_norm(params).mean() == pytest.approx(expected, rel=1e-9)
    labels, log_prob_norm = single.labels_and_log_prob_norm(params)
    assert log_prob_norm.mean() == pytest.approx(expected, rel=1e-9)
    assert np.mean(labels == double.labels(params)) > 0.9999


def _gradient_picture(height: int = 150, width: int = 200) -> np.ndarray:
    rng = np.random.default_rng(0)
    rows, columns = np.mgrid[0:height, 0:width]
    pixels = np.stack([columns * 255 // width, rows * 255 // height, (rows + columns) * 255 // (height + width)],
                      axis=2)
    return np.clip(pixels + rng.normal(0, 12, pixels.shape), 0, 255).astype(np.uint8)


@pytest.mark.parametrize("space", ["rgb", "lab"])
@pytest.mark.parametrize("sample_size", [0, 10_000], ids=["all-pixels", "sampled"])
def test_a_segmentation_reports_float64_log_likelihoods(space, sample_size):
    pixels, spec = _gradient_picture(), FeatureSpec(space)
    segmentation = segment_image(pixels, spec, FitConfig(4, seed=0), sample_size=sample_size)
    X = pixel_features(pixels, spec).astype(np.float64)
    expected = ChunkedBackend(X).log_prob_norm(segmentation.params).mean()
    assert segmentation.mean_log_likelihood == pytest.approx(expected, rel=LOG_LIKELIHOOD_WITHIN)
    if sample_size == 0:  # the fit's own figure (the saved BIC and AIC come from it) is over the same pixels
        assert segmentation.fit_result.mean_log_likelihood == pytest.approx(expected, rel=LOG_LIKELIHOOD_WITHIN)
