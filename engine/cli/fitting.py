"""The ``fit``, ``predict`` and ``score`` commands: a mixture fitted to a data file, and used on one.

Every command reads and checks all of its input first, computes, and writes its one output file
atomically at the very end, so a command that fails leaves no file behind and an existing output file
exactly as it was.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

import numpy as np

from engine.agreement import Agreement, agreement_dict, agreement_lines, fit_agreement
from engine.checks import draw_seed
from engine.cli.frontend import (
    DEFAULT_MAX_ITER,
    DEFAULT_REG_COVAR,
    DEFAULT_TOL,
    EXIT_OK,
    add_columns,
    check_outputs,
    non_negative_number,
    print_lines,
    whole_number,
)
from engine.cli.streaming import (
    StreamedDataset,
    add_scheduler_option,
    add_stream_options,
    fit_backend,
    mean_log_likelihood,
    release_backend,
    write_predictions,
)
from engine.cli.weights_option import WeightedData, add_weights, load_command_data
from engine.config import FitConfig, InitMethod
from engine.covariance import CovarianceType
from engine.em import EMSnapshot, FitResult, HalfStep, fit
from engine.errors import InputError
from engine.io.model_json import fit_summary, load_model, model_to_dict, save_model
from engine.io.tables import save_csv_atomic
from engine.model import aic_from, bic_from, predict, predict_proba, score
from engine.params import MixtureParams


def check_features(params: MixtureParams, X: np.ndarray, model_features: Sequence[str] | None) -> None:
    """Raise ``InputError`` unless the data has as many features as the model."""
    expected, got = params.n_features, X.shape[1]
    if expected != got:
        # The first sentence is the one the README quotes.
        hint = f" The model was fitted on {', '.join(model_features)}." if model_features else ""
        raise InputError(
            f"the data has {got} feature{'s' if got != 1 else ''} but the model expects {expected}: "
            f"choose columns with --columns.{hint}"
        )


# ----------------------------------------------------------------------------------------------------
# Text formatting
# ----------------------------------------------------------------------------------------------------


def _array(values: np.ndarray, indent: str) -> str:
    text = np.array2string(np.asarray(values), separator=", ", max_line_width=100,
                           formatter={"float_kind": lambda value: f"{value:.6g}"})
    return text.replace("\n", "\n" + indent)


def _component_lines(params: MixtureParams, covariance_label: str | None) -> list[str]:
    """Each component's weight and mean, and its own covariance under ``covariance_label`` unless None."""
    lines = []
    for k in range(params.n_components):
        lines.append(f"component {k}: weight {params.weights[k]:.6f}")
        lines.append(f"  mean: {_array(params.means[k], '        ')}")
        if covariance_label is not None:
            indent = " " * (len(covariance_label) + 4)
            lines.append(f"  {covariance_label}: {_array(params.covariances[k], indent)}")
    return lines


def _lines_full(params: MixtureParams) -> list[str]:
    return _component_lines(params, "covariance")


def _lines_tied(params: MixtureParams) -> list[str]:
    return _component_lines(params, None) + [f"shared covariance: {_array(params.covariances, ' ' * 19)}"]


def _lines_diag(params: MixtureParams) -> list[str]:
    return _component_lines(params, "variances")


def _lines_spherical(params: MixtureParams) -> list[str]:
    return _component_lines(params, "variance")


#: params -> the summary's lines of every component (a tied covariance is shown once, after them).
_PARAMS_LINES: dict[CovarianceType, Callable[[MixtureParams], list[str]]] = {
    CovarianceType.FULL: _lines_full,
    CovarianceType.TIED: _lines_tied,
    CovarianceType.DIAG: _lines_diag,
    CovarianceType.SPHERICAL: _lines_spherical,
}


def format_params(params: MixtureParams) -> list[str]:
    """Readable lines: the weight, mean and covariance of every component."""
    return _PARAMS_LINES[params.covariance_type](params)


# ----------------------------------------------------------------------------------------------------
# fit
# ----------------------------------------------------------------------------------------------------


class _Progress:
    """Prints one line per EM iteration (on the M snapshots), marking the start when there are several."""

    def __init__(self, n_init: int, stream: TextIO) -> None:
        self.n_init = n_init
        self.stream = stream

    def __call__(self, snapshot: EMSnapshot) -> None:
        if snapshot.half_step is HalfStep.BEST:
            start_lls = ", ".join(f"{v:.10g}" for v in snapshot.start_log_likelihoods)
            print_lines([f"best start: {snapshot.start + 1} of {self.n_init} (final mean log-likelihoods: "
                         f"{start_lls})"], self.stream)
            return
        if snapshot.half_step is not HalfStep.M:
            return
        start = f"start {snapshot.start + 1}/{self.n_init}  " if self.n_init > 1 else ""
        change = snapshot.change
        change_text = "-" if math.isnan(change) else f"{change:+.6e}"
        reseeded = "".join(f"  re-seeded component {k}" for k in snapshot.reseeded)
        print_lines([f"{start}iteration {snapshot.iteration:4d}  mean log-likelihood "
                     f"{snapshot.mean_log_likelihood:.10g}  change {change_text}{reseeded}"], self.stream)


def _fit_config(args, init_params: MixtureParams | None) -> FitConfig:
    n_components = args.k
    covariance = args.covariance
    init = args.init
    if init_params is not None:
        if init is not None and init != InitMethod.GIVEN.value:
            raise InputError(f"--init {init} and --init-model contradict each other: drop one of them.")
        init = InitMethod.GIVEN.value
        if n_components is None:
            n_components = init_params.n_components
        elif n_components != init_params.n_components:
            raise InputError(f"the starting model has {init_params.n_components} components but --k is "
                             f"{n_components}: drop --k or give --k {init_params.n_components}.")
        if covariance is None:
            covariance = init_params.covariance_type.value
        elif covariance != init_params.covariance_type.value:
            raise InputError(f"the starting model has {init_params.covariance_type.value} covariances but "
                             f"--covariance is {covariance}: drop --covariance or make them match.")
    else:
        if n_components is None:
            raise InputError("fit needs the number of components: give --k K (or a starting model with "
                             "--init-model MODEL.json).")
        if init == InitMethod.GIVEN.value:
            raise InputError("--init given needs starting parameters: give them with --init-model MODEL.json.")
    seed = args.seed if args.seed is not None else draw_seed()
    return FitConfig(
        n_components=n_components,
        covariance_type=covariance or CovarianceType.FULL.value,
        tol=args.tol,
        max_iter=args.max_iter,
        reg_covar=args.reg_covar,
        init=init or InitMethod.KMEANS_PP.value,
        n_init=args.n_init,
        seed=seed,
        init_params=init_params,
    )


def fit_summary_lines(result: FitResult, dataset, out: Path, data: WeightedData | None = None,
                      agreement: Agreement | None = None) -> list[str]:
    """The readable summary of a fit: settings, log-likelihood, BIC/AIC, the parameters and the agreement
    with the data's true labels (``agreement``, when it has them)."""
    params, config = result.params, result.config
    names = ", ".join(dataset.feature_names)
    if result.converged:
        status = "converged"
    else:
        status = f"not converged: stopped at --max-iter {config.max_iter}; raise it or loosen --tol"
    bic = bic_from(result.mean_log_likelihood, result.weight_sum, params)
    aic = aic_from(result.mean_log_likelihood, result.weight_sum, params)
    lines = [
        f"fitted {params.n_components} component{'s' if params.n_components != 1 else ''}, "
        f"{params.covariance_type.value} covariance, to {result.n_samples} samples x {params.n_features} "
        f"features ({names})",
        f"init: {config.init.value}, starts: {config.n_init}, seed: {config.seed}",
        f"iterations: {result.n_iter} ({status})",
        *([] if data is None else data.summary_line()),
        *([] if not result.reseed_events else ["collapsed and re-seeded: " + "; ".join(
            f"component {event.component} at iteration {event.iteration}" for event in result.reseed_events)]),
        f"log-likelihood: {result.log_likelihood:.10g} (mean {result.mean_log_likelihood:.10g} per sample)",
        f"BIC: {bic:.10g}",
        f"AIC: {aic:.10g}",
    ]
    if dataset.n_dropped:
        lines.append(f"dropped rows: {dataset.n_dropped} (missing or invalid values)")
    lines += format_params(params)
    if agreement is not None:
        lines += agreement_lines(agreement)
    lines.append(f"model written to {out}")
    return lines


def cmd_fit(args) -> int:
    out = check_outputs({"--out": args.out}, {"data file": args.data, "starting model": args.init_model})["--out"]
    loaded = load_model(args.init_model) if args.init_model is not None else None  # "" is refused, not ignored
    init_params = loaded.params if loaded is not None else None
    config = _fit_config(args, init_params)
    data = load_command_data(args, args.drop_invalid)
    dataset = data.dataset
    if loaded is not None:
        check_features(loaded.params, dataset.X, loaded.feature_names)
    # With --json stdout carries only the JSON document, so the progress goes to stderr.
    progress = None if args.quiet else _Progress(config.n_init, sys.stderr if args.json else sys.stdout)
    backend = fit_backend(args, dataset, data.sample_weight)
    try:
        result = fit(dataset.X, config, on_snapshot=progress, feature_names=dataset.feature_names, backend=backend,
                     sample_weight=data.sample_weight)
    finally:
        release_backend(backend)
    # A column "label" is the true labels, not a feature (engine.io.true_labels): the fit is compared with them.
    # (A streamed file's rows are not held in memory: its labels are not read.)
    agreement = fit_agreement(result.params, dataset.X, getattr(dataset, "labels", None),
                              getattr(dataset, "label_names", None))
    extra = None if agreement is None else {"agreement": agreement_dict(agreement)}
    block = fit_summary(result) | data.fit_block_entry()
    save_model(out, result.params, feature_names=dataset.feature_names, fit_result=block, extra=extra)
    if args.json:
        print_lines([json.dumps(model_to_dict(result.params, dataset.feature_names, block, extra), indent=2)])
    else:
        print_lines(fit_summary_lines(result, dataset, out, data, agreement), sys.stdout)
    return EXIT_OK


# ----------------------------------------------------------------------------------------------------
# predict, score
# ----------------------------------------------------------------------------------------------------


def _model_and_data(args, drop_invalid: bool = False):
    loaded, data = _model_and_weighted_data(args, drop_invalid)
    return loaded, data.dataset


def _model_and_weighted_data(args, drop_invalid: bool = False) -> tuple:
    loaded = load_model(args.model)
    try:
        data = load_command_data(args, drop_invalid)
    except InputError as error:
        message = str(error)
        if args.command == "predict" and "--drop-invalid" in message:
            # predict writes one row per input row, so it has no --drop-invalid to suggest.
            message = message.rsplit("; ", 1)[0] + "; fix that value (predict keeps every row, so it cannot skip it)."
            raise InputError(message) from None
        raise
    check_features(loaded.params, data.dataset.X, loaded.feature_names)
    return loaded, data


def cmd_predict(args) -> int:
    out = check_outputs({"--out": args.out}, {"model file": args.model, "data file": args.data})["--out"]
    loaded, dataset = _model_and_data(args)
    params = loaded.params
    if isinstance(dataset, StreamedDataset):  # written block by block, then renamed into place
        header = write_predictions(out, params, dataset, args.proba)
        print_lines([f"wrote {dataset.n_samples} predictions ({', '.join(header)}) to {out}"])
        return EXIT_OK
    header = ["label"]
    # The labels come from predict either way, so --proba never changes the label column.
    rows = predict(params, dataset.X)
    if args.proba:
        header += [f"p{k}" for k in range(params.n_components)]
        rows = np.column_stack([rows, predict_proba(params, dataset.X)])
    fmt = ["%d"] + ["%r"] * (len(header) - 1)
    save_csv_atomic(out, header, rows, fmt=fmt)
    print_lines([f"wrote {len(rows)} predictions ({', '.join(header)}) to {out}"])
    return EXIT_OK


def cmd_score(args) -> int:
    loaded, data = _model_and_weighted_data(args, args.drop_invalid)
    dataset = data.dataset
    n_samples = int(dataset.n_samples)
    if isinstance(dataset, StreamedDataset):
        mean = mean_log_likelihood(loaded.params, dataset)
    else:
        mean = float(score(loaded.params, dataset.X, data.sample_weight))
    total = mean * data.weight_sum
    # With --weights one more key, "weight_sum" (the mean is per unit of weight).
    extra = {} if data.sample_weight is None else {"weight_sum": data.weight_sum}
    if args.json:
        print_lines([json.dumps({"log_likelihood": total, "mean_log_likelihood": mean, "n_samples": n_samples}
                                | extra)])
    else:
        print_lines([f"log-likelihood: {total:.10g}", f"mean log-likelihood: {mean:.10g}", f"samples: {n_samples}"]
                    + [f"weight sum: {data.weight_sum:.10g}" for _ in extra])
    return EXIT_OK



def register(commands) -> None:
    """Add ``fit``, ``predict`` and ``score`` to the front end's subparsers."""
    p = commands.add_parser("fit", help="fit a mixture to a data file and save the model as JSON",
                            description="Fit a Gaussian mixture with EM and save it as a JSON model.")
    p.add_argument("data", metavar="DATA", help="data file (CSV with a header, .npy, or Parquet file or folder)")
    p.add_argument("--k", type=whole_number(1), help="number of components (required unless --init-model)")
    p.add_argument("--covariance", choices=[t.value for t in CovarianceType],
                   help="covariance type (default full, or the starting model's)")
    p.add_argument("--tol", type=non_negative_number, default=DEFAULT_TOL,
                   help=f"stop when the mean log-likelihood changes by less (default {DEFAULT_TOL:g}; 0 runs "
                        "--max-iter iterations)")
    p.add_argument("--max-iter", type=whole_number(0), default=DEFAULT_MAX_ITER,
                   help=f"at most this many EM iterations per start (default {DEFAULT_MAX_ITER})")
    p.add_argument("--init", choices=[m.value for m in InitMethod],
                   help="initialisation (default kmeans++; 'given' with --init-model)")
    p.add_argument("--init-model", metavar="MODEL.json", help="start from this model's parameters (init 'given')")
    p.add_argument("--n-init", type=whole_number(1), default=1,
                   help="number of starts; the best is kept (default 1)")
    p.add_argument("--seed", type=whole_number(0), help="random seed (default: drawn and reported)")
    p.add_argument("--reg-covar", type=non_negative_number, default=DEFAULT_REG_COVAR,
                   help=f"added to every covariance's diagonal (default {DEFAULT_REG_COVAR:g})")
    add_columns(p)
    p.add_argument("--drop-invalid", action="store_true", help="drop rows with missing or non-numeric values")
    add_weights(p)
    p.add_argument("--quiet", action="store_true", help="no line per iteration")
    p.add_argument("--json", action="store_true",
                   help="print the saved model document as JSON instead of the text summary (progress to stderr)")
    p.add_argument("--out", required=True, metavar="MODEL.json", help="where to save the model")
    add_stream_options(p, quiet=False)
    add_scheduler_option(p)
    p.set_defaults(run=cmd_fit)

    p = commands.add_parser("predict", help="label each row of a data file with its most likely component",
                            description="Write a CSV with the most likely component of each row "
                                        "(header 'label', or 'label,p0,p1,...' with --proba).")
    p.add_argument("model", metavar="MODEL.json")
    p.add_argument("data", metavar="DATA")
    p.add_argument("--proba", action="store_true", help="add each component's responsibility, columns p0, p1, ...")
    add_columns(p)
    p.add_argument("--out", required=True, metavar="FILE.csv", help="where to write the CSV")
    add_stream_options(p)
    p.set_defaults(run=cmd_predict)

    p = commands.add_parser("score", help="log-likelihood of a data file under a model",
                            description="Print the total and mean log-likelihood of the data under the model.")
    p.add_argument("model", metavar="MODEL.json")
    p.add_argument("data", metavar="DATA")
    add_columns(p)
    p.add_argument("--drop-invalid", action="store_true",
                   help="skip rows with missing or non-numeric values (n_samples counts the rows scored)")
    add_weights(p)
    p.add_argument("--json", action="store_true",
                   help='print {"log_likelihood": ..., "mean_log_likelihood": ..., "n_samples": ...}')
    add_stream_options(p)
    p.set_defaults(run=cmd_score)
