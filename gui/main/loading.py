"""Data sets made off the main thread: the ``load_dataset`` and ``generate_dataset`` jobs for ``gui.threads.Jobs``.

A thread alone is not enough for large text files: numpy's text parser (under ``engine.io.tables.load_data``)
holds Python's global interpreter lock for the whole parse, about a second for a million rows, and the
window cannot run a line of Python meanwhile. So a text file of ``CHILD_PROCESS_MIN_BYTES`` or more is
parsed by ``load_data`` in a child process (started fresh, "spawn": it imports the engine, never Qt),
while the job's thread waits on a pipe and yields every ``POLL_S`` so an abort ends it (and the child)
at once. Smaller files, and ``.npy`` files (read without parsing), load on the job's thread. Either way
the result, and every error message, is ``load_data``'s.

This module imports no Qt, so the child process does not load it either.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path

from engine.errors import InputError
from engine.io.model_json import load_model
from engine.io.tables import Dataset, load_data
from engine.presets import generate

#: Text files at least this large are parsed in a child process (smaller ones parse in under ~50 ms).
CHILD_PROCESS_MIN_BYTES = 1_000_000
#: How often the waiting job yields (an abort point), in seconds.
POLL_S = 0.05
#: Longest wait for a child that has sent its answer to exit, in seconds.
CHILD_EXIT_S = 5.0


def load_dataset(path: str) -> Iterator[None]:
    """The job: load ``path`` with ``engine.io.tables.load_data``; returns the ``Dataset``.

    Yields
    ------
    None
        Abort points: once before a load on the job's thread, every ``POLL_S`` while a child process parses.

    Raises
    ------
    InputError
        With ``load_data``'s sentence, if the file cannot be used.
    """
    if parses_in_child(path):
        return (yield from _load_in_child(path))
    yield  # an abort point: a load replaced before it began does not start
    return load_data(path)


def load_model_file(path: str) -> Iterator[None]:
    """The job for a large model file: ``engine.io.model_json.load_model``; returns the ``LoadedModel``.

    Yields
    ------
    None
        An abort point before the reading begins.
    """
    yield
    return load_model(path)


def parses_in_child(path: str) -> bool:
    """True for a text file large enough to be parsed in a child process."""
    file = Path(path)
    if file.suffix.lower() == ".npy" or not file.is_file():
        return False
    try:
        return os.path.getsize(file) >= CHILD_PROCESS_MIN_BYTES
    except OSError:
        return False  # load_data says what is wrong with it


def _load_in_child(path: str) -> Iterator[None]:
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child_main, args=(path, sender), name="gmm-explorer-load", daemon=True)
    child.start()
    sender.close()  # the child holds the only writing end: its exit ends the pipe
    answered = False
    try:
        while not receiver.poll(POLL_S):
            yield
        try:
            answer = receiver.recv()
        except EOFError:
            child.join(CHILD_EXIT_S)
            raise InputError(f"{Path(path).name} could not be read: the process reading it ended unexpectedly "
                             f"(exit code {child.exitcode}).") from None
        answered = True
    finally:
        receiver.close()
        if not answered and child.is_alive():
            child.terminate()  # an aborted load: its parse is not wanted any more
        child.join(CHILD_EXIT_S)
    kind, payload = answer
    if kind == "error":
        raise InputError(payload)
    if kind == "failed":
        raise RuntimeError(payload)
    X, feature_names, n_dropped, source, labels, label_names = payload
    return Dataset(X, feature_names, n_dropped=n_dropped, source=source, labels=labels, label_names=label_names)


def _child_main(path: str, connection: Connection) -> None:
    """The child process: load ``path`` and send ``("ok", fields)``, ``("error", sentence)`` or ``("failed", text)``."""
    try:
        try:
            dataset = load_data(path)
        except InputError as error:
            connection.send(("error", str(error)))
        except Exception as error:  # process boundary: report it to the job, which reports it to the window
            connection.send(("failed", f"{type(error).__name__}: {error}"))
        else:
            connection.send(("ok", (dataset.X, dataset.feature_names, dataset.n_dropped, dataset.source,
                                    dataset.labels, dataset.label_names)))
    finally:
        connection.close()


def generate_dataset(preset: str, n: int, k: int, d: int, seed: int) -> Iterator[None]:
    """The job for a large preset: ``engine.presets.generate(preset, n=n, k=k, d=d, seed=seed)``."""
    yield  # an abort point: a request replaced before it began does not start
    return generate(preset, n=n, k=k, d=d, seed=seed)
