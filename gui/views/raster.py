"""Drawing many points as one image: each point is splatted into a pixel grid of the view with numpy.

Per-point brushes in a scatter plot cost milliseconds per thousand points; here a frame is a few
``np.bincount`` calls whatever the number of points. The pixel of every point is worked out once per
view (range or size change); a new snapshot only changes the colours. A pixel's colour is the mean of
its points' colours, so where components overlap the pixels mix their colours too.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from gui.colors import UNASSIGNED, blend, component_colors

#: Screen pixels per raster pixel along each axis.
RASTER_PIXEL = 2
#: Below this many points each point covers 2 x 2 raster pixels (a dot of 4 x 4 screen pixels).
SPLAT_BELOW = 30_000
_BLOCK = np.array([(0, 0), (1, 0), (0, 1), (1, 1)])


class PointRaster:
    """Pixel positions of a fixed set of points in the current view, and images of them in given colours."""

    def __init__(self) -> None:
        self._points = np.empty((0, 2))
        self._covered = np.empty(0, dtype=np.intp)  # flat index of every pixel that has a point
        self._slots = np.empty(0, dtype=np.intp)  # for each (point, splat offset) inside: its covered pixel
        self._sources = np.empty(0, dtype=np.intp)  # the point each entry of _slots belongs to
        self._counts = np.empty(0)  # points per covered pixel
        self._view_rows: NDArray[np.intp] | None = None
        self._view_entries = np.empty(0, dtype=np.intp)  # entries of _slots whose point is a view row
        self._view_positions = np.empty(0, dtype=np.intp)  # that point's row in the responsibilities
        self._shape = (1, 1)
        self.rect = (0.0, 0.0, 1.0, 1.0)

    def set_points(self, points: NDArray[np.floating], view_rows: NDArray[np.intp] | None = None) -> None:
        """The points to draw, shape (n_points, 2), and the rows responsibilities come for (None: all).

        Call ``layout`` next.
        """
        self._points = np.asarray(points, dtype=float)
        self._view_rows = view_rows

    def layout(self, x_range: tuple[float, float], y_range: tuple[float, float], width: int, height: int) -> None:
        """Place the points in a ``height`` x ``width`` image covering the ranges (row 0 at the bottom)."""
        width, height = max(1, width), max(1, height)
        self._shape = (height, width)
        self.rect = (x_range[0], y_range[0], x_range[1] - x_range[0], y_range[1] - y_range[0])
        scale = (width / max(self.rect[2], np.finfo(float).tiny), height / max(self.rect[3], np.finfo(float).tiny))
        if len(self._points) < SPLAT_BELOW:
            sources, pixels = self._splat(scale, width, height)
        else:
            sources, pixels = self._dots(scale, width, height)
        # Sums are taken over the covered pixels only: entry i adds to covered pixel _slots[i].
        counts = np.bincount(pixels, minlength=width * height)
        self._covered = np.flatnonzero(counts)
        slot_of_pixel = np.zeros(width * height, dtype=np.intp)
        slot_of_pixel[self._covered] = np.arange(len(self._covered))
        self._slots = slot_of_pixel[pixels]
        self._sources = sources
        self._counts = counts[self._covered].astype(np.float64)
        if self._view_rows is not None:
            self._view_entries, self._view_positions = self._view_entries_of(sources)

    def _cells(self, scale: tuple[float, float], shift: float) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """Each point's raster column and row, as whole floats (n_points,) each.

        A million points are laid out again after every pan or zoom, on the main thread, so this works column
        by column and in place: numpy's loops over an (n, 2) array's short rows are several times slower.
        """
        cells = []
        for axis, low in enumerate((self.rect[0], self.rect[1])):
            values = self._points[:, axis] - low
            values *= scale[axis]
            if shift:
                values -= shift
            cells.append(np.floor(values, out=values))
        return cells[0], cells[1]

    def _dots(self, scale: tuple[float, float], width: int, height: int) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
        """One raster pixel per point: the points inside (sorted) and their pixels."""
        columns, rows = self._cells(scale, 0.0)
        sources = np.flatnonzero((columns >= 0) & (columns < width) & (rows >= 0) & (rows < height))
        pixels = rows.take(sources) * width + columns.take(sources)  # exact: whole floats below 2**53
        return sources, pixels.astype(np.intp)

    def _splat(self, scale: tuple[float, float], width: int, height: int) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
        """A 2 x 2 block of raster pixels per point, centred on it: each entry's point and pixel."""
        columns, rows = (cell.astype(np.intp) for cell in self._cells(scale, 0.5))
        columns = (columns[None, :] + _BLOCK[:, :1]).ravel()
        rows = (rows[None, :] + _BLOCK[:, 1:]).ravel()
        sources = np.tile(np.arange(len(self._points), dtype=np.intp), len(_BLOCK))
        inside = (columns >= 0) & (columns < width) & (rows >= 0) & (rows < height)
        return sources[inside], rows[inside] * width + columns[inside]

    def _view_entries_of(self, sources: NDArray[np.intp]) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
        """The entries whose point is a view row, and that point's position among the view rows."""
        view_rows = self._view_rows
        if len(sources) and np.all(sources[1:] > sources[:-1]):  # one entry per point, in order: search
            where = np.minimum(np.searchsorted(sources, view_rows), len(sources) - 1)
            hit = sources[where] == view_rows
            return where[hit], np.flatnonzero(hit)
        position = np.full(len(self._points), -1, dtype=np.intp)
        position[view_rows] = np.arange(len(view_rows))
        entry_positions = position[sources]
        entries = np.flatnonzero(entry_positions >= 0)
        return entries, entry_positions[entries]

    def render(self, n_components: int, labels: NDArray[np.integer] | None,
               resp: NDArray[np.floating] | None) -> NDArray[np.uint8]:
        """An RGBA image, shape (height, width, 4), of the points coloured by component.

        Parameters
        ----------
        n_components : int
        labels : ndarray of shape (n_points,) or None
            Hard labels of all points; None draws every point grey (nothing assigned yet).
        resp : ndarray of shape (n_view, n_components) or None
            Responsibilities of the view rows given to ``set_points``; their points get blended colours.
        """
        height, width = self._shape
        if labels is None:
            rgb = np.broadcast_to(UNASSIGNED, (len(self._covered), 3))
        else:
            rgb = self._color_sums(n_components, np.asarray(labels), resp) / self._counts[:, None]
        image = np.zeros((height * width, 4), dtype=np.uint8)
        image[self._covered, :3] = np.clip(rgb, 0, 255).astype(np.uint8)
        # A lone point is slightly see-through; a pixel with several points is opaque.
        image[self._covered, 3] = np.minimum(255.0, 150.0 + 50.0 * self._counts).astype(np.uint8)
        return image.reshape(height, width, 4)

    def _color_sums(self, n_components: int, labels: NDArray[np.integer],
                    resp: NDArray[np.floating] | None) -> NDArray[np.float64]:
        """Per covered pixel, the sum of its points' RGB colours: shape (n_covered, 3)."""
        palette = component_colors(n_components).astype(np.float64)
        n_covered = len(self._covered)
        if resp is not None and self._view_rows is None:  # every point has responsibilities
            return self._sum_rgb(self._slots, blend(resp, palette)[self._sources], n_covered)
        entry_labels = labels[self._sources]
        counts = np.bincount(self._slots * n_components + entry_labels, minlength=n_covered * n_components)
        sums = counts.reshape(n_covered, n_components) @ palette
        if resp is not None:  # swap the label colours of the view rows for their blended colours
            labels_view = entry_labels[self._view_entries]
            delta = blend(resp, palette)[self._view_positions] - palette[labels_view]
            sums += self._sum_rgb(self._slots[self._view_entries], delta, n_covered)
        return sums

    @staticmethod
    def _sum_rgb(slots: NDArray[np.intp], rgb: NDArray[np.float64], n_covered: int) -> NDArray[np.float64]:
        return np.stack([np.bincount(slots, weights=rgb[:, c], minlength=n_covered) for c in range(3)], axis=1)
