"""The Run group: buttons for the run actions, and the speed of a live run."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.settings import saved_int

#: Longest delay the speed slider offers, in milliseconds per iteration.
MAX_DELAY_MS = 1000


class RunPanel(QGroupBox):
    """Run/Pause, Stop, Step, E-step, M-step and Reset (the window's actions) and a delay per iteration.

    Parameters
    ----------
    actions : list of QAction
        Shown as buttons, two to a row, in this order; their text, tooltip, shortcut and enabled state
        are the actions' own.

    Signals
    -------
    delay_changed(int)
        The delay per iteration in milliseconds.
    """

    delay_changed = Signal(int)

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Run"), parent)
        grid = QGridLayout()
        for index, action in enumerate(actions):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must stay the Run/Pause shortcut
            grid.addWidget(button, index // 2, index % 2)
        self.delay = QSlider(Qt.Orientation.Horizontal)
        self.delay.setRange(0, MAX_DELAY_MS)
        self.delay.setSingleStep(10)
        self.delay.setPageStep(100)
        self.delay.setToolTip(self.tr("Waits this long after every EM iteration so you can watch the fit; "
                                      "EM itself is not changed."))
        self.delay_label = QLabel()
        self.delay_label.setMinimumWidth(self.delay_label.fontMetrics().horizontalAdvance("1000 ms/iter "))
        self.delay_label.setToolTip(self.delay.toolTip())
        speed = QHBoxLayout()
        speed.addWidget(QLabel(self.tr("Delay")))
        speed.addWidget(self.delay, 1)
        speed.addWidget(self.delay_label)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(speed)
        self.delay.valueChanged.connect(self._on_delay)
        self._on_delay(self.delay.value())

    def _on_delay(self, milliseconds: int) -> None:
        self.delay_label.setText(self.tr("none") if milliseconds == 0 else self.tr("%n ms/iter", "", milliseconds))
        self.delay_changed.emit(milliseconds)

    def delay_ms(self) -> int:
        return self.delay.value()

    def restore(self, values: dict[str, object]) -> None:
        """Set the delay from saved values (``delay_ms``); a damaged or out-of-range one leaves the default."""
        if (milliseconds := saved_int(values.get("delay_ms"), self.delay.minimum(), self.delay.maximum())) is not None:
            self.delay.setValue(milliseconds)
