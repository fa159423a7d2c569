"""Drawing a segmented picture: mean colours, a palette, or a soft blend by responsibility."""

from __future__ import annotations

from enum import StrEnum

import numpy as np
from numpy.typing import NDArray

from engine.backends.chunked import ChunkedBackend
from engine.imaging.colour import lab_to_srgb
from engine.imaging.colour_index import gather
from engine.imaging.features import BLOCK_PIXELS, ColorSpace, FeatureSpec, pixel_features
from engine.imaging.segmentation import Segmentation
from engine.palette import palette_rgb
from engine.params import MixtureParams


class RenderMode(StrEnum):
    """How a segmented picture is drawn."""

    MEAN = "mean"  #: each pixel in its component's mean colour
    PALETTE = "palette"  #: each pixel in its component's colour from a fixed palette
    SOFT = "soft"  #: each pixel a blend of the components' mean colours, weighted by responsibility


def palette_colours(n_components: int) -> NDArray[np.uint8]:
    """Each component's colour from the one palette (``engine.palette``), shape (n_components, 3), uint8."""
    return palette_rgb(n_components)


def mean_colours(params: MixtureParams, spec: FeatureSpec) -> NDArray[np.uint8]:
    """Each component's mean colour for display, shape (n_components, 3), uint8 RGB (Lab means converted)."""
    means = np.asarray(params.means[:, :3], dtype=np.float64)
    rgb = lab_to_srgb(means) if spec.space is ColorSpace.LAB else np.clip(means, 0.0, 1.0)
    return np.round(rgb * 255.0).astype(np.uint8)


def render_labels(labels: NDArray[np.integer], colours: NDArray[np.uint8]) -> NDArray[np.uint8]:
    """Each pixel painted in its segment's colour.

    Parameters
    ----------
    labels : ndarray of shape (height, width)
    colours : ndarray of shape (n_components, 3), uint8

    Returns
    -------
    ndarray of shape (height, width, 3), uint8
    """
    labels = np.asarray(labels)
    # Each colour as one 3-byte record: gathering records is several times faster than rows of 3 bytes.
    records = np.ascontiguousarray(colours, dtype=np.uint8).view(np.dtype((np.void, 3))).reshape(-1)
    return gather(records, labels).view(np.uint8).reshape(*labels.shape, 3)


def render_soft(pixels: NDArray[np.unsignedinteger], spec: FeatureSpec, params: MixtureParams,
                colours: NDArray[np.uint8]) -> NDArray[np.uint8]:
    """Each pixel a blend of ``colours`` weighted by its responsibilities, computed by blocks of pixels.

    Parameters
    ----------
    pixels : ndarray of shape (height, width, 3), uint8 or uint16
    spec : FeatureSpec
    params : MixtureParams
    colours : ndarray of shape (n_components, 3)

    Returns
    -------
    ndarray of shape (height, width, 3), uint8
    """
    height, width = pixels.shape[:2]
    n_pixels = height * width
    palette = np.asarray(colours, dtype=np.float32)
    out = np.empty((n_pixels, 3), dtype=np.uint8)
    for start in range(0, n_pixels, BLOCK_PIXELS):
        rows = np.arange(start, min(start + BLOCK_PIXELS, n_pixels))
        resp = ChunkedBackend(pixel_features(pixels, spec, rows), dtype=np.float32).responsibilities(params)
        out[rows] = np.clip(np.rint(resp.astype(np.float32) @ palette), 0, 255).astype(np.uint8)
    return out.reshape(height, width, 3)


def render(segmentation: Segmentation, pixels: NDArray[np.unsignedinteger],
           mode: RenderMode = RenderMode.MEAN) -> NDArray[np.uint8]:
    """The segmented picture drawn in ``mode``, shape (height, width, 3), uint8 RGB."""
    mode = RenderMode(mode)
    params, spec = segmentation.params, segmentation.spec
    if mode is RenderMode.SOFT:
        return render_soft(pixels, spec, params, mean_colours(params, spec))
    colours = mean_colours(params, spec) if mode is RenderMode.MEAN else palette_colours(params.n_components)
    return render_labels(segmentation.labels, colours)


def segment_shares(labels: NDArray[np.integer], n_components: int) -> NDArray[np.float64]:
    """Fraction of the pixels in each segment, shape (n_components,), summing to 1."""
    counts = np.bincount(np.ravel(labels), minlength=n_components)[:n_components]
    return counts / max(labels.size, 1)


def segment_mask(labels: NDArray[np.integer], component: int) -> NDArray[np.uint8]:
    """The pixels of one segment as a picture: 255 inside, 0 outside, shape (height, width), uint8."""
    return np.where(labels == component, np.uint8(255), np.uint8(0))

