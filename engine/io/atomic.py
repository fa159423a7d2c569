"""Writing files atomically: a reader sees the old file or the new one, never half of either.

The text goes to a temporary file in the target's folder (so ``os.replace`` stays on one file system and
is atomic), is flushed and synced to disk, and then replaces the target. On any failure the temporary
file is removed and an existing target is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from engine.errors import InputError


def _default_mode() -> int:
    """Permissions of a newly created file: ``0o666`` less the process umask (as ``open`` would give)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


#: Read once at import: changing the umask is process-wide, so it is not done again on every write.
_NEW_FILE_MODE = _default_mode()


def atomic_write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically, keeping the permissions of a file it replaces.

    The text is written as given: newlines are not translated.

    Raises
    ------
    InputError
        If the file cannot be written (missing folder, no permission, disk full, ...); the target is
        then untouched and no temporary file is left behind.
    """
    target = Path(path)
    try:
        mode = stat.S_IMODE(target.stat().st_mode) if target.is_file() else _NEW_FILE_MODE
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise InputError(f"cannot write {target}: {error.strerror or error}; check that the folder exists and "
                         "is writable.") from None
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        if isinstance(error, OSError):
            raise InputError(f"cannot write {target}: {error.strerror or error}; the existing file, if any, "
                             "is unchanged.") from None
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows syncing a folder (not on Windows)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
