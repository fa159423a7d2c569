"""Segmentation speed and memory: the whole ``segment`` command against scikit-learn's fit + predict, each in
its own process.

Two photo-like pictures are made from the photograph ``resources/images/china.jpg`` by smooth scaling
(Qt's ``SmoothTransformation``, a filtered resampling, saved as PNG): 4 megapixels (2448 x 1632, about
760 000 distinct colours) and 12 megapixels (4240 x 2832, about 1.2 million). A smooth scaling of a
real photograph keeps its gradients, so the picture has as many distinct colours as a photograph of
that size, not the few of a blown-up one.

On each picture, side by side, at the same number of EM iterations (``tol = 0``, 10 iterations), K = 6,
full covariance, RGB features in [0, 1], every pixel fitted:

ours     ``python main.py segment PICTURE.png --k 6 --sample 0 --tol 0 --max-iter 10 --seed 0 --out ...
         --model-out ...``: the whole command, start-up, decoding, the robust start, EM (on the distinct
         colours weighted by their counts, ``engine.imaging.colour_index``), labelling every pixel and
         writing the PNG and the model included;
sklearn  a child interpreter that imports scikit-learn, decodes the same PNG (with the same Qt reader),
         makes the same float32 features and runs ``GaussianMixture(6, tol=0, max_iter=10,
         random_state=0).fit(X)`` and ``.predict(X)``; the ``.score(X)`` that follows (for the
         log-likelihood column) is timed inside the child and left out.

Time is the child's wall time: ours is the median of ``--repeat`` runs (5 by default; one run of a
one-second command moves by a fifth with what else the machine does), scikit-learn's one run. Peak RSS
is the child's own maximum resident set (``os.wait4``'s ``ru_maxrss``: interpreter and libraries
included; ours the largest of its runs). The project's modules are compiled to bytecode first,
as installing the wheel compiles them: where ``PYTHONDONTWRITEBYTECODE`` is set (as on the machine these
numbers come from) every run would otherwise compile them again, about a tenth of a second of start-up
that an installed GMM Explorer does not pay (``--no-bytecode`` measures that way). "log-lik/pixel" is the
mean log-likelihood per pixel under each side's final parameters (ours as the command prints it).

Targets (issue 15): at least 40x faster at 4 and 12 MP, peak RSS at most 200 MB at 4 MP and 400 MB at
12 MP, the same or a better log-likelihood per pixel.

Run: ``python benchmarks/segment_speed.py`` (scikit-learn at 12 MP needs minutes and several GB; it is
given ``--sklearn-timeout`` seconds, or skipped with ``--skip-sklearn-12mp``). The machine's load average
is printed before and after: timings on a busy machine are not a quiet machine's.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PHOTO = ROOT / "resources" / "images" / "china.jpg"
SIZES = {"4 MP": (2448, 1632), "12 MP": (4240, 2832)}
N_COMPONENTS = 6
N_ITER = 10
SEED = 0


# --------------------------------------------------------------------------------------- the picture
def make_picture(width: int, height: int, path: Path) -> int:
    """Scale the photograph smoothly to ``width`` x ``height``, save it as PNG; its number of distinct colours."""
    import numpy as np
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    from engine.imaging.colour_index import colour_index
    from gui.image.codec import load_picture

    image = QImage(str(PHOTO)).scaled(width, height, Qt.AspectRatioMode.IgnoreAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation)
    if not image.save(str(path), "PNG"):
        raise RuntimeError(f"cannot write {path}")
    return colour_index(np.asarray(load_picture(path).pixels)).n_colours


def compile_project() -> None:
    """Compile the project's modules into their ``__pycache__`` folders (ignored by git), as ``pip install``
    does for the wheel; the children then read the bytecode even with ``PYTHONDONTWRITEBYTECODE`` set."""
    import compileall

    for folder in ("engine", "gui"):
        compileall.compile_dir(ROOT / folder, quiet=1)
    compileall.compile_file(ROOT / "main.py", quiet=1)


# ------------------------------------------------------------------------------------------ children
def child_sklearn(picture: str) -> None:
    """scikit-learn's side, in its own process: decode, features, fit, predict; then score (timed apart)."""
    from sklearn.mixture import GaussianMixture

    from engine.imaging.features import FeatureSpec, pixel_features
    from gui.image.codec import load_picture

    X = pixel_features(load_picture(picture).pixels, FeatureSpec("rgb"))
    model = GaussianMixture(N_COMPONENTS, covariance_type="full", tol=0.0, max_iter=N_ITER, random_state=SEED)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "did not converge" after 10 iterations, as asked
        model.fit(X)
    labels = model.predict(X)
    assert labels.shape == (X.shape[0],)
    began = time.perf_counter()
    mean_log_likelihood = float(model.score(X))
    print(json.dumps({"mean_log_likelihood": mean_log_likelihood, "n_iter": int(model.n_iter_),
                      "score_seconds": time.perf_counter() - began}))


def run_process(command: list[str], timeout: float | None) -> tuple[float, float, str] | None:
    """Run ``command``; (wall seconds, peak RSS in MB, stdout), or None when it ran out of time."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    began = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(command, stdout=out, stderr=err, text=True, env=env, cwd=str(ROOT))
        deadline = None if timeout is None else began + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.perf_counter() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                return None
            time.sleep(0.005)
        seconds = time.perf_counter() - began
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{stderr}")
    return seconds, usage.ru_maxrss / 1024.0, stdout


def ours(picture: Path, folder: Path, repeat: int) -> dict:
    """The command ``repeat`` times: the median time (and the range), the largest peak RSS."""
    model = folder / "model.json"
    command = [sys.executable, str(ROOT / "main.py"), "segment", str(picture), "--k", str(N_COMPONENTS),
               "--sample", "0", "--tol", "0", "--max-iter", str(N_ITER), "--seed", str(SEED),
               "--out", str(folder / "segmented.png"), "--model-out", str(model)]
    runs = [run_process(command, None) for _ in range(repeat)]
    times = sorted(seconds for seconds, _, _ in runs)
    stdout = runs[-1][2]
    mean = float(re.search(r"log-likelihood per pixel: (\S+)", stdout).group(1))
    n_iter = json.loads(model.read_text())["fit"]["n_iter"]
    return {"seconds": statistics.median(times), "range": (times[0], times[-1]),
            "peak_mb": max(peak for _, peak, _ in runs), "mean_log_likelihood": mean, "n_iter": n_iter}


def sklearn(picture: Path, timeout: float | None) -> dict | None:
    result = run_process([sys.executable, __file__, "--child", str(picture)], timeout)
    if result is None:
        return None
    seconds, peak, stdout = result
    reported = json.loads(stdout.strip().splitlines()[-1])
    return {"seconds": seconds - reported["score_seconds"], "peak_mb": peak,
            "mean_log_likelihood": reported["mean_log_likelihood"], "n_iter": reported["n_iter"]}


# ------------------------------------------------------------------------------------------- parent
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--skip-sklearn-12mp", action="store_true", help="do not run scikit-learn at 12 MP")
    parser.add_argument("--sklearn-timeout", type=float, default=900.0,
                        help="seconds scikit-learn may take per picture (default 900)")
    parser.add_argument("--sizes", nargs="+", choices=sorted(SIZES), default=list(SIZES), help="pictures to run")
    parser.add_argument("--repeat", type=int, default=5,
                        help="runs of our command per picture: its median time is compared (default 5)")
    parser.add_argument("--no-bytecode", action="store_true",
                        help="do not compile the project's modules first (each run may then compile them)")
    args = parser.parse_args(argv)
    if args.child:
        child_sklearn(args.child)
        return 0
    if not args.no_bytecode:
        compile_project()
    print(f"cores: {os.cpu_count()}, load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}, "
          f"project bytecode {'as found' if args.no_bytecode else 'compiled first'}")
    print(f"K = {N_COMPONENTS}, full covariance, every pixel, {N_ITER} EM iterations (tol 0), RGB features; "
          f"{PHOTO.name} scaled smoothly")
    header = (f"{'picture':<34} {'side':<8} {'time (s)':>9} {'peak RSS (MB)':>14} {'log-lik/pixel':>14} "
              f"{'iterations':>10}")
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for size in args.sizes:
            width, height = SIZES[size]
            picture = folder / f"{width}x{height}.png"
            distinct = make_picture(width, height, picture)
            label = f"{size} ({width}x{height}, {distinct / 1e3:.0f}k colours)"
            mine = ours(picture, folder, max(1, args.repeat))
            skip = args.skip_sklearn_12mp and size == "12 MP"
            theirs = None if skip else sklearn(picture, args.sklearn_timeout)
            for side, result in (("ours", mine), ("sklearn", theirs)):
                if result is None:
                    why = "skipped" if skip else f"timed out after {args.sklearn_timeout:.0f} s"
                    print(f"{label:<34} {side:<8} {why}")
                else:
                    spread = (f"   median of {args.repeat}: {result['range'][0]:.2f} to {result['range'][1]:.2f} s"
                              if "range" in result and args.repeat > 1 else "")
                    print(f"{label:<34} {side:<8} {result['seconds']:9.2f} {result['peak_mb']:14.0f} "
                          f"{result['mean_log_likelihood']:14.5f} {result['n_iter']:10d}{spread}")
                label = ""
            if theirs is not None:
                print(f"{'':<34} {'ratio':<8} {theirs['seconds'] / mine['seconds']:8.1f}x "
                      f"{theirs['peak_mb'] / mine['peak_mb']:13.1f}x   (scikit-learn / ours)")
            sys.stdout.flush()
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
