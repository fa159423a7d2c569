"""Real ``python main.py`` processes without paying each one's imports: a parent that has imported them forks them.

A window process spends 0.6 of its CPU-second importing ``main`` and ``gui.app`` (PySide6, pyqtgraph, numpy), a
command 0.25 importing ``main`` and ``engine.cli`` (numpy). ``ForkParent`` is a process that has done those imports
once (no QApplication, no thread of its own, no signal handler changed) and then forks one child per request. A
child takes the request's environment, working folder and output files (stdin: the null device) and then runs as
``python main.py ARGUMENTS`` runs (``sys.exit(main.run())``), or as ``python -c CODE ARGUMENTS`` when the request
has code, to the interpreter's usual exit. Everything from ``main.run()`` on is the real process's: its signal
handlers, threads, Qt application and exit status. Tests about the start-up itself (what is imported, a Ctrl-C
while it is) start a whole ``python main.py`` instead. The session's two parents, one per pytest worker, are the
fixtures ``window_forks`` and ``command_forks`` of ``tests/conftest.py``.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: What a window process imports first (``gui.app`` is what ``main.main`` imports for the window).
WINDOW_IMPORTS = ("main", "gui.app")
#: What a command's process imports first (``engine.cli`` is what ``main.main`` imports for a command).
COMMAND_IMPORTS = ("main", "engine.cli")

#: The parent: imports the modules named in its arguments, then reads one JSON request a line. A start request
#: forks a child and answers with its pid; ``{"wait": PID}`` answers with that child's exit status once it has
#: ended (negative: the signal that ended it), as ``subprocess`` gives it.
PARENT = """
import importlib, json, os, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
import main


def become_child(request):
    for fd, path, flags in ((0, os.devnull, os.O_RDONLY), (1, request["stdout"], os.O_WRONLY | os.O_CREAT),
                            (2, request["stderr"], os.O_WRONLY | os.O_CREAT)):
        opened = os.open(path, flags, 0o600)
        os.dup2(opened, fd)
        os.close(opened)
    os.environ.clear()
    os.environ.update(request["env"])
    os.chdir(request["cwd"])
    if request["code"] is None:
        sys.argv = [main.__file__, *request["arguments"]]
        sys.exit(main.run())
    sys.argv = ["-c", *request["arguments"]]
    exec(compile(request["code"], "<string>", "exec"), {"__name__": "__main__"})
    sys.exit(0)


for line in sys.stdin:
    request = json.loads(line)
    if "wait" in request:
        print(os.waitstatus_to_exitcode(os.waitpid(request["wait"], 0)[1]), flush=True)
        continue
    pid = os.fork()
    if pid == 0:
        become_child(request)
    print(pid, flush=True)
"""


class ForkParent:
    """``PARENT`` running with ``imports`` done, in ``environment``: ``start`` forks a child from it.

    Close it (``close``) when done: its children's CPU time is counted once it has ended.
    """

    def __init__(self, imports: tuple[str, ...], environment: dict[str, str]) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", PARENT, *imports], cwd=ROOT, env=environment,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def ask(self, request: dict) -> int:
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        assert answer, f"the forking parent ended (exit status {self.process.wait()})"
        return int(answer)

    def start(self, arguments: list[str], environment: dict[str, str], outputs: tuple[Path, Path],
              code: str | None = None) -> ForkedChild:
        """``python main.py ARGUMENTS`` (or ``python -c CODE ARGUMENTS``) in ``environment``, from the checkout's
        folder, writing its stdout and stderr to the files ``outputs`` (made empty here, before it starts)."""
        for path in outputs:
            path.write_bytes(b"")
        pid = self.ask({"arguments": [str(argument) for argument in arguments], "code": code, "env": environment,
                        "cwd": str(ROOT), "stdout": str(outputs[0]), "stderr": str(outputs[1])})
        return ForkedChild(self, pid, outputs)

    def run(self, arguments: list[str], environment: dict[str, str], outputs: tuple[Path, Path],
            code: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
        """As ``start``, waited for (``subprocess.TimeoutExpired`` after ``timeout`` seconds): its exit status,
        stdout and stderr. A child that has not ended when the wait fails is killed: it never outlives the test."""
        child = self.start(arguments, environment, outputs, code)
        try:
            stdout, stderr = child.communicate(timeout=timeout)
        finally:
            child.kill()
            child.communicate()
        return subprocess.CompletedProcess(arguments, child.returncode, stdout, stderr)

    def close(self, timeout: float) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=timeout)
        self.process.stdout.close()


class ForkedChild:
    """A child of ``ForkParent`` with the part of ``subprocess.Popen``'s interface these tests use."""

    def __init__(self, parent: ForkParent, pid: int, outputs: tuple[Path, Path]) -> None:
        self.parent, self.pid, self.outputs = parent, pid, outputs
        self.returncode: int | None = None
        self.ended = os.pidfd_open(pid)  # readable once the process has ended

    def poll(self) -> int | None:
        if self.returncode is None and select.select([self.ended], [], [], 0)[0]:
            self.returncode = self.parent.ask({"wait": self.pid})
            os.close(self.ended)
        return self.returncode

    def send_signal(self, number: int) -> None:
        if self.returncode is None:
            os.kill(self.pid, number)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def printed(self) -> bytes:
        """What the child has written on its stdout so far."""
        return self.outputs[0].read_bytes()

    def communicate(self, timeout: float | None = None) -> tuple[str, str]:
        """Wait for the end (``subprocess.TimeoutExpired`` after ``timeout`` seconds); (stdout, stderr)."""
        if self.returncode is None and not select.select([self.ended], [], [], timeout)[0]:
            raise subprocess.TimeoutExpired(f"forked process {self.pid}", timeout)
        self.poll()
        return tuple(path.read_text(errors="replace") for path in self.outputs)
