"""BIC and AIC of the mixture on the canvas, in the status bar, as scikit-learn's ``bic()`` and ``aic()`` give them.

``FitCriteria`` follows every drawn snapshot (``Controller.frame_drawn``). An E-step's snapshot carries the
mean log-likelihood of the data under its own parameters, so its BIC and AIC are known at once
(``engine.selection.criteria.information_criteria``). Any other snapshot (the start, an M-step, the end of
a fit) has new parameters whose log-likelihood no E-step has computed yet: once the canvas has shown them
for ``SCORE_AFTER_MS`` (a running fit's next E-step usually comes first), the data is scored under them in
a ``gui.threads`` job, one at a time, only for the newest parameters. New data empties the label until
its first snapshot.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QLabel

from engine.em import EMSnapshot, HalfStep
from engine.model import score
from engine.params import MixtureParams
from engine.selection.criteria import information_criteria
from gui.main.controller import Controller
from gui.main.window import MainWindow
from gui.threads import Jobs

#: Parameters on screen this long without an E-step's log-likelihood are scored in a job, in milliseconds.
SCORE_AFTER_MS = 120


def score_job(params: MixtureParams, X: NDArray[np.floating]) -> Iterator[None]:
    """The job: the mean log-likelihood per row of ``X`` (n_samples, n_features) under ``params``."""
    yield  # an abort point
    return score(params, X)


class FitCriteria(QObject):
    """The status bar's BIC and AIC of the fit on the canvas (see the module docstring).

    Parameters
    ----------
    window : MainWindow
    controller : Controller
        Also the parent.

    Attributes
    ----------
    values : (float, float) or None
        The BIC and AIC shown (lower is better), None while there are none.
    label : QLabel
    """

    def __init__(self, window: MainWindow, controller: Controller) -> None:
        super().__init__(controller)
        self._controller = controller
        self.values: tuple[float, float] | None = None
        self.label = QLabel()
        self.label.setToolTip(self.tr(
            "BIC = -2 log L + p log N and AIC = -2 log L + 2 p of the mixture on the canvas (L its likelihood of "
            "the N points, p its free parameters), exactly as scikit-learn's bic() and aic(): lower is better. "
            "mclust's BIC is minus this."))
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance("BIC 12345.67  AIC 12345.67") + 12)
        window.add_data_status(self.label)
        self._jobs = Jobs("criteria", self)
        self._scoring: int | None = None  # the job scoring now
        self._newest: tuple[MixtureParams, NDArray[np.floating]] | None = None  # parameters on screen, unscored
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SCORE_AFTER_MS)
        self._timer.timeout.connect(self._score_newest)
        controller.frame_drawn.connect(self._on_frame_drawn)
        controller.data_arriving.connect(self._on_data_arriving)
        controller.add_job_owner(self)
        self._show(None)

    def _show(self, values: tuple[float, float] | None) -> None:
        self.values = values
        if values is None:
            self.label.setText(self.tr("BIC –  AIC –"))
        else:
            self.label.setText(self.tr("BIC {0:.2f}  AIC {1:.2f}").format(*values))

    @Slot(int, object)
    def _on_frame_drawn(self, _run_id: int, snapshot: EMSnapshot) -> None:
        params = snapshot.params
        dataset = self._controller.session.dataset
        if not isinstance(params, MixtureParams) or dataset is None:
            return
        if snapshot.half_step is HalfStep.E and math.isfinite(snapshot.mean_log_likelihood):
            self._newest = None
            self._timer.stop()
            _, bic, aic = information_criteria(params, snapshot.mean_log_likelihood, dataset.n_samples)
            self._show((bic, aic))
            return
        self._newest = (params, dataset.X)
        if self._scoring is None:
            self._timer.start()

    @Slot(bool)
    def _on_data_arriving(self, _replaces_data: bool) -> None:
        self._newest = None
        self._timer.stop()
        self._show(None)

    @Slot()
    def _score_newest(self) -> None:
        if self._newest is None or self._scoring is not None:
            return
        params, X = self._newest
        self._scoring = self._jobs.new_id()
        self._jobs.start(score_job, params, X, job_id=self._scoring,
                         on_returned=lambda _job, mean: self._on_scored(params, X, mean),
                         on_finished=self._on_finished)

    def _on_scored(self, params: MixtureParams, X: NDArray[np.floating], mean_log_likelihood: float) -> None:
        newest = self._newest
        if newest is None or newest[0] is not params or newest[1] is not X:
            return  # other parameters are on screen now
        self._newest = None
        if math.isfinite(mean_log_likelihood):
            _, bic, aic = information_criteria(params, mean_log_likelihood, X.shape[0])
            self._show((bic, aic))
        else:
            self._show(None)

    @Slot(int)
    def _on_finished(self, _job_id: int) -> None:
        self._scoring = None
        if self._newest is not None:
            self._timer.start()

    def shutdown(self, timeout_ms: int) -> bool:
        """Abort the scoring job and wait for its thread (at most ``timeout_ms``); True if it ended."""
        self._timer.stop()
        return self._jobs.shutdown(timeout_ms)


__all__ = ["FitCriteria", "score_job"]
