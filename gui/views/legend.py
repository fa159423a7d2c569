"""A legend beside a plot: each component's colour, number and weight; and the plot-with-legend pane."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from gui.colors import component_colors
from gui.views.axes import quiet_plot_widget


class ComponentLegend(QFrame):
    """One row per component: a colour swatch, its number and its weight (mixing proportion).

    The rows scroll, so a legend of many components never makes the plot beside it taller.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ComponentLegend")
        self.setStyleSheet("#ComponentLegend { background: white; }")
        self._title = QLabel(self.tr("Weights"))
        self._title.setStyleSheet("font-weight: bold; color: #282828;")
        self._title.setToolTip(self.tr("Each component's weight: the share of the data EM gives it."))
        rows = QWidget()
        rows.setObjectName("ComponentLegendRows")
        rows.setStyleSheet("#ComponentLegendRows { background: white; }")
        self._grid = QGridLayout(rows)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(2)
        self._grid.setRowStretch(0, 0)
        self._scroll = QScrollArea()
        self._scroll.setWidget(rows)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 8, 8)
        layout.addWidget(self._title)
        layout.addWidget(self._scroll, 1)
        self._texts: list[QLabel] = []
        self._swatches: list[QWidget] = []

    def set_component_count(self, n_components: int) -> None:
        """Make one row per component (rows are reused when the count does not change)."""
        if n_components == len(self._texts):
            return
        for widget in self._texts + self._swatches:
            self._grid.removeWidget(widget)
            widget.deleteLater()
        self._texts, self._swatches = [], []
        for component, (red, green, blue) in enumerate(component_colors(n_components).astype(int).tolist()):
            swatch = QLabel()
            swatch.setFixedSize(14, 14)
            swatch.setStyleSheet(f"background: rgb({red},{green},{blue}); border-radius: 7px;")
            text = QLabel()
            text.setStyleSheet("color: #282828;")
            text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            self._grid.addWidget(swatch, component, 0)
            self._grid.addWidget(text, component, 1)
            self._swatches.append(swatch)
            self._texts.append(text)
        for row in range(self._grid.rowCount()):  # the rows stay at the top, the space left goes below them
            self._grid.setRowStretch(row, 0)
        self._grid.setRowStretch(n_components, 1)
        self.set_weights(None)
        # A fixed width: weights changing digits must not re-layout the plot beside the legend every frame.
        scroll_bar = self._scroll.verticalScrollBar().sizeHint().width()
        self.setFixedWidth(max(self.fontMetrics().horizontalAdvance(self.tr("{0}   w = {1:.3f}").format(88, 0.888)),
                               self._title.sizeHint().width()) + 44 + scroll_bar)

    def set_weights(self, weights: NDArray[np.floating] | None) -> None:
        """Show each component's weight (``None`` shows dashes)."""
        for component, label in enumerate(self._texts):
            if weights is None or component >= len(weights):
                text = self.tr("{0}   –").format(component)
            else:
                text = self.tr("{0}   w = {1:.3f}").format(component, float(weights[component]))
            if label.text() != text:
                label.setText(text)

    def texts(self) -> list[str]:
        """The rows' texts (for tests and screen readers)."""
        return [label.text() for label in self._texts]

    def swatches(self) -> list[QLabel]:
        """The rows' colour swatches (for tests)."""
        return list(self._swatches)


class PlotWithLegend(QWidget):
    """A white pyqtgraph plot that takes the keyboard focus, with a ``ComponentLegend`` to its right.

    Attributes
    ----------
    plot_widget : pyqtgraph.PlotWidget
    plot : pyqtgraph.PlotItem
    legend : ComponentLegend
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = quiet_plot_widget(background="w", enableMenu=False)
        self.plot_widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.legend = ComponentLegend()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.legend)
