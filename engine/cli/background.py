"""Work done on a thread of its own while the main thread waits in C code (``segment``'s imports).

Qt's readers decode without Python's lock (``gui.image.codec.picture_reader``), so while the main thread
decodes a picture another thread can import the fitting engine: on two cores the imports then cost no
time of their own. The decoding itself stays on the main thread, which keeps Ctrl-C and stderr as they
were (a Ctrl-C is handled once Qt returns; the decoder silences file descriptor 2 around itself only).
"""

from __future__ import annotations

import threading
from collections.abc import Callable


def in_background(task: Callable[[], None], name: str = "gmm-background") -> Callable[[], None]:
    """Start ``task()`` on a daemon thread.

    Returns
    -------
    callable
        Waits for the task (a Ctrl-C interrupts the wait) and raises what it raised. The thread, a daemon,
        never keeps the process alive.
    """
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            task()
        except BaseException as error:  # handed to the waiting thread, which raises it
            outcome.append(error)

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()

    def wait() -> None:
        while thread.is_alive():
            thread.join(0.1)  # a bounded wait: a Ctrl-C reaches the main thread between two
        if outcome:
            raise outcome[0]

    return wait
