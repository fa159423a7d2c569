"""Looking at a path before it is opened: what is there, whether it is a regular file, and whether two
paths name the same file.

Every loader and the command line's output checks go through here, so a name too long, a symbolic
link loop or a folder that cannot be searched is one ``InputError`` sentence (never an ``OSError`` from
``Path.exists``), and a pipe or a device is refused *before* it is opened (opening a pipe for reading
waits for a writer for ever).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

#: The longest name (one file or folder, in bytes) that Linux, macOS and Windows file systems allow.
NAME_MAX_BYTES = 255
#: A folder read as data reads every file with these suffixes under it (``engine.io.streams``).
PARQUET_SUFFIXES = (".parquet", ".pq")


def _shown(name: str, limit: int = 40) -> str:
    """A name cut short for a message: its start and end around ``...``."""
    return name if len(name) <= limit else f"{name[: limit // 2]}...{name[-(limit // 2 - 3):]}"


def shown_path(path: str | os.PathLike) -> str:
    """``path`` for a message, with every name longer than any file system allows cut short."""
    text = os.fspath(path)
    if not any(len(os.fsencode(part)) > NAME_MAX_BYTES for part in Path(text).parts):
        return text
    return str(Path(*(_shown(part) if len(os.fsencode(part)) > NAME_MAX_BYTES else part for part in Path(text).parts)))


def os_error_problem(path: str | os.PathLike, error: OSError) -> str:
    """What an ``OSError`` met while looking at ``path`` means, as the end of a sentence.

    For a name too long: which name, how long and the limit (``the name aaa...aaa.csv is too long (300
    bytes; a file or folder name can have at most 255 bytes)``); otherwise the system's reason.
    """
    if error.errno == errno.ENAMETOOLONG:
        parts = Path(path).parts
        longest = max(parts, key=lambda part: len(os.fsencode(part)), default="")
        size = len(os.fsencode(longest))
        if size > NAME_MAX_BYTES:
            return (f"the name {_shown(longest)} is too long ({size} bytes; a file or folder name can have at "
                    f"most {NAME_MAX_BYTES} bytes)")
        return (f"the path is too long ({len(os.fsencode(os.fspath(path)))} bytes, more than the system allows; "
                f"each name may have at most {NAME_MAX_BYTES} bytes)")
    if error.errno == errno.ELOOP:
        return "its symbolic links form a loop"
    return f"it cannot be looked at ({error.strerror or error})"


def file_status(path: str | os.PathLike, refuse) -> os.stat_result | None:
    """``os.stat(path)`` (links followed), or None when nothing is there.

    Parameters
    ----------
    path : str or path-like
    refuse : callable
        ``refuse(problem)`` returns the ``InputError`` to raise for a problem (the end of a sentence,
        e.g. "the name ... is too long (...)"), so each caller keeps its own wording.

    Raises
    ------
    InputError
        From ``refuse``, for a name too long, a symbolic link loop, or a folder that cannot be searched.
    """
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise refuse(os_error_problem(path, error)) from None
    except ValueError:  # a NUL character in the name
        raise refuse("its name holds a NUL character") from None


def is_regular(status: os.stat_result) -> bool:
    return stat.S_ISREG(status.st_mode)


def same_file(first: str | os.PathLike, second: str | os.PathLike) -> bool:
    """True when two paths name one file: equal once links are resolved, or the same inode (a hard link).

    Never raises: a path that cannot be resolved or looked at is compared as it is.
    """
    try:
        if Path(first).resolve() == Path(second).resolve():
            return True
    except (OSError, RuntimeError, ValueError):  # RuntimeError: a symbolic link loop (Python 3.11)
        if os.path.abspath(first) == os.path.abspath(second):
            return True
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):
        return False


def read_by_data_folder(path: str | os.PathLike, folder: str | os.PathLike) -> bool:
    """True when ``folder`` is a folder read as Parquet data and ``path`` is, or would become, one of the files
    it reads: a Parquet name anywhere under it (links resolved). Never raises."""
    try:
        if Path(path).suffix.lower() not in PARQUET_SUFFIXES or not Path(folder).is_dir():
            return False
        return Path(path).resolve().is_relative_to(Path(folder).resolve())
    except (OSError, RuntimeError, ValueError):  # RuntimeError: a symbolic link loop (Python 3.11)
        return False
