"""Streaming a ``.npy`` file larger than memory, against the same data in memory: seconds per EM iteration and
peak resident memory, each run in its own process.

The data (``--rows`` x 3 float64, 1e8 rows = 2.4 GB by default: four Gaussian clusters) is generated in
blocks straight into a ``.npy`` file in a temporary folder (``numpy.lib.format.open_memmap``), never
whole in memory, and deleted at the end. Each run starts from the same parameters (``init given``) and
runs ``--iterations`` EM iterations through the one EM loop (``engine.em.iterate_em``); the time per
iteration is the median time between two M snapshots, so the start-up passes (the streamed backend's
check and the in-memory backend's standardised copy) are reported apart. Peak RSS is the process's own
``ru_maxrss`` (interpreter, numpy and the engine included).

streamed   ``StreamedBackend`` over a memory map of the file (``engine.io.streams.NpyRows``), blocks of
           ``engine.io.streams.BLOCK_ROWS`` rows: memory does not depend on the number of rows.
in memory  the file loaded whole (``numpy.load``) and the default chunked backend, which keeps a
           standardised copy: about twice the file's size, so it runs only when
           ``MemAvailable`` holds three times the file.

Run: ``python benchmarks/stream_speed.py`` (1e8 rows: about ten minutes on 2 cores, 2.4 GB on disk) or
``--rows 2e6`` for a quick look. The file is read from the page cache when it fits there.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engine.config import FitConfig, InitMethod  # noqa: E402
from engine.em import HalfStep, iterate_em  # noqa: E402
from engine.params import MixtureParams  # noqa: E402

MEANS = np.array([[0.0, 0.0, 0.0], [5.0, 0.0, 2.0], [0.0, 6.0, -2.0], [4.0, 4.0, 4.0]])
GENERATE_ROWS = 1 << 20


def generate(path: Path, n_rows: int, seed: int = 0) -> None:
    """``n_rows`` x 3 rows of four clusters written block by block into a ``.npy`` file."""
    rng = np.random.default_rng(seed)
    header = np.lib.format.open_memmap(path, mode="w+", dtype=np.float64, shape=(n_rows, 3))
    offset = header.offset
    del header  # the header written and the file sized; the rows go through one small map per block
    for start in range(0, n_rows, GENERATE_ROWS):
        rows = min(GENERATE_ROWS, n_rows - start)
        labels = rng.integers(len(MEANS), size=rows)
        out = np.memmap(path, dtype=np.float64, mode="r+", offset=offset + start * 24, shape=(rows, 3))
        out[:] = MEANS[labels] + rng.normal(size=(rows, 3)) * (0.5 + 0.25 * labels[:, None])
        out.flush()
        del out


def start_params(n_components: int) -> MixtureParams:
    means = MEANS[:n_components] + 0.7
    covariances = np.broadcast_to(np.eye(3) * 2.0, (n_components, 3, 3)).copy()
    return MixtureParams.from_covariances(np.full(n_components, 1.0 / n_components), means, covariances, "full")


def child(mode: str, path: str, iterations: int, n_components: int) -> dict:
    """One run in this process: setup seconds, seconds per iteration, peak RSS (MB)."""
    began = time.perf_counter()
    if mode == "streamed":
        from engine.backends.streamed import SourceRunner, StreamedBackend
        from engine.io.streams import NpyRows

        backend = StreamedBackend(SourceRunner(NpyRows(Path(path))))
        X = backend.X
    else:
        from engine.backends import make_backend

        X = np.load(path)
        backend = make_backend(X)
    config = FitConfig(n_components=n_components, tol=0.0, max_iter=iterations, init=InitMethod.GIVEN,
                       init_params=start_params(n_components))
    stamps, setup = [], None
    for snapshot in iterate_em(X, config, backend=backend, with_labels=False):
        now = time.perf_counter()
        if snapshot.half_step is HalfStep.INIT:
            setup = now - began
            stamps.append(now)
        elif snapshot.half_step is HalfStep.M:
            stamps.append(now)
    per_iteration = [b - a for a, b in zip(stamps[1:-1], stamps[2:], strict=True)] or [stamps[1] - stamps[0]]
    return {"setup": setup, "per_iteration": statistics.median(per_iteration),
            "first": stamps[1] - stamps[0], "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "mean_log_likelihood": snapshot.mean_log_likelihood}


def run_child(mode: str, path: Path, iterations: int, n_components: int) -> dict:
    command = [sys.executable, __file__, "--child", mode, "--file", str(path), "--iterations", str(iterations),
               "--k", str(n_components)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])


def available_bytes() -> int:
    with open("/proc/meminfo", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=float, default=1e8)
    parser.add_argument("--iterations", type=int, default=4)
    parser.add_argument("--k", type=int, default=4)
    parser.add_argument("--dir", help="where to write the temporary file (default: the system's temp folder)")
    parser.add_argument("--child", choices=["streamed", "in memory"], help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.file, args.iterations, args.k)))
        return
    n_rows = int(args.rows)
    folder = Path(tempfile.mkdtemp(prefix="stream_speed.", dir=args.dir))
    try:
        path = folder / "data.npy"
        began = time.perf_counter()
        generate(path, n_rows)
        size = path.stat().st_size
        print(f"data: {n_rows:.3g} rows x 3 float64 = {size / 1e9:.2f} GB, generated in "
              f"{time.perf_counter() - began:.0f} s; K = {args.k} full, {args.iterations} iterations from the "
              f"same start")
        print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())} on {os.cpu_count()} cores")
        results = {"streamed": run_child("streamed", path, args.iterations, args.k)}
        if available_bytes() > 3 * size:
            results["in memory"] = run_child("in memory", path, args.iterations, args.k)
        print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
        print()
        print(f"{'run':<10} {'setup s':>8} {'1st it s':>9} {'s/it':>8} {'peak RSS MB':>12} {'mean log-lik':>16}")
        print("-" * 68)
        for mode, result in results.items():
            print(f"{mode:<10} {result['setup']:8.1f} {result['first']:9.2f} {result['per_iteration']:8.2f} "
                  f"{result['peak_mb']:12.0f} {result['mean_log_likelihood']:16.10f}")
        if "in memory" in results:
            ratio = results["streamed"]["per_iteration"] / results["in memory"]["per_iteration"]
            print(f"\nstreamed / in memory per iteration: {ratio:.2f}x (target < 1.5x); streamed peak RSS target "
                  "< 300 MB")
        else:
            print("\nin memory: skipped (MemAvailable is under three times the file)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
