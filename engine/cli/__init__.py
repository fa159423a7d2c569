"""The headless command line: ``fit``, ``predict``, ``score``, ``select``, ``generate``, ``segment``, ``coins``.

``main.py`` sends any command line that starts with a command here. One argparse front end
(``engine.cli.frontend``) parses every command and reports bad input the same way: one ``error:`` line on
stderr and exit status 2; 130 when interrupted; 141 when the reader of stdout went away.

Modules
-------
frontend    the parser class, option types, output checks, exit codes and ``run``
fitting     ``fit``, ``predict`` and ``score``
streaming   fit, predict, score and select on files larger than memory; ``fit --scheduler`` on Dask
weights_option  ``--weights COLUMN`` of ``fit``, ``score`` and ``select``: sample weights from a data column
select      ``select``: the number of components and the covariance type, chosen over a grid
generate    ``generate``: a teaching data set as CSV
segment     ``segment``: a picture segmented by the colours of its pixels (its picture codec is handed in)
background  ``in_background``: ``segment`` imports its engine on another thread while Qt decodes the picture
coins       ``coins``: EM on a mixture of coins (binomials), the textbooks' first example
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Sequence

from engine.cli.frontend import PROG, Parser, run
from engine.imaging.picture import PictureCodec

#: The command modules (of ``engine.cli``), in the order ``--help`` lists them; each has
#: ``register(subparsers)``. They are imported when a parser is built, not with this package.
COMMAND_MODULES = ("fitting", "select", "generate", "segment", "coins")
#: The module of each command: a command line naming one imports that module only (``segment`` would
#: otherwise pay a tenth of a second for importing the other commands' engines first).
COMMAND_MODULE = {"fit": "fitting", "predict": "fitting", "score": "fitting", "select": "select",
                  "generate": "generate", "segment": "segment", "coins": "coins"}


def build_parser(command: str | None = None) -> Parser:
    """The one parser of every headless command; with ``command`` (a key of ``COMMAND_MODULE``), of the
    commands of that command's module only (the same parser for that command line)."""
    parser = Parser(
        prog=PROG,
        description="Fit Gaussian mixture models with EM. Without a command (or with just a data file) "
                    "GMM Explorer opens its window; the commands below run headless.",
        epilog="Exit status: 0 success, 2 bad input (one 'error:' line on stderr), 130 interrupted. "
               "Output files are written atomically at the end, only when everything succeeded.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands.required = True
    names = COMMAND_MODULES if command not in COMMAND_MODULE else (COMMAND_MODULE[command],)
    for name in names:
        importlib.import_module(f"engine.cli.{name}").register(commands)
    return parser


def main(argv: Sequence[str] | None = None, picture_codec: Callable[[], PictureCodec] | None = None) -> int:
    """Run one command; returns the exit status (0, 2 for bad input, 130 when interrupted).

    Parameters
    ----------
    argv : sequence of str, optional
        The arguments after the program name (``sys.argv[1:]`` by default).
    picture_codec : callable, optional
        Returns the codec ``segment`` reads and writes pictures with (``main.py`` passes one that imports
        ``gui.image.codec``); only called by ``segment``.
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    return run(build_parser(argv[0] if argv else None), argv, picture_codec=picture_codec)


if __name__ == "__main__":
    sys.exit(main())
