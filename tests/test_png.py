"""``engine.imaging.png``: the PNG files written without Qt read back exactly, with Qt's reader."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QImage

from engine.imaging.png import encode_png
from gui.image.codec import qimage_to_array


@pytest.mark.parametrize("shape", [(7, 5, 3), (4, 1, 3), (6, 4), (33, 17)])
def test_png_reads_back_exactly(shape):
    picture = np.random.default_rng(0).integers(0, 256, shape, dtype=np.uint8)
    picture[2:4] = picture[1]  # runs of equal rows, as in a segmented picture (filtered to zeros)
    image = QImage()
    assert image.loadFromData(encode_png(picture), "PNG")
    back = np.asarray(qimage_to_array(image))
    expected = picture if picture.ndim == 3 else np.repeat(picture[:, :, None], 3, axis=2)
    assert back.shape[:2] == shape[:2]
    assert np.array_equal(back[..., :3] if back.ndim == 3 else back, expected if back.ndim == 3 else picture)


def test_a_large_picture_deflated_in_halves_reads_back_exactly(monkeypatch):
    """Two raw deflate streams under one zlib header and checksum (``engine.imaging.png._deflate``)."""
    import zlib

    from engine.imaging import png

    monkeypatch.setattr(png, "HALVES_FROM", 1000)
    picture = np.random.default_rng(1).integers(0, 256, (60, 50, 3), dtype=np.uint8)
    picture[10:30] = picture[9]
    data = encode_png(picture)
    image = QImage()
    assert image.loadFromData(data, "PNG")
    assert np.array_equal(np.asarray(qimage_to_array(image)), picture)
    filtered = zlib.decompress(data[data.index(b"IDAT") + 4:data.index(b"IEND") - 8])  # checks the Adler-32
    assert len(filtered) == 60 * (50 * 3 + 1)
