"""The chunks' reductions over components (``engine.backends.reductions``) give numpy's own results, bit for bit:
compared as the floats' bits, NaN only where numpy has NaN (and a sum of negative zeros alone: -0.0 here, +0.0 in
numpy, which adds from +0.0; responsibilities are never negative)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from engine.backends.reductions import first_component_at, fold_components

SPECIAL = [np.nan, np.inf, -np.inf, 0.0, -0.0, 1.0, 1e-45, 3e38]


@st.composite
def blocks(draw):
    dtype = draw(st.sampled_from([np.float32, np.float64]))
    shape = (draw(st.integers(1, 12)), draw(st.integers(1, 40)))
    elements = st.one_of(st.sampled_from(SPECIAL), st.floats(width=32, allow_nan=False, allow_infinity=False))
    return draw(arrays(dtype, shape, elements=elements))


def assert_same_bits(ours, numpys):
    nan = np.isnan(numpys)
    np.testing.assert_array_equal(np.isnan(ours), nan)
    bits = np.uint32 if numpys.dtype == np.float32 else np.uint64
    np.testing.assert_array_equal(ours[~nan].view(bits), numpys[~nan].view(bits))


@given(blocks(), st.booleans())
def test_max_and_sum_over_components_are_numpys(values, strided):
    if strided:  # the first rows of a wider buffer, as a chunk shorter than its buffer is
        values = np.concatenate([values, values], axis=1)[:, :values.shape[1]]
    out = np.empty(values.shape[1], dtype=values.dtype)
    with np.errstate(invalid="ignore", over="ignore"):
        assert_same_bits(fold_components(np.maximum, values, out.copy()), np.max(values, axis=0))
        # numpy adds from +0.0: a sum of negative zeros alone is +0.0 there, -0.0 here (never a responsibility's)
        assert_same_bits(fold_components(np.add, values, out.copy()) + 0.0, np.sum(values, axis=0))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_a_single_rows_sum_is_numpys_pairwise_one(dtype):
    """numpy sums one row's K values pairwise: in order, 2**53 (or 2**24) plus ones would lose every one."""
    values = np.array([[2.0 ** (24 if dtype == np.float32 else 53)]] + [[1.0]] * 15, dtype=dtype)
    assert np.sum(values, axis=0)[0] != values[0, 0]  # numpy's order keeps some of the ones
    assert_same_bits(fold_components(np.add, values, np.empty(1, dtype=dtype)), np.sum(values, axis=0))


@given(blocks())
def test_the_first_component_at_a_value_is_argmaxs(values):
    values[:, ::3] = np.where(values[:, ::3] > 0, 1.0, values[:, ::3])  # ties at 1 in some rows, none in others
    out, scratch = np.full(values.shape[1], -1, dtype=np.intp), np.empty(values.shape[1], dtype=bool)
    np.testing.assert_array_equal(first_component_at(values, 1.0, out, scratch), (values == 1.0).argmax(axis=0))


@pytest.mark.parametrize("n_components", [1, 2, 6, 100])
def test_sums_of_many_rows_add_in_numpys_order(n_components):
    """Rounding depends on the order of the additions: on random float32 values most rows would differ in their
    last bit if the components were added in another order."""
    values = np.random.default_rng(n_components).random((n_components, 20_000)).astype(np.float32)
    out = np.empty(20_000, dtype=np.float32)
    np.testing.assert_array_equal(fold_components(np.add, values, out), np.sum(values, axis=0))
    reversed_order = np.sum(values[::-1], axis=0)
    if n_components > 2:
        assert np.any(reversed_order != out)  # the test can tell orders apart
