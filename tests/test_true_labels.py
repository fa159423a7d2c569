"""True labels are not features: the ``label`` column, and the agreement of a fit with it (engine and CLI)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

import main
from engine.agreement import adjusted_rand_index, agreement
from engine.errors import InputError
from engine.io.tables import load_data


def run(argv: list, capsys) -> tuple[int, str, str]:
    status = main.main([str(a) for a in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def write_csv(path: Path, header: str, rows: list[str]) -> Path:
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def labelled_csv(tmp_path_factory) -> Path:
    """120 rows of two well separated blobs, ``x0,x1,label`` as our exports write them."""
    rng = np.random.default_rng(3)
    X = np.vstack([rng.normal(0, 1, (60, 2)), rng.normal(8, 1, (60, 2))])
    labels = np.repeat([1, 0], 60)
    rows = [f"{a!r},{b!r},{label}" for (a, b), label in zip(X.tolist(), labels, strict=True)]
    return write_csv(tmp_path_factory.mktemp("labels") / "points.csv", "x0,x1,label", rows)


@pytest.mark.parametrize("seed", range(6))
def test_ari_equals_scikit_learn(seed):
    rng = np.random.default_rng(seed)
    truth = rng.integers(-1, 4, 200)
    found = np.where(rng.random(200) < 0.6, np.clip(truth, 0, 2), rng.integers(0, 3, 200))
    result = agreement(truth, found, 3)
    assert result.ari == pytest.approx(adjusted_rand_score(truth, found), abs=1e-12)


def test_ari_of_trivial_partitions_equals_scikit_learn():
    for truth, found in (([0, 0, 0], [1, 1, 1]), ([0, 1, 2], [2, 1, 0]), ([0], [0]), ([0, 0, 1, 1], [0, 1, 0, 1])):
        assert adjusted_rand_index(agreement(truth, found, 3).confusion) == pytest.approx(
            adjusted_rand_score(truth, found), abs=1e-12)


def test_confusion_matches_after_hungarian_matching():
    truth = np.array([0] * 5 + [1] * 4 + [2] * 3)
    found = np.array([2, 2, 2, 2, 1] + [0, 0, 0, 2] + [3, 3, 1])  # label 0 -> 2, 1 -> 0, 2 -> 3; 1 unmatched
    result = agreement(truth, found, 4)
    assert result.matched == (2, 0, 3)
    assert result.component_order == (2, 0, 3, 1)
    np.testing.assert_array_equal(result.confusion, [[4, 0, 0, 1], [1, 3, 0, 0], [0, 0, 2, 1]])
    assert result.n_matched == 9 and result.label_names == ("0", "1", "2")
    # The same counts as a plain cross-tabulation, columns reordered
    for i, label in enumerate((0, 1, 2)):
        for j, component in enumerate(result.component_order):
            assert result.confusion[i, j] == np.count_nonzero((truth == label) & (found == component))


def test_label_column_is_read_as_true_labels(labelled_csv):
    dataset = load_data(labelled_csv)
    assert dataset.feature_names == ("x0", "x1") and dataset.X.shape == (120, 2)
    np.testing.assert_array_equal(dataset.labels, np.repeat([1, 0], 60))


def test_columns_naming_label_make_it_a_feature(labelled_csv):
    dataset = load_data(labelled_csv, columns=["x0", "x1", "label"])
    assert dataset.feature_names == ("x0", "x1", "label") and dataset.labels is None
    np.testing.assert_array_equal(dataset.X[:, 2], np.repeat([1, 0], 60))


def test_text_labels_get_codes_and_keep_their_names(tmp_path):
    path = write_csv(tmp_path / "iris.csv", "x0,label,x1", ["1,setosa,2", "3,virginica,4", "5,setosa,6"])
    dataset = load_data(path)
    assert dataset.feature_names == ("x0", "x1") and dataset.label_names == ("setosa", "virginica")
    np.testing.assert_array_equal(dataset.labels, [0, 1, 0])
    assert agreement(dataset.labels, [1, 0, 1], 2, dataset.label_names).label_names == ("setosa", "virginica")


def test_missing_label_is_an_error_or_dropped(tmp_path):
    path = write_csv(tmp_path / "gap.csv", "x0,x1,label", ["1,2,0", "3,4,", "5,6,1"])
    with pytest.raises(InputError, match="line 3, column 'label': the true label is missing"):
        load_data(path)
    dataset = load_data(path, drop_invalid=True)
    assert dataset.n_dropped == 1
    np.testing.assert_array_equal(dataset.labels, [0, 1])
    np.testing.assert_array_equal(dataset.X, [[1, 2], [5, 6]])


def test_labels_follow_rows_dropped_for_bad_features(tmp_path):
    path = write_csv(tmp_path / "bad.csv", "x0,x1,label", ["1,2,0", "3,oops,1", "5,6,2"])
    dataset = load_data(path, drop_invalid=True)
    np.testing.assert_array_equal(dataset.labels, [0, 2])


def test_fit_prints_agreement_and_fits_two_features(labelled_csv, tmp_path, capsys):
    out = tmp_path / "m.json"
    status, stdout, _ = run(["fit", labelled_csv, "--k", "2", "--seed", "0", "--quiet", "--out", out], capsys)
    assert status == 0
    assert "to 120 samples x 2 features (x0, x1)" in stdout
    assert "adjusted Rand index 1.000000, 120 of 120 rows (100.0%)" in stdout
    table = stdout.split("true label \\ component", 1)[1].splitlines()
    assert [line.split()[2:4] for line in table[1:3]] == [["60", "0"], ["0", "60"]]


def test_fit_json_adds_the_agreement_and_saves_it(labelled_csv, tmp_path, capsys):
    out = tmp_path / "m.json"
    status, stdout, _ = run(["fit", labelled_csv, "--k", "2", "--seed", "0", "--json", "--quiet", "--out", out],
                            capsys)
    document = json.loads(stdout)
    assert status == 0 and document == json.loads(out.read_text(encoding="utf-8"))
    block = document["agreement"]
    assert block["adjusted_rand_index"] == pytest.approx(1.0)
    assert block["labels"] == ["0", "1"] and block["confusion"] == [[60, 0], [0, 60]]
    assert {"weights", "means", "covariances", "fit"} <= set(document)


def test_fit_with_columns_naming_label_fits_three_features(labelled_csv, tmp_path, capsys):
    out = tmp_path / "m.json"
    status, stdout, _ = run(["fit", labelled_csv, "--k", "2", "--seed", "0", "--quiet", "--columns", "x0,x1,label",
                             "--out", out], capsys)
    assert status == 0 and "3 features (x0, x1, label)" in stdout and "agreement" not in stdout


def test_generate_labels_then_fit_then_score_and_predict(tmp_path, capsys):
    data, model = tmp_path / "g.csv", tmp_path / "g.json"
    assert run(["generate", "three-blobs", "--n", "90", "--seed", "1", "--labels", "--out", data], capsys)[0] == 0
    status, stdout, _ = run(["fit", data, "--k", "3", "--seed", "0", "--quiet", "--out", model], capsys)
    assert status == 0 and "2 features (x0, x1)" in stdout and "adjusted Rand index" in stdout
    # score and predict read the same file with the same two features
    assert run(["score", model, data], capsys)[0] == 0
    assert run(["predict", model, data, "--out", tmp_path / "p.csv"], capsys)[0] == 0


def test_a_lone_label_column_stays_a_feature(tmp_path):
    dataset = load_data(write_csv(tmp_path / "one.csv", "label", ["1", "2", "3"]))
    assert dataset.feature_names == ("label",) and dataset.labels is None


def test_label_names_must_name_every_code():
    from engine.io.tables import Dataset
    with pytest.raises(InputError, match="label names"):
        Dataset(np.zeros((2, 1)), ("x",), labels=np.array([0, 2]), label_names=("a", "b"))
    with pytest.raises(InputError, match="label names"):
        Dataset(np.zeros((2, 1)), ("x",), label_names=("a",))
