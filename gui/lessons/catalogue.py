"""The lessons: their titles and texts (marked for translation, translated when shown) and their set-ups.

A text says in three short parts what the lesson sets up, what to do (which keys) and what to notice;
the numbers it names are those EM gives on screen (``tests/test_lessons.py`` checks them). Texts are
defined as data with ``QT_TRANSLATE_NOOP("Lessons", ...)`` so that Qt's tools find them, and are
translated at display time with ``tr`` (context ``Lessons``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from gui.lessons import setups
from gui.lessons.setups import CoinsSetup, GaussianSetup

#: The translation context of every lesson text.
CONTEXT = "Lessons"


def tr(text: str) -> str:
    """``text`` (one of this module's texts) in the user's language."""
    return QCoreApplication.translate(CONTEXT, text)


class Extra(Enum):
    """A control or view a lesson adds to its panel."""

    KEEP_GOING = "keep_going"  #: a button that runs EM on from where it stopped, with tol 0
    REG_COVAR = "reg_covar"  #: a switch between reg_covar 0 and ``setups.SINGULAR_REG_COVAR``
    KMEANS = "kmeans"  #: a small plot of Lloyd's k-means from the same centres, in step with EM


@dataclass(frozen=True, slots=True)
class CoinNames:
    """How a coin lesson names its coins and parameters (symbols, not translated).

    Attributes
    ----------
    coins : tuple of str
        Each coin's letter, as the table's columns name them.
    thetas : tuple of str
        Each coin's head probability, as the plane's axes name them.
    weight : str or None
        The first coin's weight (Li Hang's pi) when it is estimated; the view shows it first.
    start_labels : tuple of str
        Each start's values, as the textbook writes them.
    start_symbols : str
        What those values are, e.g. "(π, p, q)".
    digits : int
        Decimals the textbook gives its results with (the view adds four in brackets when fewer).
    """

    coins: tuple[str, ...]
    thetas: tuple[str, ...]
    weight: str | None
    start_labels: tuple[str, ...]
    start_symbols: str
    digits: int = 2


@dataclass(frozen=True, slots=True)
class Lesson:
    """One lesson.

    Attributes
    ----------
    key : str
        Its name in code and tests.
    title, about, do, notice : str
        Untranslated texts (translate them with ``tr``): the title, what is set up, what to do, what to notice.
    setup : callable () -> GaussianSetup or CoinsSetup
    extras : tuple of Extra
    names : CoinNames or None
        For a coin lesson.
    """

    key: str
    title: str
    about: str
    do: str
    notice: str
    setup: Callable[[], GaussianSetup | CoinsSetup]
    extras: tuple[Extra, ...] = ()
    names: CoinNames | None = None

    @property
    def is_coins(self) -> bool:
        return self.names is not None


LESSONS: tuple[Lesson, ...] = (
    Lesson(
        "three-blobs-tutorial",
        QT_TRANSLATE_NOOP("Lessons", "Three blobs from the tutorial start"),
        QT_TRANSLATE_NOOP("Lessons", "EM starts as the textbooks do: three data points chosen at random as the "
                                     "means, identity covariances (the circles) and equal weights 1/3. Here all "
                                     "three start in the same blob."),
        QT_TRANSLATE_NOOP("Lessons", "Press E: the E-step colours each point by its responsibilities. Press M: "
                                     "the M-step moves the weights, means and ellipses. N does both; Space runs "
                                     "to the end."),
        QT_TRANSLATE_NOOP("Lessons", "The means leave the top blob one by one. After 15 iterations the weights "
                                     "are 0.27, 0.52 and 0.21 (the data were drawn with 0.3, 0.5 and 0.2). The "
                                     "log-likelihood in the plot below never goes down."),
        setups.three_blobs_tutorial,
    ),
    Lesson(
        "two-gaussians-1d",
        QT_TRANSLATE_NOOP("Lessons", "Two Gaussians in 1-D: tol stops EM early"),
        QT_TRANSLATE_NOOP("Lessons", "The classic start: weights 0.5 and 0.5, means 0 and 1, variances 1. The "
                                     "400 points were drawn with weights 0.25 and 0.75."),
        QT_TRANSLATE_NOOP("Lessons", "Press Space. Then press Keep going: EM goes on from where it stopped, "
                                     "with tol 0 (all 100 iterations)."),
        QT_TRANSLATE_NOOP("Lessons", "With tol = 0.001 EM stops after 6 iterations at weights 0.51 and 0.49: "
                                     "it stops when the log-likelihood changes by less than tol, not when it is "
                                     "near the answer. Keep going reaches weights 0.25 and 0.75, means -2.04 and "
                                     "0.91. Setting tol to 0 and pressing Space from the start gets there too."),
        setups.two_gaussians_1d,
        (Extra.KEEP_GOING,),
    ),
    Lesson(
        "four-clusters-known-covariance",
        QT_TRANSLATE_NOOP("Lessons", "Four clusters with a known covariance"),
        QT_TRANSLATE_NOOP("Lessons", "Four clusters that share the covariance 30 I. When the covariance is "
                                     "known, only the means and weights are left to estimate: the covariances "
                                     "are locked at 30 I (Model panel: Covariances fixed)."),
        QT_TRANSLATE_NOOP("Lessons", "Press N a few times, then Space."),
        QT_TRANSLATE_NOOP("Lessons", "The circles keep their size; only the means and weights move. After 11 "
                                     "iterations the means are near the true (5, 35), (30, 40), (20, 20) and "
                                     "(45, 15), with weights 0.11, 0.19, 0.32 and 0.38 (drawn with 0.1, 0.2, 0.3 "
                                     "and 0.4)."),
        setups.four_clusters_known_covariance,
    ),
    Lesson(
        "em-and-kmeans",
        QT_TRANSLATE_NOOP("Lessons", "EM and k-means"),
        QT_TRANSLATE_NOOP("Lessons", "Equal weights and every covariance fixed at a tiny circle (variance "
                                     "0.00001): each responsibility is 0 or 1, and EM becomes Lloyd's k-means. "
                                     "The canvas shows EM, the small plot Lloyd's algorithm from the same "
                                     "centres."),
        QT_TRANSLATE_NOOP("Lessons", "Press N and compare the two pictures; Space runs on."),
        QT_TRANSLATE_NOOP("Lessons", "The E-step gives each point to its nearest mean, the M-step moves each mean "
                                     "to the average of its points: Lloyd's two steps. After every iteration the "
                                     "means agree to rounding (see under the plot)."),
        setups.em_and_kmeans,
        (Extra.KMEANS,),
    ),
    Lesson(
        "local-optima",
        QT_TRANSLATE_NOOP("Lessons", "Local optima"),
        QT_TRANSLATE_NOOP("Lessons", "The same model (K = 4, tutorial start) from eight starts on the same "
                                     "data. The strip under the Explain panel shows each start's final mean "
                                     "log-likelihood; EM keeps the highest."),
        QT_TRANSLATE_NOOP("Lessons", "Press Space and wait for the eight starts. Click a point in the strip to "
                                     "see that start's fit."),
        QT_TRANSLATE_NOOP("Lessons", "The starts end at four levels: about -4.8, -4.6, -4.4 and -4.2. The lower "
                                     "ones are local optima, where one component covers two clusters while two "
                                     "share another. Several starts (n_init) guard against them."),
        setups.local_optima,
    ),
    Lesson(
        "singularities",
        QT_TRANSLATE_NOOP("Lessons", "Singularities"),
        QT_TRANSLATE_NOOP("Lessons", "Three components fit the three blobs; a fourth, small one (variance 0.5) "
                                     "starts on a single point at the edge. reg_covar is 0."),
        QT_TRANSLATE_NOOP("Lessons", "Press Space (EM waits half a second per iteration). Then switch reg_covar "
                                     "on below and press Space again."),
        QT_TRANSLATE_NOOP("Lessons", "The fourth circle shrinks onto its point and the log-likelihood climbs "
                                     "faster and faster: a Gaussian on one point has no bound on its density. At "
                                     "iteration 8 its variance is zero up to rounding, and EM re-seeds it at "
                                     "the worst-explained point (the status bar says so; a cross marks it in the "
                                     "plot). With reg_covar = 0.01 the variance cannot fall below 0.01 and the "
                                     "log-likelihood levels off."),
        setups.singularities,
        (Extra.REG_COVAR,),
    ),
    Lesson(
        "two-coins",
        QT_TRANSLATE_NOOP("Lessons", "Two coins (Do and Batzoglou)"),
        QT_TRANSLATE_NOOP("Lessons", "Five sets of 10 tosses, each made with coin A or coin B, picked with "
                                     "probability 1/2; which coin made which set is hidden. Start: θA = 0.6, "
                                     "θB = 0.5."),
        QT_TRANSLATE_NOOP("Lessons", "Press E: the table gives each coin's responsibility r for each set and the "
                                     "heads H and tails T credited to it. Press M: θ = H / (H + T) for each "
                                     "coin. N does both; Space runs to the end."),
        QT_TRANSLATE_NOOP("Lessons", "After one iteration θA = 0.71 and θB = 0.58, after ten 0.80 and 0.52. "
                                     "Knowing the coins (B, A, A, B, A) would give 0.80 and 0.45: the star. "
                                     "EM's path climbs the log-likelihood contours."),
        setups.two_coins,
        names=CoinNames(("A", "B"), ("θA", "θB"), None, ("(0.6, 0.5)",), "(θA, θB)"),
    ),
    Lesson(
        "three-coins",
        QT_TRANSLATE_NOOP("Lessons", "Three coins (Li Hang)"),
        QT_TRANSLATE_NOOP("Lessons", "Coin A picks coin B with probability π, else coin C; B shows heads with "
                                     "probability p, C with q. Only the ten results of B or C are seen: 1, 1, "
                                     "0, 1, 0, 0, 1, 0, 1, 1."),
        QT_TRANSLATE_NOOP("Lessons", "Press N, then Space. Then choose the other start (beside the plane) and do "
                                     "it again."),
        QT_TRANSLATE_NOOP("Lessons", "From (π, p, q) = (0.5, 0.5, 0.5) EM ends at (0.5, 0.6, 0.6); from "
                                     "(0.4, 0.6, 0.7) at (0.4064, 0.5368, 0.6432). Both have the same "
                                     "likelihood: every (p, q) with π p + (1 - π) q = 0.6 is a maximum (the "
                                     "straight contours), so the answer depends on the start."),
        setups.three_coins,
        names=CoinNames(("B", "C"), ("p", "q"), "π", ("(0.5, 0.5, 0.5)", "(0.4, 0.6, 0.7)"), "(π, p, q)", digits=4),
    ),
)


def lesson(key: str) -> Lesson:
    """The lesson called ``key``."""
    for candidate in LESSONS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)
