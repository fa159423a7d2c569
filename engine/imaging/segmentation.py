"""Segmenting a picture with a Gaussian mixture: a robust start, EM on the pixels, every pixel labelled.

``segment_image`` does it all; a caller that wants the snapshots (the window) uses ``prepare_fit``, then
``iterate_segmentation``, then ``finish_segmentation``, which is also how ``segment_image`` ends, so a
model saved from the window and one saved by the ``segment`` command carry the same ``fit`` block.

EM runs on every pixel, or on a random sample of ``sample_size`` pixels for a larger picture. When the
features are the colour only, it runs on the fitted pixels' distinct colours weighted by their counts
(``engine.imaging.colour_index``: exactly the fit on the pixels, several times faster), in float64;
with positions, on the pixels' rows with ``engine.backends.chunked.ChunkedBackend`` in float32. Then
every pixel is labelled (each distinct colour once, or every pixel in chunks from its float32 features)
in float64, which also gives the log-likelihood that is reported. Nothing of size
n_pixels x n_components is ever allocated. The start is chosen robustly: several EM runs from k-means++
starts on a sample of at most ``INIT_SAMPLE`` pixels, the best one run further (``start_params``): one
k-means++ start alone lands in a poor optimum on some photographs. With colour-only features the start
is made on another thread while the colours are indexed (``_colours_and_start``).

(Past the 400-line guide, about 470 lines: the robust start, the plan EM runs on and the way a fit ends
are one sequence that ``prepare_fit``, ``iterate_segmentation`` and ``finish_segmentation`` share with
the window; splitting them would spread one contract over modules.)

Functions here trust their input (the command line and the window check it where it enters) unless
they say they raise.
"""

from __future__ import annotations

import collections
import dataclasses
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from engine.backends.base import Backend
from engine.backends.chunked import ChunkedBackend
from engine.blas import single_threaded_blas
from engine.config import FitConfig, InitMethod
from engine.em import EMSnapshot, FitResult, iterate_em
from engine.errors import InputError
from engine.imaging.colour_index import ColourIndex, PictureLabeller, colour_index
from engine.imaging.features import (
    DEFAULT_SAMPLE,
    IMAGE_KEY,
    MAX_COMPONENTS,
    FeatureSpec,
    pixel_features,
    sample_indices,
)
from engine.imaging.picture import check_pixels
from engine.init import require_distinct_rows
from engine.params import MixtureParams
from engine.weights import weighted_mean

#: The robust start (``start_params``) works on a random sample of at most this many of the fitted pixels:
INIT_SAMPLE = 20_000
#: this many EM runs (more if ``FitConfig.n_init`` asks), each until the log-likelihood per pixel changes
#: by less than ``INIT_TOL`` or for ``INIT_ITERATIONS`` iterations; ...
INIT_STARTS = 4
INIT_TOL = 1e-3
INIT_ITERATIONS = 100
#: ... then the best goes on, on the same sample, until it changes by less than ``INIT_REFINE_TOL`` or
#: for ``INIT_REFINE_ITERATIONS`` iterations.
INIT_REFINE_TOL = 1e-4
INIT_REFINE_ITERATIONS = 100
#: Rows per chunk of the start's sample backend (a few chunks, on one thread).
_SAMPLE_CHUNK_ROWS = 8192


def start_params(X: NDArray[np.floating], config: FitConfig, rng: np.random.Generator,
                 backend: Backend | None = None, pixel_rows: NDArray[np.integer] | None = None) -> MixtureParams:
    """A robust start for EM on pixels: the best of several EM runs on a sample, run further.

    On at most ``INIT_SAMPLE`` random rows of ``X``: ``max(config.n_init, INIT_STARTS)`` EM runs, each
    from ``config.init`` (k-means++ by default; ``given`` just returns ``config.init_params``) until
    ``INIT_TOL`` or ``INIT_ITERATIONS``; the one with the highest log-likelihood then runs on until
    ``INIT_REFINE_TOL`` or ``INIT_REFINE_ITERATIONS``. Ranking converged runs, not fresh starts, is what
    avoids the poor optima one k-means++ start finds on some photographs; running the winner further on
    the sample is cheap and leaves EM on all pixels less to do (with ``tol = 1e-3`` EM creeps: it stops
    while a long slow climb is still ahead). The sample is small, so this takes about 0.2 s of one core
    (K = 6, 3 features) whatever the picture's size; ``config.tol`` and ``config.max_iter`` are left to the
    run on all pixels.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    config : FitConfig
    rng : numpy.random.Generator
    backend : Backend, optional
        Over ``X``; used (instead of a sample) when ``X`` has at most ``INIT_SAMPLE`` rows.
    pixel_rows : ndarray of shape (n_pixels,), optional
        When ``X`` holds distinct colours: each fitted pixel's row of ``X``. The sample is then drawn from
        the pixels, as it would be from their rows (the same draws, the same start), and ``backend``
        (weighted by the colours' counts) is used only when the sample misses colours the start needs.

    Raises
    ------
    InputError
        If ``X`` has fewer than ``config.n_components`` distinct rows.
    """
    if config.init is InitMethod.GIVEN:
        return config.init_params
    n_components = config.n_components
    try:
        require_distinct_rows(X, n_components)
    except InputError:
        raise InputError(f"the picture has fewer than {n_components} distinct colours, so it cannot have "
                         f"{n_components} segments: use a smaller K.") from None
    sample_backend = None
    if pixel_rows is not None:  # the pixels' rows, drawn as they were before the colours were indexed
        rows = sample_indices(len(pixel_rows), INIT_SAMPLE, rng)
        sample = X[pixel_rows if rows is None else pixel_rows[rows]]
        if rows is None:  # every pixel's row, in the backend the pixels themselves would have had
            sample_backend = ChunkedBackend(sample, dtype=np.float32)
    else:
        rows = sample_indices(X.shape[0], INIT_SAMPLE, rng)
        sample = X if rows is None else X[rows]
    if sample is not X and not _has_distinct_rows(sample, n_components):
        sample = X  # a few rare colours, all missed by the sample: start on every row (weighted colours)
    elif sample_backend is not None:
        backend = sample_backend
    elif sample is not X or backend is None:
        # One thread and large chunks: on ~20 000 rows that is faster than sharing out small chunks.
        backend = ChunkedBackend(sample, dtype=np.float32, chunk_rows=_SAMPLE_CHUNK_ROWS, keep_features=True)
    return _best_start(sample, config, rng, backend)


def _best_start(sample: NDArray[np.floating], config: FitConfig, rng: np.random.Generator,
                backend: Backend | None) -> MixtureParams:
    """The robust start's EM runs on ``sample`` (of shape (n_sample, n_features), over ``backend``) and
    the best one's refinement."""
    starts = dataclasses.replace(config, tol=INIT_TOL, max_iter=INIT_ITERATIONS,
                                 n_init=max(config.n_init, INIT_STARTS))
    with single_threaded_blas():
        best = _last(iterate_em(sample, starts, rng, backend=backend, with_labels=False)).params
        refine = dataclasses.replace(config, init=InitMethod.GIVEN, init_params=best, n_init=1,
                                     tol=INIT_REFINE_TOL, max_iter=INIT_REFINE_ITERATIONS)
        return _last(iterate_em(sample, refine, rng, backend=backend, with_labels=False)).params


def _has_distinct_rows(X: NDArray, n_components: int) -> bool:
    try:
        require_distinct_rows(X, n_components)
    except InputError:
        return False
    return True


def _last(iterator: Iterator[EMSnapshot]) -> EMSnapshot:
    return collections.deque(iterator, maxlen=1)[0]


@dataclass(frozen=True, slots=True)
class PixelFit:
    """What EM runs on for a picture: the fitted pixels' features, their backend and the start.

    Attributes
    ----------
    X : ndarray of shape (n_fit, n_features), float32
        Features of the fitted pixels (all of them, or the sample); with ``colours``, of their distinct
        colours.
    indices : ndarray of shape (n_fit,) or None
        Flat indices of the sampled pixels; None when every pixel is fitted.
    backend : Backend
        ``ChunkedBackend`` over ``X`` (float32; float64 weighted by ``colours.counts``);
        ``iterate_segmentation`` runs on it, and ``label_pixels`` reuses it when ``indices`` is None.
    config : FitConfig
        The run's settings: ``init="given"`` from the robust start, one start.
    requested : FitConfig
        The settings asked for (what a saved model records).
    """

    X: NDArray[np.float32]
    indices: NDArray[np.intp] | None
    backend: Backend
    config: FitConfig
    requested: FitConfig
    colours: ColourIndex | None = None

    @property
    def n_fitted_pixels(self) -> int:
        """How many pixels the fit is on (all, or the sample)."""
        return self.X.shape[0] if self.colours is None else self.colours.n_pixels

    def labeller(self, pixels: NDArray[np.unsignedinteger], spec: FeatureSpec) -> PictureLabeller:
        """A labeller of every pixel of ``pixels``, reusing this fit's backend when every pixel was fitted."""
        if self.indices is not None:
            return PictureLabeller(pixels, spec)
        return PictureLabeller(pixels, spec, self.colours, self.backend)

    def pixel_features(self, count: int, rng: np.random.Generator) -> NDArray[np.float32]:
        """Feature rows of at most ``count`` of the fitted pixels drawn at random (each pixel its own row,
        so a colour shows as often as its pixels), shape (n, n_features): what a scatter of them draws."""
        if self.colours is None:
            return self.X
        pixels = self.colours.n_pixels
        rows = rng.choice(pixels, size=count, replace=False) if pixels > count else np.arange(pixels)
        return self.X[self.colours.inverse[np.sort(rows)]]


def prepare_fit(pixels: NDArray[np.unsignedinteger], spec: FeatureSpec, config: FitConfig,
                sample_size: int = DEFAULT_SAMPLE, rng: np.random.Generator | int | None = None) -> PixelFit:
    """Features of the pixels to fit, and a robust start (``start_params``).

    Parameters
    ----------
    pixels : ndarray of shape (height, width, 3), uint8 or uint16
    spec : FeatureSpec
    config : FitConfig
        ``n_components`` at most ``MAX_COMPONENTS``.
    sample_size : int
        Fit on this many random pixels when the picture has more; 0 fits on all pixels.
    rng : numpy.random.Generator or int, optional
        Defaults to ``numpy.random.default_rng(config.seed)`` (an int seeds a new generator); the same
        generator then drives EM.

    Raises
    ------
    InputError
        If ``pixels`` are not of that shape and type, ``config.n_components`` is above ``MAX_COMPONENTS`` or
        the picture has fewer distinct colours (feature rows) than that.
    """
    check_pixels(pixels)
    if config.n_components > MAX_COMPONENTS:
        raise InputError(f"a picture can have at most {MAX_COMPONENTS} segments, not {config.n_components}: "
                         "use a smaller K.")
    rng = np.random.default_rng(config.seed if rng is None else rng)  # an int seeds; a Generator is used as it is
    n_pixels = pixels.shape[0] * pixels.shape[1]
    indices = sample_indices(n_pixels, sample_size, rng)
    colours = None
    if spec.uses_position:
        X = pixel_features(pixels, spec, indices)
        backend = ChunkedBackend(X, dtype=np.float32)
        start = start_params(X, config, rng, backend)
    else:
        colours, X, backend, start = _colours_and_start(pixels, spec, config, rng, indices)
    run = dataclasses.replace(config, init=InitMethod.GIVEN, init_params=start, n_init=1)
    requested = config if config.init is InitMethod.GIVEN else dataclasses.replace(
        config, n_init=max(config.n_init, INIT_STARTS))
    return PixelFit(X, indices, backend, run, requested, colours)


def _colours_and_start(pixels: NDArray[np.unsignedinteger], spec: FeatureSpec, config: FitConfig,
                       rng: np.random.Generator, indices: NDArray[np.intp] | None):
    """The fitted pixels' ``ColourIndex``, their colours' features and weighted backend, and the robust
    start, made on another thread while this one indexes the colours.

    The start's sample needs no index: its rows are drawn among the fitted pixels, as ``start_params``
    draws them from the colours' ``pixel_rows``, and their features are computed from the pixels (the same
    values as their colours' rows). Only when the fitted pixels are at most ``INIT_SAMPLE``, or the sample
    holds fewer than K distinct colours, does the start wait for the colours and ``start_params`` draw
    again, from the same state of ``rng``. On two cores the indexing (a tenth of a second at 4
    megapixels) hides behind the start. (The index is made on this thread: its large temporaries then
    stay in one allocator arena, 17 MB less peak memory at 4 megapixels than the other way round.) If the
    indexing fails, the start's thread is left to finish on its own.

    Returns
    -------
    colours : ColourIndex
    X : ndarray of shape (n_colours, n_features), float32
    backend : ChunkedBackend
    start : MixtureParams
    """
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gmm-start")
    try:
        started = executor.submit(_start_beside_index, pixels, spec, config, rng, indices)
        colours, X, backend = _indexed_colours(pixels, spec, indices)
        start = started.result()
    finally:
        executor.shutdown(wait=False)
    if start is None:  # the colours decide, as ``start_params`` always did
        start = start_params(X, config, rng, backend, pixel_rows=colours.inverse)
    return colours, X, backend, start


def _indexed_colours(pixels: NDArray[np.unsignedinteger], spec: FeatureSpec, indices: NDArray[np.intp] | None):
    colours = colour_index(pixels, indices)
    X = colours.features(spec)
    return colours, X, ChunkedBackend(X, sample_weight=colours.counts)


def _start_beside_index(pixels: NDArray[np.unsignedinteger], spec: FeatureSpec, config: FitConfig,
                        rng: np.random.Generator, indices: NDArray[np.intp] | None) -> MixtureParams | None:
    """``start_params`` on a sample of the fitted pixels' own features, or None, with ``rng`` as it was,
    when that cannot be (see ``_colours_and_start``)."""
    if config.init is InitMethod.GIVEN:
        return config.init_params
    n_fitted = pixels.shape[0] * pixels.shape[1] if indices is None else len(indices)
    state = rng.bit_generator.state
    rows = sample_indices(n_fitted, INIT_SAMPLE, rng)
    if rows is not None:
        sample = pixel_features(pixels, spec, rows if indices is None else indices[rows])
        if _has_distinct_rows(sample, config.n_components):
            backend = ChunkedBackend(sample, dtype=np.float32, chunk_rows=_SAMPLE_CHUNK_ROWS, keep_features=True)
            return _best_start(sample, config, rng, backend)
    rng.bit_generator.state = state
    return None


def iterate_segmentation(plan: PixelFit, view_indices: NDArray[np.intp] | None = None,
                         with_labels: bool = False) -> Iterator[EMSnapshot]:
    """EM on the fitted pixels: ``engine.em.iterate_em`` from the plan's start, each step on one BLAS thread.

    Use this rather than ``iterate_em`` directly: every half-step runs inside ``single_threaded_blas``,
    and the limit is lifted while the generator is suspended between snapshots.

    Parameters
    ----------
    plan : PixelFit
    view_indices : ndarray of shape (n_view,), optional
        Rows of ``plan.X`` whose responsibilities the snapshots carry (see ``iterate_em``).
    with_labels : bool
        Whether E snapshots carry the label of every fitted row (of ``plan.X``: a pixel, or a distinct
        colour; not of the picture).

    Yields
    ------
    EMSnapshot
    """
    snapshots = iterate_em(plan.X, plan.config, backend=plan.backend, view_indices=view_indices,
                           with_labels=with_labels)
    while True:
        with single_threaded_blas():
            snapshot = next(snapshots, None)
        if snapshot is None:
            return
        yield snapshot


def label_pixels(pixels: NDArray[np.unsignedinteger], spec: FeatureSpec, params: MixtureParams,
                 backend: Backend | None = None) -> tuple[NDArray[np.uint8], float]:
    """Label every pixel with its most likely component, by chunks, in float64 from the float32 features.

    Parameters
    ----------
    pixels : ndarray of shape (height, width, 3), uint8 or uint16
    spec : FeatureSpec
        With ``spec.n_features == params.n_features``.
    params : MixtureParams
        At most ``MAX_COMPONENTS`` components.
    backend : Backend, optional
        A backend over every pixel's features; without it, a ``PictureLabeller`` labels the pixels (by
        their distinct colours when the features are the colour only).

    Returns
    -------
    labels : ndarray of shape (height, width), uint8
    mean_log_likelihood : float
        Mean log-likelihood per pixel under ``params``, computed in float64 (``ChunkedBackend.log_prob_norm``):
        within about 1e-9 of the float64 engine's on the same features (float32 arithmetic was up to 4e-6
        off on the benchmark's data).
    """
    height, width = pixels.shape[:2]
    if backend is None:
        return PictureLabeller(pixels, spec).labels_and_mean_log_likelihood(params)
    if isinstance(backend, ChunkedBackend):  # one pass for both
        labels, log_prob_norm = backend.labels_and_log_prob_norm(params)
    else:
        labels, log_prob_norm = backend.labels(params), backend.log_prob_norm(params)
    return labels.astype(np.uint8).reshape(height, width), float(log_prob_norm.mean())


@dataclass(frozen=True, slots=True)
class Segmentation:
    """A segmented picture. Arrays are read-only.

    Attributes
    ----------
    params : MixtureParams
    spec : FeatureSpec
    labels : ndarray of shape (height, width), uint8
        Component of every pixel.
    mean_log_likelihood : float
        Per pixel, over every pixel of the picture.
    fit_result : FitResult or None
        The fit (on the fitted pixels); None when a saved model was applied.
    """

    params: MixtureParams
    spec: FeatureSpec
    labels: NDArray[np.uint8]
    mean_log_likelihood: float
    fit_result: FitResult | None = None

    @property
    def n_components(self) -> int:
        return self.params.n_components

    @property
    def shares(self) -> NDArray[np.float64]:
        """Fraction of the pixels in each segment, shape (n_components,)."""
        counts = np.bincount(np.ravel(self.labels), minlength=self.n_components)[:self.n_components]
        return counts / max(self.labels.size, 1)

    def model_extra(self) -> dict[str, Any]:
        """The ``extra`` argument of ``engine.io.model_json.save_model`` for this model: its ``image`` block."""
        return {IMAGE_KEY: self.spec.to_block()}


def segment_image(pixels: NDArray[np.unsignedinteger], spec: FeatureSpec, config: FitConfig,
                  sample_size: int = DEFAULT_SAMPLE, rng: np.random.Generator | int | None = None,
                  on_snapshot: Callable[[EMSnapshot], None] | None = None) -> Segmentation:
    """Fit a mixture to a picture's pixels and label every pixel (``prepare_fit``, EM, ``finish_segmentation``).

    Parameters are as for ``prepare_fit``; ``on_snapshot`` is called with every EM snapshot.

    Raises
    ------
    InputError
        If the picture has fewer distinct colours than ``config.n_components``.
    """
    plan = prepare_fit(pixels, spec, config, sample_size, rng)
    snapshot = None
    for snapshot in iterate_segmentation(plan):
        if on_snapshot is not None:
            on_snapshot(snapshot)
    return finish_segmentation(plan, snapshot, pixels, spec)


def finish_segmentation(plan: PixelFit, snapshot: EMSnapshot, pixels: NDArray[np.unsignedinteger],
                        spec: FeatureSpec) -> Segmentation:
    """Label every pixel under the last snapshot's parameters and record the fit.

    The one way a picture's fit ends, for the ``segment`` command and the window alike. BLAS is kept to one
    thread here whoever calls (the window's worker runs outside the command's limit), as in the command.

    Parameters
    ----------
    plan : PixelFit
        What EM ran on.
    snapshot : EMSnapshot
        The last snapshot of ``iterate_segmentation(plan)`` (or the latest one, for a stopped fit).
    pixels : ndarray of shape (height, width, 3), uint8 or uint16
    spec : FeatureSpec

    Returns
    -------
    Segmentation
        With ``fit_result`` on the fitted pixels (all of them, or the sample). Both log-likelihoods, the
        picture's and the fit's (and so the BIC and AIC a saved model records), are computed in float64.
    """
    params = snapshot.params
    all_pixels = plan.indices is None
    counts = None if plan.colours is None else plan.colours.counts
    with single_threaded_blas():  # as in the segment command: a threaded BLAS sums in another order
        labels, mean_log_likelihood = plan.labeller(pixels, spec).labels_and_mean_log_likelihood(params)
        fit_mean = mean_log_likelihood if all_pixels else weighted_mean(plan.backend.log_prob_norm(params), counts)
    fit_result = FitResult(params, snapshot.iteration, snapshot.converged, snapshot.history, fit_mean,
                           plan.n_fitted_pixels, plan.requested, (fit_mean,), snapshot.reseed_events)
    return _segmentation(params, spec, labels, mean_log_likelihood, fit_result)


def apply_model(pixels: NDArray[np.unsignedinteger], spec: FeatureSpec, params: MixtureParams) -> Segmentation:
    """Segment a picture with fitted parameters (no fitting): ``label_pixels`` as a ``Segmentation``.

    ``spec`` comes from ``FeatureSpec.from_model``, which checks it against ``params``.
    """
    check_pixels(pixels)
    labels, mean_log_likelihood = label_pixels(pixels, spec, params)
    return _segmentation(params, spec, labels, mean_log_likelihood, None)


def _segmentation(params, spec, labels, mean_log_likelihood, fit_result) -> Segmentation:
    labels.flags.writeable = False
    return Segmentation(params, spec, labels, float(mean_log_likelihood), fit_result)
