"""The Image window's view: segment a picture with a Gaussian mixture and watch EM do it.

``ImageView`` is a window of widgets and pyqtgraph items, built once: an Image panel of controls, the
original and the segmented picture side by side in linked views ("Picture" tab), the fitted pixels'
colour features with the components' ellipses ("Colour space" tab), and a legend of segment shares.
It emits intent signals and its ``set_*``/``show_*`` methods draw what they are given; it does no maths
beyond preparing arrays for drawing. Its controller is ``gui.image.controller.ImageMode`` (also
importable from here, as ``gui.main`` does); what it shows lives in ``gui.image.session``.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QColor, QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.imaging.features import MAX_COMPONENTS, ColorSpace, FeatureSpec
from engine.imaging.render import RenderMode, segment_mask
from gui.image.session import (
    MASKED_DARK,
    MASKED_LIGHT,
    PICTURE_SUFFIXES,
    is_picture,
    masked,
    to_display,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImageView", text)


class ImageView(QMainWindow):
    """The Image mode's window. Intent signals only; ``set_*``/``show_*`` methods draw."""

    open_requested = Signal()
    file_dropped = Signal(str)
    run_requested = Signal()
    stop_requested = Signal()
    render_changed = Signal()
    segment_clicked = Signal(object)  # component index, or None for all
    export_requested = Signal(str)  # "picture", "labels", "masks" or "model"
    pixel_clicked = Signal(int, int)  # row, column of the preview grid
    closing = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("GMM Explorer - Image"))
        self.setAcceptDrops(True)
        self.resize(1400, 820)
        self._make_panel()
        self._make_views()
        splitter = QSplitter()
        splitter.addWidget(self.panel)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 1100])
        self.setCentralWidget(splitter)
        self._make_menu()
        self.set_running(False)
        self.set_has_segmentation(False)

    # --- building ------------------------------------------------------------------------------

    def _make_panel(self) -> None:
        self.panel = QWidget()
        form = QFormLayout()
        self.components = QSpinBox()
        self.components.setRange(2, MAX_COMPONENTS)
        self.components.setValue(4)
        self.components.setToolTip(_tr("Number of segments K: the mixture's components."))
        self.space = QComboBox()
        self.space.addItem(_tr("RGB"), ColorSpace.RGB.value)
        self.space.addItem(_tr("CIE Lab"), ColorSpace.LAB.value)
        self.space.setToolTip(_tr("Colour features of a pixel: RGB scaled to [0, 1], or CIE Lab."))
        self.spatial_weight = QDoubleSpinBox()
        self.spatial_weight.setRange(0.0, 10.0)
        self.spatial_weight.setSingleStep(0.1)
        self.spatial_weight.setToolTip(_tr("Weight of the pixel's (x, y) position among its features; "
                                           "0 uses colour only, larger values give more compact segments."))
        self.sample_size = QSpinBox()
        self.sample_size.setRange(0, 50_000_000)
        self.sample_size.setSingleStep(50_000)
        self.sample_size.setSpecialValueText(_tr("all pixels"))
        self.sample_size.setToolTip(_tr("Fit on this many random pixels (0: all pixels); every pixel is "
                                        "labelled at the end. Pictures above 1 megapixel start with a sample."))
        self.paint = QComboBox()
        for text, mode in ((_tr("Mean colour"), RenderMode.MEAN), (_tr("Palette"), RenderMode.PALETTE),
                           (_tr("Soft blend"), RenderMode.SOFT)):
            self.paint.addItem(text, mode.value)
        self.paint.setToolTip(_tr("Paint each pixel with its segment's mean colour, a distinct palette colour, "
                                  "or a blend of the mean colours weighted by responsibility."))
        self.paint.currentIndexChanged.connect(self.render_changed)
        form.addRow(_tr("Segments (K)"), self.components)
        form.addRow(_tr("Features"), self.space)
        form.addRow(_tr("Spatial weight"), self.spatial_weight)
        form.addRow(_tr("Sample size"), self.sample_size)
        form.addRow(_tr("Paint"), self.paint)
        self.run_button = QPushButton(_tr("Segment"))
        self.run_button.setToolTip(_tr("Fit the mixture to the picture's pixels and label every pixel."))
        self.run_button.clicked.connect(self.run_requested)
        self.stop_button = QPushButton(_tr("Stop"))
        self.stop_button.setToolTip(_tr("Stop the running fit; the last preview stays shown."))
        self.stop_button.clicked.connect(self.stop_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.stop_button)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setToolTip(_tr("Working in the background: the window stays usable."))
        self.busy.setVisible(False)
        self.status = QLabel(_tr("Open a picture (File > Open picture, or drop one here)."))
        self.status.setWordWrap(True)
        self.status.setToolTip(_tr("What the Image mode is doing."))
        legend_title = QLabel(_tr("Segments (share of pixels)"))
        legend_title.setToolTip(_tr("Click a segment to show only it; click it again to show all."))
        self.legend = QListWidget()
        self.legend.setToolTip(_tr("Each segment's colour and share of the picture's pixels. "
                                   "Click one to show only it (mask view); click it again to show all."))
        self.legend.itemClicked.connect(self._on_legend_clicked)
        layout = QVBoxLayout(self.panel)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addWidget(legend_title)
        layout.addWidget(self.legend, 1)

    def _make_views(self) -> None:
        self.tabs = QTabWidget()
        self.pictures = pg.GraphicsLayoutWidget()
        self.pictures.setBackground("w")
        self.original_box = self.pictures.addViewBox(row=0, col=0)
        self.segmented_box = self.pictures.addViewBox(row=0, col=1)
        for box in (self.original_box, self.segmented_box):
            box.setAspectLocked(True)
            box.invertY(True)
            box.setMenuEnabled(False)
        self.segmented_box.setXLink(self.original_box)
        self.segmented_box.setYLink(self.original_box)
        self.original_item = pg.ImageItem(axisOrder="row-major")
        self.segmented_item = pg.ImageItem(axisOrder="row-major")
        self.original_box.addItem(self.original_item)
        self.segmented_box.addItem(self.segmented_item)
        self.pictures.scene().sigMouseClicked.connect(self._on_picture_clicked)
        self.pictures.setToolTip(_tr("Left: the picture. Right: the segmentation, redrawn while EM runs. "
                                     "Click a segment to show only it; click it again to show all."))
        self.colour_plot = pg.PlotWidget(background="w")
        self.colour_plot.setToolTip(_tr("The fitted pixels' first two colour features (a sample) and the "
                                        "components' 1 and 2 standard-deviation ellipses."))
        self.scatter = pg.ScatterPlotItem(size=3, pen=None)
        self.ellipses = pg.PlotDataItem(pen=pg.mkPen((20, 20, 20), width=2), connect="finite")
        self.colour_plot.addItem(self.scatter)
        self.colour_plot.addItem(self.ellipses)
        self.tabs.addTab(self.pictures, _tr("Picture"))
        self.tabs.addTab(self.colour_plot, _tr("Colour space"))
        self.tabs.setTabToolTip(0, _tr("The picture and its segmentation side by side."))
        self.tabs.setTabToolTip(1, _tr("The pixels as points in colour space, with the components' ellipses."))

    def _make_menu(self) -> None:
        def action(text: str, tip: str, slot) -> QAction:
            item = QAction(text, self)
            item.setToolTip(tip)
            item.setStatusTip(tip)
            item.triggered.connect(slot)
            return item

        self.open_action = action(_tr("&Open picture..."), _tr("Open a PNG, JPEG, BMP or TIFF picture."),
                                  self.open_requested)
        self.export_actions = {
            "picture": action(_tr("Export segmented &picture..."), _tr("Save the segmented picture as PNG."),
                              lambda: self.export_requested.emit("picture")),
            "labels": action(_tr("Export &label map..."),
                             _tr("Save each pixel's segment index as a PNG and a .npy file."),
                             lambda: self.export_requested.emit("labels")),
            "masks": action(_tr("Export &masks..."), _tr("Save one black-and-white mask PNG per segment."),
                            lambda: self.export_requested.emit("masks")),
            "model": action(_tr("Export &model..."),
                            _tr("Save the fitted mixture as JSON, with the pixel features in its image block."),
                            lambda: self.export_requested.emit("model")),
        }
        close_action = action(_tr("&Close"), _tr("Close the Image mode window."), self.close)
        menu = self.menuBar().addMenu(_tr("&File"))
        menu.setToolTipsVisible(True)
        menu.addAction(self.open_action)
        menu.addSeparator()
        for item in self.export_actions.values():
            menu.addAction(item)
        menu.addSeparator()
        menu.addAction(close_action)

    # --- reading the controls ------------------------------------------------------------------

    def feature_spec(self) -> FeatureSpec:
        return FeatureSpec(ColorSpace(self.space.currentData()), float(self.spatial_weight.value()))

    def render_mode(self) -> RenderMode:
        return RenderMode(self.paint.currentData())

    # --- drawing -------------------------------------------------------------------------------

    def set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        self.busy.setVisible(running)

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    def set_has_segmentation(self, has: bool) -> None:
        for item in self.export_actions.values():
            item.setEnabled(has)

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def show_picture(self, rgb: NDArray[np.uint8]) -> None:
        """A newly opened picture: the original on the left, nothing segmented yet."""
        self.original_item.setImage(rgb, levels=(0, 255))
        self.segmented_item.clear()
        self.legend.clear()
        self.scatter.clear()
        self.ellipses.setData([], [])
        height, width = rgb.shape[:2]
        self.original_box.setRange(xRange=(0, width), yRange=(0, height), padding=0.02)  # the other is linked

    def show_segmented(self, rgb: NDArray[np.uint8]) -> None:
        self.segmented_item.setImage(rgb, levels=(0, 255))

    def show_legend(self, colours: NDArray[np.uint8], shares: NDArray[np.floating], selected: int | None) -> None:
        """One row per segment: a swatch, its number and its share; rows are reused while K is the same."""
        if self.legend.count() != len(shares):
            self.legend.clear()
            for _ in shares:
                self.legend.addItem(QListWidgetItem())
        for component, (colour, share) in enumerate(zip(colours, shares, strict=True)):
            item = self.legend.item(component)
            pixmap = QPixmap(14, 14)
            pixmap.fill(QColor(*(int(c) for c in colour)))
            item.setIcon(QIcon(pixmap))
            item.setText(_tr("Segment {0}: {1:.1f} %").format(component + 1, 100.0 * share))
            item.setSelected(component == selected)

    def show_colour_space(self, points: NDArray[np.floating], colours: NDArray[np.uint8]) -> None:
        """The sampled pixels' first two features, each dot in its own colour (set once per run).

        Colours are rounded to 16 levels a channel so that dots share brushes: one brush per dot took
        about 0.2 s for 4000 dots, on the main thread.
        """
        codes = (colours.astype(np.int32) >> 4) @ np.array([256, 16, 1])
        unique, inverse = np.unique(codes, return_inverse=True)
        shared = [pg.mkBrush(int(code >> 8) * 17, int((code >> 4) & 15) * 17, int(code & 15) * 17) for code in unique]
        self.scatter.setData(points[:, 0], points[:, 1], brush=[shared[i] for i in inverse.ravel()])

    def show_ellipses(self, x: NDArray[np.floating], y: NDArray[np.floating]) -> None:
        self.ellipses.setData(x.ravel(), y.ravel(), connect="finite")

    def set_axis_labels(self, names: tuple[str, ...]) -> None:
        self.colour_plot.setLabel("bottom", names[0])
        self.colour_plot.setLabel("left", names[1])

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    # --- user input ----------------------------------------------------------------------------

    def _on_legend_clicked(self, item: QListWidgetItem) -> None:
        self.segment_clicked.emit(self.legend.row(item))

    def _on_picture_clicked(self, event) -> None:
        for box in (self.segmented_box, self.original_box):
            if box.sceneBoundingRect().contains(event.scenePos()):
                point = box.mapSceneToView(event.scenePos())
                self.pixel_clicked.emit(int(np.floor(point.y())), int(np.floor(point.x())))
                return

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's naming
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's naming
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.file_dropped.emit(url.toLocalFile())
                event.acceptProposedAction()
                return

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's naming
        self.closing.emit()
        super().closeEvent(event)


__all__ = ["MASKED_DARK", "MASKED_LIGHT", "PICTURE_SUFFIXES", "ImageView", "is_picture", "masked",
           "segment_mask", "to_display"]
