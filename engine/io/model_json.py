"""The JSON model file, format version 1: writing it, and reading it back with every value checked.

Other programs read and write these files, so the layout is a contract::

    {"format": "gmm-explorer.model", "version": 1,
     "covariance_type": "full" | "tied" | "diag" | "spherical",
     "n_components": K, "n_features": D, "feature_names": [D strings],
     "weights": [K], "means": [K][D],
     "covariances": full [K][D][D], tied [D][D], diag [K][D], spherical [K]
                    (shaped as scikit-learn's ``covariances_``),
     "fit": {...}}

``fit`` is written only for a fitted model (see ``fit_summary``). Any other top-level key (an ``image``
block describing how features were made from a picture, say) is kept: ``load_model`` returns such keys
as ``extra`` and ``save_model`` writes them back. Floats are written with Python's ``repr``, so a model
reads back bit for bit. A file that cannot be used is refused with one ``InputError`` sentence naming
the file and what is wrong; nothing else escapes.
"""

from __future__ import annotations

import copy
import json
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import linalg

from engine.checks import is_int, is_number
from engine.covariance import CovarianceType, covariance_shape
from engine.em import FitResult
from engine.errors import FitError, InputError
from engine.io.atomic import atomic_write_text
from engine.model import aic_from, bic_from
from engine.params import MixtureParams

FORMAT = "gmm-explorer.model"
VERSION = 1
#: The weights must sum to 1 within this.
WEIGHT_SUM_TOLERANCE = 1e-6
#: A covariance matrix is symmetric when ``|C - C.T| <= this * max|C|`` everywhere.
SYMMETRY_TOLERANCE = 1e-10

#: Top-level keys of the format itself; any other key is ``extra``.
MODEL_KEYS = (
    "format", "version", "covariance_type", "n_components", "n_features", "feature_names",
    "weights", "means", "covariances", "fit",
)
_REQUIRED_KEYS = ("format", "version", "covariance_type", "n_components", "n_features", "weights", "means",
                  "covariances")


@dataclass(frozen=True, slots=True)
class LoadedModel:
    """A model read from a file (or a dictionary) and checked.

    Attributes
    ----------
    params : MixtureParams
    feature_names : tuple of str
        One per feature, ``n_features`` in all.
    fit : dict or None
        The ``fit`` block as written (log-likelihood, settings, history, BIC, AIC), or None for a model
        that was not fitted.
    extra : dict
        Every top-level key that is not part of the format, kept as read.
    """

    params: MixtureParams
    feature_names: tuple[str, ...]
    fit: dict[str, Any] | None
    extra: dict[str, Any]


def default_feature_names(n_features: int) -> tuple[str, ...]:
    """``("x0", "x1", ...)``: the names of features that came without any."""
    return tuple(f"x{j}" for j in range(n_features))


def fit_summary(fit_result: FitResult) -> dict[str, Any]:
    """The ``fit`` block of a model file for a finished fit.

    Keys: ``log_likelihood`` (total), ``mean_log_likelihood`` (per sample), ``n_samples``, ``n_iter``,
    ``converged``, ``tol``, ``reg_covar``, ``max_iter``, ``init``, ``seed`` (null when none was given),
    ``n_init``, ``history`` (mean log-likelihood of every E-step of the kept start), ``bic``, ``aic``.
    """
    config = fit_result.config
    mean = float(fit_result.mean_log_likelihood)
    n_samples = int(fit_result.n_samples)
    return {
        "log_likelihood": float(fit_result.log_likelihood),
        "mean_log_likelihood": mean,
        "n_samples": n_samples,
        "n_iter": int(fit_result.n_iter),
        "converged": bool(fit_result.converged),
        "tol": float(config.tol),
        "reg_covar": float(config.reg_covar),
        "max_iter": int(config.max_iter),
        "init": str(config.init.value),
        "seed": None if config.seed is None else int(config.seed),
        "n_init": int(config.n_init),
        "history": [float(value) for value in fit_result.history],
        "bic": bic_from(mean, n_samples, fit_result.params),
        "aic": aic_from(mean, n_samples, fit_result.params),
    }


def model_to_dict(
    params: MixtureParams,
    feature_names: Sequence[str] | None = None,
    fit_result: FitResult | Mapping[str, Any] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The model as a JSON-ready dictionary in format version 1.

    Parameters
    ----------
    params : MixtureParams
    feature_names : sequence of str, optional
        ``n_features`` names; ``x0 .. x{D-1}`` by default.
    fit_result : FitResult or mapping, optional
        A ``FitResult`` is summarised by ``fit_summary``; a mapping (the ``fit`` of a ``LoadedModel``)
        is written as it is. Without it there is no ``fit`` key.
    extra : mapping, optional
        More top-level keys, written after the format's own; they must not reuse its names.

    Raises
    ------
    InputError
        For feature names of the wrong number, or an ``extra`` key that belongs to the format.
    """
    n_features = params.n_features
    names = default_feature_names(n_features) if feature_names is None else tuple(str(n) for n in feature_names)
    if len(names) != n_features:
        raise InputError(f"the model has {n_features} features but {len(names)} feature names were given.")
    clashes = sorted(set(extra or {}) & set(MODEL_KEYS))
    if clashes:
        raise InputError(f"the extra key {clashes[0]!r} is a key of the model format itself: rename it.")
    model: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "covariance_type": params.covariance_type.value,
        "n_components": params.n_components,
        "n_features": n_features,
        "feature_names": list(names),
        "weights": np.asarray(params.weights, dtype=float).tolist(),
        "means": np.asarray(params.means, dtype=float).tolist(),
        "covariances": np.asarray(params.covariances, dtype=float).tolist(),
    }
    if isinstance(fit_result, FitResult):
        model["fit"] = fit_summary(fit_result)
    elif fit_result is not None:
        model["fit"] = copy.deepcopy(dict(fit_result))
    model.update(copy.deepcopy(dict(extra or {})))
    return model


def model_text(
    params: MixtureParams,
    feature_names: Sequence[str] | None = None,
    fit_result: FitResult | Mapping[str, Any] | None = None,
    extra: Mapping[str, Any] | None = None,
    path: str | os.PathLike = "the model file",
) -> str:
    """The model file's text: ``model_to_dict`` as indented JSON, ending with a newline.

    Raises
    ------
    InputError
        If the model holds a value JSON cannot store (NaN, infinity, an object in ``extra``).
    """
    model = model_to_dict(params, feature_names, fit_result, extra)
    try:
        text = json.dumps(model, allow_nan=False, indent=2)
    except ValueError:
        raise InputError(f"cannot save the model to {os.fspath(path)}: it holds NaN or infinity, which JSON "
                         "cannot store.") from None
    except TypeError as error:
        raise InputError(f"cannot save the model to {os.fspath(path)}: {error}.") from None
    return text + "\n"


def save_model(
    path: str | os.PathLike,
    params: MixtureParams,
    feature_names: Sequence[str] | None = None,
    fit_result: FitResult | Mapping[str, Any] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> None:
    """Write the model to a JSON file atomically (an existing file is replaced whole or not at all).

    Parameters are as for ``model_to_dict``.

    Raises
    ------
    InputError
        If the model holds a value JSON cannot store (NaN, infinity, an object in ``extra``) or the file
        cannot be written; an existing file is then left as it was.
    """
    atomic_write_text(path, model_text(params, feature_names, fit_result, extra, path))


class _NotFiniteError(Exception):
    """A NaN or infinity met while parsing, with the text it came from."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def _reject_constant(text: str) -> float:
    raise _NotFiniteError(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _NotFiniteError(text)
    return value


def load_model(path: str | os.PathLike) -> LoadedModel:
    """Read and check a model file.

    Parameters
    ----------
    path : str or path-like

    Returns
    -------
    LoadedModel

    Raises
    ------
    InputError
        With one sentence naming the file and the problem, for anything that makes it unusable.
    """
    file = Path(path)
    source = f"the model file {file}"
    if not file.exists():
        raise _refuse(source, "it does not exist")
    if not file.is_file():
        raise _refuse(source, "it is not a file")
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise _refuse(source, "it is not a text file (UTF-8)") from None
    except OSError as error:
        raise _refuse(source, f"it cannot be read ({error.strerror or error})") from None
    try:
        data = json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float)
    except _NotFiniteError as error:
        raise _refuse(source, f"it holds the number {error.text}, but every number must be finite") from None
    except json.JSONDecodeError as error:
        raise _refuse(source, f"it is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})"
                      ) from None
    except ValueError as error:  # an integer with too many digits, for one
        raise _refuse(source, f"it is not valid JSON ({error})") from None
    except RecursionError:
        raise _refuse(source, "it is not valid JSON (nested too deeply)") from None
    return model_from_dict(data, source=source)


def model_from_dict(data: Any, source: str = "the model") -> LoadedModel:
    """Check a dictionary in the model format and build its parameters.

    Parameters
    ----------
    data : dict
        As ``json.load`` gives it (arrays as nested lists; numpy arrays are accepted too).
    source : str
        What the data came from, for the messages ("the model file m.json").

    Returns
    -------
    LoadedModel

    Raises
    ------
    InputError
        With one sentence naming ``source`` and the problem.
    """
    if not isinstance(data, Mapping):
        raise _refuse(source, f"it holds a JSON {_json_kind(data)}, not an object with the model's keys")
    if "format" not in data:
        raise _refuse(source, f"it has no \"format\" key, so it is not a {FORMAT} file")
    if data["format"] != FORMAT:
        raise _refuse(source, f"its format is {_show(data['format'])}, not \"{FORMAT}\"")
    version = data.get("version")
    if not is_int(version) or version != VERSION:
        shown = "missing" if "version" not in data else _show(version)
        raise _refuse(source, f"its format version is {shown}, but only version {VERSION} is supported")
    missing = [key for key in _REQUIRED_KEYS if key not in data]
    if missing:
        raise _refuse(source, f"it lacks the key{'s' if len(missing) > 1 else ''} {_and(missing)}")

    try:
        covariance_type = CovarianceType(data["covariance_type"])
    except (ValueError, TypeError):
        choices = ", ".join(t.value for t in CovarianceType)
        raise _refuse(source, f"its covariance_type {_show(data['covariance_type'])} is not one of {choices}"
                      ) from None
    n_components = _count(data, "n_components", source)
    n_features = _count(data, "n_features", source)
    feature_names = _feature_names(data.get("feature_names"), n_features, source)

    weights = _numbers(data["weights"], "weights", (n_components,), "(n_components,)", source)
    means = _numbers(data["means"], "means", (n_components, n_features), "(n_components, n_features)", source)
    cov_shape = covariance_shape(covariance_type, n_components, n_features)
    covariances = _numbers(data["covariances"], "covariances", cov_shape, _SHAPE_NAMES[covariance_type], source)

    _check_weights(weights, source)
    _check_covariances(covariances, covariance_type, source)
    try:
        params = MixtureParams.from_covariances(weights, means, covariances, covariance_type)
    except FitError as error:
        raise _refuse(source, str(error).split(":")[0]) from None

    fit = data.get("fit")
    if fit is not None and not isinstance(fit, Mapping):
        raise _refuse(source, f"its \"fit\" is a JSON {_json_kind(fit)}, not an object")
    extra = {key: value for key, value in data.items() if key not in MODEL_KEYS}
    return LoadedModel(params, feature_names, None if fit is None else copy.deepcopy(dict(fit)),
                       copy.deepcopy(extra))


_SHAPE_NAMES = {
    CovarianceType.FULL: "(n_components, n_features, n_features)",
    CovarianceType.TIED: "(n_features, n_features)",
    CovarianceType.DIAG: "(n_components, n_features)",
    CovarianceType.SPHERICAL: "(n_components,)",
}


def _refuse(source: str, problem: str) -> InputError:
    return InputError(f"cannot load {source}: {problem}.")


def _show(value: Any) -> str:
    """A value as JSON would spell it, cut short."""
    try:
        text = json.dumps(value)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _json_kind(value: Any) -> str:
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


def _and(keys: list[str]) -> str:
    quoted = [f'"{key}"' for key in keys]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _count(data: Mapping, key: str, source: str) -> int:
    value = data[key]
    if not is_int(value) or value < 1:
        raise _refuse(source, f"its {key} is {_show(value)}, but it must be a whole number >= 1")
    return int(value)


def _feature_names(names: Any, n_features: int, source: str) -> tuple[str, ...]:
    if names is None:
        return default_feature_names(n_features)
    if not isinstance(names, (list, tuple)) or not all(isinstance(name, str) for name in names):
        raise _refuse(source, "its feature_names must be a list of strings")
    if len(names) != n_features:
        raise _refuse(source, f"it has {len(names)} feature_names but n_features is {n_features}")
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


def _leaves(value: Any):
    if isinstance(value, (list, tuple)):
        for item in value:
            yield from _leaves(item)
    else:
        yield value


def _numbers(value: Any, key: str, expected: tuple[int, ...], meaning: str, source: str) -> NDArray[np.float64]:
    """``value`` as a float array of shape ``expected``, or the reason it cannot be one."""
    if isinstance(value, np.ndarray):
        value = value.tolist()
    shape = _shape(value)
    if shape != expected:
        got = "lists of different lengths" if shape is None else f"shape {shape}"
        raise _refuse(source, f"its {key} should have shape {expected} {meaning} but has {got}")
    for leaf in _leaves(value):
        if not is_number(leaf):
            raise _refuse(source, f"its {key} must hold numbers, but it holds {_show(leaf)}")
    try:
        array = np.array(value, dtype=float)
    except OverflowError:
        raise _refuse(source, f"its {key} holds a number too large for a float") from None
    if not np.all(np.isfinite(array)):
        raise _refuse(source, f"its {key} holds NaN or infinity, but every number must be finite")
    return array


def _check_weights(weights: NDArray[np.float64], source: str) -> None:
    negative = np.flatnonzero(weights < 0)
    if negative.size:
        k = int(negative[0])
        raise _refuse(source, f"the weight of component {k} is negative ({float(weights[k])!r})")
    total = float(weights.sum())
    if abs(total - 1.0) > WEIGHT_SUM_TOLERANCE:
        raise _refuse(source, f"its weights sum to {total:.10g}, not 1")


def _check_covariances(covariances: NDArray[np.float64], covariance_type: CovarianceType, source: str) -> None:
    if covariance_type in (CovarianceType.DIAG, CovarianceType.SPHERICAL):
        rows = covariances.reshape(len(covariances), -1)
        bad = np.flatnonzero(~(rows > 0).all(axis=1))
        if bad.size:
            raise _refuse(source, f"the variances of component {int(bad[0])} must all be positive")
        return
    if covariance_type is CovarianceType.TIED:
        matrices, names = [covariances], ["the shared covariance"]
    else:
        matrices = list(covariances)
        names = [f"the covariance of component {k}" for k in range(len(matrices))]
    for matrix, name in zip(matrices, names, strict=True):
        asymmetry = float(np.max(np.abs(matrix - matrix.T)))
        if asymmetry > SYMMETRY_TOLERANCE * float(np.max(np.abs(matrix))):
            raise _refuse(source, f"{name} is not symmetric")
        try:
            linalg.cholesky(matrix, lower=True)
        except linalg.LinAlgError:
            raise _refuse(source, f"{name} is not positive definite") from None


__all__ = [
    "FORMAT",
    "VERSION",
    "LoadedModel",
    "default_feature_names",
    "fit_summary",
    "load_model",
    "model_from_dict",
    "model_text",
    "model_to_dict",
    "save_model",
]
