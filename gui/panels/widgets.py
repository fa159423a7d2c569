"""Small widgets the panels share."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget


class LogSlider(QWidget):
    """A slider over powers of ten (``steps_per_decade`` positions a decade) with the value beside it.

    Parameters
    ----------
    low_exponent, high_exponent : int
        The range is ``10**low_exponent`` to ``10**high_exponent``.
    steps_per_decade : int
    zero_at_minimum : bool
        The leftmost position means 0 (shown as "0").
    """

    valueChanged = Signal(float)  # noqa: N815 - Qt's naming

    def __init__(self, low_exponent: int, high_exponent: int, steps_per_decade: int = 4,
                 zero_at_minimum: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._low = low_exponent
        self._steps = steps_per_decade
        self._zero_at_minimum = zero_at_minimum
        self._slider = QSlider(Qt.Orientation.Horizontal)
        self._slider.setRange(0, (high_exponent - low_exponent) * steps_per_decade + (1 if zero_at_minimum else 0))
        self._slider.setPageStep(steps_per_decade)
        self._label = QLabel()
        self._label.setMinimumWidth(self._label.fontMetrics().horizontalAdvance("1.0e-10 "))
        self._label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._slider, 1)
        layout.addWidget(self._label)
        self._slider.valueChanged.connect(self._on_slider)
        self._on_slider(self._slider.value())

    def _value_at(self, position: int) -> float:
        if self._zero_at_minimum:
            if position == 0:
                return 0.0
            position -= 1
        return 10.0 ** (self._low + position / self._steps)

    def _on_slider(self, position: int) -> None:
        value = self._value_at(position)
        self._label.setText("0" if value == 0 else f"{value:.1e}".replace("e-0", "e-").replace("e+0", "e"))
        self.valueChanged.emit(value)

    def value(self) -> float:
        return self._value_at(self._slider.value())

    def accepts(self, value: float) -> bool:
        """True if ``value`` is on the slider's scale: 0 (if it has one) or within its decades."""
        if value == 0:
            return self._zero_at_minimum
        low, high = self._value_at(1 if self._zero_at_minimum else 0), self._value_at(self._slider.maximum())
        return math.isfinite(value) and low * (1 - 1e-9) <= value <= high * (1 + 1e-9)

    def setValue(self, value: float) -> None:  # noqa: N802 - Qt's naming
        """Move to the position nearest ``value`` (on the log scale)."""
        offset = 1 if self._zero_at_minimum else 0
        if value <= 0:
            position = 0 if self._zero_at_minimum else self._slider.minimum()
        else:
            position = round((math.log10(value) - self._low) * self._steps) + offset
        self._slider.setValue(max(self._slider.minimum() + (offset if value > 0 else 0),
                                  min(self._slider.maximum(), position)))

    def setToolTip(self, text: str) -> None:  # noqa: N802 - Qt's naming
        super().setToolTip(text)
        self._slider.setToolTip(text)
        self._label.setToolTip(text)
