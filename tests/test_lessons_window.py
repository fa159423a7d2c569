"""The lessons in the live window (pytest-qt, offscreen): each opens from the Lessons menu and shows its numbers,
the keys drive the coins view, and leaving (or new data, or closing) brings back the user's work.

Every test gets its own settings file. Tests wait on signals and conditions, never on sleeps.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTranslator
from pytestqt.qtbot import QtBot
from test_gui_window import TIMEOUT_MS, activate, close_shared_window, open_window

from engine.config import InitMethod
from engine.em import HalfStep, iterate_em
from engine.init import lloyd
from engine.io.model_json import save_model
from engine.params import MixtureParams
from gui.lessons import setups
from gui.lessons.catalogue import LESSONS
from gui.lessons.guide import LessonGuide
from gui.main.session import RunState
from gui.settings import Settings


def _open_window(qtbot, path, close_with_test: bool = True):
    window, controller, _ = open_window(qtbot, path, close_with_test=close_with_test)
    activate(qtbot, window)
    wait_for(qtbot, controller, HalfStep.INIT)
    return window, controller, controller.findChild(LessonGuide)


@pytest.fixture(scope="module")
def _lesson_window(qapp, request, tmp_path_factory):
    """The window of ``lesson_app``, with what it showed when it opened (and whether its Lesson panel was shown and
    "Leave lesson" enabled then): made once per module."""
    qtbot = QtBot(request)
    window, controller, guide = _open_window(qtbot, tmp_path_factory.mktemp("lessons") / "settings.ini",
                                             close_with_test=False)
    opened = (controller.dataset, controller.config, window.controls(),
              np.array(controller.shown.snapshot.params.means))
    yield window, controller, guide, opened, (guide.dock.isVisible(), guide.leave_action.isEnabled())
    close_shared_window(qtbot, window, controller)


@pytest.fixture
def lesson_app(qtbot, messages, _lesson_window):
    """The window on its demo data, paused at EM's start, and its lessons: one window for the module's tests that
    open a lesson and check its numbers, or the user's work in one (a window costs about 0.12 s of CPU to open).
    A lesson sets its own data, every control (``controls``) and its view, and leaving it brings back what the user
    had; so before each test the lesson left open by the last one is left, and the window is shown to be where it
    opened: no lesson, the same demo data, EM's config and controls, the same start on screen, the data view."""
    window, controller, guide, (dataset, config, controls, means), _ = _lesson_window
    activate(qtbot, window)  # another test's window may have been the active one since
    guide.leave()
    wait_for(qtbot, controller, HalfStep.INIT)
    assert guide.current is None and not guide.leave_action.isEnabled() and controller.runner.active is not None
    assert controller.dataset is dataset and controller.config == config and window.controls() == controls
    assert window.current_view() is window.canvas and window.model_panel.isEnabled()
    np.testing.assert_array_equal(controller.shown.snapshot.params.means, means)
    return window, controller, guide


def wait_for(qtbot, controller, half_step: HalfStep, iteration: int | None = None,
             state: RunState = RunState.PAUSED) -> None:
    """Until the Gaussian fit on screen is at this half-step (and iteration) and in ``state``."""
    def there() -> bool:
        shown = controller.shown
        return (shown is not None and controller.is_settled() and controller.state is state
                and shown.snapshot.half_step is half_step
                and (iteration is None or shown.snapshot.iteration == iteration))
    qtbot.waitUntil(there, timeout=TIMEOUT_MS)


def run_to_end(qtbot, window, controller) -> None:
    """Space, without the lesson's delay per iteration (the lesson's own value is checked where it matters)."""
    window.run_panel.delay.setValue(0)
    press(qtbot, window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: controller.state is RunState.FINISHED and controller.is_settled(), timeout=TIMEOUT_MS)


def coins_at(qtbot, guide, half_step: HalfStep, iteration: int, state: RunState = RunState.PAUSED) -> None:
    """Until the coins view shows this half-step of this iteration and the coin fit is in ``state``."""
    def there() -> bool:
        shown = guide.coins.shown
        return (shown is not None and guide.coins.state is state and not guide.coins.runner.has_pending
                and shown.snapshot.half_step is half_step and shown.snapshot.iteration == iteration)
    qtbot.waitUntil(there, timeout=TIMEOUT_MS)


def coins_finished(qtbot, guide) -> None:
    """Until the coin fit has finished and its last snapshot is on screen."""
    qtbot.waitUntil(lambda: guide.coins.state is RunState.FINISHED and not guide.coins.runner.has_pending
                    and guide.coins.shown is guide.coins.latest, timeout=TIMEOUT_MS)
    assert guide.coins.shown.snapshot.done


def press(qtbot, window, key) -> None:
    """A key press on the view that has the focus, as a user would type it."""
    qtbot.keyClick(window.current_view().plot_widget, key)


def open_lesson(qtbot, window, controller, guide, key: str) -> None:
    """Choose lesson ``key`` in the Lessons menu and wait for its start on screen."""
    action = guide.lesson_actions[key]
    assert action in window.lessons_menu.actions()
    action.trigger()
    assert guide.current.key == key and action.isChecked()
    if guide.current.is_coins:
        coins_at(qtbot, guide, HalfStep.INIT, 0)
    else:
        wait_for(qtbot, controller, HalfStep.INIT)


def legend_weights(window) -> list[str]:
    return [text.split("w = ")[1] for text in window.current_view().legend.texts()]


# --- the menu and the list ------------------------------------------------------------------------------------

def test_every_lesson_is_in_the_menu_and_in_the_list_that_help_opens(qtbot, lesson_app, _lesson_window):
    window, controller, guide = lesson_app
    titles = [action.text() for action in window.lessons_menu.actions() if action.isCheckable()]
    assert len(titles) == len(LESSONS) >= 8
    assert [title.split(".")[0] for title in titles] == [str(n) for n in range(1, len(LESSONS) + 1)]
    assert _lesson_window[-1] == (False, False)  # as it opened: no Lesson panel, nothing to leave
    assert not guide.leave_action.isEnabled()
    guide.dock.hide()  # as when the window opened (the module's earlier lessons showed it)
    guide.dock.pages.setCurrentWidget(guide.dock.lesson_page)  # so that the list shown below is Help's doing
    window.lessons_action.trigger()  # Help > Lessons
    assert window.lessons_action in window.menuBar().actions()[-1].menu().actions()
    assert guide.dock.isVisible() and guide.dock.pages.currentWidget() is guide.dock.lessons
    assert guide.dock.lessons.keys() == [item.key for item in LESSONS]
    lesson_list = guide.dock.lessons.list
    lesson_list.itemActivated.emit(lesson_list.item(6))  # a double click on "7. Two coins"
    coins_at(qtbot, guide, HalfStep.INIT, 0)
    assert guide.current.key == "two-coins" and guide.leave_action.isEnabled()
    assert "Press E" in guide.dock.lesson_text()


# --- each lesson's numbers on screen ------------------------------------------------------------------------------

def test_three_blobs_from_the_tutorial_start(qtbot, lesson_app):
    window, controller, guide = lesson_app
    open_lesson(qtbot, window, controller, guide, "three-blobs-tutorial")
    assert controller.config.init is InitMethod.TUTORIAL
    assert window.model_panel.init.currentText().startswith("tutorial")
    start = controller.shown.snapshot.params
    np.testing.assert_array_equal(start.covariances, np.stack([np.eye(2)] * 3))
    assert all(np.any(np.all(controller.dataset.X == mean, axis=1)) for mean in start.means)
    run_to_end(qtbot, window, controller)
    assert controller.shown.snapshot.iteration == 15 and controller.shown.snapshot.converged
    assert legend_weights(window) == ["0.272", "0.518", "0.210"]


def test_one_dimensional_lesson_stops_early_at_tol_then_keeps_going(qtbot, lesson_app):
    window, controller, guide = lesson_app
    open_lesson(qtbot, window, controller, guide, "two-gaussians-1d")
    assert window.current_view() is window.histogram
    np.testing.assert_array_equal(controller.shown.snapshot.params.means.ravel(), [0.0, 1.0])
    run_to_end(qtbot, window, controller)
    snapshot = controller.shown.snapshot
    assert snapshot.converged and snapshot.iteration == 6 and window.status_state.text() == "converged"
    assert legend_weights(window) == ["0.506", "0.494"]
    assert guide.dock.keep_going.isVisible()
    window.run_panel.delay.setValue(0)  # the lesson watches 100 iterations at 0.1 s each; the test need not
    guide.dock.keep_going.click()
    qtbot.waitUntil(lambda: controller.state is RunState.FINISHED and controller.is_settled(), timeout=TIMEOUT_MS)
    assert window.model_panel.tol.value() == 0.0 and controller.config.init is InitMethod.GIVEN
    assert legend_weights(window) == ["0.251", "0.749"]
    np.testing.assert_allclose(controller.shown.snapshot.params.means.ravel(), [-2.04, 0.91], atol=0.005)

    # With tol 0 from the classic start, the same answer.
    open_lesson(qtbot, window, controller, guide, "two-gaussians-1d")
    window.run_panel.delay.setValue(0)
    window.model_panel.tol.setValue(0.0)
    qtbot.waitUntil(lambda: controller.config.tol == 0.0 and controller.state is RunState.PAUSED, timeout=TIMEOUT_MS)
    np.testing.assert_array_equal(controller.shown.snapshot.params.means.ravel(), [0.0, 1.0])
    run_to_end(qtbot, window, controller)
    assert legend_weights(window) == ["0.251", "0.749"]


def test_four_clusters_keep_their_known_covariance(qtbot, lesson_app):
    window, controller, guide = lesson_app
    open_lesson(qtbot, window, controller, guide, "four-clusters-known-covariance")
    assert window.model_panel.covariance_lock.currentData() == "fixed"
    drawn = []
    controller.frame_drawn.connect(lambda run_id, snapshot: drawn.append(snapshot))
    run_to_end(qtbot, window, controller)
    assert drawn and controller.shown.snapshot.iteration == 11
    for snapshot in [*drawn, controller.shown.snapshot]:
        np.testing.assert_array_equal(snapshot.params.covariances, np.stack([30.0 * np.eye(2)] * 4))
    assert sorted(legend_weights(window)) == ["0.108", "0.195", "0.318", "0.379"]


def test_em_with_tiny_fixed_circles_moves_its_means_as_lloyd_moves_its_centres(qtbot, lesson_app):
    window, controller, guide = lesson_app
    open_lesson(qtbot, window, controller, guide, "em-and-kmeans")
    kmeans = guide.dock.kmeans
    assert kmeans.isVisible() and window.display_panel.hard_labels.isChecked()
    window.run_panel.delay.setValue(0)
    X = controller.dataset.X
    start = setups.em_and_kmeans().start.means
    # The lesson's own EM (the window's settings), stepped in the engine: its means are Lloyd's centres after
    # every iteration, to the end. Drawing each of its ~20 iterations in the window proved no more, at 2 s a test.
    m_steps = [snapshot for snapshot in iterate_em(X, controller.config) if snapshot.half_step is HalfStep.M]
    assert len(m_steps) >= 15 and m_steps[-1].done
    for snapshot in m_steps:
        np.testing.assert_allclose(snapshot.params.means, lloyd(X, start, n_iter=snapshot.iteration),
                                   rtol=0, atol=1e-12)

    def lloyd_panel_agrees(iteration: int) -> None:
        """The panel's Lloyd centres after ``iteration`` iterations are EM's means on the canvas."""
        means = controller.shown.snapshot.params.means
        np.testing.assert_allclose(kmeans.lloyd_centres, lloyd(X, start, n_iter=iteration), rtol=0, atol=1e-12)
        np.testing.assert_allclose(means, kmeans.lloyd_centres, rtol=0, atol=1e-12)
        assert kmeans.largest_difference < 1e-12 and f"After {iteration} iterations" in kmeans.difference.text()

    for iteration in (1, 2):  # N after N in the window: the panel follows each step
        press(qtbot, window, Qt.Key.Key_N)
        qtbot.waitUntil(lambda i=iteration: controller.is_settled() and controller.shown.snapshot.iteration == i
                        and controller.shown.snapshot.half_step is HalfStep.M, timeout=TIMEOUT_MS)
        lloyd_panel_agrees(iteration)
    run_to_end(qtbot, window, controller)  # and to the end
    assert controller.shown.snapshot.iteration == m_steps[-1].iteration
    lloyd_panel_agrees(m_steps[-1].iteration)
    np.testing.assert_allclose(controller.shown.snapshot.params.means, lloyd(X, start, n_iter=100),
                               rtol=0, atol=1e-12)


def test_local_optima_show_in_the_restarts_strip(qtbot, lesson_app):
    window, controller, guide = lesson_app
    open_lesson(qtbot, window, controller, guide, "local-optima")
    run_to_end(qtbot, window, controller)
    values = window.restarts.values()
    assert window.restarts.isVisible() and len(values) == 8
    assert sorted(set(np.round(values, 1).tolist())) == [-4.8, -4.6, -4.4, -4.2]
    lowest = int(np.argmin(values))
    window.restarts.start_clicked.emit(lowest)
    assert controller.shown.snapshot.start == lowest
    assert controller.shown.snapshot.mean_log_likelihood == pytest.approx(values.min())


def test_singularities_collapse_without_reg_covar_and_stop_with_it(qtbot, lesson_app):
    window, controller, guide = lesson_app
    open_lesson(qtbot, window, controller, guide, "singularities")
    assert controller.config.reg_covar == 0.0 and window.run_panel.delay_ms() == 500
    window.run_panel.delay.setValue(0)  # the lesson waits half a second per iteration; the test need not
    run_to_end(qtbot, window, controller)
    reseeds = controller.session.latest.reseeds
    assert reseeds and (reseeds[0].iteration, reseeds[0].components) == (8, (3,))
    assert "re-seeded at iteration 8" in window.statusBar().currentMessage()
    history = controller.shown.snapshot.history
    assert history[7] - history[6] > 10 * (history[3] - history[2]) > 0  # the climb speeds up before the re-seed

    guide.dock.reg_covar.click()
    wait_for(qtbot, controller, HalfStep.INIT)
    assert controller.config.reg_covar == setups.SINGULAR_REG_COVAR
    run_to_end(qtbot, window, controller)
    assert not controller.session.latest.reseeds
    assert controller.shown.snapshot.params.covariances[3] >= setups.SINGULAR_REG_COVAR


# --- the coins view -------------------------------------------------------------------------------------------

def _bic_label(window):
    """The status bar's BIC and AIC of the data on the canvas (``gui.main.criteria``)."""
    from PySide6.QtWidgets import QLabel

    return next(label for label in window.statusBar().findChildren(QLabel) if label.toolTip().startswith("BIC = "))


def test_two_coins_driven_by_the_keys_show_the_papers_numbers(qtbot, lesson_app):
    window, controller, guide = lesson_app
    open_lesson(qtbot, window, controller, guide, "two-coins")
    view = guide.coins_view
    assert window.current_view() is view and not window.model_panel.isEnabled()
    assert controller.runner.active is None  # the Gaussian fit stopped
    assert not _bic_label(window).isVisible()  # the hidden data's BIC is not the coins'
    np.testing.assert_allclose(np.column_stack(view.star.getData()), [[0.80, 0.45]])
    assert "θA = 0.80, θB = 0.45" in view.numbers.text()

    press(qtbot, window, Qt.Key.Key_N)
    coins_at(qtbot, guide, HalfStep.M, 1)
    np.testing.assert_allclose(view.numbers_shown()["theta"], [0.7130, 0.5813], atol=5e-5)
    assert "θA = <b>0.71</b>" in view.numbers.text() and "θB = <b>0.58</b>" in view.numbers.text()
    assert view.table_text()[-1] == ["total", "33", "17", "2.99", "2.01", "21.3", "8.6", "11.7", "8.4"]
    assert view.table_text()[0][3:5] == ["0.45", "0.55"]
    assert "= 0.7130" in view.formulas.text() and window.status_iteration.text() == "iteration 1 (M)"

    press(qtbot, window, Qt.Key.Key_E)  # the half-steps, as for Gaussians
    coins_at(qtbot, guide, HalfStep.E, 2)
    np.testing.assert_allclose(view.numbers_shown()["theta"], [0.7130, 0.5813], atol=5e-5)
    assert "press M" in view.formulas.text()
    press(qtbot, window, Qt.Key.Key_M)
    coins_at(qtbot, guide, HalfStep.M, 2)
    for iteration in range(3, 11):
        press(qtbot, window, Qt.Key.Key_N)
        coins_at(qtbot, guide, HalfStep.M, iteration)
    np.testing.assert_allclose(view.numbers_shown()["theta"], [0.7967, 0.5197], atol=5e-5)
    assert "θA = <b>0.80</b>" in view.numbers.text() and "θB = <b>0.52</b>" in view.numbers.text()
    assert len(view.path.getData()[0]) == 11  # the start and ten M-steps

    press(qtbot, window, Qt.Key.Key_R)
    coins_at(qtbot, guide, HalfStep.INIT, 0)
    np.testing.assert_allclose(view.numbers_shown()["theta"], [0.6, 0.5])
    assert window.run_panel.delay_ms() == 300  # the lesson's: Space draws the path dot by dot
    window.run_panel.delay.setValue(0)
    assert len(view.path.getData()[0]) == 1
    press(qtbot, window, Qt.Key.Key_Space)
    coins_finished(qtbot, guide)
    assert window.status_state.text() == "converged"
    np.testing.assert_allclose(view.numbers_shown()["theta"], [0.80, 0.52], atol=0.005)


def test_three_coins_from_both_starts(qtbot, lesson_app):
    window, controller, guide = lesson_app
    open_lesson(qtbot, window, controller, guide, "three-coins")
    view = guide.coins_view
    assert view.start_choice.isVisible() and view.start_choice.count() == 2
    window.run_panel.delay.setValue(0)  # the lesson draws the path dot by dot; the test need not watch
    press(qtbot, window, Qt.Key.Key_Space)
    coins_finished(qtbot, guide)
    shown = view.numbers_shown()
    np.testing.assert_allclose([shown["weights"][0], *shown["theta"]], [0.5, 0.6, 0.6], atol=5e-5)

    view.start_choice.setCurrentIndex(1)
    view.start_choice.activated.emit(1)
    coins_at(qtbot, guide, HalfStep.INIT, 0)
    np.testing.assert_allclose([view.numbers_shown()["weights"][0], *view.numbers_shown()["theta"]], [0.4, 0.6, 0.7])
    assert len(view.other_path.getData()[0]) >= 2  # the first start's path stays, faded
    press(qtbot, window, Qt.Key.Key_Space)
    coins_finished(qtbot, guide)
    shown = view.numbers_shown()
    np.testing.assert_allclose([shown["weights"][0], *shown["theta"]], [0.4064, 0.5368, 0.6432], atol=5e-5)
    assert "π = <b>0.4064</b>" in view.numbers.text() and "p = <b>0.5368</b>" in view.numbers.text()


# --- leaving ----------------------------------------------------------------------------------------------------

@pytest.fixture
def user_work(qtbot, lesson_app, tmp_path):
    """The user's own data (a CSV) and settings (K = 2, tol 1e-4, equal weights, hard labels), on screen, in the
    module's lesson window (``lesson_app``: opening a window costs more than the user's work in it). After the test
    the window's own data, its name and every control come back, as leaving a lesson brings them back, and are
    asserted to be as they were (what ``lesson_app`` checks before the next test, and the title)."""
    window, controller, guide = lesson_app
    own = (controller.dataset, controller.session.description, window.controls(), window.windowTitle())
    path = tmp_path / "mine.csv"
    rng = np.random.default_rng(11)
    path.write_text("u,v\n" + "\n".join(f"{x},{y}" for x, y in np.concatenate(
        [rng.normal(0, 1, (40, 2)), rng.normal(5, 1, (40, 2))])))
    with qtbot.waitSignal(controller.io_finished, timeout=TIMEOUT_MS):
        controller.open_path(str(path))
    panel = window.model_panel
    panel.n_components.setValue(2)
    panel.tol.setValue(1e-4)
    panel.equal_weights.setChecked(True)
    window.display_panel.hard_labels.setChecked(True)
    qtbot.waitUntil(lambda: controller.config.n_components == 2 and controller.config.locks.equal_weights
                    and controller.config.tol == pytest.approx(1e-4), timeout=TIMEOUT_MS)
    wait_for(qtbot, controller, HalfStep.INIT)
    yield controller.dataset, window.controls()
    guide.leave()
    window.set_controls(own[2])
    assert controller.show_data(own[0], own[1])
    qtbot.waitUntil(lambda: not controller._settings_timer.isActive(), timeout=TIMEOUT_MS)
    wait_for(qtbot, controller, HalfStep.INIT)
    assert (controller.dataset, controller.session.description, window.controls(), window.windowTitle()) == own


def test_leaving_brings_back_the_users_data_settings_and_view(qtbot, lesson_app, user_work):
    window, controller, guide = lesson_app
    dataset, controls = user_work
    open_lesson(qtbot, window, controller, guide, "four-clusters-known-covariance")
    assert controller.dataset is not dataset and window.controls() != controls
    open_lesson(qtbot, window, controller, guide, "two-coins")
    guide.dock.leave.click()
    wait_for(qtbot, controller, HalfStep.INIT)
    assert guide.current is None and not guide.leave_action.isEnabled()
    assert controller.dataset is dataset and controller.session.description == "mine.csv"
    assert window.controls() == controls
    assert window.current_view() is window.canvas and window.model_panel.isEnabled()
    assert _bic_label(window).isVisible()
    assert guide.dock.pages.currentWidget() is guide.dock.lessons
    press(qtbot, window, Qt.Key.Key_N)  # the keys drive the Gaussian fit of the user's data again
    wait_for(qtbot, controller, HalfStep.M, 1)
    assert controller.config.n_components == 2 and controller.config.locks.equal_weights


def test_opening_data_in_a_lesson_leaves_it_and_keeps_the_new_data(qtbot, lesson_app, user_work, tmp_path):
    window, controller, guide = lesson_app
    _, controls = user_work
    open_lesson(qtbot, window, controller, guide, "two-gaussians-1d")
    other = tmp_path / "other.csv"
    other.write_text("a,b\n" + "\n".join(f"{x},{y}" for x, y in np.random.default_rng(3).normal(size=(30, 2))))
    with qtbot.waitSignal(controller.io_finished, timeout=TIMEOUT_MS):
        controller.open_path(str(other))
    wait_for(qtbot, controller, HalfStep.INIT)
    assert guide.current is None
    # The user's settings come back, except the locks: new data lets go of them (issue 13, gui.main.arrivals).
    unlocked = {**controls, "equal_weights": False, "covariance_lock": "free", "frozen": ()}
    assert controller.dataset.source == str(other) and window.controls() == unlocked
    assert "locks cleared" in window.statusBar().currentMessage()


def test_opening_a_model_in_a_coin_lesson_shows_it_on_the_users_data(qtbot, lesson_app, user_work, tmp_path):
    window, controller, guide = lesson_app
    dataset, _ = user_work
    open_lesson(qtbot, window, controller, guide, "two-coins")
    params = MixtureParams.from_covariances([0.5, 0.5], [[0.0, 0.0], [5.0, 5.0]], np.stack([np.eye(2)] * 2), "full")
    path = tmp_path / "start.json"
    save_model(path, params, ("u", "v"))
    assert controller.open_path(str(path))
    wait_for(qtbot, controller, HalfStep.E)
    assert guide.current is None and controller.dataset is dataset
    assert controller.config.init is InitMethod.GIVEN and window.current_view() is window.canvas


def test_closing_in_a_lesson_remembers_the_users_settings(qtbot, tmp_path, messages):
    path = tmp_path / "settings.ini"
    window, controller, guide = _open_window(qtbot, path)
    window.model_panel.n_components.setValue(5)
    qtbot.waitUntil(lambda: controller.config.n_components == 5, timeout=TIMEOUT_MS)
    open_lesson(qtbot, window, controller, guide, "four-clusters-known-covariance")
    assert window.model_panel.n_components.value() == 4
    window.close()
    remembered = Settings(QSettings(str(path), QSettings.Format.IniFormat)).controls()
    assert int(remembered["n_components"]) == 5 and remembered["init"] == "kmeans++"


# --- translation ------------------------------------------------------------------------------------------------

class _Marker(QTranslator):
    """Translates every lesson text to itself with a marker, as a real translation would replace it."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002 - Qt's signature
        return f"[xx] {source}" if context == "Lessons" else None  # None: not translated, the source stays

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's naming
        return False


def test_lesson_texts_are_translated_when_shown(qtbot, tmp_path, messages):
    marker = _Marker()
    QCoreApplication.installTranslator(marker)
    try:
        window, controller, guide = _open_window(qtbot, tmp_path / "settings.ini")
        first = next(action for action in window.lessons_menu.actions() if action.isCheckable())
        assert first.text() == "1. [xx] Three blobs from the tutorial start"
        open_lesson(qtbot, window, controller, guide, "two-coins")
        assert guide.dock.title.text() == "[xx] Two coins (Do and Batzoglou)"
        assert "[xx] Press E" in guide.dock.lesson_text()
    finally:
        QCoreApplication.removeTranslator(marker)
