"""The Display group: how the fit is drawn (never what EM does)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QWidget

from gui.settings import saved_choice, saved_flag


class DensityMode(Enum):
    """How the mixture density is drawn under the points."""

    NONE = "none"
    CONTOURS = "contours"
    HEAT_MAP = "heat map"


@dataclass(frozen=True, slots=True)
class DisplayOptions:
    """Drawing options of the canvas."""

    hard_labels: bool = False
    three_sigma: bool = False
    density: DensityMode = DensityMode.NONE


class DisplayPanel(QGroupBox):
    """Colours by responsibility or hard label, the 3-sigma ellipse, and the density.

    Signals
    -------
    changed(DisplayOptions)
    """

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Display"), parent)
        self.hard_labels = QCheckBox(self.tr("Hard labels"))
        self.hard_labels.setToolTip(self.tr("Colours each point by its most responsible component instead of "
                                            "mixing colours by the E-step's responsibilities."))
        self.three_sigma = QCheckBox(self.tr("3σ ellipses"))
        self.three_sigma.setToolTip(self.tr("Adds each component's 3-standard-deviation ellipse to the 1σ and "
                                            "2σ ones the M-step updates."))
        self.density = QComboBox()
        names = {DensityMode.NONE: self.tr("none"), DensityMode.CONTOURS: self.tr("contour lines"),
                 DensityMode.HEAT_MAP: self.tr("heat map")}
        for mode in DensityMode:
            self.density.addItem(names[mode], mode.value)
        self.density.setToolTip(self.tr("Draws the density of the current mixture, the model EM is improving."))
        form = QFormLayout(self)
        form.addRow(self.hard_labels)
        form.addRow(self.three_sigma)
        form.addRow(self.tr("Density"), self.density)
        self.hard_labels.toggled.connect(self._emit)
        self.three_sigma.toggled.connect(self._emit)
        self.density.currentIndexChanged.connect(self._emit)

    def set_one_dimensional(self, one_dimensional: bool) -> None:
        """Ellipses and the density choice do not apply to 1-D data (its view always draws the densities)."""
        self.three_sigma.setEnabled(not one_dimensional)
        self.density.setEnabled(not one_dimensional)

    def options(self) -> DisplayOptions:
        return DisplayOptions(self.hard_labels.isChecked(), self.three_sigma.isChecked(),
                              DensityMode(self.density.currentData()))

    def _emit(self) -> None:
        self.changed.emit(self.options())

    def state(self) -> dict[str, Any]:
        options = self.options()
        return {"hard_labels": int(options.hard_labels), "three_sigma": int(options.three_sigma),
                "density": options.density.value}

    def restore(self, values: dict[str, Any]) -> None:
        """Set the options from saved values; a damaged one (see ``gui.settings``) leaves its default."""
        for key, box in (("hard_labels", self.hard_labels), ("three_sigma", self.three_sigma)):
            if (checked := saved_flag(values.get(key))) is not None:
                box.setChecked(checked)
        choice = saved_choice(values.get("density"), [mode.value for mode in DensityMode])
        if choice is not None:
            self.density.setCurrentIndex(self.density.findData(choice))
