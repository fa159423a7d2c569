"""How a picture's pixels become rows of features (colour, optionally position).

A *picture* is an array of shape (height, width, 3), ``uint8`` or ``uint16`` RGB. Every pixel becomes one
row of features, in row-major pixel order (``row * width + column``):

rgb   R, G, B divided by the largest value of the dtype (255 or 65535), so each lies in [0, 1].
lab   CIE L*a*b* of the sRGB colour (D65 white): L in [0, 100], a and b roughly in [-128, 127].
x, y  added when ``spatial_weight > 0``: ``(column + 0.5) / longest_side`` and ``(row + 0.5) /
      longest_side``, both multiplied by ``spatial_weight * scale``. ``scale`` is the range of the
      colour features (1 for rgb, 100 for lab), so with a spatial weight of 1 crossing the picture's
      longer side weighs as much as going from black to white. Positions are isotropic (a circle stays
      a circle) and do not depend on the picture's size, so a model can label a picture of another size.

How the features were made travels with a saved model as its ``image`` block (``FeatureSpec.to_block``),
so the model can label another picture (``FeatureSpec.from_model``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import numpy as np
from numpy.typing import NDArray

from engine.errors import InputError
from engine.imaging.colour import linear_lab, linear_table
from engine.params import MixtureParams

#: Labels are uint8: at most this many segments.
MAX_COMPONENTS = 256
#: Pixels converted to features (or labelled, or blended) at a time: bounds temporary memory.
BLOCK_PIXELS = 1 << 18
#: Fit on every pixel up to this many, on a random sample of this many above (the default sample size of
#: ``engine.imaging.segmentation``; here so the ``segment`` command's options need no fitting engine).
DEFAULT_SAMPLE = 1_000_000
#: Key of the feature description in a saved model.
IMAGE_KEY = "image"
#: The largest spatial weight. Features are float32, and the start (k-means++) squares them: at a weight
#: W the positions reach W x 100 for Lab, whose squares overflow float32 (3.4e38) above W ~ 1e17, and a
#: picture with every feature overflowed looks like one colour. Already at W = 1 position weighs as much
#: as colour; 1e6 leaves colour no say at all, with squares of at most 1e16.
MAX_SPATIAL_WEIGHT = 1e6


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
        0 (default) for colour only; above 0 adds the pixel's position (see the module docstring). At
        most ``MAX_SPATIAL_WEIGHT``.
    """

    space: ColorSpace = ColorSpace.RGB
    spatial_weight: float = 0.0

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "space", ColorSpace(self.space))
        except ValueError:
            raise InputError(f"unknown colour features {self.space!r}: choose rgb or lab.") from None
        weight = self.spatial_weight
        if (isinstance(weight, bool) or not isinstance(weight, (int, float)) or not math.isfinite(weight)
                or not 0 <= weight <= MAX_SPATIAL_WEIGHT):
            raise InputError(f"the spatial weight must be a number >= 0 and at most {MAX_SPATIAL_WEIGHT:g}, not "
                             f"{weight!r}.")
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



def _rgb_features(colours: NDArray[np.unsignedinteger], max_value: int) -> NDArray[np.float32]:
    return colours.astype(np.float32) * np.float32(1.0 / max_value)


def _lab_features(colours: NDArray[np.unsignedinteger], max_value: int) -> NDArray[np.float32]:
    linear = linear_table(max_value)[colours]  # (n, 3) float32
    return linear_lab(linear).astype(np.float32, copy=False)


_COLOUR_FEATURES: dict[ColorSpace, Callable[[NDArray, int], NDArray[np.float32]]] = {
    ColorSpace.RGB: _rgb_features,
    ColorSpace.LAB: _lab_features,
}


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
