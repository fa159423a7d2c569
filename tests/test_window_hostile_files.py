"""Files the window cannot use, opened every way it opens files: always one dialog, and what was shown stays.

Whatever goes wrong while a file is read (our ``InputError``, or any other exception: a bug, a recursion
limit, an operating-system error), the window says so in a dialog, names the exception's type when it is
not one of ours, and keeps the data and the fit on screen. Opening at start-up (``create_window(..., path)``,
what ``python main.py FILE`` does) follows the same rule.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog
from test_gui_window import TIMEOUT_MS, wait_for_state

import main
from engine.errors import InputError
from gui.app import create_window
from gui.main import sources
from gui.main.controller import RunState
from gui.settings import Settings

#: A file name longer than any file system allows for one path component (255 bytes).
LONG_NAME = "a" * 300


def deep_model(path, depth: int) -> None:
    """A model document whose means are a list nested ``depth`` deep."""
    document = {"format": "gmm-explorer.model", "version": 1, "covariance_type": "full", "n_components": 1,
                "n_features": 2, "feature_names": ["x", "y"], "weights": [1.0], "means": "MEANS",
                "covariances": [[[1.0, 0.0], [0.0, 1.0]]]}
    path.write_text(json.dumps(document).replace('"MEANS"', "[" * depth + "]" * depth))


def unchanged(controller, before) -> bool:
    dataset, shown = before
    return controller.dataset is dataset and controller.shown is shown


@pytest.mark.parametrize("error", [RecursionError("maximum recursion depth exceeded"), MemoryError(),
                                   RuntimeError("a bug"), OSError(36, "File name too long"), ValueError("odd"),
                                   InputError("cannot load the model file m.json: it is damaged.")],
                         ids=lambda error: type(error).__name__)
def test_any_failure_of_reading_a_model_gives_a_dialog_and_keeps_the_data(unchanged_app, messages, monkeypatch,
                                                                           tmp_path, error):
    window, controller = unchanged_app
    before = controller.dataset, controller.shown

    def fail(path):
        raise error

    monkeypatch.setattr(sources, "load_model", fail)
    window.file_dropped.emit(str(tmp_path / "m.json"))
    assert len(messages) == 1
    title, text = messages[0]
    assert title == "Cannot open the model"
    assert text == str(error) if isinstance(error, InputError) else text.startswith(type(error).__name__)
    assert unchanged(controller, before)


@pytest.mark.parametrize("depth", [600, 100_000])
def test_a_deeply_nested_model_gives_a_dialog(unchanged_app, messages, tmp_path, depth):
    window, controller = unchanged_app
    before = controller.dataset, controller.shown
    path = tmp_path / "deep.json"
    deep_model(path, depth)
    window.recent_requested.emit(str(path))
    assert len(messages) == 1 and messages[0][0] == "Cannot open the model"
    assert unchanged(controller, before)


@pytest.mark.parametrize("suffix", [".csv", ".npy", ".json", ".png", ""])
def test_a_name_too_long_for_the_file_system_gives_a_dialog(qtbot, unchanged_app, messages, monkeypatch, tmp_path,
                                                             suffix):
    window, controller = unchanged_app
    before = controller.dataset, controller.shown
    path = str(tmp_path / (LONG_NAME + suffix))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (path, "")))
    if suffix in (".csv", ".npy", ""):
        with qtbot.waitSignal(controller.io_finished, timeout=TIMEOUT_MS):  # data loads in a job
            window.open_data_action.trigger()
    elif suffix == ".png":
        window.open_data_action.trigger()
        qtbot.waitUntil(lambda: len(messages) == 1, timeout=TIMEOUT_MS)  # Image mode decodes in a job
    else:
        window.open_data_action.trigger()
    assert len(messages) == 1, messages
    assert messages[0][0].startswith("Cannot open") and messages[0][1].strip()
    assert unchanged(controller, before)
    assert path not in controller.settings.recent_files()


def test_the_command_line_takes_a_name_too_long_for_the_file_system_as_a_file_for_the_window(tmp_path):
    assert not main._wants_command_line([str(tmp_path / (LONG_NAME + ".csv"))])
    assert not main._wants_command_line([LONG_NAME + ".json"])


def test_a_model_at_start_up_that_cannot_be_read_gives_a_dialog_over_the_demo(qtbot, tmp_path, messages):
    """What ``python main.py deep.json`` does: the window opens on the demo, and a dialog says why not the file."""
    path = tmp_path / "deep.json"
    deep_model(path, 600)
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window, controller = create_window(settings, str(path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: len(messages) == 1, timeout=TIMEOUT_MS)
    wait_for_state(qtbot, controller, RunState.PAUSED)
    assert messages[0][0] == "Cannot open the model"
    assert controller.dataset.source == "preset:three-blobs"
    window.close()
    qtbot.waitUntil(lambda: controller.runner.running_jobs == 0, timeout=TIMEOUT_MS)


@pytest.mark.parametrize("suffix", [".csv", ".png"])
def test_a_bug_while_starting_to_open_a_file_gives_a_dialog_naming_it(unchanged_app, messages, monkeypatch, tmp_path,
                                                                       suffix):
    """The controller's ``open_path`` is the boundary of every way a file opens: even a failure before any job
    starts (here, a bug in starting it) is a dialog."""
    window, controller = unchanged_app
    before = controller.dataset, controller.shown

    def bug(path):
        raise RuntimeError("a bug in starting the job")

    monkeypatch.setattr(controller.sources, "open_data", bug)
    monkeypatch.setattr(controller.image_mode(), "open_path", bug)
    window.file_dropped.emit(str(tmp_path / ("points" + suffix)))
    assert messages == [("Cannot open the file", "RuntimeError: a bug in starting the job")]
    assert unchanged(controller, before)


def test_a_large_model_file_is_read_in_a_job_and_a_large_broken_one_gives_a_dialog(qtbot, unchanged_app, messages,
                                                                                 tmp_path):
    """A 30 MB model froze the window for 6 s, a 29 MB JSON list for 3 s before its dialog: files from
    ``MODEL_IN_JOB_FROM`` bytes are read in a job, as data files are; small ones still at once."""
    import numpy as np

    from engine.io.model_json import save_model
    from engine.params import MixtureParams

    window, controller = unchanged_app
    before = controller.dataset, controller.shown
    listed = tmp_path / "export.json"
    listed.write_text(json.dumps([[i * 0.5, i * 0.25] for i in range(60_000)]))
    assert listed.stat().st_size >= sources.MODEL_IN_JOB_FROM
    with qtbot.waitSignal(controller.io_finished, timeout=TIMEOUT_MS):
        assert controller.open_path(str(listed))
        assert not messages  # read in the job: the dialog comes after
    assert len(messages) == 1 and messages[0][0] == "Cannot open the model"
    assert unchanged(controller, before)

    params = MixtureParams.from_covariances([0.5, 0.5], [[0.0, 0.0], [5.0, 5.0]], [np.eye(2), np.eye(2)], "full")
    model = tmp_path / "large.json"
    save_model(model, params, ("x0", "x1"))
    document = json.loads(model.read_text())
    document["notes"] = "x" * sources.MODEL_IN_JOB_FROM  # another key, kept by readers that do not know it
    model.write_text(json.dumps(document))
    received = []
    controller.sources.model_ready.connect(lambda loaded, path: received.append(loaded))
    with qtbot.waitSignal(controller.io_finished, timeout=TIMEOUT_MS):
        assert controller.open_path(str(model))
        assert not received
    assert len(received) == 1 and len(messages) == 1
    np.testing.assert_array_equal(received[0].params.means, params.means)
