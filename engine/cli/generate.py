"""The ``generate`` command: write a teaching data set (``engine.presets``) as CSV."""

from __future__ import annotations

import inspect

import numpy as np

from engine.checks import draw_seed
from engine.cli.frontend import EXIT_OK, check_outputs, print_lines, whole_number
from engine.errors import InputError
from engine.io.tables import save_csv_atomic
from engine.presets import PRESETS, generate


def cmd_generate(args) -> int:
    out = check_outputs({"--out": args.out}, {})["--out"]  # generate reads no file
    seed = args.seed if args.seed is not None else draw_seed()
    options = {name: getattr(args, name) for name in ("n", "k", "d") if getattr(args, name) is not None}
    dataset = generate(args.preset, seed=seed, **options)
    header = list(dataset.feature_names)
    X = np.asarray(dataset.X)
    fmt = ["%r"] * X.shape[1]
    rows = X
    if args.labels:
        if dataset.labels is None:
            raise InputError(f"the preset {args.preset!r} has no true labels: drop --labels.")
        header.append("label")
        fmt.append("%d")
        rows = np.column_stack([X, dataset.labels])
    save_csv_atomic(out, header, rows, fmt=fmt)
    print_lines([f"wrote {X.shape[0]} samples x {X.shape[1]} features ({', '.join(dataset.feature_names)}) of "
                 f"preset {args.preset} (seed {seed}) to {out}"])
    return EXIT_OK



def register(commands) -> None:
    """Add ``generate`` to the front end's subparsers."""
    p = commands.add_parser("generate", help="write a generated teaching data set as CSV",
                            description="Write a preset data set as CSV with a header of feature names.")
    p.add_argument("preset", metavar="PRESET", help=f"one of {', '.join(PRESETS)}")
    defaults = {name: parameter.default for name, parameter in inspect.signature(generate).parameters.items()}
    p.add_argument("--n", type=whole_number(1), help=f"number of samples (default {defaults['n']})")
    p.add_argument("--k", type=whole_number(1),
                   help=f"number of components, for blobs and random (default {defaults['k']})")
    p.add_argument("--d", type=whole_number(1),
                   help=f"number of features, for blobs and random (default {defaults['d']})")
    p.add_argument("--seed", type=whole_number(0), help="random seed (default: drawn and reported)")
    p.add_argument("--labels", action="store_true", help="add the true component of each row as a column 'label'")
    p.add_argument("--out", required=True, metavar="DATA.csv", help="where to write the CSV")
    p.set_defaults(run=cmd_generate)
