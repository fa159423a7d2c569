"""The one palette of component colours, shared by the window, the picture renderer and the exports.

Component ``k`` is drawn in ``palette_rgb(K)[k]`` everywhere: in the main window's canvas and legend,
in the Image window and in a segmented picture painted with the palette. The first 20 colours are a
fixed qualitative palette (Tableau 10, then darker relatives); further components get colours spread
around the hue circle by the golden angle, so even a K = 256 segmentation has distinct neighbours.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

#: Tableau 10 and darker relatives.
BASE_PALETTE = np.array([
    (78, 121, 167), (242, 142, 43), (225, 87, 89), (118, 183, 178), (89, 161, 79),
    (237, 201, 72), (176, 122, 161), (255, 157, 167), (156, 117, 95), (121, 112, 108),
    (31, 69, 110), (180, 90, 10), (150, 30, 40), (40, 120, 115), (30, 100, 40),
    (170, 135, 10), (110, 55, 100), (200, 80, 120), (95, 65, 45), (60, 60, 60),
], dtype=np.uint8)
BASE_PALETTE.flags.writeable = False

_GOLDEN = 0.618033988749895


def palette_rgb(n_components: int) -> NDArray[np.uint8]:
    """Distinct colours, shape (n_components, 3), uint8 RGB; the first 20 are ``BASE_PALETTE``."""
    if n_components <= len(BASE_PALETTE):
        return BASE_PALETTE[:n_components].copy()
    extra = np.arange(n_components - len(BASE_PALETTE))
    hue = (extra * _GOLDEN) % 1.0
    value = 0.55 + 0.4 * ((extra // 7) % 2)
    # HSV with saturation 0.7 to RGB: each channel is v * (1 - s * clip(|(6h + n) mod 6 - 3| - 1)).
    offsets = np.array([0.0, 4.0, 2.0])  # red, green, blue
    ramp = np.clip(np.abs((hue[:, None] * 6.0 + offsets) % 6.0 - 3.0) - 1.0, 0.0, 1.0)
    rgb = value[:, None] * (1.0 - 0.7 * (1.0 - ramp))
    return np.concatenate([BASE_PALETTE, np.round(rgb * 255).astype(np.uint8)])
