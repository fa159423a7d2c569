"""The Image window's Colour space tab: the fitted pixels on a chosen pair of colour axes, and each
segment's 1 and 2 standard-deviation ellipses in that segment's colour, labelled with its number.

The axis pairs are those of the three colour features: r-g, r-b, g-b for RGB features, L-a, L-b, a-b for
CIE Lab (``engine.imaging.features``). Each ellipse is drawn twice: a wide line that contrasts with the
segment's colour (dark under a light colour, light under a dark one), then a narrower one in the segment's
colour (the legend's: mean colour or palette), so every ellipse stands apart from the others and from the
dots. The view only draws what it is given; ``gui.image.session.ImageSession`` computes the outlines.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

#: The axis pairs offered, as indices into the colour features (r, g, b or L, a, b).
AXIS_PAIRS: tuple[tuple[int, int], ...] = ((0, 1), (0, 2), (1, 2))
#: The line under each coloured ellipse: dark under a light colour, light under a dark one.
OUTLINE_DARK, OUTLINE_LIGHT = (40, 40, 40), (225, 225, 225)
#: Above this luminance (0-255) a segment's colour counts as light.
LIGHT_LUMINANCE = 140.0


def outline_colour(colour) -> tuple[int, int, int]:
    """The colour of the line under an ellipse of ``colour`` (r, g, b in 0-255): one that stands apart from it."""
    r, g, b = (float(c) for c in colour)
    return OUTLINE_DARK if 0.299 * r + 0.587 * g + 0.114 * b > LIGHT_LUMINANCE else OUTLINE_LIGHT


def _tr(text: str) -> str:
    return QCoreApplication.translate("ColourSpaceView", text)


class ColourSpaceView(QWidget):
    """The pixels as points on two colour axes and the segments' ellipses, with the choice of axes.

    Signals
    -------
    axes_changed()
        The user chose another axis pair (``axes()``).
    """

    axes_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setToolTip(_tr("The fitted pixels' colour features on the chosen axes (a sample, each dot in its "
                                 "own colour) and each segment's 1 and 2 standard-deviation ellipses in the "
                                 "segment's colour, marked with its number."))
        self.axis_choice = QComboBox()
        self.axis_choice.setToolTip(_tr("Which two of the three colour features the plot shows."))
        self._names: tuple[str, ...] = ("r", "g", "b")
        self.set_feature_names(self._names)
        self.axis_choice.currentIndexChanged.connect(self._on_axes_chosen)
        for side in ("bottom", "left"):
            self.plot.getAxis(side).enableAutoSIPrefix(False)  # features are plain numbers, not units
        self.scatter = pg.ScatterPlotItem(size=3, pen=None)
        self.plot.addItem(self.scatter)
        self.outline_items: list[pg.PlotDataItem] = []  # per segment: the dark line under its ellipse
        self.ellipse_items: list[pg.PlotDataItem] = []  # per segment: its ellipses in its colour
        self.number_items: list[pg.TextItem] = []  # per segment: its number at its mean
        choice = QHBoxLayout()
        choice.addWidget(QLabel(_tr("Axes")))
        choice.addWidget(self.axis_choice)
        choice.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(choice)
        layout.addWidget(self.plot, 1)

    def set_feature_names(self, names: tuple[str, ...]) -> None:
        """Offer the axis pairs of these colour features (``r, g, b`` or ``L, a, b``), keeping the chosen pair."""
        index = max(self.axis_choice.currentIndex(), 0)
        self.axis_choice.blockSignals(True)
        self.axis_choice.clear()
        for first, second in AXIS_PAIRS:
            self.axis_choice.addItem(f"{names[first]}-{names[second]}", (first, second))
        self.axis_choice.setCurrentIndex(index)
        self.axis_choice.blockSignals(False)
        self._names = names
        self._label_axes()

    def _label_axes(self) -> None:
        first, second = self.axes()
        self.plot.setLabel("bottom", self._names[first])
        self.plot.setLabel("left", self._names[second])

    def _on_axes_chosen(self) -> None:
        self._label_axes()
        self.axes_changed.emit()

    def axes(self) -> tuple[int, int]:
        """The feature indices on the horizontal and vertical axes."""
        return AXIS_PAIRS[max(self.axis_choice.currentIndex(), 0)]

    def set_axes_index(self, index: int) -> None:
        self.axis_choice.setCurrentIndex(index)

    def clear(self) -> None:
        self.scatter.clear()
        self.show_ellipses([], np.zeros((0, 3), dtype=np.uint8), np.zeros((0, 2)))

    def show_points(self, points: NDArray[np.floating], colours: NDArray[np.uint8]) -> None:
        """The sampled pixels on the chosen axes, each dot in its own colour.

        Parameters
        ----------
        points : ndarray of shape (n_points, n_features)
        colours : ndarray of shape (n_points, 3), uint8

        Colours are rounded to 16 levels a channel so that dots share brushes: one brush per dot took
        about 0.2 s for 4000 dots, on the main thread.
        """
        first, second = self.axes()
        codes = (colours.astype(np.int32) >> 4) @ np.array([256, 16, 1])
        unique, inverse = np.unique(codes, return_inverse=True)
        shared = [pg.mkBrush(int(code >> 8) * 17, int((code >> 4) & 15) * 17, int(code & 15) * 17) for code in unique]
        self.scatter.setData(points[:, first], points[:, second], brush=[shared[i] for i in inverse.ravel()])

    def show_ellipses(self, outlines: list[tuple[NDArray[np.floating], NDArray[np.floating]]],
                      colours: NDArray[np.uint8], centres: NDArray[np.floating]) -> None:
        """Each segment's ellipses in its colour, with its number at its centre.

        Parameters
        ----------
        outlines : list of (x, y), one per segment
            NaN-separated outlines on the chosen axes (``gui.views.geometry.ellipse_outlines`` of one segment).
        colours : ndarray of shape (n_segments, 3), uint8
            The segments' colours, as the legend shows them.
        centres : ndarray of shape (n_segments, 2)
            The segments' means on the chosen axes.
        """
        count = len(outlines)
        while len(self.ellipse_items) < count:
            outline = pg.PlotDataItem(connect="finite")
            ellipse = pg.PlotDataItem(connect="finite")
            number = pg.TextItem(anchor=(0.5, 0.5), color=OUTLINE_DARK, fill=pg.mkBrush(255, 255, 255, 210))
            font = number.textItem.font()
            font.setBold(True)
            number.setFont(font)
            for item in (outline, ellipse, number):
                self.plot.addItem(item)
            self.outline_items.append(outline)
            self.ellipse_items.append(ellipse)
            self.number_items.append(number)
        for k, (outline, ellipse, number) in enumerate(zip(self.outline_items, self.ellipse_items, self.number_items,
                                                           strict=True)):
            visible = k < count
            for item in (outline, ellipse, number):
                item.setVisible(visible)
            if not visible:
                outline.setData([], [])
                ellipse.setData([], [])
                continue
            x, y = outlines[k]
            colour = tuple(int(c) for c in colours[k])
            outline.setData(np.ravel(x), np.ravel(y), connect="finite", pen=pg.mkPen(outline_colour(colour), width=5))
            ellipse.setData(np.ravel(x), np.ravel(y), connect="finite", pen=pg.mkPen(colour, width=2.5))
            number.setText(str(k))
            number.border = pg.mkPen(colour, width=2)
            number.setPos(float(centres[k][0]), float(centres[k][1]))

    def ellipse_colours(self) -> list[tuple[int, int, int]]:
        """The colour each shown segment's ellipse is drawn in, by segment (for tests and exports)."""
        return [item.opts["pen"].color().getRgb()[:3] for item, shown in zip(self.ellipse_items,
                                                                              self.shown_flags(), strict=True) if shown]

    def shown_flags(self) -> list[bool]:
        return [item.isVisible() for item in self.ellipse_items]
