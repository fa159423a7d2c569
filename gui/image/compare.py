"""Before and after over the same picture: the Image window's comparison of the original and the segmented picture.

The segmented view shows the original picture to the left of a split and the segmentation to the right
of it, at the same pixels (``wipe``); a slider moves the split (0 %: all segmented, 100 %: all original)
and the Original button (key O) shows the whole original while it is checked. ``CompareBar`` holds the two
controls; the controller draws ``wipe`` of what the session gives it.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("CompareBar", text)


def wipe(original: NDArray[np.uint8], segmented: NDArray[np.uint8], fraction: float) -> NDArray[np.uint8]:
    """The segmented picture with its left ``fraction`` of columns taken from the original.

    Parameters
    ----------
    original, segmented : ndarray of shape (height, width, 3), uint8
        The same grid of pixels.
    fraction : float
        In [0, 1]: 0 returns ``segmented`` itself, 1 the original.
    """
    width = segmented.shape[1]
    split = int(round(min(max(fraction, 0.0), 1.0) * width))
    if split <= 0:
        return segmented
    if split >= width:
        return original
    out = segmented.copy()
    out[:, :split] = original[:, :split]
    return out


class CompareBar(QWidget):
    """The slider of the split between original and segmented, and the Original button.

    Signals
    -------
    changed()
        The split or the button changed (``fraction()``).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original_button = QPushButton(_tr("Original"))
        self.original_button.setCheckable(True)
        self.original_button.setShortcut(QKeySequence(Qt.Key.Key_O))
        self.original_button.setToolTip(_tr("Show the original picture in place of the segmented one while checked "
                                            "(key O), to compare them at the same place."))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 100)
        self.slider.setToolTip(_tr("Before and after: the segmented picture shows the original left of this "
                                   "split (0: all segmented, 100: all original)."))
        self.original_button.toggled.connect(self.changed)
        self.slider.valueChanged.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.original_button)
        layout.addWidget(QLabel(_tr("Original left of the split:")))
        layout.addWidget(self.slider, 1)

    def fraction(self) -> float:
        """The share of the picture's width shown as the original, from the left (1 while Original is checked)."""
        return 1.0 if self.original_button.isChecked() else self.slider.value() / 100.0
