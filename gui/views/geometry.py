"""Turning mixture parameters into things to draw: ellipse outlines, density grids, contour segments.

Densities come from ``engine.density`` (the engine's own formulas); this module only lays out grids
and outlines for the plots.
"""

from __future__ import annotations

import weakref

import numpy as np
from numpy.typing import NDArray

from engine.density import log_gaussian_prob
from engine.params import MixtureParams

#: Largest size (absolute value) of a coordinate the window draws. Up to it, every range with its margins,
#: every span and every bound pyqtgraph and Qt compute stays finite (a double reaches 1.8e308); data or a
#: model beyond it is refused with a dialog (see ``largest_size``).
MAX_DRAWN = 1e300
#: Points on each ellipse outline (the first is repeated at the end to close it).
ELLIPSE_POINTS = 97
_ANGLES = np.linspace(0.0, 2.0 * np.pi, ELLIPSE_POINTS)
_UNIT_CIRCLE = np.stack([np.cos(_ANGLES), np.sin(_ANGLES)])  # (2, ELLIPSE_POINTS)


def ellipse_outlines(
    means: NDArray[np.floating], covariances: NDArray[np.floating], radii: tuple[float, ...]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Outlines of each component's ellipses at the given numbers of standard deviations.

    The ellipse at radius ``r`` is ``{x : (x - mu)^T Sigma^-1 (x - mu) = r^2}``, traced as
    ``mu + r V sqrt(L) u`` for ``u`` on the unit circle, where ``Sigma = V L V^T``.

    Parameters
    ----------
    means : ndarray of shape (n_components, 2)
    covariances : ndarray of shape (n_components, 2, 2)
    radii : tuple of float
        Mahalanobis radii, for instance ``(1, 2)``.

    Returns
    -------
    x, y : ndarray of shape (n_components, len(radii) * (ELLIPSE_POINTS + 1))
        One row per component: the rings one after another, each followed by a NaN (draw with
        ``connect="finite"``); all NaN for a covariance that is not finite.
    """
    means = np.asarray(means, dtype=float)
    covariances = np.asarray(covariances, dtype=float)
    usable = np.isfinite(covariances).all(axis=(1, 2))  # an infinite or NaN covariance has no outline to draw
    covariances = np.where(usable[:, None, None], covariances, np.eye(covariances.shape[-1]))
    variances, vectors = np.linalg.eigh(covariances)
    axes = vectors * np.sqrt(np.clip(variances, 0.0, None))[:, None, :]  # (K, 2, 2), columns scaled
    unit = axes @ _UNIT_CIRCLE  # (K, 2, ELLIPSE_POINTS): the ring at r = 1, about the origin
    n_components = len(means)
    gap = np.full((n_components, 1), np.nan)
    xs, ys = [], []
    hidden = np.where(usable, 0.0, np.nan)[:, None]  # NaN: not drawn (the curves connect finite points only)
    for radius in radii:
        xs += [means[:, :1] + radius * unit[:, 0] + hidden, gap]
        ys += [means[:, 1:] + radius * unit[:, 1] + hidden, gap]
    return np.concatenate(xs, axis=1), np.concatenate(ys, axis=1)


def largest_size(values: NDArray[np.floating]) -> float:
    """The largest absolute value in ``values`` (shape (n, d) or (n,)), inf if one is not finite; 0 if empty.

    Column by column, without a copy of the array (a reduction over axis 0 of an (n, d) array, or ``abs`` of
    it, costs far more for a million rows): about 2.5 ms for a million rows of 2 features. The answer for the
    last read-only array asked about is kept, since the window asks about a new data set's array (read-only,
    see ``engine.io.tables.Dataset``) at each of its checks.
    """
    global _last_size
    values = np.asarray(values, dtype=float)
    if not values.flags.writeable and _last_size is not None and _last_size[0]() is values:
        return _last_size[1]
    size = _largest_size(values)
    if not values.flags.writeable:
        _last_size = (weakref.ref(values), size)
    return size


#: The last read-only array ``largest_size`` measured (weakly held) and its answer.
_last_size: tuple[weakref.ref, float] | None = None


def _largest_size(values: NDArray[np.float64]) -> float:
    if values.size == 0:
        return 0.0
    columns = values.reshape(len(values), -1) if values.ndim else values.reshape(1, 1)
    largest = 0.0
    for column in columns.T:
        if len(column):
            low, high = float(column.min()), float(column.max())
            if not (np.isfinite(low) and np.isfinite(high)):
                return float("inf")
            largest = max(largest, -low, high)
    return largest


def weighted_densities(points: NDArray[np.floating], params: MixtureParams) -> NDArray[np.float64]:
    """``weight_k * N(x | mean_k, cov_k)`` at each point, for each component, from the factors ``params`` carries.

    Parameters
    ----------
    points : ndarray of shape (n_points, n_features)
    params : MixtureParams
        With ``n_features`` features: a snapshot's own parameters (its ``precisions_chol`` are used as they
        are, nothing is factorised here), or a projection's (``gui.views.projection.Projection.mixture``).

    Returns
    -------
    ndarray of shape (n_points, n_components)
    """
    with np.errstate(under="ignore", over="ignore", invalid="ignore"):
        densities = np.exp(log_gaussian_prob(np.asarray(points, dtype=float), params)) * params.weights
    # A component very far from the points overflows its squared distances: its density there is 0.
    return np.where(np.isfinite(densities), densities, 0.0)


def grid_points(x_range: tuple[float, float], y_range: tuple[float, float], shape: tuple[int, int]) -> NDArray:
    """Centres of a ``shape = (rows, columns)`` grid of cells over the rectangle, row-major, (rows * columns, 2).

    Row 0 is the bottom row (smallest y), matching an ``ImageItem`` in row-major order.
    """
    rows, columns = shape
    x_step = (x_range[1] - x_range[0]) / columns
    y_step = (y_range[1] - y_range[0]) / rows
    x = x_range[0] + (np.arange(columns) + 0.5) * x_step
    y = y_range[0] + (np.arange(rows) + 0.5) * y_step
    grid_x, grid_y = np.meshgrid(x, y)
    return np.column_stack([grid_x.ravel(), grid_y.ravel()])


def contour_levels(field: NDArray[np.floating], n_levels: int = 7) -> NDArray[np.float64]:
    """Levels at the maximum of ``field`` divided by 2, 4, 8, ... (each contour halves the density)."""
    top = float(np.nanmax(field)) if field.size else 0.0
    if not np.isfinite(top) or top <= 0.0:
        return np.empty(0)
    return top * 0.5 ** np.arange(1, n_levels + 1)


def contour_segments(
    field: NDArray[np.floating], levels: NDArray[np.floating], x_range: tuple[float, float],
    y_range: tuple[float, float],
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Line segments of the contours of a gridded field (marching squares, vectorised).

    Parameters
    ----------
    field : ndarray of shape (rows, columns)
        Values at the cell centres of ``grid_points(x_range, y_range, field.shape)``.
    levels : ndarray of shape (n_levels,)
    x_range, y_range : tuple of float

    Returns
    -------
    x, y : ndarray of shape (2 * n_segments,)
        Segment end points in pairs (draw with ``connect="pairs"``).
    """
    rows, columns = field.shape
    x_step = (x_range[1] - x_range[0]) / columns
    y_step = (y_range[1] - y_range[0]) / rows
    # Corners of a cell of the grid of centres, in order round it: bottom-left, bottom-right, top-right,
    # top-left, as (row, column) offsets; edge e joins corner e to corner e + 1.
    offsets = np.array([(0, 0), (0, 1), (1, 1), (1, 0)])
    xs, ys = [], []
    for level in levels:
        above = field >= level
        corner_above = [above[r : rows - 1 + r, c : columns - 1 + c] for r, c in offsets]
        crossed_any = np.zeros_like(corner_above[0])
        for edge in range(4):
            crossed_any |= corner_above[edge] != corner_above[(edge + 1) % 4]
        cell_rows, cell_columns = np.nonzero(crossed_any)  # only the few cells a contour passes through
        values = np.stack([field[cell_rows + r, cell_columns + c] for r, c in offsets], axis=1)  # (n, 4)
        start, end = values, np.roll(values, -1, axis=1)
        hit = (start >= level) != (end >= level)
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.where(hit, (level - start) / (end - start), 0.0)
        start_offsets, end_offsets = offsets, np.roll(offsets, -1, axis=0)
        cross_rows = cell_rows[:, None] + start_offsets[:, 0] + t * (end_offsets[:, 0] - start_offsets[:, 0])
        cross_columns = cell_columns[:, None] + start_offsets[:, 1] + t * (end_offsets[:, 1] - start_offsets[:, 1])
        # A crossed cell has 2 (or, at a saddle, 4) crossings, listed edge by edge: pair them in order.
        xs.append(cross_columns[hit])
        ys.append(cross_rows[hit])
    x = np.concatenate(xs) if xs else np.empty(0)
    y = np.concatenate(ys) if ys else np.empty(0)
    return x_range[0] + (x + 0.5) * x_step, y_range[0] + (y + 0.5) * y_step


def histogram(values: NDArray[np.floating], max_bins: int = 80) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Density-normalised histogram of 1-D data.

    The Freedman-Diaconis bin width, with between ``min(20, sqrt(n))`` and ``max_bins`` bins, so that
    smooth mixtures show their shape without the bars turning into noise.

    Returns
    -------
    edges : ndarray of shape (n_bins + 1,)
    heights : ndarray of shape (n_bins,)
    """
    values = np.asarray(values, dtype=float).ravel()
    suggested = len(np.histogram_bin_edges(values, bins="fd")) - 1
    n_bins = int(np.clip(suggested, min(20, max(1, int(np.sqrt(len(values))))), max_bins))
    heights, edges = np.histogram(values, bins=n_bins, density=True)
    return edges, heights
