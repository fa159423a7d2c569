"""The ``coins`` command: EM on a mixture of coins (binomials), the textbooks' first example, by the one loop.

    gmm-explorer coins --heads 5,9,8,4,7 --tosses 10 [--theta 0.6,0.5] [--weights 0.5,0.5] [--fix-weights]
        [--k K] [--max-iter N] [--tol T] [--seed S] [--json]

K is the number of thetas given, or ``--k`` with a seeded random start. The text output has one line per
iteration (thetas, weights, log-likelihood), then the last E-step as Do and Batzoglou's figure shows it:
per observation its heads and tails, each coin's responsibility, and the heads and tails credited to each
coin, with the totals that give the new thetas. ``--json`` prints exactly ``{"theta", "weights",
"log_likelihood", "n_iter", "converged", "history"}``, where ``history`` holds the parameters after each
iteration, starting with the start, each with its log-likelihood. Log-likelihoods are totals over the
observations (natural log, of the counts: with the binomial coefficients).
"""

from __future__ import annotations

import json
import re

import numpy as np

from engine.checks import draw_seed
from engine.cli.frontend import EXIT_OK, non_negative_number, print_lines, whole_number
from engine.em import EMSnapshot, HalfStep, run_em
from engine.errors import InputError
from engine.families.binomial import (
    BinomialConfig,
    BinomialFamily,
    BinomialParams,
    BinomialStats,
    CoinData,
    log_responsibilities,
)

DEFAULT_TOL = 1e-8
DEFAULT_MAX_ITER = 100


def parse_numbers(text: str, option: str, whole: bool) -> np.ndarray:
    """``"5,9,8"`` or ``"5 9 8"`` as numbers; one ``InputError`` naming the option for anything else."""
    parts = [part for part in re.split(r"[,\s]+", text.strip()) if part]
    if not parts:
        raise InputError(f"{option} is empty: give numbers separated by commas, e.g. {option} 5,9,8.")
    try:
        values = [int(part) if whole else float(part) for part in parts]
    except ValueError:
        kind = "whole numbers" if whole else "numbers"
        raise InputError(f"{option} must be {kind} separated by commas, not {text!r}.") from None
    return np.array(values, dtype=np.int64 if whole else float)


def _config(args) -> tuple[CoinData, BinomialConfig]:
    data = CoinData(parse_numbers(args.heads, "--heads", True), parse_numbers(args.tosses, "--tosses", True)
                    if "," in args.tosses or " " in args.tosses.strip() else np.array(int(args.tosses)))
    theta = parse_numbers(args.theta, "--theta", False) if args.theta is not None else None
    weights = parse_numbers(args.weights, "--weights", False) if args.weights is not None else None
    if theta is None and args.k is None:
        raise InputError("coins needs the coins: give their head probabilities with --theta 0.6,0.5, or their "
                         "number with --k K for a random start.")
    if theta is not None and args.k is not None and args.k != theta.size:
        raise InputError(f"--k {args.k} and the {theta.size} thetas of --theta disagree: drop --k.")
    n_components = theta.size if theta is not None else args.k
    if weights is not None and weights.size != n_components:
        raise InputError(f"give one weight per coin: {n_components} coins but {weights.size} weights.")
    init = None
    if theta is not None:
        init = BinomialParams.checked(theta, weights)
    elif weights is not None:
        BinomialParams.checked(np.full(n_components, 0.5), weights)  # the weights alone are checked
    seed = args.seed if args.seed is not None else (None if init is not None else draw_seed())
    config = BinomialConfig(n_components, tol=args.tol, max_iter=args.max_iter, seed=seed, init_params=init,
                            fixed_weights=args.fix_weights)
    if init is None and weights is not None:
        rng = np.random.default_rng(seed)
        start, _ = BinomialFamily(data, config).start(rng)
        config = BinomialConfig(n_components, tol=args.tol, max_iter=args.max_iter, seed=seed,
                                init_params=BinomialParams.of(start.theta, weights), fixed_weights=args.fix_weights)
    return data, config


def _total_log_likelihood(data: CoinData, params: BinomialParams) -> float:
    return float(log_responsibilities(data, params)[1].sum())


def _entry(data: CoinData, params: BinomialParams) -> dict:
    return {"theta": params.theta.tolist(), "weights": params.weights.tolist(),
            "log_likelihood": _total_log_likelihood(data, params)}


def _numbers(values) -> str:
    return ", ".join(f"{value:.6g}" for value in values)


def _iteration_line(data: CoinData, snapshot: EMSnapshot) -> str:
    params = snapshot.params
    return (f"iteration {snapshot.iteration:4d}  theta {_numbers(params.theta)}  weights {_numbers(params.weights)}"
            f"  log-likelihood {_total_log_likelihood(data, params):.10g}")


def e_step_table(data: CoinData, params: BinomialParams, stats: BinomialStats, iteration: int,
                 new: BinomialParams) -> list[str]:
    """The last E-step as the paper's figure shows it, with the totals that give the new thetas."""
    resp = np.exp(log_responsibilities(data, params)[0])
    k = params.n_components
    heads, tails = data.heads.astype(float), data.tails.astype(float)
    head = ["obs", "heads", "tails"] + [f"r{j}" for j in range(k)]
    for j in range(k):
        head += [f"H{j}", f"T{j}"]
    rows = []
    for i in range(data.n_observations):
        row = [str(i), str(int(heads[i])), str(int(tails[i]))] + [f"{resp[i, j]:.4f}" for j in range(k)]
        for j in range(k):
            row += [f"{resp[i, j] * heads[i]:.2f}", f"{resp[i, j] * tails[i]:.2f}"]
        rows.append(row)
    total = ["total", str(int(heads.sum())), str(int(tails.sum()))] + [f"{stats.nk[j]:.4f}" for j in range(k)]
    for j in range(k):
        total += [f"{stats.heads[j]:.2f}", f"{stats.tails[j]:.2f}"]
    rows.append(total)
    widths = [max(len(row[c]) for row in [head, *rows]) for c in range(len(head))]
    lines = [f"E-step of iteration {iteration}: responsibilities r (probability that coin j made the observation) "
             "and the heads H and tails T credited to each coin (r times the counts)"]
    lines += ["  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)) for row in [head, *rows]]
    for j in range(k):
        lines.append(f"M-step: theta{j} = H{j} / (H{j} + T{j}) = {stats.heads[j]:.4f} / "
                     f"({stats.heads[j]:.4f} + {stats.tails[j]:.4f}) = {new.theta[j]:.4f}")
    return lines


def run(args) -> int:
    """Run a parsed ``coins`` command line; raises ``GMMError`` for bad input."""
    data, config = _config(args)
    family = BinomialFamily(data, config)
    history, last_e, last = [], None, None
    lines = []
    for snapshot in run_em(family, config):
        if snapshot.half_step is HalfStep.INIT:
            history.append(_entry(data, snapshot.params))
        elif snapshot.half_step is HalfStep.E:
            last_e = snapshot
        elif snapshot.half_step is HalfStep.M:
            history.append(_entry(data, snapshot.params))
            if not args.json:
                lines.append(_iteration_line(data, snapshot))
        last = snapshot
    params = last.params
    if args.json:
        document = {"theta": params.theta.tolist(), "weights": params.weights.tolist(),
                    "log_likelihood": _total_log_likelihood(data, params), "n_iter": int(last.iteration),
                    "converged": bool(last.converged), "history": history}
        print_lines([json.dumps(document)])
        return EXIT_OK
    if last_e is not None:
        lines += e_step_table(data, last_e.params, last_e.stats, last_e.iteration, params)
    status = "converged" if last.converged else f"stopped at --max-iter {config.max_iter}"
    lines.append(f"{last.iteration} iterations ({status}): theta {_numbers(params.theta)}, weights "
                 f"{_numbers(params.weights)}, log-likelihood {_total_log_likelihood(data, params):.10g}")
    print_lines(lines)
    return EXIT_OK


def register(commands) -> None:
    """Add ``coins`` to the front end's subparsers."""
    p = commands.add_parser(
        "coins", help="EM on a mixture of coins (binomials): the textbooks' two-coins and three-coins examples",
        description="Fit a mixture of K coins (binomials) to counts of heads with EM, printing every iteration "
                    "and the last E-step as Do and Batzoglou's figure shows it. Example (the two coins): "
                    "coins --heads 5,9,8,4,7 --tosses 10 --theta 0.6,0.5 --weights 0.5,0.5 --fix-weights.")
    p.add_argument("--heads", required=True, metavar="H1,H2,...", help="heads of each observation")
    p.add_argument("--tosses", required=True, metavar="N or N1,N2,...",
                   help="tosses of each observation, or one number for all (1: the Bernoulli case)")
    p.add_argument("--theta", metavar="P1,P2,...",
                   help="each coin's starting head probability, in (0, 1); K is their number")
    p.add_argument("--weights", metavar="W1,W2,...", help="each coin's starting weight (default equal); they sum to 1")
    p.add_argument("--fix-weights", action="store_true", help="keep the weights fixed; re-estimate only the thetas")
    p.add_argument("--k", type=whole_number(1), help="number of coins, for a random start (seeded by --seed)")
    p.add_argument("--max-iter", type=whole_number(0), default=DEFAULT_MAX_ITER,
                   help=f"at most this many EM iterations (default {DEFAULT_MAX_ITER})")
    p.add_argument("--tol", type=non_negative_number, default=DEFAULT_TOL,
                   help=f"stop when the mean log-likelihood per observation changes by less (default {DEFAULT_TOL:g}; "
                        "0 runs --max-iter iterations)")
    p.add_argument("--seed", type=whole_number(0), help="random seed of a --k start (default: drawn)")
    p.add_argument("--json", action="store_true",
                   help='print {"theta", "weights", "log_likelihood", "n_iter", "converged", "history"} as JSON')
    p.set_defaults(run=run)
