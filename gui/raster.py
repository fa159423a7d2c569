"""Drawing many points as one image: each point is splatted into a pixel grid of the view with numpy.

Per-point brushes in a scatter plot cost milliseconds per thousand points; here a frame is a few
``np.bincount`` calls whatever the number of points. The pixel of every point is worked out once per
view (range or size change); a new snapshot only changes the colours. A pixel's colour is the mean of
its points' colours, so where components overlap the pixels mix their colours too.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

#: Screen pixels per raster pixel along each axis.
RASTER_PIXEL = 2
#: Below this many points each point also covers its four neighbouring raster pixels (a small "+").
SPLAT_BELOW = 30_000
_PLUS = np.array([(0, 0), (1, 0), (-1, 0), (0, 1), (0, -1)])
_DOT = np.array([(0, 0)])


class PointRaster:
    """Pixel positions of a fixed set of points in the current view, and images of them in given colours."""

    def __init__(self) -> None:
        self._points = np.empty((0, 2))
        self._pixels = np.empty(0, dtype=np.intp)  # flat pixel index of each (point, splat offset) inside
        self._sources = np.empty(0, dtype=np.intp)  # the point each entry of _pixels belongs to
        self._counts = np.empty(0)
        self._shape = (1, 1)
        self.rect = (0.0, 0.0, 1.0, 1.0)

    def set_points(self, points: NDArray[np.floating]) -> None:
        """The points to draw, shape (n_points, 2); call ``layout`` next."""
        self._points = np.asarray(points, dtype=float)

    def layout(self, x_range: tuple[float, float], y_range: tuple[float, float], width: int, height: int) -> None:
        """Place the points in a ``height`` x ``width`` image covering the ranges (row 0 at the bottom)."""
        width, height = max(1, width), max(1, height)
        self._shape = (height, width)
        self.rect = (x_range[0], y_range[0], x_range[1] - x_range[0], y_range[1] - y_range[0])
        scale_x = width / max(self.rect[2], np.finfo(float).tiny)
        scale_y = height / max(self.rect[3], np.finfo(float).tiny)
        columns = np.floor((self._points[:, 0] - x_range[0]) * scale_x).astype(np.intp)
        rows = np.floor((self._points[:, 1] - y_range[0]) * scale_y).astype(np.intp)
        kernel = _PLUS if len(self._points) < SPLAT_BELOW else _DOT
        sources = np.arange(len(self._points), dtype=np.intp)
        if len(kernel) > 1:
            columns = (columns[None, :] + kernel[:, :1]).ravel()
            rows = (rows[None, :] + kernel[:, 1:]).ravel()
            sources = np.tile(sources, len(kernel))
        inside = (columns >= 0) & (columns < width) & (rows >= 0) & (rows < height)
        self._pixels = rows[inside] * width + columns[inside]
        self._sources = sources[inside]
        self._counts = np.bincount(self._pixels, minlength=width * height).astype(np.float64)

    def render(self, colors: NDArray[np.floating]) -> NDArray[np.uint8]:
        """An RGBA image, shape (height, width, 4), of the points in ``colors`` (shape (n_points, 3), 0-255)."""
        height, width = self._shape
        image = np.zeros((height * width, 4), dtype=np.uint8)
        colors = np.asarray(colors, dtype=np.float64)[self._sources]
        covered = self._counts > 0
        counts = self._counts[covered]
        for channel in range(3):
            sums = np.bincount(self._pixels, weights=colors[:, channel], minlength=height * width)
            image[covered, channel] = (sums[covered] / counts).astype(np.uint8)
        # A lone point is slightly see-through; a pixel with several points is opaque.
        image[covered, 3] = np.minimum(255.0, 150.0 + 50.0 * counts).astype(np.uint8)
        return image.reshape(height, width, 4)
