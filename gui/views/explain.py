"""Half-steps that explain themselves: the M-step's formulas with the current numbers (before -> after, as the
locks made them), a hovered point's E-step, why EM stopped (with Keep going), and on the canvas the step an
M-step took (arrows from old to new means, old ellipses). The texts are written by ``gui.views.explain_text``.

Everything here only shows numbers the engine computed (``EMSnapshot.stats``, ``history``) or the
controller hands over; no maths beyond formatting and drawing.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QSizePolicy, QSpinBox, QVBoxLayout, QWidget

from engine.em import EMSnapshot, HalfStep
from engine.locks import Locks
from engine.params import MixtureParams
from gui.colors import component_colors
from gui.views.explain_text import PointNumbers, e_step_html, m_step_html, number, stop_text, vector
from gui.views.geometry import ellipse_outlines
from gui.views.legend import PlotWithLegend

#: The default: nothing locked.
NO_LOCKS = Locks()
#: Width in pixels of a responsibility bar of 1, where the panel has room (at least ``MIN_BAR_PIXELS``).
BAR_PIXELS = 120
MIN_BAR_PIXELS = 30
#: Arrow heads are this fraction of their arrow's length.
HEAD_FRACTION = 0.25


class ExplainPanel(QWidget):
    """The current half-step's formulas with their numbers, the hovered point's E-step, and why EM stopped.

    Attributes
    ----------
    component : QSpinBox
        Which component's M-step is spelled out.
    formulas : QLabel
    point : QLabel
    stop : QLabel
        Why the run stopped (empty while it goes on).
    keep_going : QPushButton
        Runs EM on from where it stopped, with tol 0 (shown when a run has stopped).

    Signals
    -------
    keep_going_requested()
    """

    keep_going_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.component = QSpinBox()
        self.component.setRange(0, 0)
        self.component.setToolTip(self.tr("The component whose M-step is written out below."))
        self.formulas = QLabel()
        self.formulas.setTextFormat(Qt.TextFormat.RichText)
        self.formulas.setWordWrap(True)
        self.formulas.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.formulas.setToolTip(self.tr("The M-step's formulas with the numbers of the latest E-step, so one "
                                         "iteration can be checked by hand."))
        self.point = QLabel(self.tr("Hover a point to see its responsibilities."))
        self.point.setTextFormat(Qt.TextFormat.RichText)
        self.point.setWordWrap(True)
        self.point.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Its table never holds the panel wide (in its scroll area the panel would then stay wider than the dock):
        # the bars are drawn for the panel's width instead (``_bar_pixels``), again when it changes.
        self.point.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.point.setToolTip(self.tr("The E-step for the point under the cursor: its responsibilities r_k, the "
                                      "chance that component k made it, from the parameters the E-step used."))
        self.stop = QLabel()
        self.stop.setWordWrap(True)
        self.keep_going = QPushButton(self.tr("Keep going (tol 0)"))
        self.keep_going.setToolTip(self.tr("Runs EM on from the parameters on screen with tol 0, until you stop it "
                                           "(Esc or Space) or the log-likelihood changes by less than 1e-10."))
        self.keep_going.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keep_going.setVisible(False)
        self.keep_going.clicked.connect(self.keep_going_requested)
        form = QFormLayout()
        form.addRow(self.tr("Component"), self.component)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.formulas)
        layout.addWidget(self.stop)
        layout.addWidget(self.keep_going)
        layout.addWidget(self.point)
        layout.addStretch(1)
        self._snapshot: EMSnapshot | None = None
        self._n_samples = 0
        self._locks = Locks()
        self._point: PointNumbers | None = None
        self.component.valueChanged.connect(self._render)
        self._render()

    def show_snapshot(self, snapshot: EMSnapshot | None, n_samples: int, locks: Locks = NO_LOCKS, tol: float = 0.0,
                      max_iter: int = 0, can_keep_going: bool = False) -> None:
        """Explain ``snapshot`` (of ``n_samples`` rows, fitted under ``locks``, ``tol`` and ``max_iter``); Keep
        going is offered when it ends a run (``can_keep_going``)."""
        self._snapshot = snapshot
        self._n_samples = n_samples
        self._locks = locks
        if snapshot is not None:
            self.component.setMaximum(snapshot.params.n_components - 1)
        reason = stop_text(snapshot, tol, max_iter) if snapshot is not None else ""
        self.stop.setText(reason)
        self.stop.setVisible(bool(reason))
        self.keep_going.setVisible(bool(reason) and can_keep_going)
        self._render()

    def show_note(self, text: str) -> None:
        """Show ``text`` instead of a snapshot's formulas (for parameters no half-step has used yet)."""
        self._snapshot = None
        self.stop.setVisible(False)
        self.keep_going.setVisible(False)
        self.formulas.setText(html.escape(text).replace("\n", "<br>"))

    def numbers(self) -> dict[str, object]:
        """The numbers on show (for tests): nk, the weights (the M-step's, as its locks made them), the chosen
        component's mean (after an M-step its new one, after an E-step the weighted mean of its formula), the
        log-likelihood and its change."""
        snapshot = self._snapshot
        if snapshot is None or snapshot.stats is None:
            return {}
        stats = snapshot.stats
        history = snapshot.history
        k = self.component.value()
        if snapshot.half_step is HalfStep.M:
            weights, mean = snapshot.params.weights, snapshot.params.means[k]
        else:
            n_components = len(stats.nk)
            weights = (np.full(n_components, 1.0 / n_components) if self._locks.equal_weights
                       else stats.nk / self._n_samples)
            mean = stats.means[k]
        return {"nk": stats.nk, "weights": weights, "mean": mean,
                "log_likelihood": history[-1] if history else float("nan"),
                "change": history[-1] - history[-2] if len(history) > 1 else float("nan")}

    def _weights_table(self, numbers: dict[str, object]) -> str:
        nk = numbers["nk"]
        locks = self._locks
        cells = []
        for j, (n, w) in enumerate(zip(nk, numbers["weights"], strict=True)):
            if j in locks.frozen_components:
                rule = html.escape(self.tr("frozen: kept"))
            elif locks.equal_weights:
                rule = html.escape(self.tr("locked: 1/K = {0}")).format(number(float(w)))
            elif locks.frozen_components:
                rule = html.escape(self.tr("rescaled (frozen components)"))
            else:
                rule = f"{number(float(n))} / {self._n_samples} = {number(float(w))}"
            cells.append(f"<tr><td>{j}</td><td align='right'>{number(float(n))}</td><td align='right'>{rule}</td></tr>")
        return ("<table cellspacing='0' cellpadding='2'><tr><th>k</th><th>N<sub>k</sub></th>"
                f"<th>π<sub>k</sub></th></tr>{''.join(cells)}</table>")

    def _render(self) -> None:
        snapshot = self._snapshot
        if snapshot is None:
            self.formulas.setText(self.tr("No fit yet."))
            return
        names = {HalfStep.INIT: self.tr("Start: the initial parameters"),
                 HalfStep.E: self.tr("E-step: responsibilities from the parameters"),
                 HalfStep.M: self.tr("M-step: parameters from the responsibilities"),
                 HalfStep.BEST: self.tr("The best start's result")}
        parts = [f"<b>{html.escape(names[snapshot.half_step])}</b><br>"
                 + html.escape(self.tr("iteration {0}").format(snapshot.iteration))]
        numbers = self.numbers()
        if numbers:
            k = self.component.value()
            parts.append(html.escape(self.tr("From the latest E-step:")) + "<br>N<sub>k</sub> = Σ<sub>i</sub> "
                         "r<sub>ik</sub>,&nbsp; π<sub>k</sub> = N<sub>k</sub> / N")
            parts.append(self._weights_table(numbers))
            before = snapshot.e_step_params
            if snapshot.half_step is HalfStep.M and isinstance(before, MixtureParams):
                parts.append("<b>" + html.escape(self.tr("Component {0}, before → after:").format(k)) + "</b><br>"
                             + m_step_html(before, snapshot.params, snapshot.stats, k, self._locks,
                                           self._n_samples))
            else:
                parts.append(f"μ<sub>{k}</sub> = (1 / N<sub>{k}</sub>) Σ<sub>i</sub> r<sub>i{k}</sub> x<sub>i</sub> "
                             f"= {vector(numbers['mean'])}"
                             + (" " + html.escape(self.tr("(frozen: the M-step keeps the old mean)"))
                                if k in self._locks.frozen_components else "")
                             + "<br>" + html.escape(self.tr("Press M to see the M-step's before → after.")))
            change = numbers["change"]
            parts.append(html.escape(self.tr("Mean log-likelihood (1/N) Σ log p(xᵢ) = {0}").format(
                number(float(numbers["log_likelihood"])))) + "<br>"
                + html.escape(self.tr("change since the previous E-step: {0}").format(
                    "–" if np.isnan(change) else f"{change:+.3g}")))
        else:
            parts.append(html.escape(self.tr("Take an E-step (E) to see the numbers of the M-step's formulas.")))
        if snapshot.half_step is HalfStep.M and snapshot.reseeded:
            names = ", ".join(str(component) for component in snapshot.reseeded)
            text = (self.tr("This M-step re-seeded component {0}") if len(snapshot.reseeded) == 1
                    else self.tr("This M-step re-seeded components {0}")).format(names)
            parts.append("<b>" + html.escape(text) + "</b>:<br>" + html.escape(self.tr(
                "it had collapsed (almost no responsibility, or a singular covariance),\nso it starts again at a "
                "point EM explained worst, with the whole data's covariance.")).replace("\n", "<br>"))
        self.formulas.setText("<br>".join(parts))

    def show_point(self, point: PointNumbers | None) -> None:
        """Show the E-step of the hovered point (``PointNumbers``); None clears."""
        self._point = point
        if point is None:
            self.point.setText(self.tr("Hover a point to see its responsibilities."))
            return
        colors = component_colors(len(point.resp)).astype(int).tolist()
        self.point.setText(e_step_html(point, colors, self._bar_pixels()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's naming
        super().resizeEvent(event)
        if self._point is not None and event.size().width() != event.oldSize().width():
            self.show_point(self._point)

    def _bar_pixels(self) -> int:
        """Width of a responsibility bar of 1: ``BAR_PIXELS``, or what the panel leaves beside the table's numbers
        (a wider table widened the whole panel: a sideways scroll bar, and every line of the formulas cut)."""
        numbers = self.point.fontMetrics().horizontalAdvance("00  0.5183  4.48e-07  9.42e-08  0.000") + 40
        return max(MIN_BAR_PIXELS, min(BAR_PIXELS, self.width() - numbers))

    def point_resp(self) -> NDArray[np.floating] | None:
        """The responsibilities on show (for tests), or None."""
        return None if self._point is None else self._point.resp


class StepTrail:
    """On the canvas after an M-step: each mean's move as an arrow, and the old 1-sigma ellipses, faded."""

    def __init__(self, canvas: PlotWithLegend) -> None:
        self.arrows = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen((30, 30, 30, 220), width=2), antialias=True)
        self.old_ellipses = pg.PlotCurveItem(connect="finite", antialias=True,
                                             pen=pg.mkPen((90, 90, 90, 110), width=1.5, style=Qt.PenStyle.DotLine))
        for z, item in ((9, self.old_ellipses), (19, self.arrows)):
            item.setZValue(z)
            canvas.plot.addItem(item)

    def show_step(self, old_means: NDArray, old_covariances: NDArray, new_means: NDArray) -> None:
        """Arrows from ``old_means`` to ``new_means`` (K, 2) and the old ellipses (covariances (K, 2, 2))."""
        xs, ys = ellipse_outlines(old_means, old_covariances, (1.0,))
        self.old_ellipses.setData(xs.ravel(), ys.ravel())
        shaft = new_means - old_means
        normal = np.stack([-shaft[:, 1], shaft[:, 0]], axis=1)
        head_left = new_means - HEAD_FRACTION * shaft + 0.5 * HEAD_FRACTION * normal
        head_right = new_means - HEAD_FRACTION * shaft - 0.5 * HEAD_FRACTION * normal
        segments = np.stack([old_means, new_means, new_means, head_left, new_means, head_right], axis=1)
        points = segments.reshape(-1, 2)
        self.arrows.setData(points[:, 0], points[:, 1])

    def clear(self) -> None:
        self.arrows.setData([], [])
        self.old_ellipses.setData([], [])
