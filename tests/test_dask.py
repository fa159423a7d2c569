"""EM on a Dask cluster (``engine.backends.cluster``): one task per block, the M-step on the client, the same
fit as in memory. One in-process ``LocalCluster`` of two workers serves the whole module."""

from __future__ import annotations

import dask.array as da
import numpy as np
import pytest
from dask.distributed import Client, LocalCluster

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
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as dask_client:
        yield dask_client


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
    distributed = fit(da.from_array(X, chunks=((500, 400, 300), (2, 1))), config)
    _assert_same_fit(distributed, fit(X, config))


def test_same_start_on_data_larger_than_the_sample(client):
    X = _data(3000)
    start = fit(X, FitConfig(n_components=3, max_iter=1, seed=1)).params
    config = FitConfig(n_components=3, tol=0.0, max_iter=5, init=InitMethod.GIVEN, init_params=start)
    runner = DaskRunner(da.from_array(X, chunks=(700, 3)), client)
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


def test_a_dask_array_with_sample_weights_is_refused_not_fitted_unweighted():
    X = _data(300)
    with pytest.raises(InputError, match="takes no sample_weight"):
        fit(da.from_array(X, chunks=(100, 3)), FitConfig(n_components=2, seed=0), sample_weight=np.ones(len(X)))
