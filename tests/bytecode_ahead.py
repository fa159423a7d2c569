"""Bytecode made once, before pytest-xdist starts its workers: the checkout's modules compiled, and pytest's
assertion-rewritten test modules cached, each by one process instead of by every worker at once.

On a fresh clone (as CI runs) no bytecode exists yet. Every worker then collected the same test modules at
the same moment, so each rewrote all of them itself (pytest caches a rewritten module only once it is made):
collecting took 6.1 CPU-seconds per worker instead of 3.1 with the bytecode there, 2.5 of the difference
rewriting the test modules' asserts and 0.3 compiling the checkout's modules. Made here, in the controlling
process, split between it and one forked child (two cores), that work is done once, in about a second, and the
workers, and the commands' and window's processes the tests start, find it all made.

When the bytecode is already there (any later run) this checks each file's cached header and returns.
"""

from __future__ import annotations

import compileall
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Folders of the checkout whose modules the tests and their child processes import.
COMPILED_FOLDERS = ("engine", "gui", "benchmarks", "tests")


def prepare(config) -> None:
    """Compile the checkout's modules and cache the rewritten test modules, on two processes where ``os.fork``
    exists. Does nothing if this pytest's assertion rewriting is not the one this was written for (its
    functions are pytest's own, not a public API): the workers then make the bytecode themselves, as before."""
    try:
        from _pytest.assertion.rewrite import (
            PYC_TAIL,
            _read_pyc,
            _rewrite_test,
            _write_pyc,
            assertstate_key,
            get_cache_dir,
            try_makedirs,
        )

        state = config.stash[assertstate_key]
    except (ImportError, KeyError):
        return
    if config.getoption("assertmode", "rewrite") != "rewrite":
        return

    def rewrite(test_module: Path) -> None:
        cache_dir = get_cache_dir(test_module)
        pyc = cache_dir / (test_module.name[:-3] + PYC_TAIL)
        if _read_pyc(test_module, pyc, state.trace) is None and try_makedirs(cache_dir):
            source_hash, code = _rewrite_test(test_module, config)
            _write_pyc(state, code, source_hash, pyc)

    def compile_module(module: Path) -> None:
        compileall.compile_file(str(module), quiet=2)

    def run(jobs: list) -> None:
        for job, path in jobs:
            try:
                job(path)
            except Exception:  # a module that does not compile: its import in a worker reports it
                pass

    test_modules = sorted((ROOT / "tests").glob("test_*.py"))
    modules = [path for folder in COMPILED_FOLDERS for path in sorted((ROOT / folder).rglob("*.py"))
               if "__pycache__" not in path.parts and path not in test_modules] + [ROOT / "main.py"]
    jobs = [(rewrite, path) for path in test_modules] + [(compile_module, path) for path in modules]
    child = os.fork() if hasattr(os, "fork") else -1
    if child == 0:  # the child: every other job, then gone without running anything of its parent's
        try:
            run(jobs[1::2])
        finally:
            os._exit(0)
    run(jobs[0::2] if child > 0 else jobs)
    if child > 0:
        os.waitpid(child, 0)
