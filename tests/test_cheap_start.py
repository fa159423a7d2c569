"""What the window's cheaper start keeps: axis labels follow every change although unchanged ones are not laid out
again (``gui.views.axes``), only the left and bottom axes show, and the canvas gives new points their colours even
when a frame leaves the colours as they were (``gui.views.canvas``). The lazily made plots (restarts strip, 1-D
view) are covered by their own tests."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest

from gui.colors import FOREGROUND, UNASSIGNED, BrushTable, component_colors
from gui.views.axes import QuietAxis, quiet_plot_widget
from gui.views.canvas import MixtureCanvas
from gui.views.convergence import ConvergencePlot
from gui.views.histogram import HistogramView
from gui.views.restarts import RestartsStrip


def _label_text(axis: pg.AxisItem) -> str:
    return axis.label.toPlainText()


def test_a_quiet_axis_label_follows_text_colour_and_si_prefix(qtbot):
    widget = quiet_plot_widget(background="w")
    qtbot.addWidget(widget)
    axis = widget.getPlotItem().getAxis("bottom")
    assert isinstance(axis, QuietAxis)
    axis.setLabel("distance", units="m")
    assert _label_text(axis).strip() == "distance (m)"
    axis.setRange(0, 5000)  # the SI prefix follows the range
    assert _label_text(axis).strip() == "distance (km)"
    axis.setRange(0, 5)
    assert _label_text(axis).strip() == "distance (m)"
    axis.setPen((200, 0, 0))  # the label takes the pen's colour
    assert "#c80000" in axis.label.toHtml()
    axis.setLabel("time")
    assert _label_text(axis).strip() == "time"


def test_a_label_changed_while_hidden_shows_its_current_text(qtbot):
    widget = quiet_plot_widget(background="w")
    qtbot.addWidget(widget)
    axis = widget.getPlotItem().getAxis("left")
    axis.enableAutoSIPrefix(False)  # so that showing the label is all that updates it
    axis.setLabel("density")
    axis.showLabel(False)
    axis.setPen((0, 0, 200))
    axis.showLabel(True)
    assert "#0000c8" in axis.label.toHtml() and _label_text(axis).strip() == "density"


def test_only_the_left_and_bottom_axes_show(qtbot):
    widget = quiet_plot_widget(background="w")
    qtbot.addWidget(widget)
    plot = widget.getPlotItem()
    assert [side for side in ("left", "bottom", "right", "top") if plot.getAxis(side).isVisibleTo(plot)] == [
        "left", "bottom"]


def test_every_plot_has_dark_axes_whatever_pyqtgraph_s_default(qtbot):
    default = pg.getConfigOption("foreground")
    pg.setConfigOptions(foreground="r")  # not the window's colour: the axes must not take it
    try:
        canvas, histogram, convergence, restarts = MixtureCanvas(), HistogramView(), ConvergencePlot(), RestartsStrip()
        plots = [canvas.plot, histogram.plot, convergence.likelihood, convergence.change, restarts.plot]
    finally:
        pg.setConfigOptions(foreground=default)
    for widget in (canvas, histogram, convergence, restarts):
        qtbot.addWidget(widget)
    for plot in plots:
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            assert axis.pen().color().getRgb()[:3] == FOREGROUND
            assert axis.textPen().color().getRgb()[:3] == FOREGROUND


def _scatter_rgb(canvas: MixtureCanvas) -> set[tuple[int, int, int] | None]:
    """The colours of the scatter's points (None for a point left with pyqtgraph's default brush)."""
    brushes = canvas.point_scatter.data["brush"]
    return {None if brush is None else tuple(brush.color().getRgb()[:3]) for brush in brushes}


def test_new_points_get_their_colours_when_a_frame_keeps_them(qtbot):
    canvas = MixtureCanvas()
    qtbot.addWidget(canvas)
    points = np.random.default_rng(0).normal(size=(40, 2))
    grey = {tuple(BrushTable().brushes(UNASSIGNED[None])[0].color().getRgb()[:3])}
    canvas.set_points(points, ("x0", "x1"), None)
    assert _scatter_rgb(canvas) == grey
    canvas.show_assignment(None, None)  # an unassigned frame: the colours stay as they are
    assert _scatter_rgb(canvas) == grey
    canvas.set_points(points + 1.0, ("x0", "x1"), None)  # new points, the same colours as drawn before
    assert _scatter_rgb(canvas) == grey
    canvas.set_component_count(2)
    canvas.show_assignment(np.arange(40) % 2, None)  # hard labels: each component's colour
    expected = {tuple(BrushTable().brushes(colour[None])[0].color().getRgb()[:3]) for colour in component_colors(2)}
    assert _scatter_rgb(canvas) == expected


def test_the_restarts_strip_draws_the_starts_it_was_given_before_it_was_shown(qtbot):
    strip = RestartsStrip()
    qtbot.addWidget(strip)
    strip.set_starts((-3.0, -2.5, -2.8), 1)  # its plot is not made yet: nothing shows it
    strip.show()
    assert list(strip.points.getData()[1]) == [-3.0, -2.5, -2.8]
    assert list(strip.current.getData()[1]) == [-2.5]
    assert strip.plot.viewRange()[0] == [-0.5, 2.5]


def _rug_rgb(view: HistogramView) -> list[tuple[int, int, int]]:
    return [tuple(brush.color().getRgb()[:3]) for brush in view.rug.data["brush"]]


def test_the_1d_view_keeps_an_option_set_before_its_plot_was_made(qtbot):
    values = np.random.default_rng(0).normal(size=60)
    labels = (values > 0).astype(int)
    resp = np.column_stack([np.full(60, 0.6), np.full(60, 0.4)])  # soft: a blend of both colours

    def shown(hard_first: bool | None) -> list[tuple[int, int, int]]:
        view = HistogramView()
        qtbot.addWidget(view)
        if hard_first:
            view.set_hard_labels(True)  # before the plot is made
        view.set_values(values, "x", None)
        if hard_first is False:
            view.set_hard_labels(True)  # after
        view.set_component_count(2)
        view.show_assignment(labels, resp)
        return _rug_rgb(view)

    assert shown(True) == shown(False) != shown(None)


def test_the_1d_plot_made_in_a_shown_view_is_shown_and_drawn_at_once(qtbot):
    view = HistogramView()
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    view.set_values(np.random.default_rng(0).normal(size=200), "x", None)  # makes the plot
    assert view.made.isVisible()
    image = view.grab().toImage()  # at once: no turn of the event loop in between
    colours = {image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)}
    assert len(colours) > 2  # bars, axes and text, not a blank widget


def test_an_error_while_the_1d_plot_is_made_is_raised_as_it_is(qtbot, monkeypatch):
    import gui.views.histogram as histogram

    def broken(self, parent=None):
        raise AttributeError("a part of the plot is missing")

    monkeypatch.setattr(histogram.HistogramPlot, "__init__", broken)
    view = HistogramView()
    qtbot.addWidget(view)
    with pytest.raises(AttributeError, match="a part of the plot is missing"):
        view.set_values(np.zeros(3), "x", None)
