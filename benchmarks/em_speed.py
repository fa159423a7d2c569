"""EM speed and memory: this engine against scikit-learn's GaussianMixture, side by side, in one run.

For each case both start from the same parameters (a k-means++ start of this engine) on the same data.
The time per iteration is ``(time of 1 + m iterations - time of 1 iteration) / m``, so start-up and the
final scoring pass are left out; each is the best of ``--repeats`` runs (this machine is noisy).
Peak memory is what tracemalloc saw allocated during a fit of 1 + m iterations (numpy reports its
buffers to tracemalloc), beyond the data. "max rel diff" is the largest relative difference between
the two engines' weights, means and covariances after 1 + m iterations (scaled by each array's
largest entry).

Run: ``python benchmarks/em_speed.py`` (about five minutes on 2 cores) or with ``--quick``.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.mixture import GaussianMixture

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.backends.chunked import ChunkedBackend  # noqa: E402
from engine.config import FitConfig  # noqa: E402
from engine.covariance import CovarianceType  # noqa: E402
from engine.em import fit  # noqa: E402
from engine.params import MixtureParams  # noqa: E402


@dataclass(frozen=True)
class Case:
    n_samples: int
    n_features: int
    n_components: int
    covariance_type: str
    dtype: type = np.float64

    @property
    def label(self) -> str:
        suffix = " float32" if self.dtype == np.float32 else ""
        return f"N={self.n_samples:.0e} D={self.n_features} K={self.n_components} {self.covariance_type}{suffix}"


CASES = [
    Case(100_000, 2, 5, "full"),
    Case(100_000, 2, 5, "diag"),
    Case(1_000_000, 3, 8, "full"),
    Case(1_000_000, 3, 8, "tied"),
    Case(1_000_000, 3, 8, "diag"),
    Case(1_000_000, 3, 8, "spherical"),
    Case(4_000_000, 3, 8, "full"),
    Case(100_000, 10, 10, "full"),
    Case(1_000_000, 3, 8, "full", np.float32),
]


def make_data(case: Case, seed: int = 0) -> np.ndarray:
    """Samples of a random mixture of ``case.n_components`` Gaussians, shape (n_samples, n_features)."""
    rng = np.random.default_rng(seed)
    means = rng.uniform(-8, 8, (case.n_components, case.n_features))
    factors = rng.normal(0, 0.6, (case.n_components, case.n_features, case.n_features))
    labels = rng.integers(case.n_components, size=case.n_samples)
    noise = rng.standard_normal((case.n_samples, case.n_features))
    return means[labels] + np.einsum("nd,nde->ne", noise, factors[labels]) + 0.3 * noise


def precisions(params: MixtureParams) -> np.ndarray:
    """scikit-learn's ``precisions_init`` from the Cholesky factors (no inverse taken)."""
    chol = params.precisions_chol
    if params.covariance_type is CovarianceType.FULL:
        return chol @ np.swapaxes(chol, 1, 2)
    if params.covariance_type is CovarianceType.TIED:
        return chol @ chol.T
    return chol**2


def run_ours(X, case: Case, start: MixtureParams, n_iter: int):
    config = FitConfig(case.n_components, case.covariance_type, tol=0.0, max_iter=n_iter, init="given",
                       init_params=start)
    backend = ChunkedBackend(X, dtype=case.dtype)
    return fit(X, config, backend=backend).params


def run_sklearn(X, case: Case, start: MixtureParams, n_iter: int):
    model = GaussianMixture(case.n_components, covariance_type=case.covariance_type, tol=0.0, max_iter=n_iter,
                            weights_init=start.weights, means_init=start.means,
                            precisions_init=precisions(start))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.fit(X)
    return MixtureParams.from_covariances(model.weights_, model.means_, model.covariances_, case.covariance_type)


def timed(function, *args) -> tuple[float, object]:
    began = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - began, result


def per_iteration(function, X, case, start, extra: int, repeats: int) -> tuple[float, object]:
    """Best-of-``repeats`` time per iteration, and the parameters after ``1 + extra`` iterations."""
    best, params = np.inf, None
    for _ in range(repeats):
        one, _ = timed(function, X, case, start, 1)
        many, params = timed(function, X, case, start, 1 + extra)
        best = min(best, (many - one) / extra)
    return best, params


def peak_memory(function, X, case, start, n_iter: int) -> float:
    tracemalloc.start()
    function(X, case, start, n_iter)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def max_relative_difference(a: MixtureParams, b: MixtureParams) -> float:
    worst = 0.0
    for x, y in ((a.weights, b.weights), (a.means, b.means), (a.covariances, b.covariances)):
        worst = max(worst, float(np.max(np.abs(x - y)) / np.max(np.abs(y))))
    return worst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only the N=1e5 cases")
    parser.add_argument("--only", default="", help="only the cases whose label contains this text, e.g. float32")
    parser.add_argument("--iterations", type=int, default=8, help="m: extra iterations timed (default 8)")
    parser.add_argument("--repeats", type=int, default=3, help="runs of this engine per case (best kept)")
    parser.add_argument("--sklearn-repeats", type=int, default=1,
                        help="runs of scikit-learn per case with N > 1e5 (three for smaller ones)")
    args = parser.parse_args(argv)
    cases = [case for case in CASES if (not args.quick or case.n_samples <= 100_000) and args.only in case.label]
    header = (f"{'case':<34} {'ours ms/it':>10} {'sklearn ms/it':>13} {'speed-up':>8} "
              f"{'ours MiB':>9} {'sklearn MiB':>11} {'max rel diff':>12}")
    print(header)
    print("-" * len(header))
    warm_up = Case(2000, 2, 2, "full")
    for function in (run_ours, run_sklearn):  # imports, thread pools and caches before any timing
        function(make_data(warm_up), warm_up, fit(make_data(warm_up), FitConfig(2, max_iter=0, seed=0)).params, 2)
    for case in cases:
        X = make_data(case)
        start_config = FitConfig(case.n_components, case.covariance_type, max_iter=0, seed=0)
        start = fit(X, start_config).params
        ours_time, ours_params = per_iteration(run_ours, X, case, start, args.iterations, args.repeats)
        sk_repeats = 3 if case.n_samples <= 100_000 else args.sklearn_repeats
        sk_time, sk_params = per_iteration(run_sklearn, X, case, start, args.iterations, sk_repeats)
        ours_mib = peak_memory(run_ours, X, case, start, 2)
        sk_mib = peak_memory(run_sklearn, X, case, start, 2)
        print(f"{case.label:<34} {ours_time * 1e3:>10.1f} {sk_time * 1e3:>13.1f} {sk_time / ours_time:>7.1f}x "
              f"{ours_mib:>9.1f} {sk_mib:>11.1f} {max_relative_difference(ours_params, sk_params):>12.1e}",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
