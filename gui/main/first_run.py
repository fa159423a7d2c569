"""A first run that teaches: the demo's moving start, a dismissible hint of the keys, and View > Restore defaults.

At the first launch (no saved controls) of the application (``create_window(..., teach=True)``, what
``gui.app.main`` does) the demo starts from the textbooks' start (``InitMethod.TUTORIAL``, seed 0: 20
iterations on the three-blobs demo, where k-means++ sits on the answer after 3) and waits ``DEMO_DELAY_MS``
per iteration, a pace a person can follow. A bar above the data view names the keys until it is dismissed,
which the settings remember. View > Restore defaults puts every control back to its default (the demo's
start and pace when teaching), forgets the saved layout and shows the hint again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from engine.config import InitMethod
from gui.settings import Settings

#: The hint's name in the settings.
KEYS_HINT = "keys"
#: The demo's pace at the first launch, in milliseconds per iteration.
DEMO_DELAY_MS = 200
#: The demo's start at the first launch.
DEMO_CONTROLS: dict[str, Any] = {"init": InitMethod.TUTORIAL.value, "seed": 0, "delay_ms": DEMO_DELAY_MS}


def _tr(text: str) -> str:
    return QCoreApplication.translate("FirstRun", text)


class KeysHint(QFrame):
    """A bar naming the keys, with a button that dismisses it.

    Signals
    -------
    dismissed()
    """

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KeysHint")
        self.setStyleSheet("#KeysHint { background: #fff6d5; border: 1px solid #e0c060; border-radius: 3px; }")
        self.text = QLabel(self.tr("<b>Space</b> runs EM · <b>N</b> one iteration · <b>E</b> / <b>M</b> a half-step "
                                   "· <b>R</b> back to the start · drag a mean to move it · hover a point for its "
                                   "numbers"))
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.close_button = QToolButton()
        self.close_button.setText(self.tr("Got it"))
        self.close_button.setToolTip(self.tr("Hides this hint for good (View > Restore defaults shows it again)."))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self._dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4, 2)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent | None) -> None:  # noqa: N802 - Qt's naming
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """Exactly as tall as its text at this width (a thin bar, not a splitter's share): on a narrow data view
        the text takes a third line, which a fixed height cut off."""
        margins = self.layout().contentsMargins()
        two_lines = 2 * self.text.fontMetrics().lineSpacing() + margins.top() + margins.bottom() + 2 * self.frameWidth()
        height = max(self.layout().totalHeightForWidth(self.width()), two_lines)
        if height != self.maximumHeight():
            self.setFixedHeight(height)
            self.layout().invalidate()  # lay the text out again at the new height (Qt would keep the old one)

    @Slot()
    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()


class FirstRun(QObject):
    """The demo's start, the keys hint and Restore defaults (see the module docstring).

    Parameters
    ----------
    window : MainWindow
    controller : Controller
    settings : Settings
    teach : bool
        The application's first launch shows the demo's moving start at a followable pace (tests pass False:
        they run with the panels' defaults and no delay).
    """

    def __init__(self, window, controller, settings: Settings, teach: bool) -> None:
        super().__init__(controller)
        self._window = window
        self._controller = controller
        self._settings = settings
        self._teach = teach
        self.defaults: dict[str, Any] = window.default_controls
        self.hint = KeysHint()
        self.hint.setVisible(not settings.hint_dismissed(KEYS_HINT))
        self.hint.dismissed.connect(lambda: settings.set_hint_dismissed(KEYS_HINT))
        window.add_hint(self.hint)
        self.restore_action = QAction(_tr("Restore &defaults"), window)
        self.restore_action.setToolTip(_tr("Puts every setting back to its default, forgets the window's layout "
                                           "and shows the keys hint again."))
        self.restore_action.triggered.connect(self.restore_defaults)
        window.view_menu.addSeparator()
        window.view_menu.addAction(self.restore_action)
        if teach and not settings.has_saved_controls():
            window.set_controls(DEMO_CONTROLS)

    @Slot()
    def restore_defaults(self) -> None:
        """Every control back to its default, the layout forgotten and fitted to the screen, the hint shown, and
        EM reset to the new start."""
        self._settings.restore_defaults()
        values = {**self.defaults, **(DEMO_CONTROLS if self._teach else {})}
        self._window.set_controls(values)
        self._window.restore_layout()
        self.hint.show()
        self._controller.reset_run()
        self._window.show_message(_tr("Every setting is back to its default."), 8000)
