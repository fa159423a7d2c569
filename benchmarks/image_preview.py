"""How long the Image mode takes to redraw a segmentation preview of about 1 megapixel.

Run from the repository's root (no screen needed):

    python benchmarks/image_preview.py [--picture resources/images/china.jpg] [--megapixels 1.0] [--components 8]

The picture is scaled (nearest pixel) to the given size, fitted once in the worker's way to get real
parameters, and labelled; each repeat then hands the controller a new preview (labels plus parameters)
and times its draw: painting the labels (mean colour, palette, soft blend), the legend, the ellipses, and the
``ImageItem`` update, plus a ``QWidget.grab()`` of the picture views that makes Qt paint it (the soft blend
is painted by the worker, so its time is printed apart and not in the redraw). The target
is 50 ms per redraw for 1 MP. The fit itself runs on a worker thread and is not part of the redraw.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from engine.config import FitConfig  # noqa: E402
from engine.imaging.features import FeatureSpec  # noqa: E402
from engine.imaging.render import RenderMode, mean_colours, render_soft  # noqa: E402
from engine.imaging.segmentation import label_pixels, segment_image  # noqa: E402
from gui.image.codec import load_picture  # noqa: E402
from gui.image.controller import ImageMode  # noqa: E402
from gui.image.session import SegmentPreview, to_display  # noqa: E402

REPEATS = 15


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--picture", default="resources/images/china.jpg")
    parser.add_argument("--megapixels", type=float, default=1.0)
    parser.add_argument("--components", type=int, default=8)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    source = load_picture(args.picture).pixels
    height, width = source.shape[:2]
    scale = np.sqrt(args.megapixels * 1e6 / (height * width))
    rows = np.minimum((np.arange(int(height * scale)) / scale).astype(int), height - 1)
    columns = np.minimum((np.arange(int(width * scale)) / scale).astype(int), width - 1)
    pixels = np.ascontiguousarray(source[rows][:, columns])
    spec = FeatureSpec()
    segmentation = segment_image(pixels, spec, FitConfig(n_components=args.components, seed=0), 100_000)
    labels, _ = label_pixels(pixels, spec, segmentation.params)
    mode = ImageMode()
    mode.view.resize(1400, 820)
    mode.view.show()
    mode.session.picture = type("P", (), {"pixels": pixels})()
    mode.session.step = 1
    mode.session.start_fit(spec)
    mode.view.show_picture(to_display(pixels))
    app.processEvents()
    for paint in (RenderMode.MEAN, RenderMode.PALETTE, RenderMode.SOFT):
        mode.view.paint.setCurrentIndex(mode.view.paint.findData(paint.value))
        draws, grabs = [], []
        soft = None  # the worker paints the soft blend of each preview, off the main thread
        if paint is RenderMode.SOFT:
            start = time.perf_counter()
            soft = render_soft(pixels, spec, segmentation.params, mean_colours(segmentation.params, spec))
            print(f"soft blend painted in the worker thread: {1000 * (time.perf_counter() - start):.1f} ms")
        for repeat in range(REPEATS):
            preview = SegmentPreview(repeat, segmentation.params, np.roll(labels, repeat, axis=1), 1,
                                     np.zeros((1, 3), np.float32), (0.0,), soft)
            start = time.perf_counter()
            mode.session.take_preview(preview)
            mode._redraw()
            middle = time.perf_counter()
            mode.view.pictures.grab()
            end = time.perf_counter()
            draws.append(1000 * (middle - start))
            grabs.append(1000 * (end - middle))
        print(f"{pixels.shape[1]} x {pixels.shape[0]} ({labels.size / 1e6:.2f} MP), K = {args.components}, "
              f"{paint.value:8s}: redraw median {statistics.median(draws):6.1f} ms, "
              f"grab median {statistics.median(grabs):6.1f} ms, "
              f"together {statistics.median(np.add(draws, grabs)):6.1f} ms")
    mode.view.close()


if __name__ == "__main__":
    main()
