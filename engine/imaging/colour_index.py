"""Pictures by their distinct colours: when the features depend on the colour only, fit and label each
distinct colour once, weighted by how many pixels have it, and map the answers back to the pixels.

A 4-megapixel photograph has about half a million distinct colours, a 0.27-megapixel one under 100 000:
EM on the colours with their counts as sample weights (``engine.weights``) is exactly EM on every pixel
(the same sums, added in another order: the parameters agree to rounding, ``tests/test_colour_index.py``
holds them to 1e-10), and labelling a colour labels all of its pixels. The ``ColourIndex`` of a picture
holds its distinct colours, their counts and each pixel's colour; for 8-bit pictures it is built from
the colours packed into 24 bits, with a bit table over all 2^24 of them (no sort), by blocks of pixels.

The distinct colours' features are computed in float32, as every pixel's are (``pixel_features``), and
fitted and labelled in float64: the colours are few, so double precision costs less than single
precision on every pixel did.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from engine.backends.chunked import ChunkedBackend
from engine.imaging.features import BLOCK_PIXELS, FeatureSpec, pixel_features
from engine.imaging.picture import check_pixels
from engine.params import MixtureParams

#: 8-bit RGB packed into 24 bits: a presence table and a bit table over every colour.
_COLOURS_24 = 1 << 24


@dataclass(frozen=True, slots=True)
class ColourIndex:
    """A picture's (or some of its pixels') distinct colours and the way back to the pixels.

    Attributes
    ----------
    colours : ndarray of shape (n_colours, 3), the pixels' dtype (uint8 or uint16)
        The distinct colours, in increasing order of their packed value.
    counts : ndarray of shape (n_colours,), float64
        How many of the pixels have each colour (all at least 1).
    inverse : ndarray of shape (n_pixels,), uint32
        Each pixel's colour: ``colours[inverse]`` are the pixels.
    """

    colours: NDArray[np.unsignedinteger]
    counts: NDArray[np.float64]
    inverse: NDArray[np.uint32]

    @property
    def n_colours(self) -> int:
        return len(self.colours)

    @property
    def n_pixels(self) -> int:
        return len(self.inverse)

    def features(self, spec: FeatureSpec) -> NDArray[np.float32]:
        """The colours' feature rows, shape (n_colours, spec.n_features): each pixel's row is the row of its
        colour (``spec`` must not use positions)."""
        return pixel_features(self.colours.reshape(-1, 1, 3), spec)


def colour_index(pixels: NDArray[np.unsignedinteger], indices: NDArray[np.intp] | None = None) -> ColourIndex:
    """The distinct colours of a picture's pixels (or of the pixels at flat ``indices``) and their counts.

    Parameters
    ----------
    pixels : ndarray of shape (height, width, 3), uint8 or uint16
    indices : ndarray of shape (n_selected,), optional
        Flat pixel indices (``row * width + column``); all pixels when omitted.

    Raises
    ------
    InputError
        If ``pixels`` are not of that shape and type (``engine.imaging.picture.check_pixels``).
    """
    check_pixels(pixels)
    flat = pixels.reshape(-1, 3)
    if indices is not None:
        flat = flat[indices]
    if flat.dtype == np.uint8:
        return _index_24_bits(flat)
    packed = (flat[:, 0].astype(np.uint64) << 32) | (flat[:, 1].astype(np.uint64) << 16) | flat[:, 2]
    codes, inverse, counts = np.unique(packed, return_inverse=True, return_counts=True)
    colours = np.column_stack([codes >> 32, (codes >> 16) & 0xFFFF, codes & 0xFFFF]).astype(flat.dtype)
    return ColourIndex(colours, counts.astype(np.float64), inverse.astype(np.uint32))


def _packed_24(block: NDArray[np.uint8]) -> NDArray[np.uint32]:
    """8-bit RGB rows of shape (n, 3) as ``r << 16 | g << 8 | b``, shape (n,)."""
    packed = block[:, 0].astype(np.uint32) << 16
    packed |= block[:, 1].astype(np.uint32) << 8
    packed |= block[:, 2]
    return packed


def _index_24_bits(flat: NDArray[np.uint8]) -> ColourIndex:
    """``ColourIndex`` of 8-bit RGB rows of shape (n_pixels, 3), by a bit per colour over all 2^24 of them.

    A colour's row is its rank among the present colours: the present colours below its 64-bit word of
    the bit table (a running count per word) plus the bits set below its own in that word. The tables
    (2 MB of bits, 1 MB of counts) stay in the cache, where a lookup table of every colour's row (64 MB,
    as this was first made) cost 100 ms of page faults and cache misses on a 4-megapixel photograph.
    """
    n_pixels = len(flat)
    present = np.zeros(_COLOURS_24, dtype=np.bool_)
    inverse = np.empty(n_pixels, dtype=np.uint32)  # first each pixel's packed colour, then its colour's row
    for start in range(0, n_pixels, BLOCK_PIXELS):
        packed = inverse[start:start + BLOCK_PIXELS]
        packed[:] = _packed_24(flat[start:start + BLOCK_PIXELS])
        present[packed] = True
    codes = np.flatnonzero(present).astype(np.uint32)
    # bit b of word w is colour 64 w + b: little-endian bits in little-endian words, whatever the machine
    words = np.packbits(present, bitorder="little").view(np.dtype("<u8"))
    del present
    # present colours below each word, less one (uint32 arithmetic wraps: word 0's -1 plus its count is right)
    below_word = np.empty(len(words), dtype=np.uint32)
    below_word[0] = np.uint32(0xFFFFFFFF)
    np.cumsum(np.bitwise_count(words[:-1]), out=below_word[1:])
    below_word[1:] -= 1
    for start in range(0, n_pixels, BLOCK_PIXELS):
        packed = inverse[start:start + BLOCK_PIXELS]
        word = packed >> 6
        # the colour's own bit moved to the top: what is left counts it and the present colours below it
        up_to_own = words.take(word)
        np.left_shift(up_to_own, 63 - (packed & 63).astype(np.uint64), out=up_to_own)
        np.add(below_word.take(word), np.bitwise_count(up_to_own), out=packed)
    counts = np.bincount(inverse, minlength=len(codes)).astype(np.float64)
    colours = np.column_stack([codes >> 16, (codes >> 8) & 0xFF, codes & 0xFF]).astype(np.uint8)
    return ColourIndex(colours, counts, inverse)


def gather(table: NDArray, indices: NDArray[np.integer]) -> NDArray:
    """``table[indices]`` for a 1-D ``table`` and ``indices`` of any shape, by ``take`` on blocks of
    ``BLOCK_PIXELS``: about twice as fast as indexing, and numpy's intp copy of the indices (32 MB for a
    4-megapixel picture in one piece) stays one block's."""
    flat = indices.reshape(-1)
    out = np.empty(flat.shape, dtype=table.dtype)
    for start in range(0, len(flat), BLOCK_PIXELS):
        np.take(table, flat[start:start + BLOCK_PIXELS], out=out[start:start + BLOCK_PIXELS])
    return out.reshape(indices.shape)


class PictureLabeller:
    """Labels (and the log-likelihood per pixel) of every pixel of a picture under any parameters.

    Colour-only features go through the picture's ``ColourIndex``: a float64 ``ChunkedBackend`` over the
    distinct colours, weighted by their counts, labels each colour once. Features with positions are
    labelled pixel by pixel (a float32 ``ChunkedBackend`` over every pixel's features, in float64).

    Parameters
    ----------
    pixels : ndarray of shape (height, width, 3), uint8 or uint16
    spec : FeatureSpec
    index : ColourIndex, optional
        The picture's, when already made (colour-only features).
    backend : ChunkedBackend, optional
        Over ``index.features(spec)`` weighted by ``index.counts`` (or, with positions, over every pixel's
        features), when already made.
    """

    def __init__(self, pixels: NDArray[np.unsignedinteger], spec: FeatureSpec, index: ColourIndex | None = None,
                 backend: ChunkedBackend | None = None) -> None:
        check_pixels(pixels)
        self.shape = pixels.shape[:2]
        self.index = None if spec.uses_position else (colour_index(pixels) if index is None else index)
        if backend is None:
            if self.index is None:
                backend = ChunkedBackend(pixel_features(pixels, spec), dtype=np.float32)
            else:
                backend = ChunkedBackend(self.index.features(spec), sample_weight=self.index.counts)
        self.backend = backend

    def labels(self, params: MixtureParams) -> NDArray[np.uint8]:
        """Every pixel's most likely component, shape (height, width), uint8 (what a preview draws: in the
        backend's precision)."""
        labels = self.backend.labels(params)
        if self.index is None:
            return labels.astype(np.uint8).reshape(self.shape)
        return self._to_pixels(labels)

    def labels_and_mean_log_likelihood(self, params: MixtureParams) -> tuple[NDArray[np.uint8], float]:
        """``labels`` and the mean log-likelihood per pixel, from one pass over the colours (or pixels)."""
        labels, log_prob_norm = self.backend.labels_and_log_prob_norm(params)
        if self.index is None:
            return labels.astype(np.uint8).reshape(self.shape), float(log_prob_norm.mean())
        # numpy's own (pairwise) sum, not BLAS's dot: that one summed in another order on a worker thread
        # than on the main thread, so the window's model and the segment command's differed in the last digit.
        mean = float(np.add.reduce(self.index.counts * log_prob_norm) / self.index.n_pixels)
        return self._to_pixels(labels), mean

    def _to_pixels(self, colour_labels: NDArray[np.integer]) -> NDArray[np.uint8]:
        return gather(colour_labels.astype(np.uint8), self.index.inverse).reshape(self.shape)
