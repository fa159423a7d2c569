"""The headless command line (``engine.cli``, reached through ``main.py``).

Most tests call ``main.main`` in-process (fast); a few run ``python main.py`` in a child process for real exit
codes and to check that the headless path never imports Qt: forked (``forked.ForkParent``, the session's
``command_forks``) from a parent that has imported ``main`` and ``engine.cli`` (and ``fit``'s modules) but never Qt,
which saved each child 0.3 of its 0.5 CPU-seconds; the child then runs as ``python main.py`` runs, from
``main.run()`` to the interpreter's exit. The output contracts checked here
(predict's CSV header, score's JSON keys, exit codes, one ``error:`` line) are relied on by other programs.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from forked import ForkParent

import main
from engine.cli import fitting as cli
from engine.io.model_json import load_model
from engine.io.tables import load_data
from engine.model import predict, predict_proba, score
from engine.presets import PRESETS

ROOT = Path(__file__).resolve().parent.parent
KEEP = b"existing output, must survive a failed command\n"
PRESET = "blobs" if "blobs" in PRESETS else sorted(PRESETS)[0]


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    """Run ``main.main(argv)`` in-process; returns (exit status, stdout, stderr)."""
    status = main.main([str(a) for a in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cli")


@pytest.fixture(scope="module")
def data_csv(workdir) -> Path:
    """A generated 2-D data set with 3 clusters."""
    path = workdir / "data.csv"
    assert main.main(["generate", PRESET, "--n", "240", "--k", "3", "--d", "2", "--seed", "7", "--out", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def model_json(workdir, data_csv) -> Path:
    path = workdir / "model.json"
    assert main.main(["fit", str(data_csv), "--k", "3", "--seed", "0", "--quiet", "--out", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def data3_csv(workdir) -> Path:
    """Three features, for D-mismatch checks against the 2-D model."""
    path = workdir / "data3.csv"
    rng = np.random.default_rng(3)
    np.savetxt(path, rng.normal(size=(50, 3)), delimiter=",", header="a,b,c", comments="")
    return path


# --- the round trip -----------------------------------------------------------------------------------------


def test_generate_writes_a_header_of_feature_names(data_csv):
    header, rows = read_csv(data_csv)
    dataset = load_data(data_csv)
    assert header == list(dataset.feature_names)
    assert len(header) == 2 and len(rows) == 240


def test_generate_with_labels_adds_a_label_column(workdir, capsys):
    out = workdir / "labelled.csv"
    status, _, _ = run(["generate", PRESET, "--n", "60", "--k", "2", "--d", "2", "--seed", "1", "--labels",
                        "--out", out], capsys)
    assert status == 0
    header, rows = read_csv(out)
    assert header[-1] == "label" and len(header) == 3
    assert {row[-1] for row in rows} <= {"0", "1"}


def test_fit_predict_score_round_trip(workdir, data_csv, model_json, capsys):
    loaded = load_model(model_json)
    X = load_data(data_csv).X
    assert loaded.params.n_components == 3
    assert list(loaded.feature_names) == list(load_data(data_csv).feature_names)

    labels_csv = workdir / "labels.csv"
    status, out, err = run(["predict", model_json, data_csv, "--out", labels_csv], capsys)
    assert (status, err) == (0, "")
    header, rows = read_csv(labels_csv)
    assert header == ["label"]
    np.testing.assert_array_equal([int(row[0]) for row in rows], predict(loaded.params, X))

    proba_csv = workdir / "proba.csv"
    status, _, _ = run(["predict", model_json, data_csv, "--proba", "--out", proba_csv], capsys)
    assert status == 0
    text = proba_csv.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "label,p0,p1,p2"
    header, rows = read_csv(proba_csv)
    table = np.array(rows, dtype=float)
    np.testing.assert_array_equal(table[:, 0], predict(loaded.params, X))
    np.testing.assert_allclose(table[:, 1:], predict_proba(loaded.params, X), rtol=0, atol=0)
    np.testing.assert_allclose(table[:, 1:].sum(axis=1), 1.0, rtol=1e-12)

    status, out, err = run(["score", model_json, data_csv, "--json"], capsys)
    assert (status, err) == (0, "")
    result = json.loads(out)
    assert list(result) == ["log_likelihood", "mean_log_likelihood", "n_samples"]
    assert result["n_samples"] == 240
    assert result["mean_log_likelihood"] == score(loaded.params, X)
    assert result["log_likelihood"] == pytest.approx(score(loaded.params, X) * 240, rel=1e-12)

    status, out, _ = run(["score", model_json, data_csv], capsys)
    assert status == 0 and "log-likelihood" in out and "240" in out


def test_columns_accept_names_indices_spaces_and_commas(workdir, data3_csv, capsys):
    models = []
    for columns in (["a,c"], ["a", "c"], ["0", "2"], ["0,c"]):
        out = workdir / "cols.json"
        status, _, err = run(["fit", data3_csv, "--k", "2", "--seed", "1", "--max-iter", "5", "--quiet",
                              "--columns", *columns, "--out", out], capsys)
        assert (status, err) == (0, "")
        models.append(load_model(out))
    assert all(list(m.feature_names) == ["a", "c"] for m in models)
    for other in models[1:]:
        np.testing.assert_array_equal(other.params.means, models[0].params.means)


# --- fit's output --------------------------------------------------------------------------------------------


def test_fit_prints_one_line_per_iteration_then_a_summary(workdir, data_csv, capsys):
    out = workdir / "verbose.json"
    status, stdout, err = run(["fit", data_csv, "--k", "3", "--seed", "0", "--out", out], capsys)
    assert (status, err) == (0, "")
    fitted = load_model(out)
    iteration_lines = [line for line in stdout.splitlines() if line.startswith("iteration ")]
    assert len(iteration_lines) == fitted.fit["n_iter"]
    for word in ("weight", "mean", "covariance", "log-likelihood", "BIC", "iterations", "converged"):
        assert word in stdout


def test_fit_quiet_prints_no_iteration_lines(workdir, data_csv, capsys):
    status, stdout, _ = run(["fit", data_csv, "--k", "3", "--seed", "0", "--quiet", "--out",
                             workdir / "quiet.json"], capsys)
    assert status == 0
    assert not [line for line in stdout.splitlines() if "iteration " in line and "change" in line]
    assert "BIC" in stdout


def test_fit_with_several_starts_marks_the_start(workdir, data_csv, capsys):
    status, stdout, _ = run(["fit", data_csv, "--k", "3", "--n-init", "2", "--seed", "0", "--out",
                             workdir / "starts.json"], capsys)
    assert status == 0
    assert any(line.startswith("start 1/2") for line in stdout.splitlines())
    assert any(line.startswith("start 2/2") for line in stdout.splitlines())


def test_fit_json_is_the_model_document(workdir, data_csv, capsys):
    out = workdir / "json.json"
    status, stdout, err = run(["fit", data_csv, "--k", "3", "--seed", "0", "--json", "--out", out], capsys)
    assert status == 0
    document = json.loads(stdout)  # progress went to stderr, stdout is JSON only
    assert "iteration" in err
    assert document == json.loads(out.read_text(encoding="utf-8"))
    assert document["fit"]["seed"] == 0 and document["fit"]["n_init"] == 1
    assert document["fit"]["init"] == "kmeans++"


def test_fit_from_the_tutorial_start(workdir, data_csv, capsys):
    """``--init tutorial``: K data points as means, identity covariances, equal weights (the 0-iteration fit)."""
    out = workdir / "tutorial.json"
    status, _, _ = run(["fit", data_csv, "--k", "3", "--init", "tutorial", "--max-iter", "0", "--seed", "2",
                        "--quiet", "--out", out], capsys)
    assert status == 0
    model = load_model(out)
    assert model.fit["init"] == "tutorial"
    np.testing.assert_array_equal(model.params.covariances, np.stack([np.eye(2)] * 3))
    np.testing.assert_array_equal(model.params.weights, np.full(3, 1 / 3))
    X = load_data(data_csv).X
    assert all(np.any(np.all(X == mean, axis=1)) for mean in model.params.means)


def test_fit_without_seed_records_the_seed_it_drew(workdir, data_csv, capsys):
    out = workdir / "seedless.json"
    assert run(["fit", data_csv, "--k", "2", "--quiet", "--out", out], capsys)[0] == 0
    seed = load_model(out).fit["seed"]
    assert isinstance(seed, int) and seed >= 0


def test_init_model_takes_k_and_covariance_from_the_model(workdir, data_csv, capsys):
    start = workdir / "start_diag.json"
    assert run(["fit", data_csv, "--k", "2", "--covariance", "diag", "--max-iter", "1", "--seed", "2", "--quiet",
                "--out", start], capsys)[0] == 0
    out = workdir / "from_start.json"
    status, _, err = run(["fit", data_csv, "--init-model", start, "--quiet", "--out", out], capsys)
    assert (status, err) == (0, "")
    fitted = load_model(out)
    assert fitted.params.n_components == 2 and fitted.params.covariance_type.value == "diag"
    assert fitted.fit["init"] == "given"


def _sklearn_precisions(params) -> np.ndarray:
    chol = np.asarray(params.precisions_chol)
    if params.covariance_type.value == "full":
        return np.einsum("kij,klj->kil", chol, chol)
    if params.covariance_type.value == "tied":
        return chol @ chol.T
    return chol**2


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
@pytest.mark.parametrize("covariance", ["full", "diag", "tied", "spherical"])
def test_fit_from_init_model_matches_scikit_learn(workdir, data3_csv, covariance, capsys):
    from sklearn.mixture import GaussianMixture

    # Unstructured data started from k-means++ (--max-iter 0): EM still moves the parameters in every one
    # of the 25 iterations, so a wrong step would show.
    start = workdir / f"start_{covariance}.json"
    assert run(["fit", data3_csv, "--k", "3", "--covariance", covariance, "--max-iter", "0", "--seed", "4",
                "--quiet", "--out", start], capsys)[0] == 0
    out = workdir / f"fitted_{covariance}.json"
    status, _, err = run(["fit", data3_csv, "--init-model", start, "--k", "3", "--covariance", covariance,
                          "--tol", "0", "--max-iter", "25", "--quiet", "--out", out], capsys)
    assert (status, err) == (0, "")
    initial, fitted = load_model(start).params, load_model(out).params
    assert load_model(out).fit["n_iter"] == 25

    reference = GaussianMixture(
        n_components=3, covariance_type=covariance, tol=0.0, max_iter=25, reg_covar=1e-6, init_params="random",
        weights_init=initial.weights, means_init=initial.means, precisions_init=_sklearn_precisions(initial),
        random_state=0,
    ).fit(load_data(data3_csv).X)
    assert not np.allclose(fitted.means, initial.means, rtol=1e-3)
    np.testing.assert_allclose(fitted.weights, reference.weights_, rtol=1e-7)
    np.testing.assert_allclose(fitted.means, reference.means_, rtol=1e-7)
    np.testing.assert_allclose(fitted.covariances, reference.covariances_, rtol=1e-7)


# --- bad input: exit 2, one line, nothing written -----------------------------------------------------------


@pytest.fixture(scope="module")
def bad_files(workdir) -> dict[str, Path]:
    files = {}
    files["nan"] = workdir / "nan.csv"
    files["nan"].write_text("x,y\n1,2\n3,nan\n5,6\n", encoding="utf-8")
    files["few"] = workdir / "few.csv"
    files["few"].write_text("x,y\n" + "1,2\n3,4\n1,2\n3,4\n", encoding="utf-8")
    files["binary"] = workdir / "binary.csv"
    files["binary"].write_bytes(b"\x00\x01\x02\xff" * 10)
    files["not_json"] = workdir / "not_json.json"
    files["not_json"].write_text("{ this is not json", encoding="utf-8")
    files["bad_model"] = workdir / "bad_model.json"
    return files


@pytest.fixture(scope="module")
def invalid_model(bad_files, model_json) -> Path:
    """A model whose weights do not sum to one (fails validation)."""
    document = json.loads(model_json.read_text(encoding="utf-8"))
    _scale_weights(document)
    bad_files["bad_model"].write_text(json.dumps(document), encoding="utf-8")
    return bad_files["bad_model"]


def _scale_weights(node) -> bool:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "weights" and isinstance(value, list):
                node[key] = [-w for w in value]
                return True
            if _scale_weights(value):
                return True
    return False


BAD_CASES = {
    # fit
    "fit: missing data file": ["fit", "{work}/missing.csv", "--k", "2", "--out", "{out}"],
    "fit: data is binary": ["fit", "{binary}", "--k", "2", "--out", "{out}"],
    "fit: unknown column": ["fit", "{data}", "--k", "2", "--columns", "nope", "--out", "{out}"],
    "fit: column index out of range": ["fit", "{data}", "--k", "2", "--columns", "0,9", "--out", "{out}"],
    "fit: NaN in the data": ["fit", "{nan}", "--k", "2", "--out", "{out}"],
    "fit: K = 0": ["fit", "{data}", "--k", "0", "--out", "{out}"],
    "fit: K not a number": ["fit", "{data}", "--k", "three", "--out", "{out}"],
    "fit: K without --k": ["fit", "{data}", "--out", "{out}"],
    "fit: K > distinct points": ["fit", "{few}", "--k", "3", "--out", "{out}"],
    "fit: negative tol": ["fit", "{data}", "--k", "2", "--tol", "-1", "--out", "{out}"],
    "fit: tol nan": ["fit", "{data}", "--k", "2", "--tol", "nan", "--out", "{out}"],
    "fit: max-iter not whole": ["fit", "{data}", "--k", "2", "--max-iter", "2.5", "--out", "{out}"],
    "fit: bad reg-covar": ["fit", "{data}", "--k", "2", "--reg-covar", "x", "--out", "{out}"],
    "fit: n-init 0": ["fit", "{data}", "--k", "2", "--n-init", "0", "--out", "{out}"],
    "fit: negative seed": ["fit", "{data}", "--k", "2", "--seed", "-3", "--out", "{out}"],
    "fit: unknown covariance": ["fit", "{data}", "--k", "2", "--covariance", "round", "--out", "{out}"],
    "fit: init given without model": ["fit", "{data}", "--k", "2", "--init", "given", "--out", "{out}"],
    "fit: init model not JSON": ["fit", "{data}", "--init-model", "{not_json}", "--out", "{out}"],
    "fit: init model invalid": ["fit", "{data}", "--init-model", "{invalid}", "--out", "{out}"],
    "fit: init model K differs": ["fit", "{data}", "--init-model", "{model}", "--k", "2", "--out", "{out}"],
    "fit: init model covariance differs": ["fit", "{data}", "--init-model", "{model}", "--covariance", "diag",
                                           "--out", "{out}"],
    "fit: init model D differs": ["fit", "{data3}", "--init-model", "{model}", "--out", "{out}"],
    "fit: output folder missing": ["fit", "{data}", "--k", "2", "--out", "{work}/no/such/folder/m.json"],
    "fit: output is a folder": ["fit", "{data}", "--k", "2", "--out", "{work}"],
    # predict
    "predict: missing model": ["predict", "{work}/missing.json", "{data}", "--out", "{out}"],
    "predict: model not JSON": ["predict", "{not_json}", "{data}", "--out", "{out}"],
    "predict: invalid model": ["predict", "{invalid}", "{data}", "--out", "{out}"],
    "predict: data D differs": ["predict", "{model}", "{data3}", "--out", "{out}"],
    "predict: NaN in the data": ["predict", "{model}", "{nan}", "--out", "{out}"],
    "predict: unknown column": ["predict", "{model}", "{data3}", "--columns", "a", "zz", "--out", "{out}"],
    "predict: output folder missing": ["predict", "{model}", "{data}", "--out", "{work}/no/such/p.csv"],
    # score
    "score: missing data": ["score", "{model}", "{work}/missing.csv"],
    "score: data D differs": ["score", "{model}", "{data3}", "--json"],
    "score: NaN in the data": ["score", "{model}", "{nan}"],
    # generate
    "generate: unknown preset": ["generate", "no-such-preset", "--out", "{out}"],
    "generate: bad n": ["generate", PRESET, "--n", "-5", "--out", "{out}"],
    "generate: bad k": ["generate", PRESET, "--k", "zero", "--out", "{out}"],
    "generate: output folder missing": ["generate", PRESET, "--out", "{work}/no/such/d.csv"],
    # the command line itself
    "unknown command": ["fitt", "{data}"],
    "unknown option": ["score", "{model}", "{data}", "--bogus"],
    "missing --out": ["predict", "{model}", "{data}"],
}


@pytest.mark.parametrize("case", list(BAD_CASES), ids=list(BAD_CASES))
def test_bad_input_exits_2_with_one_line_and_writes_nothing(case, workdir, data_csv, data3_csv, model_json,
                                                            bad_files, invalid_model, tmp_path, capsys):
    out = tmp_path / "existing.out"
    out.write_bytes(KEEP)
    places = {"work": workdir, "out": out, "data": data_csv, "data3": data3_csv, "model": model_json,
              "invalid": invalid_model, **bad_files}
    argv = [arg.format(**places) for arg in BAD_CASES[case]]
    before = sorted(p.name for p in tmp_path.iterdir())
    status, stdout, stderr = run(argv, capsys)
    assert status == 2, (stdout, stderr)
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    assert "Traceback" not in stderr
    assert out.read_bytes() == KEEP
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no temporary file left behind
    assert not (workdir / "no").exists()


def test_d_mismatch_message_says_what_to_do(model_json, data3_csv, capsys):
    status, _, stderr = run(["score", model_json, data3_csv], capsys)
    assert status == 2
    # The README quotes this sentence: the names the model was fitted on come after it, not inside it.
    assert "error: the data has 3 features but the model expects 2: choose columns with --columns. " in stderr
    assert "x0, x1" in stderr


def test_predict_does_not_suggest_an_option_it_lacks(model_json, bad_files, tmp_path, capsys):
    status, _, stderr = run(["predict", model_json, bad_files["nan"], "--out", tmp_path / "p.csv"], capsys)
    assert status == 2
    assert "line 3" in stderr and "--drop-invalid" not in stderr


def test_score_can_drop_invalid_rows(model_json, bad_files, capsys):
    status, stdout, _ = run(["score", model_json, bad_files["nan"], "--drop-invalid", "--json"], capsys)
    assert status == 0
    result = json.loads(stdout)
    assert result["n_samples"] == 2
    X = np.array([[1.0, 2.0], [5.0, 6.0]])
    assert result["mean_log_likelihood"] == score(load_model(model_json).params, X)


def test_interrupt_exits_130_and_writes_nothing(workdir, data_csv, tmp_path, monkeypatch, capsys):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "fit", interrupted)
    out = tmp_path / "model.json"
    out.write_bytes(KEEP)
    status, _, stderr = run(["fit", data_csv, "--k", "2", "--out", out], capsys)
    assert status == 130
    assert len(stderr.splitlines()) == 1
    assert out.read_bytes() == KEEP


# --- main.py's dispatch --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "headless"),
    [([], False), (["data.csv"], False), (["some/folder/points"], False), (["fit", "d.csv"], True),
     (["score"], True), (["-h"], True), (["--help"], True), (["fitt"], True), (["a.csv", "b.csv"], True)],
)
def test_main_sends_commands_to_the_cli_and_files_to_the_window(argv, headless):
    assert main._wants_command_line(argv) is headless


def test_help_lists_the_commands(capsys):
    status, stdout, _ = run(["--help"], capsys)
    assert status == 0
    for command in ("fit", "predict", "score", "generate"):
        assert command in stdout


def _forked(forks: ForkParent, folder: Path, *args, code: str | None = None) -> subprocess.CompletedProcess:
    """``python main.py ARGS`` (or ``python -c CODE ARGS``), forked from ``forks``; its stdout and stderr go
    through files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    return forks.run([str(arg) for arg in args], dict(os.environ), (folder / "stdout.txt", folder / "stderr.txt"),
                     code=code)


#: Runs ``main.main`` on each JSON argument list given, in turn, in one interpreter; after each command it
#: prints a line ``REPORT {...}``: the command's status, the Qt modules loaded by then and whether
#: scipy.optimize is. Modules only accumulate, so a report that finds none finds none for that command alone.
HEADLESS_COMMANDS = """
import json, sys, main
for argv in map(json.loads, sys.argv[1:]):
    status = main.main(argv)
    qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))
    print('REPORT ' + json.dumps({'status': status, 'qt': qt, 'optimize': 'scipy.optimize' in sys.modules}))
"""


@pytest.fixture(scope="module")
def headless_commands(command_forks, model_json, data_csv, workdir) -> dict[str, tuple[list[str], dict]]:
    """What score and then fit printed, and their reports (see ``HEADLESS_COMMANDS``), from one child."""
    commands = {"score": ["score", str(model_json), str(data_csv), "--json"],
                "fit": ["fit", str(data_csv), "--k", "2", "--seed", "0", "--out", str(workdir / "headless.json")]}
    proc = _forked(command_forks, workdir / "headless", *map(json.dumps, commands.values()), code=HEADLESS_COMMANDS)
    assert proc.returncode == 0, proc.stderr
    outputs, printed = [], []
    for line in proc.stdout.splitlines():
        if line.startswith("REPORT "):
            outputs.append((printed, json.loads(line.removeprefix("REPORT "))))
            printed = []
        else:
            printed.append(line)
    assert len(outputs) == len(commands), proc.stdout
    return dict(zip(commands, outputs, strict=True))


@pytest.mark.parametrize("command", ["fit", "score"])
def test_headless_commands_do_not_import_qt(command, headless_commands):
    printed, report = headless_commands[command]
    # Nor scipy.optimize (0.35 s to import, needed only to match components to true labels).
    assert report == {"status": 0, "qt": [], "optimize": False}
    if command == "score":
        assert set(json.loads(printed[0])) == {"log_likelihood", "mean_log_likelihood", "n_samples"}


def test_python_main_py_exit_codes(command_forks, workdir, model_json, data_csv, tmp_path):
    proc = _forked(command_forks, tmp_path / "score", "score", model_json, data_csv, "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["n_samples"] == 240

    out = tmp_path / "kept.csv"
    out.write_bytes(KEEP)
    proc = _forked(command_forks, tmp_path / "predict", "predict", model_json, workdir / "missing.csv", "--out", out)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: ") and len(proc.stderr.splitlines()) == 1
    assert out.read_bytes() == KEEP


#: ``python main.py ARGS`` as the console script runs it, with an ``atexit`` function that writes to stdout without
#: flushing, and a line after ``main.run()`` that a process still running would print. Stdout is block-buffered
#: whatever the environment says (PYTHONUNBUFFERED would flush every write).
FINISHED_COMMAND = """
import atexit, sys, main
sys.stdout = open(1, "w", buffering=8192, closefd=False)
atexit.register(lambda: sys.stdout.write("atexit function ran"))
sys.argv = ["main.py", *sys.argv[1:]]
status = main.run()
print("main.run returned", status, file=sys.stderr, flush=True)
"""


@pytest.mark.parametrize("outcome", ["done", "bad input"])
def test_a_finished_command_ends_its_process_after_its_atexit_functions(outcome, command_forks, model_json,
                                                                       data_csv, workdir, tmp_path):
    """``main.run`` ends a finished command's process itself (without the interpreter's teardown), with the
    command's status, everything printed and the ``atexit`` functions run and flushed."""
    data = data_csv if outcome == "done" else workdir / "missing.csv"
    proc = _forked(command_forks, tmp_path / "end", "score", model_json, data, "--json", code=FINISHED_COMMAND)
    assert proc.returncode == (0 if outcome == "done" else 2), proc.stderr
    printed, _, last = proc.stdout.rpartition("\n")
    assert last == "atexit function ran"
    if outcome == "done":
        assert json.loads(printed)["n_samples"] == 240
        assert proc.stderr == ""
    else:
        assert printed == "" and proc.stderr.startswith("error: ") and len(proc.stderr.splitlines()) == 1


def test_a_closed_pipe_stops_quietly(data_csv, tmp_path):
    """``gmm-explorer fit ... | head -1``: the reader leaves early; no traceback, the shell's 141."""
    argv = [sys.executable, "main.py", "fit", str(data_csv), "--k", "2", "--tol", "0", "--max-iter", "200",
            "--seed", "0", "--out", str(tmp_path / "m.json")]
    with subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as child:
        child.stdout.readline()
        child.stdout.close()  # like head after its first line
        stderr = child.stderr.read().decode()
        status = child.wait(timeout=120)
    assert status == 141
    assert "Traceback" not in stderr
