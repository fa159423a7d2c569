"""The expanded form of the log-densities that ``engine.backends.chunked`` computes by matrix products.

For a row standardised as ``z = (x - shift) / scale``, every component's log-density

    log w_k + log N(x | k) = c_k - 1/2 z^T A_k z + z^T A_k m_k - 1/2 m_k^T A_k m_k

(``A_k`` the component's precision and ``m_k`` its mean, both in standardised coordinates) is linear in
the *features* ``[z_a z_b (a <= b), z, 1]``: one row of *coefficients* per component. This module holds
what depends on the covariance type, one table each, as in ``engine.covariance``:

``PAIRS``                 which products ``z_a z_b`` a type needs (full: a <= b, diag and spherical:
                          the squares, tied: none, since ``z^T A z`` is the same for every component)
``PRECISION_TERMS``       the quadratic and linear coefficients of a type's precisions
``COVARIANCES_FROM_SUMS`` the M-step's covariances from the sums ``R^T [quadratic, z, 1]`` of a chunk

``feature_coefficients`` and ``stats_from_sums`` put them together for the backend.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from engine.backends.direct import EPS10
from engine.covariance import LOG_DET_PRECISIONS_CHOL, CovarianceType
from engine.density import LOG_2PI
from engine.params import MixtureParams
from engine.stats import SufficientStats

#: Expanded log-density terms above this would cancel away more than seven digits: such components
#: are whitened directly instead (see ``expanded_terms_bound``).
EXPANDED_TERMS_UP_TO = 1e8

#: A function returning ``sum z`` of shape (n_features,) and ``sum z z^T`` of shape (n_features, n_features)
#: over the whole data (computed once by the backend; only tied covariances need it).
Scatter = Callable[[], tuple[NDArray[np.float64], NDArray[np.float64]]]


@dataclass(frozen=True, slots=True)
class Layout:
    """Which features a covariance type needs: pairs (a, b) of the quadratic block ``z_a z_b``."""

    pairs_a: NDArray[np.intp]
    pairs_b: NDArray[np.intp]
    #: The same pairs as runs ``(first_row, a, a_step, b, count)``: rows ``first_row`` on are ``z_a' z_b'`` for
    #: ``b' = b, b + 1, ...`` and ``a' = a + a_step * i`` (``a_step`` 0: one feature times a range; 1: squares),
    #: so that a chunk's quadratic features take one product per run (full: one per feature; diagonal: one).
    runs: tuple[tuple[int, int, int, int, int], ...]

    @property
    def n_quadratic(self) -> int:
        return len(self.pairs_a)


def _pairs_full(n_features: int) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    return np.triu_indices(n_features)


def _pairs_none(n_features: int) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    empty = np.empty(0, dtype=np.intp)
    return empty, empty


def _pairs_squares(n_features: int) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    squares = np.arange(n_features)
    return squares, squares


#: n_features -> the index pairs (a, b) of the quadratic features, two arrays of shape (n_quadratic,).
PAIRS: dict[CovarianceType, Callable[[int], tuple[NDArray[np.intp], NDArray[np.intp]]]] = {
    CovarianceType.FULL: _pairs_full,
    CovarianceType.TIED: _pairs_none,
    CovarianceType.DIAG: _pairs_squares,
    CovarianceType.SPHERICAL: _pairs_squares,
}


@functools.lru_cache(maxsize=64)
def feature_layout(covariance_type: CovarianceType, n_features: int) -> Layout:
    """The features a covariance type needs in ``n_features`` dimensions (made once per type and size)."""
    pairs_a, pairs_b = (np.array(pairs, dtype=np.intp) for pairs in PAIRS[covariance_type](n_features))
    pairs_a.flags.writeable = False
    pairs_b.flags.writeable = False
    return Layout(pairs_a, pairs_b, _runs(pairs_a, pairs_b))


def _runs(pairs_a: NDArray[np.intp], pairs_b: NDArray[np.intp]) -> tuple[tuple[int, int, int, int, int], ...]:
    """``Layout.runs`` of the pairs (in their order)."""
    runs: list[tuple[int, int, int, int, int]] = []
    for row, (a, b) in enumerate(zip(pairs_a.tolist(), pairs_b.tolist(), strict=True)):
        if runs:
            first_row, first_a, a_step, first_b, count = runs[-1]
            if b == first_b + count and (count == 1 and a - first_a in (0, 1) or a == first_a + a_step * count):
                runs[-1] = (first_row, first_a, a - first_a if count == 1 else a_step, first_b, count + 1)
                continue
        runs.append((row, a, 0, b, 1))
    return tuple(runs)


@dataclass(frozen=True, slots=True)
class PrecisionTerms:
    """What a type's precisions contribute to the coefficients, in standardised coordinates.

    Attributes
    ----------
    quadratic : ndarray of shape (n_components, n_quadratic)
        Coefficients of the quadratic features (``-A_ab`` off the diagonal, ``-A_aa / 2`` on it).
    linear : ndarray of shape (n_components, n_features)
        ``A_k m_k``, the coefficients of ``z``.
    whitened_means : ndarray of shape (n_components, n_features)
        ``U_k^T m_k`` with ``A_k = U_k U_k^T``, so ``m_k^T A_k m_k = |U_k^T m_k|^2``.
    whiteners : ndarray of shape (n_components, n_features, n_features)
        ``U_k^T`` of each component (to compute a row directly; for tied, the shared one K times).
    tied_whitener : ndarray of shape (n_features, n_features) or None
        For tied, the shared ``U`` with ``z^T A z = |U^T z|^2``; None for the other types.
    """

    quadratic: NDArray[np.float64]
    linear: NDArray[np.float64]
    whitened_means: NDArray[np.float64]
    whiteners: NDArray[np.float64]
    tied_whitener: NDArray[np.float64] | None


def _terms_full(precisions_chol: NDArray, scale: NDArray, means_z: NDArray, pairs: Layout) -> PrecisionTerms:
    chol_z = precisions_chol * scale[None, :, None]  # U_z = S U, per component
    precisions_z = chol_z @ np.swapaxes(chol_z, 1, 2)
    off_diagonal = np.where(pairs.pairs_a == pairs.pairs_b, 0.5, 1.0)
    return PrecisionTerms(
        quadratic=-precisions_z[:, pairs.pairs_a, pairs.pairs_b] * off_diagonal,
        linear=np.einsum("kab,kb->ka", precisions_z, means_z),
        whitened_means=np.einsum("kab,ka->kb", chol_z, means_z),
        whiteners=np.swapaxes(chol_z, 1, 2),
        tied_whitener=None,
    )


def _terms_tied(precisions_chol: NDArray, scale: NDArray, means_z: NDArray, pairs: Layout) -> PrecisionTerms:
    tied_whitener = precisions_chol * scale[:, None]
    precision_z = tied_whitener @ tied_whitener.T
    return PrecisionTerms(
        quadratic=np.zeros((len(means_z), 0)),
        linear=means_z @ precision_z,
        whitened_means=means_z @ tied_whitener,
        whiteners=np.broadcast_to(tied_whitener.T, (len(means_z),) + tied_whitener.shape),
        tied_whitener=tied_whitener,
    )


def _terms_scaled(scales_z: NDArray, means_z: NDArray) -> PrecisionTerms:
    """Terms of diagonal precisions ``diag(scales_z[k])**2``, ``scales_z`` of shape (n_components, n_features)."""
    precisions_z = scales_z**2
    return PrecisionTerms(
        quadratic=-0.5 * precisions_z,
        linear=precisions_z * means_z,
        whitened_means=scales_z * means_z,
        whiteners=scales_z[:, :, None] * np.eye(means_z.shape[1]),
        tied_whitener=None,
    )


def _terms_diag(precisions_chol: NDArray, scale: NDArray, means_z: NDArray, pairs: Layout) -> PrecisionTerms:
    return _terms_scaled(precisions_chol * scale, means_z)


def _terms_spherical(precisions_chol: NDArray, scale: NDArray, means_z: NDArray, pairs: Layout) -> PrecisionTerms:
    return _terms_scaled(precisions_chol[:, None] * scale[None, :], means_z)


#: (precisions_chol, scale of shape (n_features,), means_z of shape (n_components, n_features), layout)
#: -> the precisions' terms in standardised coordinates (``U_z = S U``).
PRECISION_TERMS: dict[CovarianceType, Callable[[NDArray, NDArray, NDArray, Layout], PrecisionTerms]] = {
    CovarianceType.FULL: _terms_full,
    CovarianceType.TIED: _terms_tied,
    CovarianceType.DIAG: _terms_diag,
    CovarianceType.SPHERICAL: _terms_spherical,
}


@dataclass(frozen=True, slots=True)
class Coefficients:
    """Per-component coefficients of the features, for one set of parameters.

    Attributes
    ----------
    weights_matrix : ndarray of shape (n_components, n_quadratic + n_features + 1)
        ``log w_k + log N(x | k)`` is ``weights_matrix @ features`` (minus the tied term); the rows of
        ``exact`` and ``absent`` components are zero (they are filled in separately).
    tied_whitener : ndarray of shape (n_features, n_features) or None
        For tied covariances computed by features, ``U_z^T`` with ``z^T A z = |U_z^T z|^2``.
    exact : tuple of (k, whitener, mean_z, constant)
        Components whose expanded terms are too large to cancel accurately (``expanded_terms_bound``) or
        not finite: their row is computed directly as ``constant - |whitener (z - mean_z)|^2 / 2``. For
        tied covariances either every component is here or none is.
    absent : tuple of int
        Components of weight 0: their row is -inf.
    params : MixtureParams or None
        The parameters, for the rows that no double-precision expansion holds (far points): the backend
        computes those with ``engine.density.limit_log_resp_and_norm``.
    """

    weights_matrix: NDArray
    tied_whitener: NDArray | None
    exact: tuple = ()
    absent: tuple[int, ...] = ()
    params: MixtureParams | None = None


def expanded_terms_bound(whiteners: NDArray, means_z: NDArray, reach: float) -> NDArray[np.float64]:
    """A bound on the terms whose sum is each component's expanded ``(z - m)^T A (z - m) / 2``.

    With ``A = U U^T``, the features' terms ``A_ab z_a z_b``, ``A_ab z_a m_b`` and ``A_ab m_a m_b`` add up in
    absolute value to at most ``trace(A) (|z| + |m|)^2`` (Cauchy-Schwarz), and ``trace(A) = |U|_F^2``. Their
    rounding error is ``eps`` times that, whatever the (small) result: a near-singular component (large
    ``trace(A)``) or one far from the centre (large ``|m|``) loses digits even on its own samples.

    Parameters
    ----------
    whiteners : ndarray of shape (n_components, n_features, n_features)
        ``U_k^T`` in standardised coordinates.
    means_z : ndarray of shape (n_components, n_features)
    reach : float
        The largest ``|z|`` over the data.

    Returns
    -------
    ndarray of shape (n_components,)
        ``trace(A_k) (reach + |m_k|)^2 / 2``; inf or NaN where the terms themselves do not fit a double.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        trace = np.einsum("kab,kab->k", whiteners, whiteners)
        return 0.5 * trace * (reach + np.sqrt(np.einsum("kd,kd->k", means_z, means_z))) ** 2


def feature_coefficients(params: MixtureParams, shift: NDArray[np.float64], scale: NDArray[np.float64],
                         dtype: np.dtype, reach: float = 0.0) -> Coefficients:
    """Feature coefficients of ``log w_k + log N(x | k)`` in the coordinates ``z = (x - shift) / scale``.

    Parameters
    ----------
    params : MixtureParams
    shift, scale : ndarray of shape (n_features,)
    dtype : numpy dtype
        Of the coefficients (that of the backend's standardised data).
    reach : float
        The largest ``|z|`` over the rows these coefficients will meet (see ``expanded_terms_bound``).
    """
    covariance_type, d = params.covariance_type, params.n_features
    pairs = feature_layout(covariance_type, d)
    log_det = LOG_DET_PRECISIONS_CHOL[covariance_type](params.precisions_chol, d)
    # A variance of 5e-324 makes precisions of 1e323 and more, and data of spread 1e-322 puts ordinary means
    # at z = 1e322: infinite terms, whose components are whitened directly below (and rows beyond any double
    # go to the backend's limit path).
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        means_z = (params.means - shift) / scale
        # log det of the data-space factor: the standardisation's Jacobian and U_z = S U cancel.
        constant = np.log(params.weights) + log_det - 0.5 * d * LOG_2PI
        terms = PRECISION_TERMS[covariance_type](params.precisions_chol, scale, means_z, pairs)
        expanded = 0.5 * np.einsum("kd,kd->k", terms.whitened_means, terms.whitened_means)
        matrix = np.zeros((params.n_components, pairs.n_quadratic + d + 1))
        matrix[:, : pairs.n_quadratic] = terms.quadratic
        matrix[:, pairs.n_quadratic: pairs.n_quadratic + d] = terms.linear
        matrix[:, -1] = constant - expanded
    absent = ~(constant > -np.inf)
    bound = expanded_terms_bound(terms.whiteners, means_z, reach)
    exact = ~absent & (~(bound <= EXPANDED_TERMS_UP_TO) | ~np.isfinite(matrix).all(axis=1))
    tied_whitener = None
    if covariance_type is CovarianceType.TIED:
        if exact.any():  # the tied term is shared: all by features, or all directly
            exact = ~absent
        else:
            tied_whitener = np.ascontiguousarray(terms.tied_whitener.T, dtype=dtype)
    matrix[exact | absent] = 0.0
    with np.errstate(over="ignore"):  # float32 cannot hold every float64 coefficient: those rows fail over
        exact_rows = tuple((int(k), np.asarray(terms.whiteners[k], dtype=dtype), means_z[k].astype(dtype),
                            float(constant[k])) for k in np.flatnonzero(exact))
        matrix = matrix.astype(dtype)
    return Coefficients(matrix, tied_whitener, exact_rows, tuple(np.flatnonzero(absent).tolist()), params)


def _covariances_full(quadratic_sums: NDArray, nk: NDArray, means_z: NDArray, pairs: Layout, scale: NDArray,
                      scatter: Scatter) -> NDArray:
    second = np.zeros((len(nk), len(scale), len(scale)))
    second[:, pairs.pairs_a, pairs.pairs_b] = quadratic_sums
    second[:, pairs.pairs_b, pairs.pairs_a] = quadratic_sums
    return (second / nk[:, None, None] - means_z[:, :, None] * means_z[:, None, :]) * np.outer(scale, scale)


def _covariances_tied(quadratic_sums: NDArray, nk: NDArray, means_z: NDArray, pairs: Layout, scale: NDArray,
                      scatter: Scatter) -> NDArray:
    _, total_scatter = scatter()
    return (total_scatter - (nk[:, None] * means_z).T @ means_z) / nk.sum() * np.outer(scale, scale)


def _covariances_diag(quadratic_sums: NDArray, nk: NDArray, means_z: NDArray, pairs: Layout, scale: NDArray,
                      scatter: Scatter) -> NDArray:
    return (quadratic_sums / nk[:, None] - means_z**2) * scale**2


def _covariances_spherical(quadratic_sums: NDArray, nk: NDArray, means_z: NDArray, pairs: Layout, scale: NDArray,
                           scatter: Scatter) -> NDArray:
    return _covariances_diag(quadratic_sums, nk, means_z, pairs, scale, scatter).mean(axis=1)


#: (quadratic_sums of shape (n_components, n_quadratic), nk of shape (n_components,), means_z of shape
#: (n_components, n_features), layout, scale of shape (n_features,), scatter) -> the covariances about the
#: means, in the data's coordinates, shaped for the type (expanded sums: see ``ChunkedBackend`` for when
#: they are summed again about each mean).
COVARIANCES_FROM_SUMS: dict[CovarianceType, Callable[[NDArray, NDArray, NDArray, Layout, NDArray, Scatter],
                                                     NDArray]] = {
    CovarianceType.FULL: _covariances_full,
    CovarianceType.TIED: _covariances_tied,
    CovarianceType.DIAG: _covariances_diag,
    CovarianceType.SPHERICAL: _covariances_spherical,
}


def stats_from_sums(sums: NDArray[np.float64], covariance_type: CovarianceType, shift: NDArray[np.float64],
                    scale: NDArray[np.float64], scatter: Scatter) -> SufficientStats:
    """M-step statistics in the data's coordinates from the sums ``R^T [quadratic, z, 1]``.

    Parameters
    ----------
    sums : ndarray of shape (n_components, n_quadratic + n_features + 1)
    covariance_type : CovarianceType
    shift, scale : ndarray of shape (n_features,)
        The standardisation ``z = (x - shift) / scale``.
    scatter : callable
        ``sum z`` and ``sum z z^T`` over the whole data (called for tied covariances only).
    """
    d = len(scale)
    pairs = feature_layout(covariance_type, d)
    q = pairs.n_quadratic
    nk = sums[:, -1] + EPS10
    means_z = sums[:, q:q + d] / nk[:, None]
    means = shift + means_z * scale
    covariances = COVARIANCES_FROM_SUMS[covariance_type](sums[:, :q], nk, means_z, pairs, scale, scatter)
    return SufficientStats(covariance_type, nk, means, covariances)
