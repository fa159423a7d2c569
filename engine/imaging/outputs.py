"""The files a segmentation is exported as, ready for the one atomic writer (``engine.io.atomic.write_all``).

Each function returns a file's content (bytes or text) rather than writing it, so the ``segment``
command and the Image window write all of their outputs together, all or nothing. Pictures are encoded
by a ``PictureCodec`` (Qt's writers, in ``gui.image.codec``), which the engine is handed, never imports.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from engine.imaging.picture import PictureCodec
from engine.imaging.render import segment_mask
from engine.imaging.segmentation import Segmentation
from engine.io.model_json import model_text


def npy_bytes(array: NDArray) -> bytes:
    """A numpy array as the bytes of a ``.npy`` file (no pickles)."""
    buffer = io.BytesIO()
    np.save(buffer, np.asarray(array), allow_pickle=False)
    return buffer.getvalue()


def label_map_content(labels: NDArray[np.uint8], path: str | os.PathLike, codec: PictureCodec) -> bytes:
    """A label map for ``path``: ``.npy`` (uint8, shape (height, width)) or else an 8-bit grey PNG.

    In the PNG each pixel's grey value is its segment's index (0, 1, ..., K - 1): it looks nearly black,
    and reads back exactly.
    """
    if Path(path).suffix.lower() == ".npy":
        return npy_bytes(labels)
    return codec.encode_picture(np.asarray(labels, dtype=np.uint8), "png")


def model_content(segmentation: Segmentation) -> str:
    """The segmentation's model as JSON text, with its ``image`` block (and ``fit`` block when fitted)."""
    return model_text(segmentation.params, segmentation.spec.feature_names, segmentation.fit_result,
                      segmentation.model_extra())


def mask_paths(base: str | os.PathLike, n_components: int) -> list[Path]:
    """Where the masks go: ``<stem>-segment-<k>.png`` beside ``base``, k zero-padded."""
    base = Path(base)
    digits = len(str(max(n_components - 1, 0)))
    return [base.with_name(f"{base.stem}-segment-{k:0{digits}d}.png") for k in range(n_components)]


def mask_contents(base: str | os.PathLike, labels: NDArray[np.integer], n_components: int,
                  codec: PictureCodec) -> dict[Path, bytes]:
    """One mask per segment (8-bit grey PNG: 255 inside, 0 outside), by path (see ``mask_paths``)."""
    return {path: codec.encode_picture(segment_mask(labels, k), "png")
            for k, path in enumerate(mask_paths(base, n_components))}
