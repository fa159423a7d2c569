"""Pictures in and out through Qt's image readers and writers, as numpy arrays (``engine.imaging.picture``'s
``PictureCodec``).

Only QtGui's ``QImage``, ``QImageReader`` and ``QImageWriter`` are used: no widgets, no pyqtgraph, and
no application object (Qt's image plugins load without one), so the headless ``segment`` command can
use this module and the window can call it from a worker thread.

Reading (``load_picture``): PNG, JPEG, BMP, TIFF and whatever else the installed Qt reads (WebP, GIF,
...), the format decided from the content, not the name. JPEG's EXIF orientation is applied. Grey,
palette and RGB pictures become RGB; an alpha channel is ignored (the colour channels are kept as
stored, not blended with a background; but Qt's TIFF reader premultiplies them, so a TIFF's fully
transparent pixels read black); colours are taken as sRGB as stored (an embedded colour profile
is not applied). A BMP shorter than its rows need is refused (``_bmp_shortfall``). Pictures with more
than 8 bits a channel (16-bit PNG or TIFF, 10-bit formats) are read as ``uint16``, all others as
``uint8``. A file that cannot be used raises one ``InputError`` sentence.

Writing (``encode_picture``): an 8-bit picture encoded in memory; the bytes go to disk through the one
atomic writer, ``engine.io.atomic.write_all``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import struct
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, qInstallMessageHandler
from PySide6.QtGui import QImage, QImageReader, QImageWriter

from engine.errors import InputError
from engine.imaging.picture import Picture, size_problem
from engine.io.atomic import EncodeError
from engine.io.paths import NAME_MAX_BYTES, shown_path

#: Formats that hold more than 8 bits a channel: read through Format_RGBX64 as uint16.
_HIGH_DEPTH = {
    QImage.Format.Format_Grayscale16, QImage.Format.Format_RGBX64, QImage.Format.Format_RGBA64,
    QImage.Format.Format_RGBA64_Premultiplied, QImage.Format.Format_BGR30, QImage.Format.Format_RGB30,
    QImage.Format.Format_A2BGR30_Premultiplied, QImage.Format.Format_A2RGB30_Premultiplied,
    QImage.Format.Format_RGBX16FPx4, QImage.Format.Format_RGBA16FPx4,
    QImage.Format.Format_RGBA16FPx4_Premultiplied, QImage.Format.Format_RGBX32FPx4,
    QImage.Format.Format_RGBA32FPx4, QImage.Format.Format_RGBA32FPx4_Premultiplied,
}
#: Decoder messages that mean the file ended early: the decoded picture is partly invented.
_TRUNCATION_WORDS = ("premature end",)

def _tr(text: str) -> str:
    return QCoreApplication.translate("image_io", text)


# ------------------------------------------------------------------------------------------ reading
def load_picture(path: str | os.PathLike, quiet: bool = False) -> Picture:
    """Decode a picture file into RGB pixels.

    Parameters
    ----------
    path : str or path-like
    quiet : bool
        Also silence what the decoders write straight to the process's stderr (libpng does, on a
        damaged file) while decoding, by redirecting file descriptor 2: for the command line only,
        since it affects every thread.

    Returns
    -------
    Picture

    Raises
    ------
    InputError
        With one sentence, for a missing file, a folder, an empty file, a file Qt cannot decode
        (damaged, truncated or not a picture), a picture without pixels, or one larger than
        ``pixel_limit()``.
    """
    file = Path(path)
    source = _tr("the picture {0}").format(shown_path(file))

    def refuse(problem: str) -> InputError:
        return InputError(_tr("cannot read {0}: {1}.").format(source, problem))

    status = _file_status(file, refuse)
    if status is None:
        raise refuse(_tr("it does not exist; check the name and folder"))
    if stat.S_ISDIR(status.st_mode):
        raise refuse(_tr("it is a folder; give a picture file (PNG, JPEG, BMP or TIFF)"))
    if not stat.S_ISREG(status.st_mode):  # before opening: opening a pipe waits for a writer for ever
        raise refuse(_tr("it is not a regular file (a pipe or a device?); give a picture file (PNG, JPEG, BMP "
                         "or TIFF)"))
    try:
        with open(file, "rb") as handle:
            head = handle.read(16)
    except OSError as error:
        raise refuse(_tr("it cannot be opened ({0})").format(error.strerror or error)) from None
    if status.st_size == 0:
        raise refuse(_tr("the file is empty (0 bytes)"))

    try:
        reader = picture_reader(file, head)
    except OSError as error:  # reading a file Qt cannot open by its name
        raise refuse(_tr("it cannot be opened ({0})").format(error.strerror or error)) from None
    with _captured_messages(quiet) as messages:
        if not reader.canRead():
            raise refuse(_tr("it is not a picture Qt can decode; give a PNG, JPEG, BMP or TIFF file"))
        fmt = bytes(reader.format().data()).decode("ascii", "replace")
        size = reader.size()
        if size.isValid():
            _check_size(size.width(), size.height(), refuse)
            _allow_allocation(size.width() * size.height())
        image = reader.read()
    if image.isNull():
        detail = reader.errorString() or _tr("unknown error")
        raise refuse(_tr("it could not be decoded ({0}); the file may be truncated or damaged").format(detail))
    truncated = [text for text in messages if any(word in text.lower() for word in _TRUNCATION_WORDS)]
    if fmt == "bmp" and (short := _bmp_shortfall(file, status.st_size)) is not None:
        truncated.append(short)  # Qt's BMP reader paints missing rows black and says nothing
    if truncated:
        raise refuse(_tr("the file is truncated ({0}); it may not have finished downloading or copying"
                         ).format(truncated[0]))
    _check_size(image.width(), image.height(), refuse)
    pixels = qimage_to_array(image)
    return Picture(pixels, file, fmt, 16 if pixels.dtype == np.uint16 else 8, bool(image.hasAlphaChannel()))


def _bmp_shortfall(file: Path, size: int) -> str | None:
    """``"N of M bytes"`` when an uncompressed BMP file is shorter than its header's rows need, else None.

    The header gives the pixel data's offset, the width, the height and the bits per pixel; each row takes a
    multiple of four bytes. Compressed BMPs (RLE, or a JPEG or PNG inside) are left to Qt's reader.
    """
    try:
        with open(file, "rb") as handle:
            header = handle.read(34)
    except OSError:
        return None
    if len(header) < 26 or header[:2] != b"BM":
        return None
    offset, header_size = struct.unpack_from("<II", header, 10)
    if header_size == 12:  # BITMAPCOREHEADER
        width, height, _, bits = struct.unpack_from("<HHHH", header, 18)
        compression = 0
    elif header_size >= 40 and len(header) >= 34:
        width, height, _, bits, compression = struct.unpack_from("<iiHHI", header, 18)
    else:
        return None
    if compression not in (0, 3, 6) or width <= 0 or bits == 0:  # 0 RGB, 3 and 6 bit fields: rows as stored
        return None
    # Whole rows, the last one's padding to four bytes too: Qt's reader reads whole rows (without its padding,
    # the last row stored, the picture's top one, came out black).
    needed = offset + (bits * width + 31) // 32 * 4 * abs(height)
    return f"{size} of {needed} bytes" if size < needed else None


#: Leading bytes of the common formats, and the name of Qt's handler for each.
_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", b"png"), (b"\xff\xd8\xff", b"jpeg"), (b"GIF87a", b"gif"), (b"GIF89a", b"gif"),
               (b"BM", b"bmp"), (b"II*\x00", b"tiff"), (b"MM\x00*", b"tiff"))


def _format_of(head: bytes) -> bytes | None:
    """The format a file's first bytes announce, for the common formats; None for any other."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return b"webp"
    return next((name for signature, name in _SIGNATURES if head.startswith(signature)), None)


def picture_reader(file: Path, head: bytes) -> QImageReader:
    """A ``QImageReader`` for ``file`` whose first bytes are ``head``, format decided from the content.

    A common format goes straight to its own handler: only ``read()`` releases Python's lock while Qt
    works, and letting ``canRead()`` ask every plugin (the SVG plugin connects signals, taking one of
    Qt's shared locks) deadlocked a decoding thread against the main thread deleting widgets. Other
    files are probed by every plugin, as Qt does by default.
    """
    known = _format_of(head)
    source = _unnamed_file(file) or str(file)
    if known is not None and known in {bytes(name.data()) for name in QImageReader.supportedImageFormats()}:
        reader = QImageReader(source, known)
        reader.setAutoDetectImageFormat(False)
    else:
        reader = QImageReader(source)
        reader.setDecideFormatFromContent(True)
    reader.setAutoTransform(True)
    if not isinstance(source, str):
        reader.device_kept_alive = source  # the reader does not own its device
    return reader


def _unnamed_file(file: Path) -> QBuffer | None:
    """The file's bytes in an open ``QBuffer`` when Qt cannot open it by its name, else None.

    A name holding bytes that are not UTF-8 (``caf\xe9.jpg`` from a Latin-1 system) reaches Python as lone
    surrogates, which a QString cannot hold: Qt would look for another file and call the picture
    undecodable.
    """
    try:
        str(file).encode("utf-8")
    except UnicodeEncodeError:
        buffer = QBuffer()
        buffer.setData(QByteArray(file.read_bytes()))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        return buffer
    return None


def _file_status(file: Path, refuse: Callable[[str], Exception]) -> os.stat_result | None:
    """``os.stat(file)``, or None when nothing is there; a name too long (or any other ``OSError`` from
    looking at the path) is refused in one sentence."""
    try:
        return os.stat(file)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError) as error:
        if isinstance(error, OSError) and error.errno == errno.ENAMETOOLONG:
            longest = max(file.parts, key=lambda part: len(os.fsencode(part)), default="")
            shown = longest if len(longest) <= 40 else f"{longest[:20]}...{longest[-17:]}"
            raise refuse(_tr("the name {0} is too long ({1} bytes; a file or folder name can have at most {2} "
                             "bytes)").format(shown, len(os.fsencode(longest)), NAME_MAX_BYTES)) from None
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise refuse(_tr("it cannot be looked at ({0})").format(reason)) from None


def _check_size(width: int, height: int, refuse: Callable[[str], Exception]) -> None:
    problem = size_problem(width, height)
    if problem is not None:
        raise refuse(problem)


def _allow_allocation(n_pixels: int) -> None:
    """Raise Qt's process-wide decoding limit (256 MB by default) far enough for this picture.

    It allows 16 bytes a pixel, the widest format a decoder may produce (RGBA of 32-bit floats). The
    size was checked against ``pixel_limit`` first. The limit only ever goes up, so a picture being
    decoded on another thread is never refused by a lower limit set here.
    """
    needed_mb = -(-n_pixels * 16 // (1 << 20)) + 1
    if QImageReader.allocationLimit() != 0 and QImageReader.allocationLimit() < needed_mb:
        QImageReader.setAllocationLimit(needed_mb)


@contextlib.contextmanager
def _captured_messages(quiet: bool) -> Iterator[list[str]]:
    """Collect Qt's warnings while decoding (and, if ``quiet``, what C code writes to stderr).

    Qt's message handler is process-wide: the previous one is put back at the end.
    """
    messages: list[str] = []

    def handler(_mode, _context, message: str) -> None:
        messages.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        with _silenced_native_stderr() if quiet else contextlib.nullcontext():
            yield messages
    finally:
        qInstallMessageHandler(previous)


@contextlib.contextmanager
def _silenced_native_stderr() -> Iterator[None]:
    sys.stderr.flush()
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def qimage_to_array(image: QImage) -> NDArray[np.unsignedinteger]:
    """RGB pixels of a ``QImage`` as a read-only numpy copy.

    Parameters
    ----------
    image : QImage
        Any format; alpha is dropped, grey and palette images become RGB.

    Returns
    -------
    ndarray of shape (height, width, 3)
        ``uint16`` for formats with more than 8 bits a channel (through ``Format_RGBX64``), else ``uint8``
        (through ``Format_RGB888``). Row padding (``bytesPerLine``) is removed.
    """
    high = image.format() in _HIGH_DEPTH
    converted = image.convertToFormat(QImage.Format.Format_RGBX64 if high else QImage.Format.Format_RGB888)
    height, width, stride = converted.height(), converted.width(), converted.bytesPerLine()
    rows = np.frombuffer(converted.constBits(), dtype=np.uint8, count=height * stride).reshape(height, stride)
    if high:
        channels = rows[:, : width * 8].view(np.uint16).reshape(height, width, 4)
        # QRgba64 keeps red in the low 16 bits of a native 64-bit word.
        pixels = (channels[..., :3] if sys.byteorder == "little" else channels[..., 3:0:-1]).copy()
    else:
        pixels = rows[:, : width * 3].reshape(height, width, 3).copy()
    pixels.flags.writeable = False
    return pixels


def array_to_qimage(array: NDArray[np.uint8]) -> QImage:
    """A ``QImage`` owning a copy of 8-bit pixels.

    Parameters
    ----------
    array : ndarray of shape (height, width, 3) (RGB) or (height, width) (grey), uint8

    Returns
    -------
    QImage
        ``Format_RGB888`` or ``Format_Grayscale8``.
    """
    array = np.ascontiguousarray(array, dtype=np.uint8)
    height, width = array.shape[:2]
    if array.ndim == 2:
        fmt, stride = QImage.Format.Format_Grayscale8, width
    else:
        fmt, stride = QImage.Format.Format_RGB888, 3 * width
    return QImage(array.data, width, height, stride, fmt).copy()


# ------------------------------------------------------------------------------------------ writing
def encode_picture(array: NDArray[np.uint8], fmt: str = "png") -> bytes:
    """An 8-bit RGB (height, width, 3) or grey (height, width) picture encoded as a file's bytes.

    Raises
    ------
    engine.io.atomic.EncodeError
        If Qt cannot encode the picture in this format.
    """
    image = array_to_qimage(array)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, fmt.encode("ascii"))
    if not writer.write(image):
        raise EncodeError(_tr("Qt could not encode the picture ({0})").format(writer.errorString()))
    return bytes(buffer.data().data())


def writable_formats() -> set[str]:
    """Picture formats Qt can write here, by suffix (``png``, ``jpg``, ``bmp``, ``tiff``, ...)."""
    return {bytes(name.data()).decode("ascii") for name in QImageWriter.supportedImageFormats()}


__all__ = ["array_to_qimage", "encode_picture", "load_picture", "picture_reader", "qimage_to_array", "writable_formats"]
