"""Progress bars on stderr for passes over data that take more than a second (tqdm).

A bar appears only when asked for (the command line asks unless ``--quiet``), when stderr is a
terminal, and once the pass has run for a second (tqdm's ``delay``): short passes, pipes, log files and
tests see nothing. tqdm is imported only when a bar may show.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

#: A pass shows its bar once it has run this many seconds.
SHOW_AFTER_SECONDS = 1.0


class _Silent:
    def update(self, count: int) -> None:
        pass


@contextmanager
def row_progress(n_rows: int, what: str, enabled: bool) -> Iterator:
    """A bar over ``n_rows`` rows described by ``what``, or a silent stand-in; ``update(rows)`` advances it."""
    stream = sys.stderr
    if not enabled or stream is None or not stream.isatty():
        yield _Silent()
        return
    from tqdm import tqdm

    with tqdm(total=n_rows, desc=what, unit=" rows", unit_scale=True, file=stream, leave=False,
              delay=SHOW_AFTER_SECONDS, dynamic_ncols=True) as bar:
        yield bar
