"""Independent generator tasks (a selection's cells, bootstrap replicates) on worker processes.

``run_tasks`` starts a ``multiprocessing`` pool whose workers each build the shared state once (the data
and its backends, from ``state_factory(*state_args)``), runs every task there, and yields the events the
tasks yield, as they come (so progress within a task shows while it runs). Closing the generator (the
caller stops iterating) terminates the workers at once: nothing is left running.

Start methods: ``fork`` is the cheapest (a few milliseconds a worker, the data shared, not copied) and is
the default when no Qt is loaded; a process with Qt's threads must not fork (a forked child inherits
locks held by threads that do not exist in it), so ``forkserver`` is the default there. Forking is made
safe for the engine's own thread pool by ``engine.backends.chunked`` (a child forgets the pool it
inherited). Workers keep BLAS at one thread, compute E-steps on one thread (the tasks are the parallel
work) and ignore Ctrl-C (the parent handles it and ends them); on Linux the kernel ends them if the
parent dies without ending them (killed by a signal).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import queue
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from engine.blas import single_threaded_blas

#: In a worker process: the shared state and the queue events go back on.
_WORKER: dict[str, Any] = {}
#: Linux's prctl option: the signal a process receives when its parent dies.
PR_SET_PDEATHSIG = 1
#: ``worth_processes``: this many tasks, or this many tasks x rows, repay starting worker processes.
MIN_TASKS = 8
MIN_TASK_ROWS = 20_000
#: Seconds between checks that no worker task failed while the parent waits for events.
POLL_SECONDS = 0.2


def default_start_method() -> str:
    """``fork`` unless Qt is loaded in this process (then ``forkserver``), where both exist."""
    methods = multiprocessing.get_all_start_methods()
    qt_loaded = any(name in sys.modules for name in ("PySide6", "PySide6.QtCore", "shiboken6"))
    if "fork" in methods and not qt_loaded:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def usable_processes(requested: int | None, n_tasks: int, n_samples: int) -> int:
    """Worker processes to use: ``requested`` (at most the tasks), or, when None, one per core if the work
    pays for starting them (``worth_processes``) and 1 otherwise."""
    if requested is not None:
        return max(1, min(int(requested), n_tasks))
    if not worth_processes(n_tasks, n_samples):
        return 1
    return max(1, min(os.cpu_count() or 1, n_tasks))


def worth_processes(n_tasks: int, n_samples: int) -> bool:
    """Whether ``n_tasks`` fits (cells, replicates) on ``n_samples`` rows repay starting a pool.

    Starting the pool, forking its workers and collecting their events cost about 0.12 to 0.15 s (measured
    here with fork); a cell of 5 starts and 5 folds on a few hundred rows takes 20 to 150 ms, and on 1e4
    rows or more, seconds. Measured, best of 3, serial against 2 workers: 2 cells of 100 rows 0.05 s vs
    0.17 s, 6 cells of 300 rows 0.23 s vs 0.26 s, 2 cells of 1000 rows 0.08 s vs 0.20 s, 36 cells of 272
    rows 5.8 s vs 3.0 s (on a quiet machine). So: at least ``MIN_TASKS`` tasks, or at least
    ``MIN_TASK_ROWS`` tasks x rows.
    """
    return n_tasks >= 2 and (n_tasks >= MIN_TASKS or n_tasks * n_samples >= MIN_TASK_ROWS)


def _end_with_parent(parent: int) -> None:
    """Have the kernel end this worker when its parent dies, however it dies (Linux; elsewhere a no-op).

    A parent killed by a signal runs none of its clean-up, and its pool's workers would otherwise keep
    computing, orphaned. If the parent died before this call, the worker ends now.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:
        os._exit(1)


def _init_worker(state_factory: Callable[..., Any], state_args: tuple, events, parent: int | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        _end_with_parent(os.getppid() if parent is None else parent)
    _WORKER["state"] = state_factory(*state_args)
    _WORKER["events"] = events


def _run(task_id: int, task: Callable[..., Iterator[Any]], args: tuple) -> None:
    events = _WORKER["events"]
    try:
        with single_threaded_blas():
            for event in task(_WORKER["state"], *args):
                events.put(("item", task_id, event))
    except BaseException as problem:  # noqa: BLE001 - handed to the parent, which raises it
        events.put(("error", task_id, problem))
        return
    events.put(("done", task_id, None))


def _preload_in_forkserver(context, functions: Sequence[Callable[..., Any]]) -> None:
    """Have the forkserver import the modules of ``functions`` (and ``__main__``, its default) when it starts, so
    that every worker forked from it has them instead of importing the engine itself (measured under load: three
    selections of 6 cells on two workers, 3.5-4.1 s of CPU in the server and its workers before, 2.6-3.0 s
    after). No effect once the server runs: its first pool decides (every pool's tasks are engine functions)."""
    modules = ["__main__", __name__, *dict.fromkeys(function.__module__ for function in functions)]
    context.set_forkserver_preload(modules)


def run_tasks(state_factory: Callable[..., Any], state_args: tuple,
              tasks: Sequence[tuple[Callable[..., Iterator[Any]], tuple]], processes: int,
              start_method: str | None = None,
              next_tasks: Callable[[], Sequence[tuple[Callable[..., Iterator[Any]], tuple]]] | None = None,
              ) -> Iterator[Any]:
    """Run ``task(state, *args)`` generators on ``processes`` workers and yield their events as they come.

    Parameters
    ----------
    state_factory : callable
        Builds each worker's shared state from ``state_args`` (module-level, so it can be pickled).
    state_args : tuple
        Its arguments (sent to each worker once; with ``fork`` they are inherited, not copied).
    tasks : sequence of (task, args)
        Module-level generator functions and their arguments.
    processes : int
    start_method : str, optional
        ``default_start_method()`` when None.
    next_tasks : callable, optional
        Called when every task so far has finished (and its events were yielded): more tasks for the same
        workers (a selection's refinements), or nothing to end. The workers keep their state.

    Yields
    ------
    object
        Every event of every task; a task's events stay in their order.

    Raises
    ------
    BaseException
        What a task raised (the other tasks are then stopped).
    """
    context = multiprocessing.get_context(start_method or default_start_method())
    if context.get_start_method() == "forkserver":
        _preload_in_forkserver(context, [state_factory, *(task for task, _ in tasks)])
    events = context.Queue()
    # With forkserver or spawn the workers' parent is the server or this process; with fork, this process.
    parent = os.getpid() if context.get_start_method() != "forkserver" else None
    pool = context.Pool(processes, initializer=_init_worker, initargs=(state_factory, state_args, events, parent))
    finished = False
    try:
        handles = [pool.apply_async(_run, (task_id, task, args)) for task_id, (task, args) in enumerate(tasks)]
        remaining = len(tasks)
        while remaining or next_tasks is not None:
            if not remaining:
                more = list(next_tasks())
                if not more:
                    break
                handles += [pool.apply_async(_run, (len(handles) + offset, task, args))
                            for offset, (task, args) in enumerate(more)]
                remaining = len(more)
                continue
            try:
                kind, _, payload = events.get(timeout=POLL_SECONDS)
            except queue.Empty:
                for handle in handles:
                    if handle.ready() and not handle.successful():
                        handle.get()  # raises what broke the worker
                continue
            if kind == "item":
                yield payload
            elif kind == "done":
                remaining -= 1
            else:
                raise payload
        finished = True
    finally:
        # Every task ended: the idle workers leave by themselves. Only a run cut short (an error, Stop, Ctrl-C)
        # is terminated: Pool.terminate() once hung for good in a test, joining its task-handler thread after
        # every task had ended.
        if finished:
            pool.close()
        else:
            pool.terminate()
        pool.join()
        events.cancel_join_thread()
        events.close()


__all__ = ["default_start_method", "run_tasks", "usable_processes", "worth_processes"]
