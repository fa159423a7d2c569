"""When EM re-seeds a collapsed component, the window says which one and at which iteration.

The status bar names the component and the iteration (even when the fit job never yielded that M-step's
snapshot, because a later one replaced it), the convergence plot marks the M-step with a cross, and the
Explain panel of that M-step says which components moved and why.
"""

from __future__ import annotations

import numpy as np
import pytest
import test_gui_window
from test_gui_window import TIMEOUT_MS, on_screen, wait_for_state

from engine.config import FitConfig, InitMethod
from engine.em import EMSnapshot, HalfStep, iterate_em
from engine.io.model_json import save_model
from engine.params import MixtureParams
from gui.main.controller import RunState
from gui.main.fit_worker import ReseedEvent, RunControl, throttled_steps
from gui.main.status import reseed_text

app = test_gui_window.app

X = np.concatenate([np.random.default_rng(0).normal(0.0, 1.0, (60, 2)),
                    np.random.default_rng(1).normal(6.0, 1.0, (60, 2))])


def far_start() -> MixtureParams:
    """Two components on the data and component 2 far from every point: it collapses in the first M-step."""
    return MixtureParams.from_covariances([0.4, 0.4, 0.2], [[0.0, 0.0], [6.0, 6.0], [1e4, 1e4]],
                                          [np.eye(2), np.eye(2), np.eye(2)], "full")


def test_the_job_carries_every_reseeding_even_of_snapshots_it_did_not_yield():
    config = FitConfig(3, tol=0.0, max_iter=6, init=InitMethod.GIVEN, init_params=far_start())
    assert next(s for s in iterate_em(X, config) if s.half_step is HalfStep.M).reseeded == (2,)
    items = list(throttled_steps(iterate_em(X, config), RunControl(), clock=lambda: 0.0))
    assert [item.snapshot.iteration for item in items] == [0, 6]  # the M-step of iteration 1 was not yielded
    assert items[0].reseeds == ()
    assert items[-1].reseeds[0] == ReseedEvent(start=0, iteration=1, components=(2,))


def test_the_job_keeps_every_reseeding_of_the_run_in_order():
    params = far_start()
    stream = [EMSnapshot(0, 0, HalfStep.INIT, params)]
    for iteration, reseeded in ((1, (1,)), (2, ()), (3, (0, 2))):
        stream += [EMSnapshot(0, iteration, HalfStep.E, params), EMSnapshot(0, iteration, HalfStep.M, params,
                                                                           reseeded=reseeded)]
    stream[-1] = EMSnapshot(0, 3, HalfStep.M, params, reseeded=(0, 2), done=True)
    items = list(throttled_steps(iter(stream), RunControl(), clock=lambda: 0.0))
    assert items[-1].reseeds == (ReseedEvent(0, 1, (1,)), ReseedEvent(0, 3, (0, 2)))


@pytest.mark.parametrize(("events", "text"), [
    ((ReseedEvent(0, 1, (2,)),), "Component 2 collapsed and was re-seeded at iteration 1"),
    ((ReseedEvent(0, 4, (0, 3)),), "Components 0, 3 collapsed and were re-seeded at iteration 4"),
])
def test_status_text_names_the_components_and_the_iteration(events, text):
    assert reseed_text(events).startswith(text)


def test_the_status_bar_the_convergence_plot_and_explain_report_a_reseeding(qtbot, app, messages, tmp_path):
    window, controller = app
    path = tmp_path / "far.json"
    save_model(path, far_start(), ("x0", "x1"))
    assert controller.open_path(str(path))
    wait_for_state(qtbot, controller, RunState.PAUSED)
    window.step_action.trigger()
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.M, 1), timeout=TIMEOUT_MS)
    assert controller.shown.snapshot.reseeded == (2,)
    assert "Component 2 collapsed and was re-seeded at iteration 1" in window.statusBar().currentMessage()
    # The whole message shows: the state, the change and the speed make way for it (beside all five status labels it
    # was cut after some 40 characters); the iteration and the log-likelihood stay.
    message = window.statusBar().currentMessage()
    giving_way = (window.status_state, window.status_change, window.status_speed)
    assert not any(label.isVisible() for label in giving_way)
    assert window.status_iteration.isVisible() and window.status_likelihood.isVisible()
    room = window.status_iteration.geometry().left()
    assert window.statusBar().fontMetrics().horizontalAdvance(message) < room
    window.statusBar().clearMessage()
    assert all(label.isVisible() for label in giving_way)
    x, _ = window.convergence.reseed_marks.getData()
    assert list(x) == [1.5]
    assert "re-seeded" in window.explain_panel.formulas.text() and "component 2" in window.explain_panel.formulas.text()
    assert not messages


def test_a_reseeding_inside_a_fast_run_is_reported(qtbot, app, messages, tmp_path):
    window, controller = app
    path = tmp_path / "far.json"
    save_model(path, far_start(), ("x0", "x1"))
    assert controller.open_path(str(path))
    wait_for_state(qtbot, controller, RunState.PAUSED)
    with qtbot.waitSignal(controller.run_ended, timeout=TIMEOUT_MS):
        window.run_pause_action.trigger()
    qtbot.waitUntil(controller.is_settled, timeout=TIMEOUT_MS)
    assert "Component 2 collapsed and was re-seeded at iteration 1" in window.statusBar().currentMessage()
    x, _ = window.convergence.reseed_marks.getData()
    assert 1.5 in list(x)
    assert not messages
