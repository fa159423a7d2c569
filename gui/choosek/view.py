"""The Choose-K view: the run's settings, Choose and Stop, the progress, the criterion, the plot and the table.

``ChooseKView`` is the content of the Choose K panel. It reads its controls into a ``SelectionConfig``
(``config``) and shows a ``gui.choosek.board.SelectionBoard`` (``show_board``); everything it asks for goes
out as signals, wired by ``gui.choosek.chooser.KChooser``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engine.covariance import CovarianceType
from engine.errors import InputError
from engine.selection.grid import DEFAULT_FOLDS, DEFAULT_MAX_K, DEFAULT_N_INIT, Criterion, SelectionConfig
from gui.choosek.board import SelectionBoard
from gui.choosek.plot import CriterionPlot
from gui.choosek.table import ModelsTable, criterion_name, format_value
from gui.covariance_names import covariance_type_name
from gui.panels.model import MAX_COMPONENTS

#: Largest seed the seed box takes.
MAX_SEED = 2**31 - 1


class ChooseKView(QWidget):
    """Settings, progress, plot and table of a model selection (see the module docstring).

    Signals
    -------
    run_requested()
        Choose was clicked.
    stop_requested()
        Stop was clicked.
    cell_clicked(int)
        A point of the plot or a row of the table: that cell's grid index.
    criterion_changed()
        Another criterion was chosen (the board is drawn again by it).
    """

    run_requested = Signal()
    stop_requested = Signal()
    cell_clicked = Signal(int)
    criterion_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.k_from = self._spin(1, MAX_COMPONENTS, 1, self.tr("The smallest number of components tried."))
        self.k_to = self._spin(1, MAX_COMPONENTS, DEFAULT_MAX_K, self.tr(
            "The largest number of components tried. From 1 to 9 (the default), K stops at the number of "
            "distinct points when the data has fewer."))
        self.n_init = self._spin(1, 50, DEFAULT_N_INIT, self.tr(
            "k-means++ starts per cell; the best is continued to a tight tolerance (1e-8)."))
        self.folds = self._spin(2, 50, DEFAULT_FOLDS, self.tr(
            "Cross-validation folds for the held-out log-likelihood (the same folds for every cell)."))
        self.seed = self._spin(0, MAX_SEED, 0, self.tr("Every cell's starts and the folds come from this seed."))
        self.types: dict[CovarianceType, QCheckBox] = {}
        for covariance_type in CovarianceType:
            box = QCheckBox(covariance_type_name(covariance_type))
            box.setChecked(True)
            box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            box.setToolTip(self.tr("Fit the covariance type '{0}' for every K.").format(
                covariance_type_name(covariance_type)))
            self.types[covariance_type] = box
        self.choose = QPushButton(self.tr("Choose K"))
        self.choose.setToolTip(self.tr("Fits every K and covariance type of the grid to the data on screen, each to "
                                       "its optimum, and ranks them (Ctrl+K)."))
        self.stop = QPushButton(self.tr("Stop"))
        self.stop.setToolTip(self.tr("Stops the selection after the cell it is fitting; the finished cells stay."))
        for button in (self.choose, self.stop):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stop.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("no run yet"))
        self.progress.setToolTip(self.tr("Cells of the grid finished, of all."))
        self.activity = QLabel()
        # wrapped: else its longest text ("... cross-validation fold 5 of 5") set the panel's width
        self.activity.setWordWrap(True)
        self.activity.setToolTip(self.tr("What the selection is fitting now."))
        self.criterion = QComboBox()
        for criterion, text in ((Criterion.BIC, self.tr("BIC")), (Criterion.AIC, self.tr("AIC")),
                                (Criterion.ICL, self.tr("ICL")), (Criterion.CV, self.tr("held-out log-lik. (CV)"))):
            self.criterion.addItem(text, criterion.value)
        self.criterion.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.criterion.setToolTip(self.tr(
            "What ranks the cells. BIC = -2 log L + p log N and AIC = -2 log L + 2 p (as scikit-learn's bic() and "
            "aic()), ICL = BIC plus the classification's entropy (mclust's, in this sign): lower is better. "
            "Held-out log-likelihood per point over the folds: higher is better."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.plot = CriterionPlot()
        self.table = ModelsTable()

        # The settings in three short rows (the four types in two columns): in two long ones they made the panel
        # (and the dock it shares with Explain) so wide that the canvas kept a third of a 1280-pixel window.
        first_row = QHBoxLayout()
        first_row.setSpacing(4)
        for widget in (QLabel(self.tr("K from")), self.k_from, QLabel(self.tr("to")), self.k_to):
            first_row.addWidget(widget)
        first_row.addStretch(1)
        second_row = QHBoxLayout()
        second_row.setSpacing(4)
        for widget in (QLabel(self.tr("Starts")), self.n_init, QLabel(self.tr("Folds")), self.folds,
                       QLabel(self.tr("Seed")), self.seed):
            if isinstance(widget, QLabel) and second_row.count():
                second_row.addSpacing(10)
            second_row.addWidget(widget)
        second_row.addStretch(1)
        types = QGridLayout()
        types.setHorizontalSpacing(8)
        types.setVerticalSpacing(2)
        for position, box in enumerate(self.types.values()):
            types.addWidget(box, position // 2, position % 2)
        types.setColumnStretch(2, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose)
        buttons.addWidget(self.stop)
        buttons.addWidget(self.progress, 1)
        criterion_row = QHBoxLayout()
        criterion_row.addWidget(QLabel(self.tr("Rank by")))
        criterion_row.addWidget(self.criterion)
        criterion_row.addStretch(1)
        results = QSplitter(Qt.Orientation.Vertical)
        results.addWidget(self.plot)
        results.addWidget(self.table)
        results.setStretchFactor(0, 1)
        results.setStretchFactor(1, 1)
        results.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(first_row)
        layout.addLayout(second_row)
        layout.addLayout(types)
        layout.addLayout(buttons)
        layout.addWidget(self.activity)
        layout.addLayout(criterion_row)
        layout.addWidget(self.summary)
        layout.addWidget(results, 1)

        self.choose.clicked.connect(self.run_requested)
        self.stop.clicked.connect(self.stop_requested)
        self.plot.cell_clicked.connect(self.cell_clicked)
        self.table.cell_clicked.connect(self.cell_clicked)
        self.criterion.currentIndexChanged.connect(self.criterion_changed)

    def _spin(self, low: int, high: int, value: int, tip: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setToolTip(tip)
        digits = len(str(high))
        spin.setMaximumWidth(spin.fontMetrics().horizontalAdvance("9" * min(digits, 6)) + 36)
        return spin

    # --- reading the controls -------------------------------------------------------------------

    def current_criterion(self) -> Criterion:
        return Criterion(self.criterion.currentData())

    def config(self, reg_covar: float) -> SelectionConfig:
        """The settings as a ``SelectionConfig`` (tol and max_iter the selection's defaults).

        Raises
        ------
        InputError
            For a reversed K range or no covariance type.
        """
        low, high = self.k_from.value(), self.k_to.value()
        if high < low:
            raise InputError(self.tr("The range of K is reversed: {0} to {1}.").format(low, high))
        types = tuple(covariance_type for covariance_type, box in self.types.items() if box.isChecked())
        if not types:
            raise InputError(self.tr("Tick at least one covariance type."))
        ks = None if (low, high) == (1, DEFAULT_MAX_K) else tuple(range(low, high + 1))
        return SelectionConfig(ks=ks, covariance_types=types, n_init=self.n_init.value(), seed=self.seed.value(),
                               reg_covar=reg_covar, folds=self.folds.value(), criterion=self.current_criterion())

    # --- showing --------------------------------------------------------------------------------

    def set_running(self, running: bool) -> None:
        self.choose.setEnabled(not running)
        self.stop.setEnabled(running)

    def show_progress(self, done: int, total: int, activity: str = "") -> None:
        """``done`` of ``total`` cells finished; ``activity`` says what is being fitted."""
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("{0} / {1} cells").format(done, total))
        self.activity.setText(activity)

    def show_board(self, board: SelectionBoard, shown: int | None) -> None:
        """Draw the board's cells by the chosen criterion; ``shown`` is the cell on the canvas, if any."""
        criterion = self.current_criterion()
        best = board.best(criterion)
        self.plot.set_types(board.config.covariance_types)
        self.plot.show_series(board.series(criterion), criterion,
                              best.cell_index if best is not None else None, board.config.ks)
        self.plot.set_shown(shown)
        self.table.show_ranked(board.ranked(criterion), criterion, shown)
        if best is None:
            self.summary.setText(self.tr("No usable cell yet.") if board.n_done else "")
        else:
            text = self.tr("Best: K = {0}, {1} ({2} {3}).") if board.result is not None else self.tr(
                "Best so far: K = {0}, {1} ({2} {3}).")
            self.summary.setText(text.format(best.n_components, covariance_type_name(best.covariance_type),
                                             criterion_name(criterion), format_value(best.value(criterion), criterion)))

    def set_shown(self, cell_index: int | None) -> None:
        self.plot.set_shown(cell_index)
        self.table.set_shown(cell_index)

    def show_note(self, text: str) -> None:
        """A sentence under the progress bar (a finished run, an error, stale results)."""
        self.activity.setText(text)

    def clear(self) -> None:
        """No results: an empty plot and table."""
        self.plot.clear()
        self.table.setRowCount(0)
        self.summary.setText("")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("no run yet"))


__all__ = ["ChooseKView"]
