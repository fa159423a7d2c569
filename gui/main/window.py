"""The main window: menus, actions and their shortcuts, the layout and the status bar.

It holds the views and emits what the user asks for; ``gui.main.controller.Controller`` does the wiring.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.panels import DataPanel, DisplayPanel, ModelPanel, RunPanel
from gui.views.canvas import MixtureCanvas
from gui.views.convergence import ConvergencePlot
from gui.views.explain import ExplainPanel, PointHover, StepTrail
from gui.views.hand_edit import HandEditor
from gui.views.histogram import HistogramView
from gui.views.paint import PaintPanel, PaintTool
from gui.views.restarts import RestartsStrip

APP_TITLE = "GMM Explorer"


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    """Side panel, the data view (2-D canvas or 1-D histogram), the convergence plot and the status bar.

    Signals
    -------
    file_dropped(str)
        A file was dropped on the window.
    recent_requested(str)
        A file of the File > Recent menu was chosen.
    closing()
        The window is about to close (emitted before it does).
    """

    file_dropped = Signal(str)
    recent_requested = Signal(str)
    closing = Signal()

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
        for panel in (self.data_panel, self.model_panel, self.run_panel, self.display_panel, self.paint_panel):
            side_layout.addWidget(panel)
        side_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(side.sizeHint().width() + 20)

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
        self.right_splitter.setStretchFactor(1, 1)
        self.right_splitter.setSizes([560, 240])
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.addWidget(scroll)
        self.main_splitter.addWidget(self.right_splitter)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setCollapsible(1, False)
        self.setCentralWidget(self.main_splitter)
        self.explain_panel = ExplainPanel()
        self.point_hover = PointHover(self.canvas)
        self.step_trail = StepTrail(self.canvas)
        self.paint_tool = PaintTool(self.canvas, self.paint_panel)
        self.explain_dock = QDockWidget(_tr("Explain"))
        self.explain_dock.setObjectName("ExplainDock")
        self.restarts = RestartsStrip()
        self.restarts.setVisible(False)
        dock_content = QWidget()
        dock_layout = QVBoxLayout(dock_content)
        dock_layout.setContentsMargins(0, 0, 0, 0)
        dock_layout.addWidget(self.explain_panel, 1)
        dock_layout.addWidget(self.restarts)
        self.explain_dock.setWidget(dock_content)
        self.explain_dock.setToolTip(_tr("The current half-step's formulas with their numbers, and the "
                                         "responsibilities of the point under the cursor."))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.explain_dock)
        explain_toggle = self.explain_dock.toggleViewAction()  # a closed dock must be easy to bring back
        explain_toggle.setToolTip(_tr("Show or hide the Explain panel with the formulas of the latest half-step."))
        self.view_menu.addAction(explain_toggle)
        self.resizeDocks([self.explain_dock], [300], Qt.Orientation.Horizontal)

        self.status_state = QLabel()
        self.status_iteration = QLabel()
        self.status_likelihood = QLabel()
        self.status_change = QLabel()
        self.status_speed = QLabel()
        tips = (_tr("Whether EM is running, paused, converged or stopped."),
                _tr("The EM iteration and half-step (E or M) on screen."),
                _tr("Mean log-likelihood per point after the latest E-step: EM never lowers it."),
                _tr("Change of the mean log-likelihood in the latest iteration; EM stops when it is below tol."),
                _tr("Compute time of one EM iteration, without the speed delay."))
        # Widths for typical texts, so the status bar does not re-layout with every new number.
        samples = ("max iterations reached", "iteration 1000 (M)", "log-lik. -10.123456", "change -1.23e-04",
                   "1234.5 ms/iter")
        for label, tip, sample in zip((self.status_state, self.status_iteration, self.status_likelihood,
                                       self.status_change, self.status_speed), tips, samples, strict=True):
            label.setToolTip(tip)
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance(sample) + 12)
            self.statusBar().addPermanentWidget(label)
        self.resize(1400, 900)

    # --- actions and menus ----------------------------------------------------------------------

    def _action(self, text: str, tip: str, shortcuts: tuple[QKeySequence | str, ...] = ()) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    def _make_actions(self) -> None:
        self.open_data_action = self._action(_tr("&Open data or model…"), _tr(
            "Loads a CSV or NPY data set for EM to fit, or a JSON model to start from."),
            (QKeySequence.StandardKey.Open,))
        self.open_model_action = self._action(_tr("Open &model…"), _tr(
            "Loads a JSON model: it is shown on the data and Run continues EM from it."))
        self.open_picture_action = self._action(_tr("Open &picture…"), _tr(
            "Opens a PNG, JPEG, BMP or TIFF picture in Image mode, to segment it by colour."))
        self.export_model_action = self._action(_tr("&Export model…"), _tr(
            "Saves the current parameters (weights, means, covariances) as a JSON model."),
            (QKeySequence.StandardKey.Save,))
        self.export_labels_action = self._action(_tr("Export &labels and responsibilities…"), _tr(
            "Saves each point's most likely component and its responsibilities under the current parameters "
            "as CSV."))
        self.save_png_action = self._action(_tr("Save canvas as &PNG…"), _tr("Saves the picture of the data and "
                                                                             "the mixture as a PNG image."))
        self.quit_action = self._action(_tr("&Quit"), _tr("Stops EM and closes the window."),
                                        ("Ctrl+Q",))
        self.run_pause_action = self._action(_tr("Run"), _tr(
            "Runs EM iteration after iteration, or pauses it where it is."), ("Space",))
        self.stop_action = self._action(_tr("Stop"), _tr(
            "Stops EM after the current half-step; the last parameters stay on screen."), ("Esc",))
        self.step_action = self._action(_tr("Step"), _tr(
            "Runs EM to the end of the next iteration (E-step then M-step) and pauses."), ("N", "Right"))
        self.e_step_action = self._action(_tr("E-step"), _tr(
            "Runs EM up to its next E-step: new responsibilities (colours) and log-likelihood, same "
            "parameters."), ("E",))
        self.m_step_action = self._action(_tr("M-step"), _tr(
            "Runs EM up to its next M-step: new weights, means and covariances from the responsibilities."), ("M",))
        self.reset_action = self._action(_tr("Reset"), _tr(
            "Goes back to EM's starting parameters for the current settings and pauses there."), ("R",))
        self.fit_view_action = self._action(_tr("Show &all points"), _tr(
            "Zooms the view out to all the points (EM is not affected)."), ("A",))
        self.shortcuts_action = self._action(_tr("&Keyboard shortcuts"), _tr("Lists the keys that drive EM."),
                                             (QKeySequence.StandardKey.HelpContents,))
        self.about_action = self._action(_tr("&About GMM Explorer"), _tr("What this program is."))

    def _make_menus(self) -> None:
        menu_bar = self.menuBar()
        self.undo_stack = QUndoStack(self)
        self.undo_action = self.undo_stack.createUndoAction(self, _tr("&Undo"))
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.undo_action.setToolTip(_tr("Undoes the latest edit of the data (painting, erasing, clearing)."))
        self.redo_action = self.undo_stack.createRedoAction(self, _tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)])
        self.redo_action.setToolTip(_tr("Does again the edit of the data that was undone."))
        self.export_data_action = self._action(_tr("Export &data as CSV…"), _tr("Saves the points (and their "
                                               "true classes, if they have any) as a CSV file."))
        file_menu = menu_bar.addMenu(_tr("&File"))
        file_menu.addAction(self.open_data_action)
        file_menu.addAction(self.open_model_action)
        file_menu.addAction(self.open_picture_action)
        self.recent_menu = QMenu(_tr("Open &recent"), self)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        for action in (self.export_model_action, self.export_labels_action, self.export_data_action,
                       self.save_png_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu_bar.addMenu(_tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self.addActions([self.undo_action, self.redo_action])
        run_menu = menu_bar.addMenu(_tr("&Run"))
        for action in (self.run_pause_action, self.step_action, self.e_step_action, self.m_step_action,
                       self.reset_action, self.stop_action):
            run_menu.addAction(action)
        view_menu = menu_bar.addMenu(_tr("&View"))
        view_menu.addAction(self.fit_view_action)
        self.view_menu = view_menu
        help_menu = menu_bar.addMenu(_tr("&Help"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)
        self.set_recent_files([])

    def set_recent_files(self, paths: list[str]) -> None:
        self.recent_menu.clear()
        for path in paths:
            action = self.recent_menu.addAction(os.path.basename(path))
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, path=path: self.recent_requested.emit(path))
        self.recent_menu.setEnabled(bool(paths))

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every action with a shortcut, as the Help menu lists them."""
        rows = []
        for action in (self.run_pause_action, self.step_action, self.e_step_action, self.m_step_action,
                       self.reset_action, self.stop_action, self.open_data_action, self.export_model_action,
                       self.fit_view_action, self.quit_action, self.undo_action, self.redo_action):
            keys = ", ".join(text for s in action.shortcuts() if (text := s.toString(
                QKeySequence.SequenceFormat.NativeText)))
            rows.append((keys, action.toolTip()))
        return rows

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td><b>{keys}</b>&nbsp;&nbsp;</td><td>{what}</td></tr>"
                       for keys, what in self.shortcut_rows())
        QMessageBox.information(self, _tr("Keyboard shortcuts"), f"<table>{rows}</table>")

    def show_about(self) -> None:
        QMessageBox.about(self, _tr("About GMM Explorer"), _tr(
            "GMM Explorer fits Gaussian mixture models with expectation-maximisation and shows every step."))

    def set_running(self, running: bool) -> None:
        """Show Run or Pause on the run/pause action."""
        self.run_pause_action.setText(_tr("Pause") if running else _tr("Run"))

    def show_data_view(self, one_dimensional: bool) -> None:
        self.views.setCurrentWidget(self.histogram if one_dimensional else self.canvas)

    def current_view(self) -> QWidget:
        return self.views.currentWidget()

    def focus_view(self) -> None:
        """Give the keyboard focus to the plot, so Space and the letter keys reach their actions."""
        view = self.current_view()
        view.plot_widget.setFocus(Qt.FocusReason.OtherFocusReason)

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
