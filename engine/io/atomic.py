"""The one atomic writer: a reader sees the old file or the new one, never half of either.

Every file GMM Explorer writes goes through ``write_all``: each file is written whole to a temporary
file in its target's folder (so ``os.replace`` stays on one file system and is atomic), flushed and
synced to disk, given the permissions of the file it replaces (or of a new file under the umask), and
only when *every* file of the call was written are they renamed over their targets; the folder is then
synced so the renames themselves survive a crash. On any failure every temporary file is removed and
no target is touched. ``atomic_write_text`` and ``atomic_write_bytes`` are the one-file cases.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Mapping
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


class EncodeError(Exception):
    """A content function could not produce its file; ``write_all`` reports it with the target's name."""


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
            try:
                fd, name = tempfile.mkstemp(prefix=f".{target.name[:200]}.", suffix=".tmp", dir=target.parent)
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
        for target, temp in temps:
            try:
                os.replace(temp, target)
            except OSError as error:
                raise _write_error(target, error.strerror or error) from None
    finally:
        for _target, temp in temps:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    for folder in {target.parent for target, _ in temps}:
        _sync_folder(folder)


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
