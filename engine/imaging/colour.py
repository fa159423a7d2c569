"""sRGB and CIE L*a*b* (D65): the colour spaces pixels are fitted in.

All functions work on arrays of shape (..., 3) and trust their input. sRGB values are gamma-encoded in
[0, 1]; L is in [0, 100] and white is exactly (100, 0, 0).
"""

from __future__ import annotations

import functools

import numpy as np
from numpy.typing import NDArray

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



def linear_lab(linear: NDArray[np.floating]) -> NDArray[np.floating]:
    """CIE L*a*b* of linear-light sRGB values, shape (..., 3), in the input's float precision."""
    return _xyz_to_lab(linear @ _RGB_TO_XYZ.T.astype(linear.dtype))


def linear_table(max_value: int) -> NDArray[np.float32]:
    """Linear light of every integer channel value 0..max_value, shape (max_value + 1,), read-only."""
    return _linear_table(max_value)
