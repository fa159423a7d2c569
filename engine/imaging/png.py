"""PNG files of 8-bit pictures, written with numpy and zlib (no Qt): fast enough for a 12-megapixel picture.

Every row is filtered with PNG's *Up* filter (the byte-wise difference from the row above, type 2),
which turns the long runs of a segmented picture, or of a label map, into runs of zeros, and the filtered
rows are deflated at ``LEVEL``. On a 4-megapixel segmented photograph that takes a fifth of the time of
Qt's writer (which tries every filter at zlib's default level), for a file about a third larger. Any
PNG reader reads the file back exactly.

A large picture is deflated in two halves on two threads (zlib works without Python's lock), as pigz
does: the first half's raw deflate blocks end with a full flush, the second half's are a fresh raw
stream that ends the data, and the two make one zlib stream under one header and one Adler-32 checksum
(a few hundred bytes larger; half the time on two free cores).
"""

from __future__ import annotations

import struct
import zlib
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from numpy.typing import NDArray

#: zlib's compression level: 3 is several times faster than the default 6 on these pictures.
LEVEL = 3
_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: PNG colour types: 0 grey, 2 RGB.
_COLOUR_TYPE = {2: 0, 3: 2}
#: Filtered data of at least this many bytes is deflated in two halves on two threads.
HALVES_FROM = 1 << 22


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def encode_png(picture: NDArray[np.uint8], level: int = LEVEL) -> bytes:
    """The bytes of a PNG file holding ``picture``.

    Parameters
    ----------
    picture : ndarray of shape (height, width, 3) (RGB) or (height, width) (grey), uint8
    level : int
        zlib's compression level, 0 to 9.
    """
    picture = np.ascontiguousarray(picture, dtype=np.uint8)
    height, width = picture.shape[:2]
    rows = picture.reshape(height, -1)
    filtered = np.empty((height, rows.shape[1] + 1), dtype=np.uint8)
    filtered[:, 0] = 2  # Up
    filtered[0, 0] = 0  # the first row has no row above: None
    filtered[0, 1:] = rows[0]
    np.subtract(rows[1:], rows[:-1], out=filtered[1:, 1:])  # modulo 256, as PNG's filter is
    header = struct.pack(">IIBBBBB", width, height, 8, _COLOUR_TYPE[picture.ndim], 0, 0, 0)
    return (_SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", _deflate(filtered.reshape(-1), level))
            + _chunk(b"IEND", b""))


def _deflate(data: NDArray[np.uint8], level: int) -> bytes:
    """One zlib stream of ``data`` (shape (n,)), made in two halves on two threads when it is large."""
    if len(data) < HALVES_FROM:
        return zlib.compress(data, level)
    first, second = data[:len(data) // 2], data[len(data) // 2:]

    def raw(part: NDArray[np.uint8], ending: int) -> bytes:
        compressor = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)  # raw deflate: no header
        return compressor.compress(part) + compressor.flush(ending)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="gmm-deflate") as executor:
        head = executor.submit(raw, first, zlib.Z_FULL_FLUSH)  # byte-aligned, not the final block
        tail = raw(second, zlib.Z_FINISH)
        head = head.result()
    checksum = zlib.adler32(second, zlib.adler32(first))
    return zlib.compress(b"", level)[:2] + head + tail + struct.pack(">I", checksum)
