"""The ``coins`` command (``engine.cli.coins``, reached through ``main.py``): its exact JSON, text and errors."""

from __future__ import annotations

import json

import numpy as np
import pytest

import main

TWO_COINS = ["coins", "--heads", "5,9,8,4,7", "--tosses", "10", "--theta", "0.6,0.5", "--weights", "0.5,0.5",
             "--fix-weights"]
THREE_COINS = ["coins", "--heads", "1,1,0,1,0,0,1,0,1,1", "--tosses", "1"]


def run(argv, capsys):
    status = main.main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_json_has_exactly_the_documented_keys_and_the_history_starts_with_the_start(capsys):
    status, out, err = run([*TWO_COINS, "--max-iter", "10", "--tol", "0", "--json"], capsys)
    assert status == 0 and err == ""
    document = json.loads(out)
    assert list(document) == ["theta", "weights", "log_likelihood", "n_iter", "converged", "history"]
    assert document["n_iter"] == 10 and document["converged"] is False
    history = document["history"]
    assert len(history) == 11 and all(list(entry) == ["theta", "weights", "log_likelihood"] for entry in history)
    assert history[0]["theta"] == [0.6, 0.5] and history[0]["weights"] == [0.5, 0.5]
    np.testing.assert_allclose(history[1]["theta"], [0.7130, 0.5813], atol=1e-4)
    np.testing.assert_allclose(document["theta"], [0.7967, 0.5197], atol=1e-4)
    assert document["theta"] == history[-1]["theta"]
    assert np.all(np.diff([entry["log_likelihood"] for entry in history]) >= -1e-12)


@pytest.mark.parametrize(("start", "answer"), [("0.5,0.5", (0.5, 0.6, 0.6)), ("0.6,0.7", (0.4064, 0.5368, 0.6432))])
def test_three_coins_from_li_hangs_two_starts(capsys, start, answer):
    weight = "0.5,0.5" if start == "0.5,0.5" else "0.4,0.6"
    status, out, _ = run([*THREE_COINS, "--theta", start, "--weights", weight, "--json"], capsys)
    document = json.loads(out)
    assert status == 0 and document["converged"] is True
    np.testing.assert_allclose([document["weights"][0], *document["theta"]], answer, atol=1e-4)


def test_text_prints_every_iteration_and_the_last_e_step_table(capsys):
    status, out, _ = run([*TWO_COINS, "--max-iter", "10", "--tol", "0"], capsys)
    lines = out.splitlines()
    assert status == 0
    assert sum(line.startswith("iteration ") for line in lines) == 10
    assert lines[0].startswith("iteration    1  theta 0.713012, 0.581339  weights 0.5, 0.5")
    table_head = next(line for line in lines if line.split()[:3] == ["obs", "heads", "tails"])
    assert table_head.split()[3:] == ["r0", "r1", "H0", "T0", "H1", "T1"]
    total = next(line for line in lines if line.startswith("total")).split()
    assert total[1:3] == ["33", "17"]
    assert "theta0 = H0 / (H0 + T0)" in out and lines[-1].startswith("10 iterations (stopped at --max-iter 10)")


def test_a_random_start_with_k_is_seeded(capsys):
    first = json.loads(run([*THREE_COINS, "--k", "2", "--seed", "3", "--json"], capsys)[1])
    second = json.loads(run([*THREE_COINS, "--k", "2", "--seed", "3", "--json"], capsys)[1])
    assert first == second and len(first["theta"]) == 2


@pytest.mark.parametrize(("extra", "message"), [
    (["--heads", "5,11", "--tosses", "10", "--theta", "0.6,0.5"], "11 heads out of 10 tosses"),
    (["--heads", "5,9", "--tosses", "10", "--theta", "0.6,1.5"], "strictly between 0 and 1"),
    (["--heads", "5,9", "--tosses", "10", "--theta", "0.6,0.5", "--weights", "0.5,0.6"], "sum to 1"),
    (["--heads", "5,9", "--tosses", "10,10,10", "--theta", "0.6,0.5"], "one number of tosses"),
    (["--heads", "5,9", "--tosses", "10", "--theta", "0.6,0.5", "--weights", "1"], "one weight per coin"),
    (["--heads", "5,x", "--tosses", "10", "--theta", "0.6"], "--heads must be whole numbers"),
    (["--heads", "5,9", "--tosses", "10"], "--theta"),
    (["--heads", "5,9", "--tosses", "10", "--theta", "0.6,0.5", "--k", "3"], "disagree"),
])
def test_bad_input_is_one_error_line_and_status_2(capsys, extra, message):
    status, out, err = run(["coins", *extra], capsys)
    assert status == 2 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith("error: ") and message in err
