"""Both backends offer exactly what ``engine.backends.base.Backend`` promises, with the same signatures."""

from __future__ import annotations

import inspect

import numpy as np
import pytest

from engine.backends import make_backend
from engine.backends.base import Backend
from engine.backends.chunked import ChunkedBackend
from engine.backends.direct import DirectBackend

X = np.random.default_rng(0).normal(size=(50, 2))
BACKENDS = pytest.mark.parametrize("backend", [DirectBackend(X), ChunkedBackend(X), make_backend(X)],
                                   ids=["direct", "chunked", "make_backend"])
#: What the EM loop, the model functions and the imaging use from a backend: the protocol is exactly this.
USED = {"X", "n_samples", "e_step", "log_prob_norm", "responsibilities", "labels", "worst_points",
        "stats_from_assignment", "data_covariance"}


def _members(protocol: type) -> set[str]:
    return {name for name in vars(protocol) if not name.startswith("_")} | set(protocol.__annotations__)


def test_the_protocol_lists_what_the_engine_uses():
    assert _members(Backend) == USED


@BACKENDS
def test_each_backend_satisfies_the_protocol(backend):
    assert isinstance(backend, Backend)
    assert backend.n_samples == len(backend.X) == len(X)


@BACKENDS
@pytest.mark.parametrize("name", sorted(USED - {"X", "n_samples"}))
def test_each_method_has_the_protocols_parameters(backend, name):
    expected = list(inspect.signature(getattr(Backend, name)).parameters)[1:]  # without self
    assert list(inspect.signature(getattr(backend, name)).parameters) == expected


def test_an_object_missing_a_method_is_not_a_backend():
    class NoLabels:
        X = X
        n_samples = len(X)

    for name in USED - {"X", "n_samples"}:
        setattr(NoLabels, name, lambda self, *args: None)
    assert isinstance(NoLabels(), Backend)
    del NoLabels.labels
    assert not isinstance(NoLabels(), Backend)
