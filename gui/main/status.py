"""The texts of the status bar: state, iteration, log-likelihood, its change and the time per iteration."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from engine.em import HalfStep, StopReason
from gui.main.fit_worker import FitProgress


def _tr(text: str) -> str:
    return QCoreApplication.translate("Status", text)


def state_text(state: str, progress: FitProgress | None) -> str:
    """What EM is doing, with the reason it stopped once it has."""
    snapshot = progress.snapshot if progress is not None else None
    if snapshot is not None and snapshot.done:
        if snapshot.converged:
            return _tr("converged")
        return _tr("max iterations reached") if snapshot.stop_reason is StopReason.MAX_ITER else _tr("finished")
    return {
        "idle": _tr("ready"),
        "running": _tr("running"),
        "stepping": _tr("stepping"),
        "paused": _tr("paused"),
        "finished": _tr("finished"),
        "stopped": _tr("stopped"),
        "failed": _tr("failed"),
    }.get(state, state)


def status_texts(state: str, progress: FitProgress | None) -> tuple[str, str, str, str, str]:
    """(state, iteration, log-likelihood, change, ms per iteration) for the status bar's labels."""
    if progress is None:
        return state_text(state, None), "", "", "", ""
    snapshot = progress.snapshot
    if snapshot.half_step is HalfStep.INIT:
        iteration = _tr("start: initial parameters")
    else:
        iteration = _tr("iteration {0} ({1})").format(snapshot.iteration, snapshot.half_step.value)
    likelihood = snapshot.mean_log_likelihood
    likelihood_text = _tr("log-lik. {0:.6f}").format(likelihood) if math.isfinite(likelihood) else ""
    change = snapshot.change
    change_text = _tr("change {0:.2e}").format(change) if math.isfinite(change) else ""
    ms = progress.ms_per_iteration
    speed = _tr("{0:.1f} ms/iter").format(ms) if math.isfinite(ms) else ""
    return state_text(state, progress), iteration, likelihood_text, change_text, speed
