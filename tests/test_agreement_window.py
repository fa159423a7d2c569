"""True labels in the window: a ``label`` column is not a feature, and the Agreement panel shows the fit
against the labels (pytest-qt, offscreen, through the real widgets)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog
from sklearn.metrics import adjusted_rand_score
from test_gui_window import TIMEOUT_MS, wait_for_state
from test_gui_window import open_and_wait as gui_window_open_and_wait

from engine.em import HalfStep
from engine.io.tables import load_data
from gui.main.agreement import AgreementPanel
from gui.main.controller import RunState


@pytest.fixture
def app(restored_app):
    """One window for the module's tests, taken back to the demo data at EM's start after each (``restored_app``)."""
    window, controller = restored_app
    return window, controller, controller.findChild(AgreementPanel)


def open_and_wait(qtbot, controller, path) -> None:
    """Open a data file, wait for its load, then for EM paused at its start on the new data."""
    gui_window_open_and_wait(qtbot, controller, path)
    wait_for_state(qtbot, controller, RunState.PAUSED)


def step_e(qtbot, window, controller) -> None:
    """Press E on the plot and wait for that E-step to be on screen."""
    qtbot.keyClick(window.current_view().plot_widget, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: controller.shown.snapshot.half_step is HalfStep.E
                    and controller.state is RunState.PAUSED, timeout=TIMEOUT_MS)


def labelled_file(path, labels_text=("1", "0")):
    rng = np.random.default_rng(5)
    X = np.vstack([rng.normal(0, 1, (30, 2)), rng.normal(6, 1, (30, 2))])
    labels = [labels_text[0]] * 30 + [labels_text[1]] * 30
    path.write_text("x0,x1,label\n" + "\n".join(f"{a!r},{b!r},{c}" for (a, b), c in zip(X.tolist(), labels,
                                                                                         strict=True)) + "\n")
    return path


def test_a_label_column_is_loaded_as_true_labels_and_the_panel_agrees_with_sklearn(qtbot, app, tmp_path):
    window, controller, panel = app
    path = labelled_file(tmp_path / "points.csv")
    open_and_wait(qtbot, controller, path)
    dataset = controller.dataset
    assert dataset.feature_names == ("x0", "x1") and dataset.n_features == 2
    np.testing.assert_array_equal(dataset.labels, [1] * 30 + [0] * 30)
    window.model_panel.n_components.setValue(2)
    qtbot.waitUntil(lambda: controller.config.n_components == 2, timeout=TIMEOUT_MS)
    wait_for_state(qtbot, controller, RunState.PAUSED)
    step_e(qtbot, window, controller)
    found = controller.shown.snapshot.labels
    assert panel.agreement is not None
    assert panel.agreement.ari == pytest.approx(adjusted_rand_score(dataset.labels, found), abs=1e-12)
    # The table on screen: a row per true label, each cell the count of that label on that component
    table = panel.table
    assert [table.verticalHeaderItem(i).text() for i in range(table.rowCount())] == ["label 0", "label 1"]
    for i, label in enumerate((0, 1)):
        for j, component in enumerate(panel.agreement.component_order):
            expected = np.count_nonzero((dataset.labels == label) & (found == component))
            assert int(table.item(i, j).text()) == expected
    assert panel.status_button.isVisible() and f"{panel.agreement.ari:.3f}" in panel.status_button.text()
    assert f"{panel.agreement.ari:.3f}" in panel.summary.text()
    panel.copy_button.click()
    assert QGuiApplication.clipboard().text() == panel.table_text()
    assert panel.table_text().splitlines()[1].startswith("0\t")
    qtbot.mouseClick(panel.status_button, Qt.MouseButton.LeftButton)
    assert panel.dock.isVisible()


def test_data_without_labels_hides_the_agreement(qtbot, app, tmp_path):
    window, controller, panel = app
    path = tmp_path / "plain.csv"
    path.write_text("u,v\n" + "\n".join(f"{i},{i % 7}" for i in range(40)) + "\n")
    open_and_wait(qtbot, controller, path)
    step_e(qtbot, window, controller)
    assert controller.dataset.labels is None
    assert panel.agreement is None and panel.table.rowCount() == 0
    assert not panel.status_button.isVisible() and "no true labels" in panel.summary.text()


def test_text_labels_show_by_name(qtbot, app, tmp_path):
    window, controller, panel = app
    open_and_wait(qtbot, controller, labelled_file(tmp_path / "iris.csv", ("virginica", "setosa")))
    assert controller.dataset.n_features == 2 and controller.dataset.label_names == ("setosa", "virginica")
    step_e(qtbot, window, controller)
    table = panel.table
    assert [table.verticalHeaderItem(i).text() for i in range(2)] == ["label setosa", "label virginica"]
    window.model_panel.n_components.setValue(1)  # more labels than components: one label stays unmatched
    qtbot.waitUntil(lambda: controller.config.n_components == 1, timeout=TIMEOUT_MS)
    wait_for_state(qtbot, controller, RunState.PAUSED)
    step_e(qtbot, window, controller)
    headers = [table.verticalHeaderItem(i).text() for i in range(2)]
    assert sorted(header.endswith("(none)") for header in headers) == [False, True]
    assert panel.agreement.ari == 0.0 and table.columnCount() == 1


@pytest.mark.parametrize("text_labels", [False, True])
def test_export_data_then_open_gives_the_same_features_and_labels(qtbot, app, tmp_path, monkeypatch, text_labels):
    window, controller, panel = app
    if text_labels:
        open_and_wait(qtbot, controller, labelled_file(tmp_path / "iris.csv", ("virginica", "setosa")))
    before = controller.dataset
    assert before.labels is not None  # the demo preset has its true labels
    path = tmp_path / "export.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(path), "")))
    with qtbot.waitSignal(controller.io_finished, timeout=TIMEOUT_MS):
        window.export_data_action.trigger()
    assert path.read_text().splitlines()[0] == ",".join(before.feature_names) + ",label"
    open_and_wait(qtbot, controller, path)
    after = controller.dataset
    assert after.source == str(path) and after.feature_names == before.feature_names
    np.testing.assert_array_equal(after.X, before.X)
    np.testing.assert_array_equal(after.labels, before.labels)
    assert after.label_names == before.label_names
    assert load_data(path).n_features == before.n_features
    step_e(qtbot, window, controller)
    assert panel.agreement is not None and panel.agreement.n_samples == before.n_samples
