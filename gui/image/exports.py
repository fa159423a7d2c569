"""Saving a segmentation from the Image window: the picture, the label map, the masks and the model.

Each function encodes with Qt's writers (``gui.image.codec``) and the engine's export contents
(``engine.imaging.outputs``), then writes through the one atomic writer, so a failed export leaves every
existing file as it was. They return the paths written.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from engine.imaging.outputs import label_map_content, mask_contents, model_content
from engine.imaging.segmentation import Segmentation
from engine.io.atomic import write_all
from gui.image import codec


def save_picture(path: str | os.PathLike, array: NDArray[np.uint8]) -> list[Path]:
    """An 8-bit RGB or grey picture, in the format of the path's suffix (PNG if Qt cannot write that one)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    write_all({path: codec.encode_picture(array, suffix if suffix in codec.writable_formats() else "png")})
    return [Path(path)]


def save_labels(path: str | os.PathLike, labels: NDArray[np.uint8]) -> list[Path]:
    """A label map, ``.npy`` or grey PNG (see ``engine.imaging.outputs.label_map_content``)."""
    write_all({path: label_map_content(labels, path, codec)})
    return [Path(path)]


def save_label_maps(path: str | os.PathLike, labels: NDArray[np.uint8]) -> list[Path]:
    """The label map both as ``<stem>.png`` and ``<stem>.npy``, together."""
    targets = [Path(path).with_suffix(".png"), Path(path).with_suffix(".npy")]
    write_all({target: label_map_content(labels, target, codec) for target in targets})
    return targets


def save_masks(base: str | os.PathLike, labels: NDArray[np.integer], n_components: int) -> list[Path]:
    """One mask per segment (8-bit grey PNG: 255 inside, 0 outside), all or nothing."""
    contents = mask_contents(base, labels, n_components, codec)
    write_all(contents)
    return list(contents)


def save_segmentation_model(path: str | os.PathLike, segmentation: Segmentation) -> list[Path]:
    """The segmentation's model as JSON, with its ``image`` and ``fit`` blocks."""
    write_all({path: model_content(segmentation)})
    return [Path(path)]
