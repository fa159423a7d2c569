"""Half-steps that explain themselves: the M-step's formulas with the current numbers, a hovered point's
responsibilities, and on the canvas the step an M-step took (arrows from old to new means, old ellipses).

Everything here only shows numbers the engine computed (``EMSnapshot.stats``, ``history``) or the
controller hands over; no maths beyond formatting and drawing.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from engine.em import EMSnapshot, HalfStep
from gui.colors import component_colors
from gui.views.geometry import ellipse_outlines
from gui.views.legend import PlotWithLegend

#: A point this close to the cursor (in pixels) counts as hovered.
HOVER_PIXELS = 8.0
#: Width in pixels of a responsibility bar of 1.
BAR_PIXELS = 120
#: Arrow heads are this fraction of their arrow's length.
HEAD_FRACTION = 0.25


def _number(value: float) -> str:
    return f"{value:.4g}"


def _vector(values: NDArray[np.floating]) -> str:
    return "(" + ", ".join(_number(float(v)) for v in values) + ")"


class ExplainPanel(QWidget):
    """The current half-step's formulas with their numbers, and the hovered point's responsibilities.

    Attributes
    ----------
    component : QSpinBox
        Which component's mean update is spelled out.
    formulas : QLabel
    point : QLabel
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.component = QSpinBox()
        self.component.setRange(0, 0)
        self.component.setToolTip(self.tr("The component whose mean update is written out below."))
        self.formulas = QLabel()
        self.formulas.setTextFormat(Qt.TextFormat.RichText)
        self.formulas.setWordWrap(False)  # a wrapped rich-text label in a dock can keep a stale height
        self.formulas.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.formulas.setToolTip(self.tr("The M-step's formulas with the numbers of the latest E-step, so one "
                                         "iteration can be checked by hand."))
        self.point = QLabel(self.tr("Hover a point to see its responsibilities."))
        self.point.setTextFormat(Qt.TextFormat.RichText)
        self.point.setWordWrap(False)
        self.point.setToolTip(self.tr("Responsibilities r_k of the point under the cursor: the chance that "
                                      "component k made it, given the current parameters."))
        form = QFormLayout()
        form.addRow(self.tr("Component"), self.component)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.formulas)
        layout.addWidget(self.point)
        layout.addStretch(1)
        self._snapshot: EMSnapshot | None = None
        self._n_samples = 0
        self.component.valueChanged.connect(self._render)
        self._render()

    def show_snapshot(self, snapshot: EMSnapshot | None, n_samples: int) -> None:
        self._snapshot = snapshot
        self._n_samples = n_samples
        if snapshot is not None:
            self.component.setMaximum(snapshot.params.n_components - 1)
        self._render()

    def show_note(self, text: str) -> None:
        """Show ``text`` instead of a snapshot's formulas (for parameters no half-step has used yet)."""
        self._snapshot = None
        self.formulas.setText(html.escape(text).replace("\n", "<br>"))

    def numbers(self) -> dict[str, object]:
        """The numbers on show (for tests): nk, weights, the chosen component's mean, log-likelihood, change."""
        snapshot = self._snapshot
        if snapshot is None or snapshot.stats is None:
            return {}
        stats = snapshot.stats
        history = snapshot.history
        return {"nk": stats.nk, "weights": stats.nk / self._n_samples,
                "mean": stats.means[self.component.value()],
                "log_likelihood": history[-1] if history else float("nan"),
                "change": history[-1] - history[-2] if len(history) > 1 else float("nan")}

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
            nk = numbers["nk"]
            rows = "".join(f"<tr><td>{j}</td><td align='right'>{_number(float(n))}</td>"
                           f"<td align='right'>{_number(float(n))} / {self._n_samples} = "
                           f"{_number(float(w))}</td></tr>"
                           for j, (n, w) in enumerate(zip(nk, numbers["weights"], strict=True)))
            parts.append(html.escape(self.tr("From the latest E-step:")) + "<br>N<sub>k</sub> = Σ<sub>i</sub> "
                         "r<sub>ik</sub>,&nbsp; π<sub>k</sub> = N<sub>k</sub> / N")
            parts.append("<table cellspacing='0' cellpadding='2'><tr><th>k</th><th>N<sub>k</sub></th>"
                         f"<th>π<sub>k</sub></th></tr>{rows}</table>")
            parts.append(f"μ<sub>{k}</sub> = (1 / N<sub>{k}</sub>) Σ<sub>i</sub> r<sub>i{k}</sub> x<sub>i</sub> = "
                         f"{_vector(numbers['mean'])}")
            change = numbers["change"]
            parts.append(html.escape(self.tr("Mean log-likelihood (1/N) Σ log p(xᵢ) = {0}").format(
                _number(float(numbers["log_likelihood"])))) + "<br>"
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

    def show_point(self, index: int | None, x: NDArray[np.floating] | None = None,
                   resp: NDArray[np.floating] | None = None) -> None:
        """Show the responsibilities ``resp`` (K,) of sample ``index`` at ``x``; None clears."""
        self._point_resp = resp
        if index is None or x is None or resp is None:
            self.point.setText(self.tr("Hover a point to see its responsibilities."))
            return
        colors = component_colors(len(resp)).astype(int).tolist()
        rows = "".join(
            f"<tr><td>r<sub>{k}</sub></td><td align='right'>{value:.3f}</td><td>"
            f"<table cellspacing='0' cellpadding='0'><tr><td width='{max(1, int(BAR_PIXELS * value))}' "
            f"bgcolor='#{red:02x}{green:02x}{blue:02x}'>&nbsp;</td></tr></table></td></tr>"
            for k, (value, (red, green, blue)) in enumerate(zip(resp.tolist(), colors, strict=True)))
        title = html.escape(self.tr("Point {0} at {1}").format(index, _vector(x)))
        self.point.setText(f"<b>{title}</b><table cellspacing='2' cellpadding='1'>{rows}</table>")

    def point_resp(self) -> NDArray[np.floating] | None:
        """The responsibilities on show (for tests)."""
        return getattr(self, "_point_resp", None)


class PointHover(QObject):
    """Finds the point under the cursor on a ``PlotWithLegend``.

    Signals
    -------
    hovered(int)
        Row of the nearest point within ``HOVER_PIXELS`` of the cursor, or -1 when there is none.
    """

    hovered = Signal(int)

    def __init__(self, canvas: PlotWithLegend) -> None:
        super().__init__(canvas)
        self._canvas = canvas
        self._points = np.empty((0, 2))
        self._current = -1
        canvas.plot.scene().sigMouseMoved.connect(self._on_moved)

    def set_points(self, points: NDArray[np.floating]) -> None:
        self._points = np.asarray(points, dtype=float)
        self._current = -1

    def _on_moved(self, scene_position: QPointF) -> None:
        if len(self._points) == 0:
            return
        view_box = self._canvas.plot.getViewBox()
        cursor = view_box.mapSceneToView(scene_position)
        width, height = view_box.viewPixelSize()  # data units per pixel
        distances = np.hypot((self._points[:, 0] - cursor.x()) / width, (self._points[:, 1] - cursor.y()) / height)
        nearest = int(np.argmin(distances))
        index = nearest if distances[nearest] <= HOVER_PIXELS else -1
        if index != self._current:
            self._current = index
            self.hovered.emit(index)


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
