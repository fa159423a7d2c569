"""EM on a Dask cluster (``engine.backends.cluster``): one task per block, the M-step on the client, the same
fit as in memory. One in-process ``LocalCluster`` of two workers serves the whole module.

Dask is imported by the tests that use it, not at the module's top: every pytest-xdist worker collects every
test module, and importing ``dask.array`` and ``dask.distributed`` costs about 0.7 s of CPU, which the workers
that run none of these tests paid for nothing."""

from __future__ import annotations

import numpy as np
import pytest

import main
from engine.backends.cluster import DaskRunner
from engine.backends.streamed import StreamedBackend
from engine.config import FitConfig, InitMethod
from engine.covariance import CovarianceType
from engine.em import fit
from engine.errors import InputError
from engine.io.model_json import load_model


@pytest.fixture(scope="module")
def client():
    from dask.distributed import Client, LocalCluster

    from engine.backends.cluster import QUIET_SCHEDULER

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None,
                      scheduler_kwargs=QUIET_SCHEDULER) as cluster, \
            Client(cluster) as dask_client:
        yield dask_client


def from_array(X: np.ndarray, chunks):
    """``dask.array.from_array(X, chunks=chunks)``."""
    import dask.array as da

    return da.from_array(X, chunks=chunks)


def _data(n_rows: int = 1200) -> np.ndarray:
    rng = np.random.default_rng(11)
    third = n_rows // 3
    return np.concatenate([rng.normal(size=(third, 3)) * [1.0, 2.0, 0.5],
                           rng.normal(size=(third, 3)) * 0.4 + [4.0, 0.0, -2.0],
                           rng.normal(size=(n_rows - 2 * third, 3)) + [0.0, 5.0, 0.0]])


def _assert_same_fit(got, expected):
    for name in ("weights", "means", "covariances"):
        np.testing.assert_allclose(getattr(got.params, name), getattr(expected.params, name), rtol=0, atol=1e-10,
                                   err_msg=name)
    assert got.mean_log_likelihood == pytest.approx(expected.mean_log_likelihood, rel=1e-12)
    assert got.n_samples == expected.n_samples


@pytest.mark.parametrize("covariance_type", list(CovarianceType))
def test_a_dask_array_fits_as_in_memory(client, covariance_type):
    X = _data()
    config = FitConfig(n_components=3, covariance_type=covariance_type, tol=0.0, max_iter=6, seed=7)
    # uneven blocks, columns split in two: the runner merges the columns, the sums do not care
    distributed = fit(from_array(X, chunks=((500, 400, 300), (2, 1))), config)
    _assert_same_fit(distributed, fit(X, config))


def test_same_start_on_data_larger_than_the_sample(client):
    X = _data(3000)
    start = fit(X, FitConfig(n_components=3, max_iter=1, seed=1)).params
    config = FitConfig(n_components=3, tol=0.0, max_iter=5, init=InitMethod.GIVEN, init_params=start)
    runner = DaskRunner(from_array(X, chunks=(700, 3)), client)
    backend = StreamedBackend(runner, sample_rows=500)  # a sample of 500 rows, the sums over all 3000
    assert len(backend.X) == 500 and backend.n_samples == 3000
    _assert_same_fit(fit(X, config, backend=backend), fit(X, config))


def test_fit_scheduler_option_connects_to_the_address(client, tmp_path, capsys):
    X = _data(600)
    np.save(tmp_path / "data.npy", X)
    common = ["--k", "2", "--seed", "3", "--quiet", "--covariance", "diag"]
    assert main.main(["fit", str(tmp_path / "data.npy"), *common,
                                                             "--scheduler", client.scheduler.address,
                                                             "--out", str(tmp_path / "cluster.json")]) == 0
    assert main.main(["fit", str(tmp_path / "data.npy"), *common, "--out", str(tmp_path / "memory.json")]) == 0
    capsys.readouterr()
    got, expected = load_model(tmp_path / "cluster.json"), load_model(tmp_path / "memory.json")
    np.testing.assert_allclose(got.params.means, expected.params.means, rtol=0, atol=1e-10)
    np.testing.assert_allclose(got.params.covariances, expected.params.covariances, rtol=0, atol=1e-10)


@pytest.mark.parametrize("covariance_type", [CovarianceType.FULL, CovarianceType.SPHERICAL])
def test_a_dask_array_with_sample_weights_fits_as_in_memory(client, covariance_type):
    X = _data(900)
    weights = np.random.default_rng(4).integers(0, 4, len(X)).astype(float)
    config = FitConfig(n_components=3, covariance_type=covariance_type, tol=0.0, max_iter=6, seed=7)
    distributed = fit(from_array(X, chunks=(400, 3)), config, sample_weight=weights)
    expected = fit(X, config, sample_weight=weights)
    _assert_same_fit(distributed, expected)
    assert distributed.weight_sum == expected.weight_sum == weights.sum()


def test_bad_sample_weights_on_a_cluster_are_refused_naming_the_row(client):
    X = _data(900)
    weights = np.ones(len(X))
    weights[500] = -1.0  # in the second block: the workers only count it, the client names it
    with pytest.raises(InputError, match=r"must not be negative: row 500 \(0-based\)"):
        fit(from_array(X, chunks=(400, 3)), FitConfig(n_components=2, seed=0), sample_weight=weights)


def test_fit_scheduler_with_weights_is_the_in_memory_weighted_fit(client, tmp_path, capsys):
    X = _data(600)
    weights = np.random.default_rng(5).integers(1, 4, len(X))
    data = tmp_path / "data.csv"
    data.write_text("a,b,c,w\n" + "".join(f"{a!r},{b!r},{c!r},{w}\n" for (a, b, c), w in zip(X.tolist(), weights,
                                                                                            strict=True)))
    common = ["--k", "2", "--seed", "3", "--quiet", "--weights", "w"]
    assert main.main(["fit", str(data), *common, "--scheduler", client.scheduler.address,
                      "--out", str(tmp_path / "cluster.json")]) == 0
    assert main.main(["fit", str(data), *common, "--out", str(tmp_path / "memory.json")]) == 0
    capsys.readouterr()
    got, expected = load_model(tmp_path / "cluster.json"), load_model(tmp_path / "memory.json")
    np.testing.assert_allclose(got.params.means, expected.params.means, rtol=0, atol=1e-10)
    np.testing.assert_allclose(got.params.covariances, expected.params.covariances, rtol=0, atol=1e-10)


def test_a_second_local_cluster_starts_beside_the_first_without_a_word(client, recwarn):
    """Two ``--scheduler local:N`` fits at once (or two test processes): the second scheduler's HTTP routes
    take another free port, with no "Port 8787 is already in use" warning (the settings ``connect`` uses)."""
    from dask.distributed import LocalCluster

    from engine.backends.cluster import QUIET_SCHEDULER

    assert client.status == "running"
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None,
                      scheduler_kwargs=QUIET_SCHEDULER) as second:
        assert second.scheduler.http_server is not None
    assert [str(warning.message) for warning in recwarn] == []
