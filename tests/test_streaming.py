"""Files larger than memory: the streamed backend (``engine.backends.streamed``) over ``.npy`` memory maps and
Parquet (``engine.io.streams``), and the ``fit``, ``score`` and ``predict`` commands on them."""

from __future__ import annotations

import io
import json
import sys

import numpy as np
import pytest
from factories import write_parquet

import main
from engine.backends.streamed import SourceRunner, StreamedBackend
from engine.config import FitConfig, InitMethod
from engine.covariance import CovarianceType
from engine.em import fit
from engine.errors import InputError
from engine.io.model_json import load_model
from engine.io.streams import ArrayRows, open_rows
from engine.model import predict_proba, score
from engine.params import MixtureParams
from engine.progress import row_progress


def _data(n_rows: int = 1500) -> np.ndarray:
    rng = np.random.default_rng(3)
    third = n_rows // 3
    return np.concatenate([rng.normal(size=(third, 3)) * [1.0, 2.0, 0.5] + 1e3,
                           rng.normal(size=(third, 3)) * 0.3 + [1e3 + 4, 1e3, 1e3 - 2],
                           rng.normal(size=(n_rows - 2 * third, 3)) + [1e3, 1e3 + 5, 1e3]])


class _CountingRows(ArrayRows):
    """An ``ArrayRows`` that remembers the largest block it handed out and how many passes were read."""

    largest = 0
    passes = 0

    def blocks(self, block_rows):
        self.passes += 1
        for block in super().blocks(block_rows):
            self.largest = max(self.largest, len(block))
            yield block


@pytest.mark.parametrize("covariance_type", list(CovarianceType))
def test_streamed_fit_is_the_in_memory_fit(covariance_type):
    X = _data()
    config = FitConfig(n_components=3, covariance_type=covariance_type, tol=0.0, max_iter=8, seed=5)
    rows = _CountingRows(X)
    streamed = fit(X, config, backend=StreamedBackend(SourceRunner(rows, block_rows=400)))
    in_memory = fit(X, config)
    np.testing.assert_allclose(streamed.params.weights, in_memory.params.weights, rtol=0, atol=1e-10)
    np.testing.assert_allclose(streamed.params.means, in_memory.params.means, rtol=1e-12, atol=1e-10)
    np.testing.assert_allclose(streamed.params.covariances, in_memory.params.covariances, rtol=1e-9, atol=1e-10)
    assert streamed.mean_log_likelihood == pytest.approx(in_memory.mean_log_likelihood, rel=1e-12)
    assert rows.largest == 400  # never more than a block of rows at a time
    # one pass to check, one to start, one per E-step, one to score (more only if a component turned fragile)
    assert rows.passes >= 1 + 1 + config.max_iter + 1


def test_sample_caps_the_rows_kept_in_memory():
    X = _data(3000)
    backend = StreamedBackend(SourceRunner(ArrayRows(X), block_rows=500), sample_rows=700)
    assert len(backend.X) <= 700
    np.testing.assert_array_equal(backend.X, X[::5])
    result = fit(X, FitConfig(n_components=3, max_iter=30, seed=2), backend=backend)
    assert result.n_samples == 3000
    assert result.mean_log_likelihood == pytest.approx(score(result.params, X), rel=1e-12)


def test_parquet_folder_streams_the_named_columns(tmp_path):
    X = _data(900)
    folder = tmp_path / "parts"
    folder.mkdir()
    for index in range(3):
        part = X[index * 300:(index + 1) * 300]
        write_parquet(folder / f"part{index}.parquet", {"name": ["x"] * 300, "c": part[:, 2], "a": part[:, 0],
                                                        "b": part[:, 1]}, row_group_size=128)
    rows = open_rows(folder, ["a", "b", "c"])
    assert (rows.n_samples, rows.feature_names) == (900, ("a", "b", "c"))
    blocks = list(rows.blocks(250))
    assert [len(block) for block in blocks] == [250, 250, 250, 150]
    np.testing.assert_array_equal(np.concatenate(blocks), X)
    np.testing.assert_array_equal(rows.sample(100), X[::9])
    with pytest.raises(InputError, match="'name'.*not numbers"):
        open_rows(folder)


def test_a_parquet_label_column_is_not_a_feature_unless_chosen(tmp_path):
    """As in every data file, a column named ``label`` holds true labels (what our exports write)."""
    path = tmp_path / "labelled.parquet"
    write_parquet(path, {"x0": np.arange(5.0), "label": np.arange(5), "x1": np.ones(5)})
    assert open_rows(path).feature_names == ("x0", "x1")
    assert open_rows(path, ["x0", "label"]).feature_names == ("x0", "label")


def test_nan_in_a_streamed_file_is_refused_naming_its_column(tmp_path):
    X = _data(600)
    X[451, 1] = np.nan  # outside the sample of every 2nd row: only the pass over every row finds it
    path = tmp_path / "holes.npy"
    np.save(path, X)
    backend = StreamedBackend(SourceRunner(open_rows(path), block_rows=256), sample_rows=300)
    with pytest.raises(InputError, match=r"feature 'x1' \(column 1\) holds NaN or infinite values \(1 of them\)"):
        fit(backend.X, FitConfig(n_components=2, seed=0), backend=backend, feature_names=["x0", "x1", "x2"])


def _main(argv, capsys):
    status = main.main([str(a) for a in argv])
    return status, capsys.readouterr()


def test_cli_streams_npy_and_parquet_like_the_in_memory_commands(tmp_path, capsys):
    X = _data(1200)
    npy = tmp_path / "data.npy"
    np.save(npy, X)
    parquet = tmp_path / "data.parquet"
    write_parquet(parquet, {"a": X[:, 0], "b": X[:, 1], "c": X[:, 2]}, row_group_size=500)
    common = ["--k", "3", "--seed", "4", "--quiet"]
    assert _main(["fit", npy, *common, "--out", tmp_path / "memory.json"], capsys)[0] == 0
    assert _main(["fit", npy, "--stream", *common, "--out", tmp_path / "npy.json"], capsys)[0] == 0
    assert _main(["fit", parquet, "--columns", "a,b,c", *common, "--out", tmp_path / "pq.json"], capsys)[0] == 0
    memory = load_model(tmp_path / "memory.json").params
    for name in ("npy.json", "pq.json"):
        np.testing.assert_allclose(load_model(tmp_path / name).params.means, memory.means, rtol=1e-12)
    status, captured = _main(["score", tmp_path / "memory.json", parquet, "--json"], capsys)
    assert status == 0
    assert json.loads(captured.out)["mean_log_likelihood"] == pytest.approx(score(memory, X), rel=1e-12)
    out = tmp_path / "labels.csv"
    out.write_text("old\n")
    assert _main(["predict", tmp_path / "memory.json", npy, "--stream", "--proba", "--out", out], capsys)[0] == 0
    table = np.loadtxt(out, delimiter=",", skiprows=1)
    assert out.read_text().splitlines()[0] == "label,p0,p1,p2"
    np.testing.assert_allclose(table[:, 1:], predict_proba(memory, X), rtol=1e-11, atol=1e-15)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["data.npy", "data.parquet", "memory.json", "npy.json", "pq.json", "labels.csv"])  # no temp file left


def test_predict_failing_midway_leaves_the_old_file(tmp_path, capsys, monkeypatch):
    np.save(tmp_path / "data.npy", _data(900))
    model = tmp_path / "m.json"
    assert _main(["fit", tmp_path / "data.npy", "--k", "2", "--seed", "1", "--quiet", "--out", model], capsys)[0] == 0
    out = tmp_path / "labels.csv"
    out.write_text("old\n")

    def disk_full(labels, resp):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("engine.cli.streaming._csv_block", disk_full)  # after the header, at the first block
    status, captured = _main(["predict", model, tmp_path / "data.npy", "--stream", "--out", out], capsys)
    assert status == 2 and "No space left on device" in captured.err
    assert out.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.npy", "labels.csv", "m.json"]  # no temp file


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_when_asked(monkeypatch):
    for stream, enabled, shown in ((_Terminal(), True, True), (io.StringIO(), True, False),
                                   (_Terminal(), False, False)):
        monkeypatch.setattr(sys, "stderr", stream)
        monkeypatch.setattr("engine.progress.SHOW_AFTER_SECONDS", 0.0)
        with row_progress(1000, "E-step", enabled) as bar:
            bar.update(1000)
        assert ("E-step" in stream.getvalue()) is shown


def test_select_streams_a_file_with_the_in_memory_criteria(tmp_path, capsys):
    X = _data(900)
    np.save(tmp_path / "data.npy", X)
    common = ["--k", "1-2", "--covariance", "full,diag", "--n-init", "1", "--folds", "2", "--seed", "0",
              "--quiet", "--jobs", "1", "--json"]
    status, memory = _main(["select", tmp_path / "data.npy", *common], capsys)
    assert status == 0
    status, streamed = _main(["select", tmp_path / "data.npy", "--stream", *common], capsys)
    assert status == 0
    memory_cells, streamed_cells = json.loads(memory.out)["cells"], json.loads(streamed.out)["cells"]
    assert len(streamed_cells) == 4
    for ours, theirs in zip(streamed_cells, memory_cells, strict=True):
        for key in ("log_likelihood", "bic", "aic", "icl"):
            assert ours[key] == pytest.approx(theirs[key], rel=1e-9), key
        # the folds are drawn block by block, not as in memory: held-out values close, not equal
        assert ours["cv_log_likelihood"] == pytest.approx(theirs["cv_log_likelihood"], rel=0.05)
    assert json.loads(streamed.out)["n_samples"] == 900


def test_fit_shows_a_bar_on_a_terminal_unless_quiet(tmp_path, monkeypatch):
    np.save(tmp_path / "data.npy", _data(600))
    monkeypatch.setattr("engine.progress.SHOW_AFTER_SECONDS", 0.0)  # every pass counts as a long one
    for quiet, shown in (([], True), (["--quiet"], False)):
        terminal = _Terminal()
        monkeypatch.setattr(sys, "stderr", terminal)
        argv = ["fit", tmp_path / "data.npy", "--stream", "--k", "2", "--seed", "0", "--json", *quiet,
                "--out", tmp_path / "m.json"]
        assert main.main([str(a) for a in argv]) == 0
        assert ("E-step" in terminal.getvalue()) is shown


def test_streamed_selection_counts_every_row_not_the_sample():
    from engine.selection.grid import SelectionConfig
    from engine.selection.run import select

    X = _data(900)
    config = SelectionConfig(ks=(2,), covariance_types=(CovarianceType.DIAG,), n_init=1, seed=0, folds=2)
    streamed = select(X[::3], config, processes=1, rows=ArrayRows(X))  # X: only the grid's checks see it
    in_memory = select(X, config, processes=1)
    assert streamed.n_samples == 900
    (ours,), (theirs,) = streamed.cells, in_memory.cells
    assert ours.log_likelihood == pytest.approx(theirs.log_likelihood, rel=1e-10)
    assert ours.bic == pytest.approx(theirs.bic, rel=1e-10)


@pytest.mark.parametrize("covariance_type", list(CovarianceType))
def test_weighted_streamed_fit_is_the_in_memory_weighted_fit(covariance_type):
    """The source's last column weighs the rows; several blocks, every row in the sample: the same fit."""
    X = _data(1200)
    weights = np.random.default_rng(8).integers(0, 4, len(X)).astype(float)
    config = FitConfig(n_components=3, covariance_type=covariance_type, tol=0.0, max_iter=6, seed=5)
    backend = StreamedBackend(SourceRunner(ArrayRows(np.column_stack([X, weights])), block_rows=500), weights="w")
    streamed = fit(backend.X, config, backend=backend)
    in_memory = fit(X, config, sample_weight=weights)
    for name in ("weights", "means", "covariances"):
        np.testing.assert_allclose(getattr(streamed.params, name), getattr(in_memory.params, name), rtol=1e-9,
                                   atol=1e-10, err_msg=name)
    assert streamed.weight_sum == in_memory.weight_sum == weights.sum()
    assert streamed.mean_log_likelihood == pytest.approx(in_memory.mean_log_likelihood, rel=1e-12)
    np.testing.assert_allclose(streamed.history, in_memory.history, rtol=1e-12)  # each E-step's mean, per weight


def test_weighted_streamed_reseeding_from_a_sample_smaller_than_the_data():
    """A component far from every row collapses: it is re-seeded at the worst-explained row of positive weight
    over all the data (a pass), as in memory, though the sample holds only a fifth of the rows."""
    X = _data(1200)
    weights = np.random.default_rng(8).integers(0, 4, len(X)).astype(float)
    base = fit(X, FitConfig(n_components=3, max_iter=1, seed=1), sample_weight=weights).params
    means = np.array(base.means)
    means[2] = 1e5
    start = MixtureParams.from_covariances(base.weights, means, base.covariances, "full")
    config = FitConfig(n_components=3, tol=0.0, max_iter=5, init=InitMethod.GIVEN, init_params=start)
    backend = StreamedBackend(SourceRunner(ArrayRows(np.column_stack([X, weights])), block_rows=500),
                              sample_rows=240, weights="w")
    streamed, in_memory = fit(backend.X, config, backend=backend), fit(X, config, sample_weight=weights)
    assert len(backend.X) == 240 and streamed.reseed_events == in_memory.reseed_events != ()
    np.testing.assert_allclose(streamed.params.means, in_memory.params.means, rtol=1e-10, atol=1e-10)
    assert streamed.weight_sum == weights.sum()
