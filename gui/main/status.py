"""The texts of the status bar: state, iteration, log-likelihood, its change, the time per iteration, re-seedings."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from engine.em import HalfStep, StopReason
from gui.main.fit_worker import FitProgress, ReseedEvent


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
    likelihood_text = _tr("mean log-lik. {0:.6f}").format(likelihood) if math.isfinite(likelihood) else ""
    change = snapshot.change
    change_text = _tr("change {0:.2e}").format(change) if math.isfinite(change) else ""
    ms = progress.ms_per_iteration
    speed = _tr("{0:.1f} ms/iter").format(ms) if math.isfinite(ms) else ""
    return state_text(state, progress), iteration, likelihood_text, change_text, speed


def reseed_text(events: tuple[ReseedEvent, ...], n_init: int = 1) -> str:
    """The status bar's message for re-seedings: which components, at which iteration (and start). Why, and where
    the component went, the Explain panel says with that M-step (the message stays one short line: with both, it
    was longer than the status bar at 1280 x 720)."""
    parts = []
    for event in events:
        names = ", ".join(str(component) for component in event.components)
        if len(event.components) == 1:
            text = _tr("Component {0} collapsed and was re-seeded at iteration {1}").format(names, event.iteration)
        else:
            text = _tr("Components {0} collapsed and were re-seeded at iteration {1}").format(names, event.iteration)
        if n_init > 1:
            text += _tr(" of start {0}").format(event.start + 1)
        parts.append(text)
    return "; ".join(parts)
