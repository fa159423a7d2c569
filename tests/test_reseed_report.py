"""A collapsed component is re-seeded (our choice; scikit-learn keeps it), and the fit says so.

Issue 10 item 20: ``FitResult`` and the snapshots carry every re-seed as ``(component, iteration)``, and
``gmm-explorer fit`` names them on the iteration line and in its summary.
"""

from __future__ import annotations

import numpy as np
from factories import BACKENDS

import main
from engine.config import FitConfig, InitMethod
from engine.covariance import CovarianceType
from engine.em import HalfStep, ReseedEvent, fit, iterate_em
from engine.io.model_json import save_model
from engine.params import MixtureParams


def _three_clusters() -> np.ndarray:
    rng = np.random.default_rng(0)
    centres = np.array([[0.0, 0.0], [6.0, 0.0], [0.0, 6.0]])
    return np.concatenate([rng.normal(size=(60, 2)) + centre for centre in centres])


def _far_start() -> MixtureParams:
    """Component 2 sits a million away from every sample: its responsibilities sum to 0 in the first E-step."""
    return MixtureParams.from_covariances([0.4, 0.4, 0.2], [[0.0, 0.0], [6.0, 0.0], [1e6, 1e6]], np.ones((3, 2)),
                                          CovarianceType.DIAG)


def _config(max_iter: int = 6) -> FitConfig:
    return FitConfig(3, CovarianceType.DIAG, tol=0.0, max_iter=max_iter, init=InitMethod.GIVEN,
                     init_params=_far_start())


@BACKENDS
def test_the_fit_result_lists_each_reseed_with_its_iteration(backend_class):
    X = _three_clusters()
    result = fit(X, _config(), backend=backend_class(X))
    assert result.reseed_events == (ReseedEvent(component=2, iteration=1),)


def test_snapshots_carry_the_reseeds_so_far():
    X = _three_clusters()
    snapshots = list(iterate_em(X, _config()))
    m_steps = [snapshot for snapshot in snapshots if snapshot.half_step is HalfStep.M]
    assert m_steps[0].reseeded == (2,)
    assert all(snapshot.reseed_events == (ReseedEvent(2, 1),) for snapshot in m_steps)
    assert snapshots[0].reseed_events == ()


def test_a_healthy_fit_has_no_reseed_events():
    X = _three_clusters()
    assert fit(X, FitConfig(3, seed=0)).reseed_events == ()


def test_the_command_line_names_the_reseeded_component_and_iteration(tmp_path, capsys):
    X = _three_clusters()
    data, start, out = tmp_path / "data.npy", tmp_path / "start.json", tmp_path / "model.json"
    np.save(data, X)
    save_model(start, _far_start())
    status = main.main(["fit", str(data), "--init-model", str(start), "--tol", "0", "--max-iter", "4",
                        "--out", str(out)])
    lines = capsys.readouterr().out.splitlines()
    assert status == 0
    iteration_lines = [line for line in lines if line.startswith("iteration")]
    assert iteration_lines[0].endswith("re-seeded component 2"), iteration_lines[0]
    assert not any("re-seeded" in line for line in iteration_lines[1:])
    assert "collapsed and re-seeded: component 2 at iteration 1" in lines
