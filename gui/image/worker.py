"""Decoding and segmenting a picture off the main thread: generator jobs for ``gui.threads.Jobs``.

Everything slow happens here, never on the main thread: decoding (``gui.image.codec.load_picture``), the
pixel features and robust start (``prepare_fit``), EM (``iterate_segmentation``), labelling a preview
of at most ``PREVIEW_PIXELS`` pixels now and then, labelling every pixel at the end
(``finish_segmentation``, as the ``segment`` command ends), and the exports (``write_export``: encoding
the masks of a 24-megapixel picture took a second). The functions are generators that
``Jobs.start`` runs on a worker thread; ``Jobs.abort`` stops one before its next step, so
``segment_picture`` yields after the robust start and after every EM half-step (``None`` when there is
nothing new to draw): a stop takes effect within one half-step. They touch no widget and yield only
immutable data.
"""

from __future__ import annotations

import time
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from engine.config import FitConfig
from engine.em import EMSnapshot, HalfStep
from engine.imaging.colour_index import PictureLabeller
from engine.imaging.features import FeatureSpec
from engine.imaging.picture import Picture
from engine.imaging.render import RenderMode, mean_colours, render_soft
from engine.imaging.segmentation import Segmentation, finish_segmentation, iterate_segmentation, prepare_fit
from gui.image import exports
from gui.image.codec import load_picture
from gui.image.session import PREVIEW_PIXELS, SCATTER_POINTS, SegmentPreview, preview_step

#: Previews go out at most this often (the last one always does).
EMIT_INTERVAL_S = 1.0 / 20.0

__all__ = ["EMIT_INTERVAL_S", "PREVIEW_PIXELS", "PreviewOptions", "decode_picture", "segment_picture", "write_export"]


@dataclass(slots=True)
class PreviewOptions:
    """How a running fit paints its previews; the main thread changes it while the job runs.

    A plain attribute, read once per preview (assigning it is atomic), so a change reaches the running
    generator at its next preview.

    Attributes
    ----------
    soft : bool
        Also paint each preview as a soft blend (``SegmentPreview.soft``).
    """

    soft: bool = False


def decode_picture(path: str) -> Generator[None, None, Picture]:
    """Decode the picture file ``path`` (a job: yields nothing, returns the ``Picture``).

    Raises
    ------
    InputError
        With one sentence, for a file that cannot be used (see ``gui.image.codec.load_picture``).
    """
    yield from ()  # a generator, as Jobs runs them: decoding has no step to stop between
    return load_picture(path)


def write_export(kind: str, path: str, segmentation: Segmentation, pixels: NDArray[np.unsignedinteger],
                 mode: RenderMode) -> Generator[None, None, list[str]]:
    """Write one export (a job: yields nothing, returns the files written); see ``gui.image.exports.export_files``.

    Raises
    ------
    InputError
        With one sentence, when a file cannot be written; every existing file is then as it was.
    """
    yield from ()  # a generator, as Jobs runs them: writing has no step to stop between
    return [str(target) for target in exports.export_files(kind, path, segmentation, pixels, mode)]


def segment_picture(picture: Picture, spec: FeatureSpec, config: FitConfig, sample_size: int,
                    options: PreviewOptions) -> Generator[SegmentPreview | None, None, Segmentation]:
    """Fit a mixture to the picture's pixels and label every pixel (a job).

    Parameters
    ----------
    picture : Picture
    spec : FeatureSpec
    config : FitConfig
    sample_size : int
        Fit on this many random pixels (0: all); see ``engine.imaging.segmentation.prepare_fit``.
    options : PreviewOptions
        Read at every preview, so the window can switch the soft blend on and off during the run.

    Yields
    ------
    SegmentPreview or None
        ``None`` after the robust start and after every half-step with nothing new to draw (the points
        where an abort takes effect); a preview of the newest parameters at most every
        ``EMIT_INTERVAL_S`` after an M-step, and always after the last half-step.

    Returns
    -------
    Segmentation
        From ``engine.imaging.segmentation.finish_segmentation``, with its ``fit`` result.

    Raises
    ------
    InputError
        If the picture has fewer distinct colours than ``config.n_components``.
    """
    pixels = picture.pixels
    plan = prepare_fit(pixels, spec, config, sample_size)
    yield None  # between the robust start and EM
    step = preview_step(*pixels.shape[:2])
    small = pixels[::step, ::step]
    # By the preview's distinct colours when the features are colour only (the fit's own when it is on
    # every pixel), mapped back to its pixels.
    labeller = plan.labeller(pixels, spec) if step == 1 and plan.indices is None else PictureLabeller(small, spec)
    # Pixels, not distinct colours: the colour-space scatter shows each colour as often as it is seen.
    features = plan.pixel_features(50 * SCATTER_POINTS, np.random.default_rng(0))
    last_emit = 0.0
    snapshot = None
    for snapshot in iterate_segmentation(plan):
        now = time.monotonic()
        changed = snapshot.half_step is not HalfStep.E  # an E-step changes no parameters
        if snapshot.done or (changed and now - last_emit >= EMIT_INTERVAL_S):
            last_emit = now
            yield _preview(snapshot, labeller, small, step, features, spec, options.soft)
        else:
            yield None
    yield None  # between EM and labelling every pixel
    return finish_segmentation(plan, snapshot, pixels, spec)  # as the segment command ends


def _preview(snapshot: EMSnapshot, labeller: PictureLabeller, small: NDArray[np.unsignedinteger], step: int,
             features: NDArray[np.float32], spec: FeatureSpec, soft: bool) -> SegmentPreview:
    labels = labeller.labels(snapshot.params)
    labels.flags.writeable = False
    painted = None
    if soft:
        painted = render_soft(small, spec, snapshot.params, mean_colours(snapshot.params, spec))
        painted.flags.writeable = False
    return SegmentPreview(snapshot.iteration, snapshot.params, labels, step, features, tuple(snapshot.history),
                          painted)
