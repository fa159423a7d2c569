"""``gmm-explorer select``: its outputs (table, top 3, --json, --table, --out), exit codes and atomicity."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

import main
from engine.cli.select import CSV_HEADER
from engine.io.model_json import load_model

ROOT = Path(__file__).resolve().parent.parent
KEEP = b"existing output, must survive a failed command\n"
FAST = ["--k", "1-3", "--covariance", "full,spherical", "--n-init", "1", "--folds", "2", "--seed", "0",
        "--tol", "1e-6", "--jobs", "1"]


def run(argv, capsys) -> tuple[int, str, str]:
    status = main.main([str(a) for a in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("select")


@pytest.fixture(scope="module")
def data_csv(workdir) -> Path:
    path = workdir / "data.csv"
    assert main.main(["generate", "three-blobs", "--n", "150", "--seed", "1", "--out", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def selected(workdir, data_csv):
    """One run writing every output, and what it printed."""
    out, table = workdir / "best.json", workdir / "grid.csv"
    status = main.main(["select", str(data_csv), *FAST, "--out", str(out), "--table", str(table)])
    return status, out, table


def test_the_table_and_the_top_3_as_printed(data_csv, capsys):
    status, out, err = run(["select", data_csv, *FAST], capsys)
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == ("    K covariance  log-likelihood params          BIC          AIC          ICL  "
                        "CV loglik/row  precision  flags")
    rows = lines[2:8]
    assert [row[2:].split()[:2] for row in rows] == [
        ["1", "full"], ["2", "full"], ["3", "full"], ["1", "spherical"], ["2", "spherical"], ["3", "spherical"]]
    assert sum(row.startswith("*") for row in rows) == 1
    top = lines.index("Top 3 models based on the BIC criterion (lower is better; mclust's value = -ours):")
    assert lines[top + 2].split()[0] == "BIC" and lines[top + 3].split()[:3] == ["BIC", "diff", "0.000"]
    bics = [float(value) for value in lines[top + 2].split()[1:]]
    assert bics == sorted(bics)
    assert any(line.startswith("chosen by BIC: 3 components, full covariance") for line in lines)
    assert err.splitlines()[0].startswith("select: 150 rows x 2 features; K in 1-3 x full, spherical; 1 starts")
    assert len([line for line in err.splitlines() if line.startswith("cell ")]) == 6


def test_a_grid_of_one_cell_has_a_top_1_model(data_csv, capsys):
    status, out, _ = run(["select", data_csv, *FAST, "--k", "3", "--covariance", "full", "--quiet"], capsys)
    assert status == 0
    assert "Top 1 model based on the BIC criterion (lower is better; mclust's value = -ours):" in out.splitlines()


def test_quiet_prints_no_progress(data_csv, capsys):
    status, _, err = run(["select", data_csv, *FAST, "--k", "1-2", "--quiet"], capsys)
    assert status == 0 and err == ""


def test_a_drawn_seed_is_printed_even_when_quiet(workdir, data_csv, capsys):
    """Without --seed the run's seed is drawn; --quiet drops the progress that named it, so the summary does."""
    grid = ["--k", "1-2", "--covariance", "spherical", "--n-init", "1", "--folds", "2", "--jobs", "1", "--quiet"]
    first, again = workdir / "drawn.csv", workdir / "repeated.csv"
    status, out, _ = run(["select", data_csv, *grid, "--table", first], capsys)
    assert status == 0
    seeds = [line.split()[1] for line in out.splitlines() if line.startswith("seed ") and "was drawn" in line]
    assert len(seeds) == 1
    assert run(["select", data_csv, *grid, "--seed", seeds[0], "--table", again], capsys)[0] == 0
    assert again.read_bytes() == first.read_bytes()


def test_json_is_one_document_with_the_grid_and_the_choice(data_csv, capsys):
    status, out, err = run(["select", data_csv, *FAST, "--criterion", "icl", "--json"], capsys)
    assert status == 0
    document = json.loads(out)
    assert document["criterion"] == "icl"
    assert document["grid"]["ks"] == [1, 2, 3] and document["grid"]["covariance_types"] == ["full", "spherical"]
    assert document["grid"]["seed"] == 0 and document["grid"]["folds"] == 2
    assert len(document["cells"]) == 6
    assert set(document["best"]) == {"bic", "aic", "icl", "cv"}
    assert (document["chosen"]["n_components"], document["chosen"]["covariance_type"]) == (
        document["best"]["icl"]["n_components"], document["best"]["icl"]["covariance_type"])
    assert "cell " in err


def test_table_csv_has_a_header_and_a_row_per_cell(selected):
    status, _, table = selected
    assert status == 0
    with open(table, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_HEADER
    assert len(rows) == 7
    assert [row[CSV_HEADER.index("chosen")] for row in rows[1:]].count("True") == 1
    float(rows[1][CSV_HEADER.index("bic")])


def test_out_is_the_best_model_with_a_selection_entry(selected):
    status, out, table = selected
    assert status == 0
    model = load_model(out)
    selection = model.fit["selection"]
    assert selection["criterion"] == "bic"
    assert selection["grid"]["ks"] == [1, 2, 3] and selection["grid"]["n_init"] == 1
    assert selection["grid"]["tol"] == 1e-6 and selection["grid"]["max_iter"] == 3000
    assert (selection["chosen"]["n_components"], selection["chosen"]["covariance_type"]) == (3, "full")
    assert model.params.n_components == 3 and model.fit["bic"] == pytest.approx(selection["chosen"]["bic"])
    assert model.fit["seed"] == selection["chosen"]["seed"]


@pytest.mark.parametrize("extra, message", [
    (["--k", "5-2"], "reversed"),
    (["--k", ""], "no number"),
    (["--covariance", "full,round"], "unknown covariance type 'round'"),
    (["--criterion", "best"], "--criterion"),
    (["--folds", "1"], "--folds"),
    (["--folds", "200"], "200 cross-validation folds"),
    (["--k", "1-200"], "distinct rows"),
    (["--lrt", "oval"], "--lrt"),
    (["--lrt", "full", "--boot", "0"], "--boot"),
    (["--boot", "5"], "give --lrt TYPE"),
])
def test_bad_input_is_one_error_line_and_nothing_is_written(workdir, data_csv, capsys, extra, message):
    out, table = workdir / "kept.json", workdir / "kept.csv"
    out.write_bytes(KEEP)
    table.write_bytes(KEEP)
    status, stdout, err = run(["select", data_csv, *FAST, *extra, "--out", out, "--table", table], capsys)
    assert status == 2
    assert stdout == ""
    assert len(err.splitlines()) == 1 and err.startswith("error: ") and message in err
    assert out.read_bytes() == KEEP and table.read_bytes() == KEEP


@pytest.mark.parametrize("ks, message", [
    ("1-1000000000000", "K = 1000000000000 is larger than the number of distinct rows in the data (150)"),
    ("2,5-1000000000000", "K = 1000000000000 is larger than the number of distinct rows in the data (150)"),
    ("1-3,2-1000000000000", "names a number of components twice"),
    ("1--2", "at least 1"),
])
def test_a_k_range_is_checked_without_listing_every_k(data_csv, capsys, ks, message):
    """A range as wide as 1-1e12 is refused at once (listing it ran out of memory: a traceback)."""
    status, stdout, err = run(["select", data_csv, *FAST, "--k", ks], capsys)
    assert status == 2 and stdout == ""
    assert len(err.splitlines()) == 1 and err.startswith("error: ") and message in err


def test_an_output_that_is_the_input_is_refused(data_csv, capsys):
    before = Path(data_csv).read_bytes()
    status, _, err = run(["select", data_csv, *FAST, "--table", data_csv], capsys)
    assert status == 2 and "would overwrite the input data file" in err
    assert Path(data_csv).read_bytes() == before


def test_no_chosen_model_writes_nothing(workdir, capsys):
    # Five distinct rows, each repeated: every K >= 2 sits on the copies, so every cell but K = 1 is degenerate,
    # and K = 1 has a variance at the floor in one direction too (the rows lie on a line).
    data = workdir / "line.csv"
    rows = np.repeat(np.column_stack([np.arange(5.0), 2 * np.arange(5.0)]), 4, axis=0)
    np.savetxt(data, rows, delimiter=",", header="a,b", comments="")
    out, table = workdir / "none.json", workdir / "none.csv"
    status, stdout, err = run(["select", data, "--k", "1-2", "--covariance", "full", "--n-init", "1", "--folds",
                               "2", "--seed", "0", "--jobs", "1", "--out", out, "--table", table], capsys)
    assert status == 2 and "nothing to write" in err
    assert not out.exists() and not table.exists()


def test_lrt_lines(data_csv, capsys):
    status, out, err = run(["select", data_csv, *FAST, "--covariance", "full", "--k", "1-3", "--lrt", "full",
                            "--boot", "3"], capsys)
    assert status == 0
    assert "Bootstrap likelihood-ratio test, full covariance, 3 replicates per step (alpha 0.05):" in out
    assert "  1 vs 2 components: LRT" in out and "p-value 0.2500" in out
    assert "LRT full: 1 vs 2 components" in err


def _children(pid: int) -> list[int]:
    listing = subprocess.run(["ps", "--ppid", str(pid), "-o", "pid="], capture_output=True, text=True).stdout
    return [int(word) for word in listing.split()]


#: A worker has computed its cell for this long (CPU seconds) before the command is stopped.
COMPUTING_S = 0.1


def _cpu_seconds(pid: int) -> float:
    """The CPU time (user and system) process ``pid`` has used so far; 0 once it has gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.fixture(scope="module")
def large_csv(workdir) -> Path:
    data = workdir / "large.csv"
    assert main.main(["generate", "three-blobs", "--n", "20000", "--seed", "2", "--out", str(data)]) == 0
    return data


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL])
@pytest.mark.slow  # real processes: run first (see tests/conftest.py)
def test_no_worker_outlives_the_command(workdir, large_csv, how):
    """Ctrl-C ends the command with 130 and writes nothing; a killed command's workers end within seconds
    (their cells here would run for a minute: tol 0 runs every one of --max-iter iterations)."""
    data, out = large_csv, workdir / "large.json"
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "select", str(data), "--k", "8,9",
                                "--covariance", "full", "--tol", "0", "--max-iter", "20000", "--n-init", "1",
                                "--jobs", "2", "--out", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    try:
        deadline = time.monotonic() + 30
        while len(workers := _children(process.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(workers) == 2
        while min(map(_cpu_seconds, workers)) < COMPUTING_S and time.monotonic() < deadline:
            time.sleep(0.02)
        assert min(map(_cpu_seconds, workers)) >= COMPUTING_S  # the workers are computing their cells
        process.send_signal(how)
        _, err = process.communicate(timeout=30)
    finally:
        process.kill()
    if how == signal.SIGINT:
        assert process.returncode == 130 and err.strip().splitlines()[-1] == "interrupted: nothing was written."
    deadline = time.monotonic() + 5
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)
    assert not out.exists()
