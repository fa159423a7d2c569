"""Painting data: a brush sprays points of one "true class" under the cursor, an eraser removes them.

``PaintPanel`` holds the brush's settings; ``PaintTool`` watches the canvas's viewport while paint mode
is on and emits the whole edited data set (points and their class labels); ``DataEdit`` is the undo
command for one edit (a stroke, an erasure, a clear), holding the data before and after.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QUndoCommand
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QPushButton, QSpinBox, QWidget

from gui.views.legend import PlotWithLegend

#: Seed of the brush's random generator (the same strokes give the same points).
BRUSH_SEED = 0

PaintedData = tuple[NDArray[np.float64], NDArray[np.int64]]  # points (n, 2), class labels (n,)


class PaintPanel(QGroupBox):
    """Paint mode on or off, the brush's class, radius and density, the eraser and Clear.

    Signals
    -------
    clear_requested()
    """

    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Paint"), parent)
        self.enabled = QCheckBox(self.tr("Paint points"))
        self.enabled.setToolTip(self.tr("On: dragging on the canvas sprays points (or erases them) instead of "
                                        "moving the view or the components."))
        self.eraser = QCheckBox(self.tr("Eraser"))
        self.eraser.setToolTip(self.tr("The brush removes the points under it instead of adding points."))
        self.true_class = QSpinBox()
        self.true_class.setRange(0, 19)
        self.true_class.setToolTip(self.tr("The true class painted points carry, as the labels of generated "
                                           "data do (exported with the data)."))
        self.radius = QSpinBox()
        self.radius.setRange(2, 200)
        self.radius.setValue(25)
        self.radius.setSuffix(self.tr(" px"))
        self.radius.setToolTip(self.tr("The brush's radius on screen: points are drawn from a Gaussian whose "
                                       "standard deviation is half of it; the eraser removes points within it."))
        self.density = QSpinBox()
        self.density.setRange(1, 200)
        self.density.setValue(8)
        self.density.setToolTip(self.tr("Points sprayed each time the mouse moves while painting."))
        self.clear = QPushButton(self.tr("Clear"))
        self.clear.setToolTip(self.tr("Removes every point (Ctrl+Z brings them back)."))
        self.clear.clicked.connect(self.clear_requested)
        form = QFormLayout(self)
        form.addRow(self.enabled, self.eraser)
        form.addRow(self.tr("Class"), self.true_class)
        form.addRow(self.tr("Radius"), self.radius)
        form.addRow(self.tr("Density"), self.density)
        form.addRow(self.clear)


class PaintTool(QObject):
    """Sprays or erases points on a ``PlotWithLegend`` while its panel's paint mode is on.

    Signals
    -------
    edited(object, bool)
        The whole edited data (``PaintedData``), and True when the stroke has ended (mouse released).
    """

    edited = Signal(object, bool)

    def __init__(self, canvas: PlotWithLegend, panel: PaintPanel) -> None:
        super().__init__(canvas)
        self._canvas = canvas
        self._panel = panel
        self._rng = np.random.default_rng(BRUSH_SEED)
        self._data: PaintedData = (np.empty((0, 2)), np.empty(0, dtype=np.int64))
        self._available = True
        self._stroke = False
        canvas.plot_widget.viewport().installEventFilter(self)

    def set_data(self, data: PaintedData, available: bool) -> None:
        """The data on screen; ``available`` is False for data that is not 2-D (painting is then off)."""
        self._data = data
        self._available = available

    def data(self) -> PaintedData:
        return self._data

    def active(self) -> bool:
        """True while strokes paint: 2-D data, Paint points checked, and the panel enabled (a lesson disables it)."""
        return self._available and self._panel.isEnabled() and self._panel.enabled.isChecked()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's naming
        if not self.active() or not isinstance(event, QMouseEvent):
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._stroke = True
            self.dab(event.position(), finished=False)
            return True
        if kind == QEvent.Type.MouseMove and self._stroke:
            self.dab(event.position(), finished=False)
            return True
        if kind == QEvent.Type.MouseButtonRelease and self._stroke:
            self._stroke = False
            self.edited.emit(self._data, True)
            return True
        return kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)

    def dab(self, position: QPointF, finished: bool) -> None:
        """Spray (or erase) once at a viewport position."""
        view_box = self._canvas.plot.getViewBox()
        center = view_box.mapSceneToView(self._canvas.plot_widget.mapToScene(position.toPoint()))
        pixel = np.abs(np.array(view_box.viewPixelSize()))  # data units per pixel, along x and y
        radius = self._panel.radius.value() * pixel
        points, labels = self._data
        if self._panel.eraser.isChecked():
            inside = np.hypot((points[:, 0] - center.x()) / radius[0], (points[:, 1] - center.y()) / radius[1]) <= 1
            self._data = (points[~inside], labels[~inside])
        else:
            count = self._panel.density.value()
            new = np.array([center.x(), center.y()]) + self._rng.normal(0.0, 0.5, (count, 2)) * radius
            self._data = (np.vstack([points, new]),
                          np.concatenate([labels, np.full(count, self._panel.true_class.value(), dtype=np.int64)]))
        self.edited.emit(self._data, finished)


class DataEdit(QUndoCommand):
    """One edit of the data, undone and redone by handing ``apply`` the data before or after it."""

    def __init__(self, text: str, before: PaintedData, after: PaintedData,
                 apply: Callable[[PaintedData], None]) -> None:
        super().__init__(text)
        self._before, self._after, self._apply = before, after, apply

    def redo(self) -> None:
        self._apply(self._after)

    def undo(self) -> None:
        self._apply(self._before)
