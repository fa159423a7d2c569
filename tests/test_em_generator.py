"""The contract of ``iterate_em`` (what every snapshot holds, in which order) and of ``FitConfig``.

The window draws every half-step and the command line prints them, so the sequence of snapshots is an
interface: INIT, then E and M alternately with iteration numbers 1, 2, ...; the last one is ``done``;
with several starts a BEST snapshot closes the run. ``FitConfig`` refuses every bad setting with an
``InputError`` whose message is one sentence.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from factories import BACKENDS

from engine.backends.direct import DirectBackend
from engine.config import FitConfig, InitMethod
from engine.covariance import CovarianceType
from engine.em import EMSnapshot, HalfStep, StopReason, fit, iterate_em
from engine.errors import InputError
from engine.params import MixtureParams

N_COMPONENTS = 3





def _data(seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = np.array([[0.0, 0.0], [5.0, 1.0], [1.0, 6.0]])
    return np.concatenate([rng.normal(size=(70, 2)) @ np.array([[1.0, 0.3], [0.0, 0.8]]) + c for c in centres])


X = _data()


def _run(config: FitConfig, backend_class=DirectBackend, **kwargs) -> list[EMSnapshot]:
    return list(iterate_em(X, config, backend=backend_class(X), **kwargs))


def _same_params(a: MixtureParams, b: MixtureParams) -> bool:
    return a is b or all(
        np.array_equal(getattr(a, name), getattr(b, name))
        for name in ("weights", "means", "covariances", "precisions_chol")
    )


@BACKENDS
@pytest.mark.parametrize("covariance_type", list(CovarianceType), ids=str)
def test_init_then_alternating_e_and_m_steps(covariance_type, backend_class):
    max_iter = 6
    snapshots = _run(FitConfig(N_COMPONENTS, covariance_type, tol=0.0, max_iter=max_iter, seed=1), backend_class)

    assert len(snapshots) == 1 + 2 * max_iter
    init = snapshots[0]
    assert (init.half_step, init.iteration, init.start, init.history) == (HalfStep.INIT, 0, 0, ())
    assert math.isnan(init.mean_log_likelihood)
    assert init.labels is None and init.view_resp is None
    for n in range(1, max_iter + 1):
        e, m = snapshots[2 * n - 1], snapshots[2 * n]
        previous = snapshots[2 * n - 2]
        assert (e.half_step, e.iteration) == (HalfStep.E, n)
        assert (m.half_step, m.iteration) == (HalfStep.M, n)
        assert _same_params(e.params, previous.params), "an E-step does not change the parameters"
        assert not _same_params(m.params, e.params), "an M-step moves the parameters"
        assert len(e.history) == n and e.history[:-1] == previous.history
        assert m.history == e.history, "an M-step does not add to the history"
        assert e.mean_log_likelihood == e.history[-1] == m.mean_log_likelihood
        assert e.start == m.start == 0
    for snapshot in snapshots[:-1]:
        assert not snapshot.done and snapshot.stop_reason is None and not snapshot.converged
    last = snapshots[-1]
    assert last.done and last.half_step is HalfStep.M and last.iteration == max_iter
    assert last.stop_reason is StopReason.MAX_ITER and not last.converged
    assert last.start_log_likelihoods == (last.history[-1],)


@BACKENDS
def test_stops_when_the_change_falls_below_tol(backend_class):
    tol = 1e-4
    snapshots = _run(FitConfig(N_COMPONENTS, tol=tol, max_iter=500, seed=1), backend_class)
    last = snapshots[-1]
    assert last.done and last.converged and last.stop_reason is StopReason.CONVERGED
    assert len(snapshots) == 1 + 2 * last.iteration
    history = np.array(last.history)
    assert abs(history[-1] - history[-2]) < tol
    assert np.all(np.abs(np.diff(history[:-1])) >= tol), "EM stops at the first small change"


@BACKENDS
@pytest.mark.parametrize("max_iter", [1, 2, 17])
def test_tol_zero_runs_exactly_max_iter_iterations(max_iter, backend_class):
    result = fit(X, FitConfig(N_COMPONENTS, tol=0.0, max_iter=max_iter, seed=0), backend=backend_class(X))
    assert result.n_iter == max_iter == len(result.history)
    assert not result.converged


def test_max_iter_zero_gives_only_init_and_done():
    (snapshot,) = _run(FitConfig(N_COMPONENTS, max_iter=0, seed=0))
    assert snapshot.half_step is HalfStep.INIT and snapshot.iteration == 0
    assert snapshot.done and snapshot.stop_reason is StopReason.MAX_ITER and not snapshot.converged
    assert snapshot.history == ()
    result = fit(X, FitConfig(N_COMPONENTS, max_iter=0, seed=0), backend=DirectBackend(X))
    assert result.n_iter == 0 and result.history == () and not result.converged
    assert _same_params(result.params, snapshot.params)
    assert np.isfinite(result.mean_log_likelihood)


@BACKENDS
def test_several_starts_end_with_the_best_one(backend_class):
    snapshots = _run(FitConfig(N_COMPONENTS, tol=1e-6, max_iter=200, n_init=3, seed=5, init=InitMethod.RANDOM),
                     backend_class)
    best = snapshots[-1]
    assert best.half_step is HalfStep.BEST and best.done
    assert sum(snapshot.done for snapshot in snapshots) == 1
    assert [s.start for s in snapshots if s.half_step is HalfStep.INIT] == [0, 1, 2]
    assert len(best.start_log_likelihoods) == 3

    ends = [s for s in snapshots[:-1] if s.stop_reason is not None]
    assert [s.start for s in ends] == [0, 1, 2]
    assert tuple(s.history[-1] for s in ends) == best.start_log_likelihoods
    for k, end in enumerate(ends):
        assert end.start_log_likelihoods == best.start_log_likelihoods[: k + 1]
    winner = int(np.argmax(best.start_log_likelihoods))
    assert best.start == winner
    assert _same_params(best.params, ends[winner].params)
    assert best.history == ends[winner].history
    assert best.mean_log_likelihood == max(best.start_log_likelihoods)

    result = fit(X, FitConfig(N_COMPONENTS, tol=1e-6, max_iter=200, n_init=3, seed=5, init=InitMethod.RANDOM),
                 backend=backend_class(X))
    assert result.start_log_likelihoods == best.start_log_likelihoods
    assert _same_params(result.params, best.params)
    assert result.n_iter == ends[winner].iteration


@BACKENDS
def test_snapshot_arrays_are_read_only(backend_class):
    snapshots = _run(FitConfig(N_COMPONENTS, tol=0.0, max_iter=2, seed=0), backend_class,
                     view_indices=np.array([0, 3]))
    for snapshot in snapshots:
        arrays = [snapshot.params.weights, snapshot.params.means, snapshot.params.covariances,
                  snapshot.params.precisions_chol, snapshot.labels, snapshot.view_resp]
        if snapshot.stats is not None:  # the M-step that follows reads them: a caller must not change them
            arrays += [snapshot.stats.nk, snapshot.stats.means, snapshot.stats.covariances]
        for array in arrays:
            if array is None:
                continue
            with pytest.raises(ValueError):
                array[(0,) * array.ndim] = 1
        with pytest.raises(dataclasses.FrozenInstanceError):
            snapshot.iteration = 99


@BACKENDS
def test_labels_and_view_responsibilities(backend_class):
    config = FitConfig(N_COMPONENTS, tol=0.0, max_iter=3, seed=0)
    for snapshot in _run(config, backend_class):
        assert snapshot.view_resp is None
        if snapshot.half_step is not HalfStep.INIT:
            assert snapshot.labels.shape == (len(X),)
            assert np.issubdtype(snapshot.labels.dtype, np.integer)
            assert set(np.unique(snapshot.labels)) <= set(range(N_COMPONENTS))

    view = np.array([0, 5, 17, 150, 209])
    snapshots = _run(config, backend_class, view_indices=view)
    reference = DirectBackend(X)
    for snapshot in snapshots:
        if snapshot.half_step is HalfStep.INIT:
            continue
        assert snapshot.view_resp.shape == (len(view), N_COMPONENTS)
        np.testing.assert_allclose(snapshot.view_resp.sum(axis=1), 1.0, rtol=1e-12)
        # Both come from the E-step that used the E snapshot's parameters (an M snapshot carries them on).
        e_params = snapshot.params if snapshot.half_step is HalfStep.E else None
        if e_params is not None:
            resp = reference.responsibilities(e_params)
            np.testing.assert_allclose(snapshot.view_resp, resp[view], rtol=1e-9, atol=1e-12)
            np.testing.assert_array_equal(snapshot.labels, resp.argmax(axis=1))


@BACKENDS
def test_the_same_seed_gives_the_same_run_and_other_seeds_differ(backend_class):
    def run(seed):
        return _run(FitConfig(N_COMPONENTS, tol=0.0, max_iter=4, seed=seed, init=InitMethod.RANDOM_FROM_DATA),
                    backend_class)

    first, second = run(11), run(11)
    assert len(first) == len(second)
    for a, b in zip(first, second, strict=True):
        assert (a.half_step, a.iteration, a.history) == (b.half_step, b.iteration, b.history)
        assert _same_params(a.params, b.params)
    starts = [run(seed)[0].params.means for seed in range(5)]
    assert any(not np.array_equal(starts[0], other) for other in starts[1:])

    with_rng = list(iterate_em(X, FitConfig(N_COMPONENTS, tol=0.0, max_iter=4, init=InitMethod.RANDOM_FROM_DATA),
                               rng=np.random.default_rng(11), backend=backend_class(X)))
    assert _same_params(with_rng[-1].params, first[-1].params)


def test_change_is_the_latest_step_of_the_history():
    snapshots = _run(FitConfig(N_COMPONENTS, tol=0.0, max_iter=4, seed=0))
    assert math.isnan(snapshots[0].change)  # INIT
    assert math.isnan(snapshots[1].change) and math.isnan(snapshots[2].change)  # iteration 1
    for snapshot in snapshots[3:]:
        assert snapshot.change == snapshot.history[-1] - snapshot.history[-2]
    assert EMSnapshot(0, 3, HalfStep.E, snapshots[0].params, history=(1.0, 3.5)).change == 2.5


def test_healthy_iterations_reseed_nothing():
    assert all(snapshot.reseeded == () for snapshot in _run(FitConfig(N_COMPONENTS, tol=0.0, max_iter=5, seed=0)))


@BACKENDS
def test_fit_reports_what_the_last_snapshot_holds(backend_class):
    config = FitConfig(N_COMPONENTS, tol=1e-5, max_iter=300, seed=2)
    seen = []
    result = fit(X, config, backend=backend_class(X), on_snapshot=seen.append)
    expected_run = _run(config, backend_class)
    assert [(s.half_step, s.iteration, s.history) for s in seen] == [
        (s.half_step, s.iteration, s.history) for s in expected_run
    ]
    last = seen[-1]
    assert last.done
    assert _same_params(result.params, last.params)
    assert (result.n_iter, result.converged, result.history) == (last.iteration, last.converged, last.history)
    assert result.n_samples == len(X) and result.config is config
    expected = DirectBackend(X).log_prob_norm(result.params).mean()
    np.testing.assert_allclose(result.mean_log_likelihood, expected, rtol=1e-12)
    np.testing.assert_allclose(result.log_likelihood, expected * len(X), rtol=1e-12)
    # The final parameters come from one more M-step, so they explain the data at least as well.
    assert result.mean_log_likelihood >= result.history[-1] - 1e-12


# --- FitConfig ---------------------------------------------------------------------------------------------


def _given(n_components=2, covariance_type=CovarianceType.FULL) -> MixtureParams:
    covariances = {
        CovarianceType.FULL: np.stack([np.eye(2)] * n_components),
        CovarianceType.TIED: np.eye(2),
        CovarianceType.DIAG: np.ones((n_components, 2)),
        CovarianceType.SPHERICAL: np.ones(n_components),
    }[covariance_type]
    return MixtureParams.from_covariances(np.full(n_components, 1.0 / n_components),
                                          np.arange(2.0 * n_components).reshape(n_components, 2), covariances,
                                          covariance_type)


BAD_CONFIGS = {
    "K zero": dict(n_components=0),
    "K negative": dict(n_components=-2),
    "K fractional": dict(n_components=2.5),
    "K a string": dict(n_components="3"),
    "K a bool": dict(n_components=True),
    "K None": dict(n_components=None),
    "tol negative": dict(tol=-1e-3),
    "tol NaN": dict(tol=float("nan")),
    "tol infinite": dict(tol=float("inf")),
    "tol a string": dict(tol="0.001"),
    "max_iter negative": dict(max_iter=-1),
    "max_iter fractional": dict(max_iter=10.5),
    "reg_covar negative": dict(reg_covar=-1e-6),
    "reg_covar NaN": dict(reg_covar=float("nan")),
    "n_init zero": dict(n_init=0),
    "n_init fractional": dict(n_init=1.5),
    "seed negative": dict(seed=-1),
    "seed fractional": dict(seed=0.5),
    "unknown covariance type": dict(covariance_type="fulll"),
    "unknown init": dict(init="kmeans+"),
    "given without parameters": dict(init="given"),
    "given with another K": dict(n_components=3, init="given", init_params=_given(2)),
    "given with another type": dict(init="given", init_params=_given(2, CovarianceType.DIAG)),
}


@pytest.mark.parametrize("name", list(BAD_CONFIGS))
def test_every_bad_setting_raises_input_error_with_a_sentence(name):
    settings = {"n_components": 2, **BAD_CONFIGS[name]}
    with pytest.raises(InputError) as raised:
        FitConfig(**settings)
    message = str(raised.value)
    assert message[0].isalpha() and message.endswith(".") and len(message.split()) >= 4, message
    assert "\n" not in message


@pytest.mark.parametrize("name, expected", [
    ("unknown covariance type", "spherical"), ("unknown init", "kmeans++"), ("given with another K", "3"),
    ("given with another type", "diag"), ("tol NaN", "tol"), ("reg_covar negative", "reg_covar"),
])
def test_the_message_names_the_problem(name, expected):
    with pytest.raises(InputError, match=None) as raised:
        FitConfig(**{"n_components": 2, **BAD_CONFIGS[name]})
    assert expected in str(raised.value)


def test_good_settings_are_kept_and_strings_become_enums():
    params = _given(2, CovarianceType.TIED)
    config = FitConfig(2, "tied", tol=0, max_iter=0, reg_covar=0, init="given", n_init=4, seed=0,
                       init_params=params)
    assert config.covariance_type is CovarianceType.TIED and config.init is InitMethod.GIVEN
    assert config.init_params is params
    assert FitConfig(1).covariance_type is CovarianceType.FULL
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.tol = 1.0


def test_numpy_integers_are_whole_numbers():
    """K, max_iter, n_init and seed often come out of numpy (a slider's array, a grid search)."""
    config = FitConfig(np.int64(3), max_iter=np.int64(10), n_init=np.int32(2), seed=np.int64(7))
    assert config.n_components == 3 and config.max_iter == 10 and config.n_init == 2 and config.seed == 7


def test_clusters_far_apart_are_not_mistaken_for_collapsed():
    """Two tight clusters 1e6 apart: the data's variance is huge, but neither component has collapsed."""
    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal(0, 1, (300, 2)), rng.normal(1e6, 1, (300, 2))])
    for covariance_type in ("full", "diag", "spherical"):
        snapshots = list(iterate_em(X, FitConfig(2, covariance_type, seed=0, max_iter=20, tol=0)))
        assert not any(s.reseeded for s in snapshots), covariance_type
        assert snapshots[-1].mean_log_likelihood > -3.6, covariance_type


def test_k_means_starts_work_far_from_the_origin():
    """Distances are expanded in squares: on data offset by 1e9 the start must centre first."""
    X = 1e9 + np.random.default_rng(0).integers(0, 3, (300, 1)).astype(float)
    for init in ("kmeans++", "kmeans"):
        result = fit(X, FitConfig(3, "diag", seed=0, init=init))
        np.testing.assert_allclose(np.sort(result.params.means[:, 0]) - 1e9, [0, 1, 2], atol=1e-6)
