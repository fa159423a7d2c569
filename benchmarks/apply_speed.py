"""Applying a fitted model to data: ``engine.model``'s predict, predict_proba and score_samples, timed.

One model per covariance type (K = 8 components in D = 3) applied to N = 1e6 rows drawn from it, and to
the same rows with 60 % of them moved to 1e100 (every component is then whitened directly). Each time is
the best of ``--repeats`` runs (this machine is noisy). ``--engine PATH`` imports ``engine`` from another
checkout, to compare before and after a change on the same machine.

Run: ``python benchmarks/apply_speed.py`` (about a minute on 2 cores) or with ``--quick`` (N = 2e5).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def best_of(repeats: int, task) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="N = 2e5 instead of 1e6")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--engine", default=str(Path(__file__).resolve().parents[1]),
                        help="the checkout whose engine/ to import")
    args = parser.parse_args()
    sys.path.insert(0, args.engine)
    import numpy as np

    from engine import model
    from engine.params import MixtureParams

    n_rows = 200_000 if args.quick else 1_000_000
    rng = np.random.default_rng(0)
    print(f"engine from {Path(model.__file__).parent}; N = {n_rows}, D = 3, K = 8; best of {args.repeats} (seconds)")
    print(f"{'covariance':10s} {'data':12s} {'predict':>8s} {'proba':>8s} {'score':>8s}")
    for covariance_type in ("full", "tied", "diag", "spherical"):
        a = rng.normal(size=(8, 3, 3))
        covariances = {"full": a @ a.transpose(0, 2, 1) + 0.5 * np.eye(3), "tied": a[0] @ a[0].T + 0.5 * np.eye(3),
                       "diag": rng.uniform(0.3, 2.0, size=(8, 3)), "spherical": rng.uniform(0.3, 2.0, size=8)}
        params = MixtureParams.from_covariances(rng.dirichlet(np.ones(8) * 3), rng.normal(scale=4.0, size=(8, 3)),
                                                covariances[covariance_type], covariance_type)
        X = model.sample(params, n_rows, seed=1)[0]
        far = X.copy()
        far[: int(0.6 * n_rows)] = 1e100
        for name, data in (("ordinary", X), ("60 % far", far)):
            timings = [best_of(args.repeats, lambda f=f, data=data, params=params: f(params, data))
                       for f in (model.predict, model.predict_proba, model.score_samples)]
            print(f"{covariance_type:10s} {name:12s} " + " ".join(f"{t:8.3f}" for t in timings))


if __name__ == "__main__":
    main()
