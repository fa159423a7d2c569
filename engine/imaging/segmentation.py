"""Image segmentation with a Gaussian mixture: pixel features, fitting a picture, labelling it, drawing it.

A *picture* here is an array of shape (height, width, 3), ``uint8`` or ``uint16`` RGB (``gui.image.codec``
decodes files into this). Every pixel becomes one row of features, in row-major pixel order
(``row * width + column``):

rgb   R, G, B divided by the largest value of the dtype (255 or 65535), so each lies in [0, 1].
lab   CIE L*a*b* of the sRGB colour (D65 white): L in [0, 100], a and b roughly in [-128, 127].
x, y  added when ``spatial_weight > 0``: ``(column + 0.5) / longest_side`` and ``(row + 0.5) /
      longest_side``, both multiplied by ``spatial_weight * scale``. ``scale`` is the range of the
      colour features (1 for rgb, 100 for lab), so with a spatial weight of 1 crossing the picture's
      longer side weighs as much as going from black to white. Positions are isotropic (a circle stays
      a circle) and do not depend on the picture's size, so a model can label a picture of another size.

How the features were made travels with a saved model as its ``image`` block (``FeatureSpec.to_block``),
so the model can label another picture (``FeatureSpec.from_model``).

Fitting (``segment_image``, or ``prepare_fit`` + ``iterate_segmentation`` + ``label_pixels`` for a caller
that wants the snapshots): EM runs on every pixel, or on a random sample of ``sample_size`` pixels for a
larger picture; then every pixel is labelled in chunks by ``engine.backends.chunked.ChunkedBackend`` in float32.
Nothing of size n_pixels x n_components is ever allocated. The start is chosen robustly: several EM
runs from k-means++ starts on a sample of at most ``INIT_SAMPLE`` pixels, the best one run further
(``start_params``): one k-means++ start alone lands in a poor optimum on some photographs.

Labels are ``uint8``, so a picture has at most ``MAX_COMPONENTS`` segments. Functions here trust their
input (the command line and the window check it where it enters) unless they say they raise.
"""

from __future__ import annotations

import collections
import dataclasses
import functools
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import numpy as np
from numpy.typing import NDArray

from engine.backends.chunked import ChunkedBackend
from engine.blas import single_threaded_blas
from engine.config import FitConfig, InitMethod
from engine.em import EMSnapshot, FitResult, iterate_em
from engine.errors import InputError
from engine.init import require_distinct_rows
from engine.params import MixtureParams

#: Labels are uint8: at most this many segments.
MAX_COMPONENTS = 256
#: Fit on every pixel up to this many, on a random sample of this many above (the default ``sample_size``).
DEFAULT_SAMPLE = 1_000_000
#: The robust start (``start_params``) works on a random sample of at most this many of the fitted pixels:
INIT_SAMPLE = 50_000
#: this many EM runs (more if ``FitConfig.n_init`` asks), each until the log-likelihood per pixel changes
#: by less than ``INIT_TOL`` or for ``INIT_ITERATIONS`` iterations; ...
INIT_STARTS = 4
INIT_TOL = 1e-4
INIT_ITERATIONS = 200
#: ... then the best goes on, on the same sample, until it changes by less than ``INIT_REFINE_TOL`` or
#: for ``INIT_REFINE_ITERATIONS`` iterations.
INIT_REFINE_TOL = 1e-5
INIT_REFINE_ITERATIONS = 200
#: Rows per chunk of the start's sample backend (a quarter of the sample: one thread).
_SAMPLE_CHUNK_ROWS = 16384
#: Pixels converted to features (or labelled, or blended) at a time: bounds temporary memory.
BLOCK_PIXELS = 1 << 18
#: Key of the feature description in a saved model.
IMAGE_KEY = "image"

# sRGB primaries to CIE XYZ, D65 (IEC 61966-2-1); the white point is the image of RGB = (1, 1, 1), so
# white maps to exactly L = 100, a = b = 0.
_RGB_TO_XYZ = np.array([
    [0.4124564, 0.3575761, 0.1804375],
    [0.2126729, 0.7151522, 0.0721750],
    [0.0193339, 0.1191920, 0.9503041],
])
_WHITE = _RGB_TO_XYZ.sum(axis=1)
_XYZ_TO_RGB = np.linalg.solve(_RGB_TO_XYZ, np.eye(3))  # a 3 x 3 colour matrix, computed once
_DELTA = 6.0 / 29.0


class ColorSpace(StrEnum):
    """The colour features of a pixel (see the module docstring)."""

    RGB = "rgb"
    LAB = "lab"


#: Range of the colour features: positions are scaled by ``spatial_weight`` times this.
_SCALE = {ColorSpace.RGB: 1.0, ColorSpace.LAB: 100.0}
_NAMES = {ColorSpace.RGB: ("r", "g", "b"), ColorSpace.LAB: ("L", "a", "b")}


@dataclass(frozen=True, slots=True)
class FeatureSpec:
    """How a pixel becomes a row of features. Construction checks the values (``InputError``).

    Attributes
    ----------
    space : ColorSpace
    spatial_weight : float
        0 (default) for colour only; above 0 adds the pixel's position (see the module docstring).
    """

    space: ColorSpace = ColorSpace.RGB
    spatial_weight: float = 0.0

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "space", ColorSpace(self.space))
        except ValueError:
            raise InputError(f"unknown colour features {self.space!r}: choose rgb or lab.") from None
        weight = self.spatial_weight
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not math.isfinite(weight) or weight < 0:
            raise InputError(f"the spatial weight must be a number >= 0, not {weight!r}.")
        object.__setattr__(self, "spatial_weight", float(weight))

    @property
    def scale(self) -> float:
        """Range of the colour features (1 for rgb, 100 for lab)."""
        return _SCALE[self.space]

    @property
    def uses_position(self) -> bool:
        return self.spatial_weight > 0

    @property
    def feature_names(self) -> tuple[str, ...]:
        return _NAMES[self.space] + (("x", "y") if self.uses_position else ())

    @property
    def n_features(self) -> int:
        return len(self.feature_names)

    def to_block(self) -> dict[str, Any]:
        """The model file's ``image`` block: ``{"space", "scale", "spatial_weight", "n_features"}``."""
        return {"space": self.space.value, "scale": self.scale, "spatial_weight": self.spatial_weight,
                "n_features": self.n_features}

    @classmethod
    def from_model(cls, params: MixtureParams, extra: Mapping[str, Any], source: str = "the model") -> FeatureSpec:
        """The features a loaded model was fitted on, checked against its parameters.

        Parameters
        ----------
        params : MixtureParams
        extra : mapping
            ``LoadedModel.extra``: the model file's keys outside the format, where ``image`` lives.
        source : str
            What the model came from, for the message ("the model file m.json").

        Raises
        ------
        InputError
            If there is no usable ``image`` block, or it disagrees with the parameters.
        """
        block = extra.get(IMAGE_KEY)
        if not isinstance(block, Mapping):
            raise InputError(f"{source} was not fitted to a picture (it has no \"image\" block): fit one with "
                             "'segment --k K', or use 'predict' for data files.")
        try:
            spec = cls(block.get("space"), block.get("spatial_weight", 0.0))
        except InputError as error:
            raise InputError(f"{source} has an unusable \"image\" block: {error}") from None
        if params.n_features != spec.n_features:
            raise InputError(f"{source} has {params.n_features} features but its \"image\" block describes "
                             f"{spec.n_features} ({', '.join(spec.feature_names)}): it cannot segment a picture.")
        if block.get("scale", spec.scale) != spec.scale or block.get("n_features", spec.n_features) != spec.n_features:
            raise InputError(f"{source} has an \"image\" block this version cannot reproduce (scale "
                             f"{block.get('scale')!r}, n_features {block.get('n_features')!r} for {spec.space.value} "
                             f"features): fit the model again.")
        if params.n_components > MAX_COMPONENTS:
            raise InputError(f"{source} has {params.n_components} components, more than the {MAX_COMPONENTS} "
                             "segments a picture can have.")
        return spec


# --------------------------------------------------------------------------------------- colour spaces
def srgb_to_lab(rgb: NDArray[np.floating]) -> NDArray[np.float64]:
    """CIE L*a*b* (D65) of sRGB colours.

    Parameters
    ----------
    rgb : ndarray of shape (..., 3)
        sRGB values in [0, 1].

    Returns
    -------
    ndarray of shape (..., 3)
        L in [0, 100], a and b (pure red is about (53.24, 80.09, 67.20)).
    """
    return _xyz_to_lab(_linearise(np.asarray(rgb, dtype=np.float64)) @ _RGB_TO_XYZ.T)


def lab_to_srgb(lab: NDArray[np.floating]) -> NDArray[np.float64]:
    """sRGB colours of CIE L*a*b* (D65) values, clipped to the sRGB gamut.

    Parameters
    ----------
    lab : ndarray of shape (..., 3)

    Returns
    -------
    ndarray of shape (..., 3)
        Values in [0, 1].
    """
    lab = np.asarray(lab, dtype=np.float64)
    f_y = (lab[..., 0] + 16.0) / 116.0
    f = np.stack([f_y + lab[..., 1] / 500.0, f_y, f_y - lab[..., 2] / 200.0], axis=-1)
    xyz = np.where(f > _DELTA, f**3, 3.0 * _DELTA**2 * (f - 4.0 / 29.0)) * _WHITE
    linear = np.clip(xyz @ _XYZ_TO_RGB.T, 0.0, 1.0)
    return np.where(linear <= 0.0031308, 12.92 * linear, 1.055 * linear ** (1.0 / 2.4) - 0.055)


def _linearise(rgb: NDArray) -> NDArray:
    """sRGB's transfer function undone: gamma-encoded values in [0, 1] to linear light."""
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def _xyz_to_lab(xyz: NDArray) -> NDArray:
    t = xyz / _WHITE.astype(xyz.dtype)
    f = np.where(t > _DELTA**3, np.cbrt(t), t / (3.0 * _DELTA**2) + 4.0 / 29.0)
    return np.stack([116.0 * f[..., 1] - 16.0, 500.0 * (f[..., 0] - f[..., 1]), 200.0 * (f[..., 1] - f[..., 2])],
                    axis=-1)


@functools.lru_cache(maxsize=2)
def _linear_table(max_value: int) -> NDArray[np.float32]:
    """Linear light of every integer channel value 0..max_value, shape (max_value + 1,)."""
    table = _linearise(np.arange(max_value + 1, dtype=np.float64) / max_value).astype(np.float32)
    table.flags.writeable = False
    return table


def _rgb_features(colours: NDArray[np.unsignedinteger], max_value: int) -> NDArray[np.float32]:
    return colours.astype(np.float32) * np.float32(1.0 / max_value)


def _lab_features(colours: NDArray[np.unsignedinteger], max_value: int) -> NDArray[np.float32]:
    linear = _linear_table(max_value)[colours]  # (n, 3) float32
    return _xyz_to_lab(linear @ _RGB_TO_XYZ.T.astype(np.float32)).astype(np.float32, copy=False)


_COLOUR_FEATURES: dict[ColorSpace, Callable[[NDArray, int], NDArray[np.float32]]] = {
    ColorSpace.RGB: _rgb_features,
    ColorSpace.LAB: _lab_features,
}


# --------------------------------------------------------------------------------------------- features
def pixel_features(pixels: NDArray[np.unsignedinteger], spec: FeatureSpec,
                   indices: NDArray[np.intp] | None = None) -> NDArray[np.float32]:
    """Feature rows of a picture's pixels, built by blocks.

    Parameters
    ----------
    pixels : ndarray of shape (height, width, 3), uint8 or uint16
    spec : FeatureSpec
    indices : ndarray of shape (n_selected,), optional
        Flat pixel indices (``row * width + column``) to convert; all pixels when omitted.

    Returns
    -------
    X : ndarray of shape (n_pixels or n_selected, spec.n_features), float32
    """
    height, width = pixels.shape[:2]
    flat = pixels.reshape(-1, 3)
    max_value = int(np.iinfo(pixels.dtype).max)
    n_rows = flat.shape[0] if indices is None else len(indices)
    X = np.empty((n_rows, spec.n_features), dtype=np.float32)
    colour_features = _COLOUR_FEATURES[spec.space]
    position_factor = spec.spatial_weight * spec.scale / max(height, width, 1)
    for start in range(0, n_rows, BLOCK_PIXELS):
        stop = min(start + BLOCK_PIXELS, n_rows)
        where = np.arange(start, stop) if indices is None else indices[start:stop]
        X[start:stop, :3] = colour_features(flat[start:stop] if indices is None else flat[where], max_value)
        if spec.uses_position:
            row, column = np.divmod(where, width)
            X[start:stop, 3] = (column + 0.5) * position_factor
            X[start:stop, 4] = (row + 0.5) * position_factor
    return X


def sample_indices(n_pixels: int, sample_size: int, rng: np.random.Generator) -> NDArray[np.intp] | None:
    """A random sample of pixels to fit on, or ``None`` for all of them.

    Parameters
    ----------
    n_pixels : int
    sample_size : int
        0 means all pixels; so does a sample size of at least ``n_pixels``.
    rng : numpy.random.Generator

    Returns
    -------
    ndarray of shape (sample_size,), sorted flat indices, or None
    """
    if sample_size <= 0 or sample_size >= n_pixels:
        return None
    return np.sort(rng.choice(n_pixels, size=sample_size, replace=False))


# -------------------------------------------------------------------------------------------- fitting
def start_params(X: NDArray[np.floating], config: FitConfig, rng: np.random.Generator,
                 backend: ChunkedBackend | None = None) -> MixtureParams:
    """A robust start for EM on pixels: the best of several EM runs on a sample, run further.

    On at most ``INIT_SAMPLE`` random rows of ``X``: ``max(config.n_init, INIT_STARTS)`` EM runs, each
    from ``config.init`` (k-means++ by default; ``given`` just returns ``config.init_params``) until
    ``INIT_TOL`` or ``INIT_ITERATIONS``; the one with the highest log-likelihood then runs on until
    ``INIT_REFINE_TOL`` or ``INIT_REFINE_ITERATIONS``. Ranking converged runs, not fresh starts, is what
    avoids the poor optima one k-means++ start finds on some photographs; running the winner further on
    the sample is cheap and leaves EM on all pixels little to do (with ``tol = 1e-3`` EM creeps: it stops
    while a long slow climb is still ahead). The sample is small, so this takes about a second at most
    whatever the picture's size; ``config.tol`` and ``config.max_iter`` are left to the run on all pixels.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    config : FitConfig
    rng : numpy.random.Generator
    backend : ChunkedBackend, optional
        Over ``X``; used (instead of a sample) when ``X`` has at most ``INIT_SAMPLE`` rows.

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
    rows = sample_indices(X.shape[0], INIT_SAMPLE, rng)
    sample = X if rows is None else X[rows]
    if sample is not X and not _has_distinct_rows(sample, n_components):
        sample = X  # a few rare colours, all missed by the sample: start on every row
    if sample is not X or backend is None:
        # One thread and large chunks: on ~50 000 rows that is faster than sharing out small chunks.
        backend = ChunkedBackend(sample, dtype=np.float32, chunk_rows=_SAMPLE_CHUNK_ROWS)
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
        Features of the fitted pixels (all of them, or the sample).
    indices : ndarray of shape (n_fit,) or None
        Flat indices of the sampled pixels; None when every pixel is fitted.
    backend : ChunkedBackend
        float32 backend over ``X``; ``iterate_segmentation`` runs on it, and ``label_pixels`` reuses it
        when ``indices`` is None.
    config : FitConfig
        The run's settings: ``init="given"`` from the robust start, one start.
    requested : FitConfig
        The settings asked for (what a saved model records).
    """

    X: NDArray[np.float32]
    indices: NDArray[np.intp] | None
    backend: ChunkedBackend
    config: FitConfig
    requested: FitConfig


def prepare_fit(pixels: NDArray[np.unsignedinteger], spec: FeatureSpec, config: FitConfig,
                sample_size: int = DEFAULT_SAMPLE, rng: np.random.Generator | None = None) -> PixelFit:
    """Features of the pixels to fit, and a robust start (``start_params``).

    Parameters
    ----------
    pixels : ndarray of shape (height, width, 3), uint8 or uint16
    spec : FeatureSpec
    config : FitConfig
        ``n_components`` at most ``MAX_COMPONENTS``.
    sample_size : int
        Fit on this many random pixels when the picture has more; 0 fits on all pixels.
    rng : numpy.random.Generator, optional
        Defaults to ``numpy.random.default_rng(config.seed)``; the same generator then drives EM.

    Raises
    ------
    InputError
        If ``config.n_components`` is above ``MAX_COMPONENTS`` or the picture has fewer distinct colours
        (feature rows) than that.
    """
    if config.n_components > MAX_COMPONENTS:
        raise InputError(f"a picture can have at most {MAX_COMPONENTS} segments, not {config.n_components}: "
                         "use a smaller K.")
    rng = np.random.default_rng(config.seed) if rng is None else rng
    n_pixels = pixels.shape[0] * pixels.shape[1]
    indices = sample_indices(n_pixels, sample_size, rng)
    X = pixel_features(pixels, spec, indices)
    backend = ChunkedBackend(X, dtype=np.float32)
    start = start_params(X, config, rng, backend)
    run = dataclasses.replace(config, init=InitMethod.GIVEN, init_params=start, n_init=1)
    requested = config if config.init is InitMethod.GIVEN else dataclasses.replace(
        config, n_init=max(config.n_init, INIT_STARTS))
    return PixelFit(X, indices, backend, run, requested)


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
        Whether E snapshots carry the label of every fitted pixel (of ``plan.X``, not of the picture).

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
                 backend: ChunkedBackend | None = None) -> tuple[NDArray[np.uint8], float]:
    """Label every pixel with its most likely component, by chunks in float32.

    Parameters
    ----------
    pixels : ndarray of shape (height, width, 3), uint8 or uint16
    spec : FeatureSpec
        With ``spec.n_features == params.n_features``.
    params : MixtureParams
        At most ``MAX_COMPONENTS`` components.
    backend : ChunkedBackend, optional
        A backend over every pixel's features (``PixelFit.backend`` when nothing was sampled); built
        here otherwise.

    Returns
    -------
    labels : ndarray of shape (height, width), uint8
    mean_log_likelihood : float
        Mean log-likelihood per pixel under ``params``.
    """
    height, width = pixels.shape[:2]
    if backend is None:
        backend = ChunkedBackend(pixel_features(pixels, spec), dtype=np.float32)
    result = backend.e_step(params, with_labels=True)
    labels = result.labels.astype(np.uint8).reshape(height, width)
    return labels, result.mean_log_likelihood


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
        return segment_shares(self.labels, self.n_components)

    def model_extra(self) -> dict[str, Any]:
        """The ``extra`` argument of ``engine.io.model_json.save_model`` for this model: its ``image`` block."""
        return {IMAGE_KEY: self.spec.to_block()}


def segment_image(pixels: NDArray[np.unsignedinteger], spec: FeatureSpec, config: FitConfig,
                  sample_size: int = DEFAULT_SAMPLE, rng: np.random.Generator | None = None,
                  on_snapshot: Callable[[EMSnapshot], None] | None = None) -> Segmentation:
    """Fit a mixture to a picture's pixels and label every pixel (``prepare_fit``, EM, ``label_pixels``).

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
    params = snapshot.params
    all_pixels = plan.indices is None
    labels, mean_log_likelihood = label_pixels(pixels, spec, params, plan.backend if all_pixels else None)
    fit_mean = mean_log_likelihood if all_pixels else float(plan.backend.log_prob_norm(params).mean())
    fit_result = FitResult(params, snapshot.iteration, snapshot.converged, snapshot.history, fit_mean,
                           plan.X.shape[0], plan.requested, (fit_mean,))
    return _segmentation(params, spec, labels, mean_log_likelihood, fit_result)


def apply_model(pixels: NDArray[np.unsignedinteger], spec: FeatureSpec, params: MixtureParams) -> Segmentation:
    """Segment a picture with fitted parameters (no fitting): ``label_pixels`` as a ``Segmentation``.

    ``spec`` comes from ``FeatureSpec.from_model``, which checks it against ``params``.
    """
    labels, mean_log_likelihood = label_pixels(pixels, spec, params)
    return _segmentation(params, spec, labels, mean_log_likelihood, None)


def _segmentation(params, spec, labels, mean_log_likelihood, fit_result) -> Segmentation:
    labels.flags.writeable = False
    return Segmentation(params, spec, labels, float(mean_log_likelihood), fit_result)


# ------------------------------------------------------------------------------------------ rendering
class RenderMode(StrEnum):
    """How a segmented picture is drawn."""

    MEAN = "mean"  #: each pixel in its component's mean colour
    PALETTE = "palette"  #: each pixel in its component's colour from a fixed palette
    SOFT = "soft"  #: each pixel a blend of the components' mean colours, weighted by responsibility


#: Tableau 10 and darker relatives; further components get colours spread by the golden angle.
_PALETTE = np.array([
    (78, 121, 167), (242, 142, 43), (225, 87, 89), (118, 183, 178), (89, 161, 79),
    (237, 201, 72), (176, 122, 161), (255, 157, 167), (156, 117, 95), (121, 112, 108),
    (31, 69, 110), (180, 90, 10), (150, 30, 40), (40, 120, 115), (30, 100, 40),
    (170, 135, 10), (110, 55, 100), (200, 80, 120), (95, 65, 45), (60, 60, 60),
], dtype=np.uint8)


def palette_colours(n_components: int) -> NDArray[np.uint8]:
    """Distinct colours, shape (n_components, 3), uint8 RGB; the first 20 are a fixed qualitative palette."""
    if n_components <= len(_PALETTE):
        return _PALETTE[:n_components].copy()
    extra = np.arange(n_components - len(_PALETTE))
    hue = (extra * 0.618033988749895) % 1.0
    value = 0.55 + 0.4 * ((extra // 7) % 2)
    # HSV with saturation 0.7 to RGB: each channel is v * (1 - s * clip(|(6h + n) mod 6 - 3| - 1)).
    offsets = np.array([0.0, 4.0, 2.0])  # red, green, blue
    ramp = np.clip(np.abs((hue[:, None] * 6.0 + offsets) % 6.0 - 3.0) - 1.0, 0.0, 1.0)
    rgb = value[:, None] * (1.0 - 0.7 * (1.0 - ramp))
    return np.concatenate([_PALETTE, np.round(rgb * 255).astype(np.uint8)])


def mean_colours(params: MixtureParams, spec: FeatureSpec) -> NDArray[np.uint8]:
    """Each component's mean colour for display, shape (n_components, 3), uint8 RGB (Lab means converted)."""
    means = np.asarray(params.means[:, :3], dtype=np.float64)
    rgb = lab_to_srgb(means) if spec.space is ColorSpace.LAB else np.clip(means, 0.0, 1.0)
    return np.round(rgb * 255.0).astype(np.uint8)


def render_labels(labels: NDArray[np.integer], colours: NDArray[np.uint8]) -> NDArray[np.uint8]:
    """Each pixel painted in its segment's colour.

    Parameters
    ----------
    labels : ndarray of shape (height, width)
    colours : ndarray of shape (n_components, 3), uint8

    Returns
    -------
    ndarray of shape (height, width, 3), uint8
    """
    return np.asarray(colours, dtype=np.uint8)[labels]


def render_soft(pixels: NDArray[np.unsignedinteger], spec: FeatureSpec, params: MixtureParams,
                colours: NDArray[np.uint8]) -> NDArray[np.uint8]:
    """Each pixel a blend of ``colours`` weighted by its responsibilities, computed by blocks of pixels.

    Parameters
    ----------
    pixels : ndarray of shape (height, width, 3), uint8 or uint16
    spec : FeatureSpec
    params : MixtureParams
    colours : ndarray of shape (n_components, 3)

    Returns
    -------
    ndarray of shape (height, width, 3), uint8
    """
    height, width = pixels.shape[:2]
    n_pixels = height * width
    palette = np.asarray(colours, dtype=np.float32)
    out = np.empty((n_pixels, 3), dtype=np.uint8)
    for start in range(0, n_pixels, BLOCK_PIXELS):
        rows = np.arange(start, min(start + BLOCK_PIXELS, n_pixels))
        resp = ChunkedBackend(pixel_features(pixels, spec, rows), dtype=np.float32).responsibilities(params)
        out[rows] = np.clip(np.rint(resp.astype(np.float32) @ palette), 0, 255).astype(np.uint8)
    return out.reshape(height, width, 3)


def render(segmentation: Segmentation, pixels: NDArray[np.unsignedinteger],
           mode: RenderMode = RenderMode.MEAN) -> NDArray[np.uint8]:
    """The segmented picture drawn in ``mode``, shape (height, width, 3), uint8 RGB."""
    mode = RenderMode(mode)
    params, spec = segmentation.params, segmentation.spec
    if mode is RenderMode.SOFT:
        return render_soft(pixels, spec, params, mean_colours(params, spec))
    colours = mean_colours(params, spec) if mode is RenderMode.MEAN else palette_colours(params.n_components)
    return render_labels(segmentation.labels, colours)


def segment_shares(labels: NDArray[np.integer], n_components: int) -> NDArray[np.float64]:
    """Fraction of the pixels in each segment, shape (n_components,), summing to 1."""
    counts = np.bincount(np.ravel(labels), minlength=n_components)[:n_components]
    return counts / max(labels.size, 1)


def segment_mask(labels: NDArray[np.integer], component: int) -> NDArray[np.uint8]:
    """The pixels of one segment as a picture: 255 inside, 0 outside, shape (height, width), uint8."""
    return np.where(labels == component, np.uint8(255), np.uint8(0))


__all__ = [
    "DEFAULT_SAMPLE", "IMAGE_KEY", "INIT_ITERATIONS", "INIT_REFINE_ITERATIONS", "INIT_REFINE_TOL", "INIT_SAMPLE",
    "INIT_STARTS", "INIT_TOL", "MAX_COMPONENTS",
    "ColorSpace", "FeatureSpec", "PixelFit", "RenderMode", "Segmentation", "apply_model", "label_pixels",
    "lab_to_srgb", "mean_colours", "palette_colours", "pixel_features", "prepare_fit", "render", "render_labels",
    "render_soft", "sample_indices", "segment_image", "segment_mask", "segment_shares", "single_threaded_blas",
    "srgb_to_lab", "start_params", "iterate_segmentation",
]
