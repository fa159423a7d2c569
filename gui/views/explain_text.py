"""The Explain panel's and the tooltips' texts: every number of a half-step written out, without widgets.

Only formatting: the numbers come from the engine (a snapshot's parameters and statistics, the hovered
point's densities and responsibilities computed by ``engine.density`` and ``engine.model``). Texts are
translated in the context "Explain" and formatted after translating.

- ``component_tip``: a component's weight, mean and covariance (sigma in 1-D), for a mean's tooltip.
- ``e_step_html``: r_ik = pi_k N(x_i | mu_k, Sigma_k) / sum_j ... with the hovered point's numbers.
- ``m_step_html``: N_k, pi_k, mu_k and Sigma_k (sigma_k in 1-D) of one component, before -> after, each
  locked quantity saying it is locked.
- ``stop_text``: why a run stopped (the change below tol at an iteration, or max_iter reached).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QCoreApplication

from engine.covariance import CovarianceType
from engine.em import EMSnapshot, StopReason
from engine.locks import CovarianceLock, Locks
from engine.params import MixtureParams
from engine.stats import SufficientStats


def _tr(text: str) -> str:
    return QCoreApplication.translate("Explain", text)


def number(value: float) -> str:
    """A number as the panel writes it: four significant digits."""
    return f"{value:.4g}"


def short(value: float) -> str:
    """A small positive number in short scientific notation: 8.9e-4, 1e-3, 3e-11 (0 as 0)."""
    if value == 0 or not np.isfinite(value):
        return f"{value:g}"
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa.rstrip('0').rstrip('.')}e{int(exponent)}"


#: Vectors longer than this are written with their first ``VECTOR_HEAD`` values, an ellipsis and the last one, and
#: matrices wider than ``MATRIX_SHOWN`` by their diagonal: the panels redraw with every frame, and writing out
#: every covariance of 200 features (and laying the texts out) stalled the window for seconds a frame.
VECTOR_SHOWN = 8
VECTOR_HEAD = 6
MATRIX_SHOWN = 6


def vector(values: NDArray[np.floating]) -> str:
    """A vector (n,) as ``(a, b, ...)``; past ``VECTOR_SHOWN`` values as ``(a, b, c, d, e, f, …, z)``."""
    values = np.ravel(values)
    if len(values) > VECTOR_SHOWN:
        shown = [number(float(v)) for v in values[:VECTOR_HEAD]] + ["…", number(float(values[-1]))]
        return "(" + ", ".join(shown) + ")"
    return "(" + ", ".join(number(float(v)) for v in values) + ")"


def matrix(values: NDArray[np.floating]) -> str:
    """A square matrix (d, d) as ``[[a, b], [c, d]]``; past ``MATRIX_SHOWN`` rows its diagonal, ``diag(a, ...)``."""
    if len(values) > MATRIX_SHOWN:
        return "diag" + vector(np.diagonal(values))
    return "[" + ", ".join("[" + ", ".join(number(float(v)) for v in row) + "]" for row in values) + "]"


def spread(params: MixtureParams, component: int) -> tuple[str, str]:
    """The name and value of a component's spread: ``σ`` in 1-D, else its full covariance ``Σ``."""
    covariance = params.full_covariances()[component]
    if params.n_features == 1:
        return "σ", number(float(np.sqrt(covariance[0, 0])))
    return "Σ", matrix(covariance)


def component_tip(params: MixtureParams, component: int) -> str:
    """A mean's tooltip: the component's number, weight, mean and covariance (or sigma), as plain text."""
    name, value = spread(params, component)
    mean = params.means[component]
    mean_text = number(float(mean[0])) if params.n_features == 1 else vector(mean)
    return _tr("Component {0}\nweight π = {1}\nmean μ = {2}\n{3} = {4}").format(
        component, number(float(params.weights[component])), mean_text, name, value)


@dataclass(frozen=True, slots=True)
class PointNumbers:
    """The E-step's numbers for one point.

    Attributes
    ----------
    row : int
        The point's data row.
    x : ndarray of shape (n_features,)
    weights : ndarray of shape (K,)
        pi_k of the parameters the E-step used.
    densities : ndarray of shape (K,)
        N(x | mu_k, Sigma_k) (may underflow to 0 far from a component; the responsibilities never do).
    resp : ndarray of shape (K,)
        The responsibilities r_k, computed in log space by the engine.
    """

    row: int
    x: NDArray[np.float64]
    weights: NDArray[np.float64]
    densities: NDArray[np.float64]
    resp: NDArray[np.float64]


def e_step_html(point: PointNumbers, colors: list[list[int]], bar_pixels: int) -> str:
    """The E-step for the hovered point: the formula, then per component pi_k, N(x|..), their product, r_k."""
    title = html.escape(_tr("Point {0} at {1}").format(point.row, vector(point.x)))
    formula = (f"r<sub>{point.row},k</sub> = π<sub>k</sub> N(x | μ<sub>k</sub>, Σ<sub>k</sub>) / "
               "Σ<sub>j</sub> π<sub>j</sub> N(x | μ<sub>j</sub>, Σ<sub>j</sub>)")
    products = point.weights * point.densities
    total = float(products.sum())
    rows = []
    for k, (weight, density, product, value) in enumerate(zip(point.weights, point.densities, products,
                                                              point.resp, strict=True)):
        red, green, blue = colors[k]
        bar = (f"<table cellspacing='0' cellpadding='0'><tr><td width='{max(1, int(bar_pixels * value))}' "
               f"bgcolor='#{red:02x}{green:02x}{blue:02x}'>&nbsp;</td></tr></table>")
        rows.append(f"<tr><td>{k}</td><td align='right'>{number(float(weight))}</td>"
                    f"<td align='right'>{float(density):.3g}</td><td align='right'>{float(product):.3g}</td>"
                    f"<td align='right'><b>{float(value):.3f}</b></td><td>{bar}</td></tr>")
    header = ("<tr><th>k</th><th>π<sub>k</sub></th><th>N(x|μ<sub>k</sub>,Σ<sub>k</sub>)</th>"
              "<th>π<sub>k</sub>N</th><th>r<sub>k</sub></th><th></th></tr>")
    total_text = html.escape(_tr("sum over j: {0:.3g}; each r_k is its product divided by this sum")).format(total)
    return (f"<b>{title}</b><br>{formula}<table cellspacing='2' cellpadding='1'>{header}{''.join(rows)}</table>"
            f"{total_text}")


def _rule(text: str) -> str:
    """A formula or a lock's note, under its numbers, in grey."""
    return f"<br>&nbsp;&nbsp;<span style='color:#666'>{text}</span>"


def m_step_html(before: MixtureParams, after: MixtureParams, stats: SufficientStats, component: int,
                locks: Locks, n_samples: int) -> str:
    """The M-step of ``component``: N_k, pi_k, mu_k and Sigma_k (sigma_k in 1-D), ``before`` -> ``after``.

    ``after`` is what the M-step (with its locks) made, so the numbers are the ones the views draw; a locked
    quantity says which lock kept it. Each quantity takes a line of numbers and a line of its rule (the panel
    is narrow).
    """
    k = component
    frozen = k in locks.frozen_components
    nk = float(stats.nk[k])
    lines = [f"N<sub>{k}</sub> = Σ<sub>i</sub> r<sub>i{k}</sub> = {number(nk)}"]
    if frozen:
        rule = html.escape(_tr("locked: component {0} is frozen, its weight is kept").format(k))
    elif locks.equal_weights:
        rule = html.escape(_tr("locked: keep the weights equal, π = 1/K = {0}").format(
            number(1.0 / after.n_components)))
    elif locks.frozen_components:
        rule = html.escape(_tr("N_k / N = {0}, scaled to the weight the frozen components leave").format(
            number(nk / n_samples)))
    else:
        rule = f"N<sub>{k}</sub> / N = {number(nk)} / {n_samples}"
    lines.append(f"π<sub>{k}</sub>: {number(float(before.weights[k]))} → <b>{number(float(after.weights[k]))}</b>"
                 + _rule(rule))
    mean_rule = (html.escape(_tr("locked: component {0} is frozen").format(k)) if frozen
                 else f"(1 / N<sub>{k}</sub>) Σ<sub>i</sub> r<sub>i{k}</sub> x<sub>i</sub>")
    lines.append(f"μ<sub>{k}</sub>: {html.escape(vector(before.means[k]))} → "
                 f"<b>{html.escape(vector(after.means[k]))}</b>" + _rule(mean_rule))
    name, old = spread(before, k)
    _, new = spread(after, k)
    if frozen:
        spread_rule = html.escape(_tr("locked: component {0} is frozen").format(k))
    elif locks.covariances is CovarianceLock.FIXED:
        spread_rule = html.escape(_tr("locked: covariances fixed at their starting values"))
    elif locks.covariances is CovarianceLock.SHARED or after.covariance_type is CovarianceType.TIED:
        spread_rule = html.escape(_tr("shared: the N_k-weighted mean of every component's, plus reg_covar"))
    else:  # written as the mean's rule above, with the component's number in the subscripts
        deviation = f"(x<sub>i</sub> − μ<sub>{k}</sub>)"
        spread_rule = (f"(1 / N<sub>{k}</sub>) Σ<sub>i</sub> r<sub>i{k}</sub> {deviation}{deviation}<sup>T</sup>"
                       " + reg_covar")
    separator = " → " if before.n_features == 1 else "<br>&nbsp;&nbsp;→ "
    lines.append(f"{name}<sub>{k}</sub>: {html.escape(old)}{separator}<b>{html.escape(new)}</b>"
                 + _rule(spread_rule))
    return "<br>".join(lines)


def stop_text(snapshot: EMSnapshot, tol: float, max_iter: int) -> str:
    """Why the run on screen stopped, or "" while it goes on."""
    if snapshot.stop_reason is StopReason.CONVERGED:
        return _tr("Stopped because |change| {0} < tol {1} at iteration {2}: one step changed little, which does "
                   "not prove the optimum is reached.").format(short(abs(snapshot.change)), short(tol),
                                                               snapshot.iteration)
    if snapshot.stop_reason is StopReason.MAX_ITER:
        change = snapshot.change
        return _tr("Stopped because max_iter {0} was reached (|change| {1}, tol {2}).").format(
            max_iter, short(abs(change)) if np.isfinite(change) else "–", short(tol))
    return ""
