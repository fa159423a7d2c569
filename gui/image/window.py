"""The window's Image mode: segment a picture with a Gaussian mixture and watch EM do it.

``ImageView`` is a window of widgets and pyqtgraph items, built once: an Image panel of controls, the
original and the segmented picture side by side in linked views ("Picture" tab), the fitted pixels'
colour features with the components' ellipses ("Colour space" tab), and a legend of segment shares.
It emits intent signals and does no maths beyond preparing arrays for drawing. ``ImageMode`` is its
controller: it decodes pictures and fits them in ``gui.image.worker`` threads (never on the main
thread), draws the newest preview on a timer, and writes the exports atomically through
``gui.image.codec``.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QColor, QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
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

from engine.config import FitConfig
from engine.errors import GMMError
from engine.imaging.colour import lab_to_srgb
from engine.imaging.features import MAX_COMPONENTS, ColorSpace, FeatureSpec
from engine.imaging.picture import Picture
from engine.imaging.render import (
    RenderMode,
    mean_colours,
    palette_colours,
    render,
    render_labels,
    render_soft,
    segment_mask,
    segment_shares,
)
from engine.imaging.segmentation import Segmentation
from gui.image.exports import save_label_maps, save_masks, save_picture, save_segmentation_model
from gui.image.worker import PictureLoader, SegmentPreview, SegmentWorker, preview_step
from gui.views.geometry import ellipse_outlines

#: Suffixes the Image mode opens (Qt's readers decide what the file really is).
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff")
#: Pictures up to this many pixels are fitted on every pixel by default; larger ones on a sample.
ALL_PIXELS_UP_TO = 1_000_000
DEFAULT_SAMPLE = 200_000
#: Points of the colour-space scatter (a random sample of the fitted pixels).
SCATTER_POINTS = 4000
DRAW_INTERVAL_MS = 25
#: Greys of the pixels outside the shown segment in the mask view: dark behind a light segment, else light.
MASKED_DARK, MASKED_LIGHT = 40, 235


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImageView", text)


def is_picture(path: str) -> bool:
    return Path(path).suffix.lower() in PICTURE_SUFFIXES


def to_display(pixels: NDArray[np.unsignedinteger]) -> NDArray[np.uint8]:
    """RGB pixels as uint8 for drawing (16-bit pictures keep their top byte)."""
    return pixels if pixels.dtype == np.uint8 else (pixels >> 8).astype(np.uint8)


def masked(rgb: NDArray[np.uint8], labels: NDArray[np.integer], component: int | None) -> NDArray[np.uint8]:
    """``rgb`` with every pixel outside segment ``component`` in a grey that contrasts with the segment.

    ``rgb`` itself when ``component`` is None.
    """
    if component is None:
        return rgb
    inside = labels == component
    light = inside.any() and float(rgb[inside].mean()) > 128.0
    return np.where(inside[..., None], rgb, np.uint8(MASKED_DARK if light else MASKED_LIGHT))


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


class ImageMode(QObject):
    """The controller of ``ImageView``: pictures and fits in worker threads, drawing, exports."""

    picture_opened = Signal(str)
    preview_drawn = Signal()
    segmentation_ready = Signal()
    open_failed = Signal(str)

    def __init__(self, view: ImageView | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view if view is not None else ImageView()
        self.picture: Picture | None = None
        self.segmentation: Segmentation | None = None
        self.preview: SegmentPreview | None = None
        self.selected: int | None = None
        self.run_id = 0
        self.load_id = 0
        self._step = 1
        self._threads: dict[tuple[str, int], tuple[QThread, QObject]] = {}
        self._active: SegmentWorker | None = None
        self._pending: SegmentPreview | None = None
        self._scatter_rows: NDArray[np.intp] | None = None
        self._soft: tuple[object, NDArray[np.uint8]] | None = None  # (params, soft blend of the preview grid)
        self._draw_timer = QTimer(self)
        self._draw_timer.setSingleShot(True)
        self._draw_timer.setInterval(DRAW_INTERVAL_MS)
        self._draw_timer.timeout.connect(self._draw_pending)
        v = self.view
        v.open_requested.connect(self.open_dialog)
        v.file_dropped.connect(self.open_path)
        v.run_requested.connect(self._on_view_run)
        v.stop_requested.connect(self._on_view_stop)
        v.render_changed.connect(self._on_view_render_changed)
        v.segment_clicked.connect(self._on_view_segment_clicked)
        v.pixel_clicked.connect(self._on_view_pixel_clicked)
        v.export_requested.connect(self._on_view_export)
        v.closing.connect(lambda: self.shutdown(2000))

    # --- threads -------------------------------------------------------------------------------

    def _start_thread(self, kind: str, job_id: int, worker: QObject) -> None:
        thread = QThread()
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.finished.connect(thread.quit)
        worker.finished.connect(worker.deleteLater)
        key = (kind, job_id)
        thread.finished.connect(lambda: self._threads.pop(key, None))
        thread.finished.connect(thread.deleteLater)
        self._threads[key] = (thread, worker)
        thread.start()

    def shutdown(self, timeout_ms: int) -> bool:
        """Ask the running fit to stop and wait for every thread (each at most ``timeout_ms``)."""
        self._draw_timer.stop()
        self._on_view_stop()
        ended = True
        for thread, _ in list(self._threads.values()):
            ended = thread.wait(timeout_ms) and ended
        return ended

    # --- opening -------------------------------------------------------------------------------

    def open_dialog(self) -> None:
        """Ask for a picture file and open it."""
        path, _ = QFileDialog.getOpenFileName(self.view, _tr("Open picture"), "",
                                              _tr("Pictures (*.png *.jpg *.jpeg *.bmp *.tif *.tiff);;All files (*)"))
        if path:
            self.open_path(path)

    @Slot(str)
    def open_path(self, path: str) -> None:
        """Decode ``path`` in a worker thread; on failure a dialog, and whatever was shown stays."""
        self.load_id += 1
        loader = PictureLoader(self.load_id, path)
        loader.loaded.connect(self._on_worker_loaded)
        loader.failed.connect(self._on_worker_load_failed)
        self.view.set_busy(True)
        self.view.set_status(_tr("Reading {0}...").format(os.path.basename(path)))
        self._start_thread("load", self.load_id, loader)

    @Slot(int, object)
    def _on_worker_loaded(self, load_id: int, picture: Picture) -> None:
        if load_id != self.load_id:
            return
        self._on_view_stop()
        self.picture = picture
        self.segmentation = None
        self.preview = None
        self.selected = None
        self._step = preview_step(picture.height, picture.width)
        self.view.sample_size.setValue(0 if picture.n_pixels <= ALL_PIXELS_UP_TO else DEFAULT_SAMPLE)
        self.view.show_picture(to_display(picture.pixels[::self._step, ::self._step]))
        self.view.set_has_segmentation(False)
        self.view.set_busy(False)
        self.view.show()
        self.view.raise_()
        self.view.setWindowTitle(_tr("GMM Explorer - Image - {0}").format(picture.path.name))
        self.view.set_status(_tr("{0}: {1} x {2} pixels. Press Segment.").format(
            picture.path.name, picture.width, picture.height))
        self.picture_opened.emit(str(picture.path))

    @Slot(int, str)
    def _on_worker_load_failed(self, load_id: int, message: str) -> None:
        if load_id != self.load_id:
            return
        self.view.set_busy(False)
        self.view.set_status(_tr("Could not open the picture; nothing changed."))
        self.open_failed.emit(message)
        self.view.show_error(_tr("Cannot open the picture"), message)

    # --- fitting -------------------------------------------------------------------------------

    def _on_view_run(self) -> None:
        if self.picture is None:
            self.view.show_error(_tr("No picture"), _tr("Open a picture first."))
            return
        try:
            spec = self.view.feature_spec()
            config = FitConfig(n_components=self.view.components.value(), seed=0)
        except GMMError as error:
            self.view.show_error(_tr("Cannot segment"), str(error))
            return
        self._on_view_stop()
        self.run_id += 1
        self.segmentation = None
        self.preview = None
        self.selected = None
        self._scatter_rows = None
        worker = SegmentWorker(self.run_id, self.picture, spec, config, self.view.sample_size.value())
        worker.preview.connect(self._on_worker_preview)
        worker.done.connect(self._on_worker_done)
        worker.failed.connect(self._on_worker_failed)
        worker.finished.connect(self._on_worker_finished)
        worker.soft = self.view.render_mode() is RenderMode.SOFT
        self._active = worker
        self.view.set_running(True)
        self.view.set_has_segmentation(False)
        self.view.set_axis_labels(spec.feature_names)
        self.view.set_status(_tr("Starting: pixel features and a robust start..."))
        self._start_thread("fit", self.run_id, worker)

    def _on_view_stop(self) -> None:
        if self._active is not None:
            self._active.request_stop()
            self._active = None
            self.view.set_running(False)

    @Slot(int, object)
    def _on_worker_preview(self, run_id: int, preview: SegmentPreview) -> None:
        if run_id != self.run_id:
            return
        self._pending = preview
        if not self._draw_timer.isActive():
            self._draw_timer.start()

    def _draw_pending(self) -> None:
        preview, self._pending = self._pending, None
        if preview is None:
            return
        self.preview = preview
        if self._scatter_rows is None:
            self._show_scatter(preview)
        self._redraw()
        if preview.history:
            self.view.set_status(_tr("EM iteration {0}, log-likelihood per pixel {1:.4f}").format(
                preview.iteration, preview.history[-1]))
        else:
            self.view.set_status(_tr("EM starting from the robust initialisation..."))

    @Slot(int, object)
    def _on_worker_done(self, run_id: int, segmentation: Segmentation) -> None:
        if run_id != self.run_id:
            return
        self._draw_pending()
        self.segmentation = segmentation
        self._redraw()
        self.view.set_has_segmentation(True)
        self.view.set_status(_tr("Done: {0} segments, every pixel labelled (log-likelihood per pixel {1:.4f}).")
                             .format(segmentation.n_components, segmentation.mean_log_likelihood))
        self.segmentation_ready.emit()

    @Slot(int, str)
    def _on_worker_failed(self, run_id: int, message: str) -> None:
        if run_id != self.run_id:
            return
        self.view.show_error(_tr("Segmentation failed"), message)

    @Slot(int)
    def _on_worker_finished(self, run_id: int) -> None:
        if run_id == self.run_id:
            self._active = None
            self.view.set_running(False)

    # --- drawing -------------------------------------------------------------------------------

    def current_labels(self) -> NDArray[np.uint8] | None:
        """The labels on screen (the preview's grid): the full picture's, subsampled, once it is done."""
        if self.segmentation is not None:
            return self.segmentation.labels[::self._step, ::self._step]
        return None if self.preview is None else self.preview.labels

    def current_shares(self) -> NDArray[np.float64] | None:
        if self.segmentation is not None:
            return self.segmentation.shares
        return None if self.preview is None else segment_shares(self.preview.labels, self.preview.params.n_components)

    def _params_spec(self):
        if self.segmentation is not None:
            return self.segmentation.params, self.segmentation.spec
        return self.preview.params, self.view.feature_spec()

    def segmented_rgb(self) -> NDArray[np.uint8] | None:
        """The segmented picture as drawn: preview grid, paint mode and mask view applied."""
        labels = self.current_labels()
        if labels is None:
            return None
        params, spec = self._params_spec()
        mode = self.view.render_mode()
        if mode is RenderMode.SOFT and self.segmentation is None and self.preview.soft is not None:
            rgb = self.preview.soft  # painted by the worker: the live preview stays fast
        elif mode is RenderMode.SOFT:
            if self._soft is None or self._soft[0] is not params:  # about 0.1 s at 1 MP: once per fit
                small = self.picture.pixels[::self._step, ::self._step]
                self._soft = (params, render_soft(small, spec, params, mean_colours(params, spec)))
            rgb = self._soft[1]
        else:
            rgb = render_labels(labels, self._colours(params, spec, mode))
        return masked(rgb, labels, self.selected)

    @staticmethod
    def _colours(params, spec, mode: RenderMode) -> NDArray[np.uint8]:
        return palette_colours(params.n_components) if mode is RenderMode.PALETTE else mean_colours(params, spec)

    def _on_view_render_changed(self) -> None:
        if self._active is not None:
            self._active.soft = self.view.render_mode() is RenderMode.SOFT
        self._redraw()

    def _redraw(self) -> None:
        rgb = self.segmented_rgb()
        if rgb is None:
            return
        params, spec = self._params_spec()
        mode = self.view.render_mode()
        self.view.show_segmented(rgb)
        colours = self._colours(params, spec, RenderMode.PALETTE if mode is RenderMode.PALETTE else RenderMode.MEAN)
        self.view.show_legend(colours, self.current_shares(), self.selected)
        if params.n_features >= 2:
            covariances = params.full_covariances()[:, :2, :2]
            self.view.show_ellipses(*ellipse_outlines(params.means[:, :2], covariances, (1.0, 2.0)))
        self.preview_drawn.emit()

    def _show_scatter(self, preview: SegmentPreview) -> None:
        features = preview.features
        rng = np.random.default_rng(0)
        count = min(SCATTER_POINTS, len(features))
        self._scatter_rows = np.sort(rng.choice(len(features), count, replace=False))
        points = features[self._scatter_rows]
        spec = self.view.feature_spec()
        colours = self._point_colours(points, spec)
        self.view.show_colour_space(points, colours)

    @staticmethod
    def _point_colours(points: NDArray[np.floating], spec: FeatureSpec) -> NDArray[np.uint8]:
        colour = points[:, :3].astype(np.float64)
        rgb = lab_to_srgb(colour) if spec.space is ColorSpace.LAB else np.clip(colour, 0.0, 1.0)
        return np.round(rgb * 255).astype(np.uint8)

    # --- mask view -----------------------------------------------------------------------------

    @Slot(object)
    def _on_view_segment_clicked(self, component: int | None) -> None:
        self.set_selected(component)

    @Slot(int, int)
    def _on_view_pixel_clicked(self, row: int, column: int) -> None:
        labels = self.current_labels()
        if labels is None or not (0 <= row < labels.shape[0] and 0 <= column < labels.shape[1]):
            return
        self.set_selected(int(labels[row, column]))

    def set_selected(self, component: int | None) -> None:
        """Show only segment ``component`` (None, or the one already shown: every segment)."""
        self.selected = None if component == self.selected else component
        self._redraw()

    # --- exports -------------------------------------------------------------------------------

    def _on_view_export(self, kind: str) -> None:
        if self.segmentation is None or self.picture is None:
            return
        stem = self.picture.path.stem
        filters = {"picture": ("_segmented.png", _tr("PNG pictures (*.png)")),
                   "labels": ("_labels.png", _tr("PNG pictures (*.png)")),
                   "masks": ("_mask.png", _tr("PNG pictures (*.png)")),
                   "model": ("_model.json", _tr("Model files (*.json)"))}
        suffix, file_filter = filters[kind]
        path, _ = QFileDialog.getSaveFileName(self.view, _tr("Export"), str(self.picture.path.with_name(stem + suffix)),
                                              file_filter)
        if path:
            self.export(kind, path)

    def export(self, kind: str, path: str) -> list[str]:
        """Write one export atomically; returns the files written (a dialog explains a failure)."""
        segmentation = self.segmentation
        try:
            if kind == "picture":
                written = save_picture(path, render(segmentation, self.picture.pixels, self.view.render_mode()))
            elif kind == "labels":
                written = save_label_maps(path, segmentation.labels)
            elif kind == "masks":
                written = save_masks(path, segmentation.labels, segmentation.n_components)
            else:
                written = save_segmentation_model(path, segmentation)
        except (GMMError, OSError) as error:
            self.view.show_error(_tr("Cannot export"), str(error))
            return []
        return [str(target) for target in written]


__all__ = ["ImageMode", "ImageView", "PICTURE_SUFFIXES", "is_picture", "masked", "segment_mask", "to_display"]
