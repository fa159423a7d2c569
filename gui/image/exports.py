"""Saving a segmentation from the Image window: the picture, the label map, the masks and the model.

Each function encodes with Qt's writers (``gui.image.codec``) and the engine's export contents
(``engine.imaging.outputs``), then writes through the one atomic writer, so a failed export leaves every
existing file as it was. A name that is a folder is refused before anything is written: the writer would
only fail at its rename, after the export's other files were put in place. They return the paths written.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QCoreApplication

from engine.errors import InputError
from engine.imaging.outputs import label_map_content, mask_contents, model_content
from engine.imaging.render import RenderMode, render
from engine.imaging.segmentation import Segmentation
from engine.io.atomic import write_all
from gui.image import codec


def _write(contents: dict) -> None:
    """``write_all(contents)`` once no target is a folder.

    Raises
    ------
    InputError
        Naming the first target that is a folder; nothing is written.
    """
    for target in contents:
        if Path(target).is_dir():
            #: {0} is the file name chosen in the export dialog, which is an existing folder.
            raise InputError(QCoreApplication.translate("image_exports", "cannot export to {0}: it is a folder; "
                                                        "give a file name.").format(target))
    write_all(contents)


def save_picture(path: str | os.PathLike, array: NDArray[np.uint8]) -> list[Path]:
    """An 8-bit RGB or grey picture, in the format of the path's suffix (PNG if Qt cannot write that one)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    _write({path: codec.encode_picture(array, suffix if suffix in codec.writable_formats() else "png")})
    return [Path(path)]


def save_labels(path: str | os.PathLike, labels: NDArray[np.uint8]) -> list[Path]:
    """A label map, ``.npy`` or grey PNG (see ``engine.imaging.outputs.label_map_content``)."""
    _write({path: label_map_content(labels, path, codec)})
    return [Path(path)]


def save_label_maps(path: str | os.PathLike, labels: NDArray[np.uint8]) -> list[Path]:
    """The label map both as ``<stem>.png`` and ``<stem>.npy``, together."""
    targets = [Path(path).with_suffix(".png"), Path(path).with_suffix(".npy")]
    _write({target: label_map_content(labels, target, codec) for target in targets})
    return targets


def save_masks(base: str | os.PathLike, labels: NDArray[np.integer], n_components: int) -> list[Path]:
    """One mask per segment (8-bit grey PNG: 255 inside, 0 outside), all or nothing."""
    contents = mask_contents(base, labels, n_components, codec)
    _write(contents)
    return list(contents)


def save_segmentation_model(path: str | os.PathLike, segmentation: Segmentation) -> list[Path]:
    """The segmentation's model as JSON, with its ``image`` and ``fit`` blocks."""
    _write({path: model_content(segmentation)})
    return [Path(path)]


def export_files(kind: str, path: str | os.PathLike, segmentation: Segmentation,
                 pixels: NDArray[np.unsignedinteger], mode: RenderMode) -> list[Path]:
    """Write one of the window's exports; returns the files written.

    Parameters
    ----------
    kind : str
        ``"picture"`` (painted in ``mode``), ``"labels"`` (PNG and .npy), ``"masks"`` or ``"model"``.
    path : str or path-like
    segmentation : Segmentation
    pixels : ndarray of shape (height, width, 3), uint8 or uint16
        The segmented picture's pixels (the picture export paints them).
    mode : RenderMode

    Raises
    ------
    InputError
        If a file cannot be written; every existing file is then as it was.
    """
    if kind == "picture":
        return save_picture(path, render(segmentation, pixels, mode))
    if kind == "labels":
        return save_label_maps(path, segmentation.labels)
    if kind == "masks":
        return save_masks(path, segmentation.labels, segmentation.n_components)
    return save_segmentation_model(path, segmentation)

