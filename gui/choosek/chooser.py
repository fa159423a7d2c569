"""Choose K in the main window: the menu action, the panel, the selection job, and a cell put on the canvas.

``KChooser`` adds Run > Choose K… (Ctrl+K) and the Choose K panel (a dock beside the canvas, tabbed with
Explain). Choose runs ``engine.selection.iterate_selection`` on the data on screen as a ``gui.threads``
job (worker processes when the grid is large enough to repay them, started by the engine's method that
is safe in a process with Qt's threads, see ``engine.selection.pool``); each event goes into a
``gui.choosek.board.SelectionBoard`` and the view is redrawn at most every ``REDRAW_MS``. Stop aborts
the job: it ends at its next event (between cells, or between the starts and folds of one), and the
finished cells stay. Results belong to the data they were computed on: new data (a file, a preset,
painting, a lesson) stops the run and clears them, and late events of a replaced run are dropped by job id.

A click on a point or a row puts that cell's model on the canvas the way File > Open model does
(``Controller.show_model``): its ellipses, legend and K and covariance type in the Model settings, with
its fit's log-likelihood history in the convergence plot, paused at its first E-step, ready to step
(E, M), run on, or export.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

from engine.em import EMSnapshot
from engine.errors import InputError
from engine.io.model_json import LoadedModel, fit_summary
from engine.io.tables import Dataset
from engine.selection.results import CellPhase, CellProgress
from engine.selection.run import iterate_selection
from gui.choosek.board import SelectionBoard
from gui.choosek.view import ChooseKView
from gui.covariance_names import covariance_type_name
from gui.i18n.engine_errors import translated_error
from gui.main.controller import Controller
from gui.main.window import MainWindow
from gui.threads import Jobs

#: The view is redrawn at most this often while cells arrive, in milliseconds.
REDRAW_MS = 40
#: The panel is made at least this wide when it opens, where the data view keeps half the window beside it.
DOCK_WIDTH = 420


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChooseK", text)


@dataclass
class SelectionRun:
    """One selection job: its id, the data it fits (its results belong to it) and what it has found."""

    job_id: int
    dataset: Dataset
    board: SelectionBoard
    running: bool = True
    stopped: bool = False
    error: str | None = None


class KChooser(QObject):
    """The Choose K action, panel and runs of one main window (see the module docstring).

    Parameters
    ----------
    window : MainWindow
    controller : Controller
        Also the chooser's parent.
    processes : int, optional
        Worker processes of a selection (``iterate_selection``'s ``processes``; None: the engine decides).

    Signals
    -------
    run_finished(int)
        A selection job has ended (done, stopped or failed): its id.
    cell_shown(int)
        A cell's model was put on the canvas: its grid index.
    """

    run_finished = Signal(int)
    cell_shown = Signal(int)

    def __init__(self, window: MainWindow, controller: Controller, processes: int | None = None) -> None:
        super().__init__(controller)
        self._window = window
        self._controller = controller
        self.processes = processes
        self.run: SelectionRun | None = None
        self.shown_cell: int | None = None
        self._jobs = Jobs("select", self)
        self._view: ChooseKView | None = None  # made when the panel is first shown: a plot costs start-up time
        self.dock = QDockWidget(_tr("Choose K"))
        self.dock.setObjectName("ChooseKDock")
        self.dock.visibilityChanged.connect(lambda visible: visible and self.view)
        self.dock.setToolTip(_tr("Model selection: every K and covariance type fitted and ranked by a criterion."))
        self.dock.setVisible(False)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.explain_dock, self.dock)
        toggle = self.dock.toggleViewAction()
        toggle.setToolTip(_tr("Show or hide the Choose K panel."))
        window.view_menu.addAction(toggle)
        self.action = QAction(_tr("Choose &K…"), window)
        tip = _tr("Fits K = 1 to 9 components with every covariance type to the data and ranks them by BIC, AIC, "
                  "ICL or held-out log-likelihood; click a result to put that model on the canvas.")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.setShortcut(QKeySequence("Ctrl+K"))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(self.action)
        window.run_menu.addSeparator()
        window.run_menu.addAction(self.action)
        window.more_shortcut_actions.append(self.action)
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(REDRAW_MS)
        self._redraw_timer.timeout.connect(self._redraw)
        self.action.triggered.connect(self.open)
        controller.data_arriving.connect(self._on_data_arriving)
        controller.frame_drawn.connect(self._on_frame_drawn)
        controller.add_job_owner(self)

    @property
    def view(self) -> ChooseKView:
        """The panel's contents, made on first use (the panel shown, a run started)."""
        if self._view is None:
            self._view = view = ChooseKView()
            self.dock.setWidget(view)
            view.run_requested.connect(self.start)
            view.stop_requested.connect(self.stop)
            view.cell_clicked.connect(self.show_cell)
            view.criterion_changed.connect(self._redraw)
        return self._view

    # --- opening, running, stopping ---------------------------------------------------------------

    @Slot()
    def open(self) -> None:
        """Show the panel; start a selection on the data on screen unless one runs or has results for it."""
        self.dock.show()
        self.dock.raise_()
        width = min(DOCK_WIDTH, self._window.right_dock_room())  # on a small screen as narrow as the panel goes
        if self.dock.width() < width and not self.dock.isFloating():
            self._window.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)
        if self.run is None or self.run.dataset is not self._controller.session.dataset:
            self.start()

    @Slot()
    def start(self) -> bool:
        """Run a selection with the panel's settings on the data on screen; False if it cannot start (the panel
        says why)."""
        dataset = self._controller.session.dataset
        if dataset is None:
            self.view.show_note(_tr("No data: generate or open a data set first."))
            return False
        try:
            config = self.view.config(float(self._window.controls()["reg_covar"]))
        except InputError as error:
            self.view.show_note(translated_error(str(error)))
            return False
        self._drop_run()
        job_id = self._jobs.new_id()
        self.run = SelectionRun(job_id, dataset, SelectionBoard(config))
        self.view.clear()
        self.view.set_running(True)
        self.view.show_progress(0, config.n_cells, _tr("Starting…"))
        self._jobs.start(iterate_selection, dataset.X, config, job_id=job_id, feature_names=dataset.feature_names,
                         processes=self.processes, on_yielded=self._on_yielded, on_errored=self._on_errored,
                         on_finished=self._on_finished)
        return True

    @Slot()
    def stop(self) -> None:
        """Stop the running selection after its current step; the finished cells stay."""
        run = self.run
        if run is None or not run.running:
            return
        run.stopped = True
        self._jobs.abort(run.job_id)
        self.view.stop.setEnabled(False)
        self.view.show_note(_tr("Stopping after the current step…"))

    def _drop_run(self) -> None:
        """Forget the current run (its job is aborted; its late events are dropped) and the cell on the canvas."""
        if self.run is not None and self.run.running:
            self._jobs.abort(self.run.job_id)
        self.run = None
        self.shown_cell = None
        self._redraw_timer.stop()
        self.view.set_running(False)

    def invalidate(self, note: str) -> None:
        """The results no longer fit the data on screen: stop, clear, and say ``note``."""
        if self.run is None:
            return
        self._drop_run()
        self.view.clear()
        self.view.show_note(note)

    def shutdown(self, timeout_ms: int) -> bool:
        """Abort the selection job and wait for its thread (at most ``timeout_ms``); True if it ended."""
        self._redraw_timer.stop()
        return self._jobs.shutdown(timeout_ms)

    @property
    def running(self) -> bool:
        return self.run is not None and self.run.running

    # --- a cell on the canvas ---------------------------------------------------------------------

    @Slot(int)
    def show_cell(self, cell_index: int) -> bool:
        """Put cell ``cell_index``'s fitted model on the canvas (see the module docstring); False if it cannot."""
        run = self.run
        cell = run.board.cell(cell_index) if run is not None else None
        if cell is None or cell.params is None:
            return False
        if run.dataset is not self._controller.session.dataset:
            self.invalidate(_tr("The data changed: choose K again for the data on screen."))
            return False
        model = LoadedModel(cell.params, run.dataset.feature_names,
                            fit_summary(cell.fit) if cell.fit is not None else None, {})
        name = _tr("K={0} {1}").format(cell.n_components, covariance_type_name(cell.covariance_type))
        message = _tr("{0} from Choose K: E, M or Space go on from it.").format(name)
        if not self._controller.show_model(model, name, history=cell.history, message=message):
            return False
        self.shown_cell = cell_index
        self.view.set_shown(cell_index)
        self._window.focus_view()
        self.cell_shown.emit(cell_index)
        return True

    # --- the job's events (on the main thread) ----------------------------------------------------

    def _current(self, job_id: int) -> SelectionRun | None:
        return self.run if self.run is not None and self.run.job_id == job_id else None

    @Slot(int, object)
    def _on_yielded(self, job_id: int, event: object) -> None:
        run = self._current(job_id)
        if run is None:
            return  # a replaced run's late event
        changed = run.board.take(event)
        activity = self._activity(event) if isinstance(event, CellProgress) and not run.stopped else None
        if activity is not None or changed:
            self.view.show_progress(run.board.n_done, run.board.n_cells,
                                    activity if activity is not None else self.view.activity.text())
        if changed and not self._redraw_timer.isActive():
            self._redraw_timer.start()

    @Slot(int, str)
    def _on_errored(self, job_id: int, message: str) -> None:
        run = self._current(job_id)
        if run is not None:
            run.error = message

    @Slot(int)
    def _on_finished(self, job_id: int) -> None:
        run = self._current(job_id)
        if run is not None:
            run.running = False
            self.view.set_running(False)
            self._redraw()
            board = run.board
            if run.error is not None:
                note = _tr("The selection stopped with an error: {0}").format(run.error)
            elif board.result is not None:
                note = _tr("Done: {0} cells. Click a point or a row to put that model on the canvas.").format(
                    board.n_done)
                if board.result.capped_note:
                    note += " " + board.result.capped_note
            else:
                note = _tr("Stopped after {0} of {1} cells.").format(board.n_done, board.n_cells)
            self.view.show_note(note)
        self.run_finished.emit(job_id)

    @staticmethod
    def _activity(progress: CellProgress) -> str:
        cell = _tr("K={0} {1}").format(progress.n_components, covariance_type_name(progress.covariance_type))
        if progress.phase is CellPhase.START:
            return _tr("Fitting {0}: start {1} of {2}").format(cell, progress.step, progress.steps)
        if progress.phase is CellPhase.REFINE:
            return _tr("Fitting {0}: on to the tight tolerance").format(cell)
        return _tr("Fitting {0}: cross-validation fold {1} of {2}").format(cell, progress.step, progress.steps)

    @Slot()
    def _redraw(self) -> None:
        if self.run is not None:
            self.view.show_board(self.run.board, self.shown_cell)

    # --- the window's data ------------------------------------------------------------------------

    @Slot(bool)
    def _on_data_arriving(self, replaces_data: bool) -> None:
        if replaces_data:
            self.invalidate(_tr("The data changed: choose K again for the new data."))

    @Slot(int, object)
    def _on_frame_drawn(self, _run_id: int, _snapshot: EMSnapshot) -> None:
        if self.run is not None and self.run.dataset is not self._controller.session.dataset:
            self.invalidate(_tr("The data changed: choose K again for the new data."))


__all__ = ["KChooser", "SelectionRun"]
