"""The one argparse front end of the headless commands: option types, checks and exit codes.

Every command module registers its subcommand with ``add_parser`` (see ``engine.cli.main``), uses the
option types and checks here (every output path goes through ``check_outputs``, every line printed
through ``print_lines``), and raises ``GMMError`` for bad input; ``run`` turns that into one ``error:``
line on stderr and exit status 2 (a standard output that cannot be written too), Ctrl-C into 130 and a
closed pipe into 141.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import stat
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TextIO

from engine.errors import GMMError, InputError
from engine.io.atomic import written_count, written_since
from engine.io.paths import file_status, is_regular, read_by_data_folder, same_file, shown_path

PROG = "gmm-explorer"
EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a tool killed by a closed pipe

DEFAULT_TOL = 1e-3
DEFAULT_MAX_ITER = 100
DEFAULT_REG_COVAR = 1e-6


class UsageError(Exception):
    """A command line argparse cannot parse; reported like any other bad input."""


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose errors are one ``error:`` line, as every other bad input is."""

    def error(self, message: str):  # noqa: D401 - argparse's name
        raise UsageError(f"{self.prog}: {message}; see '{self.prog} --help'.")


# ----------------------------------------------------------------------------------------------------
# Option values
# ----------------------------------------------------------------------------------------------------


def whole_number(minimum: int, maximum: int | None = None) -> Callable[[str], int]:
    """An argparse ``type``: a whole number >= ``minimum`` (and <= ``maximum``, if given)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < minimum or (maximum is not None and value > maximum):
            bounds = f">= {minimum}" if maximum is None else f"from {minimum} to {maximum}"
            raise argparse.ArgumentTypeError(f"must be a whole number {bounds}, not {text!r}")
        return value

    return parse


def non_negative_number(text: str) -> float:
    """An argparse ``type``: a finite number >= 0."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value >= 0):
        raise argparse.ArgumentTypeError(f"must be a number >= 0, not {text!r}")
    return value


def number_up_to(maximum: float, reason: str) -> Callable[[str], float]:
    """An argparse ``type``: a finite number >= 0 and <= ``maximum``; ``reason`` says why in the message."""

    def parse(text: str) -> float:
        value = non_negative_number(text)
        if value > maximum:
            raise argparse.ArgumentTypeError(f"must be a number >= 0 and at most {maximum:g} ({reason}), not {text!r}")
        return value

    return parse


def parse_columns(tokens: Sequence[str] | None) -> list[str] | None:
    """``--columns`` as a list of names and 0-based indices; accepts ``a b``, ``a,b`` and mixes of both.

    The items stay strings: ``engine.io.tables.load_data`` reads a string of digits as an index unless a header
    has that name.
    """
    if not tokens:
        return None
    columns = [part.strip() for token in tokens for part in token.split(",") if part.strip()]
    if not columns:
        raise InputError("--columns names no column: give column names or 0-based indices, e.g. --columns x,y.")
    return columns



def add_columns(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--columns", nargs="+", metavar="COLUMN",
                        help="features to use: names or 0-based indices, space or comma separated "
                             "(put it after the positional arguments)")


# ----------------------------------------------------------------------------------------------------
# Checks where input enters
# ----------------------------------------------------------------------------------------------------


def check_output_path(path: str, option: str = "--out") -> Path:
    """Raise ``InputError`` unless ``path`` can be written by the atomic writer.

    Its folder must exist and be writable, and the path must not be a folder, a pipe or a device (the
    atomic writer would replace it with a regular file: ``--out /dev/null`` run as root would replace the
    device itself), nor hold a name too long.
    """
    if not path:  # Path("") is the current folder
        raise InputError(f"{option} is empty: give it a file name.")
    target = Path(path)
    shown = shown_path(target)

    def refuse(problem: str) -> InputError:
        return InputError(f"cannot write {option} {shown}: {problem}; choose another name.")

    status = file_status(target, refuse)
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise InputError(f"the output {path} is a folder: give a file name, e.g. {target / 'out'}.")
    if status is not None and not is_regular(status):
        raise refuse("it is not a regular file (a pipe or a device?), which would be replaced by one")
    folder = target.parent
    folder_status = file_status(folder, refuse)
    if folder_status is None or not stat.S_ISDIR(folder_status.st_mode):
        raise InputError(f"the output folder {folder} does not exist: create it or choose another {option}.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(f"the output folder {folder} is not writable: choose another {option}.")
    return target


def check_outputs(outputs: Mapping[str, str | None], inputs: Mapping[str, str | None]) -> dict[str, Path]:
    """Check every output of a command before any work is done, and return their paths by option.

    Parameters
    ----------
    outputs : mapping of option to path or None
        ``{"--out": "m.json"}``; options whose value is None (not given) are left out.
    inputs : mapping of description to path or None
        What the command reads, as messages name it: ``{"data file": "d.csv", "model file": None}``.

    Raises
    ------
    InputError
        For an output that cannot be written (``check_output_path``), two outputs naming one file, or an
        output that is the same file as an input: the same path once links are resolved, or the same
        inode (a hard link), so writing it would replace what the command reads; or a Parquet file inside
        an input folder of Parquet data, which would replace one of its files or join the data.
    """
    paths = {option: check_output_path(value, option) for option, value in outputs.items() if value is not None}
    given = list(paths.items())
    for position, (option, path) in enumerate(given):
        for earlier, earlier_path in given[:position]:
            if same_file(path, earlier_path):
                raise InputError(f"{earlier} and {option} name the same file {path}: give each output its own name.")
        for what, source in inputs.items():
            if source is not None and same_file(path, source):
                raise InputError(f"{option} {shown_path(path)} would overwrite the input {what} {shown_path(source)}: "
                                 f"choose another name for {option}.")
            if source is not None and read_by_data_folder(path, source):
                raise InputError(f"{option} {shown_path(path)} is inside the input data folder {shown_path(source)}, "
                                 f"whose every Parquet file is read as data: choose another name for {option}.")
    return paths


class OutputStreamError(GMMError):
    """Standard output (or error) could not be written: a full disk, a closed terminal, an I/O error."""

    def __init__(self, stream: TextIO, error: OSError) -> None:
        self.stream = stream
        name = "standard error" if stream is sys.stderr else "standard output"
        super().__init__(f"cannot write to {name} ({error.strerror or error}): free some space or send it "
                         "elsewhere")


def _escaped(line: str, stream: TextIO) -> str:
    """``line`` with what ``stream``'s encoding cannot write as backslash escapes, as stderr writes it.

    A file name holding bytes that are not UTF-8 reaches Python as lone surrogates (``\\udcff``), which a
    strict UTF-8 stream refuses: standard output is strict under ``PYTHONIOENCODING=utf-8`` and under every
    UTF-8 locale except C and POSIX.
    """
    encoding = getattr(stream, "encoding", None) or "utf-8"
    return line.encode(encoding, errors="backslashreplace").decode(encoding)


def print_lines(lines: Sequence[str], stream: TextIO | None = None) -> None:
    """Print ``lines`` to ``stream`` (stdout by default) and flush them.

    Raises
    ------
    OutputStreamError
        When the stream cannot be written (``> /dev/full``); a reader that went away (``| head``) is still
        ``BrokenPipeError``, which ``run`` ends quietly.
    """
    stream = sys.stdout if stream is None else stream
    try:
        for line in lines:
            try:
                print(line, file=stream)
            except UnicodeEncodeError:  # a file name with bytes that are not UTF-8, on a strict stream
                print(_escaped(line, stream), file=stream)
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputStreamError(stream, error) from None


# ----------------------------------------------------------------------------------------------------
# Running a command
# ----------------------------------------------------------------------------------------------------


def _say(line: str) -> None:
    """One line on stderr; nothing more can be done when stderr itself cannot be written."""
    with contextlib.suppress(OSError, ValueError):
        print(line, file=sys.stderr, flush=True)


def error(message: str) -> int:
    """Print one ``error:`` line (whatever the message held) and return the bad-input status."""
    message = " ".join(str(message).split())
    _say(f"error: {message}")
    return EXIT_BAD_INPUT


def _silence(stream: TextIO) -> None:
    """Point ``stream``'s file descriptor at the null device, so what is left in its buffer can be flushed
    at exit without failing again (and without Python's "Exception ignored" message): a closed pipe."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)


def _written_since(count: int) -> str:
    written = written_since(count)
    return ", ".join(str(path) for path in written)


def run(parser: argparse.ArgumentParser, argv: Sequence[str], **context) -> int:
    """Parse ``argv`` and run the chosen command (``args.run(args)``); returns the exit status.

    ``context`` is set on the parsed arguments (the ``segment`` command's picture codec, for one).
    """
    written_before = written_count()
    try:
        try:
            args = parser.parse_args(list(argv))
        except UsageError as usage:
            return error(str(usage))
        except SystemExit as exit_:  # --help
            print_lines([])  # flushed now, so a full disk is reported here and not at exit
            return exit_.code if isinstance(exit_.code, int) else EXIT_OK
        for name, value in context.items():
            setattr(args, name, value)
        status = args.run(args)
        print_lines([])  # flush stdout now, so a full disk is reported here and not at exit
        return status
    except OutputStreamError as problem:
        written = _written_since(written_before)
        status = error(f"{problem}; {written + ' was written in full' if written else 'nothing was written'}.")
        # What is left in the stream's buffer would fail again when Python flushes it on the way out (an
        # "Exception ignored" message and status 120) unless the stream is unbuffered (PYTHONUNBUFFERED).
        _silence(problem.stream)
        return status
    except GMMError as problem:
        return error(str(problem))
    except KeyboardInterrupt:
        written = _written_since(written_before)
        _say(f"interrupted after writing {written}." if written else "interrupted: nothing was written.")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (``... | head``): stop quietly, as Unix tools do
        _silence(sys.stdout)
        return EXIT_BROKEN_PIPE
