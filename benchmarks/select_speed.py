"""Model selection speed: ``engine.selection`` against a plain scikit-learn loop over the same grid, in one run.

For each case both sides fit every K in 1..9 with every covariance type (36 cells) and the same number of
starts per cell. scikit-learn's side is the loop a user writes: ``GaussianMixture(K, covariance_type=t,
n_init=n, random_state=seed).fit(X)``, then ``.bic(X)``, keeping the lowest. Ours is
``engine.selection.run.select`` with its defaults (k-means++ starts run as scikit-learn's, the best continued
to tol 1e-8 per row, 5-fold cross-validation to the same tolerance, ICL, the degenerate check; on more than
4096 rows every cell screened at tol 1e-6 first and only the cells near the best refined to 1e-8, see
``engine.selection.screening``), on one worker process per core. scikit-learn's loop is timed twice: as a
user runs it (its k-means start uses OpenMP
threads, which on a busy 2-core machine spin and wait: this varied from 5.6 s to 21.5 s on Old Faithful)
and with every thread pool limited to one thread (threadpoolctl), its fastest here; the speed-up is
against the faster of the two. The second table says where our time went (summed over the cells, so on two workers it
is about twice the wall time): the starts are the work scikit-learn's loop does; the continuation and the
cross-validation are what fitting each cell to its optimum costs on top.

Cases: the 272 Old Faithful eruptions (R's ``faithful``, public domain, in ``benchmarks/data``), 10 starts a
cell; 1e5 rows of the ``three-blobs`` preset (seed 0), 3 starts a cell.

Run: ``python benchmarks/select_speed.py`` (a few minutes on 2 cores) or ``--quick`` (Old Faithful only).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.covariance import CovarianceType  # noqa: E402
from engine.presets import generate  # noqa: E402
from engine.selection.grid import SelectionConfig  # noqa: E402
from engine.selection.run import select  # noqa: E402

FAITHFUL = Path(__file__).resolve().parent / "data" / "faithful.csv"
KS = range(1, 10)


@dataclass(frozen=True)
class Case:
    label: str
    n_init: int

    def data(self) -> np.ndarray:
        if self.label.startswith("Old Faithful"):
            return np.loadtxt(FAITHFUL, delimiter=",", skiprows=1)
        return generate("three-blobs", 100_000, seed=0).X


CASES = [Case("Old Faithful 272 x 2", 10), Case("three-blobs 1e5 x 2", 3)]


def sklearn_loop(X: np.ndarray, n_init: int, seed: int, one_thread: bool = False) -> tuple[float, float, str]:
    """Seconds, the lowest BIC and its cell (with ``one_thread``, every thread pool limited to one thread)."""
    limits = threadpool_limits(1) if one_thread else contextlib.nullcontext()
    started = time.perf_counter()
    best = (np.inf, "")
    with warnings.catch_warnings(), limits:
        warnings.simplefilter("ignore", ConvergenceWarning)
        for covariance_type in CovarianceType:
            for k in KS:
                mixture = GaussianMixture(k, covariance_type=covariance_type.value, n_init=n_init,
                                          random_state=seed).fit(X)
                best = min(best, (mixture.bic(X), f"K={k} {covariance_type.value}"))
    return time.perf_counter() - started, best[0], best[1]


def ours(X: np.ndarray, n_init: int, seed: int):
    started = time.perf_counter()
    result = select(X, SelectionConfig(n_init=n_init, seed=seed))
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="Old Faithful only")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    cases = CASES[:1] if args.quick else CASES
    print(f"cores: {os.cpu_count()}, load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    rows, breakdown = [], []
    for case in cases:
        X = case.data()
        our_seconds, result = ours(X, case.n_init, args.seed)
        sk_seconds, sk_bic, sk_cell = sklearn_loop(X, case.n_init, args.seed)
        sk_one_seconds, _, _ = sklearn_loop(X, case.n_init, args.seed, one_thread=True)
        chosen = result.best["bic"]
        flagged = {cell.label for cell in result.cells if cell.degenerate}
        rows.append((f"{case.label}, n_init {case.n_init}", our_seconds, sk_seconds, sk_one_seconds, chosen.bic,
                     chosen.label,
                     sk_bic, sk_cell + (" (degenerate here)" if sk_cell in flagged else "")))
        seconds = np.sum([cell.seconds for cell in result.cells], axis=0)
        iterations = sum(cell.n_iter for cell in result.cells)
        not_converged = sum(cell.hit_max_iter for cell in result.cells)
        breakdown.append((case.label, *seconds, iterations, not_converged, len(flagged)))
    header = (f"{'case':<34}{'ours s':>8}{'sklearn s':>11}{'1 thread':>10}{'speed-up':>10}  "
              f"{'ours best BIC (cell)':<28}{'sklearn best BIC (cell)'}")
    print(header)
    print("-" * len(header))
    for label, our_s, sk_s, sk_one_s, bic, cell, sk_bic, sk_cell in rows:
        print(f"{label:<34}{our_s:>8.2f}{sk_s:>11.2f}{sk_one_s:>10.2f}{min(sk_s, sk_one_s) / our_s:>9.2f}x  "
              f"{f'{bic:.3f} ({cell})':<28}{sk_bic:.3f} ({sk_cell})")
    print()
    header = (f"{'where our time went (summed over cells)':<40}{'starts s':>10}{'to tol s':>10}{'CV s':>8}"
              f"{'EM iterations':>15}{'max_iter hit':>14}{'degenerate':>12}")
    print(header)
    print("-" * len(header))
    for label, starts, refine, cv, iterations, not_converged, degenerate in breakdown:
        print(f"{label:<40}{starts:>10.2f}{refine:>10.2f}{cv:>8.2f}{iterations:>15}{not_converged:>14}"
              f"{degenerate:>12}")
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
