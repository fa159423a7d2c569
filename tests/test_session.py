"""The main window's session (``gui.main.session``) without Qt: data, models, runs and frames to draw.

This module imports no PySide6; ``test_importing_the_session_loads_no_qt`` checks in a fresh interpreter
that the session does not either.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from engine.config import FitConfig
from engine.em import HalfStep, iterate_em
from engine.io.model_json import LoadedModel
from engine.io.tables import Dataset
from engine.params import MixtureParams
from gui.main.fit_worker import FitProgress
from gui.main.session import VIEW_MAX_POINTS, RunState, Session

ROOT = Path(__file__).resolve().parent.parent


def _dataset(n_samples: int = 200, n_features: int = 2, seed: int = 0, labels: bool = False) -> Dataset:
    rng = np.random.default_rng(seed)
    X = np.concatenate([rng.normal(0.0, 1.0, (n_samples // 2, n_features)),
                        rng.normal(5.0, 1.0, (n_samples - n_samples // 2, n_features))])
    names = tuple(f"f{j}" for j in range(n_features))
    return Dataset(X, names, labels=np.repeat([0, 1], [n_samples // 2, n_samples - n_samples // 2]) if labels else None)


def _progress(dataset: Dataset, config: FitConfig | None = None) -> list[FitProgress]:
    config = config or FitConfig(2, seed=0, max_iter=3, tol=0.0)
    return [FitProgress(snapshot, 1.0) for snapshot in iterate_em(dataset.X, config)]


def _model(n_features: int) -> LoadedModel:
    params = MixtureParams.from_covariances([0.5, 0.5], np.zeros((2, n_features)) + [[0.0], [1.0]],
                                            np.stack([np.eye(n_features)] * 2), "full")
    return LoadedModel(params, tuple(f"m{j}" for j in range(n_features)), None, {})


def test_importing_the_session_loads_no_qt():
    child = ("import json, sys; import gui.main.session; "
             "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', "
             "'pyqtgraph'))))")
    proc = subprocess.run([sys.executable, "-c", child], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []


@pytest.mark.parametrize("n_samples", [500, 3 * VIEW_MAX_POINTS])
def test_view_rows_are_all_rows_or_a_fixed_sorted_subset(n_samples):
    session = Session()
    session.set_dataset(_dataset(n_samples))
    rows = session.view_indices
    if n_samples <= VIEW_MAX_POINTS:
        np.testing.assert_array_equal(rows, np.arange(n_samples))
        assert session.view_rows() is None
    else:
        assert len(rows) == VIEW_MAX_POINTS and np.all(np.diff(rows) > 0) and rows[-1] < n_samples
        again = Session()
        again.set_dataset(_dataset(n_samples, seed=1))
        np.testing.assert_array_equal(again.view_indices, rows)  # the same rows for any data of that size
        assert session.view_rows() is rows


def test_new_data_drops_what_no_longer_fits_it():
    session = Session()
    session.set_dataset(_dataset())
    session.model = _model(2)
    session.hand_params = _model(2).params
    progress = _progress(session.dataset)
    session.begin_run(7, FitConfig(2))
    assert session.receive(7, progress[0])
    session.shown = progress[0]
    session.set_dataset(_dataset(seed=3))
    assert session.model is not None  # same number of features: the model can still start EM
    assert session.hand_params is None and session.latest is None and session.shown is None
    session.set_dataset(_dataset(n_features=3))
    assert session.model is None


def test_given_params_prefer_components_placed_by_hand():
    session = Session()
    assert session.given_params() is None
    session.model = _model(2)
    assert session.given_params() is session.model.params
    session.hand_params = _model(2).params
    assert session.given_params() is session.hand_params


def test_snapshots_of_other_runs_are_ignored_and_each_start_keeps_its_newest():
    dataset = _dataset()
    progress = _progress(dataset, FitConfig(2, seed=0, n_init=2, max_iter=2, tol=0.0, init="random"))
    session = Session()
    session.set_dataset(dataset)
    session.begin_run(3, FitConfig(2, n_init=2))
    assert not session.receive(2, progress[0])  # a late snapshot of an older run
    assert session.latest is None
    for item in progress:
        assert session.receive(3, item)
    assert session.latest is progress[-1] and session.fit_has_ended()
    last_of_start = {item.snapshot.start: item for item in progress}
    assert session.start_snapshots == last_of_start
    session.forget_run(4)
    assert not session.receive(3, progress[0]) and session.latest is None and not session.fit_has_ended()


def test_hovered_points_follow_the_components_placed_by_hand_until_the_next_snapshot():
    session = Session()
    session.set_dataset(_dataset())
    progress = _progress(session.dataset)
    session.shown = progress[0]
    assert session.hover_params() is progress[0].snapshot.params
    session.hand_params = _model(2).params
    assert session.hover_params() is session.hand_params
    session.begin_run(1, FitConfig(2))
    session.receive(1, progress[1])
    assert session.hover_params() is progress[0].snapshot.params


def test_two_dimensional_frames_draw_the_snapshots_own_parameters():
    session = Session()
    session.set_dataset(_dataset())
    session.choose_projection("pca", 0, 1)  # 2-D data is shown as it is, whatever the choice
    assert session.projection.is_identity
    progress = _progress(session.dataset)
    frame = session.frame(progress[1])
    assert frame.plane is progress[1].snapshot.params  # its Cholesky factors are used, nothing is refactorised
    assert frame.editable and frame.n_samples == 200 and frame.trail is None


def test_an_m_step_after_its_e_step_on_screen_has_a_trail_from_the_old_means():
    session = Session()
    session.set_dataset(_dataset())
    session.choose_projection("features", 0, 1)
    progress = _progress(session.dataset)
    e_step, m_step = progress[1], progress[2]
    assert (e_step.snapshot.half_step, m_step.snapshot.half_step) == (HalfStep.E, HalfStep.M)
    session.shown = e_step
    old_means, old_covariances = session.frame(m_step).trail
    np.testing.assert_array_equal(old_means, e_step.snapshot.params.means)
    np.testing.assert_array_equal(old_covariances, e_step.snapshot.params.full_covariances())
    session.shown = progress[0]  # the start on screen, not the E-step: no trail
    assert session.frame(m_step).trail is None
    session.shown = m_step  # the M-step itself drawn again (the view refitted, say): no trail
    assert session.frame(m_step).trail is None


def test_frames_of_more_features_show_the_projected_mixture():
    dataset = _dataset(n_features=4)
    session = Session()
    session.set_dataset(dataset)
    projection = session.choose_projection("features", 2, 0)
    params = _progress(dataset)[2].snapshot.params
    plane = session.frame(FitProgress(_progress(dataset)[2].snapshot, 1.0)).plane
    np.testing.assert_array_equal(plane.means, params.means[:, [2, 0]])
    np.testing.assert_allclose(plane.full_covariances(), params.full_covariances()[:, [2, 0]][:, :, [2, 0]],
                               rtol=1e-12)
    assert not projection.is_identity
    assert not session.frame(_progress(dataset)[0]).editable


def test_one_dimensional_frames_and_frames_that_do_not_fit_the_data():
    session = Session()
    session.set_dataset(_dataset(n_features=1))
    assert session.choose_projection("pca", 0, 1) is None
    progress = _progress(session.dataset)
    assert session.frame(progress[1]).plane is progress[1].snapshot.params
    session.set_dataset(_dataset(n_features=2))
    assert session.frame(progress[1]) is None  # a 1-D snapshot on 2-D data: nothing to draw
    session.clear_dataset()
    assert session.frame(progress[1]) is None and session.dataset is None


def test_painting_edits_the_points_of_two_dimensional_data_only():
    session = Session()
    points, labels = session.painted()
    assert points.shape == (0, 2) and labels.shape == (0,)
    session.set_dataset(_dataset(labels=True))
    points, labels = session.painted()
    np.testing.assert_array_equal(points, session.dataset.X)
    np.testing.assert_array_equal(labels, session.dataset.labels)
    assert not points.flags.writeable and not labels.flags.writeable  # strokes make new arrays, never edit these
    session.set_dataset(_dataset())
    assert not session.painted()[1].any()  # no true classes: all class 0
    session.set_dataset(_dataset(n_features=3))
    assert len(session.painted()[0]) == 0
    assert session.state is RunState.IDLE
