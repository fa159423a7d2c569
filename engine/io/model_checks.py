"""The checks a model document passes value by value before it becomes parameters (``engine.io.model_json``).

Each check returns the value it checked, as the type the model needs, or raises the ``InputError`` that
``refuse`` builds: one sentence naming the document's source and what is wrong, such as
``cannot load the model file m.json: its weights sum to 0.9, not 1.``
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import numpy as np
from numpy.typing import NDArray

from engine.checks import is_int, is_number
from engine.covariance import CovarianceType
from engine.errors import InputError

#: The weights must sum to 1 within this.
WEIGHT_SUM_TOLERANCE = 1e-6
#: A covariance matrix is symmetric when ``|C - C.T| <= this * max|C|`` everywhere.
SYMMETRY_TOLERANCE = 1e-10

#: Lists and objects may nest this deep in a model document (the format's own keys need 4 levels; extra
#: blocks may go a little deeper). Deeper documents are refused before anything recursive reads them.
MAX_NESTING = 32
_CONTAINERS = (list, tuple, dict)

#: How messages name the shape of ``covariances`` for each type.
SHAPE_NAMES = {
    CovarianceType.FULL: "(n_components, n_features, n_features)",
    CovarianceType.TIED: "(n_features, n_features)",
    CovarianceType.DIAG: "(n_components, n_features)",
    CovarianceType.SPHERICAL: "(n_components,)",
}


def refuse(source: str, problem: str) -> InputError:
    """The error refusing ``source`` (``"the model file m.json"``) for ``problem``."""
    return InputError(f"cannot load {source}: {problem}.")


def show(value: Any) -> str:
    """A value as JSON would spell it, cut short."""
    try:
        text = json.dumps(value)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def json_kind(value: Any) -> str:
    """What JSON calls the kind of ``value``: string, boolean, list, object, null or number."""
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (list, tuple)):
        return "list"
    if isinstance(value, Mapping):
        return "object"
    if value is None:
        return "null"
    return "number"


def check_nesting(data: Any, source: str) -> None:
    """Refuse a document whose lists or objects nest more than ``MAX_NESTING`` levels deep.

    Iterative, so it is safe on any depth and runs before anything recursive (``copy.deepcopy``, the
    shape of nested lists, ``json.dumps`` in a message) meets the document. The document itself is
    level 1, so the format's deepest value, a full covariance, is level 4.
    """
    stack: list[tuple[Any, int, str | None]] = [(data, 1, None)]
    while stack:
        value, depth, key = stack.pop()
        children = value.items() if isinstance(value, Mapping) else enumerate(value)
        for name, child in children:
            if isinstance(child, _CONTAINERS):
                where = key if key is not None else str(name)
                if depth + 1 > MAX_NESTING:
                    what = f'its "{where}"' if isinstance(data, Mapping) else "it"
                    raise refuse(source, f"{what} is nested more than {MAX_NESTING} levels deep, deeper than any "
                                         "model needs; remove that nesting")
                stack.append((child, depth + 1, where))


def quoted_keys(keys: list[str]) -> str:
    """``"a"``, ``"a" and "b"``, ``"a", "b" and "c"``."""
    quoted = [f'"{key}"' for key in keys]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def checked_count(data: Mapping, key: str, source: str) -> int:
    """``data[key]`` as a whole number >= 1."""
    value = data[key]
    if not is_int(value) or value < 1:
        raise refuse(source, f"its {key} is {show(value)}, but it must be a whole number >= 1")
    return int(value)


def default_feature_names(n_features: int) -> tuple[str, ...]:
    """``("x0", "x1", ...)``: the names of features that came without any."""
    return tuple(f"x{j}" for j in range(n_features))


def checked_feature_names(names: Any, n_features: int, source: str) -> tuple[str, ...]:
    """``n_features`` names (the default ones when ``names`` is None)."""
    if names is None:
        return default_feature_names(n_features)
    if not isinstance(names, (list, tuple)) or not all(isinstance(name, str) for name in names):
        raise refuse(source, "its feature_names must be a list of strings")
    if len(names) != n_features:
        raise refuse(source, f"it has {len(names)} feature_names but n_features is {n_features}")
    return tuple(names)


def _shape(value: Any) -> tuple[int, ...] | None:
    """Shape of nested lists, ``()`` for a leaf, None when rows differ in length or nesting."""
    if not isinstance(value, (list, tuple)):
        return ()
    shapes = {_shape(item) for item in value}
    if not shapes:
        return (0,)
    if len(shapes) > 1 or None in shapes:
        return None
    return (len(value),) + shapes.pop()


def _leaves(value: Any) -> Iterator[Any]:
    if isinstance(value, (list, tuple)):
        for item in value:
            yield from _leaves(item)
    else:
        yield value


def checked_numbers(value: Any, key: str, expected: tuple[int, ...], meaning: str, source: str) -> NDArray[np.float64]:
    """``value`` as a finite float array of shape ``expected`` (named ``meaning`` in messages)."""
    if isinstance(value, np.ndarray):
        value = value.tolist()
    shape = _shape(value)
    if shape != expected:
        got = "lists of different lengths" if shape is None else f"shape {shape}"
        raise refuse(source, f"its {key} should have shape {expected} {meaning} but has {got}")
    for leaf in _leaves(value):
        if not is_number(leaf):
            raise refuse(source, f"its {key} must hold numbers, but it holds {show(leaf)}")
    try:
        array = np.array(value, dtype=float)
    except OverflowError:
        raise refuse(source, f"its {key} holds a number too large for a float") from None
    if not np.all(np.isfinite(array)):
        raise refuse(source, f"its {key} holds NaN or infinity, but every number must be finite")
    return array


def check_weights(weights: NDArray[np.float64], source: str) -> None:
    """Weights of shape (n_components,): none negative, summing to 1 within ``WEIGHT_SUM_TOLERANCE``."""
    negative = np.flatnonzero(weights < 0)
    if negative.size:
        k = int(negative[0])
        raise refuse(source, f"the weight of component {k} is negative ({float(weights[k])!r})")
    total = float(weights.sum())
    if abs(total - 1.0) > WEIGHT_SUM_TOLERANCE:
        raise refuse(source, f"its weights sum to {total:.10g}, not 1")


def _check_matrices(matrices: list[NDArray[np.float64]], names: list[str], source: str) -> None:
    """Each (D, D) matrix symmetric (``SYMMETRY_TOLERANCE``) and positive definite."""
    from scipy import linalg  # imported when needed: scipy costs every command's start-up 0.1 to 0.3 s

    for matrix, name in zip(matrices, names, strict=True):
        asymmetry = float(np.max(np.abs(matrix - matrix.T)))
        if asymmetry > SYMMETRY_TOLERANCE * float(np.max(np.abs(matrix))):
            raise refuse(source, f"{name} is not symmetric")
        try:
            linalg.cholesky(matrix, lower=True)
        except linalg.LinAlgError:
            raise refuse(source, f"{name} is not positive definite") from None


def _check_full(covariances: NDArray[np.float64], source: str) -> None:
    _check_matrices(list(covariances), [f"the covariance of component {k}" for k in range(len(covariances))],
                    source)


def _check_tied(covariances: NDArray[np.float64], source: str) -> None:
    _check_matrices([covariances], ["the shared covariance"], source)


def _check_variances(covariances: NDArray[np.float64], source: str) -> None:
    rows = covariances.reshape(len(covariances), -1)
    bad = np.flatnonzero(~(rows > 0).all(axis=1))
    if bad.size:
        raise refuse(source, f"the variances of component {int(bad[0])} must all be positive")


#: (covariances shaped for the type, source) -> None, or ``InputError`` naming the first bad component.
COVARIANCE_CHECKS: dict[CovarianceType, Callable[[NDArray[np.float64], str], None]] = {
    CovarianceType.FULL: _check_full,
    CovarianceType.TIED: _check_tied,
    CovarianceType.DIAG: _check_variances,
    CovarianceType.SPHERICAL: _check_variances,
}
