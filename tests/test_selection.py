"""engine.selection: the criteria against scikit-learn and direct formulas, known answers, degenerate cells,
independence from order and parallelism, stopping, the grid's checks and the bootstrap LRT."""

from __future__ import annotations

import multiprocessing

import numpy as np
import pytest
from factories import sklearn_model

from engine.covariance import CovarianceType
from engine.errors import InputError
from engine.model import predict_proba
from engine.presets import generate
from engine.selection.cells import cell_seed
from engine.selection.grid import Criterion, SelectionConfig, parse_covariance_types, parse_criterion, parse_ks
from engine.selection.lrt import LRTResult, LRTStep, iterate_bootstrap_lrt, p_value
from engine.selection.results import CellProgress, CellResult, SelectionResult
from engine.selection.run import effective_config, iterate_selection, select

ALL_TYPES = tuple(CovarianceType)


def quick(**overrides) -> SelectionConfig:
    """Small, fast settings for tests."""
    settings = dict(ks=(1, 2, 3), n_init=2, folds=2, seed=0, tol=1e-6, max_iter=500)
    settings.update(overrides)
    return SelectionConfig(**settings)


@pytest.fixture(scope="module", params=[1, 2, 4])
def selected(request):
    dataset = generate("random", 150, k=3, d=request.param, seed=request.param)
    return dataset.X, select(dataset.X, quick(ks=(1, 2, 3)), processes=1)


def test_bic_and_aic_are_scikit_learns(selected):
    X, result = selected
    assert len(result.cells) == 3 * 4
    for cell in result.cells:
        mixture = sklearn_model(cell.params)
        assert cell.n_parameters == mixture._n_parameters()
        assert cell.bic == pytest.approx(mixture.bic(X), rel=1e-9, abs=0)
        assert cell.aic == pytest.approx(mixture.aic(X), rel=1e-9, abs=0)
        assert cell.log_likelihood == pytest.approx(mixture.score(X) * len(X), rel=1e-9, abs=0)


def test_icl_is_bic_plus_the_entropy_of_the_hard_classification(selected):
    X, result = selected
    for cell in result.cells:
        responsibilities = predict_proba(cell.params, X)
        direct = cell.bic - 2.0 * np.sum(np.log(responsibilities.max(axis=1)))
        assert cell.icl == pytest.approx(direct, rel=1e-9, abs=1e-9)
        assert cell.icl >= cell.bic


def test_a_data_set_with_a_known_answer_selects_the_true_k_and_type():
    # Three well-separated clusters, each with its own strongly correlated covariance: full, K = 3.
    rng = np.random.default_rng(5)
    covariances = [[[1.0, 0.9], [0.9, 1.0]], [[1.0, -0.8], [-0.8, 1.0]], [[0.3, 0.0], [0.0, 2.0]]]
    means = [[0.0, 0.0], [10.0, 0.0], [5.0, 10.0]]
    X = np.concatenate([rng.multivariate_normal(mean, cov, 120) for mean, cov in zip(means, covariances, strict=True)])
    result = select(X, quick(ks=(1, 2, 3, 4)), processes=1)  # one K each side of the truth
    assert (result.chosen.n_components, result.chosen.covariance_type) == (3, CovarianceType.FULL)
    for criterion in (Criterion.BIC, Criterion.ICL, Criterion.CV):
        assert result.best[criterion].n_components == 3


def collapsing_data() -> np.ndarray:
    """A blob plus three copies of one point far from it: a component can sit on the copies."""
    rng = np.random.default_rng(1)
    return np.concatenate([rng.normal(size=(100, 2)), np.tile([[6.0, 6.0]], (3, 1))])


def test_a_collapsed_component_is_marked_degenerate_and_not_chosen():
    result = select(collapsing_data(), quick(ks=(1, 2, 3), covariance_types=("full",), n_init=4), processes=1)
    naive = min(result.cells, key=lambda cell: cell.bic)
    assert naive.degenerate, "the lowest BIC should belong to the collapsed fit"
    assert "reg_covar floor" in naive.degenerate_reason
    assert not result.chosen.degenerate and result.chosen is not naive
    assert result.chosen.bic > naive.bic


def test_a_component_explaining_fewer_than_d_plus_1_rows_is_degenerate():
    from engine.params import MixtureParams
    from engine.selection.criteria import degenerate_reason

    params = MixtureParams.from_covariances([0.99, 0.01], [[0.0, 0.0], [5.0, 5.0]], [np.eye(2), np.eye(2)], "full")
    assert "explains 2" in degenerate_reason(params, 200, 1e-6, np.ones(2))
    assert degenerate_reason(params, 300, 1e-6, np.ones(2)) is None


def cells_by_key(result: SelectionResult) -> dict:
    return {(cell.n_components, cell.covariance_type): cell for cell in result.cells}


def assert_same_cells(first: SelectionResult, second: SelectionResult) -> None:
    left, right = cells_by_key(first), cells_by_key(second)
    for key in left.keys() & right.keys():
        a, b = left[key], right[key]
        assert (a.log_likelihood, a.bic, a.icl, a.cv_log_likelihood, a.n_iter) == (
            b.log_likelihood, b.bic, b.icl, b.cv_log_likelihood, b.n_iter), key
        np.testing.assert_array_equal(a.params.means, b.params.means)


def _count_terminations(monkeypatch) -> list[None]:
    """Calls of ``Pool.terminate`` from now on (the pool's own clean-up at garbage collection included)."""
    from multiprocessing.pool import Pool

    calls: list[None] = []
    terminate = Pool.terminate
    monkeypatch.setattr(Pool, "terminate", lambda pool: (calls.append(None), terminate(pool))[1])
    return calls


def test_cells_do_not_depend_on_the_grid_order_or_parallelism(monkeypatch):
    X = generate("three-blobs", 120, seed=2).X
    serial = select(X, quick(ks=(1, 2, 3), covariance_types=("full", "diag")), processes=1)
    other_grid = select(X, quick(ks=(2, 3), covariance_types=("diag", "full")), processes=1)
    terminations = _count_terminations(monkeypatch)
    parallel = select(X, quick(ks=(1, 2, 3), covariance_types=("full", "diag")), processes=2)
    # A run whose every task ended lets its workers leave (close and join): terminate() once hung for good.
    assert terminations == [] and multiprocessing.active_children() == []
    assert len(cells_by_key(serial).keys() & cells_by_key(other_grid).keys()) == 4
    assert_same_cells(serial, other_grid)
    assert_same_cells(serial, parallel)
    assert [cell.cell_index for cell in parallel.cells] == list(range(6))


def test_events_progress_then_cells_then_the_result():
    X = generate("three-blobs", 90, seed=4).X
    events = list(iterate_selection(X, quick(ks=(1, 2), covariance_types=("tied",)), processes=1))
    assert isinstance(events[-1], SelectionResult)
    assert [type(e) for e in events].count(CellResult) == 2
    phases = [(e.phase.value, e.step) for e in events if isinstance(e, CellProgress) and e.n_components == 2]
    assert phases == [("start", 1), ("start", 2), ("refine", 1), ("fold", 1), ("fold", 2)]
    cell = events[-1].cells[1]
    assert cell.seed == cell_seed(0, 2, CovarianceType.TIED)
    assert len(cell.history) == cell.n_iter and cell.fit.params is cell.params
    assert not cell.params.means.flags.writeable


def test_closing_the_generator_stops_every_worker(monkeypatch):
    X = generate("three-blobs", 150, seed=5).X
    terminations = _count_terminations(monkeypatch)
    events = iterate_selection(X, quick(ks=(1, 2, 3, 4)), processes=2)
    for event in events:
        if isinstance(event, CellResult):
            break
    events.close()
    assert multiprocessing.active_children() == []
    assert len(terminations) == 1  # cut short: the workers are stopped, not waited for


# --- the grid ------------------------------------------------------------------------------------------------


def test_parsers():
    assert parse_ks("1-9") == tuple(range(1, 10))
    assert parse_ks("2,3,5") == (2, 3, 5)
    assert parse_ks("1-2,4") == (1, 2, 4)
    assert parse_covariance_types("all") == ALL_TYPES
    assert parse_covariance_types("full,tied") == (CovarianceType.FULL, CovarianceType.TIED)
    assert parse_criterion("ICL") is Criterion.ICL


@pytest.mark.parametrize("text", ["", "5-2", "0-3", "a", "2,2", "3-", "1,,2"])
def test_bad_k_ranges_are_refused(text):
    with pytest.raises(InputError):
        parse_ks(text)


@pytest.mark.parametrize("call", [
    lambda: parse_covariance_types("full,bogus"),
    lambda: parse_covariance_types(""),
    lambda: parse_criterion("likelihood"),
    lambda: SelectionConfig(folds=1),
    lambda: SelectionConfig(ks=(3, 2)),
    lambda: SelectionConfig(n_init=0),
    lambda: SelectionConfig(criterion="best"),
    lambda: SelectionConfig(covariance_types=("full", "full")),
    lambda: SelectionConfig(init="given"),
])
def test_bad_settings_are_refused(call):
    with pytest.raises(InputError):
        call()


def test_the_seed_is_drawn_and_recorded():
    assert isinstance(SelectionConfig().seed, int)


def test_the_default_range_is_capped_by_distinct_rows_and_an_explicit_one_refused():
    X = np.repeat(np.arange(8.0).reshape(4, 2), 5, axis=0)  # 4 distinct rows
    config, note = effective_config(X, SelectionConfig(seed=0))
    assert config.ks == (1, 2, 3, 4) and "4 distinct rows" in note
    with pytest.raises(InputError, match="distinct rows"):
        effective_config(X, SelectionConfig(ks=(2, 5), seed=0))
    with pytest.raises(InputError, match="folds"):
        effective_config(X[:3], SelectionConfig(folds=4, seed=0))


# --- the bootstrap LRT ---------------------------------------------------------------------------------------


def test_p_value_counts_replicates_at_least_as_large():
    assert p_value(5.0, [1.0, 5.0, 7.0, 2.0]) == pytest.approx(3 / 5)
    assert p_value(9.0, [1.0, 2.0]) == pytest.approx(1 / 3)


def test_the_sequential_lrt_stops_at_the_first_step_that_is_not_significant():
    rng = np.random.default_rng(3)
    X = np.concatenate([rng.normal(size=(40, 1)), rng.normal(8.0, 1.0, size=(40, 1))])
    config = quick(ks=(1, 2, 3, 4), n_init=2)
    # 10 replicates at alpha 0.1 (the smallest p-value, 1/11, is significant): half the fits of 20 at 0.05
    events = list(iterate_bootstrap_lrt(X, "diag", config, boot=10, alpha=0.1, processes=1))
    steps = [event for event in events if isinstance(event, LRTStep)]
    result = events[-1]
    assert isinstance(result, LRTResult) and result.alpha == 0.1
    assert steps[0].p_value == pytest.approx(1 / 11) and steps[0].statistic > max(steps[0].replicates)
    assert len(steps) == 2 and not steps[-1].significant(0.1) and result.note is None
    assert result.n_components == steps[-1].n_components == 2


def _e_step_in_child(X, params, results) -> None:
    from engine.backends.chunked import ChunkedBackend

    results.put(ChunkedBackend(X).e_step(params, with_labels=False).mean_log_likelihood)


def test_a_forked_child_runs_chunked_e_steps_on_its_own_thread_pool():
    # The parent's chunk pool has threads; a forked child inherits the pool but not its threads, and
    # would wait for ever on work handed to it unless the pool is forgotten at fork.
    from engine.backends.chunked import ChunkedBackend
    from engine.params import MixtureParams

    X = np.random.default_rng(0).normal(size=(40_000, 2))  # enough rows for several chunk threads
    params = MixtureParams.from_covariances([0.5, 0.5], [[-1.0, 0.0], [1.0, 0.0]], [np.eye(2)] * 2, "full")
    expected = ChunkedBackend(X).e_step(params, with_labels=False).mean_log_likelihood  # the pool now exists
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    child = context.Process(target=_e_step_in_child, args=(X, params, results))
    child.start()
    child.join(timeout=60)
    alive = child.is_alive()
    if alive:
        child.kill()
        child.join()
    assert not alive, "the forked child hung on the thread pool it inherited"
    assert results.get(timeout=5) == pytest.approx(expected, rel=1e-12)


def test_the_lrt_stops_where_the_larger_fit_is_degenerate():
    config = quick(ks=(1, 2, 3), covariance_types=("full",), n_init=4)
    events = list(iterate_bootstrap_lrt(collapsing_data(), "full", config, boot=5, processes=1))
    result = events[-1]
    assert result.steps == () and result.n_components == 1 and not result.stopped_at_limit
    assert "2-component fit is degenerate" in result.note


def test_worker_processes_only_when_the_work_repays_starting_them():
    from engine.selection.pool import usable_processes, worth_processes

    assert not worth_processes(2, 100) and not worth_processes(6, 300) and not worth_processes(1, 10**6)
    assert worth_processes(36, 272) and worth_processes(2, 100_000)
    assert usable_processes(None, 6, 300) == 1
    assert usable_processes(3, 2, 10) == 2
