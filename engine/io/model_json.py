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
the file and what is wrong (the checks are in ``engine.io.model_checks``); nothing else escapes.
"""

from __future__ import annotations

import copy
import json
import math
import os
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from engine.checks import is_int
from engine.covariance import CovarianceType, covariance_shape
from engine.em import FitResult
from engine.errors import FitError, InputError
from engine.io.atomic import atomic_write_text
from engine.io.model_checks import (
    COVARIANCE_CHECKS,
    SHAPE_NAMES,
    check_nesting,
    check_weights,
    checked_count,
    checked_feature_names,
    checked_numbers,
    default_feature_names,
    json_kind,
    quoted_keys,
    refuse,
    show,
)
from engine.io.paths import file_status, is_regular, shown_path
from engine.model import aic_from, bic_from
from engine.params import MixtureParams

FORMAT = "gmm-explorer.model"
VERSION = 1
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


def fit_summary(fit_result: FitResult) -> dict[str, Any]:
    """The ``fit`` block of a model file for a finished fit.

    Keys: ``log_likelihood`` (total), ``mean_log_likelihood`` (per sample), ``n_samples``, ``n_iter``,
    ``converged``, ``tol``, ``reg_covar``, ``max_iter``, ``init``, ``seed`` (null when none was given),
    ``n_init``, ``history`` (mean log-likelihood of every E-step of the kept start), ``bic``, ``aic``.
    A weighted fit adds ``sample_weights``: ``{"sum": W}`` (the command line adds ``"column"``); its
    log-likelihoods are then weighted, the mean is per unit of weight and BIC's n is ``W``.
    """
    config = fit_result.config
    mean = float(fit_result.mean_log_likelihood)
    n_samples = int(fit_result.n_samples)
    weight_sum = float(getattr(fit_result, "weight_sum", n_samples))
    block = {
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
        "bic": bic_from(mean, weight_sum, fit_result.params),
        "aic": aic_from(mean, weight_sum, fit_result.params),
    }
    if getattr(fit_result, "total_weight", None) is not None:
        block["sample_weights"] = {"sum": weight_sum}
    return block


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
    source = f"the model file {shown_path(file)}"
    status = file_status(file, lambda problem: refuse(source, problem))
    if status is None:
        raise refuse(source, "it does not exist")
    if stat.S_ISDIR(status.st_mode):
        raise refuse(source, "it is not a file but a folder")
    if not is_regular(status):  # checked before opening: opening a pipe waits for a writer for ever
        raise refuse(source, "it is not a regular file (a pipe or a device?)")
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise refuse(source, "it is not a text file (UTF-8)") from None
    except OSError as error:
        raise refuse(source, f"it cannot be read ({error.strerror or error})") from None
    try:
        data = json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float)
    except _NotFiniteError as error:
        raise refuse(source, f"it holds the number {error.text}, but every number must be finite") from None
    except json.JSONDecodeError as error:
        raise refuse(source, f"it is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})"
                     ) from None
    except ValueError as error:  # an integer with too many digits, for one
        raise refuse(source, f"it is not valid JSON ({error})") from None
    except RecursionError:
        raise refuse(source, "it is not valid JSON (nested too deeply)") from None
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
        raise refuse(source, f"it holds a JSON {json_kind(data)}, not an object with the model's keys")
    check_nesting(data, source)
    if "format" not in data:
        raise refuse(source, f"it has no \"format\" key, so it is not a {FORMAT} file")
    if data["format"] != FORMAT:
        raise refuse(source, f"its format is {show(data['format'])}, not \"{FORMAT}\"")
    version = data.get("version")
    if not is_int(version) or version != VERSION:
        shown = "missing" if "version" not in data else show(version)
        raise refuse(source, f"its format version is {shown}, but only version {VERSION} is supported")
    missing = [key for key in _REQUIRED_KEYS if key not in data]
    if missing:
        raise refuse(source, f"it lacks the key{'s' if len(missing) > 1 else ''} {quoted_keys(missing)}")

    try:
        covariance_type = CovarianceType(data["covariance_type"])
    except (ValueError, TypeError):
        choices = ", ".join(t.value for t in CovarianceType)
        raise refuse(source, f"its covariance_type {show(data['covariance_type'])} is not one of {choices}"
                     ) from None
    n_components = checked_count(data, "n_components", source)
    n_features = checked_count(data, "n_features", source)
    feature_names = checked_feature_names(data.get("feature_names"), n_features, source)

    weights = checked_numbers(data["weights"], "weights", (n_components,), "(n_components,)", source)
    means = checked_numbers(data["means"], "means", (n_components, n_features), "(n_components, n_features)", source)
    cov_shape = covariance_shape(covariance_type, n_components, n_features)
    covariances = checked_numbers(data["covariances"], "covariances", cov_shape, SHAPE_NAMES[covariance_type], source)

    check_weights(weights, source)
    COVARIANCE_CHECKS[covariance_type](covariances, source)
    try:
        params = MixtureParams.from_covariances(weights, means, covariances, covariance_type)
    except FitError as error:
        raise refuse(source, str(error).split(":")[0]) from None

    fit = data.get("fit")
    if fit is not None and not isinstance(fit, Mapping):
        raise refuse(source, f"its \"fit\" is a JSON {json_kind(fit)}, not an object")
    extra = {key: value for key, value in data.items() if key not in MODEL_KEYS}
    return LoadedModel(params, feature_names, None if fit is None else copy.deepcopy(dict(fit)),
                       copy.deepcopy(extra))


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
