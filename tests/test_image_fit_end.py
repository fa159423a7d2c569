"""How a picture's fit ends (``engine.imaging.segmentation.finish_segmentation``), whoever calls it.

The ``segment`` command runs on its main thread with BLAS on one thread; the Image window calls
``finish_segmentation`` from its worker, outside that limit. The model documents they export differed in
the last digit of their log-likelihoods on a photograph (china.jpg, K = 4): the sums must not depend on
BLAS's threads nor on the thread that computes them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
from factories import band_picture
from threadpoolctl import threadpool_info, threadpool_limits

from engine.config import FitConfig
from engine.imaging.colour_index import PictureLabeller
from engine.imaging.features import FeatureSpec
from engine.imaging.segmentation import finish_segmentation, iterate_segmentation, prepare_fit

#: The project's root, where the child interpreter imports the engine from.
ROOT = Path(__file__).resolve().parent.parent


def _blas_threads() -> list[int]:
    return [library["num_threads"] for library in threadpool_info() if library["user_api"] == "blas"]


def test_labelling_every_pixel_runs_with_blas_on_one_thread(monkeypatch):
    pixels, _ = band_picture(20, 30, (15, 25))
    spec = FeatureSpec()
    plan = prepare_fit(pixels, spec, FitConfig(3, seed=0), sample_size=0)
    snapshot = list(iterate_segmentation(plan))[-1]
    seen: list[list[int]] = []
    original = PictureLabeller.labels_and_mean_log_likelihood

    def recording(self, params):
        seen.append(_blas_threads())
        return original(self, params)

    monkeypatch.setattr(PictureLabeller, "labels_and_mean_log_likelihood", recording)
    with threadpool_limits(limits=2, user_api="blas"):  # as in the window's worker (the suite limits BLAS to 1)
        segmentation = finish_segmentation(plan, snapshot, pixels, spec)
    assert seen and all(threads and set(threads) == {1} for threads in seen), seen
    assert np.isfinite(segmentation.mean_log_likelihood)


#: Labels random pictures (4 000 to 65 000 distinct colours) on the main thread and on another, and prints
#: both log-likelihoods per pixel of each. In a fresh interpreter, as the app and the command
#: run: inside the suite's process BLAS happened to sum the same way on both threads.
_ON_TWO_THREADS = """
import threading
import numpy as np
from engine.blas import single_threaded_blas
from engine.imaging.colour_index import PictureLabeller
from engine.imaging.features import FeatureSpec
from engine.params import MixtureParams

rng = np.random.default_rng(0)
for side in (64, 128, 256):
    pixels = rng.integers(0, 256, size=(side, side, 3), dtype=np.uint8)
    params = MixtureParams.from_covariances(np.array([0.3, 0.3, 0.4]), rng.uniform(0.0, 1.0, (3, 3)),
                                            np.stack([np.eye(3) * 0.05] * 3), "full")
    labeller = PictureLabeller(pixels, FeatureSpec())
    means = {}

    def label(name):
        with single_threaded_blas():
            means[name] = labeller.labels_and_mean_log_likelihood(params)[1]

    label("main")
    worker = threading.Thread(target=label, args=("worker",))
    worker.start()
    worker.join()
    print(side, repr(means["main"]), repr(means["worker"]))
"""


def test_the_mean_log_likelihood_is_the_same_on_any_thread():
    """The same picture and parameters give the same log-likelihood per pixel to the last digit on the main
    thread (the command) and on a worker's (the window): BLAS's dot product of the colours' counts and
    log-likelihoods gave values 1 ulp apart on the two."""
    result = subprocess.run([sys.executable, "-c", _ON_TWO_THREADS], capture_output=True, text=True, check=True,
                            cwd=ROOT, timeout=60)
    lines = [line.split() for line in result.stdout.splitlines()]
    assert len(lines) == 3
    for side, main, worker in lines:
        assert main == worker, side
