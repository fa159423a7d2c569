"""GMM Explorer's entry point: the window, or a headless command.

    gmm-explorer                      open the window
    gmm-explorer DATA.csv             open the window with a data file (or a model .json)
    gmm-explorer --lang zh_CN|ko|en   open the window in that language, this time (before a file, if any)
    gmm-explorer fit|predict|score|select|generate ...   run a command without a window (see --help)
    gmm-explorer segment IMAGE ...    segment a picture without a window (see segment --help)

The headless commands live in ``engine.cli``; dispatching to them imports neither Qt nor pyqtgraph, so
they work on a machine without a display or Qt's system libraries. ``segment`` alone needs Qt's image
readers (QtGui, still no display and no window): this module hands it ``gui.image.codec``.

Ctrl-C on the command line (``run``): the first one, at any moment, ends the process with status 130 and
one line on stderr, never a traceback and never a hang; later ones are ignored while it is handled. The
handler is installed before anything heavy is imported (numpy and scipy take half a second), so this
module imports nothing slow at its top: ``_signal`` and ``_thread`` are the C modules behind ``signal``
and ``threading``, loaded with the interpreter (``import signal`` would first import its enum wrappers,
a millisecond in which a Ctrl-C would still give Python's traceback). Python may lose a
``KeyboardInterrupt`` (one raised in a weak-reference callback during an import is printed as "Exception
ignored" and dropped; C code may clear one): a watchdog thread started by the first Ctrl-C raises it
again in the main thread every second, and after ``GIVE_UP_SECONDS`` ends the process itself.
"""

from __future__ import annotations

import _signal
import _thread
import atexit
import os
import sys
import time

TYPE_CHECKING = False  # typing itself is not imported at run time: it takes milliseconds
if TYPE_CHECKING:
    from typing import NoReturn

#: First arguments that select the headless command line instead of the window.
COMMANDS = ("fit", "predict", "score", "select", "generate", "segment", "coins")
HELP = ("-h", "--help")
#: Exit status after a Ctrl-C (128 + SIGINT), as ``engine.cli`` returns it.
INTERRUPTED = 130
#: After the first Ctrl-C the watchdog raises the interrupt again this often (seconds) while the
#: process still runs, and ends the process itself after ``GIVE_UP_SECONDS``.
REPEAT_SECONDS = 1.0
GIVE_UP_SECONDS = 4.0


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
    from pathlib import Path

    path = Path(first)
    try:
        exists = path.exists()
    except (OSError, ValueError):  # a name too long, say: meant as a file, which the window says it cannot open
        return False
    return not (exists or path.suffix or len(path.parts) > 1)


def _picture_codec():
    """Qt's picture readers and writers, for ``segment`` (imported only when a picture is read).

    A Ctrl-C is held back while PySide6 is imported and raised as soon as it is: one raised inside
    shiboken's own start-up aborted the process (SIGABRT or SIGSEGV, with a traceback) instead of giving
    exit 130, in 11 of 60 Ctrl-Cs sent at random moments of ``segment``'s start-up.
    """
    from engine.io.atomic import interrupts_held

    with interrupts_held():
        from gui.image import codec
    return codec


def _split_language(argv: list[str]) -> tuple[str | None, list[str]]:
    """``--lang CODE`` (or ``--lang=CODE``) for the window, before or after the one file it opens: (CODE, the
    rest).

    (None, ``argv``) when there is none; CODE is "" when ``--lang`` has no value. After a command's name it is
    the command's (unknown) option, not the window's.
    """
    if argv and argv[0] == "--lang":
        return (argv[1] if len(argv) > 1 else ""), argv[2:]
    if argv and argv[0].startswith("--lang="):
        return argv[0].partition("=")[2], argv[1:]
    if 2 <= len(argv) <= 3 and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        language, rest = _split_language(argv[1:])
        if language is not None and not rest:  # FILE --lang CODE: as natural as the other order
            return language, argv[:1]
    return None, argv


def main(argv: list[str] | None = None) -> int:
    """Run GMM Explorer with ``argv`` (without the program name); returns the exit status.

    ``--lang zh_CN|ko|en`` first chooses the window's language for this run (the commands speak English).
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    language, rest = _split_language(argv)
    if _wants_command_line(rest):
        from engine.cli import main as cli_main

        return cli_main(argv, picture_codec=_picture_codec)
    from engine.io.atomic import interrupts_held

    try:
        with interrupts_held():  # as for segment's codec: a Ctrl-C inside PySide6's start-up aborted the process
            from gui.app import main as gui_main
    except KeyboardInterrupt:  # before any window: nothing to close or save
        return 130
    return gui_main(rest) if language is None else gui_main(rest, language=language)


# ----------------------------------------------------------------------------------------------------
# Ctrl-C on the command line
# ----------------------------------------------------------------------------------------------------


class _Interrupt:
    """The state of Ctrl-C handling (one per process): when the first came, and a raise owed to it."""

    first_at: float | None = None
    owed = False  # the watchdog asks the handler to raise the interrupt again
    main_thread = _thread.get_ident()
    exiting = _thread.allocate_lock()


def _on_interrupt(signum, frame) -> None:
    """SIGINT: the first interrupts the main thread and starts the watchdog; later ones are ignored."""
    if _Interrupt.first_at is None:
        _Interrupt.first_at = time.monotonic()
        _thread.start_new_thread(_watchdog, ())
        raise KeyboardInterrupt
    if _Interrupt.owed and not _Interrupt.exiting.locked():
        _Interrupt.owed = False
        raise KeyboardInterrupt


def _watchdog() -> None:
    """Raise the interrupt again while the process still runs (it was lost), then end the process."""
    while time.monotonic() - _Interrupt.first_at < GIVE_UP_SECONDS:
        time.sleep(REPEAT_SECONDS)
        _Interrupt.owed = True
        try:
            _signal.pthread_kill(_Interrupt.main_thread, _signal.SIGINT)
        except (OSError, AttributeError):
            _thread.interrupt_main()
    if _Interrupt.exiting.acquire(blocking=False):
        # The main thread is stuck: its buffered output may be locked, so write the message directly.
        try:
            os.write(2, (_interrupted_message() + "\n").encode())
        finally:
            os._exit(INTERRUPTED)


def _quiet_unraisable(unraisable) -> None:
    """``sys.unraisablehook``: an interrupt Python cannot raise is not printed (the watchdog raises it
    again); everything else is reported as usual."""
    if not isinstance(unraisable.exc_value, KeyboardInterrupt):
        sys.__unraisablehook__(unraisable)


def _exit_interrupted(message: str) -> NoReturn:
    """End the process with status 130 at once, after ``message`` (if any) and flushing what was printed.

    ``os._exit`` skips the interpreter's shutdown, which joins every non-daemon thread: a chunk-pool
    worker the Ctrl-C left waiting could otherwise keep the process alive for ever. Every output has been
    cleaned up by then (``engine.io.atomic.write_all`` removes its temporary files as the interrupt passes).
    """
    if not _Interrupt.exiting.acquire(blocking=False):  # the watchdog is ending the process
        while True:
            time.sleep(REPEAT_SECONDS)
    for stream, text in ((sys.stderr, message), (sys.stdout, ""), (sys.stderr, "")):
        try:
            if text:
                print(text, file=stream)
            stream.flush()
        except (OSError, ValueError, RuntimeError):  # RuntimeError: a reentrant call, from a signal handler
            pass
    os._exit(INTERRUPTED)


def _end_finished_command(status: int) -> None:
    """End the process of a finished command with ``status`` now, without the interpreter's teardown.

    Everything the command wrote is complete by then (files renamed into place, its output flushed by
    ``engine.cli``), and the ``atexit`` functions still run (the process pools', logging's, Qt's). What is
    skipped is the interpreter freeing its modules and objects one by one: about 0.05 s after a
    4-megapixel ``segment``, memory the operating system takes back at once anyway. Returns (and lets the
    interpreter exit as usual, reporting it) only when a standard stream cannot be flushed.
    """
    atexit._run_exitfuncs()  # (each runs once: the interpreter's own exit would find none left)
    try:
        sys.stdout.flush()  # what the atexit functions printed (the command's own output is flushed)
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(status)


def _interrupted_message() -> str:
    """What a Ctrl-C outside the command line's own handling leaves: the files written, if any."""
    atomic = sys.modules.get("engine.io.atomic")
    written = atomic.written_since(0) if atomic is not None else []
    if written:
        return f"interrupted after writing {', '.join(map(str, written))}."
    return "interrupted: nothing was written."


def run() -> int:
    """The ``gmm-explorer`` console script: ``main``, with Ctrl-C handled for the command line.

    After a Ctrl-C, whatever exception ends the command is that interrupt: C code that meets a
    ``KeyboardInterrupt`` may turn it into another error (numpy, interrupted while importing its compiled
    core, raises ImportError). The window keeps Python's usual handling.
    """
    argv = sys.argv[1:]
    try:
        if _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler:  # not ignored by our parent
            _signal.signal(_signal.SIGINT, _on_interrupt)
            sys.unraisablehook = _quiet_unraisable
        headless = _wants_command_line(_split_language(argv)[1])
        if not headless:
            _signal.signal(_signal.SIGINT, _signal.default_int_handler)
            sys.unraisablehook = sys.__unraisablehook__
    except BaseException:
        if _Interrupt.first_at is None:
            raise
        _exit_interrupted(_interrupted_message())
    if not headless:
        return main(argv)
    try:
        status = main(argv)
        if status != INTERRUPTED and _Interrupt.first_at is None:
            # Done: a late Ctrl-C must not turn a finished command into a traceback as Python shuts down.
            _signal.signal(_signal.SIGINT, _signal.SIG_IGN)
            _end_finished_command(status)
            return status
    except BaseException:  # outside the command line's own handling: while importing it, say
        if _Interrupt.first_at is None:
            raise
        _exit_interrupted(_interrupted_message())
    _exit_interrupted("" if status == INTERRUPTED else _interrupted_message())


if __name__ == "__main__":
    sys.exit(run())
