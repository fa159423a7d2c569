"""The ``segment`` command: segment a picture with a Gaussian mixture, without a window.

    gmm-explorer segment IMAGE --k K [--features rgb|lab] [--spatial-weight W] [--sample N]
        [--covariance TYPE] [--tol T] [--max-iter N] [--seed S] [--model MODEL.json]
        --out SEGMENTED.png [--labels-out LABELS.npy] [--model-out MODEL.json]

It fits a mixture to the pixels' features (``engine.imaging``) or applies a saved model, and writes the
picture painted in each segment's mean colour, optionally the label map (``.npy``, or an 8-bit grey PNG
whose values are the segment indices) and the model. Everything is checked and computed first; the
files are written together at the very end (``engine.io.atomic.write_all``), so a command that fails
writes nothing and leaves existing files as they were.

Pictures are decoded and encoded by Qt's image readers and writers (QtGui only: no window, no display),
which the engine never imports: ``main.py`` hands this command ``gui.image.codec`` as
``args.picture_codec``, a function returning the codec. While Qt decodes the picture (without Python's
lock) another thread imports the fitting engine (``_engine``, ``engine.cli.background``): on two cores
the imports hide behind the decoding.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from engine.cli.background import in_background
from engine.cli.frontend import (
    DEFAULT_MAX_ITER,
    DEFAULT_TOL,
    EXIT_OK,
    check_outputs,
    non_negative_number,
    number_up_to,
    print_lines,
    whole_number,
)
from engine.covariance import CovarianceType
from engine.errors import InputError
from engine.imaging.features import DEFAULT_SAMPLE, MAX_COMPONENTS, MAX_SPATIAL_WEIGHT, ColorSpace, FeatureSpec
from engine.imaging.picture import Picture, PictureCodec

if TYPE_CHECKING:
    from engine.imaging.segmentation import Segmentation

#: Options that only make sense when fitting; refused with --model.
FIT_OPTIONS = ("sample", "covariance", "tol", "max_iter", "seed", "features", "spatial_weight")


# ------------------------------------------------------------------------------------------- checks
def _check_outputs(args) -> dict[str, Path]:
    """The output paths by option, after checking that each can be written, that they differ, and that none
    is an input (``check_outputs``), and that their suffixes name formats they are written in."""
    paths = check_outputs({"--out": args.out, "--labels-out": args.labels_out, "--model-out": args.model_out},
                          {"picture": args.image, "model": args.model})
    if paths["--out"].suffix.lower() != ".png":
        raise InputError(f"--out {args.out} must end in .png (the segmented picture is written as PNG).")
    labels = paths.get("--labels-out")
    if labels is not None and labels.suffix.lower() not in (".npy", ".png"):
        raise InputError(f"--labels-out {args.labels_out} must end in .npy or .png.")
    return paths


def _check_model_options(args) -> None:
    given = [name for name in FIT_OPTIONS if getattr(args, name) is not None]
    if given:
        option = "--" + given[0].replace("_", "-")
        raise InputError(
            f"{option} has no effect with --model (the model is applied as saved, nothing is fitted): "
            f"drop {option}, or drop --model to fit."
        )


# ---------------------------------------------------------------------------------------------- run
def _codec(args) -> PictureCodec:
    provider = getattr(args, "picture_codec", None)
    if provider is None:
        raise InputError(
            "segment needs Qt's image readers (PySide6), which this installation lacks: "
            "install GMM Explorer with its dependencies."
        )
    return provider()


def _engine() -> None:
    """Import the modules that fit, paint and write (a tenth of a second), so the functions below find them
    loaded; ``run`` runs it on another thread while the picture decodes."""
    import engine.imaging.outputs  # noqa: F401 - the fit, the painting and the model file
    import engine.imaging.png  # noqa: F401


def _fit(args, picture: Picture) -> Segmentation:
    from engine.checks import draw_seed
    from engine.config import FitConfig
    from engine.imaging.segmentation import segment_image

    if args.k is None:
        raise InputError(
            "segment needs the number of segments: give --k K (or a fitted model with --model MODEL.json)."
        )
    spec = FeatureSpec(args.features or ColorSpace.RGB.value, args.spatial_weight or 0.0)
    seed = args.seed if args.seed is not None else draw_seed()
    config = FitConfig(
        n_components=args.k,
        covariance_type=args.covariance or CovarianceType.FULL.value,
        tol=DEFAULT_TOL if args.tol is None else args.tol,
        max_iter=DEFAULT_MAX_ITER if args.max_iter is None else args.max_iter,
        seed=seed,
    )
    sample = DEFAULT_SAMPLE if args.sample is None else args.sample
    sampled = 0 < sample < picture.n_pixels  # as engine.imaging.features.sample_indices decides
    try:
        return segment_image(picture.pixels, spec, config, sample_size=sample)
    except InputError:
        # Too few distinct colours among the sampled pixels, when the picture itself has enough.
        if sampled and _has_distinct_colours(picture, args.k):
            raise InputError(
                f"the random sample of {sample} pixels (--sample {sample}) has fewer than {args.k} distinct "
                f"colours, though the picture has more: give a larger --sample, or --sample 0 to fit on all pixels."
            ) from None
        raise


def _has_distinct_colours(picture: Picture, count: int) -> bool:
    from engine.init import require_distinct_rows

    try:
        require_distinct_rows(picture.pixels.reshape(-1, 3), count)
    except InputError:
        return False
    return True


def _check_sample(args) -> None:
    """Refuse a sample too small to hold K distinct pixels, before the picture is decoded."""
    if args.sample is not None and args.k is not None and 0 < args.sample < args.k:
        raise InputError(
            f"--sample {args.sample} is smaller than --k {args.k}: a sample needs at least {args.k} pixels of "
            f"different colours; give --sample {args.k} or more (the default is {DEFAULT_SAMPLE}), or --sample 0 "
            "to fit on all pixels."
        )


def _summary(picture: Picture, segmentation: Segmentation, args, written: list[Path]) -> list[str]:
    from engine.imaging.render import mean_colours

    params, spec = segmentation.params, segmentation.spec
    lines = [
        f"picture: {picture.path}, {picture.width} x {picture.height} pixels ({picture.n_pixels / 1e6:.2f} "
        f"megapixels), {picture.bit_depth}-bit {picture.format}{', alpha ignored' if picture.has_alpha else ''}",
        f"features: {spec.space.value} ({', '.join(spec.feature_names)}), spatial weight {spec.spatial_weight:g}",
    ]
    result = segmentation.fit_result
    if result is None:
        lines.append(
            f"applied the model {args.model}: K = {params.n_components}, {params.covariance_type.value} covariance"
        )
    else:
        fitted = (
            f"all {picture.n_pixels} pixels"
            if result.n_samples == picture.n_pixels
            else f"a random sample of {result.n_samples} pixels"
        )
        status = "converged" if result.converged else "not converged: raise --max-iter or --tol"
        lines.append(
            f"fitted K = {params.n_components}, {params.covariance_type.value} covariance, on {fitted}: "
            f"{result.n_iter} iterations ({status}), seed {result.config.seed}"
        )
    lines.append(f"log-likelihood per pixel: {segmentation.mean_log_likelihood:.6f}")
    colours = mean_colours(params, spec)
    for k, share in enumerate(segmentation.shares):
        lines.append(f"segment {k}: {100.0 * share:6.2f} % of pixels, mean colour #{bytes(colours[k]).hex()}")
    lines.append(f"wrote {', '.join(str(path) for path in written)}")
    return lines


def run(args) -> int:
    """Run a parsed ``segment`` command line; raises ``GMMError`` for bad input.

    BLAS keeps to one thread throughout (``engine.blas``): the engine shares its work among the cores
    itself, and after a multi-threaded BLAS call (the dot product of the colours' counts and
    log-likelihoods, say) OpenBLAS's threads spin for a while on the core the engine's other thread needs
    (measured: about 0.06 s of CPU a 4-megapixel run).
    """
    from engine.blas import single_threaded_blas

    with single_threaded_blas():
        return _run(args)


def _run(args) -> int:
    outputs = _check_outputs(args)
    loaded = None
    if args.model is not None:
        from engine.io.model_json import load_model

        _check_model_options(args)
        loaded = load_model(args.model)
        spec = FeatureSpec.from_model(loaded.params, loaded.extra, f"the model file {args.model}")
        if args.k is not None and args.k != loaded.params.n_components:
            raise InputError(
                f"the model has {loaded.params.n_components} components but --k is {args.k}: drop --k or give "
                f"--k {loaded.params.n_components}."
            )
    else:
        _check_sample(args)
    codec = _codec(args)
    imported = in_background(_engine, "gmm-imports")  # while Qt decodes, without Python's lock
    picture = codec.load_picture(args.image, quiet=True)
    imported()
    from engine.imaging.outputs import label_map_content, model_content
    from engine.imaging.png import encode_png
    from engine.imaging.render import mean_colours, render_labels
    from engine.imaging.segmentation import apply_model
    from engine.io.atomic import write_all

    if loaded is None:
        segmentation = _fit(args, picture)
    else:
        segmentation = apply_model(picture.pixels, spec, loaded.params)
    segmented = render_labels(segmentation.labels, mean_colours(segmentation.params, segmentation.spec))
    writers = {outputs["--out"]: encode_png(segmented)}  # numpy and zlib: several times faster than Qt's writer
    if "--labels-out" in outputs:
        writers[outputs["--labels-out"]] = label_map_content(segmentation.labels, outputs["--labels-out"], codec)
    if "--model-out" in outputs:
        writers[outputs["--model-out"]] = model_content(segmentation)
    write_all(writers)
    print_lines(_summary(picture, segmentation, args, list(writers)))
    return EXIT_OK


def register(commands) -> None:
    """Add ``segment`` to the front end's subparsers."""
    p = commands.add_parser(
        "segment",
        help="segment a picture by the colours of its pixels (PNG, JPEG, BMP, TIFF)",
        description="Segment a picture (PNG, JPEG, BMP, TIFF) with a Gaussian mixture fitted to its pixels' "
        "colours, or with a saved model, and write the picture painted in each segment's mean "
        "colour.",
        epilog="Exit status: 0 success, 2 bad input (one 'error:' line on stderr), 130 interrupted. The "
        "output files are written together at the end, only when everything succeeded.",
    )
    p.add_argument("image", metavar="IMAGE", help="the picture to segment")
    p.add_argument(
        "--k",
        type=whole_number(1, MAX_COMPONENTS),
        help=f"number of segments (components), at most {MAX_COMPONENTS}; required unless --model",
    )
    p.add_argument(
        "--features",
        choices=[space.value for space in ColorSpace],
        help="colour features: rgb scaled to [0, 1] (default) or CIE Lab",
    )
    p.add_argument(
        "--spatial-weight",
        type=number_up_to(MAX_SPATIAL_WEIGHT, "larger weights overflow the single-precision features"),
        metavar="W",
        help="add each pixel's position, weighted: 1 makes crossing the picture's longer side "
        f"count as much as black to white (default 0: colour only; at most {MAX_SPATIAL_WEIGHT:g})",
    )
    p.add_argument(
        "--sample",
        type=whole_number(0),
        metavar="N",
        help=f"fit on N random pixels of a larger picture; 0 fits on all pixels (default {DEFAULT_SAMPLE})",
    )
    p.add_argument("--covariance", choices=[t.value for t in CovarianceType], help="covariance type (default full)")
    p.add_argument(
        "--tol",
        type=non_negative_number,
        help=f"stop when the log-likelihood per pixel changes by less (default {DEFAULT_TOL:g})",
    )
    p.add_argument(
        "--max-iter",
        type=whole_number(0),
        metavar="N",
        help=f"at most this many EM iterations (default {DEFAULT_MAX_ITER})",
    )
    p.add_argument("--seed", type=whole_number(0), help="random seed (default: drawn and reported)")
    p.add_argument(
        "--model",
        metavar="MODEL.json",
        help="apply this fitted model (saved by segment --model-out) instead of fitting",
    )
    p.add_argument("--out", required=True, metavar="SEGMENTED.png", help="where to write the segmented picture (PNG)")
    p.add_argument(
        "--labels-out",
        metavar="LABELS.npy",
        help="where to write each pixel's segment: .npy (uint8, height x width) or .png (8-bit "
        "grey, value = segment index)",
    )
    p.add_argument("--model-out", metavar="MODEL.json", help="where to save the model (JSON)")
    p.set_defaults(run=run)
