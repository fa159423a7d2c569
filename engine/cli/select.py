"""The ``select`` command: choose the number of components (and the covariance type) for a data file.

It fits every cell of a grid K x covariance types (``engine.selection``), prints a line per finished cell
on stderr (unless ``--quiet``), then the whole table and the top 3 cells by the chosen criterion with their
differences to the best, as mclust's summary prints them. ``--out`` (the best model, the usual JSON
document whose ``fit`` block gains a ``selection`` entry) and ``--table`` (the grid as CSV) are written
together, atomically, at the very end.

(About 430 lines: the command's checks and its four outputs, text, table CSV, model and JSON, share the
cell formatting helpers here.)
"""

from __future__ import annotations

import csv
import io
import json
import math
import sys
import time
from typing import Any

from engine.cli.frontend import (
    EXIT_OK,
    add_columns,
    check_outputs,
    non_negative_number,
    print_lines,
    whole_number,
)
from engine.cli.streaming import StreamedDataset, add_stream_options
from engine.cli.weights_option import add_weights, load_command_data
from engine.covariance import CovarianceType
from engine.errors import InputError
from engine.io.atomic import write_all
from engine.io.model_json import fit_summary, model_text
from engine.selection.grid import (
    DEFAULT_FOLDS,
    DEFAULT_MAX_ITER,
    DEFAULT_N_INIT,
    DEFAULT_REG_COVAR,
    DEFAULT_TOL,
    START_TOL,
    Criterion,
    SelectionConfig,
    k_ranges,
    parse_covariance_types,
    parse_ks,
)
from engine.selection.lrt import (
    DEFAULT_ALPHA,
    DEFAULT_BOOT,
    LRTProgress,
    LRTResult,
    LRTStep,
    iterate_bootstrap_lrt,
)
from engine.selection.results import CellProgress, CellResult, SelectionResult
from engine.selection.run import (
    POSITIVE_ROWS,
    distinct_rows_up_to,
    effective_config,
    iterate_selection,
    selection_data,
)
from engine.selection.screening import (
    BIC_MARGIN,
    CV_MARGIN,
    ICL_MARGIN,
    SCREEN_MAX_ITER,
    SCREEN_MIN_ROWS,
    SCREEN_TOL,
    margin,
    screen_settings,
)

#: The table's columns: header, width.
_COLUMNS = (("K", 3), ("covariance", 10), ("log-likelihood", 15), ("params", 6), ("BIC", 12), ("AIC", 12),
            ("ICL", 12), ("CV loglik/row", 14), ("precision", 10))
CSV_HEADER = ("n_components", "covariance_type", "log_likelihood", "n_parameters", "bic", "aic", "icl",
              "cv_log_likelihood", "degenerate", "converged", "hit_max_iter", "n_iter", "seed", "chosen",
              "degenerate_reason", "precision", "fit_tol")
TOP = 3


def _number(value: float, digits: int) -> str:
    return "-" if not math.isfinite(value) else f"{value:.{digits}f}"


def precision(cell: CellResult) -> str:
    """``tight`` (fitted and cross-validated to ``--tol``) or ``screened`` (only to the screening tolerance)."""
    return "tight" if cell.tight else "screened"


def _flags(cell: CellResult) -> str:
    flags = []
    if cell.error is not None:
        flags.append("failed")
    elif cell.degenerate:
        flags.append("degenerate")
    if cell.hit_max_iter:
        flags.append("not converged")
    return ", ".join(flags)


def table_lines(result: SelectionResult) -> list[str]:
    """One row per cell (``*`` marks the chosen one), then the notes on flagged cells."""
    header = "  " + " ".join(f"{name:>{width}}" for name, width in _COLUMNS) + "  flags"
    lines = [header, "-" * len(header)]
    for cell in result.cells:
        values = (str(cell.n_components), cell.covariance_type.value, _number(cell.log_likelihood, 4),
                  str(cell.n_parameters), _number(cell.bic, 3), _number(cell.aic, 3), _number(cell.icl, 3),
                  _number(cell.cv_log_likelihood, 5), precision(cell))
        mark = "* " if cell is result.chosen else "  "
        row = mark + " ".join(f"{value:>{width}}" for value, (_, width) in zip(values, _COLUMNS, strict=True))
        lines.append(f"{row}  {_flags(cell)}".rstrip())
    notes = [f"  {cell.label}: {cell.degenerate_reason}" for cell in result.cells if cell.degenerate]
    notes += [f"  {cell.label}: stopped at --max-iter {result.config.max_iter} before --tol {result.config.tol:g}"
              for cell in result.cells if cell.hit_max_iter]
    notes += [f"  {cell.label}: no CV value, {cell.cv_note}" for cell in result.cells if cell.cv_note]
    if notes:
        lines += ["", "flagged cells (degenerate cells are never chosen):", *notes]
    screened = [cell for cell in result.cells if not cell.tight]
    if screened:
        tol = max(cell.fit_tol for cell in screened)
        lines += ["", f"screened cells ({len(screened)}, fitted and cross-validated to tol {tol:g}, at most "
                      f"{SCREEN_MAX_ITER} iterations) were not refined to --tol {result.config.tol:g}:",
                      "  no criterion puts them near the best (--refine-all refines every cell)."]
    return lines


def top_lines(result: SelectionResult) -> list[str]:
    """The top cells by the chosen criterion and their differences to the best, as mclust prints them."""
    criterion = result.config.criterion
    name = criterion.value.upper()
    ranked = result.ranked(criterion)[:TOP]
    if not ranked:
        return [f"No model can be chosen by {name}: every cell is degenerate or has no {name} value."]
    best = ranked[0].value(criterion)
    width = max(12, *(len(cell.label) + 2 for cell in ranked))
    digits = 5 if criterion is Criterion.CV else 3
    sense = "higher is better" if criterion is Criterion.CV else "lower is better; mclust's value = -ours"
    return [
        f"Top {len(ranked)} model{'s' if len(ranked) != 1 else ''} based on the {name} criterion ({sense}):",
        " " * 9 + "".join(f"{cell.label:>{width}}" for cell in ranked),
        f"{name:<9}" + "".join(f"{_number(cell.value(criterion), digits):>{width}}" for cell in ranked),
        f"{name + ' diff':<9}" + "".join(f"{cell.value(criterion) - best:>{width}.{digits}f}" for cell in ranked),
    ]


def summary_lines(result: SelectionResult) -> list[str]:
    config = result.config
    lines = []
    if result.capped_note:
        lines.append(f"note: {result.capped_note}")
    best_by = ", ".join(f"{criterion.value.upper()} {cell.label if cell else '-'}"
                        for criterion, cell in result.best.items())
    lines.append(f"best by each criterion: {best_by}")
    chosen = result.chosen
    if chosen is not None:
        lines.append(f"chosen by {config.criterion.value.upper()}: {chosen.n_components} component"
                     f"{'s' if chosen.n_components != 1 else ''}, {chosen.covariance_type.value} covariance "
                     f"(log-likelihood {chosen.log_likelihood:.6f}, {chosen.n_iter} iterations, seed {chosen.seed})")
    return lines


def lrt_lines(lrt: LRTResult) -> list[str]:
    lines = [f"Bootstrap likelihood-ratio test, {lrt.covariance_type.value} covariance, {lrt.boot} replicates "
             f"per step (alpha {lrt.alpha:g}):"]
    for step in lrt.steps:
        lines.append(f"  {step.n_components} vs {step.n_components + 1} components: LRT {step.statistic:.4f}, "
                     f"p-value {step.p_value:.4f}{'' if step.significant(lrt.alpha) else '  (not significant)'}")
    if lrt.note:
        lines.append(f"  {lrt.note}")
    limit = " (every step was significant up to the largest K)" if lrt.stopped_at_limit else ""
    lines.append(f"  the test settles on {lrt.n_components} component{'s' if lrt.n_components != 1 else ''}{limit}")
    return lines


def _finite(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


def cell_dict(cell: CellResult) -> dict[str, Any]:
    """A cell as JSON-ready values (NaN as null)."""
    return {
        "n_components": cell.n_components, "covariance_type": cell.covariance_type.value,
        "log_likelihood": _finite(cell.log_likelihood), "n_parameters": cell.n_parameters,
        "bic": _finite(cell.bic), "aic": _finite(cell.aic), "icl": _finite(cell.icl),
        "cv_log_likelihood": _finite(cell.cv_log_likelihood), "degenerate": cell.degenerate,
        "degenerate_reason": cell.degenerate_reason, "converged": cell.converged, "hit_max_iter": cell.hit_max_iter,
        "n_iter": cell.n_iter, "seed": cell.seed, "cv_note": cell.cv_note, "error": cell.error,
        "precision": precision(cell), "fit_tol": _finite(cell.fit_tol), "refined": cell.refined,
    }


def grid_dict(result: SelectionResult) -> dict[str, Any]:
    config = result.config
    return {"ks": list(config.ks), "covariance_types": [t.value for t in config.covariance_types],
            "n_init": config.n_init, "folds": config.folds, "seed": config.seed, "tol": config.tol,
            "max_iter": config.max_iter, "reg_covar": config.reg_covar, "init": config.init.value,
            "start_tol": START_TOL, "capped_note": result.capped_note, "screen": config.screen,
            "screen_tol": screen_settings(config.tol, config.max_iter)[0],
            "screen_max_iter": screen_settings(config.tol, config.max_iter)[1],
            "margins": {criterion.value: margin(criterion, result.n_samples) for criterion in Criterion}}


def _short(cell: CellResult | None) -> dict[str, Any] | None:
    return None if cell is None else {"n_components": cell.n_components, "covariance_type": cell.covariance_type.value}


def selection_document(result: SelectionResult, lrt: LRTResult | None) -> dict[str, Any]:
    """``--json``: the grid, every cell and the choice."""
    document = {
        "criterion": result.config.criterion.value,
        "chosen": None if result.chosen is None else cell_dict(result.chosen),
        "best": {criterion.value: _short(cell) for criterion, cell in result.best.items()},
        "grid": grid_dict(result),
        "n_samples": result.n_samples, "n_features": result.n_features,
        "feature_names": list(result.feature_names),
        "cells": [cell_dict(cell) for cell in result.cells],
    }
    if lrt is not None:
        document["lrt"] = {"covariance_type": lrt.covariance_type.value, "boot": lrt.boot, "alpha": lrt.alpha,
                           "n_components": lrt.n_components, "stopped_at_limit": lrt.stopped_at_limit,
                           "note": lrt.note,
                           "steps": [{"n_components": step.n_components, "statistic": step.statistic,
                                      "p_value": step.p_value, "replicates": len(step.replicates)}
                                     for step in lrt.steps]}
    return document


def table_csv(result: SelectionResult) -> str:
    """``--table``: a header, then one row per cell; missing numbers are empty fields."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for cell in result.cells:
        numbers = [cell.log_likelihood, cell.n_parameters, cell.bic, cell.aic, cell.icl, cell.cv_log_likelihood]
        writer.writerow([cell.n_components, cell.covariance_type.value,
                         *("" if isinstance(v, float) and not math.isfinite(v) else repr(v) for v in numbers),
                         cell.degenerate, cell.converged, cell.hit_max_iter, cell.n_iter, cell.seed,
                         cell is result.chosen, cell.degenerate_reason or "", precision(cell),
                         "" if not math.isfinite(cell.fit_tol) else repr(cell.fit_tol)])
    return buffer.getvalue()


def best_model_text(result: SelectionResult, path, weights_entry: dict[str, Any] | None = None) -> str:
    """``--out``: the chosen cell's model document, its ``fit`` block with a ``selection`` entry (and, for a
    weighted selection, ``weights_entry``: ``{"sample_weights": {"column", "sum"}}``)."""
    chosen = result.chosen
    block = fit_summary(chosen.fit) | dict(weights_entry or {})
    block["selection"] = {"criterion": result.config.criterion.value, "grid": grid_dict(result),
                          "chosen": cell_dict(chosen)}
    return model_text(chosen.params, result.feature_names, block, path=path)


class _CellLines:
    """One stderr line per finished cell."""

    def __init__(self, stream, started: float) -> None:
        self.stream, self.started, self.done = stream, started, 0

    def __call__(self, cell: CellResult, n_cells: int) -> None:
        flags = ", ".join(([] if cell.tight else ["screened"]) + ([_flags(cell)] if _flags(cell) else []))
        if cell.refined:
            head = "refined      "
        else:
            self.done += 1
            head = f"cell {self.done:>2}/{n_cells}"
        print_lines([f"{head}  {cell.label:<14} log-likelihood "
                     f"{_number(cell.log_likelihood, 4):>12}  BIC {_number(cell.bic, 3):>11}  "
                     f"{cell.n_iter:>5} iterations  {time.perf_counter() - self.started:6.1f} s"
                     + (f"  {flags}" if flags else "")], self.stream)


def _ks(text: str | None, X, rows: str) -> tuple[int, ...] | None:
    """``--k`` as numbers of components (None: the default range), a K above the number of distinct rows of
    ``X`` (n_samples, n_features; ``rows`` says what they are) refused before the Ks are listed."""
    if text is None:
        return None
    return parse_ks(text, at_most=distinct_rows_up_to(X, k_ranges(text)[-1][1]), rows=rows)


def _config(args, ks: tuple[int, ...] | None) -> SelectionConfig:
    return SelectionConfig(ks=ks, covariance_types=parse_covariance_types(args.covariance), n_init=args.n_init,
                           seed=args.seed, tol=args.tol, max_iter=args.max_iter, reg_covar=args.reg_covar,
                           folds=args.folds, criterion=args.criterion, screen=False if args.refine_all else None)


def cmd_select(args) -> int:
    outputs = check_outputs({"--out": args.out, "--table": args.table}, {"data file": args.data})
    if args.boot is not None and args.lrt is None:
        raise InputError("--boot sets the replicates of the likelihood-ratio test: give --lrt TYPE with it.")
    # A bad --k or --covariance is refused before the data is read; the Ks are listed once the data says how
    # many components it can hold (a range as wide as 1-1e12 is refused, not listed).
    if args.k is not None:
        k_ranges(args.k)
    parse_covariance_types(args.covariance)
    if args.weights is not None and args.lrt is not None:
        raise InputError("--lrt does not take --weights yet (its bootstrap draws unweighted samples): drop one of "
                         "them.")
    data = load_command_data(args, args.drop_invalid)
    dataset = data.dataset
    rows = dataset.rows if isinstance(dataset, StreamedDataset) else None
    if rows is not None and args.lrt is not None:
        raise InputError("--lrt draws replicate data sets in memory, so it does not run on streamed data: drop "
                         "--lrt, or fit a .npy file small enough to load (without --stream).")
    # The data and the grid are checked before anything is printed (iterate_selection checks them again).
    weighed_out = data.sample_weight is not None and not data.sample_weight.all()  # rows of weight 0 do not count
    positive = selection_data(dataset.X[data.sample_weight > 0] if weighed_out else dataset.X, dataset.feature_names)
    rows_counted = POSITIVE_ROWS if weighed_out else "rows"
    config = _config(args, _ks(args.k, positive, rows_counted))
    checked, _ = effective_config(positive, config, rows_counted)
    stream = sys.stderr
    quiet = args.quiet
    started = time.perf_counter()
    if not quiet:
        types = ", ".join(t.value for t in checked.covariance_types)
        print_lines([f"select: {dataset.n_samples} rows x {dataset.n_features} features; K in "
                     f"{_ks_text(checked)} x {types}; {checked.n_init} starts per cell, seed {checked.seed}"]
                    + data.summary_line(), stream)
    cell_line = _CellLines(stream, started)
    result, n_cells = None, 0
    for event in iterate_selection(dataset.X, config, dataset.feature_names, processes=args.jobs, rows=rows,
                                   progress=not quiet, sample_weight=data.sample_weight):
        if isinstance(event, CellProgress):
            n_cells = event.n_cells
        elif isinstance(event, CellResult) and not quiet:
            cell_line(event, n_cells)
        elif isinstance(event, SelectionResult):
            result = event
    lrt = None
    if args.lrt is not None:
        fitted = {cell.n_components: cell for cell in result.cells  # screened cells are fitted again, tightly
                  if cell.covariance_type is CovarianceType(args.lrt) and cell.tight}
        boot = DEFAULT_BOOT if args.boot is None else args.boot
        for event in iterate_bootstrap_lrt(dataset.X, args.lrt, result.config, boot, DEFAULT_ALPHA, fitted,
                                           processes=args.jobs):
            if isinstance(event, LRTProgress) and not quiet and event.replicate * 10 // event.replicates > (
                    event.replicate - 1) * 10 // event.replicates and event.replicate < event.replicates:
                print_lines([f"LRT {args.lrt}: {event.n_components} vs {event.n_components + 1} components, "
                             f"replicate {event.replicate}/{event.replicates}  "
                             f"{time.perf_counter() - started:6.1f} s"], stream)
            elif isinstance(event, LRTStep) and not quiet:
                print_lines([f"LRT {args.lrt}: {event.n_components} vs {event.n_components + 1} components, "
                             f"p-value {event.p_value:.4f}  {time.perf_counter() - started:6.1f} s"], stream)
            elif isinstance(event, LRTResult):
                lrt = event
    files = {}
    if "--out" in outputs:
        if result.chosen is None:
            raise InputError(f"no model can be chosen by {config.criterion.value.upper()} (every cell is degenerate "
                             "or has no value), so --out has nothing to write: widen --k or raise --reg-covar.")
        files[outputs["--out"]] = best_model_text(result, outputs["--out"], data.fit_block_entry())
    if "--table" in outputs:
        files[outputs["--table"]] = table_csv(result)
    if files:
        write_all(files)
    if args.json:
        print_lines([json.dumps(selection_document(result, lrt), indent=2, allow_nan=False)])
        return EXIT_OK
    lines = table_lines(result) + [""] + top_lines(result) + [""] + summary_lines(result)
    if args.seed is None:  # the progress that names it is on stderr, and not there with --quiet
        lines.append(f"seed {result.config.seed} was drawn: --seed {result.config.seed} repeats this selection")
    if lrt is not None:
        lines += [""] + lrt_lines(lrt)
    if files:
        lines.append("wrote " + ", ".join(str(path) for path in files))
    print_lines(lines)
    return EXIT_OK


def _ks_text(config: SelectionConfig) -> str:
    ks = config.ks
    if list(ks) == list(range(ks[0], ks[-1] + 1)) and len(ks) > 2:
        return f"{ks[0]}-{ks[-1]}"
    return ",".join(str(k) for k in ks)


def register(commands) -> None:
    """Add ``select`` to the front end's subparsers."""
    p = commands.add_parser(
        "select", help="choose the number of components and the covariance type (BIC, AIC, ICL, CV)",
        description="Fit every K x covariance type of a grid, each to its optimum, and choose the best "
                    "non-degenerate model. Each cell: --n-init k-means++ starts run as scikit-learn's (to a "
                    f"change of {START_TOL:g} per row), the best continued, then --folds cross-validation fits. "
                    f"On more than {SCREEN_MIN_ROWS} rows, phase 1 (screening) fits every cell so to tol "
                    f"{SCREEN_TOL:g} (at most {SCREEN_MAX_ITER} iterations); phase 2 continues to --tol, and "
                    "cross-validates at it, only the cells whose BIC or AIC is within "
                    f"{BIC_MARGIN:g} of the best, ICL within {ICL_MARGIN:g}, or CV within {CV_MARGIN:g} / N per row "
                    "(--refine-all: every cell; on fewer rows every cell is fitted to --tol). BIC, AIC and ICL are "
                    "lower-is-better (mclust's = -ours); CV is the "
                    "held-out log-likelihood per row (higher is better).")
    p.add_argument("data", metavar="DATA", help="data file (CSV with a header, .npy, or Parquet file or folder)")
    p.add_argument("--k", metavar="KS", help="numbers of components: a range 1-9 or a list 2,3,5 (default 1-9, "
                                            "capped by the number of distinct rows)")
    p.add_argument("--covariance", default="all", metavar="TYPES",
                   help="'all' (default) or a comma-separated list of full, tied, diag, spherical")
    p.add_argument("--criterion", choices=[c.value for c in Criterion], default=Criterion.BIC.value,
                   help="what chooses the best model (default bic)")
    p.add_argument("--folds", type=whole_number(2), default=DEFAULT_FOLDS,
                   help=f"cross-validation folds, at most the rows (default {DEFAULT_FOLDS})")
    p.add_argument("--n-init", type=whole_number(1), default=DEFAULT_N_INIT,
                   help=f"starts per cell (default {DEFAULT_N_INIT})")
    p.add_argument("--seed", type=whole_number(0), help="random seed of the whole run (default: drawn and reported)")
    p.add_argument("--tol", type=non_negative_number, default=DEFAULT_TOL,
                   help=f"the cells that can decide the choice (phase 2) are continued, and cross-validated, "
                        f"until the mean log-likelihood per row changes by less (default {DEFAULT_TOL:g}: tight, so "
                        "that they are compared at their optima)")
    p.add_argument("--max-iter", type=whole_number(1), default=DEFAULT_MAX_ITER,
                   help=f"at most this many iterations of that continuation (default {DEFAULT_MAX_ITER}); a cell "
                        "that stops there is marked 'not converged'")
    p.add_argument("--refine-all", action="store_true",
                   help="continue every cell to --tol, not only those near the best (slower; same choice)")
    p.add_argument("--reg-covar", type=non_negative_number, default=DEFAULT_REG_COVAR,
                   help=f"added to every covariance's diagonal (default {DEFAULT_REG_COVAR:g})")
    add_columns(p)
    p.add_argument("--drop-invalid", action="store_true", help="drop rows with missing or non-numeric values")
    add_weights(p)
    p.add_argument("--lrt", choices=[t.value for t in CovarianceType], metavar="TYPE",
                   help="also run the sequential bootstrap likelihood-ratio test (K vs K+1) for this covariance "
                        "type")
    p.add_argument("--boot", type=whole_number(1),
                   help=f"bootstrap replicates per step of --lrt (default {DEFAULT_BOOT})")
    p.add_argument("--jobs", type=whole_number(1), help="worker processes (default: one per core)")
    p.add_argument("--out", metavar="BEST.json", help="write the chosen model as a JSON model file")
    p.add_argument("--table", metavar="TABLE.csv", help="write the whole grid as CSV")
    p.add_argument("--json", action="store_true",
                   help="print the grid and the choice as one JSON document (progress stays on stderr)")
    p.add_argument("--quiet", action="store_true", help="no line per cell on stderr")
    add_stream_options(p, quiet=False)
    p.set_defaults(run=cmd_select)


__all__ = ["CSV_HEADER", "best_model_text", "cell_dict", "register", "selection_document", "table_csv",
           "table_lines", "top_lines"]
