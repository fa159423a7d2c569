"""Many components: K up to ``MAX_COMPONENTS`` (100), with a legend and an Explain panel that stay usable.

The palette gives every component its own colour for any K (``engine.palette``); the legend and the Explain
panel scroll, so a large K never makes the window taller than the screen. A model of more components than
the window shows is refused with a dialog that says the limit, and what was shown stays.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import test_gui_window
from test_gui_window import TIMEOUT_MS, on_screen, wait_for_state

from engine.config import InitMethod
from engine.em import HalfStep
from engine.io.model_json import save_model
from engine.params import MixtureParams
from gui.main.controller import RunState
from gui.panels.model import MAX_COMPONENTS, ModelPanel

app = test_gui_window.app


def ring_model(path, n_components: int) -> MixtureParams:
    """``n_components`` round components on a circle of radius 8 around the demo data, saved to ``path``."""
    angles = np.linspace(0.0, 2.0 * np.pi, n_components, endpoint=False)
    means = 5.0 + 8.0 * np.column_stack([np.cos(angles), np.sin(angles)])
    params = MixtureParams.from_covariances(np.full(n_components, 1.0 / n_components), means,
                                            np.full(n_components, 0.5), "spherical")
    save_model(path, params, ("x0", "x1"))
    return params


def test_the_limit_is_at_least_fifty_and_said_where_the_user_meets_it(qtbot):
    assert MAX_COMPONENTS >= 50
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"Model (K up to {MAX_COMPONENTS}," in readme
    panel = ModelPanel()
    qtbot.addWidget(panel)
    assert panel.n_components.maximum() == MAX_COMPONENTS
    assert f"at most {MAX_COMPONENTS}" in panel.n_components.toolTip()


@pytest.mark.parametrize("n_components", [25, 50, MAX_COMPONENTS])
def test_a_model_of_many_components_is_loaded_and_stepped(qtbot, app, messages, tmp_path, n_components):
    window, controller = app
    smallest = window.minimumSizeHint()
    path = tmp_path / f"k{n_components}.json"
    params = ring_model(path, n_components)
    assert controller.open_path(str(path))
    wait_for_state(qtbot, controller, RunState.PAUSED)
    assert not messages
    assert window.model_panel.n_components.value() == n_components
    assert controller.config.n_components == n_components and controller.config.init is InitMethod.GIVEN
    np.testing.assert_allclose(controller.shown.snapshot.params.means, params.means)
    window.step_action.trigger()
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.M, 1), timeout=TIMEOUT_MS)

    # Every component has its own colour, its legend row and its frozen check box.
    legend = window.canvas.legend
    assert len(legend.texts()) == n_components and legend.texts()[-1].startswith(f"{n_components - 1}   w = ")
    colours = {swatch.styleSheet() for swatch in legend.swatches()}
    assert len(colours) == n_components
    assert window.model_panel.frozen.count() == n_components
    assert window.canvas.mean_scatter.getData()[0].size == n_components
    # The Explain panel lists every component and can spell out the last one's mean.
    window.explain_panel.component.setValue(n_components - 1)
    assert window.explain_panel.component.value() == n_components - 1
    assert window.explain_panel.formulas.text().count("<tr>") == n_components + 1
    # Neither makes the window larger: both scroll.
    assert window.minimumSizeHint().height() <= smallest.height()
    assert legend.minimumSizeHint().height() <= smallest.height()
    assert window.explain_dock.minimumSizeHint().height() <= smallest.height()


def test_a_model_of_more_components_than_the_window_shows_gives_a_dialog(qtbot, app, messages, tmp_path):
    window, controller = app
    before = controller.dataset, controller.shown, controller.config
    path = tmp_path / "too_many.json"
    ring_model(path, MAX_COMPONENTS + 1)
    assert not controller.open_path(str(path))
    assert len(messages) == 1 and messages[0][0] == "Cannot show the model"
    assert str(MAX_COMPONENTS) in messages[0][1] and str(MAX_COMPONENTS + 1) in messages[0][1]
    assert (controller.dataset, controller.shown, controller.config) == before
    assert window.model_panel.n_components.value() == before[2].n_components
