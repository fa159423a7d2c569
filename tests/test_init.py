"""Starting parameters: every method gives a usable mixture, and impossible requests are refused clearly.

A start is valid when its weights are a probability vector, its covariances are symmetric positive
definite and its means lie inside the data's bounding box (they are weighted averages of samples).
Asking for more components than there are distinct points is refused with an ``InputError`` that says
so, whichever method would have run into it.
"""

from __future__ import annotations

import numpy as np
import pytest

import main
from engine.backends.direct import DirectBackend
from engine.config import FitConfig, InitMethod
from engine.covariance import CovarianceType
from engine.em import fit, iterate_em
from engine.errors import InputError
from engine.init import (
    initial_responsibilities,
    kmeans_plusplus,
    lloyd,
    random_distinct_rows,
    require_distinct_rows,
    squared_distances,
)
from engine.io.model_json import save_model
from engine.params import MixtureParams

NOT_GIVEN = [method for method in InitMethod if method is not InitMethod.GIVEN]



def _data(n_features: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.normal(scale=5.0, size=(4, n_features)) + 10.0
    return np.concatenate([rng.normal(size=(40, n_features)) * (k + 1) * 0.5 + c for k, c in enumerate(centres)])


def _start(X, method, n_components=3, covariance_type=CovarianceType.FULL, seed=0, **kwargs) -> MixtureParams:
    config = FitConfig(n_components, covariance_type, max_iter=0, init=method, seed=seed, **kwargs)
    (snapshot,) = iterate_em(X, config, backend=DirectBackend(X))
    return snapshot.params


def _given_for(X, n_components, covariance_type) -> MixtureParams:
    means = X[:: len(X) // n_components][:n_components]
    variance = X.var(axis=0)
    covariances = {
        CovarianceType.FULL: np.stack([np.diag(variance)] * n_components),
        CovarianceType.TIED: np.diag(variance),
        CovarianceType.DIAG: np.tile(variance, (n_components, 1)),
        CovarianceType.SPHERICAL: np.full(n_components, variance.mean()),
    }[covariance_type]
    return MixtureParams.from_covariances(np.full(n_components, 1.0 / n_components), means, covariances,
                                          covariance_type)


def assert_valid_start(params: MixtureParams, X: np.ndarray, n_components: int) -> None:
    assert params.means.shape == (n_components, X.shape[1])
    assert params.covariances.shape == params.expected_covariance_shape()
    assert np.all(params.weights >= 0.0)
    np.testing.assert_allclose(params.weights.sum(), 1.0, rtol=1e-12)
    full = params.full_covariances()
    np.testing.assert_allclose(full, np.swapaxes(full, 1, 2), rtol=1e-12, atol=0.0)
    assert np.all(np.linalg.eigvalsh(full) > 0.0)
    span = X.max(axis=0) - X.min(axis=0)
    slack = 1e-12 * np.maximum(span, 1.0)
    assert np.all(params.means >= X.min(axis=0) - slack) and np.all(params.means <= X.max(axis=0) + slack)


@pytest.mark.parametrize("method", list(InitMethod), ids=str)
@pytest.mark.parametrize("covariance_type", list(CovarianceType), ids=str)
@pytest.mark.parametrize("n_features", [1, 2, 4])
@pytest.mark.parametrize("n_components", [1, 3, 6])
def test_every_method_gives_a_valid_start(method, covariance_type, n_features, n_components):
    X = _data(n_features)
    kwargs = {}
    if method is InitMethod.GIVEN:
        kwargs["init_params"] = _given_for(X, n_components, covariance_type)
    params = _start(X, method, n_components, covariance_type, **kwargs)
    assert params.covariance_type is covariance_type
    assert_valid_start(params, X, n_components)
    if method is InitMethod.GIVEN:
        assert params is kwargs["init_params"]


@pytest.mark.parametrize("method", NOT_GIVEN, ids=str)
def test_each_method_is_deterministic_for_a_seed_and_varies_with_it(method):
    X = _data(2)
    a, b = _start(X, method, 4, seed=21), _start(X, method, 4, seed=21)
    np.testing.assert_array_equal(a.means, b.means)
    np.testing.assert_array_equal(a.covariances, b.covariances)
    others = [_start(X, method, 4, seed=seed).means for seed in range(6)]
    assert any(not np.array_equal(others[0], other) for other in others[1:])


@pytest.mark.parametrize("n_components", [1, 2, 5, 12])
@pytest.mark.parametrize("seed", range(5))
def test_kmeans_plusplus_seeds_are_distinct_rows_of_the_data(n_components, seed):
    X = _data(3, seed)
    centres = kmeans_plusplus(X, n_components, np.random.default_rng(seed))
    assert centres.shape == (n_components, 3)
    assert len(np.unique(centres, axis=0)) == n_components
    for centre in centres:
        assert np.any(np.all(X == centre, axis=1))


@pytest.mark.parametrize("seed", range(10))
def test_kmeans_plusplus_on_repeated_points_picks_each_distinct_point_once(seed):
    distinct = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [3.0, 3.0]])
    X = np.random.default_rng(seed).permutation(np.repeat(distinct, [50, 1, 7, 20], axis=0))
    centres = kmeans_plusplus(X, 4, np.random.default_rng(seed))
    np.testing.assert_array_equal(np.unique(centres, axis=0), np.unique(distinct, axis=0))
    rows = random_distinct_rows(X, 4, np.random.default_rng(seed))
    np.testing.assert_array_equal(np.unique(rows, axis=0), np.unique(distinct, axis=0))


def test_lloyd_refines_the_kmeans_plusplus_seeds():
    X = _data(2, 3)
    seeds = kmeans_plusplus(X, 4, np.random.default_rng(3))
    refined = lloyd(X, seeds)

    def inertia(centres):
        return squared_distances(X, centres).min(axis=1).sum()

    assert inertia(refined) <= inertia(seeds)
    assert not np.array_equal(refined, seeds)
    np.testing.assert_array_equal(seeds, kmeans_plusplus(X, 4, np.random.default_rng(3))), "seeds not modified"


def test_squared_distances_match_the_definition():
    rng = np.random.default_rng(0)
    X, centres = rng.normal(size=(30, 3)) + 100.0, rng.normal(size=(4, 3)) + 100.0
    expected = ((X[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
    distances = squared_distances(X, centres)
    assert np.all(distances >= 0.0)
    np.testing.assert_allclose(distances, expected, rtol=1e-8, atol=1e-8)
    assert np.all(squared_distances(X, X[:3])[np.arange(3), np.arange(3)] >= 0.0)


# --- too many components -------------------------------------------------------------------------------------

#: Ten samples but only two distinct points.
TWO_DISTINCT = np.repeat(np.array([[1.0, 2.0], [3.0, 4.0]]), 5, axis=0)


@pytest.mark.parametrize("method", NOT_GIVEN, ids=str)
def test_more_components_than_distinct_points_is_refused(method):
    config = FitConfig(3, max_iter=5, init=method, seed=0)
    with pytest.raises(InputError, match="distinct"):
        fit(TWO_DISTINCT, config, backend=DirectBackend(TWO_DISTINCT))
    with pytest.raises(InputError, match="distinct"):
        list(iterate_em(TWO_DISTINCT, config, backend=DirectBackend(TWO_DISTINCT)))
    # The initialisation itself refuses too, whoever calls it.
    with pytest.raises(InputError, match="distinct"):
        initial_responsibilities(TWO_DISTINCT, config, np.random.default_rng(0))


def test_a_given_start_with_more_components_than_distinct_points_is_refused():
    """Issue 10 item 21: ``fit --init-model`` with K = 3 on two distinct points ran and re-seeded a component."""
    start = MixtureParams.from_covariances([0.4, 0.3, 0.3], [[1.0, 2.0], [3.0, 4.0], [2.0, 3.0]],
                                           np.ones((3, 2)), CovarianceType.DIAG)
    config = FitConfig(3, CovarianceType.DIAG, max_iter=5, init=InitMethod.GIVEN, init_params=start)
    for run in (lambda: fit(TWO_DISTINCT, config), lambda: list(iterate_em(TWO_DISTINCT, config))):
        with pytest.raises(InputError, match="K = 3 is larger than the number of distinct points"):
            run()


def test_fit_init_model_on_too_few_distinct_points_is_one_error_line(tmp_path, capsys):
    """The same refusal through ``fit --init-model``: exit 2, one ``error:`` line, nothing written."""
    start = MixtureParams.from_covariances([0.4, 0.3, 0.3], [[1.0, 2.0], [3.0, 4.0], [2.0, 3.0]],
                                           np.ones((3, 2)), CovarianceType.DIAG)
    data, start_path, out = tmp_path / "two.npy", tmp_path / "start.json", tmp_path / "model.json"
    np.save(data, TWO_DISTINCT)
    save_model(start_path, start)
    assert main.main(["fit", str(data), "--init-model", str(start_path), "--out", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
    assert "K = 3 is larger than the number of distinct points" in err
    assert not out.exists()


@pytest.mark.parametrize("method", NOT_GIVEN, ids=str)
def test_as_many_components_as_distinct_points_is_fine(method):
    params = _start(TWO_DISTINCT, method, 2, CovarianceType.DIAG)
    assert_valid_start(params, TWO_DISTINCT, 2)


def test_the_distinct_row_helpers_refuse_with_a_sentence():
    rng = np.random.default_rng(0)
    for call in (lambda: kmeans_plusplus(TWO_DISTINCT, 3, rng), lambda: random_distinct_rows(TWO_DISTINCT, 3, rng),
                 lambda: require_distinct_rows(TWO_DISTINCT, 3)):
        with pytest.raises(InputError, match="distinct") as raised:
            call()
        assert "K = 3" in str(raised.value) and str(raised.value).endswith(".")
    with pytest.raises(InputError, match="samples"):
        require_distinct_rows(TWO_DISTINCT, 11)
    require_distinct_rows(TWO_DISTINCT, 2)
    # Distinct rows found only after the first block still count.
    late = np.concatenate([np.zeros((50, 2)), [[1.0, 1.0]]])
    require_distinct_rows(late, 2, block=8)
    with pytest.raises(InputError, match="distinct"):
        require_distinct_rows(late, 3, block=8)


# --- one dimension -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", list(InitMethod), ids=str)
@pytest.mark.parametrize("covariance_type", list(CovarianceType), ids=str)
def test_one_dimensional_data_works_for_every_method(method, covariance_type):
    rng = np.random.default_rng(4)
    X = np.concatenate([rng.normal(-3.0, 0.5, 80), rng.normal(2.0, 1.0, 120)])[:, None]
    kwargs = {"init_params": _given_for(X, 2, covariance_type)} if method is InitMethod.GIVEN else {}
    params = _start(X, method, 2, covariance_type, **kwargs)
    assert_valid_start(params, X, 2)
    result = fit(X, FitConfig(2, covariance_type, init=method, seed=0, **kwargs), backend=DirectBackend(X))
    assert result.converged
    assert_valid_start(result.params, X, 2)
    if method is not InitMethod.RANDOM:
        # (Random responsibilities start both components near the overall mean, a saddle EM leaves slowly.)
        np.testing.assert_allclose(np.sort(result.params.means[:, 0]), [-3.0, 2.0], atol=0.3)


# --- the tutorial start ---------------------------------------------------------------------------------------

#: The identity reshaped to each covariance type, for K = 3 components in D = 2 dimensions.
IDENTITY_SHAPED = {
    CovarianceType.FULL: np.stack([np.eye(2)] * 3),
    CovarianceType.TIED: np.eye(2),
    CovarianceType.DIAG: np.ones((3, 2)),
    CovarianceType.SPHERICAL: np.ones(3),
}


@pytest.mark.parametrize("covariance_type", list(CovarianceType), ids=str)
def test_the_tutorial_start_is_data_points_identity_covariances_and_equal_weights(covariance_type):
    X = _data(2)
    params = _start(X, InitMethod.TUTORIAL, 3, covariance_type, seed=4)
    np.testing.assert_array_equal(params.weights, np.full(3, 1 / 3))
    np.testing.assert_array_equal(params.covariances, IDENTITY_SHAPED[covariance_type])
    assert len(np.unique(params.means, axis=0)) == 3
    for mean in params.means:  # each mean is a row of the data, exactly
        assert np.any(np.all(X == mean, axis=1))
    # The rows are drawn as random_from_data draws its centres.
    np.testing.assert_array_equal(params.means, random_distinct_rows(X, 3, np.random.default_rng(4)))


def test_the_tutorial_start_keeps_identity_covariances_when_they_are_locked():
    from engine.locks import CovarianceLock, Locks

    X = _data(2)
    config = FitConfig(3, tol=0.0, max_iter=5, init=InitMethod.TUTORIAL, seed=1,
                       locks=Locks(covariances=CovarianceLock.FIXED))
    result = fit(X, config)
    np.testing.assert_array_equal(result.params.covariances, np.stack([np.eye(2)] * 3))
    assert not np.array_equal(result.params.means, _start(X, InitMethod.TUTORIAL, 3, seed=1).means)
