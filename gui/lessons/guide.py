"""The lessons in the main window: the Lessons menu, the Lesson panel, opening and leaving a lesson.

``LessonGuide`` sets a lesson up with one click: for a Gaussian lesson, the window's controls (Model
settings and locks, Display options, the delay) and its data and start, through the controller's hooks;
for a coin lesson, the coins view in the data views' place and its own fit (``gui.lessons.coins_run``),
which takes the run keys. What the user had is kept when the first lesson opens (the data, its name, a
loaded model, components placed by hand, every control, the view) and comes back when the lessons end:
by Leave (the panel's button or the menu), or when the user's own data or a model arrives (new data
keeps what arrived and brings the rest back), or when the window closes (so the remembered settings are
the user's). EM then starts again from the user's settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QWidget

from engine.em import EMSnapshot, HalfStep
from engine.io.model_json import LoadedModel
from engine.io.tables import Dataset
from engine.params import MixtureParams
from gui.lessons.catalogue import LESSONS, Extra, Lesson, lesson, tr
from gui.lessons.coins_run import CoinsRun
from gui.lessons.coins_view import CoinsView
from gui.lessons.dock import LessonDock
from gui.lessons.setups import SINGULAR_REG_COVAR, CoinsSetup, GaussianSetup
from gui.main.controller import Controller
from gui.main.window import MainWindow

#: The Lesson panel is made at least this wide when it shows (its text wraps in it).
DOCK_WIDTH = 340
#: Its share of the height it has with the Explain panel; a lesson with a plot in its panel takes more.
DOCK_SHARE = 2 / 3
DOCK_SHARE_WITH_PLOT = 0.82


def _tr(text: str) -> str:
    return QCoreApplication.translate("LessonGuide", text)


@dataclass(frozen=True, slots=True)
class UserWork:
    """What was on screen before the first lesson opened (see the module docstring)."""

    dataset: Dataset | None
    description: str
    model: LoadedModel | None
    hand_params: MixtureParams | None
    controls: dict[str, Any]
    view: QWidget


class LessonGuide(QObject):
    """The lessons of one main window (see the module docstring).

    Parameters
    ----------
    window : MainWindow
    controller : Controller
        Also the guide's parent.

    Signals
    -------
    lesson_opened(str)
        A lesson is set up: its key.
    lesson_left()
        The lessons ended and the user's work is back.
    """

    lesson_opened = Signal(str)
    lesson_left = Signal()

    def __init__(self, window: MainWindow, controller: Controller) -> None:
        super().__init__(controller)
        self._window = window
        self._controller = controller
        self.dock = LessonDock()
        window.add_lesson_dock(self.dock)
        self._coins: CoinsRun | None = None  # the coin lessons' view and run, made when one first opens
        self._coins_view: CoinsView | None = None
        self.current: Lesson | None = None
        self._saved: UserWork | None = None
        self._setup: GaussianSetup | CoinsSetup | None = None
        self._make_menu()
        self.dock.lessons.chosen.connect(self.open)
        self.dock.leave_requested.connect(lambda: self.leave())
        self.dock.keep_going_requested.connect(self._keep_going)
        self.dock.reg_covar_switched.connect(self._switch_reg_covar)
        window.lessons_action.triggered.connect(self.show_list)
        controller.data_arriving.connect(self._on_data_arriving)
        controller.frame_drawn.connect(self._on_frame_drawn)
        window.installEventFilter(self)

    @property
    def coins(self) -> CoinsRun:
        """The coin lessons' run (and its view), made on first use: a plot costs start-up time."""
        if self._coins is None:
            self._coins_view = CoinsView()
            self._window.add_view(self._coins_view)
            self._coins = CoinsRun(self._window, self._coins_view, parent=self)
            self._coins.runner.set_delay_ms(self._window.delay_ms())
            self._controller.add_job_owner(self._coins)
        return self._coins

    @property
    def coins_view(self) -> CoinsView:
        """The coin lessons' view (made with ``coins``)."""
        _ = self.coins  # made with the run
        return self._coins_view

    def _make_menu(self) -> None:
        menu = self._window.lessons_menu
        self._group = QActionGroup(self)
        self.lesson_actions: dict[str, QAction] = {}
        for number, item in enumerate(LESSONS, start=1):
            action = QAction(_tr("{0}. {1}").format(number, tr(item.title)), self)
            action.setCheckable(True)
            action.setToolTip(tr(item.about))
            action.setStatusTip(tr(item.about))
            action.triggered.connect(lambda _checked=False, key=item.key: self.open(key))
            self._group.addAction(action)
            menu.addAction(action)
            self.lesson_actions[item.key] = action
        menu.addSeparator()
        self.list_action = QAction(_tr("All lessons…"), self)
        self.list_action.setToolTip(_tr("Shows the list of lessons in the Lesson panel."))
        self.list_action.triggered.connect(self.show_list)
        menu.addAction(self.list_action)
        self.leave_action = QAction(_tr("Leave lesson"), self)
        self.leave_action.setToolTip(_tr("Ends the lesson and brings back your data, settings and view."))
        self.leave_action.triggered.connect(lambda: self.leave())
        menu.addAction(self.leave_action)
        self._update_menu()

    # --- opening and leaving --------------------------------------------------------------------

    @Slot()
    def show_list(self) -> None:
        """Show the Lesson panel with the list of lessons."""
        self.dock.show_list()
        self._window.show_lesson_dock(self.dock, DOCK_WIDTH, DOCK_SHARE)

    @Slot(str)
    def open(self, key: str) -> None:
        """Set up lesson ``key`` (keeping what the user had, if no lesson is open yet)."""
        chosen = lesson(key)
        if self._saved is None:
            self._saved = self._capture()
        self._close_current()
        self.current = chosen
        self._setup = setup = chosen.setup()
        self.dock.show_lesson(chosen)
        self._window.show_lesson_dock(self.dock, DOCK_WIDTH,
                                      DOCK_SHARE_WITH_PLOT if Extra.KMEANS in chosen.extras else DOCK_SHARE)
        window, controller = self._window, self._controller
        if isinstance(setup, CoinsSetup):
            coins = self.coins
            controller.stop_fit()
            window.set_controls({"delay_ms": setup.delay_ms})
            window.set_controls_enabled(model=False, painting=False)
            window.show_data_status(False)  # BIC, AIC and true labels are the hidden data's, not the coins'
            window.show_view(self._coins_view)
            controller.take_run_keys(coins)
            coins.open(setup, chosen.names)
        else:
            window.show_data_status(True)
            window.set_controls_enabled(model=True, painting=False)
            window.set_controls(setup.controls)
            if Extra.KMEANS in chosen.extras:
                self.dock.kmeans.set_problem(setup.dataset.X, setup.start.means)
            controller.show_data(setup.dataset, tr(chosen.title), model=None, given=setup.start)
            window.focus_view()
        self._update_menu()
        self.lesson_opened.emit(key)

    @Slot()
    def leave(self, restore_data: bool = True) -> None:
        """End the lessons and bring back what the user had (all but the data if ``restore_data`` is False)."""
        if self.current is None:
            return
        self._close_current()
        saved, self._saved = self._saved, None
        self.current = self._setup = None
        window = self._window
        window.set_controls_enabled(model=True, painting=True)
        window.show_data_status(True)
        window.set_controls({key: value for key, value in saved.controls.items() if key != "plane"})
        if restore_data:
            self._controller.show_data(saved.dataset, saved.description, saved.model, saved.hand_params)
            window.set_controls({"plane": saved.controls["plane"]})
        else:
            self._controller.session.model = saved.model  # the arriving data decides whether it stays
        if self._coins_view is not None and window.current_view() is self._coins_view:
            window.show_view(saved.view)
        self.dock.show_lesson(None)
        self._update_menu()
        self.lesson_left.emit()

    def _capture(self) -> UserWork:
        session = self._controller.session
        return UserWork(session.dataset, session.description, session.model, session.hand_params,
                        self._window.controls(), self._window.current_view())

    def _close_current(self) -> None:
        """Undo what the open lesson itself set up beyond the controls (a coin lesson's fit and keys)."""
        if self.current is not None and self.current.is_coins:
            self.coins.close()
            self._controller.take_run_keys(None)

    def _update_menu(self) -> None:
        for key, action in self.lesson_actions.items():
            action.setChecked(self.current is not None and self.current.key == key)
        self.leave_action.setEnabled(self.current is not None)

    # --- events ---------------------------------------------------------------------------------

    @Slot(bool)
    def _on_data_arriving(self, replaces_data: bool) -> None:
        """The user's data (``replaces_data``) or model arrives: the lesson ends; a model goes on the user's data."""
        if self.current is not None:
            self.leave(restore_data=not replaces_data)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's naming
        """Before the window closes (and saves its settings), the user's controls come back."""
        if watched is self._window and event.type() == QEvent.Type.Close and self.current is not None:
            self.leave(restore_data=False)
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False

    def _retranslate(self) -> None:
        """The lessons' titles and texts again, in the language just chosen (``gui.i18n.switching``)."""
        for number, item in enumerate(LESSONS, start=1):
            action = self.lesson_actions[item.key]
            action.setText(_tr("{0}. {1}").format(number, tr(item.title)))
            action.setToolTip(tr(item.about))
            action.setStatusTip(tr(item.about))
        self.dock.lessons.retranslate_items()
        self.dock.retranslate_lesson(self.current)

    # --- a lesson's own controls ----------------------------------------------------------------

    @Slot()
    def _keep_going(self) -> None:
        shown = self._controller.session.shown
        if shown is None or self.current is None or self.current.is_coins:
            return
        self._window.set_controls({"tol": 0.0})
        self._controller.continue_from(shown.snapshot.params)

    @Slot(bool)
    def _switch_reg_covar(self, on: bool) -> None:
        self._window.set_controls({"reg_covar": SINGULAR_REG_COVAR if on else 0.0})
        self._controller.reset_run()

    @Slot(int, object)
    def _on_frame_drawn(self, run_id: int, snapshot: EMSnapshot) -> None:
        if self.current is None or Extra.KMEANS not in self.current.extras:
            return
        kmeans = self.dock.kmeans
        if snapshot.half_step is HalfStep.INIT:
            kmeans.set_problem(self._controller.session.dataset.X, snapshot.params.means)
        iterations = snapshot.iteration - 1 if snapshot.half_step is HalfStep.E else snapshot.iteration
        kmeans.show_lloyd(iterations, snapshot.params.means)
