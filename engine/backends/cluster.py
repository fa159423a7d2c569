"""A Dask cluster as the streamed backend's runner: one task per block of a ``dask.array``, returning its sums.

``StreamedBackend(DaskRunner(X))`` fits a ``dask.array`` of shape (n_samples, n_features): every E-step
is one task per block of rows (the chunked engine's sums of that block: ``engine.backends.streamed``),
the client adds them up and runs the M-step. The array is persisted on the cluster first, so the blocks
are read or computed once, not once per iteration. ``engine.backends.make_backend`` (hence
``engine.em.fit`` and ``iterate_em``) picks this for a ``dask.array`` by itself, with its ``sample_weight`` too.

Dask is the optional extra ``pip install -e ".[dask]"`` and is imported only here, when a Dask array or
a scheduler is used. ``connect`` opens a client: ``local:N`` starts a local cluster of N worker
processes; any other address is a running scheduler's (``tcp://host:8786``).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from numpy.typing import NDArray

from engine.errors import InputError

#: Rows per block when an in-memory array is handed to a cluster.
CLUSTER_BLOCK_ROWS = 1 << 18


#: A local cluster's scheduler, without a dashboard, still serves a few HTTP routes (health, metrics) on port
#: 8787 unless told otherwise; a second cluster running at the same time (two commands, or two test
#: processes) then printed a four-line "Port 8787 is already in use" warning. Any free port will do.
QUIET_SCHEDULER = {"dashboard_address": ":0"}


def is_dask_array(X: object) -> bool:
    """Whether ``X`` is a ``dask.array.Array`` (without importing Dask)."""
    return type(X).__module__.split(".")[0] == "dask" and hasattr(X, "to_delayed")


def import_distributed():
    """``dask.distributed``, or ``InputError`` saying how to install the optional extra."""
    try:
        import dask.distributed as distributed
    except ImportError:
        raise InputError('fitting on a Dask cluster needs Dask: pip install -e ".[dask]" '
                         '(or pip install "dask[distributed]").') from None
    return distributed


def connect(address: str):
    """A ``dask.distributed.Client``: ``local:N`` starts a local cluster of N workers (one thread each);
    otherwise ``address`` is a running scheduler's, such as ``tcp://host:8786``.

    Raises
    ------
    InputError
        When Dask is missing, N is not a whole number of at least 1, or the scheduler cannot be reached.
    """
    distributed = import_distributed()
    if address.startswith("local:"):
        count = address.split(":", 1)[1]
        if not (count.isascii() and count.isdigit() and int(count) >= 1):
            raise InputError(f"--scheduler {address}: give local:N with N workers, at least 1 (local:2).")
        cluster = distributed.LocalCluster(n_workers=int(count), threads_per_worker=1, processes=True,
                                           dashboard_address=None, scheduler_kwargs=QUIET_SCHEDULER)
        client = distributed.Client(cluster)
        client.cluster_opened_by_gmm = True  # closed with the client (engine.cli.streaming.release_backend)
        return client
    if not address.strip():
        raise InputError("--scheduler needs an address: a scheduler's (tcp://host:8786) or local:N.")
    try:
        return distributed.Client(address, timeout="10s")
    except (OSError, TimeoutError) as error:
        raise InputError(f"--scheduler {address}: cannot reach the Dask scheduler ({error}); start one with "
                         "`dask scheduler` and workers with `dask worker ADDRESS`.") from None
    except (ValueError, TypeError) as error:  # no port, an unknown scheme, tls:// without its certificates
        raise InputError(f"--scheduler {address}: not a Dask scheduler's address ({error}); give one such as "
                         "tcp://host:8786, or local:N for a local cluster.") from None


def dask_array(X: NDArray, block_rows: int = CLUSTER_BLOCK_ROWS):
    """An in-memory (or memory-mapped) array of shape (n_samples, n_features) as a ``dask.array`` in blocks of rows."""
    import dask.array as da

    return da.from_array(X, chunks=(block_rows, X.shape[1]))


class DaskRunner:
    """The blocks of rows of a ``dask.array``, each task run on the cluster (see the module docstring).

    Parameters
    ----------
    X : dask.array.Array of shape (n_samples, n_features)
        Chunks along columns are merged (a task needs whole rows); any numeric dtype, read as float64.
    client : dask.distributed.Client, optional
        The default client if there is one (``dask.distributed.get_client``), else Dask's local scheduler.
    """

    def __init__(self, X, client=None) -> None:
        import dask

        if X.ndim != 2:
            raise InputError(f"a Dask array to fit must be 2-D (n_samples, n_features), not {X.ndim}-D.")
        if client is None:
            try:
                client = import_distributed().get_client()
            except (ValueError, InputError):  # no client: Dask's own scheduler on this machine
                client = None
        self.client = client
        X = X.astype(np.float64)
        if X.numblocks[1] > 1:
            X = X.rechunk({1: -1})
        self.X = client.persist(X) if client is not None else X.persist()
        self._blocks = list(self.X.to_delayed().ravel())
        self._firsts = np.concatenate([[0], np.cumsum(self.X.chunks[0])[:-1]]).astype(int).tolist()
        self.n_samples, self.n_features = int(X.shape[0]), int(X.shape[1])
        self._delayed = dask.delayed

    def _compute(self, collections: list) -> list:
        if self.client is not None:
            return self.client.gather(self.client.compute(collections))
        import dask

        return list(dask.compute(*collections))

    def sample(self, rows: int) -> NDArray[np.float64]:
        step = max(1, -(-self.n_samples // rows))
        return np.asarray(self._compute([self.X[::step]])[0], dtype=np.float64)

    def map_blocks(self, task, what: str) -> Iterator:
        """``task(block, first_row)`` of every block as one task each, results in block order."""
        run = self._delayed(task, pure=False)
        yield from self._compute([run(block, first) for block, first in zip(self._blocks, self._firsts, strict=True)])


def dask_backend(X, client=None, dtype: type = np.float64, sample_weight=None, weights: str | None = None):
    """A ``StreamedBackend`` over the ``dask.array`` ``X`` of shape (n_samples, n_features) (see the module
    docstring).

    With ``sample_weight`` (shape (n_samples,), a numpy or Dask array) each block carries its rows' weights as a
    last column, checked on the workers in the first pass (``weights`` is what messages call them); with
    ``weights`` alone, ``X``'s last column already holds them.
    """
    from engine.backends.streamed import StreamedBackend

    if sample_weight is not None:
        import dask.array as da

        if np.shape(sample_weight) != (X.shape[0],):
            raise InputError(f"the sample weights must be one number per row ({X.shape[0]}), not an array of shape "
                             f"{np.shape(sample_weight)}.")
        column = (sample_weight if is_dask_array(sample_weight)
                  else da.from_array(np.asarray(sample_weight, dtype=np.float64), chunks=(X.chunks[0],)))
        X = da.concatenate([X.astype(np.float64), column.astype(np.float64).reshape(-1, 1)], axis=1)
        weights = weights or "the sample weights"
    return StreamedBackend(DaskRunner(X, client), dtype=dtype, weights=weights)
