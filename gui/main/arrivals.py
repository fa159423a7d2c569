"""New data starts clean: a preset sets its own K, and locks, components placed by hand and a loaded model of the
data before are let go, with a line in the status bar saying what went.

``NewData.prepare`` runs when the user's new data (a preset generated, a file opened) arrives, before it is shown
and EM resets on it; edits of the points and a lesson's data do not pass here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engine.errors import GMMError
from engine.io.tables import Dataset
from engine.locks import CovarianceLock
from engine.presets import PRESETS, preset_truth
from gui.main.session import Session

#: How long the status bar shows what new data cleared, in milliseconds.
CLEARED_MESSAGE_MS = 10_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("Controller", text)


def preset_components(dataset: Dataset, k: int, d: int) -> int | None:
    """The number of components a generated preset was drawn from (``k``, ``d``: the Data panel's), or None for
    data that is not a preset's."""
    name = dataset.source.removeprefix("preset:") if dataset.source.startswith("preset:") else None
    if name not in PRESETS:
        return None
    try:
        return len(preset_truth(name, k=k, d=d).weights)
    except GMMError:
        return None


class NewData:
    """What the user's new data changes in the window (see the module docstring).

    Parameters
    ----------
    window : MainWindow
    session : Session
    """

    def __init__(self, window, session: Session) -> None:
        self._window = window
        self._session = session

    def prepare(self, dataset: Dataset) -> str:
        """Set a preset's K and let go of the locks, the components placed by hand and the loaded model; returns
        the status bar's line about it ("" if nothing changed)."""
        window, session = self._window, self._session
        changes: list[str] = []
        request = window.data_request()
        k = preset_components(dataset, request.k, request.d)
        if k is not None and k != window.component_count():
            window.set_controls({"n_components": k})
            changes.append(_tr("K = {0} as the preset").format(k))
        controls = window.controls()
        if controls["equal_weights"] or controls["covariance_lock"] != CovarianceLock.FREE.value or controls["frozen"]:
            window.set_controls({"equal_weights": False, "covariance_lock": CovarianceLock.FREE.value, "frozen": ()})
            changes.append(_tr("locks cleared"))
        if session.hand_params is not None:
            session.hand_params = None
            changes.append(_tr("components placed by hand cleared"))
        if session.model is not None:
            session.model = None
            changes.append(_tr("loaded model cleared"))
        if window.uses_given():
            window.use_default_init()
        if not changes:
            return ""
        # The separator between the changes is translated too: Chinese lists clauses with a full-width comma.
        return _tr("New data: {0}.").format(_tr(", ").join(changes))
