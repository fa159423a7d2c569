"""The ``segment`` command: segment a picture with a Gaussian mixture, without a window.

    gmm-explorer segment IMAGE --k K [--features rgb|lab] [--spatial-weight W] [--sample N]
        [--covariance TYPE] [--tol T] [--max-iter N] [--seed S] [--model MODEL.json]
        --out SEGMENTED.png [--labels-out LABELS.npy] [--model-out MODEL.json]

It decodes the picture with Qt's image readers (``gui.image.codec``: QtGui only, no application object and
no display), fits a mixture to the pixels' features (``engine.imaging.segmentation``) or applies a saved model, and
writes the picture painted in each segment's mean colour, optionally the label map (``.npy``, or an
8-bit grey PNG whose values are the segment indices) and the model. Everything is checked and computed
first; the files are written together at the very end (``gui.image.codec.write_all``), so a command that
fails writes nothing and leaves existing files as they were.

Exit status as for the other commands: 0, 2 for bad input (one ``error:`` line on stderr), 130 when
interrupted.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication

from engine.cli.commands import (
    DEFAULT_MAX_ITER,
    DEFAULT_TOL,
    EXIT_BAD_INPUT,
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    PROG,
    UsageError,
    check_output_path,
)
from engine.config import FitConfig
from engine.covariance import CovarianceType
from engine.errors import GMMError, InputError
from engine.imaging.segmentation import (
    DEFAULT_SAMPLE,
    MAX_COMPONENTS,
    ColorSpace,
    FeatureSpec,
    Segmentation,
    apply_model,
    mean_colours,
    render_labels,
    segment_image,
)
from engine.io.model_json import load_model
from gui.image.codec import Picture, labels_writer, load_picture, picture_writer, segmentation_model_writer, write_all

#: Options that only make sense when fitting; refused with --model.
FIT_OPTIONS = ("sample", "covariance", "tol", "max_iter", "seed", "features", "spatial_weight")


def tr(text: str) -> str:
    """``text`` translated in the ``segment`` context."""
    return QCoreApplication.translate("segment", text)


class _Parser(argparse.ArgumentParser):
    """Argparse whose errors are one ``error:`` line, like every other bad input."""

    def error(self, message: str):  # noqa: D401 - argparse's name
        raise UsageError(tr("{0}: {1}; see '{0} --help'.").format(self.prog, message))


def _whole_number(minimum: int, maximum: int | None = None):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < minimum or (maximum is not None and value > maximum):
            bounds = f">= {minimum}" if maximum is None else f"from {minimum} to {maximum}"
            raise argparse.ArgumentTypeError(tr("must be a whole number {0}, not {1!r}").format(bounds, text))
        return value

    return parse


def _non_negative_number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value >= 0):
        raise argparse.ArgumentTypeError(tr("must be a number >= 0, not {0!r}").format(text))
    return value


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog=f"{PROG} segment",
        description=tr("Segment a picture (PNG, JPEG, BMP, TIFF) with a Gaussian mixture fitted to its pixels' "
                       "colours, or with a saved model, and write the picture painted in each segment's mean "
                       "colour."),
        epilog=tr("Exit status: 0 success, 2 bad input (one 'error:' line on stderr), 130 interrupted. The "
                  "output files are written together at the end, only when everything succeeded."),
    )
    p.add_argument("image", metavar="IMAGE", help=tr("the picture to segment"))
    p.add_argument("--k", type=_whole_number(1, MAX_COMPONENTS),
                   help=tr("number of segments (components), at most {0}; required unless --model").format(
                       MAX_COMPONENTS))
    p.add_argument("--features", choices=[space.value for space in ColorSpace],
                   help=tr("colour features: rgb scaled to [0, 1] (default) or CIE Lab"))
    p.add_argument("--spatial-weight", type=_non_negative_number, metavar="W",
                   help=tr("add each pixel's position, weighted: 1 makes crossing the picture's longer side "
                           "count as much as black to white (default 0: colour only)"))
    p.add_argument("--sample", type=_whole_number(0), metavar="N",
                   help=tr("fit on N random pixels of a larger picture; 0 fits on all pixels (default {0})"
                           ).format(DEFAULT_SAMPLE))
    p.add_argument("--covariance", choices=[t.value for t in CovarianceType],
                   help=tr("covariance type (default full)"))
    p.add_argument("--tol", type=_non_negative_number,
                   help=tr("stop when the log-likelihood per pixel changes by less (default {0:g})").format(
                       DEFAULT_TOL))
    p.add_argument("--max-iter", type=_whole_number(0), metavar="N",
                   help=tr("at most this many EM iterations (default {0})").format(DEFAULT_MAX_ITER))
    p.add_argument("--seed", type=_whole_number(0), help=tr("random seed (default: drawn and reported)"))
    p.add_argument("--model", metavar="MODEL.json",
                   help=tr("apply this fitted model (saved by segment --model-out) instead of fitting"))
    p.add_argument("--out", required=True, metavar="SEGMENTED.png",
                   help=tr("where to write the segmented picture (PNG)"))
    p.add_argument("--labels-out", metavar="LABELS.npy",
                   help=tr("where to write each pixel's segment: .npy (uint8, height x width) or .png (8-bit "
                           "grey, value = segment index)"))
    p.add_argument("--model-out", metavar="MODEL.json", help=tr("where to save the model (JSON)"))
    return p


# ------------------------------------------------------------------------------------------- checks
def _check_outputs(args) -> dict[str, Path]:
    """The output paths by option, after checking that each can be written and that they differ."""
    outputs = {"--out": args.out, "--labels-out": args.labels_out, "--model-out": args.model_out}
    paths = {option: check_output_path(value) for option, value in outputs.items() if value is not None}
    seen: dict[Path, str] = {}
    for option, path in paths.items():
        key = path.resolve()
        if key in seen:
            raise InputError(tr("{0} and {1} name the same file {2}: give each output its own name.").format(
                seen[key], option, path))
        seen[key] = option
    if Path(args.image).resolve() in seen:
        raise InputError(tr("{0} would overwrite the input picture {1}: choose another name.").format(
            seen[Path(args.image).resolve()], args.image))
    if paths["--out"].suffix.lower() != ".png":
        raise InputError(tr("--out {0} must end in .png (the segmented picture is written as PNG).").format(
            args.out))
    labels = paths.get("--labels-out")
    if labels is not None and labels.suffix.lower() not in (".npy", ".png"):
        raise InputError(tr("--labels-out {0} must end in .npy or .png.").format(args.labels_out))
    return paths


def _check_model_options(args) -> None:
    given = [name for name in FIT_OPTIONS if getattr(args, name) is not None]
    if given:
        option = "--" + given[0].replace("_", "-")
        raise InputError(tr("{0} has no effect with --model (the model is applied as saved, nothing is fitted): "
                            "drop {0}, or drop --model to fit.").format(option))


# ---------------------------------------------------------------------------------------------- run
def _fit(args, picture: Picture) -> Segmentation:
    if args.k is None:
        raise InputError(tr("segment needs the number of segments: give --k K (or a fitted model with "
                            "--model MODEL.json)."))
    spec = FeatureSpec(args.features or ColorSpace.RGB.value, args.spatial_weight or 0.0)
    seed = args.seed if args.seed is not None else int(np.random.SeedSequence().generate_state(1)[0])
    config = FitConfig(
        n_components=args.k,
        covariance_type=args.covariance or CovarianceType.FULL.value,
        tol=DEFAULT_TOL if args.tol is None else args.tol,
        max_iter=DEFAULT_MAX_ITER if args.max_iter is None else args.max_iter,
        seed=seed,
    )
    sample = DEFAULT_SAMPLE if args.sample is None else args.sample
    return segment_image(picture.pixels, spec, config, sample_size=sample)


def _summary(picture: Picture, segmentation: Segmentation, args, written: list[Path]) -> list[str]:
    params, spec = segmentation.params, segmentation.spec
    lines = [
        tr("picture: {0}, {1} x {2} pixels ({3:.2f} megapixels), {4}-bit {5}{6}").format(
            picture.path, picture.width, picture.height, picture.n_pixels / 1e6, picture.bit_depth,
            picture.format, tr(", alpha ignored") if picture.has_alpha else ""),
        tr("features: {0} ({1}), spatial weight {2:g}").format(
            spec.space.value, ", ".join(spec.feature_names), spec.spatial_weight),
    ]
    result = segmentation.fit_result
    if result is None:
        lines.append(tr("applied the model {0}: K = {1}, {2} covariance").format(
            args.model, params.n_components, params.covariance_type.value))
    else:
        fitted = tr("all {0} pixels").format(picture.n_pixels) if result.n_samples == picture.n_pixels else \
            tr("a random sample of {0} pixels").format(result.n_samples)
        status = tr("converged") if result.converged else tr("not converged: raise --max-iter or --tol")
        lines.append(tr("fitted K = {0}, {1} covariance, on {2}: {3} iterations ({4}), seed {5}").format(
            params.n_components, params.covariance_type.value, fitted, result.n_iter, status, result.config.seed))
    lines.append(tr("log-likelihood per pixel: {0:.6f}").format(segmentation.mean_log_likelihood))
    colours = mean_colours(params, spec)
    for k, share in enumerate(segmentation.shares):
        lines.append(tr("segment {0}: {1:6.2f} % of pixels, mean colour #{2}").format(
            k, 100.0 * share, bytes(colours[k]).hex()))
    lines.append(tr("wrote {0}").format(", ".join(str(path) for path in written)))
    return lines


def run(args) -> int:
    """Run a parsed ``segment`` command line; raises ``GMMError`` for bad input."""
    outputs = _check_outputs(args)
    loaded = None
    if args.model is not None:
        _check_model_options(args)
        loaded = load_model(args.model)
        spec = FeatureSpec.from_model(loaded.params, loaded.extra, tr("the model file {0}").format(args.model))
        if args.k is not None and args.k != loaded.params.n_components:
            raise InputError(tr("the model has {0} components but --k is {1}: drop --k or give --k {0}.").format(
                loaded.params.n_components, args.k))
    picture = load_picture(args.image, quiet=True)
    if loaded is None:
        segmentation = _fit(args, picture)
    else:
        segmentation = apply_model(picture.pixels, spec, loaded.params)
    segmented = render_labels(segmentation.labels, mean_colours(segmentation.params, segmentation.spec))
    writers = {outputs["--out"]: picture_writer(segmented)}
    if "--labels-out" in outputs:
        writers[outputs["--labels-out"]] = labels_writer(segmentation.labels, outputs["--labels-out"])
    if "--model-out" in outputs:
        writers[outputs["--model-out"]] = segmentation_model_writer(segmentation)
    write_all(writers)
    for line in _summary(picture, segmentation, args, list(writers)):
        print(line)
    return EXIT_OK


def _error(message: str) -> int:
    print(tr("error: {0}").format(" ".join(str(message).split())), file=sys.stderr)
    return EXIT_BAD_INPUT


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``segment`` with ``argv`` (the arguments after the word ``segment``); returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        try:
            args = build_parser().parse_args(argv)
        except UsageError as error:
            return _error(str(error))
        except SystemExit as exit_:  # --help
            return exit_.code if isinstance(exit_.code, int) else EXIT_OK
        return run(args)
    except GMMError as error:
        return _error(str(error))
    except KeyboardInterrupt:
        print(tr("interrupted: nothing was written."), file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader of the summary went away (``... | head``): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


if __name__ == "__main__":
    sys.exit(main())
