"""Covariances the chunked engine's expanded sums cannot give accurately, and how it sums them instead.

``engine.backends.expanded`` turns the sums ``R^T [z z^T, z, 1]`` into covariances as
``E_k[z z^T] - m_k m_k^T``. That difference carries a rounding error of about ``eps E_k[z_a z_b]``, which
is harmless unless the covariance is small against those second moments:

- a tight cluster far from the data's centre (a variance small against its own mean square);
- a near-singular component (fewer samples than dimensions, or samples on a line: an eigenvalue small
  against the mean squares), where ``reg_covar`` alone holds the smallest variances up;
- tight clusters far apart under a tied covariance (``X^T X - sum_k n_k m_k m_k^T`` cancels).

Such *fragile* components (``fragile_components``: below ``RECENTRE_BELOW``, six digits or fewer left)
get their mean and covariance from the moments of their rows about a centre instead (``add_scatter``):
each row's offset ``x - c`` is taken in the data's own coordinates, then standardised, so a tight group far
from the data's centre keeps its digits (a two-pass sum). To spare a second pass over the data, the E-step
*watches* the components the current parameters already say are fragile (``watched_components``) and sums
their moments about the current means in the same pass; ``covariances_from_watched`` moves them to the new
means (``S / n - d d^T``, accurate while the mean moved by less than one standard deviation in every
direction) and leaves any other fragile component to a second pass about the expanded sums' mean
(``recentred``).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from engine.backends.direct import EPS10
from engine.backends.expanded import feature_layout
from engine.covariance import FROM_FULL, CovarianceType
from engine.params import MixtureParams
from engine.stats import COLLAPSED_NK, SufficientStats

#: A covariance whose variance (or, for full and tied, smallest eigenvalue) is below this fraction of the
#: mean squares about the data's centre has lost ten or more of its sixteen digits to the expanded sums.
RECENTRE_BELOW = 1e-6

#: () -> (sum z of shape (n_features,), sum z z^T of shape (n_features, n_features)) over all the data.
Scatter = Callable[[], tuple[NDArray[np.float64], NDArray[np.float64]]]


def _fragile_covariances(covariances_z: NDArray, second_moments: NDArray, covariance_type: CovarianceType,
                         data_second_moment: Callable[[], float]) -> NDArray[np.bool_]:
    """Which of the (n_components, D, D) standardised covariances are fragile, given E_k[z_a^2] (n_components, D)."""
    variances = np.diagonal(covariances_z, axis1=1, axis2=2)
    if covariance_type is CovarianceType.TIED:
        pooled_smallest = np.linalg.eigvalsh(covariances_z[0])[0]
        return np.full(len(covariances_z), pooled_smallest < RECENTRE_BELOW * data_second_moment())
    fragile = np.any(variances < RECENTRE_BELOW * second_moments, axis=1)
    if covariance_type is CovarianceType.FULL:
        fragile |= np.linalg.eigvalsh(covariances_z)[:, 0] < RECENTRE_BELOW * second_moments.max(axis=1)
    return fragile


def _largest_data_second_moment(scatter: Scatter, n_samples: int) -> Callable[[], float]:
    return lambda: float(np.max(np.diag(scatter()[1]))) / max(n_samples, 1)


def fragile_components(sums: NDArray[np.float64], covariance_type: CovarianceType, n_features: int,
                       scatter: Scatter, n_samples: int, one_sample: float = 1.0) -> NDArray[np.intp]:
    """Components whose covariance the expanded sums give to six digits or fewer.

    Parameters
    ----------
    sums : ndarray of shape (n_components, n_quadratic + n_features + 1)
        ``R^T [quadratic, z, 1]`` of an E-step.
    covariance_type : CovarianceType
    n_features : int
    scatter : callable
        ``sum z`` and ``sum z z^T`` over the data (tied covariances only).
    n_samples : int
    one_sample : float
        The weight of one sample (``engine.weights.sample_unit`` of the rows' weights; 1 without them).

    Returns
    -------
    ndarray of shape (n_fragile,)
        For tied covariances every component or none (their scatters are pooled). Components the M-step
        re-seeds anyway (below ``COLLAPSED_NK`` samples' worth of responsibility, ``engine.stats.m_step``)
        are left out; every other one is kept, however little it holds: a component holding half a row of
        a tight, distant group keeps a covariance near that group's, which the expanded sums lose.
    """
    layout = feature_layout(covariance_type, n_features)
    q, d = layout.n_quadratic, n_features
    nk = sums[:, -1] + EPS10
    means_z = sums[:, q:q + d] / nk[:, None]
    if covariance_type is CovarianceType.TIED:
        _, total_scatter = scatter()
        pooled = (total_scatter - (nk[:, None] * means_z).T @ means_z) / nk.sum()
        covariances_z, second_moments = pooled[None], np.zeros((1, d))
    else:
        second = np.zeros((len(nk), d, d))
        second[:, layout.pairs_a, layout.pairs_b] = sums[:, :q] / nk[:, None]
        second[:, layout.pairs_b, layout.pairs_a] = sums[:, :q] / nk[:, None]
        covariances_z = second - means_z[:, :, None] * means_z[:, None, :]
        second_moments = np.diagonal(second, axis1=1, axis2=2)
    fragile = _fragile_covariances(covariances_z, second_moments, covariance_type,
                                   _largest_data_second_moment(scatter, n_samples))
    if covariance_type is CovarianceType.TIED:
        return np.arange(len(nk)) if fragile[0] else np.empty(0, dtype=np.intp)
    return np.flatnonzero(fragile & (sums[:, -1] >= COLLAPSED_NK * one_sample))


def watched_components(params: MixtureParams, shift: NDArray[np.float64], scale: NDArray[np.float64],
                       scatter: Scatter, n_samples: int) -> tuple[NDArray[np.intp], NDArray[np.float64]]:
    """Components the parameters themselves say are fragile, and their means (the data's coordinates).

    The same test as ``fragile_components``, on the parameters' covariances (``reg_covar`` included) and
    means: an E-step sums these components' scatter about those means as it goes.

    Returns
    -------
    watched : ndarray of shape (n_watched,)
    centres : ndarray of shape (n_watched, n_features)
    """
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # data a fit refuses (spread 1e-322)
        means_z = (params.means - shift) / scale
        covariances_z = params.full_covariances() / np.outer(scale, scale)
        second_moments = np.diagonal(covariances_z, axis1=1, axis2=2) + means_z**2
        fragile = _fragile_covariances(covariances_z, second_moments, params.covariance_type,
                                       _largest_data_second_moment(scatter, n_samples))
    watched = np.flatnonzero(fragile)
    return watched, np.asarray(params.means, dtype=np.float64)[watched]


def add_scatter(moments: NDArray[np.float64], rows: NDArray, weights: Callable[[int], NDArray],
                components: NDArray[np.intp], centres: NDArray[np.float64], scale: NDArray[np.float64]) -> None:
    """Add the rows' weighted moments about each component's centre to ``moments`` (n_components, D + 1, D + 1),
    in place, in standardised units: with ``u_i = [z_i - c_k, 1]``, ``sum_i w_ik u_i u_i^T`` (the scatter,
    the first moment and the weight; ``about_means`` turns them into a mean and a covariance).

    Each ``z_i - c_k`` is ``(x_i - c_k) / scale``, from the row and the centre in the data's own coordinates:
    a component far from the data's centre keeps its rows' digits (from the standardised rows, each rounded
    once already, a tight group at 1e6 kept its covariance to 6e-9 of itself).

    Parameters
    ----------
    rows : ndarray of shape (n_rows, n_features)
        The rows, in the data's coordinates.
    weights : callable (k) -> ndarray of shape (n_rows,)
        Component ``k``'s responsibilities of the rows.
    components, centres : the components (n,) and their centres (n, n_features), in the data's coordinates
    scale : ndarray of shape (n_features,)
        The standardisation's scale.
    """
    n_rows, n_features = rows.shape
    augmented = np.ones((n_rows, n_features + 1))
    for slot, (k, centre) in enumerate(zip(components, centres, strict=True)):
        diff = augmented[:, :n_features]
        np.subtract(rows, centre, out=diff, dtype=np.float64)
        diff /= scale
        weighted = augmented * np.asarray(weights(k), dtype=np.float64)[:, None]
        moments[slot] += np.dot(weighted.T, augmented)  # dot: the lock is released


def new_moments(n_components: int, n_features: int) -> NDArray[np.float64]:
    """Zeros for ``add_scatter``'s moments of ``n_components`` components."""
    return np.zeros((n_components, n_features + 1, n_features + 1))


def about_means(moments: NDArray[np.float64]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """From moments about centres (``add_scatter``), each component's mean's offset from its centre ``d`` (n, D)
    and its covariance about that mean (n, D, D), ``S / n - d d^T``, in standardised units."""
    n_features = moments.shape[1] - 1
    # A component without rows (a tied covariance recentres every component) has all-zero moments: zero offset and
    # scatter, as its expanded sums give, for the M-step to re-seed, not 0 / 0.
    weight = moments[:, n_features, n_features]
    weight = np.where(weight > 0, weight, 1.0)
    offsets = moments[:, :n_features, n_features] / weight[:, None]
    scatters = moments[:, :n_features, :n_features] / weight[:, None, None]
    covariances = scatters - offsets[:, :, None] * offsets[:, None, :]
    return offsets, covariances


def with_covariances_about_means(stats: SufficientStats, components: NDArray[np.intp],
                                 covariances_z: NDArray[np.float64], scale: NDArray[np.float64],
                                 means: NDArray[np.float64]) -> SufficientStats:
    """``stats`` with the means of ``components`` replaced by ``means`` (n, D) and their covariances by
    ``covariances_z`` (n, D, D), about those means in standardised coordinates; for tied covariances
    ``components`` is every component and ``covariances_z`` holds their scatters divided by ``n_k``, pooled here."""
    scaled = np.outer(scale, scale)
    new_means = stats.means.copy()
    new_means[components] = means
    if stats.covariance_type is CovarianceType.TIED:
        pooled = np.tensordot(stats.nk, covariances_z, axes=1) / stats.nk.sum() * scaled
        return SufficientStats(stats.covariance_type, stats.nk, new_means, pooled)
    covariances = stats.covariances.copy()
    covariances[components] = FROM_FULL[stats.covariance_type](covariances_z * scaled, None)
    return SufficientStats(stats.covariance_type, stats.nk, new_means, covariances)


def recentred(stats: SufficientStats, components: NDArray[np.intp], centres: NDArray[np.float64],
              moments: NDArray[np.float64], scale: NDArray[np.float64]) -> SufficientStats:
    """``stats`` with the means and covariances of ``components`` from their moments about ``centres`` (the data's
    coordinates, shape (n, D); ``add_scatter``): each mean is its centre plus the rows' mean offset from it, so
    it too keeps the digits the expanded sums lose."""
    offsets, covariances = about_means(moments)
    return with_covariances_about_means(stats, components, covariances, scale, centres + offsets * scale)


def covariances_from_watched(stats: SufficientStats, fragile: NDArray[np.intp], watched: NDArray[np.intp],
                             centres: NDArray[np.float64], moments: NDArray[np.float64],
                             scale: NDArray[np.float64]) -> tuple[SufficientStats, NDArray[np.intp]]:
    """Fragile means and covariances from the moments the E-step summed about the watched components' old means.

    About the new mean ``m`` the scatter is ``S / n - d d^T`` with ``d = m - c``, the move from the old
    mean ``c`` (``about_means``). That keeps its digits while ``d^T C^-1 d <= 1`` (the mean moved by at most
    one standard deviation in every direction); components that moved further, or were not watched, are
    returned for a second pass.

    Returns
    -------
    stats : SufficientStats
    remaining : ndarray of shape (n_remaining,)
        Fragile components still to be summed about their means.
    """
    slots = {int(k): slot for slot, k in enumerate(watched)}
    usable = np.array([k for k in fragile if int(k) in slots], dtype=np.intp)
    tied = stats.covariance_type is CovarianceType.TIED
    if not usable.size or (tied and usable.size < fragile.size):
        return stats, fragile
    index = np.array([slots[int(k)] for k in usable])
    moves, covariances = about_means(moments[index])
    if tied:
        pooled = np.tensordot(stats.nk, covariances, axes=1) / stats.nk.sum()
        if not all(_within_one_deviation(move, pooled) for move in moves):
            return stats, fragile
        return recentred(stats, usable, centres[index], moments[index], scale), np.empty(0, dtype=np.intp)
    small_move = np.array([_within_one_deviation(move, covariance)
                           for move, covariance in zip(moves, covariances, strict=True)])
    stats = recentred(stats, usable[small_move], centres[index][small_move], moments[index][small_move], scale)
    return stats, np.setdiff1d(fragile, usable[small_move])


def _within_one_deviation(move: NDArray[np.float64], covariance: NDArray[np.float64]) -> bool:
    """``move^T covariance^-1 move <= 1`` (False for a covariance that is not positive definite)."""
    eigenvalues, eigenvectors = np.linalg.eigh(covariance)
    if not eigenvalues[0] > 0.0:
        return False
    return float(np.sum((eigenvectors.T @ move) ** 2 / eigenvalues)) <= 1.0
