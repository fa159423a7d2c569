"""The main window: the layout, the status bar, and the view API the controller drives.

It holds the panels and views and emits what the user asks for (its own signals and its actions, see
``gui.main.actions``). ``gui.main.controller.Controller`` calls only the methods below, never a panel's
or a view's widgets: reading the controls (``model_config``, ``delay_ms``, ``control_values``, ...) and
showing things (``show_dataset``, ``show_points``, ``show_frame``, ``show_status``, ``show_error``, ...).
The lessons (``gui.lessons``) use the same way in: ``controls`` and ``set_controls``, ``add_view`` and
``show_view``, ``add_lesson_dock``, ``show_history``.

Longer than the 400-line guide (about 570 lines): it is the whole view API, one short method per thing the
controller or a lesson reads or shows; split up, a caller would have to know which part holds which widget.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QByteArray, QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPixmap, QShowEvent, QUndoCommand
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.config import FitConfig
from engine.covariance import CovarianceType
from engine.em import EMSnapshot
from engine.params import MixtureParams
from gui.main.actions import WindowActions
from gui.main.run_keys import RunKeyFilter
from gui.main.screen_fit import (
    PREFERRED_SIZE,
    compact_combos,
    convergence_share,
    fit_to_screen,
    keep_on_screen,
    right_dock_room,
    side_dock_width,
)
from gui.main.session import Frame
from gui.panels import DataPanel, DataRequest, DisplayOptions, DisplayPanel, ModelPanel, RunPanel
from gui.settings import Settings
from gui.views.canvas import MixtureCanvas
from gui.views.convergence import ConvergencePlot
from gui.views.explain import ExplainPanel, StepTrail
from gui.views.explain_text import PointNumbers, component_tip
from gui.views.hand_edit import HandEditor, HandMixture
from gui.views.histogram import HistogramView
from gui.views.hover import PointHover
from gui.views.paint import PaintedData, PaintPanel, PaintTool
from gui.views.parameters_table import ParametersTable
from gui.views.restarts import RestartsStrip

APP_TITLE = "GMM Explorer"
# The settings key of the data view's and convergence plot's heights. (Earlier versions saved them as
# "right_splitter", with the keys hint inside the splitter: restored into two panes, those sizes were shifted
# by one pane, so they are left unread.) A plain comment: lupdate would take a "#:" one for a translator's note.
DATA_SPLITTER_KEY = "data_splitter"


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(WindowActions, QMainWindow):
    """Side panel, the data view (2-D canvas or 1-D histogram), the convergence plot and the status bar.

    Signals
    -------
    file_dropped(str)
        A file was dropped on the window.
    recent_requested(str)
        A file of the File > Recent menu was chosen.
    closing()
        The window is about to close (emitted before it does).
    generate_requested(DataRequest)
        Generate a preset data set.
    projection_changed()
        Another plane of the data was chosen.
    model_changed()
        A Model setting changed.
    delay_changed(int)
        The delay per iteration, in milliseconds.
    hand_edited(HandMixture, bool)
        Components moved by hand; True when the edit is finished.
    point_hovered(int)
        The row of the point under the cursor, or -1.
    painted(PaintedData, bool)
        Points painted or erased; True when the stroke has ended.
    clear_requested()
        Remove every point.
    start_clicked(int)
        A start of the restarts strip was clicked.
    """

    file_dropped = Signal(str)
    recent_requested = Signal(str)
    closing = Signal()
    generate_requested = Signal(object)
    projection_changed = Signal()
    model_changed = Signal()
    delay_changed = Signal(int)
    hand_edited = Signal(object, bool)
    point_hovered = Signal(int)
    painted = Signal(object, bool)
    clear_requested = Signal()
    start_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self._make_actions()
        self._make_menus()

        self.data_panel = DataPanel()
        self.model_panel = ModelPanel()
        self.run_panel = RunPanel([self.run_pause_action, self.stop_action, self.step_action, self.reset_action,
                                   self.e_step_action, self.m_step_action])
        self.display_panel = DisplayPanel()
        self.paint_panel = PaintPanel()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        # Run first: its buttons stay in view on a small screen, where the side panel scrolls.
        for panel in (self.run_panel, self.data_panel, self.model_panel, self.display_panel, self.paint_panel):
            side_layout.addWidget(panel)
        side_layout.addStretch(1)
        compact_combos(side)
        scroll = QScrollArea()
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(side.minimumSizeHint().width() + 20)

        self.canvas = MixtureCanvas()
        self.hand_editor = HandEditor(self.canvas)
        self.histogram = HistogramView()
        self.views = QStackedWidget()
        self.views.addWidget(self.canvas)
        self.views.addWidget(self.histogram)
        self.convergence = ConvergencePlot()
        self.right_splitter = QSplitter(Qt.Orientation.Vertical)
        self.right_splitter.addWidget(self.views)
        self.right_splitter.addWidget(self.convergence)
        self.right_splitter.setStretchFactor(0, 3)
        self.right_splitter.setStretchFactor(1, 0)  # the plot keeps its height (convergence_share); the view gives way
        self.right_splitter.setSizes([560, 240])
        # The data column: thin bars (the keys hint, ``add_hint``) above the splitter of the data view and the
        # convergence plot. Bars stay out of the splitter, so its saved sizes are always those two panes'.
        data_column = QWidget()
        self._data_column_layout = QVBoxLayout(data_column)
        self._data_column_layout.setContentsMargins(0, 0, 0, 0)
        self._data_column_layout.addWidget(self.right_splitter, 1)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.addWidget(scroll)
        self.main_splitter.addWidget(data_column)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setCollapsible(1, False)
        self.setCentralWidget(self.main_splitter)
        self.explain_panel = ExplainPanel()
        self.point_hover = PointHover(self.canvas)
        self.histogram_hover = PointHover(self.histogram)
        self.step_trail = StepTrail(self.canvas)
        self.paint_tool = PaintTool(self.canvas, self.paint_panel)
        self.explain_dock = QDockWidget(_tr("Explain"))
        self.explain_dock.setObjectName("ExplainDock")
        self.restarts = RestartsStrip()
        self.restarts.setVisible(False)
        explain_scroll = QScrollArea()  # the formulas list every component: many components scroll
        explain_scroll.setWidget(self.explain_panel)
        explain_scroll.setWidgetResizable(True)
        explain_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        explain_content = QWidget()
        dock_layout = QVBoxLayout(explain_content)
        dock_layout.setContentsMargins(0, 0, 0, 0)
        dock_layout.addWidget(explain_scroll, 1)
        dock_layout.addWidget(self.restarts)
        self.parameters_table = ParametersTable()
        self.side_tabs = QTabWidget()  # Explain and the parameters share the dock, so the canvas keeps its width
        self.side_tabs.setObjectName("SideTabs")
        self.side_tabs.addTab(explain_content, _tr("Formulas"))  # not "Explain" again: the dock says that
        self.side_tabs.addTab(self.parameters_table, _tr("Parameters"))
        self.explain_dock.setWidget(self.side_tabs)
        self.explain_dock.setToolTip(_tr("Formulas: the current half-step's formulas with their numbers, and the "
                                         "responsibilities of the point under the cursor. Parameters: the "
                                         "mixture on screen as a table."))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.explain_dock)
        explain_toggle = self.explain_dock.toggleViewAction()  # a closed dock must be easy to bring back
        explain_toggle.setToolTip(_tr("Show or hide the Explain panel with the formulas of the latest half-step."))
        self.view_menu.addAction(explain_toggle)

        self._make_status_bar()
        self.run_keys = RunKeyFilter(self, [self.run_pause_action, self.step_action, self.e_step_action,
                                            self.m_step_action, self.reset_action, self.stop_action])
        fit_to_screen(self)  # fits the screen it opens on, down to 1280 x 720
        self._side_scroll = scroll
        # What the status bar says of the data on the canvas (``add_data_status``), at its right.
        self._data_status = QWidget()
        QHBoxLayout(self._data_status).setContentsMargins(0, 0, 0, 0)
        self.statusBar().addPermanentWidget(self._data_status)
        self._share_width()
        self.right_splitter.setSizes(convergence_share(self.height()))
        self._forward_signals()
        #: Every control as it is before saved settings are restored: what View > Restore defaults brings back.
        self.default_controls = {key: value for key, value in self.controls().items() if key != "plane"}
        self._first_dock_layout: QByteArray | None = None  # every panel's dock as made (``remember_first_layout``)

    def _forward_signals(self) -> None:
        for source, target in ((self.data_panel.generate_requested, self.generate_requested),
                               (self.data_panel.open_requested, self.open_data_action.trigger),
                               (self.data_panel.projection_changed, self.projection_changed),
                               (self.model_panel.changed, self.model_changed),
                               (self.run_panel.delay_changed, self.delay_changed),
                               (self.hand_editor.edited, self.hand_edited),
                               (self.point_hover.hovered, self.point_hovered),
                               (self.histogram_hover.hovered, self.point_hovered),
                               (self.paint_tool.edited, self.painted),
                               (self.paint_panel.clear_requested, self.clear_requested),
                               (self.restarts.start_clicked, self.start_clicked)):
            source.connect(target)
        self.display_panel.changed.connect(self._apply_display_options)
        self.quit_action.triggered.connect(self.close)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action.triggered.connect(self.show_about)

    # --- reading the controls ---------------------------------------------------------------------

    def data_request(self) -> DataRequest:
        return self.data_panel.request()

    def projection_choice(self) -> tuple[str, int, int]:
        """``("features", x, y)`` or ``("pca", 0, 1)``."""
        return self.data_panel.projection_choice()

    def model_config(self, init_params: MixtureParams | None) -> FitConfig:
        """The Model settings as a ``FitConfig`` (raises ``InputError`` if they do not fit together)."""
        return self.model_panel.config(init_params)

    def component_count(self) -> int:
        return self.model_panel.n_components.value()

    def covariance_type(self) -> CovarianceType:
        return CovarianceType(self.model_panel.covariance_type.currentData())

    def uses_given(self) -> bool:
        return self.model_panel.uses_given()

    def fits_model(self, params: MixtureParams) -> bool:
        return self.model_panel.fits_model(params)

    def use_model(self, params: MixtureParams) -> None:
        """Start from ``params``: K and the covariance type follow it, initialisation becomes 'given'."""
        self.model_panel.use_model(params)

    def use_default_init(self) -> None:
        self.model_panel.use_default_init()

    def delay_ms(self) -> int:
        return self.run_panel.delay_ms()

    def erasing(self) -> bool:
        """True if the paint brush erases."""
        return self.paint_panel.eraser.isChecked()

    def controls(self) -> dict[str, Any]:
        """Every setting a lesson changes: the Model settings with the locks (``ModelPanel.controls``), the
        Display options, the delay per iteration (``delay_ms``) and the plane of the data shown (``plane``)."""
        return {**self.model_panel.controls(), **self.display_panel.state(), "delay_ms": self.run_panel.delay_ms(),
                "plane": self.projection_choice()}

    def set_controls(self, values: dict[str, Any]) -> None:
        """Set the controls ``values`` names (keys of ``controls``); the Model settings do not reset EM."""
        self.model_panel.set_controls(values)
        self.display_panel.restore(values)
        self.run_panel.restore(values)
        if "plane" in values:
            self.data_panel.set_projection_choice(values["plane"])

    def set_controls_enabled(self, model: bool, painting: bool) -> None:
        """Enable the Model and Display groups (``model``) and the Paint group (``painting``); a lesson whose view
        is not the data's, or whose data must stay as it is, disables them."""
        self.model_panel.setEnabled(model)
        self.display_panel.setEnabled(model)
        self.paint_panel.setEnabled(painting)

    def restore_settings(self, settings: Settings) -> None:
        """Set the Model and Display settings, the delay, the recent files and the layout as they were saved.

        A value that is damaged or out of range leaves its control at its default (``gui.settings``); Qt
        refuses layouts it cannot read and keeps the window on the screen.
        """
        values = settings.controls()
        self.model_panel.restore(values)
        self.display_panel.restore(values)
        self.run_panel.restore(values)
        self._apply_display_options(self.display_panel.options())
        self.set_recent_files(settings.recent_files())
        for key, restore in (("geometry", self.restoreGeometry), ("state", self.restoreState),
                             ("main_splitter", self.main_splitter.restoreState),
                             (DATA_SPLITTER_KEY, self.right_splitter.restoreState)):
            if (value := settings.geometry(key)) is not None:
                restore(value)
        shrunk = keep_on_screen(self)  # a layout saved on a larger screen is shrunk onto this one (Qt may have)
        if shrunk or self.width() < PREFERRED_SIZE.width():  # a small screen: the panes are shared out again so
            self._share_width()                               # that the data view keeps half the window

    def right_dock_room(self) -> int:
        """How wide the right dock can be while the data view keeps half the window beside the side panel."""
        return right_dock_room(self.width(), self._side_scroll.minimumWidth())

    def _share_width(self) -> None:
        """The right dock as wide as leaves the data view half the window; the side panel its least width."""
        self.resizeDocks([self.explain_dock], [side_dock_width(self.width(), self._side_scroll.minimumWidth())],
                         Qt.Orientation.Horizontal)
        self.main_splitter.setSizes([self._side_scroll.minimumWidth(), self.width()])  # the data view takes the rest

    def save_settings(self, settings: Settings) -> None:
        """Save the Model and Display settings, the delay and the layout."""
        settings.set_controls({**self.model_panel.state(), **self.display_panel.state(),
                               "delay_ms": self.run_panel.delay_ms()})
        for key, value in (("geometry", self.saveGeometry()), ("state", self.saveState()),
                           ("main_splitter", self.main_splitter.saveState()),
                           (DATA_SPLITTER_KEY, self.right_splitter.saveState())):
            settings.set_geometry(key, value)
        settings.sync()

    # --- showing the data ---------------------------------------------------------------------------

    def show_dataset(self, feature_names: tuple[str, ...], source: str, title: str, painted: PaintedData,
                     clear_undo: bool, given_available: bool) -> None:
        """A new data set: the controls that depend on it, no mixture and no convergence yet (points follow)."""
        n_features = len(feature_names)
        self.hand_editor.set_mixture(None)
        self.hand_editor.set_enabled(n_features == 2)
        self.paint_tool.set_data(painted, n_features == 2)
        if clear_undo:
            self.undo_stack.clear()  # edits of the data before it cannot be undone into this one
        self.model_panel.set_given_available(given_available)
        self.data_panel.set_features(feature_names)
        self.data_panel.set_source(_tr("Loaded: {0}").format(source))  # what is fitted, not the preset controls
        self.setWindowTitle(f"{APP_TITLE} — {title}")
        self.views.setCurrentWidget(self.histogram if n_features == 1 else self.canvas)
        self.display_panel.set_one_dimensional(n_features == 1)
        self.canvas.clear_mixture()
        self.histogram.clear_mixture()
        self.parameters_table.clear()
        self.convergence.reset(0.0)

    def show_points(self, points: NDArray[np.floating], axis_names: tuple[str, str], view_rows: NDArray[np.intp] | None,
                    fit_view: bool) -> None:
        """Points in the plane (n_points, 2) on the canvas; ``view_rows`` are those responsibilities come for."""
        self.canvas.set_points(points, axis_names, view_rows, fit_view=fit_view)
        self.point_hover.set_points(points)

    def show_values(self, values: NDArray[np.floating], name: str, view_rows: NDArray[np.intp] | None) -> None:
        """1-D data (n_samples,) in the histogram."""
        self.point_hover.set_points(np.empty((0, 2)))
        self.histogram.set_values(values, name, view_rows)
        self.histogram_hover.set_points(*self.histogram.rug_points())

    def show_painting(self, points: NDArray[np.floating], axis_names: tuple[str, str]) -> None:
        """Points of a brush stroke in progress."""
        self.canvas.set_points(points, axis_names, None, fit_view=False)

    def show_no_points(self, painted: PaintedData, axis_names: tuple[str, str], source: str) -> None:
        """Every point was removed: an empty canvas that can be painted on."""
        self.canvas.set_points(np.empty((0, 2)), axis_names, None, fit_view=False)
        self.canvas.clear_mixture()
        self.point_hover.set_points(np.empty((0, 2)))
        self.hand_editor.set_mixture(None)
        self.paint_tool.set_data(painted, True)
        self.data_panel.set_source(source)

    def push_edit(self, edit: QUndoCommand) -> None:
        """Do an edit of the data, undoably."""
        self.undo_stack.push(edit)

    # --- showing the fit ------------------------------------------------------------------------------

    def begin_run(self, n_init: int, tol: float) -> None:
        """A new run: the restarts strip (for several starts) and the convergence plot start empty."""
        self.restarts.set_starts((), None)
        self.restarts.setVisible(n_init > 1)
        self.convergence.reset(tol)

    def show_frame(self, frame: Frame) -> None:
        """Draw a snapshot: the mixture and the colours of the points, the convergence, Explain and the starts."""
        snapshot, plane = frame.snapshot, frame.plane
        self.step_trail.clear()
        tips = [component_tip(snapshot.params, k) for k in range(snapshot.params.n_components)]
        if snapshot.params.n_features == 1:
            self.histogram.show_mixture(snapshot.params)
            self.histogram.show_assignment(snapshot.labels, snapshot.view_resp)
            self.histogram_hover.set_means(self.histogram.mean_positions(), tips)
        else:
            self.point_hover.set_means(None if plane is None else plane.means, tips)
            if plane is not None:
                self.canvas.show_mixture(plane)
                if frame.editable:
                    self.hand_editor.set_mixture(HandMixture(plane.weights, plane.means, plane.full_covariances()))
                if frame.trail is not None:
                    self.step_trail.show_step(*frame.trail, plane.means)
            self.canvas.show_assignment(snapshot.labels, snapshot.view_resp)
        self.convergence.show_snapshot(snapshot, frame.n_init, frame.reseeds)
        config = frame.config
        if config is None:
            self.explain_panel.show_snapshot(snapshot, frame.n_samples)
        else:
            self.explain_panel.show_snapshot(snapshot, frame.n_samples, config.locks, config.tol, config.max_iter,
                                             can_keep_going=snapshot.done)
        self.restarts.set_starts(snapshot.start_log_likelihoods, snapshot.start)
        self.parameters_table.show_snapshot(snapshot, frame.n_samples)

    def show_history(self, snapshot: EMSnapshot, note: str) -> None:
        """A snapshot of a fit the data views do not draw (a lesson's coins): its log-likelihoods in the
        convergence plot, and ``note`` in the Explain panel."""
        self.convergence.show_snapshot(snapshot)
        self.explain_panel.show_note(note)

    def show_starts(self, final_log_likelihoods: tuple[float, ...], shown_start: int | None) -> None:
        self.restarts.set_starts(final_log_likelihoods, shown_start)

    def show_hand_mixture(self, params: MixtureParams) -> None:
        """Components being moved by hand (2 features)."""
        self.canvas.show_mixture(params)

    def show_hand_start(self, params: MixtureParams, view_resp: NDArray[np.floating], note: str) -> None:
        """Components placed by hand (2 features) as EM's start, with the responsibilities (n_view, K) they give."""
        self.hand_editor.set_mixture(HandMixture(params.weights, params.means, params.full_covariances()))
        self.canvas.show_mixture(params)
        self.canvas.show_assignment(None, view_resp)
        self.explain_panel.show_note(note)

    def show_point_info(self, point: PointNumbers | None) -> None:
        """The hovered point's E-step numbers, or nothing (None)."""
        self.explain_panel.show_point(point)

    def clear_hover(self) -> None:
        """No point is hovered: the Explain panel says so, and the next move over a point shows it again."""
        self.point_hover.clear()
        self.histogram_hover.clear()
        self.explain_panel.show_point(None)

    def show_message(self, text: str, milliseconds: int = 0) -> None:
        self.statusBar().showMessage(text, milliseconds)

    def add_data_status(self, widget: QWidget) -> None:
        """Put ``widget`` at the right of the status bar, among what it says of the data on the canvas (BIC and AIC,
        the agreement with true labels), which ``show_data_status`` hides together."""
        self._data_status.layout().addWidget(widget)

    def show_data_status(self, shown: bool) -> None:
        """Show or hide what the status bar says of the data (a coin lesson's view has other data)."""
        self._data_status.setVisible(shown)

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def begin_busy(self, message: str) -> None:
        """Work goes on in the background: a busy cursor (the window stays usable) and ``message``."""
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.statusBar().showMessage(message)

    def end_busy(self, message: str) -> None:
        """Undo one ``begin_busy(message)`` (its message goes unless another replaced it)."""
        QApplication.restoreOverrideCursor()
        if self.statusBar().currentMessage() == message:
            self.statusBar().clearMessage()

    def grab_view(self) -> QPixmap:
        """A picture of the data view."""
        return self.current_view().grab()

    def current_view(self) -> QWidget:
        return self.views.currentWidget()

    def add_view(self, view: QWidget) -> None:
        """Another view in the data views' place (a lesson's); it needs a ``plot_widget`` for the keys' focus."""
        self.views.addWidget(view)

    def show_view(self, view: QWidget) -> None:
        """Show ``view`` (added with ``add_view``) where the data is drawn; new data shows its own view again."""
        self.views.setCurrentWidget(view)
        self.focus_view()

    def add_lesson_dock(self, dock: QDockWidget) -> None:
        """Put a lesson's dock on the right, above Explain, hidden until it is shown; View lists it. (A saved layout
        restored after this shows it again as it was left: with the list of lessons.)"""
        dock.setVisible(False)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.splitDockWidget(dock, self.explain_dock, Qt.Orientation.Vertical)
        self.view_menu.addAction(dock.toggleViewAction())

    def show_lesson_dock(self, dock: QDockWidget, width: int, share: float) -> None:
        """Show a lesson's dock (added with ``add_lesson_dock``), at least ``width`` pixels wide and with the
        fraction ``share`` of the height it shares with Explain."""
        dock.show()
        dock.raise_()
        if dock.width() < width:
            self.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
        if self.explain_dock.isVisible() and not dock.isFloating() and not self.explain_dock.isFloating():
            height = dock.height() + self.explain_dock.height()
            self.resizeDocks([dock, self.explain_dock], [int(height * share), height - int(height * share)],
                             Qt.Orientation.Vertical)

    def add_hint(self, hint: QWidget) -> None:
        """Put ``hint`` (a thin bar, as tall as it asks) above the data view."""
        self._data_column_layout.insertWidget(0, hint)

    def remember_first_layout(self) -> None:
        """Keep the docks' layout as made, once every panel has added its dock and before a saved layout is
        restored: what ``restore_layout`` brings back."""
        self._first_dock_layout = self.saveState()

    def restore_layout(self) -> None:
        """The first layout again: the size that fits the screen, every dock where it was made (Explain docked
        and shown; Choose K, True labels and Lesson as ``remember_first_layout`` kept them), the data view beside
        the side panel."""
        if self._first_dock_layout is not None:
            self.restoreState(self._first_dock_layout)
        self.explain_dock.setFloating(False)
        self.explain_dock.show()
        fit_to_screen(self)
        self._share_width()
        self.right_splitter.setSizes(convergence_share(self.height()))

    def focus_view(self) -> None:
        """Give the keyboard focus to the plot, so Space and the letter keys reach their actions."""
        view = self.current_view()
        view.plot_widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _apply_display_options(self, options: DisplayOptions) -> None:
        self.canvas.set_options(options)
        self.histogram.set_hard_labels(options.hard_labels)

    # --- events ---------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's naming
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's naming
        for url in event.mimeData().urls():
            if url.isLocalFile():
                event.acceptProposedAction()
                self.file_dropped.emit(url.toLocalFile())
                return

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's naming
        super().showEvent(event)
        if not event.spontaneous():
            self.focus_view()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's naming
        self.closing.emit()
        super().closeEvent(event)
