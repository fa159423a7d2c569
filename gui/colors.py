"""Component colours (from the one palette in ``engine.palette``), and the colour of a point from its responsibilities.

A point's colour mixes its components' colours in proportion to its responsibilities, so a point that
EM is unsure about is drawn in between the colours of the components that share it.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtGui import QBrush, QColor

from engine.palette import palette_rgb

#: Colour of points before the first E-step (no responsibilities yet).
UNASSIGNED = np.array((150, 150, 150), dtype=np.float32)
#: Text and axis colour on the white plot background.
FOREGROUND = (40, 40, 40)
#: Quantisation step of blended colours for the scatter path (8 levels per channel).
_BUCKET = 32


def component_colors(n_components: int) -> NDArray[np.float32]:
    """RGB colour of each component from the one palette (``engine.palette``), shape (n_components, 3), 0-255."""
    return palette_rgb(n_components).astype(np.float32)


def qcolor(component: int, alpha: int = 255) -> QColor:
    """The colour of ``component`` as a ``QColor``."""
    red, green, blue = (int(v) for v in palette_rgb(component + 1)[component])
    return QColor(red, green, blue, alpha)


def point_colors(
    n_points: int,
    n_components: int,
    labels: NDArray[np.integer] | None,
    resp: NDArray[np.floating] | None,
    resp_rows: NDArray[np.intp] | slice | None = None,
) -> NDArray[np.float32]:
    """RGB colour of every point, shape (n_points, 3).

    Parameters
    ----------
    n_points, n_components : int
    labels : ndarray of shape (n_points,) or None
        Hard labels; points get their component's colour. ``None`` gives every point the grey of
        "not assigned yet" (unless ``resp`` covers it).
    resp : ndarray of shape (n_rows, n_components) or None
        Responsibilities of the points at ``resp_rows``: those points get the blend of colours.
    resp_rows : ndarray of shape (n_rows,), slice or None
        Which points ``resp`` belongs to (all of them when None).
    """
    colors = component_colors(n_components)
    if labels is not None:
        out = colors[np.asarray(labels)]
    else:
        out = np.broadcast_to(UNASSIGNED, (n_points, 3)).copy()
    if resp is not None:
        out[slice(None) if resp_rows is None else resp_rows] = blend(np.asarray(resp, dtype=np.float32), colors)
    return out


def blend(resp: NDArray[np.floating], colors: NDArray[np.floating]) -> NDArray[np.floating]:
    """Each row's colours mixed by its responsibilities: ``resp @ colors``, shape (n_rows, 3).

    A row whose responsibilities are not all finite (an E-step under parameters far from the data can give
    NaN) gets the grey of ``UNASSIGNED``.

    Parameters
    ----------
    resp : ndarray of shape (n_rows, n_components)
    colors : ndarray of shape (n_components, 3)
    """
    with np.errstate(invalid="ignore", over="ignore"):
        mixed = resp @ colors
    broken = ~np.isfinite(mixed).all(axis=1)
    if broken.any():
        mixed[broken] = UNASSIGNED
    return mixed


class BrushTable:
    """QBrushes for many points with few distinct objects: colours are quantised to 8 levels a channel.

    pyqtgraph's scatter draws quickly when many points share one brush object; blended colours are
    rounded to the nearest of 512 colours, and each colour's brush is made once and reused.
    """

    def __init__(self, alpha: int = 230) -> None:
        self._alpha = alpha
        self._brushes: dict[int, QBrush] = {}

    def brushes(self, colors: NDArray[np.floating]) -> NDArray[np.object_]:
        """One brush per row of ``colors`` (shape (n, 3), 0-255; others are clipped, NaN is grey), as an object
        array of shape (n,)."""
        safe = np.nan_to_num(np.asarray(colors, dtype=np.float64), nan=float(UNASSIGNED[0]), posinf=255.0, neginf=0.0)
        levels = np.clip(safe // _BUCKET, 0, 255 // _BUCKET).astype(np.intp)
        keys = (levels[:, 0] * 8 + levels[:, 1]) * 8 + levels[:, 2]
        unique, inverse = np.unique(keys, return_inverse=True)
        table = np.empty(len(unique), dtype=object)
        for index, key in enumerate(unique.tolist()):
            brush = self._brushes.get(key)
            if brush is None:
                rgb = (((key // 64) * _BUCKET + _BUCKET // 2), ((key // 8 % 8) * _BUCKET + _BUCKET // 2),
                       ((key % 8) * _BUCKET + _BUCKET // 2))
                brush = self._brushes[key] = pg.mkBrush(*rgb, self._alpha)
            table[index] = brush
        return table[inverse.reshape(-1)]


def style_plot(plot: pg.PlotItem) -> None:
    """Dark axes and labels for a plot on a white background."""
    for name in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(FOREGROUND))
        axis.setTextPen(pg.mkPen(FOREGROUND))
