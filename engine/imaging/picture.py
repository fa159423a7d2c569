"""A decoded picture as numpy pixels (and the check that pixels are such), how large a picture this machine can
take, and the codec protocol.

Decoding and encoding picture files needs Qt's image readers and writers, which the engine never
imports: ``gui.image.codec`` implements ``PictureCodec`` with QtGui alone (no window, no display), and
the ``segment`` command is handed that codec by ``main.py``.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from engine.errors import InputError

#: Never decode a picture with more pixels than this, whatever the memory.
MAX_PIXELS = 100_000_000
#: Estimated memory that segmenting needs per pixel (decoded picture, its copy, features, the
#: backend's float32 copy, labels), in bytes.
BYTES_PER_PIXEL = 96
#: Fraction of the available memory a picture may claim.
MEMORY_FRACTION = 0.5
#: Assumed available memory where the system does not say (bytes).
FALLBACK_MEMORY = 4 << 30


@dataclass(frozen=True, slots=True)
class Picture:
    """A decoded picture.

    Attributes
    ----------
    pixels : ndarray of shape (height, width, 3), uint8 or uint16
        RGB, read-only, row 0 at the top (after EXIF orientation).
    path : Path
    format : str
        What the decoder read, e.g. ``"png"``, ``"jpeg"``.
    bit_depth : int
        8 or 16 (the dtype of ``pixels``).
    has_alpha : bool
        Whether the file had an alpha channel (ignored).
    """

    pixels: NDArray[np.unsignedinteger]
    path: Path
    format: str
    bit_depth: int
    has_alpha: bool

    @property
    def height(self) -> int:
        return int(self.pixels.shape[0])

    @property
    def width(self) -> int:
        return int(self.pixels.shape[1])

    @property
    def n_pixels(self) -> int:
        return self.height * self.width


class PictureCodec(Protocol):
    """Reads and writes picture files (``gui.image.codec`` is the implementation)."""

    def load_picture(self, path: str | os.PathLike, quiet: bool = False) -> Picture:
        """Decode a picture file; raises ``InputError`` with one sentence for a file that cannot be used."""

    def encode_picture(self, array: NDArray[np.uint8], fmt: str = "png") -> bytes:
        """An 8-bit RGB (height, width, 3) or grey (height, width) picture encoded as a file's bytes."""


def available_memory() -> int:
    """Bytes of memory this process can still use: the system's MemAvailable, within a cgroup's limit."""
    available = None
    with contextlib.suppress(OSError, ValueError):
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    available = int(line.split()[1]) * 1024
                    break
    if available is None:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            available = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    available = FALLBACK_MEMORY if available is None else available
    with contextlib.suppress(OSError, ValueError):
        limit = Path("/sys/fs/cgroup/memory.max").read_text().strip()
        used = int(Path("/sys/fs/cgroup/memory.current").read_text())
        if limit != "max":
            available = min(available, max(int(limit) - used, 0))
    return available


def pixel_limit() -> int:
    """The most pixels a picture may have: ``MAX_PIXELS``, or fewer when memory is short."""
    return max(1, min(MAX_PIXELS, int(available_memory() * MEMORY_FRACTION / BYTES_PER_PIXEL)))


def size_problem(width: int, height: int) -> str | None:
    """Why a picture of this size cannot be used (a phrase), or ``None`` when it can."""
    if width <= 0 or height <= 0:
        return f"it has no pixels ({width} x {height})"
    limit = pixel_limit()
    if width * height > limit:
        return (f"it has {width} x {height} = {width * height / 1e6:.1f} megapixels, more than the "
                f"{limit / 1e6:.1f} megapixels this computer's memory allows; scale it down first")
    return None


def check_pixels(pixels: object) -> None:
    """Raise ``InputError`` unless ``pixels`` are what the engine segments: RGB of a decoded picture.

    Parameters
    ----------
    pixels : ndarray of shape (height, width, 3), uint8 or uint16
        Anything else (floats, a grey or RGBA array, nested lists) is refused with one sentence.
    """
    shape = getattr(pixels, "shape", None)
    dtype = getattr(pixels, "dtype", None)
    if not isinstance(pixels, np.ndarray) or len(shape) != 3 or shape[2] != 3 or dtype not in (np.uint8, np.uint16):
        kind = (f"an array of shape {shape} and type {dtype}" if isinstance(pixels, np.ndarray)
                else f"a {type(pixels).__name__}")
        raise InputError(f"the pixels must be an array of shape (height, width, 3) of uint8 or uint16 (RGB), not "
                         f"{kind}.")
    if shape[0] == 0 or shape[1] == 0:
        raise InputError(f"the picture has no pixels (shape {shape}).")
