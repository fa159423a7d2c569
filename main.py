"""GMM Explorer's entry point: the window, or a headless command.

    gmm-explorer                      open the window
    gmm-explorer DATA.csv             open the window with a data file (or a model .json)
    gmm-explorer fit|predict|score|generate ...   run a command without a window (see --help)
    gmm-explorer segment IMAGE ...    segment a picture without a window (see segment --help)

The headless commands live in ``engine.cli``; dispatching to them imports neither Qt nor pyqtgraph, so
they work on a machine without a display or Qt's system libraries. ``segment`` alone needs Qt's image
readers (QtGui, still no display and no window): this module hands it ``gui.image.codec``.
"""

from __future__ import annotations

import sys
from pathlib import Path

#: First arguments that select the headless command line instead of the window.
COMMANDS = ("fit", "predict", "score", "generate", "segment")
HELP = ("-h", "--help")


def _wants_command_line(argv: list[str]) -> bool:
    """True unless ``argv`` is empty or one argument naming a file for the window to open.

    A single word that is neither an existing path nor looks like one (no separator, no suffix) is taken
    as a mistyped command, so the command line can say which commands exist instead of the window
    failing to open a file called ``fitt``.
    """
    if not argv:
        return False
    first = argv[0]
    if first in COMMANDS or first in HELP or first.startswith("-") or len(argv) > 1:
        return True
    path = Path(first)
    try:
        exists = path.exists()
    except OSError:  # a name too long for the file system, say: meant as a file, which the window says it cannot open
        return False
    return not (exists or path.suffix or len(path.parts) > 1)


def _picture_codec():
    """Qt's picture readers and writers, for ``segment`` (imported only when a picture is read)."""
    from gui.image import codec

    return codec


def main(argv: list[str] | None = None) -> int:
    """Run GMM Explorer with ``argv`` (without the program name); returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if _wants_command_line(argv):
        from engine.cli import main as cli_main

        return cli_main(argv, picture_codec=_picture_codec)
    from gui.app import main as gui_main

    return gui_main(argv)


def run() -> int:
    """The ``gmm-explorer`` console script."""
    return main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(run())
