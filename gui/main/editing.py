"""Edits by hand in the main window: components placed on the canvas, points painted, erased or cleared.

``HandEdits`` listens to the window's canvas tools. Components moved, stretched, added or removed by hand
become the session's ``hand_params``, EM's start with initialisation "given". A stroke of the brush or
the eraser, or Clear, becomes one undoable edit (``gui.views.paint.DataEdit``) whose data set
``data_edited`` hands to the controller, when it is done and when it is undone or redone. (Hovering a
point is ``gui.main.point_info``.)
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from engine.covariance import CovarianceType
from engine.errors import GMMError
from engine.io.tables import Dataset
from engine.model import predict_proba
from gui.i18n.engine_errors import translated_error
from gui.main.session import Session
from gui.main.window import MainWindow
from gui.panels.model import MAX_COMPONENTS
from gui.views.hand_edit import HandMixture, to_params
from gui.views.paint import DataEdit, PaintedData


def _tr(text: str) -> str:
    return QCoreApplication.translate("Controller", text)


class HandEdits(QObject):
    """The canvas tools' edits (see the module docstring).

    Parameters
    ----------
    window : MainWindow
    session : Session

    Signals
    -------
    editing_started()
        Components are being moved by hand: the run on screen must stop, and its late snapshots must not
        undo the edit.
    data_edited(object, bool)
        The data set an edit made, or None when no point is left; and True if it has at least K points, so
        EM can start on it.
    """

    editing_started = Signal()
    data_edited = Signal(object, bool)

    def __init__(self, window: MainWindow, session: Session) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        window.hand_edited.connect(self._on_hand_edited)
        window.painted.connect(self._on_painted)
        window.clear_requested.connect(self._on_clear)

    @Slot(object, bool)
    def _on_hand_edited(self, mixture: HandMixture, finished: bool) -> None:
        """A component moved, stretched, added or removed by hand: it becomes EM's starting point."""
        self.editing_started.emit()
        session, window = self._session, self._window
        session.latest = None
        try:
            window.show_hand_mixture(to_params(mixture, CovarianceType.FULL))
        except GMMError:
            pass  # a degenerate ellipse is not drawn; the finished edit says why it cannot be used
        if not finished or session.dataset is None:
            return
        try:
            params = to_params(mixture, window.covariance_type())
        except GMMError as error:
            window.show_error(_tr("These components cannot be used"), translated_error(str(error)))
            return
        if params.n_components > MAX_COMPONENTS:
            window.show_error(_tr("These components cannot be used"), _tr(
                "The window fits at most {0} components: remove one (right-click its mean) first.").format(
                MAX_COMPONENTS))
            return
        session.hand_params = params
        window.use_model(params)
        resp = predict_proba(params, session.dataset.X[session.view_indices])
        window.show_hand_start(params, resp, _tr("Components placed by hand: R shows them as EM's start,\n"
                                                 "E takes the first E-step from them."))
        window.show_message(_tr("{0} components placed by hand: Space runs EM from them (initialisation "
                                "'given').").format(params.n_components), 8000)

    @Slot(object, bool)
    def _on_painted(self, data: PaintedData, finished: bool) -> None:
        """A brush or eraser stroke: shown as it goes, one undoable edit when the mouse is released."""
        if not finished:
            self._window.show_painting(data[0], self._session.feature_names())
            return
        text = _tr("Erase") if self._window.erasing() else _tr("Paint")
        self._push(text, data)

    @Slot()
    def _on_clear(self) -> None:
        self._push(_tr("Clear"), (np.empty((0, 2)), np.empty(0, dtype=np.int64)))

    def _push(self, text: str, data: PaintedData) -> None:
        """One undoable edit from the painted data now to ``data``, with the feature names of the plane painted in:
        undone later, in a lesson on other data (one feature), it still names the painted points' columns."""
        names = self._session.feature_names()
        self._window.push_edit(DataEdit(text, self._session.painted(), data,
                                        lambda painted: self._apply(painted, names)))

    def _apply(self, data: PaintedData, feature_names: tuple[str, ...]) -> None:
        """Hand over ``data`` (points and true classes) as the data set (an edit done, undone or redone)."""
        points, labels = data
        if len(points) == 0:
            self.data_edited.emit(None, False)
            return
        dataset = Dataset(points, feature_names, source="painted", labels=labels)
        self.data_edited.emit(dataset, len(points) >= self._window.component_count())
