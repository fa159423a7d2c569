"""The Model group: EM's settings, turned into a checked ``FitConfig``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from engine.config import FitConfig, InitMethod
from engine.covariance import CovarianceType
from engine.locks import CovarianceLock, Locks
from engine.params import MixtureParams
from gui.covariance_names import covariance_type_name
from gui.panels.widgets import LogSlider
from gui.settings import saved_choice, saved_int, saved_number

#: Most components the window fits and shows. The palette (``engine.palette``) gives any K distinct colours,
#: and the legend, the Explain panel and the Frozen list scroll; beyond 100 colours are hard to tell apart.
MAX_COMPONENTS = 100
#: ``seed`` spin box value that means "no seed" (fresh entropy every run).
NO_SEED = -1


class ModelPanel(QGroupBox):
    """K, covariance type, tol, max_iter, initialisation, seed, reg_covar and n_init.

    Signals
    -------
    changed()
        A setting changed through the controls (not through ``restore`` or ``use_model``).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Model"), parent)
        self.n_components = QSpinBox()
        self.n_components.setRange(1, MAX_COMPONENTS)
        self.n_components.setValue(3)
        self.n_components.setToolTip(self.tr("K, the number of Gaussian components EM fits to the data (at most "
                                             "{0}).").format(MAX_COMPONENTS))
        self.covariance_type = QComboBox()
        for kind in CovarianceType:
            self.covariance_type.addItem(covariance_type_name(kind), kind.value)
        self.covariance_type.setToolTip(self.tr("Shape each component's covariance may take in the M-step: "
                                                "any ellipse, one shared ellipse, axis-aligned, or a circle."))
        self.tol = LogSlider(-8, 0, zero_at_minimum=True)
        self.tol.setValue(1e-3)
        self.tol.setToolTip(self.tr("EM stops when the mean log-likelihood changes by less than this in an "
                                    "iteration (0 runs all max iterations)."))
        self.max_iter = QSpinBox()
        self.max_iter.setRange(0, 100_000)
        self.max_iter.setValue(100)
        self.max_iter.setToolTip(self.tr("EM stops after this many iterations even if it has not converged."))
        self.init = QComboBox()
        init_names = {InitMethod.KMEANS_PP: self.tr("k-means++"), InitMethod.KMEANS: self.tr("k-means"),
                      InitMethod.RANDOM: self.tr("random responsibilities"),
                      InitMethod.RANDOM_FROM_DATA: self.tr("random data points"),
                      InitMethod.TUTORIAL: self.tr("tutorial (data points, identity covariances)"),
                      InitMethod.GIVEN: self.tr("given (loaded model or by hand)")}
        for method in InitMethod:
            self.init.addItem(init_names[method], method.value)
        self.init.setToolTip(self.tr("How EM chooses its starting parameters; 'tutorial' is the textbooks' start "
                                     "(K random data points as means, identity covariances, equal weights); "
                                     "'given' starts from the loaded model or from the components placed on the "
                                     "canvas by hand."))
        self.seed = QSpinBox()
        self.seed.setRange(NO_SEED, 2**31 - 1)
        self.seed.setValue(0)
        self.seed.setSpecialValueText(self.tr("random"))
        self.seed.setToolTip(self.tr("Seed of EM's random start: the same seed gives the same fit; 'random' "
                                     "gives a new start every run."))
        self.reg_covar = LogSlider(-10, 0, zero_at_minimum=True)
        self.reg_covar.setValue(1e-6)
        self.reg_covar.setToolTip(self.tr("Added to every covariance's diagonal in the M-step, so no component "
                                          "can collapse onto a single point."))
        self.n_init = QSpinBox()
        self.n_init.setRange(1, 50)
        self.n_init.setToolTip(self.tr("EM runs from this many starts and keeps the one with the highest "
                                       "log-likelihood."))
        self.equal_weights = QCheckBox(self.tr("Keep the weights equal"))
        self.equal_weights.setToolTip(self.tr("Every weight stays 1/K in every M-step (with small fixed round "
                                              "covariances, EM then behaves like k-means)."))
        self.covariance_lock = QComboBox()
        lock_names = {CovarianceLock.FREE: self.tr("free"), CovarianceLock.FIXED: self.tr("fixed (as started)"),
                      CovarianceLock.SHARED: self.tr("shared by all")}
        for lock in CovarianceLock:
            self.covariance_lock.addItem(lock_names[lock], lock.value)
        self.covariance_lock.setToolTip(self.tr("Free: the M-step updates each covariance. Fixed: covariances "
                                                "keep their starting values. Shared: one covariance for all "
                                                "components, their responsibility-weighted mean."))
        self.frozen = QListWidget()
        self.frozen.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.frozen.setFlow(QListWidget.Flow.LeftToRight)
        self.frozen.setWrapping(True)
        self.frozen.setFixedHeight(self.frozen.fontMetrics().height() * 2 + 8)
        self.frozen.setToolTip(self.tr("Checked components are frozen: EM keeps their weight, mean and "
                                       "covariance as they started."))
        self.frozen.itemChanged.connect(self.changed)
        self.n_components.valueChanged.connect(self._update_frozen_items)
        self.equal_weights.toggled.connect(self.changed)
        self.covariance_lock.currentIndexChanged.connect(self.changed)
        for spin in (self.n_components, self.max_iter, self.seed, self.n_init):
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(self.changed)
        for combo in (self.covariance_type, self.init):
            combo.currentIndexChanged.connect(self.changed)
        self.tol.valueChanged.connect(self.changed)
        self.reg_covar.valueChanged.connect(self.changed)

        form = QFormLayout(self)
        form.addRow(self.tr("Components K"), self.n_components)
        form.addRow(self.tr("Covariance"), self.covariance_type)
        form.addRow(self.tr("tol"), self.tol)
        form.addRow(self.tr("Max iterations"), self.max_iter)
        form.addRow(self.tr("Initialisation"), self.init)
        form.addRow(self.tr("Seed"), self.seed)
        form.addRow(self.tr("reg_covar"), self.reg_covar)
        form.addRow(self.tr("Starts n_init"), self.n_init)
        form.addRow(self.tr("Locks"), self.equal_weights)
        form.addRow(self.tr("Covariances"), self.covariance_lock)
        form.addRow(self.tr("Frozen"), self.frozen)
        self._update_frozen_items()
        self.set_given_available(False)

    def _update_frozen_items(self) -> None:
        """One checkable item per component (checks of components that remain are kept)."""
        n_components = self.n_components.value()
        self.frozen.blockSignals(True)
        try:
            while self.frozen.count() > n_components:
                self.frozen.takeItem(self.frozen.count() - 1)
            for component in range(self.frozen.count(), n_components):
                item = QListWidgetItem(str(component))
                item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setToolTip(self.tr("Freeze component {0}: EM does not move it.").format(component))
                self.frozen.addItem(item)
        finally:
            self.frozen.blockSignals(False)

    def locks(self) -> Locks:
        """The parameters EM may not move, as chosen."""
        frozen = tuple(row for row in range(self.frozen.count())
                       if self.frozen.item(row).checkState() == Qt.CheckState.Checked)
        return Locks(self.equal_weights.isChecked(), CovarianceLock(self.covariance_lock.currentData()), frozen)

    def set_frozen(self, components: tuple[int, ...]) -> None:
        """Check exactly these components as frozen (emits ``changed``)."""
        for row in range(self.frozen.count()):
            state = Qt.CheckState.Checked if row in components else Qt.CheckState.Unchecked
            self.frozen.item(row).setCheckState(state)

    def config(self, init_params: MixtureParams | None) -> FitConfig:
        """The settings as a ``FitConfig``; ``init_params`` is used only with initialisation 'given'.

        Raises
        ------
        engine.errors.InputError
            If the settings do not fit together (for instance 'given' with a model of another K).
        """
        init = InitMethod(self.init.currentData())
        seed = self.seed.value()
        return FitConfig(
            n_components=self.n_components.value(),
            covariance_type=CovarianceType(self.covariance_type.currentData()),
            tol=self.tol.value(),
            max_iter=self.max_iter.value(),
            reg_covar=self.reg_covar.value(),
            init=init,
            n_init=self.n_init.value(),
            seed=None if seed == NO_SEED else seed,
            init_params=init_params if init is InitMethod.GIVEN else None,
            locks=self.locks(),
        )

    def uses_given(self) -> bool:
        return self.init.currentData() == InitMethod.GIVEN.value

    def set_given_available(self, available: bool) -> None:
        """Enable initialisation 'given' (there is a loaded model) or disable it and fall back to k-means++."""
        index = self.init.findData(InitMethod.GIVEN.value)
        model = self.init.model()
        if isinstance(model, QStandardItemModel):
            model.item(index).setEnabled(available)
        if not available and self.init.currentIndex() == index:
            self.init.setCurrentIndex(self.init.findData(InitMethod.KMEANS_PP.value))

    def use_model(self, params: MixtureParams) -> None:
        """Start from ``params``: K and covariance type follow the model, initialisation becomes 'given'."""
        self.blockSignals(True)
        try:
            self.set_given_available(True)
            self.n_components.setValue(params.n_components)
            self.covariance_type.setCurrentIndex(self.covariance_type.findData(params.covariance_type.value))
            self.init.setCurrentIndex(self.init.findData(InitMethod.GIVEN.value))
        finally:
            self.blockSignals(False)

    def fits_model(self, params: MixtureParams) -> bool:
        """True if K and the covariance type are those of ``params`` (so 'given' can start from it)."""
        return (self.n_components.value() == params.n_components
                and self.covariance_type.currentData() == params.covariance_type.value)

    def use_default_init(self) -> None:
        """Switch the initialisation back to k-means++ (without ``changed``)."""
        self.blockSignals(True)
        try:
            self.init.setCurrentIndex(self.init.findData(InitMethod.KMEANS_PP.value))
        finally:
            self.blockSignals(False)

    def controls(self) -> dict[str, Any]:
        """Every setting as it is, locks and initialisation 'given' included (``state`` is what is remembered)."""
        locks = self.locks()
        return {**self.state(), "init": self.init.currentData(), "equal_weights": locks.equal_weights,
                "covariance_lock": locks.covariances.value, "frozen": locks.frozen_components}

    def set_controls(self, values: dict[str, Any]) -> None:
        """Set the settings ``values`` names (keys of ``controls``), without ``changed``."""
        self.blockSignals(True)
        try:
            for key, spin in (("n_components", self.n_components), ("max_iter", self.max_iter),
                              ("seed", self.seed), ("n_init", self.n_init)):
                if key in values:
                    spin.setValue(int(values[key]))
            for key, slider in (("tol", self.tol), ("reg_covar", self.reg_covar)):
                if key in values:
                    slider.setValue(float(values[key]))
            if "covariance_type" in values:
                self.covariance_type.setCurrentIndex(self.covariance_type.findData(values["covariance_type"]))
            if "init" in values:
                if values["init"] == InitMethod.GIVEN.value:
                    self.set_given_available(True)
                self.init.setCurrentIndex(self.init.findData(values["init"]))
            if "equal_weights" in values:
                self.equal_weights.setChecked(bool(values["equal_weights"]))
            if "covariance_lock" in values:
                self.covariance_lock.setCurrentIndex(self.covariance_lock.findData(values["covariance_lock"]))
            if "frozen" in values:
                self.frozen.blockSignals(True)
                try:
                    self.set_frozen(tuple(values["frozen"]))
                finally:
                    self.frozen.blockSignals(False)
        finally:
            self.blockSignals(False)

    def state(self) -> dict[str, Any]:
        init = self.init.currentData()
        return {"n_components": self.n_components.value(), "covariance_type": self.covariance_type.currentData(),
                "tol": self.tol.value(), "max_iter": self.max_iter.value(),
                "init": InitMethod.KMEANS_PP.value if init == InitMethod.GIVEN.value else init,
                "seed": self.seed.value(), "reg_covar": self.reg_covar.value(), "n_init": self.n_init.value()}

    def restore(self, values: dict[str, Any]) -> None:
        """Set the controls from saved values, without ``changed``; a value that is damaged or out of the
        control's range (see ``gui.settings``) leaves that control at its default."""
        self.blockSignals(True)
        try:
            for key, spin in (("n_components", self.n_components), ("max_iter", self.max_iter),
                              ("seed", self.seed), ("n_init", self.n_init)):
                if (number := saved_int(values.get(key), spin.minimum(), spin.maximum())) is not None:
                    spin.setValue(number)
            for key, slider in (("tol", self.tol), ("reg_covar", self.reg_covar)):
                if (value := saved_number(values.get(key), slider.accepts)) is not None:
                    slider.setValue(value)
            for key, combo in (("covariance_type", self.covariance_type), ("init", self.init)):
                choices = [combo.itemData(index) for index in range(combo.count())]
                choice = saved_choice(values.get(key), [c for c in choices if c != InitMethod.GIVEN.value])
                if choice is not None:
                    combo.setCurrentIndex(combo.findData(choice))
        finally:
            self.blockSignals(False)
