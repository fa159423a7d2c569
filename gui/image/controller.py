"""The Image window's controller: pictures and fits in worker jobs, the newest preview drawn, exports.

``ImageMode`` wires ``ImageView``'s intent signals to the work. Decoding and segmenting run as generator
jobs (``gui.image.worker``) through ``gui.threads.Jobs``, never on the main thread: Stop aborts the
running job, which ends within one EM half-step, or when the engine call it is in returns (the robust
start and the labelling of every pixel cannot be interrupted). One segmentation thread at a time: a
Segment while a stopped one is still in such a call waits for it to end, so clicking Segment and Stop
does not pile up threads. Closing the window aborts every job without waiting for any; ``shutdown``
(quitting) waits a bounded time. Previews go through a ``gui.throttle.FrameThrottle``, so only the newest is
drawn. The state and what to draw from it are ``gui.image.session.ImageSession``'s; exports are written
atomically by ``gui.image.exports``. Given the application's settings, the controls and the geometry are
remembered across launches (``gui.image.preferences``). The File menu's exports are written in a job too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from numpy.typing import NDArray
from PySide6.QtCore import QObject, QSettings, Signal, Slot
from PySide6.QtWidgets import QFileDialog

from engine.config import FitConfig
from engine.errors import GMMError
from engine.imaging.features import FeatureSpec
from engine.imaging.picture import Picture
from engine.imaging.render import RenderMode
from engine.imaging.segmentation import Segmentation
from gui.i18n.engine_errors import translated_error
from gui.image.compare import wipe
from gui.image.exports import export_files
from gui.image.preferences import ImagePreferences
from gui.image.session import ImageSession, SegmentPreview
from gui.image.window import ImageView
from gui.image.worker import PreviewOptions, decode_picture, segment_picture, write_export
from gui.threads import Jobs
from gui.throttle import FrameThrottle

#: Shortest time between two drawn previews, in milliseconds.
DRAW_INTERVAL_MS = 25


@dataclass(frozen=True, slots=True)
class SegmentRequest:
    """What Segment asked for: the pixel features, the fit's settings and the sample size."""

    spec: FeatureSpec
    config: FitConfig
    sample_size: int


class ImageMode(QObject):
    """The controller of ``ImageView``: pictures and fits in worker jobs, drawing, exports.

    Parameters
    ----------
    view : ImageView, optional
        Made here when not given.
    parent : QObject, optional
    store : QSettings, optional
        Where the window's controls and geometry are remembered (``gui.image.preferences``); nothing is
        remembered without it.

    Attributes
    ----------
    view : ImageView
    session : ImageSession
        What the window shows.
    jobs : Jobs
        The decoding and segmenting jobs (``jobs.running`` counts the threads not yet ended).
    throttle : FrameThrottle
        Draws the newest preview.

    Signals
    -------
    picture_opened(str), preview_drawn(), segmentation_ready(), open_failed(str)
    exported(list)
        The files an export from the File menu wrote (``export_in_background``).
    """

    picture_opened = Signal(str)
    preview_drawn = Signal()
    segmentation_ready = Signal()
    open_failed = Signal(str)
    exported = Signal(list)

    def __init__(self, view: ImageView | None = None, parent: QObject | None = None,
                 store: QSettings | None = None) -> None:
        super().__init__(parent)
        self.view = view if view is not None else ImageView()
        self.preferences = None if store is None else ImagePreferences(store, self.view)
        if self.preferences is not None:
            self.preferences.restore()
            self.view.closing.connect(self.preferences.save)
        self.session = ImageSession()
        self.jobs = Jobs("image", self)
        self.throttle = FrameThrottle(self._draw_preview, min_interval_ms=DRAW_INTERVAL_MS, parent=self)
        self._load_job: int | None = None  # the decoding whose picture is wanted
        self._run_job: int | None = None  # the running segmentation, whose previews are drawn
        self._options: PreviewOptions | None = None  # the running segmentation's
        self._segmenting: set[int] = set()  # segmentation jobs whose thread has not ended (stopped ones too)
        self._waiting: SegmentRequest | None = None  # a Segment waiting for a stopped segmentation to end
        self.jobs.ended.connect(self._on_job_ended)
        v = self.view
        v.open_requested.connect(self.open_dialog)
        v.file_dropped.connect(self.open_path)
        v.run_requested.connect(self._on_view_run)
        v.stop_requested.connect(self._on_view_stop)
        v.render_changed.connect(self._on_view_render_changed)
        v.segment_clicked.connect(self._on_view_segment_clicked)
        v.pixel_clicked.connect(self._on_view_pixel_clicked)
        v.export_requested.connect(self._on_view_export)
        v.closing.connect(self.stop_all)
        v.compare_changed.connect(self._redraw)
        v.axes_changed.connect(self._on_view_axes_changed)

    # --- the session's state, read by callers ----------------------------------------------------

    @property
    def picture(self) -> Picture | None:
        return self.session.picture

    @property
    def segmentation(self) -> Segmentation | None:
        return self.session.segmentation

    @property
    def preview(self) -> SegmentPreview | None:
        return self.session.preview

    @property
    def selected(self) -> int | None:
        return self.session.selected

    @property
    def running(self) -> bool:
        """True while a segmentation runs or waits to start (from Segment until it ends or Stop)."""
        return self._run_job is not None or self._waiting is not None

    def current_labels(self) -> NDArray | None:
        """The labels on screen (see ``ImageSession.current_labels``)."""
        return self.session.current_labels()

    def current_shares(self) -> NDArray | None:
        return self.session.current_shares()

    def segmented_rgb(self) -> NDArray | None:
        """The segmented picture as drawn (see ``ImageSession.segmented_rgb``)."""
        return self.session.segmented_rgb(self.view.render_mode())

    # --- jobs ------------------------------------------------------------------------------------

    def stop_all(self) -> None:
        """Stop the running fit and abort every job, without waiting for any (closing the window does this).

        A job stuck in one long engine call (the robust start, labelling every pixel) ends on its own
        when that call returns; ``jobs`` keeps it until then.
        """
        self.throttle.clear()
        self._on_view_stop()
        self._load_job = None
        self.jobs.abort_all()

    def shutdown(self, timeout_ms: int) -> bool:
        """Stop the running fit and wait for every job's thread (at most ``timeout_ms`` in all); True if all ended."""
        self.stop_all()
        return self.jobs.shutdown(timeout_ms)

    # --- opening ---------------------------------------------------------------------------------

    def open_dialog(self) -> None:
        """Ask for a picture file and open it."""
        path, _ = QFileDialog.getOpenFileName(self.view, self.tr("Open picture"), "",
                                              self.tr("Pictures (*.png *.jpg *.jpeg *.bmp *.tif *.tiff);;"
                                                      "All files (*)"))
        if path:
            self.open_path(path)

    @Slot(str)
    def open_path(self, path: str) -> None:
        """Decode ``path`` in a worker job; on failure a dialog, and whatever was shown stays."""
        self._load_job = self.jobs.new_id()
        self.view.set_busy(True)
        self.view.set_status(self.tr("Reading {0}...").format(os.path.basename(path)))
        self.jobs.start(decode_picture, path, job_id=self._load_job, on_returned=self._on_loaded,
                        on_errored=self._on_load_failed)

    def _on_loaded(self, job_id: int, picture: Picture) -> None:
        if job_id != self._load_job:
            return
        self._on_view_stop()
        sample_size = self.session.open(picture)
        self.view.sample_size.setValue(sample_size)
        self.view.show_picture(self.session.display_picture())
        self.view.set_has_segmentation(False)
        self.view.set_busy(False)
        self.view.show()
        self.view.raise_()
        self.view.setWindowTitle(self.tr("GMM Explorer - Image - {0}").format(picture.path.name))
        self.view.set_status(self.tr("{0}: {1} x {2} pixels. Press Segment.").format(
            picture.path.name, picture.width, picture.height))
        self.picture_opened.emit(str(picture.path))

    def _on_load_failed(self, job_id: int, message: str) -> None:
        if job_id != self._load_job:
            return
        self.view.set_busy(self.running)  # a segmentation of the picture still shown goes on
        self.view.set_status(self.tr("Could not open the picture; nothing changed."))
        self.open_failed.emit(message)
        self.view.show_error(self.tr("Cannot open the picture"), message)

    # --- fitting ---------------------------------------------------------------------------------

    def _on_view_run(self) -> None:
        if self.session.picture is None:
            self.view.show_error(self.tr("No picture"), self.tr("Open a picture first."))
            return
        try:
            spec = self.view.feature_spec()
            config = self.session.fit_config(self.view.components.value())
        except GMMError as error:
            self.view.show_error(self.tr("Cannot segment"), translated_error(str(error)))
            return
        self._on_view_stop()
        request = SegmentRequest(spec, config, self.view.sample_size.value())
        self.view.set_running(True)
        self.view.set_has_segmentation(False)
        if self._segmenting:  # a stopped segmentation is still in a step that cannot be interrupted
            self._waiting = request
            self.view.set_status(self.tr("Waiting for the stopped segmentation to end (its robust start or its "
                                         "labelling of every pixel cannot be interrupted)..."))
            return
        self._start_segmentation(request)

    def _start_segmentation(self, request: SegmentRequest) -> None:
        self.session.start_fit(request.spec)
        self._options = PreviewOptions(soft=self.view.render_mode() is RenderMode.SOFT)
        self._run_job = self.jobs.new_id()
        self._segmenting.add(self._run_job)
        self.view.set_axis_labels(request.spec.feature_names)
        self.view.set_status(self.tr("Starting: pixel features and a robust start..."))
        self.jobs.start(segment_picture, self.session.picture, request.spec, request.config, request.sample_size,
                        self._options, job_id=self._run_job, on_yielded=self._on_preview,
                        on_returned=self._on_segmented, on_errored=self._on_run_failed,
                        on_finished=self._on_run_finished)

    @Slot(int)
    def _on_job_ended(self, job_id: int) -> None:
        """A job's thread has ended: a Segment that waited for the last stopped segmentation starts now."""
        self._segmenting.discard(job_id)
        if self._waiting is not None and not self._segmenting:
            request, self._waiting = self._waiting, None
            self._start_segmentation(request)

    def _on_view_stop(self) -> None:
        """Abort the running fit (it ends within one half-step, or when its engine call returns); the newest
        preview received is drawn. A Segment still waiting to start is dropped."""
        if self._waiting is not None:
            self._waiting = None
            self.view.set_running(False)
            self.view.set_status(self.tr("Stopped."))
        if self._run_job is None:
            return
        self.jobs.abort(self._run_job)
        self._run_job = None
        self._options = None
        self.throttle.flush()
        self.view.set_running(False)
        preview = self.session.preview  # the flushed preview's status said EM was still running
        self.view.set_status(self.tr("Stopped.") if preview is None else self.tr(
            "Stopped at EM iteration {0}; the picture shows that iteration's segments.").format(preview.iteration))

    def _on_preview(self, job_id: int, preview: SegmentPreview | None) -> None:
        if job_id == self._run_job and preview is not None:
            self.throttle.submit(preview)

    def _draw_preview(self, preview: SegmentPreview) -> None:
        if self.session.take_preview(preview):
            self.view.show_colour_space(*self.session.scatter())
        self._redraw()
        if preview.history:
            self.view.set_status(self.tr("EM iteration {0}, log-likelihood per pixel {1:.4f}").format(
                preview.iteration, preview.history[-1]))
        else:
            self.view.set_status(self.tr("EM starting from the robust initialisation..."))

    def _on_segmented(self, job_id: int, segmentation: Segmentation) -> None:
        if job_id != self._run_job:
            return
        self.throttle.flush()
        self.session.finish(segmentation)
        self._redraw()
        self.view.set_has_segmentation(True)
        self.view.set_status(
            self.tr("Done: {0} segments, every pixel labelled (log-likelihood per pixel {1:.4f}).")
            .format(segmentation.n_components, segmentation.mean_log_likelihood))
        self.segmentation_ready.emit()

    def _on_run_failed(self, job_id: int, message: str) -> None:
        if job_id == self._run_job:
            self.view.show_error(self.tr("Segmentation failed"), message)

    def _on_run_finished(self, job_id: int) -> None:
        if job_id == self._run_job:
            self._run_job = None
            self._options = None
            self.view.set_running(False)

    # --- drawing ---------------------------------------------------------------------------------

    def _on_view_render_changed(self) -> None:
        if self._options is not None:
            self._options.soft = self.view.render_mode() is RenderMode.SOFT
        self._redraw()

    def _redraw(self) -> None:
        """Draw the session's current labels: segmented picture (the original left of the before/after split),
        legend and ellipses."""
        mode = self.view.render_mode()
        rgb = self.session.segmented_rgb(mode)
        if rgb is None:
            return
        self.view.show_segmented(wipe(self.session.original_rgb(), rgb, self.view.compare.fraction()))
        colours = self.session.colours(mode)
        self.view.show_legend(colours, self.session.current_shares(), self.session.selected)
        ellipses = self.session.segment_ellipses(self.view.colour_view.axes())
        if ellipses is not None:
            self.view.show_ellipses(ellipses[0], colours, ellipses[1])
        self.preview_drawn.emit()

    def _on_view_axes_changed(self) -> None:
        """Another pair of colour axes: the same sampled pixels and ellipses, on those axes."""
        if self.session.preview is not None:
            self.view.show_colour_space(*self.session.scatter())
        self._redraw()

    # --- mask view -------------------------------------------------------------------------------

    @Slot(object)
    def _on_view_segment_clicked(self, component: int | None) -> None:
        self.set_selected(component)

    @Slot(int, int)
    def _on_view_pixel_clicked(self, row: int, column: int) -> None:
        component = self.session.segment_at(row, column)
        if component is not None:
            self.set_selected(component)

    def set_selected(self, component: int | None) -> None:
        """Show only segment ``component`` (None, or the one already shown: every segment)."""
        self.session.toggle_selected(component)
        self._redraw()

    # --- exports ---------------------------------------------------------------------------------

    def _on_view_export(self, kind: str) -> None:
        segmentation, picture = self.session.segmentation, self.session.picture
        if segmentation is None or picture is None:
            return
        pictures, models = self.tr("PNG pictures (*.png)"), self.tr("Model files (*.json)")
        suffix, file_filter = {"picture": ("_segmented.png", pictures), "labels": ("_labels.png", pictures),
                               "masks": ("_mask.png", pictures), "model": ("_model.json", models)}[kind]
        path, _ = QFileDialog.getSaveFileName(self.view, self.tr("Export"),
                                              str(picture.path.with_name(picture.path.stem + suffix)), file_filter)
        if path:
            self.export_in_background(kind, path)

    def export(self, kind: str, path: str) -> list[str]:
        """Write one export (``"picture"``, ``"labels"``, ``"masks"`` or ``"model"``) atomically, here and now;
        returns the files written (a dialog explains a failure). The File menu writes in a job instead
        (``export_in_background``)."""
        segmentation = self.session.segmentation
        try:
            written = export_files(kind, path, segmentation, self.session.picture.pixels, self.view.render_mode())
        except (GMMError, OSError) as error:
            self.view.show_error(self.tr("Cannot export"), translated_error(str(error)))
            return []
        return [str(target) for target in written]

    def export_in_background(self, kind: str, path: str) -> None:
        """Write one export in a worker job, so a large picture's encoding never freezes the window: the busy
        bar and the status say so; ``exported`` gives the files written, a dialog explains a failure."""
        segmentation, picture = self.session.segmentation, self.session.picture
        if segmentation is None or picture is None:
            return
        self.view.set_busy(True)
        self.view.set_status(self.tr("Writing {0}...").format(os.path.basename(path)))
        self.jobs.start(write_export, kind, path, segmentation, picture.pixels, self.view.render_mode(),
                        on_returned=self._on_exported, on_errored=self._on_export_failed)

    def _on_exported(self, _job_id: int, written: list[str]) -> None:
        self.view.set_busy(self.running)
        self.view.set_status(self.tr("Wrote {0}.").format(", ".join(os.path.basename(name) for name in written)))
        self.exported.emit(written)

    def _on_export_failed(self, _job_id: int, message: str) -> None:
        self.view.set_busy(self.running)
        self.view.set_status(self.tr("Nothing was written."))
        self.view.show_error(self.tr("Cannot export"), message)

__all__ = ["DRAW_INTERVAL_MS", "ImageMode"]
