"""The chunked E-step: sufficient statistics by matrix products, in bounded memory, on all cores.

(About 730 lines, past the usual 400, and one job: the E-step's passes over chunks of rows. About 270 of
the lines are prose: this docstring states the engine's accuracy in full, and the chunk-size rule, the floor
under ``exp``, ``np.dot`` and the kept features say what they were measured on and why they change no
result. The formulas are in ``expanded`` and the re-centring rules in ``recentre`` already; what is left
shares one chunk's buffers and the backend's standardised rows, so splitting it would pass those around.)

For a chunk of rows, every component's log-density is one matrix product of *features* of the rows
against per-component *coefficients* (``engine.backends.expanded``, which holds the covariance types'
formulas): it is linear in the features ``[z_a z_b (a <= b), z, 1]``, where ``z = (x - shift) / scale``
is the standardised row. A log-sum-exp over the K columns gives the log-likelihood and the
responsibilities ``R``; one more product ``R^T F`` gives the M-step's sums of responsibilities, of ``r z``
and of ``r z z^T``. The chunks' sums are added up, so nothing of size N x K exists unless a caller asks
for responsibilities.

The standardised data is stored once, transposed (``n_features`` rows of N contiguous values), and a
chunk's features and log-densities are laid out as rows too: the reductions over the K components
(max, sum, argmax) then run down short columns of contiguous rows, which is several times faster in
numpy than reducing along rows of K.

Standardising first is what keeps the expanded squares accurate: on data far from the origin or with
very different feature scales, ``x^T A x`` and ``2 x^T A m`` would otherwise be huge numbers that cancel.
Statistics are converted back to the data's coordinates before ``reg_covar`` is added, so the M-step is
exactly the direct one.

Diagonal and spherical types only need the squares ``z_a^2``; the tied type needs no quadratic
features in the product at all (``z^T A z`` is the same for every component, so it is added to the
log-likelihood after the log-sum-exp, and ``sum z z^T`` is computed once per data set).

Where the expansion would lose digits the engine takes the direct route for that component only: a
component whose expanded terms may exceed ``expanded.EXPANDED_TERMS_UP_TO`` (``expanded_terms_bound``: a
tight cluster far from the centre, or a near-singular covariance) is whitened directly, row by row, and a
covariance the sums give to six digits or fewer is summed about its own mean (``engine.backends.recentre``).
Rows beyond any expansion (a point at 1e200) go to ``engine.density.limit_log_resp_and_norm``. A component
whitened directly takes, in float64, the differences ``x - m_k`` in the data's own coordinates, so it keeps
its rows' digits however far it lies from the shift.

The shift and scale are the data's own (``engine.scales.standardisation``) for a fit. Applying a model to
data (``engine.model``) passes the model's instead (``engine.backends.applying``): with the data's, a file
whose rows lie half or more at 1e100 had its ordinary rows' standardised values rounded away.

Accuracy against the direct path: the tests hold the two within 1e-9 (relative; means relative to the
data's spread) on data offset by 1e6 with feature scales from 1e-3 to 1e3, on a tight cluster 1e6 from
the rest, on near-singular full components (fewer samples than features) and on tight, well-separated
clusters under a tied covariance. The limit is rounding that both paths share: a component whose samples
span fewer dimensions than the data has its variances across them equal to ``reg_covar`` plus rounding
of about ``eps`` times its largest variance, in either path. With ``reg_covar`` far above that (the
default 1e-6 against 2e-16) it does not show; at ``reg_covar = 1e-12`` the two paths' log-likelihoods
agree to about 1e-5 relative, as closely as the direct path agrees with itself on the same rows in
another order (``tests/test_fast.py`` holds them to 1e-4).

With ``sample_weight`` (``engine.weights``) every row's responsibilities are multiplied by its weight
before they are summed, and so are its log-likelihood and its terms of ``sum z z^T``: the chunks' sums
keep their shape (sums of weights, weighted sums, weighted outer products).

``dtype=float32`` keeps the standardised data, the features and the log-densities of the E-steps in
single precision (half the memory, faster exponentials); the statistics are multiplied and accumulated
in float64. Because the data is standardised before it is rounded, the precision does not depend on the
data's offset. Measured on ``benchmarks/em_speed.py``'s data (N = 2e5 and 1e6, D = 3, K = 8, every
covariance type, 9 iterations from the same start): weights, means and covariances agree with float64 to
within 1e-4 relative to each array's largest entry (2.2e-5 at most seen on one CPU, 6.4e-5 on another
whose BLAS kernels round differently; ``tests/test_float32_accuracy.py`` holds them to 1e-4), and the
E-steps' log-likelihoods (the ``history`` EM's convergence test reads) to within 2e-5 (8e-6 seen). The log-likelihoods
that are reported are computed in float64 from the stored rows (``log_prob_norm``,
``labels_and_log_prob_norm``): a fit's final one and a picture's agree with float64 to within 1e-7 (4e-10
seen with the same parameters; float32 arithmetic was 4e-6 off).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

from engine.backends.base import EStepResult, worst_points
from engine.backends.expanded import Coefficients, Layout, feature_coefficients, feature_layout, stats_from_sums
from engine.backends.recentre import (
    add_scatter,
    covariances_from_watched,
    fragile_components,
    new_moments,
    recentred,
    watched_components,
)
from engine.backends.reductions import first_component_at, fold_components
from engine.blas import single_threaded_blas
from engine.covariance import CovarianceType
from engine.density import limit_log_resp_and_norm
from engine.params import MixtureParams
from engine.scales import standardisation as data_standardisation
from engine.stats import SufficientStats
from engine.weights import check_sample_weight, sample_unit, total_weight

#: Rows per chunk, at least: the chunk's features and log-densities stay in the core's cache.
CHUNK_ROWS = 4096
#: ... and at most. Between the two, a chunk's feature rows and responsibilities take about ``CHUNK_BYTES``
#: (``chunk_rows_for``): each chunk is some fifteen numpy calls, and on two threads each call hands Python's
#: lock to the other thread, so narrow rows want more rows a call, but wide ones leave the cache. Measured
#: on 2 cores (full covariance): an E-step on 1e6 rows of 3 features (K = 6) took 19 ms in chunks of 16384
#: rows against 38 ms in chunks of 4096; 38 against 46 ms on 300 000 rows of 10 features (K = 10); on 200 000
#: rows of 2 features with K = 100, 54 ms in chunks of 8192 but 58 in 4096 and 70 in 16384.
MAX_CHUNK_ROWS = 16384
CHUNK_BYTES = 4 << 20

#: Where a summing pass raises float64 log-responsibilities (``_chunk``'s ``floored``), when the data's
#: standardised rows all lie within ``EXP_FLOOR_REACH`` of the centre. numpy's vectorised float64 ``exp``
#: leaves its fast path for arguments from about -708 down (results near or below the smallest normal
#: double): measured here, 1 ns an element on the fast path, 7 to 15 ns for results that underflow and 35
#: to 70 ns for subnormal ones. A photograph's distant colours put a fifth of the terms there: the floor
#: takes an E-step on its distinct colours from about 31 to 26 ms of one core. A term so raised,
#: ``exp(-700)`` = 1e-304, times a feature of at most ``EXP_FLOOR_REACH`` squared and a weight of at most
#: 1e50 adds at most 1e-242 a row to a sum: nothing changes in any sum that is not itself of that size (a
#: component with no rows near it, whose summed responsibility stays far below scikit-learn's ``10 * eps``
#: guard; its mean and covariance move by about 1e-285). Far rows turn it off:
#: a row at 1e152 has squares near 1e304, which a floored responsibility would have made a variance of 1
#: (``tests/test_extreme_values.py``), and so do weights beyond ``EXP_FLOOR_WEIGHTS`` (a row weighing 1e300
#: would lend its floored terms to components its lighter rows fill; a block of a larger set decides by its
#: own weights). Responsibilities returned to a caller are never floored.
EXP_FLOOR = -700.0
EXP_FLOOR_REACH = 1e6
EXP_FLOOR_WEIGHTS = (1e-50, 1e50)

#: A float32 backend made with ``keep_features`` keeps its chunks' features (``_kept_features``), in all at
#: most this many bytes: an E-step then neither makes them nor widens them again. The robust start's
#: 20 000-row sample asks for it (0.8 MB, and 1.6 MB widened): that was about a tenth of each of its ~150
#: E-steps (its CPU time 3 to 10 % less, the same start to the last bit).
KEPT_FEATURES_BYTES = 8 << 20


def product_into(a: NDArray, b: NDArray, out: NDArray) -> None:
    """``out[...] = a @ b`` by ``np.dot``, which releases Python's lock while BLAS multiplies.

    The chunks' products go through ``np.dot``, not ``@``: numpy's ``matmul`` keeps the lock through its
    BLAS call, so on two threads the other thread's chunk waits (measured here: 16384-row chunks' ``R^T F``
    ran no faster on two threads than on one with ``@``, 1.95 times faster with ``np.dot``). ``np.dot``
    writes into ``out`` only when it is C-contiguous (a chunk shorter than the buffer is a strided view).
    """
    if out.flags.c_contiguous:
        np.dot(a, b, out=out)
    else:
        out[...] = np.dot(a, b)


def chunk_rows_for(n_features: int, n_samples: int, n_components: int = 0) -> int:
    """Rows per chunk for ``n_samples`` rows of ``n_features`` columns and ``n_components`` components:
    ``CHUNK_BYTES`` of the widest (full covariance) feature rows and the responsibilities, a multiple of
    1024 from ``CHUNK_ROWS`` to ``MAX_CHUNK_ROWS``, and no more than the rows (each E-step makes its chunk
    buffers anew: larger ones only cost page faults)."""
    width = n_features * (n_features + 1) // 2 + n_features + 1 + n_components
    rows = min(MAX_CHUNK_ROWS, max(CHUNK_ROWS, CHUNK_BYTES // (8 * width) // 1024 * 1024))
    return int(max(1, min(rows, n_samples)))


#: Rows standardised at a time (``standardised_rows``): bounds a float32 backend's float64 temporary.
STANDARDISE_ROWS = 65536


def standardised_rows(X: NDArray[np.floating], shift: NDArray[np.float64], scale: NDArray[np.float64],
                      dtype: np.dtype, with_reach: bool = True) -> tuple[NDArray, float]:
    """``z = (x - shift) / scale`` of every row of ``X``, transposed, and the largest ``|z|``.

    Computed in float64 straight into the transposed layout, by blocks of ``STANDARDISE_ROWS`` rows (a copy
    through ``z.T`` took four times as long); in float32 each z is rounded once, from its float64 value.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    shift, scale : ndarray of shape (n_features,)
    dtype : numpy dtype
        float64 or float32.
    with_reach : bool
        Whether to compute the largest ``|z|`` (0.0 is returned otherwise).

    Returns
    -------
    zt : ndarray of shape (n_features, n_samples), ``dtype``
    reach : float
        Infinite for a far row whose z or ``|z|^2`` overflows.
    """
    n_samples, n_features = X.shape
    zt = np.empty((n_features, n_samples), dtype=dtype)
    in_place = zt.dtype == np.float64
    spare = None if in_place else np.empty((n_features, min(STANDARDISE_ROWS, n_samples)))
    reach = 0.0
    for start in range(0, n_samples, STANDARDISE_ROWS):
        stop = min(start + STANDARDISE_ROWS, n_samples)
        block = zt[:, start:stop] if in_place else spare[:, :stop - start]
        with np.errstate(over="ignore", invalid="ignore"):  # a far row: its z or |z|^2 may overflow
            np.subtract(X[start:stop].T, shift[:, None], out=block)
            block /= scale[:, None]
            if with_reach:
                reach = max(reach, float(np.sqrt(np.einsum("ij,ij->j", block, block).max(initial=0.0))))
        if not in_place:
            zt[:, start:stop] = block
    return zt, reach


_POOL: ThreadPoolExecutor | None = None


def _pool() -> ThreadPoolExecutor:
    global _POOL
    if _POOL is None:
        _POOL = ThreadPoolExecutor(max_workers=max(1, min(os.cpu_count() or 1, 8)), thread_name_prefix="gmm-chunk")
    return _POOL


def _forget_pool_in_child() -> None:
    """A forked child inherits ``_POOL`` without its threads (they exist only in the parent): work handed
    to it would wait for ever. The child makes its own pool when it first needs one."""
    global _POOL
    _POOL = None


if hasattr(os, "register_at_fork"):  # engine.selection forks worker processes
    os.register_at_fork(after_in_child=_forget_pool_in_child)


class ChunkedBackend:
    """E-steps over chunks of rows, in parallel, with memory independent of N x K.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
        Kept by reference (for ``worst_points``); a standardised, transposed copy in ``dtype`` is what
        the E-steps read.
    dtype : numpy dtype, optional
        ``float64`` (default) or ``float32`` (see the module docstring for its accuracy).
    chunk_rows : int, optional
    n_threads : int, optional
        Threads to split the rows over (at most the pool's size, one per core by default). The window
        asks for one fewer than the cores, so painting keeps a core while EM runs.
    sample_weight : ndarray of shape (n_samples,), optional
        Non-negative weights of the rows, not all zero (``engine.weights``); every row weighs 1 by default.
    standardisation : tuple of two ndarrays of shape (n_features,), optional
        ``(shift, scale)`` to standardise the rows by; ``engine.scales.standardisation(X)`` (the data's own)
        by default. Applying a model passes the model's (``engine.backends.applying``), so that a row's
        results do not depend on the other rows.
    keep_features : bool
        For a float32 backend that runs many E-steps on few rows (the robust start's sample): keep each
        chunk's features between E-steps, at most ``KEPT_FEATURES_BYTES`` in all (``_kept_features``).
    """

    #: ``__init__``'s flag (``over_block`` and ``_subset`` make backends without it: they keep nothing).
    keep_features = False

    def __init__(self, X: NDArray[np.floating], dtype: type = np.float64, chunk_rows: int | None = None,
                 n_threads: int | None = None, sample_weight: NDArray[np.floating] | None = None,
                 standardisation: tuple[NDArray[np.float64], NDArray[np.float64]] | None = None,
                 keep_features: bool = False) -> None:
        self.X = X if X.dtype.kind == "f" else np.asarray(X, dtype=np.float64)
        self.sample_weight = check_sample_weight(sample_weight, self.X.shape[0])
        #: ``W``, the sum of the weights (the number of rows without weights).
        self.total_weight = total_weight(self.sample_weight, self.X.shape[0])
        self.dtype = np.dtype(dtype)
        self._given_rows = None if chunk_rows is None else int(chunk_rows)
        self.n_threads = n_threads
        #: Keep the chunks' features between E-steps (float32, small data: ``KEPT_FEATURES_BYTES``).
        self.keep_features = keep_features
        self._n_features = self.X.shape[1]
        self.shift, self.scale = data_standardisation(self.X) if standardisation is None else standardisation
        # z = (x - shift) / scale, transposed (in float32 single precision is spent on the spread of the data, not
        # on its offset from the origin), and ``reach``, the largest |z| over the data: how large the expanded
        # terms can get (``expanded_terms_bound``).
        self._zt, self.reach = standardised_rows(self.X, self.shift, self.scale, self.dtype)
        self._zz: tuple[NDArray, NDArray] | None = None

    @classmethod
    def over_block(cls, X: NDArray[np.floating], shift: NDArray[np.float64], scale: NDArray[np.float64],
                   reach: float | None, dtype: type = np.float64, chunk_rows: int | None = None,
                   sample_weight: NDArray[np.float64] | None = None) -> ChunkedBackend:
        """A backend over one block of rows of a larger data set, standardised as the whole set is.

        ``engine.backends.streamed`` adds up the blocks' E-step sums (``_estep_range`` and the others):
        with the whole set's ``shift``, ``scale`` (each of shape (n_features,)) and ``reach``, a block's
        sums are exactly that block's share of the whole set's.

        Parameters
        ----------
        X : ndarray of shape (block_rows, n_features)
        shift, scale : ndarray of shape (n_features,)
        reach : float or None
            The largest ``|z|`` over the whole set; None for the block's own (applying a model, whose
            standardisation is not the data's: ``engine.backends.applying``).
        sample_weight : ndarray of shape (block_rows,), optional
            The block's rows' weights, already checked (the block's sums are then weighted).
        """
        block = cls.__new__(cls)
        block.X = X if X.dtype.kind == "f" else np.asarray(X, dtype=np.float64)
        block.dtype, block.n_threads = np.dtype(dtype), None
        block._given_rows = None if chunk_rows is None else int(chunk_rows)
        block._n_features = block.X.shape[1]
        block.shift, block.scale, block._zz = shift, scale, None
        block.sample_weight = sample_weight
        block.total_weight = total_weight(sample_weight, len(block.X))
        block._zt, own_reach = standardised_rows(block.X, shift, scale, block.dtype, with_reach=reach is None)
        block.reach = own_reach if reach is None else float(reach)
        return block

    @property
    def n_samples(self) -> int:
        return self.X.shape[0]

    def _scatter(self) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """``sum z`` of shape (n_features,) and ``sum z z^T`` of shape (n_features, n_features), once."""
        if self._zz is None:
            d = self._n_features
            total, scatter = np.zeros(d), np.zeros((d, d))
            for start in range(0, self.n_samples, 65536):
                zt = self._zt[:, start:start + 65536].astype(np.float64)
                weighted = zt if self.sample_weight is None else zt * self.sample_weight[start:start + 65536]
                total += weighted.sum(axis=1)
                scatter += np.dot(weighted, zt.T)
            self._zz = (total, scatter)
        return self._zz

    def data_covariance(self) -> NDArray[np.float64]:
        """Covariance of the whole data, shape (n_features, n_features)."""
        total, scatter = self._scatter()
        mean_z = total / self.total_weight
        cov_z = scatter / self.total_weight - np.outer(mean_z, mean_z)
        return cov_z * np.outer(self.scale, self.scale)

    def _coefficients(self, params: MixtureParams, dtype: np.dtype | None = None) -> Coefficients:
        """Feature coefficients of ``log w_k + log N(x | k)`` in standardised coordinates, in ``dtype``
        (the backend's by default; the chunks then compute in it)."""
        return feature_coefficients(params, self.shift, self.scale, self.dtype if dtype is None else dtype,
                                    self.reach)

    # ------------------------------------------------------------------ chunks
    @property
    def chunk_rows(self) -> int:
        """Rows per chunk before the components are known (``_step`` gives them for K components)."""
        return self._step(0)

    def _step(self, n_components: int) -> int:
        """Rows per chunk with ``n_components`` components: those given, or ``chunk_rows_for``'s."""
        if self._given_rows is not None:
            return self._given_rows
        return chunk_rows_for(self._n_features, self.n_samples, n_components)

    def _new_features(self, layout: Layout, dtype, rows: int) -> NDArray:
        """A feature buffer of shape (n_quadratic + n_features + 1, rows), its last row ones."""
        features = np.empty((layout.n_quadratic + self._n_features + 1, rows), dtype=dtype)
        features[-1] = 1.0
        return features

    def _rows(self, start: int, stop: int, dtype: np.dtype) -> NDArray:
        """Standardised rows ``start:stop``, shape (n_features, rows), in ``dtype`` (a copy only to widen)."""
        return self._zt[:, start:stop].astype(dtype, copy=False)

    def _weighted(self, resp: NDArray, start: int, stop: int) -> NDArray:
        """``resp`` (K, rows) with each row's column multiplied by its weight (``resp`` itself without weights)."""
        return resp if self.sample_weight is None else resp * self.sample_weight[start:stop]

    def _features(self, start: int, stop: int, layout: Layout, buffer: NDArray) -> NDArray:
        """Features ``[z_a z_b; z; 1]`` of rows ``start:stop``, shape (n_columns, rows), in ``buffer`` (or the
        chunk's kept copy: ``_kept_features``).

        In the buffer's precision: float64 features of a float32 backend are products of the widened rows.
        """
        kept = self._kept_features(start, stop, layout) if buffer.dtype == self.dtype else None
        return self._fill_features(start, stop, layout, buffer) if kept is None else kept

    def _fill_features(self, start: int, stop: int, layout: Layout, buffer: NDArray) -> NDArray:
        zt = self._rows(start, stop, buffer.dtype)
        rows, q, d = stop - start, layout.n_quadratic, self._n_features
        features = buffer[:, :rows]
        for row, a, a_step, b, count in layout.runs:  # a run of products at once (``Layout.runs``)
            np.multiply(zt[a:a + count] if a_step else zt[a], zt[b:b + count], out=features[row:row + count])
        features[q:q + d] = zt
        if rows < buffer.shape[1]:
            features[-1] = 1.0
        return features

    def _kept_features(self, start: int, stop: int, layout: Layout, widened: bool = False) -> NDArray | None:
        """The features of rows ``start:stop`` of a float32 backend, shape (n_columns, rows), made once and kept:
        in float32, or ``widened`` to float64 (what its statistics multiply). None unless the backend is a
        float32 one made with ``keep_features``, and once the kept chunks would take more than
        ``KEPT_FEATURES_BYTES`` in all (another split of the rows into chunks, with another K or number of
        threads, keeps new ones only within that bound).

        Kept by chunk, each contiguous as the E-step's products read it (they would have converted a float32
        chunk to a contiguous float64 one anyway): the same BLAS calls on the same numbers, every result the
        same to the last bit. (A view of one array of every row was slower and summed in another order; a
        float64 backend's last, shorter chunk is a strided view of its buffer, which BLAS sums otherwise too.)
        """
        if not self.keep_features or self.dtype != np.float32:
            return None
        kept = self._features_kept
        key = (layout.runs, widened, start, stop)
        features = kept.get(key)
        if features is None:  # made whole, then stored: a thread that reads it meanwhile makes its own
            own = self._kept_features(start, stop, layout) if widened else None
            dtype = np.dtype(np.float64 if widened else self.dtype)
            n_bytes = (layout.n_quadratic + self._n_features + 1) * (stop - start) * dtype.itemsize
            if (widened and own is None) or sum(a.nbytes for a in kept.values()) + n_bytes > KEPT_FEATURES_BYTES:
                return None
            if widened:
                features = own.astype(np.float64)
            else:
                features = self._fill_features(start, stop, layout, self._new_features(layout, dtype, stop - start))
            features.flags.writeable = False
            kept[key] = features
        return features

    @cached_property
    def _features_kept(self) -> dict:
        """``_kept_features``' store: (layout's runs, widened, start, stop) -> the chunk's features."""
        return {}

    def _differences(self, start: int, stop: int, dtype: np.dtype, component: int, mean_z: NDArray,
                     params: MixtureParams) -> NDArray:
        """``z - m_k`` of rows ``start:stop`` for a component whitened directly, shape (n_features, rows).

        In float64 from the differences ``x - m_k`` in the data's own coordinates (one rounding each,
        whatever the shift: a component far from it keeps its rows' digits); in float32 from the stored
        standardised rows.
        """
        if dtype != np.float64:
            return self._rows(start, stop, dtype) - mean_z[:, None]
        differences = np.subtract(self.X[start:stop].T, params.means[component][:, None])
        differences /= self.scale[:, None]
        return differences

    def _chunk(self, start: int, stop: int, coefficients: Coefficients, layout: Layout, buffers: dict,
               labels: NDArray | None = None, row_weights: NDArray | None = None, floored: bool = False):
        """Responsibilities (K, rows) in a buffer, log p(x) (rows,), and the chunk's features.

        With ``labels`` (an array of shape (n_samples,)), also writes the rows' most responsible
        components into ``labels[start:stop]``. With ``row_weights`` (the rows' weights, shape (rows,)),
        each row's responsibilities come multiplied by its weight (one pass: the normalising division
        and the weighting share it). Rows whose log-densities over- or underflow (far points, whose
        features may be infinite) are computed by ``engine.density.limit_log_resp_and_norm``. When
        ``floored`` (for passes that only sum the responsibilities, or label, over rows within
        ``EXP_FLOOR_REACH``: ``_floored``), float64 log-responsibilities below ``EXP_FLOOR`` are raised to
        it first; the labels and log p(x) are the same either way.
        """
        rows = stop - start
        resp = buffers["resp"][:, :rows]
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            features = self._features(start, stop, layout, buffers["features"])
            product_into(coefficients.weights_matrix, features, resp)
            for k, whitener, mean_z, constant in coefficients.exact:
                whitened = np.dot(whitener, self._differences(start, stop, resp.dtype, k, mean_z, coefficients.params))
                resp[k] = constant - 0.5 * np.einsum("ij,ij->j", whitened, whitened)
            for k in coefficients.absent:
                resp[k] = -np.inf
            row_max = fold_components(np.maximum, resp, buffers["row_max"][:rows])
            failed = np.isfinite(row_max, out=buffers["failed"][:rows])
            np.logical_not(failed, out=failed)
            row_max[failed] = 0.0
            resp -= row_max
            if floored and resp.dtype == np.float64:  # a component of weight 0 too: its statistics are the same
                np.maximum(resp, EXP_FLOOR, out=resp)
            np.exp(resp, out=resp)
            if labels is not None:  # the largest term is exp(0) = 1 exactly
                first_component_at(resp, 1.0, labels[start:stop], buffers["at_one"][:rows])
            row_sum = fold_components(np.add, resp, buffers["row_sum"][:rows])
            if row_weights is None:
                resp /= row_sum
            else:
                resp *= np.divide(row_weights, row_sum, out=buffers["row_scale"][:rows])
            log_prob_norm = np.add(np.log(row_sum, out=row_sum), row_max, out=buffers["log_prob_norm"][:rows],
                                   dtype=np.float64)
            if coefficients.tied_whitener is not None:
                whitened = np.dot(coefficients.tied_whitener, self._rows(start, stop, resp.dtype))
                log_prob_norm -= 0.5 * np.einsum("ij,ij->j", whitened, whitened, dtype=np.float64)
                failed |= ~np.isfinite(log_prob_norm)
        if failed.any():
            self._limit_rows(start, np.flatnonzero(failed), coefficients, resp, log_prob_norm, labels,
                             row_weights)
        return resp, log_prob_norm, features

    def _limit_rows(self, start: int, rows: NDArray[np.intp], coefficients: Coefficients, resp: NDArray,
                    log_prob_norm: NDArray, labels: NDArray | None, row_weights: NDArray | None = None) -> None:
        """Overwrite the chunk's ``rows`` (indices from ``start``) with their limits, from ``X`` in float64
        (responsibilities times ``row_weights[rows]`` when given)."""
        log_resp, limit = limit_log_resp_and_norm(self.X[start + rows], coefficients.params)
        resp[:, rows] = np.exp(log_resp).T if row_weights is None else np.exp(log_resp).T * row_weights[rows]
        log_prob_norm[rows] = limit
        if labels is not None:
            labels[start + rows] = log_resp.argmax(axis=1)

    @cached_property
    def _one_sample(self) -> float:
        """The weight of one sample (``engine.weights.sample_unit``), for ``fragile_components``."""
        return sample_unit(self.sample_weight)

    @cached_property
    def _floored(self) -> bool:
        """Whether summing passes may raise log-responsibilities to ``EXP_FLOOR``: every row within
        ``EXP_FLOOR_REACH`` of the centre, and every positive weight within ``EXP_FLOOR_WEIGHTS``."""
        weights, (lightest, heaviest) = self.sample_weight, EXP_FLOOR_WEIGHTS
        return bool(self.reach <= EXP_FLOOR_REACH and (
            weights is None or (weights.max() <= heaviest and not np.any((weights > 0) & (weights < lightest)))))

    def _buffers(self, coefficients: Coefficients, layout: Layout) -> dict:
        """Buffers for chunks of ``_step(K)`` rows: "features" (columns, rows), "resp" (K, rows) and the rows'
        own values (rows,), which ``_chunk`` returns a view of (its log-likelihoods): a caller keeps them only
        until the next chunk."""
        n_components = coefficients.weights_matrix.shape[0]
        dtype = coefficients.weights_matrix.dtype
        rows = self._step(n_components)
        return {"features": self._new_features(layout, dtype, rows),
                "resp": np.empty((n_components, rows), dtype=dtype),
                # fresh arrays of these for every chunk were mapped and unmapped each time
                "row_max": np.empty(rows, dtype=dtype), "row_sum": np.empty(rows, dtype=dtype),
                "row_scale": np.empty(rows), "log_prob_norm": np.empty(rows), "failed": np.empty(rows, dtype=bool),
                "at_one": np.empty(rows, dtype=bool)}

    def _ranges(self) -> list[tuple[int, int]]:
        """Contiguous row ranges, one per worker thread (one in all for small data)."""
        n_workers = _pool()._max_workers if self.n_threads is None else max(1, min(self.n_threads,
                                                                                    _pool()._max_workers))
        if self.n_samples < 4 * self.chunk_rows:
            n_workers = 1
        # ``np.linspace(0, n, workers + 1)``'s points, in Python's floats: numpy's call cost a twentieth of an
        # E-step on the robust start's 20 000 rows
        step = self.n_samples / n_workers
        bounds = [int(i * step) for i in range(n_workers)] + [self.n_samples]
        return [(a, b) for a, b in zip(bounds[:-1], bounds[1:], strict=True) if b > a]

    def _map(self, task, *args) -> list:
        ranges = self._ranges()
        if len(ranges) == 1:
            return [task(*ranges[0], *args)]
        with single_threaded_blas():
            return list(_pool().map(lambda bounds: task(*bounds, *args), ranges))

    def _estep_range(self, first: int, last: int, coefficients: Coefficients, layout: Layout,
                     labels: NDArray | None, watched: NDArray[np.intp], centres: NDArray[np.float64]):
        """Sums ``R^T F``, the total log-likelihood and the watched components' moments about ``centres``
        (``engine.backends.recentre.add_scatter``) over rows first:last."""
        buffers = self._buffers(coefficients, layout)
        step = buffers["resp"].shape[1]
        sums = np.zeros(coefficients.weights_matrix.shape)
        scatter = new_moments(len(watched), self._n_features)
        total = 0.0
        weigh_in_chunk = self.sample_weight is not None and self.dtype == np.float64
        for start in range(first, last, step):
            stop = min(start + step, last)
            row_weights = self.sample_weight[start:stop] if weigh_in_chunk else None
            resp, log_prob_norm, features = self._chunk(start, stop, coefficients, layout, buffers, labels,
                                                        row_weights, self._floored)
            if self.sample_weight is None:
                total += log_prob_norm.sum()
            else:
                total += np.dot(self.sample_weight[start:stop], log_prob_norm)
            if self.dtype == np.float64:  # weighted already (``row_weights``)
                sums += np.dot(resp, features.T)
            else:  # the statistics' product in float64: single precision only for the densities
                resp = self._weighted(resp.astype(np.float64), start, stop)
                widened = self._kept_features(start, stop, layout, widened=True)
                sums += np.dot(resp, (features.astype(np.float64) if widened is None else widened).T)
            if len(watched):
                add_scatter(scatter, self.X[start:stop], lambda k, resp=resp: resp[k], watched, centres, self.scale)
        return sums, total, scatter

    # ------------------------------------------------------------- statistics
    def _stats_from_sums(self, sums: NDArray[np.float64], covariance_type: CovarianceType) -> SufficientStats:
        """M-step statistics in the data's coordinates from ``R^T [quadratic, z, 1]`` of shape (K, columns)."""
        return stats_from_sums(sums, covariance_type, self.shift, self.scale, self._scatter)

    def _assignment_range(self, first: int, last: int, assignment: NDArray, layout: Layout, n_components: int):
        step = self._step(n_components)
        buffer = self._new_features(layout, np.float64, step)
        sums = np.zeros((n_components, buffer.shape[0]))
        for start in range(first, last, step):
            stop = min(start + step, last)
            features = self._features(start, stop, layout, buffer)
            chunk = assignment[start:stop]
            weights = None if self.sample_weight is None else self.sample_weight[start:stop]
            if chunk.ndim == 1:
                for k in range(n_components):
                    if weights is None:
                        sums[k] += features[:, chunk == k].sum(axis=1)
                    else:
                        sums[k] += np.dot(features[:, chunk == k], weights[chunk == k])
            else:
                sums += np.dot(self._weighted(chunk.T, start, stop), features.T)
        return sums

    def stats_from_assignment(self, assignment: NDArray, params_like: tuple[int, CovarianceType]) -> SufficientStats:
        """Statistics of a starting assignment: labels of shape (n_samples,) or responsibilities (n_samples, K)."""
        n_components, covariance_type = params_like
        layout = feature_layout(covariance_type, self._n_features)
        sums = sum(self._map(self._assignment_range, assignment, layout, n_components))
        stats = self._stats_from_sums(sums, covariance_type)
        fragile = self._fragile_components(sums, covariance_type)
        if fragile.size:
            stats = self._recentred(stats, fragile, self._centred_assignment_range, assignment)
        return stats

    def _fragile_components(self, sums: NDArray[np.float64], covariance_type: CovarianceType) -> NDArray[np.intp]:
        """Components whose covariance the sums cannot give accurately (``engine.backends.recentre``)."""
        return fragile_components(sums, covariance_type, self._n_features, self._scatter, self.total_weight,
                                  self._one_sample)

    # ------------------------------------------------------------- public API
    def e_step(self, params: MixtureParams, view_indices: NDArray | None = None,
               with_labels: bool = True) -> EStepResult:
        """Responsibilities under ``params`` and the statistics of the next M-step, by chunks."""
        coefficients = self._coefficients(params)
        layout = feature_layout(params.covariance_type, self._n_features)
        labels = np.empty(self.n_samples, dtype=np.intp) if with_labels else None
        # Components already fragile under ``params`` have their scatter summed in the same pass.
        watched, centres = watched_components(params, self.shift, self.scale, self._scatter, self.total_weight)
        parts = self._map(self._estep_range, coefficients, layout, labels, watched, centres)
        sums = sum(part[0] for part in parts)
        total = sum(part[1] for part in parts)
        stats = self._stats_from_sums(sums, params.covariance_type)
        fragile = self._fragile_components(sums, params.covariance_type)
        if fragile.size:
            scatter = sum(part[2] for part in parts)
            stats, fragile = covariances_from_watched(stats, fragile, watched, centres, scatter, self.scale)
        if fragile.size:  # fragile only now, or moved too far: one more pass
            stats = self._recentred(stats, fragile, self._centred_range, coefficients, layout)
        return EStepResult(
            mean_log_likelihood=float(total / self.total_weight),
            labels=labels,
            view_resp=None if view_indices is None else self._subset(view_indices).responsibilities(params),
            stats=stats,
        )

    def _recentred(self, stats: SufficientStats, fragile: NDArray[np.intp], task, *args) -> SufficientStats:
        """``stats`` with the ``fragile`` components' means and covariances from their moments about the expanded
        sums' means, summed by ``task`` (``engine.backends.recentre.recentred``).

        For tied covariances ``fragile`` is every component and their scatters are pooled.
        """
        centres = stats.means[fragile]
        return recentred(stats, fragile, centres, sum(self._map(task, *args, fragile, centres)), self.scale)

    def _centred_range(self, first: int, last: int, coefficients: Coefficients, layout: Layout,
                       fragile: NDArray[np.intp], means: NDArray[np.float64]) -> NDArray[np.float64]:
        """Each fragile component's moments about ``means`` over rows ``first:last`` (``add_scatter``), shape
        (n_fragile, D + 1, D + 1)."""
        buffers = self._buffers(coefficients, layout)
        step = buffers["resp"].shape[1]
        scatter = new_moments(len(fragile), self._n_features)
        for start in range(first, last, step):
            stop = min(start + step, last)
            resp, _, _ = self._chunk(start, stop, coefficients, layout, buffers, floored=self._floored)
            resp = self._weighted(resp, start, stop)
            add_scatter(scatter, self.X[start:stop], lambda k, resp=resp: resp[k], fragile, means, self.scale)
        return scatter

    def _centred_assignment_range(self, first: int, last: int, assignment: NDArray, fragile: NDArray[np.intp],
                                  means: NDArray[np.float64]) -> NDArray[np.float64]:
        """As ``_centred_range``, with the weights of a starting assignment (labels or responsibilities)."""
        scatter = new_moments(len(fragile), self._n_features)
        for start in range(first, last, self.chunk_rows):
            stop = min(start + self.chunk_rows, last)
            chunk = assignment[start:stop]
            rows = np.ones(stop - start) if self.sample_weight is None else self.sample_weight[start:stop]
            if chunk.ndim == 1:
                def weights(k, chunk=chunk, rows=rows):
                    return (chunk == k) * rows
            else:
                def weights(k, chunk=chunk, rows=rows):
                    return chunk[:, k] * rows
            add_scatter(scatter, self.X[start:stop], weights, fragile, means, self.scale)
        return scatter

    def _subset(self, indices: NDArray) -> ChunkedBackend:
        """A backend over some rows, with this one's standardisation (so results agree exactly)."""
        subset = ChunkedBackend.__new__(ChunkedBackend)
        subset.X = self.X[np.asarray(indices)]
        subset.dtype, subset._given_rows, subset._n_features = self.dtype, self._given_rows, self._n_features
        subset.n_threads = self.n_threads
        subset.sample_weight = None if self.sample_weight is None else self.sample_weight[np.asarray(indices)]
        subset.total_weight = total_weight(subset.sample_weight, len(subset.X))
        subset.shift, subset.scale, subset.reach, subset._zz = self.shift, self.scale, self.reach, None
        subset._zt = np.ascontiguousarray(self._zt[:, np.asarray(indices)])
        return subset

    def _apply_range(self, first: int, last: int, coefficients: Coefficients, layout: Layout,
                     outputs: dict[str, NDArray]):
        """Rows first:last of the ``outputs`` asked for: "labels", "log_prob_norm", "responsibilities"."""
        buffers = self._buffers(coefficients, layout)
        step = buffers["resp"].shape[1]
        for start in range(first, last, step):
            stop = min(start + step, last)
            resp, log_prob_norm, _ = self._chunk(start, stop, coefficients, layout, buffers, outputs.get("labels"),
                                                 floored=self._floored and "responsibilities" not in outputs)
            if "log_prob_norm" in outputs:
                outputs["log_prob_norm"][start:stop] = log_prob_norm
            if "responsibilities" in outputs:
                outputs["responsibilities"][start:stop] = resp.T

    def _apply(self, params: MixtureParams, what: tuple[str, ...], precision: np.dtype | None = None) -> list:
        shapes = {"labels": ((self.n_samples,), np.intp), "log_prob_norm": ((self.n_samples,), np.float64),
                  "responsibilities": ((self.n_samples, params.n_components), np.float64)}
        outputs = {name: np.empty(*shapes[name]) for name in what}
        coefficients = self._coefficients(params, precision)
        layout = feature_layout(params.covariance_type, self._n_features)
        self._map(self._apply_range, coefficients, layout, outputs)
        return [outputs[name] for name in what]

    def log_prob_norm(self, params: MixtureParams) -> NDArray[np.float64]:
        """Log-likelihood of each sample under the mixture, shape (n_samples,), always in float64.

        A float32 backend widens its stored rows and computes this in double precision (the float32
        rounding of the expanded terms would cost 1e-6 of the log-likelihood): what a fit and a
        segmentation report is as accurate as the float64 engine's, to the float32 rounding of the rows.
        """
        return self._apply(params, ("log_prob_norm",), np.dtype(np.float64))[0]

    def labels_and_log_prob_norm(self, params: MixtureParams) -> tuple[NDArray[np.intp], NDArray[np.float64]]:
        """``labels`` and ``log_prob_norm`` in one pass, both from float64 log-densities (a float32 backend
        widens its rows): what labelling every pixel of a picture and reporting its likelihood needs.

        Returns
        -------
        labels : ndarray of shape (n_samples,)
        log_prob_norm : ndarray of shape (n_samples,)
        """
        labels, log_prob_norm = self._apply(params, ("labels", "log_prob_norm"), np.dtype(np.float64))
        return labels, log_prob_norm

    def responsibilities(self, params: MixtureParams) -> NDArray[np.float64]:
        """Responsibilities of every sample, shape (n_samples, n_components)."""
        return self._apply(params, ("responsibilities",))[0]

    def labels(self, params: MixtureParams) -> NDArray[np.intp]:
        """Most responsible component of every sample, shape (n_samples,)."""
        return self._apply(params, ("labels",))[0]

    def worst_points(self, params: MixtureParams, count: int) -> NDArray[np.float64]:
        """The ``count`` samples worst explained by ``params``, shape (count, n_features)."""
        return worst_points(self, params, count)
