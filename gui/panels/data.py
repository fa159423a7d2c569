"""The Data group: a generated preset or a file, and which plane of the data to show."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.presets import PRESETS

DEFAULT_PRESET = "three-blobs"


@dataclass(frozen=True, slots=True)
class DataRequest:
    """A data set to generate with ``engine.presets.generate``."""

    preset: str
    n: int
    k: int
    d: int
    seed: int


class DataPanel(QGroupBox):
    """Choose a preset (or open a file) and, for more than two features, the plane to show.

    Signals
    -------
    generate_requested(DataRequest)
    open_requested()
    projection_changed()
    """

    generate_requested = Signal(object)
    open_requested = Signal()
    projection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Data"), parent)
        self.preset = QComboBox()
        for name, preset in PRESETS.items():
            self.preset.addItem(name, name)
            self.preset.setItemData(self.preset.count() - 1, QCoreApplication.translate("presets", preset.description),
                                    Qt.ItemDataRole.ToolTipRole)
        self.preset.setToolTip(self.tr("Generates a sample of a known mixture for EM to rediscover."))
        self.n_samples = _spin(10, 2_000_000, 500, self.tr("How many points to generate: EM's cost per "
                                                           "iteration grows with it."))
        self.n_samples.setSingleStep(100)
        self.k_true = _spin(1, 20, 3, self.tr("How many clusters the 'blobs' and 'random' presets draw from "
                                              "(EM's K is set under Model)."))
        self.d_true = _spin(1, 20, 2, self.tr("How many features the 'blobs' and 'random' presets have; "
                                              "EM fits in all of them."))
        self.seed = _spin(0, 2**31 - 1, 0, self.tr("Seed of the generated sample: the same seed gives the "
                                                  "same points."))
        self.generate = QPushButton(self.tr("Generate"))
        self.generate.setToolTip(self.tr("Draws a new data set from the preset and resets EM to its starting "
                                         "parameters."))
        self.open = QPushButton(self.tr("Open CSV/NPY…"))
        self.open.setToolTip(self.tr("Loads data (or a saved model) from a file for EM to fit."))
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setToolTip(self.tr("The data EM is fitting."))

        self.plane = QComboBox()
        self.plane.addItem(self.tr("two features"), "features")
        self.plane.addItem(self.tr("principal components"), "pca")
        self.plane.setToolTip(self.tr("Shows two chosen features or the first two principal components; EM "
                                      "still fits in all dimensions."))
        self.x_feature = QComboBox()
        self.x_feature.setToolTip(self.tr("Feature on the horizontal axis (only the view changes, not EM)."))
        self.y_feature = QComboBox()
        self.y_feature.setToolTip(self.tr("Feature on the vertical axis (only the view changes, not EM)."))
        self.projection_box = QWidget()
        projection_form = QFormLayout(self.projection_box)
        projection_form.setContentsMargins(0, 0, 0, 0)
        projection_form.addRow(self.tr("Show"), self.plane)
        projection_form.addRow(self.tr("x axis"), self.x_feature)
        projection_form.addRow(self.tr("y axis"), self.y_feature)
        self.projection_box.setVisible(False)

        form = QFormLayout()
        form.addRow(self.tr("Preset"), self.preset)
        form.addRow(self.tr("Points n"), self.n_samples)
        sizes = QHBoxLayout()
        sizes.addWidget(QLabel(self.tr("k")))
        sizes.addWidget(self.k_true)
        sizes.addWidget(QLabel(self.tr("d")))
        sizes.addWidget(self.d_true)
        form.addRow(self.tr("Clusters"), sizes)
        form.addRow(self.tr("Seed"), self.seed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.generate)
        buttons.addWidget(self.open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source)  # what is fitted comes first: the controls below only generate a preset
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.projection_box)

        self.preset.activated.connect(self._on_preset_activated)
        self.preset.currentIndexChanged.connect(self._update_enabled)
        self.generate.clicked.connect(lambda: self.generate_requested.emit(self.request()))
        self.open.clicked.connect(self.open_requested)
        self.plane.currentIndexChanged.connect(self._on_plane_changed)
        self.x_feature.currentIndexChanged.connect(self._on_feature_changed)
        self.y_feature.currentIndexChanged.connect(self._on_feature_changed)
        self.preset.setCurrentIndex(max(0, self.preset.findData(DEFAULT_PRESET)))
        self._update_enabled()

    def request(self) -> DataRequest:
        """The data set the controls describe."""
        return DataRequest(str(self.preset.currentData()), self.n_samples.value(), self.k_true.value(),
                           self.d_true.value(), self.seed.value())

    def set_source(self, text: str) -> None:
        self.source.setText(text)

    def set_features(self, names: tuple[str, ...]) -> None:
        """Offer the plane controls for more than two features (first two features, or kept if possible)."""
        old = (self.x_feature.currentText(), self.y_feature.currentText())
        for combo in (self.x_feature, self.y_feature):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(list(names))
        first = names.index(old[0]) if old[0] in names else 0
        second = names.index(old[1]) if old[1] in names else 1
        if second == first or second >= len(names):
            second = 1 if first == 0 else 0
        self.x_feature.setCurrentIndex(first)
        self.y_feature.setCurrentIndex(min(second, len(names) - 1))
        for combo in (self.x_feature, self.y_feature):
            combo.blockSignals(False)
        self.projection_box.setVisible(len(names) > 2)
        self._on_plane_changed()

    def projection_choice(self) -> tuple[str, int, int]:
        """``("features", x, y)`` or ``("pca", 0, 1)``."""
        if self.plane.currentData() == "pca":
            return ("pca", 0, 1)
        return ("features", self.x_feature.currentIndex(), self.y_feature.currentIndex())

    def set_projection_choice(self, choice: tuple[str, int, int]) -> None:
        """Show the plane ``choice`` (as ``projection_choice`` gives it) when the features allow it."""
        kind, first, second = choice
        index = self.plane.findData(kind)
        if index >= 0:
            self.plane.setCurrentIndex(index)
        if kind == "features" and max(first, second) < self.x_feature.count():
            self.x_feature.setCurrentIndex(first)
            self.y_feature.setCurrentIndex(second)

    def state(self) -> dict[str, Any]:
        return {"preset": self.preset.currentData(), "n": self.n_samples.value(), "k_true": self.k_true.value(),
                "d_true": self.d_true.value(), "data_seed": self.seed.value(), "plane": self.plane.currentData()}

    def restore(self, values: dict[str, Any]) -> None:
        """Set the controls from saved values (unknown or bad values are skipped)."""
        index = self.preset.findData(values.get("preset"))
        if index >= 0:
            self.preset.setCurrentIndex(index)
        for key, spin in (("n", self.n_samples), ("k_true", self.k_true), ("d_true", self.d_true),
                          ("data_seed", self.seed)):
            _restore_int(spin, values.get(key))
        index = self.plane.findData(values.get("plane"))
        if index >= 0:
            self.plane.setCurrentIndex(index)

    def _on_preset_activated(self) -> None:
        self.generate_requested.emit(self.request())

    def _update_enabled(self) -> None:
        preset = PRESETS.get(str(self.preset.currentData()))
        uses_k_d = bool(preset and preset.uses_k_d)
        self.k_true.setEnabled(uses_k_d)
        self.d_true.setEnabled(uses_k_d)

    def _on_plane_changed(self) -> None:
        by_features = self.plane.currentData() == "features"
        self.x_feature.setEnabled(by_features)
        self.y_feature.setEnabled(by_features)
        self.projection_changed.emit()

    def _on_feature_changed(self) -> None:
        if self.plane.currentData() == "features":
            self.projection_changed.emit()


def _spin(low: int, high: int, value: int, tooltip: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setToolTip(tooltip)
    spin.setKeyboardTracking(False)
    return spin


def _restore_int(spin: QSpinBox, value: Any) -> None:
    try:
        spin.setValue(int(value))
    except (TypeError, ValueError):
        pass
