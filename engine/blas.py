"""One BLAS thread while the engine works, safely shared by every thread that asks.

The engine parallelises over chunks of rows itself, and its other linear algebra is on D x D
matrices. A multi-threaded OpenBLAS that starts its own threads inside that work oversubscribes the
cores: measured here, an E-step at N=1e5, D=10, K=10 took 98 ms instead of 11 ms, and on a busy machine
a 2 x 2 triangular solve took 8 ms instead of microseconds.

The limit is process-wide (BLAS has one thread pool), so it is counted: the first caller to enter sets
it, the last to leave restores what was there before. Nested and concurrent uses from several threads
(the window's worker, the chunk pool, a caller's own thread) therefore never leave BLAS limited, and
the caller's numpy outside the engine keeps its usual threading.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import numpy  # noqa: F401 - loads BLAS first: the controller, made once, sees only the libraries loaded by then
from threadpoolctl import ThreadpoolController

_lock = threading.Lock()
_depth = 0
_controller: ThreadpoolController | None = None
_limiter = None


@contextmanager
def single_threaded_blas() -> Iterator[None]:
    """Run the body with BLAS limited to one thread (reentrant, thread-safe)."""
    global _depth, _controller, _limiter
    with _lock:
        if _depth == 0:
            if _controller is None:
                _controller = ThreadpoolController()
            _limiter = _controller.limit(limits=1, user_api="blas")
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                _limiter.restore_original_limits()
                _limiter = None
