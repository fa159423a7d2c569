"""``SelectionConfig``: the grid of a model selection (K x covariance types) and how each cell is fitted.

A selection fits every cell of the grid the same way (see ``engine.selection.cells``): ``n_init`` starts
from k-means++ run like scikit-learn's (until the mean log-likelihood per sample changes by less than
``START_TOL``), the best start continued by EM to the tight ``tol``, then ``folds`` cross-validation fits.

The defaults were chosen by measurement on the 272 Old Faithful eruptions (36 cells, 10 starts each,
every cell continued from its best start and compared with the same fit continued to tol 1e-12):

=========  ============================  =========================
tol        largest BIC error of a cell   EM iterations, 36 cells
=========  ============================  =========================
1e-3       19.1 (scikit-learn's stop)    (the starts)
1e-5       7.2                           1386
1e-7       7.2 (EM crawling on a ridge)  2990
1e-8       0.0003                        3986
=========  ============================  =========================

so ``tol`` is 1e-8 per sample, and ``max_iter`` 3000 is three times the most a cell needed to reach
1e-12 (1009). A cell that stops at ``max_iter`` is reported as not converged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from engine.checks import draw_seed, is_int, is_real
from engine.config import InitMethod
from engine.covariance import CovarianceType
from engine.errors import InputError

#: The default range of K, before it is capped by the number of distinct rows of the data.
DEFAULT_MAX_K = 9
DEFAULT_N_INIT = 5
#: Tight tolerance of a cell's fit (mean log-likelihood per sample); see the module docstring.
DEFAULT_TOL = 1e-8
DEFAULT_MAX_ITER = 3000
DEFAULT_REG_COVAR = 1e-6
DEFAULT_FOLDS = 5
#: The starts stop as scikit-learn's do: change of the mean log-likelihood per sample below this.
START_TOL = 1e-3
#: At most this many iterations per start (scikit-learn's default max_iter).
START_MAX_ITER = 100


class Criterion(StrEnum):
    """What chooses the best cell: BIC, AIC and ICL are lower-is-better; ``cv`` (held-out
    log-likelihood per sample) is higher-is-better."""

    BIC = "bic"
    AIC = "aic"
    ICL = "icl"
    CV = "cv"


def _plain_ints(values) -> tuple[int, ...]:
    return tuple(int(value) for value in values)


@dataclass(frozen=True, slots=True)
class SelectionConfig:
    """Settings of a model selection. Construction checks every value and raises ``InputError`` with a sentence.

    Attributes
    ----------
    ks : tuple of int or None
        The numbers of components to try, increasing, each >= 1. None (the default) means 1 to
        ``DEFAULT_MAX_K``, capped by the number of distinct rows of the data when the run starts (the
        result says so); an explicit K above that number is refused then.
    covariance_types : tuple of CovarianceType
        All four by default, in the order full, tied, diag, spherical; names are accepted, and one name
        (``"full"``) stands for that type alone.
    n_init : int
        Starts per cell (k-means++), >= 1.
    seed : int
        Every cell's and fold's random numbers derive from it; drawn (and recorded) when None is given.
    tol : float
        Tight tolerance of a cell's fit (mean log-likelihood per sample), >= 0.
    max_iter : int
        At most this many iterations when a cell's best start is continued to ``tol``, >= 1.
    reg_covar : float
        Added to every covariance's diagonal, >= 0.
    folds : int
        Cross-validation folds, >= 2 (and at most the number of rows, checked when the run starts).
    criterion : Criterion
        What chooses the best cell.
    init : InitMethod
        How each start is made (k-means++ by default; not "given").
    screen : bool or None
        True: fit every cell at the screening precision first and refine to ``tol`` only the cells that can
        still decide the choice (``engine.selection.screening``); False: fit every cell to ``tol``; None (the
        default): screen when the data has more than ``SCREEN_MIN_ROWS`` rows (decided when the run starts).
    """

    ks: tuple[int, ...] | None = None
    covariance_types: tuple[CovarianceType, ...] = tuple(CovarianceType)
    n_init: int = DEFAULT_N_INIT
    seed: int | None = None
    tol: float = DEFAULT_TOL
    max_iter: int = DEFAULT_MAX_ITER
    reg_covar: float = DEFAULT_REG_COVAR
    folds: int = DEFAULT_FOLDS
    criterion: Criterion = Criterion.BIC
    init: InitMethod = InitMethod.KMEANS_PP
    screen: bool | None = None
    #: Whether ``ks`` was left to its default (set on construction).
    default_ks: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "default_ks", self.ks is None)
        if self.ks is None:
            object.__setattr__(self, "ks", tuple(range(1, DEFAULT_MAX_K + 1)))
        try:
            ks = tuple(self.ks)
        except TypeError:
            raise InputError(f"the numbers of components must be a list of whole numbers, not {self.ks!r}.") from None
        if not ks or not all(is_int(k) and k >= 1 for k in ks):
            raise InputError(f"the numbers of components must be whole numbers >= 1, not {ks!r}.")
        if list(ks) != sorted(set(ks)):
            raise InputError(f"the numbers of components must increase, each once, not {_plain_ints(ks)!r}.")
        object.__setattr__(self, "ks", _plain_ints(ks))
        types = self.covariance_types
        types = (types,) if isinstance(types, str) else tuple(types)  # one type ("full") is not four letters
        if not types:
            raise InputError("give at least one covariance type.")
        try:
            types = tuple(CovarianceType(t) for t in types)
        except ValueError:
            choices = ", ".join(t.value for t in CovarianceType)
            raise InputError(f"unknown covariance type in {types!r}: choose from {choices}.") from None
        if len(set(types)) != len(types):
            raise InputError("each covariance type may be given once.")
        object.__setattr__(self, "covariance_types", types)
        try:
            object.__setattr__(self, "criterion", Criterion(self.criterion))
        except ValueError:
            choices = ", ".join(c.value for c in Criterion)
            raise InputError(f"unknown criterion {self.criterion!r}: choose one of {choices}.") from None
        try:
            init = InitMethod(self.init)
        except ValueError:
            init = None
        if init is None or init is InitMethod.GIVEN:
            choices = ", ".join(m.value for m in InitMethod if m is not InitMethod.GIVEN)
            raise InputError(f"a selection's starts cannot use initialisation {self.init!r}: choose one of "
                             f"{choices}.")
        object.__setattr__(self, "init", init)
        _require(is_int(self.n_init) and self.n_init >= 1, f"n_init must be a whole number >= 1, not {self.n_init!r}.")
        _require(is_int(self.max_iter) and self.max_iter >= 1,
                 f"max_iter must be a whole number >= 1, not {self.max_iter!r}.")
        _require(is_int(self.folds) and self.folds >= 2,
                 f"the number of folds must be a whole number >= 2, not {self.folds!r}.")
        _require(is_real(self.tol) and self.tol >= 0, f"tol must be a number >= 0, not {self.tol!r}.")
        _require(is_real(self.reg_covar) and self.reg_covar >= 0,
                 f"reg_covar must be a number >= 0, not {self.reg_covar!r}.")
        _require(self.seed is None or (is_int(self.seed) and self.seed >= 0),
                 f"the seed must be a whole number >= 0, not {self.seed!r}.")
        object.__setattr__(self, "screen", None if self.screen is None else bool(self.screen))
        for name in ("n_init", "max_iter", "folds"):
            object.__setattr__(self, name, int(getattr(self, name)))
        for name in ("tol", "reg_covar"):
            object.__setattr__(self, name, float(getattr(self, name)))
        object.__setattr__(self, "seed", draw_seed() if self.seed is None else int(self.seed))

    @property
    def n_cells(self) -> int:
        return len(self.ks) * len(self.covariance_types)


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise InputError(message)


def k_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """``--k`` checked as ranges ``(first, last)`` of numbers of components, in increasing order, without
    listing them (so that a range as wide as ``1-1000000000000`` costs nothing before the data says how many
    components it can hold).

    Raises
    ------
    InputError
        For an empty or reversed range, a value that is not a whole number >= 1, or a repeated K.
    """
    ranges: list[tuple[int, int]] = []
    items = [item.strip() for item in str(text).split(",")]
    if not any(items):
        raise InputError("--k names no number of components: give a range such as 1-9 or a list such as 2,3,5.")
    for item in items:
        low, dash, high = item.partition("-")
        try:
            first, last = int(low), int(high if dash else low)
        except ValueError:
            raise InputError(f"--k {text}: {item!r} is not a whole number or a range such as 1-9.") from None
        if min(first, last) < 1:
            raise InputError(f"--k {text}: the number of components must be at least 1.")
        if last < first:
            raise InputError(f"--k {text}: the range {item} is reversed or empty; write it low-high, "
                             f"e.g. {last}-{first}.")
        ranges.append((first, last))
    ranges.sort()
    if any(first <= previous_last for (_, previous_last), (first, _) in zip(ranges[:-1], ranges[1:], strict=True)):
        raise InputError(f"--k {text} names a number of components twice.")
    return tuple(ranges)


def parse_ks(text: str, at_most: int | None = None, rows: str = "rows") -> tuple[int, ...]:
    """``--k`` as numbers of components: ``"1-9"``, ``"2,3,5"`` or a mix (``"1-3,6"``), increasing.

    Parameters
    ----------
    text : str
    at_most : int, optional
        The number of distinct rows of the data: a larger K is refused before the Ks are listed.
    rows : str
        What the rows counted are, for the message: ``"rows"`` or ``"rows of positive weight"``.

    Raises
    ------
    InputError
        As ``k_ranges``, and for a K above ``at_most``.
    """
    ranges = k_ranges(text)
    largest = ranges[-1][1]
    if at_most is not None and largest > at_most:
        raise InputError(too_many_components(largest, at_most, rows))
    return tuple(k for first, last in ranges for k in range(first, last + 1))


def too_many_components(n_components: int, distinct_rows: int, rows: str = "rows") -> str:
    """The sentence refusing an explicit K above the number of distinct ``rows`` of the data (``"rows"``, or
    ``"rows of positive weight"`` when rows of weight 0 were left out)."""
    return (f"K = {n_components} is larger than the number of distinct {rows} in the data ({distinct_rows}): "
            f"use K up to {distinct_rows}.")


def parse_covariance_types(text: str) -> tuple[CovarianceType, ...]:
    """``--covariance`` as covariance types: ``"all"`` or a comma-separated list such as ``"full,tied"``.

    Raises
    ------
    InputError
        For an unknown or repeated type, or an empty list.
    """
    if str(text).strip() == "all":
        return tuple(CovarianceType)
    names = [name.strip() for name in str(text).split(",")]
    choices = ", ".join(t.value for t in CovarianceType)
    if not all(names):
        raise InputError(f"--covariance {text}: give 'all' or types separated by commas, from {choices}.")
    types = []
    for name in names:
        try:
            types.append(CovarianceType(name))
        except ValueError:
            raise InputError(f"--covariance {text}: unknown covariance type {name!r}; choose from {choices} "
                             "or all.") from None
    if len(set(types)) != len(types):
        raise InputError(f"--covariance {text} names a covariance type twice.")
    return tuple(types)


def parse_criterion(text: str) -> Criterion:
    """``--criterion`` as a ``Criterion``, or an ``InputError`` naming the choices."""
    try:
        return Criterion(str(text).strip().lower())
    except ValueError:
        choices = ", ".join(c.value for c in Criterion)
        raise InputError(f"unknown criterion {text!r}: choose one of {choices}.") from None


__all__ = [
    "DEFAULT_FOLDS",
    "DEFAULT_MAX_ITER",
    "DEFAULT_MAX_K",
    "DEFAULT_N_INIT",
    "DEFAULT_REG_COVAR",
    "DEFAULT_TOL",
    "START_MAX_ITER",
    "START_TOL",
    "Criterion",
    "SelectionConfig",
    "k_ranges",
    "parse_covariance_types",
    "parse_criterion",
    "parse_ks",
    "too_many_components",
]
