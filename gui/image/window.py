"""The Image window's view: segment a picture with a Gaussian mixture and watch EM do it.

``ImageView`` is a window of widgets and pyqtgraph items, built once: an Image panel of controls, the
original and the segmented picture side by side in linked views with a before/after split over the
segmented one ("Picture" tab, ``gui.image.compare``), the fitted pixels' colour features with each
segment's ellipses in its colour on a chosen pair of axes ("Colour space" tab, ``gui.image.colour_view``),
and a legend of segment shares, numbered from 0 as everywhere else. Space segments (or stops a running
fit) and Esc stops, whatever control has the focus; it opens at a size that fits the screen
(``fit_to_screen``).
It emits intent signals and its ``set_*``/``show_*`` methods draw what they are given; it does no maths
beyond preparing arrays for drawing. Its controller is ``gui.image.controller.ImageMode`` (also
importable from here, as ``gui.main`` does); what it shows lives in ``gui.image.session``.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QDragEnterEvent, QDropEvent, QGuiApplication, QIcon, QKeySequence, QPixmap
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
from gui.image.colour_view import ColourSpaceView
from gui.image.compare import CompareBar
from gui.image.session import (
    MASKED_DARK,
    MASKED_LIGHT,
    PICTURE_SUFFIXES,
    is_picture,
    masked,
    to_display,
)

#: The size the window opens at on a screen with room for it; smaller screens get what they have.
PREFERRED_SIZE = QSize(1400, 820)
#: The run keys: Space segments (or stops a running fit), Esc stops.
RUN_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Escape)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImageView", text)


def fit_to_screen(window: QWidget, available: QRect | None = None) -> None:
    """Size ``window`` to ``PREFERRED_SIZE``, or to the ``available`` screen area when that is smaller, and put it
    inside that area (the screen's available geometry by default)."""
    if available is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()  # the title bar and borders, if any
    width = min(PREFERRED_SIZE.width(), available.width() - frame.width())
    height = min(PREFERRED_SIZE.height(), available.height() - frame.height())
    window.resize(max(width, 1), max(height, 1))
    window.move(available.left() + max(0, (available.width() - width - frame.width()) // 2),
                available.top() + max(0, (available.height() - height - frame.height()) // 2))


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
    compare_changed = Signal()  # the before/after split or the Original button changed
    axes_changed = Signal()  # another pair of colour axes was chosen
    restore_defaults_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("GMM Explorer - Image"))
        self.setAcceptDrops(True)
        self._make_panel()
        self._make_views()
        self.splitter = QSplitter()
        self.splitter.addWidget(self.panel)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 1100])
        self.setCentralWidget(self.splitter)
        self._make_menu()
        self._make_run_keys()
        self.set_running(False)
        self.set_has_segmentation(False)
        fit_to_screen(self)

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
        self.split_line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen((255, 255, 255), width=2))
        self.split_line.setVisible(False)
        self.segmented_box.addItem(self.split_line)
        self.pictures.scene().sigMouseClicked.connect(self._on_picture_clicked)
        self.pictures.setToolTip(_tr("Left: the picture. Right: the segmentation, redrawn while EM runs. "
                                     "Click a segment to show only it; click it again to show all."))
        self.compare = CompareBar()
        self.compare.changed.connect(self.compare_changed)
        picture_tab = QWidget()
        picture_layout = QVBoxLayout(picture_tab)
        picture_layout.setContentsMargins(0, 0, 0, 0)
        picture_layout.addWidget(self.pictures, 1)
        picture_layout.addWidget(self.compare)
        self.colour_view = ColourSpaceView()
        self.colour_view.axes_changed.connect(self.axes_changed)
        self.colour_plot = self.colour_view.plot
        self.tabs.addTab(picture_tab, _tr("Picture"))
        self.tabs.addTab(self.colour_view, _tr("Colour space"))
        self.tabs.setTabToolTip(0, _tr("The picture and its segmentation side by side; the slider below shows the "
                                       "original over the segmentation, at the same place."))
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
        self.restore_defaults_action = action(_tr("&Restore defaults"),
                                              _tr("Put every control of the Image window back to its default "
                                                  "(K, features, spatial weight, paint, axes, split)."),
                                              self.restore_defaults_requested)
        view_menu = self.menuBar().addMenu(_tr("&View"))
        view_menu.setToolTipsVisible(True)
        view_menu.addAction(self.restore_defaults_action)

    def _make_run_keys(self) -> None:
        """Space segments (or stops a running fit) and Esc stops, from any control: the controls' own use of
        these keys (a button's click, a spin box's text) gives way to them, as in the main window."""
        self.run_key_action = QAction(_tr("Segment or stop"), self)
        self.run_key_action.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.run_key_action.triggered.connect(self._on_run_key)
        self.stop_key_action = QAction(_tr("Stop"), self)
        self.stop_key_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.stop_key_action.triggered.connect(self.stop_requested)
        for item in (self.run_key_action, self.stop_key_action):
            item.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(item)
        self._key_filter = _RunKeyFilter(self)
        for widget in self.findChildren(QWidget):
            widget.installEventFilter(self._key_filter)

    def _on_run_key(self) -> None:
        if self.run_button.isEnabled():
            self.run_requested.emit()
        else:
            self.stop_requested.emit()

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
        self.colour_view.clear()
        height, width = rgb.shape[:2]
        self.original_box.setRange(xRange=(0, width), yRange=(0, height), padding=0.02)  # the other is linked

    def show_segmented(self, rgb: NDArray[np.uint8]) -> None:
        """The segmented picture (the original left of the before/after split already in it); a line marks the split."""
        self.segmented_item.setImage(rgb, levels=(0, 255))
        fraction = self.compare.fraction()
        self.split_line.setPos(fraction * rgb.shape[1])
        self.split_line.setVisible(0.0 < fraction < 1.0)

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
            item.setText(_tr("Segment {0}: {1:.1f} %").format(component, 100.0 * share))
            item.setSelected(component == selected)

    def show_colour_space(self, points: NDArray[np.floating], colours: NDArray[np.uint8]) -> None:
        """The sampled pixels (n_points, n_features) on the chosen colour axes, each dot in its colour (n_points, 3)."""
        self.colour_view.show_points(points, colours)

    def show_ellipses(self, outlines: list, colours: NDArray[np.uint8], centres: NDArray[np.floating]) -> None:
        """Each segment's ellipses in its colour (see ``ColourSpaceView.show_ellipses``)."""
        self.colour_view.show_ellipses(outlines, colours, centres)

    def set_axis_labels(self, names: tuple[str, ...]) -> None:
        """The fit's feature names: its three colour features name the axis pairs offered."""
        self.colour_view.set_feature_names(names[:3])

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


class _RunKeyFilter(QObject):
    """Lets Space and Esc reach the window's run keys whatever control has the focus (a spin box would take
    Space as text, a button as a click), by refusing the controls' claim on them (``ShortcutOverride``)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's naming
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in RUN_KEYS \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            event.ignore()
            return True
        return False


__all__ = ["MASKED_DARK", "MASKED_LIGHT", "PICTURE_SUFFIXES", "ImageView", "is_picture", "masked",
           "segment_mask", "to_display"]
