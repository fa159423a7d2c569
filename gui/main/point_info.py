"""The hovered point's E-step, kept live: recomputed for every snapshot drawn, cleared with the data or a reset.

``PointInfo`` remembers which data row is hovered (on the 2-D canvas or the 1-D rug) and shows its E-step
numbers (``gui.views.explain_text.PointNumbers``) under the parameters the E-step on screen used
(``Session.hover_params``): the weights, each component's density at the point and the responsibilities,
computed by the engine (``engine.density``, ``engine.model``). The controller calls ``refresh`` after every
drawn snapshot and ``clear`` when the data, K or the start change.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Slot

from engine.density import log_gaussian_prob
from engine.model import predict_proba
from gui.main.session import Session
from gui.main.window import MainWindow
from gui.views.explain_text import PointNumbers


class PointInfo(QObject):
    """The hovered point's numbers in the Explain panel (see the module docstring).

    Parameters
    ----------
    window : MainWindow
    session : Session
    """

    def __init__(self, window: MainWindow, session: Session) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self.row = -1
        window.point_hovered.connect(self._on_hovered)

    @Slot(int)
    def _on_hovered(self, row: int) -> None:
        self.row = row
        self.refresh()

    def numbers(self) -> PointNumbers | None:
        """The hovered point's E-step numbers under the parameters on screen, or None."""
        params, dataset = self._session.hover_params(), self._session.dataset
        if self.row < 0 or params is None or dataset is None or self.row >= dataset.n_samples \
                or params.n_features != dataset.n_features:
            return None
        x = dataset.X[self.row]
        densities = np.exp(log_gaussian_prob(x[None], params)[0])
        return PointNumbers(self.row, x, np.asarray(params.weights), densities, predict_proba(params, x[None])[0])

    def refresh(self) -> None:
        """Show the hovered point's numbers again (after a new snapshot), or nothing if none is hovered."""
        self._window.show_point_info(self.numbers())

    def clear(self) -> None:
        """Nothing is hovered any more (new data, a reset, a new K)."""
        self.row = -1
        self._window.clear_hover()
