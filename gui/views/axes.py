"""Axes for the window's plots: pyqtgraph's ``AxisItem`` that lays its label's HTML out only when the text changes.

pyqtgraph rewrites an axis label's HTML (``QGraphicsTextItem.setHtml``, a rich-text layout) on every change of
the axis's range, pen or label, even when the text stays the same or the label is hidden: about 275 times while
the main window opens, a fifth of the cost of building its plots. ``QuietAxis`` keeps the last HTML and skips the
layout when the new one is equal or the label hidden; everything else (the SI prefix, the ticks, the size)
behaves as pyqtgraph's.
"""

from __future__ import annotations

import pyqtgraph as pg

from gui.colors import FOREGROUND

#: The four sides of a ``pyqtgraph.PlotItem``.
SIDES = ("left", "bottom", "right", "top")


class QuietAxis(pg.AxisItem):
    """An ``AxisItem`` whose label is laid out again only when its HTML changes, and only while it is shown (the
    hidden top and right axes never lay theirs out; a label laid out when it is shown)."""

    _label_html: str | None = None  # class default: pyqtgraph's __init__ updates the label before ours could run

    def _updateLabel(self) -> None:  # noqa: N802 - pyqtgraph's naming
        html = self.labelString()
        if html != self._label_html and self.label.isVisibleTo(self):
            self._label_html = html
            self.label.setHtml(html)
        self._adjustSize()
        self.picture = None
        self.update()

    def showLabel(self, show: bool = True) -> None:  # noqa: N802 - pyqtgraph's naming
        super().showLabel(show)
        if show:
            self._updateLabel()  # its text as it is now, in case it changed while hidden


def quiet_axes(**given: pg.AxisItem) -> dict[str, pg.AxisItem]:
    """A ``QuietAxis`` for each side of a plot, in the window's dark foreground colour, for ``axisItems=``;
    ``given`` replaces the axis of a side (``left=PowerOfTenAxis("left")``).

    pyqtgraph shows every side it is given an axis for: hide the top and right ones after (``left_and_bottom``).
    """
    axes: dict[str, pg.AxisItem] = {side: QuietAxis(side, pen=FOREGROUND, textPen=FOREGROUND) for side in SIDES
                                    if side not in given}
    return {**axes, **given}


def left_and_bottom(plot: pg.PlotItem) -> None:
    """Show only the left and bottom axes of ``plot``, as pyqtgraph does when it makes the axes itself."""
    plot.showAxis("left")
    plot.showAxis("bottom")
    plot.hideAxis("top")
    plot.hideAxis("right")


def quiet_plot_widget(**options: object) -> pg.PlotWidget:
    """A ``pyqtgraph.PlotWidget`` (``options`` are its own) with ``QuietAxis`` axes, the left and bottom ones shown."""
    widget = pg.PlotWidget(axisItems=quiet_axes(), **options)
    left_and_bottom(widget.getPlotItem())
    return widget
