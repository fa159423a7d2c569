"""The engine's own distinct-row count and column medians give numpy's answers (``numpy.unique(axis=0)`` and
``numpy.median(axis=0)``), which they replace because those import ``numpy.ma`` on first use."""

from __future__ import annotations

import numpy as np
import pytest

from engine.init import distinct_rows_up_to
from engine.scales import column_medians


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("n_rows", [1, 2, 7, 40, 301])
def test_distinct_rows_are_counted_as_numpy_unique_counts_them(seed, n_rows):
    rng = np.random.default_rng(seed)
    levels = rng.integers(1, 6)  # few values per column: many repeated rows
    X = rng.integers(0, levels, size=(n_rows, rng.integers(1, 4))).astype(float)
    X[rng.random(n_rows) < 0.2] *= -1.0  # -0.0 and 0.0 are the same number
    expected = len(np.unique(X, axis=0))
    for limit in (1, 2, expected, expected + 1, n_rows + 5):
        for block in (1, 3, 4096):
            assert distinct_rows_up_to(X, limit, block=block) == min(limit, expected)


def test_rows_differing_in_one_column_only_are_distinct():
    X = np.array([[0.0, 1.0, 2.0], [0.0, 1.0, 2.0 + 1e-15], [0.0, 1.0, 2.0], [-0.0, 1.0, 2.0]])
    assert distinct_rows_up_to(X, 10) == 2


@pytest.mark.parametrize("n_rows", [1, 2, 3, 10, 11, 1000, 1001])
def test_column_medians_are_numpys_medians(n_rows):
    rng = np.random.default_rng(n_rows)
    A = rng.standard_normal((n_rows, 4)) * np.array([1.0, 1e-300, 1e300, 3.0])
    A[:, 3] = np.round(A[:, 3])  # ties
    if n_rows > 2:
        A[0, 0], A[1, 0] = np.inf, -np.inf
    np.testing.assert_array_equal(column_medians(A), np.median(A, axis=0))


def test_column_medians_of_no_rows_are_nan_as_numpys():
    assert np.isnan(column_medians(np.empty((0, 3)))).all() and column_medians(np.empty((0, 3))).shape == (3,)


def test_a_backend_over_no_rows_is_made_and_a_fit_on_them_is_an_input_error():
    from engine.backends.chunked import ChunkedBackend
    from engine.config import FitConfig
    from engine.em import fit
    from engine.errors import InputError

    ChunkedBackend(np.empty((0, 2)))
    with pytest.raises(InputError):
        fit(np.empty((0, 2)), FitConfig(n_components=1))
