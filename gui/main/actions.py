"""The main window's actions (with their shortcuts), menus, status bar, and the dialogs of the File and Help menus.

A mixin of ``MainWindow``. The actions are the window's attributes (``run_pause_action``,
``export_model_action``, ...); the controller connects to their ``triggered`` signals.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu, QMessageBox


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def redo_keys(platform_redo: QKeySequence) -> list[QKeySequence]:
    """Redo's keys: Ctrl+Shift+Z, and the platform's own Redo key (Ctrl+Y on Windows) when it is another one
    (on Linux it is the same: listed twice, Help > Keyboard shortcuts showed it twice)."""
    keys = [QKeySequence("Ctrl+Shift+Z")]
    return keys if platform_redo in keys or platform_redo.isEmpty() else [*keys, platform_redo]


class WindowActions:
    """Makes the actions, menus and status bar of a ``QMainWindow`` subclass with a ``recent_requested(str)`` signal."""

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
        self.lessons_action = self._action(_tr("&Lessons…"), _tr(
            "Lists the lessons: the classic EM examples, each set up with one click."))

    def _make_menus(self) -> None:
        menu_bar = self.menuBar()
        self.undo_stack = QUndoStack(self)
        self.undo_action = self.undo_stack.createUndoAction(self, _tr("&Undo"))
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.undo_action.setToolTip(_tr("Undoes the latest edit of the data (painting, erasing, clearing)."))
        self.redo_action = self.undo_stack.createRedoAction(self, _tr("&Redo"))
        self.redo_action.setShortcuts(redo_keys(QKeySequence(QKeySequence.StandardKey.Redo)))
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
        self.run_menu = run_menu  # gui.choosek adds Choose K here
        #: Actions of other modules with shortcuts, listed by Help > Keyboard shortcuts after the window's own.
        self.more_shortcut_actions: list[QAction] = []
        view_menu = menu_bar.addMenu(_tr("&View"))
        view_menu.addAction(self.fit_view_action)
        self.view_menu = view_menu
        self.lessons_menu = menu_bar.addMenu(_tr("&Lessons"))  # filled by gui.lessons
        help_menu = menu_bar.addMenu(_tr("&Help"))
        help_menu.addAction(self.lessons_action)
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
                       self.fit_view_action, self.quit_action, self.undo_action, self.redo_action,
                       *self.more_shortcut_actions):
            keys = ", ".join(text for s in action.shortcuts() if (text := s.toString(
                QKeySequence.SequenceFormat.NativeText)))
            rows.append((keys, action.toolTip()))
        return rows

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td><b>{keys}</b>&nbsp;&nbsp;</td><td>{what}</td></tr>"
                       for keys, what in self.shortcut_rows())
        QMessageBox.information(self, _tr("Keyboard shortcuts"), f"<table>{rows}</table>")

    def ask_data_path(self, folder: str) -> str:
        """Ask which data file, model or picture to open, starting in ``folder``; empty if cancelled."""
        return QFileDialog.getOpenFileName(
            self, _tr("Open data or model"), folder,
            _tr("Data or model (*.csv *.txt *.tsv *.npy *.json);;Data (*.csv *.txt *.tsv *.npy);;Model (*.json);;"
                "Picture, opens in Image mode (*.png *.jpg *.jpeg *.bmp *.tif *.tiff);;All files (*)"))[0]

    def ask_model_path(self, folder: str) -> str:
        """Ask which model to open, starting in ``folder``; empty if cancelled."""
        return QFileDialog.getOpenFileName(self, _tr("Open model"), folder, _tr("Model (*.json);;All files (*)"))[0]

    def show_about(self) -> None:
        QMessageBox.about(self, _tr("About GMM Explorer"), _tr(
            "GMM Explorer fits Gaussian mixture models with expectation-maximisation and shows every step."))

    def set_running(self, running: bool) -> None:
        """Show Run or Pause on the run/pause action."""
        self.run_pause_action.setText(_tr("Pause") if running else _tr("Run"))

    def _make_status_bar(self) -> None:
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
        samples = ("max iterations reached", "iteration 1000 (M)", "mean log-lik. -10.123456", "change -1.23e-04",
                   "1234.5 ms/iter")
        # The iteration and the log-likelihood stay at the right, beside what the bar says of the data, while a message
        # shows (a run goes on under a re-seed's message); the state, the change and the speed give way to it at the
        # left. Beside five permanent labels a message was cut after some 40 characters.
        for label, tip, sample in zip((self.status_state, self.status_iteration, self.status_likelihood,
                                       self.status_change, self.status_speed), tips, samples, strict=True):
            label.setToolTip(tip)
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance(sample) + 12)
            if label in (self.status_iteration, self.status_likelihood):
                self.statusBar().addPermanentWidget(label)
            else:
                self.statusBar().addWidget(label)
        self._status_labels = (self.status_state, self.status_iteration, self.status_likelihood, self.status_change,
                               self.status_speed)

    def show_status(self, texts: tuple[str, str, str, str, str]) -> None:
        """State, iteration, log-likelihood, change and time per iteration, in the status bar's labels."""
        for label, text in zip(self._status_labels, texts, strict=True):
            label.setText(text)
