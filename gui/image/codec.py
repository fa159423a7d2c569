"""Pictures in and out through Qt's image readers and writers, as numpy arrays.

Only QtGui's ``QImage``, ``QImageReader`` and ``QImageWriter`` are used: no widgets, no pyqtgraph, and
no application object (Qt's image plugins load without one), so the headless ``segment`` command can
use this module and the window can call it from a worker thread.

Reading (``load_picture``): PNG, JPEG, BMP, TIFF and whatever else the installed Qt reads (WebP, GIF,
...), the format decided from the content, not the name. JPEG's EXIF orientation is applied. Grey,
palette and RGB pictures become RGB; an alpha channel is ignored (the colour channels are kept as
stored, not blended with a background); colours are taken as sRGB as stored (an embedded colour profile
is not applied). Pictures with more than 8 bits a channel (16-bit PNG or TIFF, 10-bit formats) are read
as ``uint16``, all others as ``uint8``. A file that cannot be used raises one ``InputError`` sentence.

Writing: every export goes to a temporary file in the target's folder and is renamed over the target
only when it is complete; ``write_all`` does that for several files at once, renaming only when all
of them were written, so a failed export leaves every existing file as it was.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QCoreApplication, qInstallMessageHandler
from PySide6.QtGui import QImage, QImageReader, QImageWriter

from engine.errors import InputError
from engine.imaging.segmentation import Segmentation, segment_mask
from engine.io.model_json import save_model
from engine.params import MixtureParams

#: Never decode a picture with more pixels than this, whatever the memory.
MAX_PIXELS = 100_000_000
#: Estimated memory that segmenting needs per pixel (decoded picture, its copy, features, the
#: backend's float32 copy, labels), in bytes.
BYTES_PER_PIXEL = 96
#: Fraction of the available memory a picture may claim.
MEMORY_FRACTION = 0.5
#: Assumed available memory where the system does not say (bytes).
FALLBACK_MEMORY = 4 << 30

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

Writer = Callable[[Path], None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("image_io", text)


@dataclass(frozen=True, slots=True)
class Picture:
    """A decoded picture.

    Attributes
    ----------
    pixels : ndarray of shape (height, width, 3), uint8 or uint16
        RGB, read-only, row 0 at the top (after EXIF orientation).
    path : Path
    format : str
        What Qt decoded, e.g. ``"png"``, ``"jpeg"``.
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


# ------------------------------------------------------------------------------------------- memory
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
    """The most pixels ``load_picture`` accepts: ``MAX_PIXELS``, or fewer when memory is short."""
    return max(1, min(MAX_PIXELS, int(available_memory() * MEMORY_FRACTION / BYTES_PER_PIXEL)))


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
    source = _tr("the picture {0}").format(file)

    def refuse(problem: str) -> InputError:
        return InputError(_tr("cannot read {0}: {1}.").format(source, problem))

    if not file.exists():
        raise refuse(_tr("it does not exist; check the name and folder"))
    if file.is_dir():
        raise refuse(_tr("it is a folder; give a picture file (PNG, JPEG, BMP or TIFF)"))
    try:
        size_on_disk = file.stat().st_size
        with open(file, "rb"):
            pass
    except OSError as error:
        raise refuse(_tr("it cannot be opened ({0})").format(error.strerror or error)) from None
    if size_on_disk == 0:
        raise refuse(_tr("the file is empty (0 bytes)"))

    reader = QImageReader(str(file))
    reader.setDecideFormatFromContent(True)
    reader.setAutoTransform(True)
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
    if truncated:
        raise refuse(_tr("the file is truncated ({0}); it may not have finished downloading or copying"
                         ).format(truncated[0]))
    _check_size(image.width(), image.height(), refuse)
    pixels = qimage_to_array(image)
    return Picture(pixels, file, fmt, 16 if pixels.dtype == np.uint16 else 8, bool(image.hasAlphaChannel()))


def _check_size(width: int, height: int, refuse: Callable[[str], Exception]) -> None:
    if width <= 0 or height <= 0:
        raise refuse(_tr("it has no pixels ({0} x {1})").format(width, height))
    limit = pixel_limit()
    if width * height > limit:
        raise refuse(_tr("it has {0} x {1} = {2:.1f} megapixels, more than the {3:.1f} megapixels this "
                         "computer's memory allows; scale it down first").format(
            width, height, width * height / 1e6, limit / 1e6))


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
def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


#: Permissions of a new file, read once: changing the umask to read it is process-wide.
_NEW_FILE_MODE = _default_mode()


class _EncodeError(Exception):
    """A writer could not produce its file; ``write_all`` reports it with the target's name."""


def _write_error(target: Path, problem: Any) -> InputError:
    return InputError(_tr("cannot write {0}: {1}; the existing file, if any, is unchanged.").format(target, problem))


def write_all(outputs: Mapping[str | os.PathLike, Writer]) -> None:
    """Write several files all or nothing.

    Each writer writes its complete file to a temporary path in the target's folder; only when every
    one has succeeded are the temporary files renamed over their targets (keeping the permissions of a
    file that is replaced). On a failure every temporary file is removed and no target is touched.

    Parameters
    ----------
    outputs : mapping of path to writer
        A writer is called with a temporary path and writes the whole file there (``picture_writer``,
        ``labels_writer``, ``model_writer``, ...).

    Raises
    ------
    InputError
        If a file cannot be written (missing folder, no permission, disk full, encoder failure).
    """
    temps: list[tuple[Path, Path]] = []
    try:
        for path, writer in outputs.items():
            target = Path(path)
            try:
                fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            except OSError as error:
                raise _write_error(target, error.strerror or error) from None
            os.close(fd)
            temps.append((target, Path(name)))
            try:
                writer(Path(name))
            except (OSError, _EncodeError) as error:
                problem = error.strerror if isinstance(error, OSError) and error.strerror else error
                raise _write_error(target, problem) from None
            except InputError as error:  # save_model's own message, naming the temporary file
                raise InputError(str(error).replace(name, str(target))) from None
            try:
                _sync_file(Path(name))
                mode = stat.S_IMODE(target.stat().st_mode) if target.is_file() else _NEW_FILE_MODE
                os.chmod(name, mode)
            except OSError as error:
                raise _write_error(target, error.strerror or error) from None
        for target, temp in temps:
            try:
                os.replace(temp, target)
            except OSError as error:
                raise _write_error(target, error.strerror or error) from None
    finally:
        for _target, temp in temps:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def _sync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def picture_writer(array: NDArray[np.uint8], fmt: str = "png") -> Writer:
    """A writer of an 8-bit RGB (height, width, 3) or grey (height, width) picture, PNG by default."""
    image = array_to_qimage(array)

    def write(path: Path) -> None:
        writer = QImageWriter(str(path), fmt.encode("ascii"))
        if not writer.write(image):
            raise _EncodeError(_tr("Qt could not encode the picture ({0})").format(writer.errorString()))

    return write


def npy_writer(array: NDArray) -> Writer:
    """A writer of a numpy ``.npy`` file."""

    def write(path: Path) -> None:
        with open(path, "wb") as handle:
            np.save(handle, np.asarray(array), allow_pickle=False)

    return write


def labels_writer(labels: NDArray[np.uint8], path: str | os.PathLike) -> Writer:
    """A writer of a label map for ``path``: ``.npy`` (uint8, shape (height, width)) or else an 8-bit grey PNG.

    In the PNG each pixel's grey value is its segment's index (0, 1, ..., K - 1): it looks nearly
    black, and reads back exactly.
    """
    return npy_writer(labels) if Path(path).suffix.lower() == ".npy" else picture_writer(labels)


def model_writer(params: MixtureParams, feature_names: Sequence[str] | None = None, fit_result=None,
                 extra: Mapping[str, Any] | None = None) -> Writer:
    """A writer of a JSON model file (``engine.io.model_json.save_model``'s arguments)."""
    def write(path: Path) -> None:
        save_model(path, params, feature_names, fit_result, extra)

    return write


def segmentation_model_writer(segmentation: Segmentation) -> Writer:
    """A writer of a segmentation's model, with its ``image`` block."""
    return model_writer(segmentation.params, segmentation.spec.feature_names, segmentation.fit_result,
                        segmentation.model_extra())


def mask_paths(base: str | os.PathLike, n_components: int) -> list[Path]:
    """Where ``save_masks`` puts the masks: ``<stem>-segment-<k>.png`` beside ``base``, k zero-padded."""
    base = Path(base)
    digits = len(str(max(n_components - 1, 0)))
    return [base.with_name(f"{base.stem}-segment-{k:0{digits}d}.png") for k in range(n_components)]


def save_picture(path: str | os.PathLike, array: NDArray[np.uint8]) -> None:
    """Save an 8-bit RGB or grey picture atomically, in the format of the path's suffix (PNG if none)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    write_all({path: picture_writer(array, suffix if suffix in writable_formats() else "png")})


def save_labels(path: str | os.PathLike, labels: NDArray[np.uint8]) -> None:
    """Save a label map atomically, ``.npy`` or grey PNG (see ``labels_writer``)."""
    write_all({path: labels_writer(labels, path)})


def save_segmentation_model(path: str | os.PathLike, segmentation: Segmentation) -> None:
    """Save a segmentation's model (with its ``image`` block) atomically as JSON."""
    write_all({path: segmentation_model_writer(segmentation)})


def save_masks(base: str | os.PathLike, labels: NDArray[np.integer], n_components: int) -> list[Path]:
    """Save one mask per segment (8-bit grey PNG: 255 inside, 0 outside), all or nothing; returns the paths."""
    paths = mask_paths(base, n_components)
    write_all({path: picture_writer(segment_mask(labels, k)) for k, path in enumerate(paths)})
    return paths


def writable_formats() -> set[str]:
    """Picture formats Qt can write here, by suffix (``png``, ``jpg``, ``bmp``, ``tiff``, ...)."""
    return {bytes(name.data()).decode("ascii") for name in QImageWriter.supportedImageFormats()}


__all__ = [
    "BYTES_PER_PIXEL", "MAX_PIXELS", "MEMORY_FRACTION", "Picture", "Writer", "array_to_qimage",
    "available_memory", "labels_writer", "load_picture", "mask_paths", "model_writer", "npy_writer",
    "picture_writer", "pixel_limit", "qimage_to_array", "save_labels", "save_masks", "save_picture",
    "save_segmentation_model",
    "segmentation_model_writer", "write_all", "writable_formats",
]
