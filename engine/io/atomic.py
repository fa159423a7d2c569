"""The one atomic writer: a reader sees the old file or the new one, never half of either.

Every file GMM Explorer writes goes through ``write_all``: each file is written whole to a temporary
file in its target's folder (so ``os.replace`` stays on one file system and is atomic), flushed and
synced to disk, given the permissions of the file it replaces (or of a new file under the umask), and
only when *every* file of the call was written are they renamed over their targets, with Ctrl-C held
back until all are (``interrupts_held``); the folder is then synced so the renames themselves survive
a crash. On any failure every temporary file is removed and no target is touched.
``atomic_write_text`` and ``atomic_write_bytes`` are the one-file cases. ``written_since`` lists the
files put in place since a mark, for the command line's last message.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from engine.errors import InputError

#: What a file's content is given as: its text, its bytes, or a function writing it to a given path.
Content = str | bytes | Callable[[Path], None]


def _default_mode() -> int:
    """Permissions of a newly created file: ``0o666`` less the process umask (as ``open`` would give)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


#: Read once at import: changing the umask is process-wide, so it is not done again on every write.
_NEW_FILE_MODE = _default_mode()


#: Every file ``write_all`` has put in place in this process, in order: the command line names them when
#: it is interrupted, or cannot print its report, after writing.
_written: list[Path] = []


def written_count() -> int:
    """How many files ``write_all`` has put in place so far (a mark for ``written_since``)."""
    return len(_written)


def written_since(count: int) -> list[Path]:
    """The files ``write_all`` has put in place since ``written_count()`` returned ``count``."""
    return list(_written[count:])


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold a Ctrl-C (SIGINT) back until the block is over, then let it interrupt as it would have.

    Renaming several files into place, or removing temporary files, must not stop half-way. Only the
    main thread receives ``KeyboardInterrupt`` (and only it may change signal handlers); in other
    threads, or when SIGINT is not handled by a Python function (ignored, say), the block just runs.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGINT)
    if not callable(previous):
        yield
        return
    held: list[object] = []
    signal.signal(signal.SIGINT, lambda signum, frame: held.append(frame))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if held:
            previous(signal.SIGINT, held[0])


class EncodeError(Exception):
    """A content function could not produce its file; ``write_all`` reports it with the target's name."""


def _special_file(target: Path) -> bool:
    """Whether ``target`` exists as something other than a regular file or a folder (a pipe, a device, a socket)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_error(target: Path, problem: object) -> InputError:
    return InputError(f"cannot write {target}: {problem}; the existing file, if any, is unchanged.")


def _fill(temp: Path, content: Content) -> None:
    """Write ``content`` into the temporary file ``temp`` and sync it to disk."""
    if callable(content):
        content(temp)
    else:
        data = content.encode("utf-8") if isinstance(content, str) else content
        with open(temp, "wb") as handle:
            handle.write(data)
    with open(temp, "rb+") as handle:
        os.fsync(handle.fileno())


def write_all(outputs: Mapping[str | os.PathLike, Content]) -> None:
    """Write several files all or nothing.

    Parameters
    ----------
    outputs : mapping of path to content
        Content is a ``str`` (written as UTF-8, newlines as given), ``bytes``, or a function called with a
        temporary path that writes the whole file there.

    Raises
    ------
    InputError
        If a file cannot be written (missing folder, no permission, disk full, an ``EncodeError``); every
        target is then as it was and no temporary file is left behind.
    """
    temps: list[tuple[Path, Path]] = []
    try:
        for path, content in outputs.items():
            target = Path(path)
            if _special_file(target):  # a rename would put a regular file in place of the pipe or device
                raise _write_error(target, "it is not a regular file (a pipe or a device?), which would be replaced "
                                           "by one; choose a file name")
            try:
                fd, name = tempfile.mkstemp(prefix=f".{_name_start(target.name)}.", suffix=".tmp", dir=target.parent)
            except OSError as error:
                raise _write_error(target, f"{error.strerror or error}; check that the folder exists and is "
                                           "writable") from None
            os.close(fd)
            temps.append((target, Path(name)))
            try:
                _fill(Path(name), content)
                mode = stat.S_IMODE(target.stat().st_mode) if target.is_file() else _NEW_FILE_MODE
                os.chmod(name, mode)
            except (OSError, EncodeError) as error:
                problem = error.strerror if isinstance(error, OSError) and error.strerror else error
                raise _write_error(target, problem) from None
            except InputError as error:  # a content function's own message, naming the temporary file
                raise InputError(str(error).replace(name, str(target))) from None
        with interrupts_held():  # every file renamed, or (on an error) none after it: never a Ctrl-C between
            for target, temp in temps:
                try:
                    os.replace(temp, target)
                except OSError as error:
                    raise _write_error(target, error.strerror or error) from None
                _written.append(target)
            for folder in {target.parent for target, _ in temps}:
                _sync_folder(folder)
    finally:
        with interrupts_held():
            for _target, temp in temps:
                with contextlib.suppress(OSError):
                    os.unlink(temp)


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` (UTF-8, newlines not translated) to ``path`` atomically; see ``write_all``."""
    write_all({path: text})


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; see ``write_all``."""
    write_all({path: data})


def _sync_folder(folder: Path) -> None:
    """Make the renames durable where the platform allows syncing a folder (not on Windows)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


#: Bytes of the target's name a temporary file's name starts with: with the dots, ``mkstemp``'s eight random
#: characters and ".tmp", the temporary name stays within the 255 bytes a file name may have.
_TEMP_NAME_BYTES = 200


def _name_start(name: str) -> str:
    """The start of ``name`` that takes at most ``_TEMP_NAME_BYTES`` bytes, cut at a whole character (200 characters
    of "é" or "字" took 400 or 600 bytes: a valid name of 244 bytes could not be written). Only a temporary name
    starts with it, so bytes that are not UTF-8 are left out."""
    return os.fsencode(name)[:_TEMP_NAME_BYTES].decode("utf-8", "ignore")
