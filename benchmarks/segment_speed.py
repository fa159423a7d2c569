"""Segmentation speed and memory: ``engine.imaging.segmentation`` against scikit-learn's GaussianMixture, in one run.

Two pictures are synthesised from the photograph ``resources/images/china.jpg`` (bilinear upscaling
plus a little noise, so no two pixels are copies): 4 megapixels (2448 x 1632) and 12 megapixels
(4240 x 2832). On each, both sides segment every pixel with the same settings: RGB features in [0, 1]
(the same float32 array for both), K = 6, full covariance, all pixels, exactly 3 EM iterations
(``tol = 0``), then a label for every pixel. Our side uses its defaults otherwise (the robust start on
a 50 000-pixel sample); scikit-learn its own (one k-means start on all pixels).

Each side runs in a fresh child interpreter, so the memory of one cannot hide in the other: time is
from the picture array to the labels (features included), peak memory is the child's peak resident
set size (``VmHWM``, read just after the labels, so the optional scoring pass that follows does not
count; it includes Python, numpy and, for scikit-learn, its own imports). "log-lik/pixel" is the mean
log-likelihood of the pixels under each side's final parameters.

Targets: at 4 MP at least 10x faster than scikit-learn end to end; peak memory at most 400 MB at 4 MP
and 1 GB at 12 MP.

Run: ``python benchmarks/segment_speed.py`` (scikit-learn at 12 MP needs several GB and minutes; it is
given ``--sklearn-timeout`` seconds, or skipped with ``--skip-sklearn-12mp``).
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PHOTO = ROOT / "resources" / "images" / "china.jpg"
SIZES = {"4 MP": (2448, 1632), "12 MP": (4240, 2832)}
N_COMPONENTS = 6
N_ITER = 3
SEED = 0


# --------------------------------------------------------------------------------------- the picture
def upscale(photo: np.ndarray, width: int, height: int, seed: int = SEED, block_rows: int = 256) -> np.ndarray:
    """Bilinear upscaling of ``photo`` (h, w, 3) uint8 to (height, width, 3) uint8 plus noise, by row blocks."""
    rng = np.random.default_rng(seed)
    src_h, src_w = photo.shape[:2]
    xs = (np.arange(width) + 0.5) * src_w / width - 0.5
    x0 = np.clip(np.floor(xs).astype(int), 0, src_w - 2)
    wx = np.clip(xs - x0, 0.0, 1.0)[None, :, None].astype(np.float32)
    source = photo.astype(np.float32)
    out = np.empty((height, width, 3), dtype=np.uint8)
    for top in range(0, height, block_rows):
        ys = (np.arange(top, min(top + block_rows, height)) + 0.5) * src_h / height - 0.5
        y0 = np.clip(np.floor(ys).astype(int), 0, src_h - 2)
        wy = np.clip(ys - y0, 0.0, 1.0)[:, None, None].astype(np.float32)
        upper = source[y0][:, x0] * (1 - wx) + source[y0][:, x0 + 1] * wx
        lower = source[y0 + 1][:, x0] * (1 - wx) + source[y0 + 1][:, x0 + 1] * wx
        block = upper * (1 - wy) + lower * wy + rng.normal(0.0, 1.5, (len(ys), width, 3)).astype(np.float32)
        out[top:top + len(ys)] = np.clip(np.rint(block), 0, 255).astype(np.uint8)
    return out


# ------------------------------------------------------------------------------------------ children
def _peak_rss_mb() -> float:
    """This process's peak resident set size so far (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024.0
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def child_ours(pixels: np.ndarray) -> dict:
    from engine.config import FitConfig
    from engine.imaging.features import FeatureSpec
    from engine.imaging.segmentation import iterate_segmentation, label_pixels, prepare_fit

    began = time.perf_counter()
    spec = FeatureSpec("rgb")
    config = FitConfig(N_COMPONENTS, "full", tol=0.0, max_iter=N_ITER, seed=SEED)
    plan = prepare_fit(pixels, spec, config, sample_size=0)
    snapshot = collections.deque(iterate_segmentation(plan), maxlen=1)[0]
    labels, mean_log_likelihood = label_pixels(pixels, spec, snapshot.params, plan.backend)
    seconds = time.perf_counter() - began
    peak = _peak_rss_mb()
    assert labels.shape == pixels.shape[:2]
    return {"seconds": seconds, "peak_mb": peak, "mean_log_likelihood": mean_log_likelihood,
            "n_iter": snapshot.iteration}


def child_sklearn(pixels: np.ndarray) -> dict:
    from sklearn.mixture import GaussianMixture

    from engine.imaging.features import FeatureSpec, pixel_features

    began = time.perf_counter()
    X = pixel_features(pixels, FeatureSpec("rgb"))
    model = GaussianMixture(N_COMPONENTS, covariance_type="full", tol=0.0, max_iter=N_ITER, random_state=SEED)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "did not converge" after 3 iterations, as asked
        model.fit(X)
    labels = model.predict(X)
    seconds = time.perf_counter() - began
    peak = _peak_rss_mb()
    assert labels.shape == (pixels.shape[0] * pixels.shape[1],)
    return {"seconds": seconds, "peak_mb": peak, "mean_log_likelihood": float(model.score(X)),
            "n_iter": int(model.n_iter_)}


def run_child(side: str, picture: Path, timeout: float | None) -> dict | None:
    """Run one side in a fresh interpreter; None when it ran out of time."""
    command = [sys.executable, __file__, "--child", side, "--picture", str(picture)]
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None
    if proc.returncode != 0:
        raise RuntimeError(f"the {side} child failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------------------------------- parent
def load_photo() -> np.ndarray:
    from gui.image.codec import load_picture

    return np.asarray(load_picture(PHOTO).pixels)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", choices=["ours", "sklearn"], help=argparse.SUPPRESS)
    parser.add_argument("--picture", help=argparse.SUPPRESS)
    parser.add_argument("--skip-sklearn-12mp", action="store_true", help="do not run scikit-learn at 12 MP")
    parser.add_argument("--sklearn-timeout", type=float, default=300.0,
                        help="seconds scikit-learn may take per picture (default 300)")
    args = parser.parse_args(argv)
    if args.child:
        pixels = np.load(args.picture)
        result = (child_ours if args.child == "ours" else child_sklearn)(pixels)
        print(json.dumps(result))
        return 0

    photo = load_photo()
    header = (f"{'picture':<24} {'side':<8} {'time (s)':>9} {'peak RSS (MB)':>14} {'log-lik/pixel':>14} "
              f"{'iterations':>10}")
    print(f"K = {N_COMPONENTS}, full covariance, all pixels, {N_ITER} EM iterations, RGB features; "
          f"photo {PHOTO.name} upscaled")
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as folder:
        for name, (width, height) in SIZES.items():
            picture = Path(folder) / f"{width}x{height}.npy"
            np.save(picture, upscale(photo, width, height))
            label = f"{name} ({width}x{height})"
            ours = run_child("ours", picture, None)
            skip = args.skip_sklearn_12mp and name == "12 MP"
            theirs = None if skip else run_child("sklearn", picture, args.sklearn_timeout)
            for side, result in (("ours", ours), ("sklearn", theirs)):
                if result is None:
                    why = "skipped" if skip else f"timed out after {args.sklearn_timeout:.0f} s"
                    print(f"{label:<24} {side:<8} {why}")
                else:
                    print(f"{label:<24} {side:<8} {result['seconds']:9.2f} {result['peak_mb']:14.0f} "
                          f"{result['mean_log_likelihood']:14.5f} {result['n_iter']:10d}")
                label = ""
            if theirs is not None:
                print(f"{'':<24} {'ratio':<8} {theirs['seconds'] / ours['seconds']:8.1f}x "
                      f"{theirs['peak_mb'] / ours['peak_mb']:13.1f}x   (scikit-learn / ours)")
            picture.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
