"""The one argparse front end of the headless commands: option types, checks and exit codes.

Every command module registers its subcommand with ``add_parser`` (see ``engine.cli.main``), uses the
option types and checks here, and raises ``GMMError`` for bad input; ``run`` turns that into one
``error:`` line on stderr and exit status 2, Ctrl-C into 130 and a closed pipe into 141.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from engine.errors import GMMError, InputError

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


def check_output_path(path: str) -> Path:
    """Raise ``InputError`` unless ``path`` can be written: its folder exists and is writable."""
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise InputError(f"the output {path} is a folder: give a file name, e.g. {target / 'out'}.")
    if not folder.is_dir():
        raise InputError(f"the output folder {folder} does not exist: create it or choose another --out.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(f"the output folder {folder} is not writable: choose another --out.")
    return target



def print_lines(lines: Sequence[str], stream: TextIO | None = None) -> None:
    for line in lines:
        print(line, file=sys.stdout if stream is None else stream)


# ----------------------------------------------------------------------------------------------------
# Running a command
# ----------------------------------------------------------------------------------------------------


def error(message: str) -> int:
    """Print one ``error:`` line (whatever the message held) and return the bad-input status."""
    message = " ".join(str(message).split())
    print(f"error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run(parser: argparse.ArgumentParser, argv: Sequence[str], **context) -> int:
    """Parse ``argv`` and run the chosen command (``args.run(args)``); returns the exit status.

    ``context`` is set on the parsed arguments (the ``segment`` command's picture codec, for one).
    """
    try:
        try:
            args = parser.parse_args(list(argv))
        except UsageError as usage:
            return error(str(usage))
        except SystemExit as exit_:  # --help
            return exit_.code if isinstance(exit_.code, int) else EXIT_OK
        for name, value in context.items():
            setattr(args, name, value)
        return args.run(args)
    except GMMError as problem:
        return error(str(problem))
    except KeyboardInterrupt:
        print("interrupted: nothing was written.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (``... | head``): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
