"""Agreement of a fit with true labels: the adjusted Rand index and the confusion table after matching.

The components of a mixture are numbered arbitrarily, so the confusion table pairs each component with
a true label by the Hungarian algorithm (``scipy.optimize.linear_sum_assignment``, maximising the rows
the pairs share) and orders its columns so that matched pairs lie on the diagonal. The adjusted Rand
index needs no matching: it is the same for any numbering of either side (Hubert and Arabie, 1985; it
equals ``sklearn.metrics.adjusted_rand_score``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from engine.model import predict
from engine.params import MixtureParams


@dataclass(frozen=True, slots=True)
class Agreement:
    """How well the components found agree with the true labels.

    Attributes
    ----------
    ari : float
        The adjusted Rand index: 1 for the same partition, about 0 for a random one.
    confusion : ndarray of shape (n_labels, n_components), int64
        ``confusion[i, j]`` rows of true label ``label_names[i]`` given to component ``component_order[j]``.
    label_names : tuple of str, length n_labels
        The true labels, in the order of the table's rows.
    component_order : tuple of int, length n_components
        The components in the order of the table's columns: each label's matched component first, in
        the labels' order, then the unmatched ones.
    matched : tuple of int, length n_labels
        The component matched to each label, or -1 when there are more labels than components.
    n_matched : int
        Rows whose component is the one matched to their label (the diagonal's sum).
    """

    ari: float
    confusion: NDArray[np.int64]
    label_names: tuple[str, ...]
    component_order: tuple[int, ...]
    matched: tuple[int, ...]
    n_matched: int

    @property
    def n_samples(self) -> int:
        return int(self.confusion.sum())

    @property
    def accuracy(self) -> float:
        """The share of rows on the diagonal, after matching."""
        return self.n_matched / max(self.n_samples, 1)


def contingency(true_labels: ArrayLike, predicted: ArrayLike, n_components: int) -> tuple[NDArray[np.int64],
                                                                                           NDArray[np.int64]]:
    """Counts of (true label, component) pairs.

    Parameters
    ----------
    true_labels : array_like of int, shape (n_samples,)
    predicted : array_like of int, shape (n_samples,), values in 0..n_components-1
    n_components : int

    Returns
    -------
    table : ndarray of shape (n_labels, n_components), int64
    label_values : ndarray of shape (n_labels,), int64
        The distinct true labels, sorted: the rows of ``table``.
    """
    truth = np.asarray(true_labels, dtype=np.int64).ravel()
    found = np.asarray(predicted, dtype=np.int64).ravel()
    if truth.shape != found.shape:
        raise ValueError(f"{truth.size} true labels for {found.size} predicted ones")
    label_values, rows = np.unique(truth, return_inverse=True)
    table = np.zeros((len(label_values), n_components), dtype=np.int64)
    np.add.at(table, (rows, found), 1)
    return table, label_values


def adjusted_rand_index(table: ArrayLike) -> float:
    """The adjusted Rand index of a contingency table (n_labels, n_clusters) of counts.

    Computed from pair counts in exact integers, as scikit-learn does; two partitions that are both one
    cluster (or both all singletons) agree perfectly (1.0).
    """
    counts = np.asarray(table, dtype=np.int64)
    n = int(counts.sum())
    pairs = int((counts * (counts - 1)).sum() // 2)
    row_pairs = int((counts.sum(axis=1) * (counts.sum(axis=1) - 1)).sum() // 2)
    column_pairs = int((counts.sum(axis=0) * (counts.sum(axis=0) - 1)).sum() // 2)
    all_pairs = n * (n - 1) // 2
    expected = row_pairs * column_pairs / all_pairs if all_pairs else 0.0
    maximum = (row_pairs + column_pairs) / 2
    if maximum == expected:
        return 1.0
    return float((pairs - expected) / (maximum - expected))


def agreement(true_labels: ArrayLike, predicted: ArrayLike, n_components: int,
              label_names: Sequence[str] | None = None) -> Agreement:
    """The agreement of ``predicted`` components with ``true_labels``.

    Parameters
    ----------
    true_labels : array_like of int, shape (n_samples,)
    predicted : array_like of int, shape (n_samples,)
        Each row's component, 0..n_components-1 (``engine.model.predict``).
    n_components : int
    label_names : sequence of str, optional
        The name of each label code (``label_names[code]``), for labels read as text; by default the
        codes themselves are the names.
    """
    table, label_values = contingency(true_labels, predicted, n_components)
    names = tuple(str(label_names[v]) if label_names is not None else str(int(v)) for v in label_values)
    return agreement_from_table(table, names)


def agreement_from_table(table: NDArray[np.int64], label_names: Sequence[str]) -> Agreement:
    """The agreement from a contingency table (n_labels, n_components) of counts and the rows' label names."""
    from scipy.optimize import linear_sum_assignment  # here: scipy.optimize costs every command 0.35 s to import

    label_rows, components = linear_sum_assignment(table, maximize=True)
    matched = np.full(table.shape[0], -1, dtype=np.int64)
    matched[label_rows] = components
    taken = set(matched.tolist())
    order = [int(c) for c in matched if c >= 0] + [c for c in range(table.shape[1]) if c not in taken]
    return Agreement(
        ari=adjusted_rand_index(table),
        confusion=table[:, order],
        label_names=tuple(label_names),
        component_order=tuple(order),
        matched=tuple(int(c) for c in matched),
        n_matched=int(table[label_rows, components].sum()),
    )


def agreement_lines(result: Agreement) -> list[str]:
    """The agreement as text: the ARI, the matched share, then the confusion table (rows: true labels)."""
    first = ["true label \\ component"] + [f"label {name}" for name in result.label_names]
    width = max(len(text) for text in first) + 2
    lines = [f"agreement with the true labels: adjusted Rand index {result.ari:.6f}, "
             f"{result.n_matched} of {result.n_samples} rows ({100 * result.accuracy:.1f}%) on matched components",
             first[0].ljust(width) + "".join(f"{k:>8d}" for k in result.component_order)]
    for text, row, component in zip(first[1:], result.confusion, result.matched, strict=True):
        match = f"   (matched to component {component})" if component >= 0 else "   (no component left to match)"
        lines.append(text.ljust(width) + "".join(f"{v:>8d}" for v in row) + match)
    return lines


def agreement_dict(result: Agreement) -> dict:
    """The agreement as JSON-ready values (the ``agreement`` block of ``fit --json``)."""
    return {
        "adjusted_rand_index": result.ari,
        "n_matched": result.n_matched,
        "labels": list(result.label_names),
        "components": list(result.component_order),
        "matched_components": list(result.matched),
        "confusion": result.confusion.tolist(),
    }


def fit_agreement(params: MixtureParams, X: ArrayLike, true_labels: ArrayLike | None,
                  label_names: Sequence[str] | None = None) -> Agreement | None:
    """The agreement of a fit's most likely components on ``X`` (n_samples, n_features) with ``true_labels``.

    ``None`` when there are no true labels.
    """
    if true_labels is None:
        return None
    return agreement(true_labels, predict(params, X), params.n_components, label_names)
